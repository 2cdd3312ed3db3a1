from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestTaskSecurity(UbndTaskCase):
    """Who sees and acts on which task, per role, including confidential tasks (002 Đ5.2, Đ6, Đ8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain_staff = new_test_user(cls.env, login="t_plain_staff", groups="ubnd_quyche.group_ubnd_staff",
                                        company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        cls.env["hr.employee"].create({"name": "Chuyên viên Sở Xây dựng", "user_id": cls.plain_staff.id,
                                       "department_id": cls.department.id, "company_id": cls.company.id})
        cls.led = cls.make_task(name="Nhiệm vụ Sở Xây dựng chủ trì", coordinating_unit_ids=[(6, 0, cls.finance.ids)])
        cls.finance_led = cls.make_task(name="Nhiệm vụ Sở Tài chính chủ trì", lead_unit_id=cls.finance.id,
                                        field_id=cls.field_finance.id)
        cls.ward_led = cls.make_task(name="Nhiệm vụ giao phường Một", lead_unit_id=cls.commune.id, field_id=cls.field_justice.id)
        secret_doc = cls.env["ubnd.document"].create({
            "name": "Phương án bảo vệ mục tiêu", "committee_id": cls.committee.id,
            "document_type_id": cls.env.ref("ubnd_quyche.doctype_kh").id, "confidentiality": "toi_mat",
            "state": "issued", "number": 4, "year": 2026, "reference": "04/KH-UBND", "date": date(2026, 11, 2),
            "signer_id": cls.chairman.id,
        })
        cls.secret = cls.make_task(document_id=secret_doc.id, content=False, name=None,
                                   coordinating_unit_ids=[(6, 0, cls.finance.ids)])
        for task in cls.led | cls.finance_led | cls.ward_led | cls.secret:
            task.with_user(cls.office_clerk).action_assign()
        cls.all_tasks = cls.led | cls.finance_led | cls.ward_led | cls.secret

    def visible(self, user):
        return self.Task.with_user(user).search([("id", "in", self.all_tasks.ids)])

    def test_unit_sees_tasks_it_leads_or_coordinates(self):
        """R-002-5.1c, R-002-8.2b: a unit sees the tasks it leads or coordinates, not the others."""
        self.assertEqual(self.visible(self.plain_staff), self.led)
        self.assertEqual(self.visible(self.finance_staff), self.led | self.finance_led)

    def test_confidential_task_only_for_lead_person_head_and_focal_officer(self):
        """R-002-5.2: a confidential task is seen by the lead person, the head and the focal officer of the lead
        unit, the Office and the leaders — not by other staff, nor by coordinating units."""
        self.assertNotIn(self.secret, self.visible(self.plain_staff))
        self.assertNotIn(self.secret, self.visible(self.finance_staff))
        self.assertIn(self.secret, self.visible(self.unit_head))
        self.assertIn(self.secret, self.visible(self.staff), "the unit's focal officer")
        self.assertIn(self.secret, self.visible(self.office_clerk))
        self.assertIn(self.secret, self.visible(self.chairman))
        with self.assertRaises(AccessError):
            self.secret.with_user(self.plain_staff).read(["name"])

    def test_office_sees_and_confirms_all_of_its_committee(self):
        """R-002-6.1a-2: the Office sees and confirms all the tasks of its committee; units do not confirm."""
        self.assertEqual(self.visible(self.office_clerk), self.all_tasks)
        self.assertFalse(self.visible(self.ward_clerk) - self.ward_led, "another committee's Office sees nothing else")
        update = self.report(self.led, date(2026, 11, 20))
        self.assertTrue(update.attachment_ids.with_user(self.office_clerk).read(["name"]), "the Office reads the report file")
        with self.assertRaises(AccessError):
            update.with_user(self.unit_head).action_confirm()
        self.confirm(update, date(2026, 11, 20))
        self.assertEqual(self.led.state, "done")

    def test_units_cannot_write_tasks(self):
        """R-002-6.1c-2: units act through reports and returns; they do not edit the task record."""
        with self.assertRaises(AccessError):
            self.led.with_user(self.unit_head).write({"quality": "meets"})

    def test_coordinating_unit_cannot_close(self):
        """R-002-6.1a, R-002-8.2b: a coordinating unit gives input but cannot report the task completed."""
        with self.assertRaises(AccessError):
            self.report(self.led, date(2026, 11, 20), user=self.finance_staff)
        self.assertEqual(self.led.state, "in_progress")

    def test_leaders_see_their_portfolio(self):
        """R-000-40.2: a Vice-Chairman sees the tasks of his portfolio (fields and areas), the Chairman all."""
        self.assertEqual(self.visible(self.vc_urban), self.led | self.ward_led | self.secret)
        self.assertEqual(self.visible(self.vc_economy), self.finance_led)
        self.assertEqual(self.visible(self.chairman), self.all_tasks)

    def test_lower_level_committee_sees_tasks_assigned_to_it(self):
        """R-002-20.1: a commune's own committee sees the tasks the city assigned to the commune and reports on
        them; it sees no other task of the city."""
        self.assertEqual(self.visible(self.ward_clerk), self.ward_led)
        self.assertEqual(self.visible(self.ward_chairman), self.ward_led)
        self.assertEqual(self.ward_led.lead_user_id, self.ward_chairman)
        update = self.report(self.ward_led, date(2026, 11, 20), user=self.ward_clerk)
        self.assertEqual(self.ward_led.state, "reported")
        self.assertEqual(update.unit_id, self.commune)
        with self.assertRaises(AccessError):
            self.report(self.led, date(2026, 11, 20), user=self.ward_clerk)

    def test_statistics_rows_follow_the_same_limits(self):
        """R-002-5.2: the statistics view shows a unit only its own, non-confidential rows."""
        Analysis = self.env["ubnd.task.analysis"]
        rows = Analysis.with_user(self.plain_staff).search([("task_id", "in", self.all_tasks.ids)])
        self.assertEqual(rows.task_id, self.led)
        self.assertEqual(Analysis.with_user(self.office_clerk).search_count([("task_id", "in", self.all_tasks.ids)]), 4)
