from datetime import date, datetime, time

import pytz

from odoo.tests import new_test_user

from odoo.addons.ubnd_quyche.tests.common import UbndCommonCase


class ProgrammeCase(UbndCommonCase):
    """The core's test city committee, with unit heads bound to their units, plus a ward committee.

    City (province level, Hải Phòng preset values): the department's head is ``unit_head``, the Office's head the
    Chief of Office, ``staff`` works in the department, ``member_finance`` heads a finance department.
    Ward (commune level, a copy of the Trị An preset): a Chairman, a Vice-Chairman for the economy, a Chief of
    Office, an economy unit headed by ``ward_head``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Employee = env["hr.employee"].with_company(cls.company)
        Department = env["hr.department"].with_company(cls.company)
        cls.finance = Department.create({"name": "Sở Tài chính", "company_id": cls.company.id,
                                         "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "department"})

        def employee(name, user, unit, model=Employee, company=cls.company):
            return model.create({"name": name, "user_id": user.id, "department_id": unit.id, "company_id": company.id})

        cls.department.manager_id = employee("Giám đốc Sở Xây dựng", cls.unit_head, cls.department)
        cls.office.manager_id = employee("Chánh Văn phòng", cls.chief_office, cls.office)
        cls.finance.manager_id = employee("Giám đốc Sở Tài chính", cls.member_finance, cls.finance)
        employee("Chuyên viên", cls.staff, cls.department)
        employee("Phó Chánh Văn phòng", cls.deputy_office, cls.office)
        cls.commune_chair = new_test_user(env, login="t_commune_chair", groups="ubnd_quyche.group_ubnd_unit_head",
                                          company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        cls.commune.manager_id = employee("Chủ tịch UBND phường Một", cls.commune_chair, cls.commune)
        # A member who is neither a Vice-Chairman nor the head of a unit (e.g. the police commander).
        cls.plain_member = new_test_user(env, login="t_member_police", groups="ubnd_quyche.group_ubnd_member",
                                         company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        env["ubnd.committee.member"].create({"committee_id": cls.committee.id, "user_id": cls.plain_member.id,
                                             "role": "member"})

        # The ward.
        cls.ward_company = env["res.company"].create({"name": "UBND phường Thử nghiệm"})

        def ward_user(login, groups):
            return new_test_user(env, login=login, groups=groups, company_id=cls.ward_company.id,
                                 company_ids=[(6, 0, cls.ward_company.ids)])

        cls.ward_chairman = ward_user("w_chairman", "ubnd_quyche.group_ubnd_chairman")
        cls.ward_vc = ward_user("w_vc", "ubnd_quyche.group_ubnd_vice_chairman")
        cls.ward_chief_office = ward_user("w_chief_office", "ubnd_quyche.group_ubnd_member,ubnd_quyche.group_ubnd_office")
        cls.ward_head = ward_user("w_head", "ubnd_quyche.group_ubnd_unit_head")
        cls.ward = env["ubnd.committee"].create({
            "name": "Ủy ban nhân dân phường Thử nghiệm", "company_id": cls.ward_company.id, "level": "commune",
        })
        WardDepartment = env["hr.department"].with_company(cls.ward_company)
        cls.ward_office = WardDepartment.create({"name": "Văn phòng HĐND và UBND", "company_id": cls.ward_company.id,
                                                 "ubnd_committee_id": cls.ward.id, "ubnd_unit_kind": "office"})
        cls.ward_economy = WardDepartment.create({"name": "Phòng Kinh tế", "company_id": cls.ward_company.id,
                                                  "ubnd_committee_id": cls.ward.id, "ubnd_unit_kind": "department"})
        WardEmployee = env["hr.employee"].with_company(cls.ward_company)
        cls.ward_economy.manager_id = employee("Trưởng phòng Kinh tế", cls.ward_head, cls.ward_economy,
                                               WardEmployee, cls.ward_company)
        cls.ward_office.manager_id = employee("Chánh Văn phòng phường", cls.ward_chief_office, cls.ward_office,
                                              WardEmployee, cls.ward_company)
        env["ubnd.committee.member"].create([
            {"committee_id": cls.ward.id, "user_id": cls.ward_chairman.id, "role": "chairman"},
            {"committee_id": cls.ward.id, "user_id": cls.ward_vc.id, "role": "vice_chairman",
             "field_ids": [(6, 0, cls.field_economy.ids)]},
            {"committee_id": cls.ward.id, "user_id": cls.ward_chief_office.id, "role": "member"},
        ])
        cls.ward.write({"office_unit_id": cls.ward_office.id, "chief_of_office_id": cls.ward_chief_office.id})
        cls.ward_profile = cls.ward.profile_id

    # --- Helpers ------------------------------------------------------------------------------------------------
    @classmethod
    def programme(cls, committee=None, user=None, **vals):
        committee = committee or cls.committee
        user = user or (cls.deputy_office if committee == cls.committee else cls.ward_chief_office)
        vals.setdefault("kind", "month")
        return cls.env["ubnd.programme"].with_user(user).with_company(committee.company_id).create(
            dict(vals, committee_id=committee.id))

    @classmethod
    def item(cls, programme, user=None, **vals):
        vals = dict({
            "name": "Đề án thử nghiệm", "deciding_authority": "committee", "lead_unit_id": cls.department.id,
            "coordinating_unit_ids": [(6, 0, cls.finance.ids)], "submission_deadline": date(2026, 6, 15),
            "source": "higher",
        }, **vals)
        user = user or (cls.deputy_office if programme.committee_id == cls.committee else cls.ward_chief_office)
        return cls.env["ubnd.programme.item"].with_user(user).with_company(programme.company_id).create(
            dict(vals, programme_id=programme.id))

    @classmethod
    def decide(cls, programme):
        """The Office submits, the Chairman decides (quarter, month, week)."""
        office = cls.deputy_office if programme.committee_id == cls.committee else cls.ward_chief_office
        chairman = programme.committee_id.chairman_id
        programme.with_user(office).action_submit()
        programme.with_user(chairman).action_approve()
        return programme

    @staticmethod
    def utc(day, hour, minute=0):
        local = pytz.timezone("Asia/Ho_Chi_Minh").localize(datetime.combine(day, time(hour, minute)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @classmethod
    def entry(cls, user=None, committee=None, **vals):
        committee = committee or cls.committee
        user = user or (cls.deputy_office if committee == cls.committee else cls.ward_chief_office)
        return cls.env["ubnd.schedule.entry"].with_user(user).with_company(committee.company_id).create(
            dict(vals, committee_id=committee.id))

    @classmethod
    def session(cls, day_from, day_to, committee=None, body="council"):
        entry = cls.entry(committee=committee, name="Kỳ họp HĐND", kind="session", session_body=body,
                          start=cls.utc(day_from, 7, 30), stop=cls.utc(day_to, 17))
        entry.action_confirm()
        return entry
