import base64
from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.ubnd_quyche.tests.common import UbndCommonCase


class UbndTaskCase(UbndCommonCase):
    """The core's test committee, with people placed in units and a lower-level committee.

    Units: the Office (with its monitoring section), the Department of Construction (lead unit of
    most tests: head ``unit_head``, focal officer ``staff``), the Department of Finance (coordinating
    unit: head ``member_finance``, specialist ``finance_staff``) and a ward whose own committee
    (``ward_committee``) sees the tasks the city assigns to it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Department = env["hr.department"].with_company(cls.company)

        def user(login, groups, company=cls.company):
            return new_test_user(env, login=login, groups=groups, company_id=company.id,
                                 company_ids=[(6, 0, company.ids)], tz="Asia/Ho_Chi_Minh")

        cls.office_clerk = user("t_office_clerk", "ubnd_quyche.group_ubnd_office")
        cls.finance_staff = user("t_finance_staff", "ubnd_quyche.group_ubnd_staff")
        cls.finance = Department.create({"name": "Sở Tài chính", "company_id": cls.company.id,
                                         "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "department"})
        cls.office_section = Department.create({
            "name": "Phòng Kiểm tra, giám sát", "company_id": cls.company.id, "parent_id": cls.office.id,
            "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "other",
        })
        Employee = env["hr.employee"].with_company(cls.company)

        def employee(user, unit):
            return Employee.create({"name": user.name, "user_id": user.id, "department_id": unit.id,
                                    "company_id": cls.company.id})

        cls.department.manager_id = employee(cls.unit_head, cls.department)
        employee(cls.staff, cls.department)
        cls.finance.manager_id = employee(cls.member_finance, cls.finance)
        employee(cls.finance_staff, cls.finance)
        cls.office.manager_id = employee(cls.chief_office, cls.office)
        employee(cls.deputy_office, cls.office)
        employee(cls.office_clerk, cls.office_section)
        cls.department.ubnd_task_focal_user_id = cls.staff

        # A ward with its own committee (lower level) that receives tasks from the city.
        cls.ward_company = env["res.company"].create({"name": "UBND phường Một"})
        cls.ward_chairman = user("t_ward_chairman", "ubnd_quyche.group_ubnd_chairman", cls.ward_company)
        cls.ward_clerk = user("t_ward_clerk", "ubnd_quyche.group_ubnd_office", cls.ward_company)
        cls.ward_committee = env["ubnd.committee"].create({
            "name": "Ủy ban nhân dân phường Một", "company_id": cls.ward_company.id, "level": "commune",
            "parent_id": cls.committee.id,
        })
        env["ubnd.committee.member"].create({"committee_id": cls.ward_committee.id, "user_id": cls.ward_chairman.id,
                                             "role": "chairman"})
        cls.commune.ubnd_subordinate_committee_id = cls.ward_committee

        cls.directive = cls.issued_directive(
            "Chỉ thị về tăng cường kỷ luật, kỷ cương trong thực hiện nhiệm vụ được giao", 12, date(2026, 11, 2))
        # An earlier directive for the tasks whose deadline falls before 12/CT-UBND: a deadline never precedes
        # the document that assigns the task (002 Đ5.1.e).
        cls.early_directive = cls.issued_directive("Chỉ thị về nhiệm vụ trọng tâm năm 2026", 1, date(2026, 1, 5))
        cls.Task = env["ubnd.task"]

    # --- helpers ------------------------------------------------------------------------------------
    @classmethod
    def issued_directive(cls, name, number, day):
        """A directive of the Chairman, already issued (built as the server, as an issued document is)."""
        return cls.env["ubnd.document"].create({
            "name": name, "committee_id": cls.committee.id, "document_type_id": cls.env.ref("ubnd_quyche.doctype_ct").id,
            "authority": "chairman", "field_id": cls.field_construction.id, "drafting_unit_id": cls.office.id,
            "state": "issued", "number": number, "year": day.year, "reference": "%02d/CT-UBND" % number,
            "date": day, "signer_id": cls.chairman.id,
        })

    @classmethod
    def make_task(cls, **vals):
        values = {
            "name": "Rà soát quy hoạch khu đô thị ven sông",
            "committee_id": cls.committee.id,
            "document_id": cls.directive.id,
            "lead_unit_id": cls.department.id,
            "tracking_unit_id": cls.office_section.id,
            "tracking_user_id": cls.office_clerk.id,
            "field_id": cls.field_construction.id,
            "content": "<p>Rà soát, báo cáo UBND thành phố.</p>",
            "deadline": date(2026, 11, 27),
            "deadline_kind": "report",
        }
        values.update(vals)
        if "document_id" not in vals and isinstance(values.get("deadline"), date) and values["deadline"] < cls.directive.date:
            values["document_id"] = cls.early_directive.id
        if "deadline" in vals and not vals["deadline"]:
            values.pop("deadline_kind")
        values = {key: value for key, value in values.items() if value is not None}
        return cls.Task.with_user(cls.office_clerk).create(values)

    def assign(self, task, on=date(2026, 11, 3)):
        with freeze_time(on):
            task.with_user(self.office_clerk).action_assign()
            self.env.flush_all()
        return task

    def attachment(self, user, name="bao-cao.pdf"):
        return self.env["ir.attachment"].with_user(user).create({
            "name": name, "datas": base64.b64encode(b"%PDF-1.4 bao cao"),
        })

    def report(self, task, on, kind="completion", report_date=None, user=None, written=True, **vals):
        user = user or self.staff
        with freeze_time(on):
            values = {"task_id": task.id, "kind": kind, "written_report": written, "note": "Đã hoàn thành."}
            if written and kind in ("progress", "completion"):
                values.update({
                    "report_reference": "45/BC-SXD",
                    "report_date": report_date or on,
                    "attachment_ids": [(6, 0, self.attachment(user).ids)],
                })
            values.update(vals)
            update = self.env["ubnd.task.update"].with_user(user).create(values)
            self.env.flush_all()
            return update

    def confirm(self, update, on):
        with freeze_time(on):
            update.with_user(self.office_clerk).action_confirm()
            self.env.flush_all()
        return update

    def status_on(self, task, day):
        """The stored status after the nightly cron of ``day`` ran."""
        with freeze_time(day):
            self.Task._cron_mark_overdue()
            self.env.flush_all()
        task.invalidate_recordset(["status"])
        return task.status
