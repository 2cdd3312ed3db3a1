from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestDifferingViewsMeeting(UbndSubmissionCase):
    """The meeting settling differing views on a dossier's essential content (000 Đ12.3.d)."""

    def new_consultation(self, **vals):
        vals.setdefault("name", "Lấy ý kiến dự thảo quy định giá dịch vụ")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("content", "<p>Đề nghị góp ý.</p>")
        return self.env["ubnd.consultation"].create(vals)

    def test_head_attends_or_in_a_special_case_his_deputy_whose_view_is_official(self):
        """R-000-12.3d: at the meeting on differing views the consulted unit is represented by its head; only in a
        special case, stated, may his deputy attend — the deputy running the unit under a grant in force that day,
        not any colleague — and his view is the head's official view; each view is recorded in the submission
        dossier, and a recorded view never changes."""
        self.department.manager_id = self.env["hr.employee"].search([("user_id", "=", self.unit_head.id)], limit=1) \
            or self.env["hr.employee"].create({"name": "Giám đốc Sở", "user_id": self.unit_head.id,
                                               "department_id": self.department.id, "company_id": self.company.id})
        sub = self.new_submission()
        consultation = self.new_consultation(
            submission_id=sub.id, requesting_unit_id=self.office.id,
            line_ids=[(0, 0, {"unit_id": self.department.id})])
        with on(date(2026, 3, 2)):
            consultation.action_send()
        Record = self.env["ubnd.consultation.reconciliation"].with_user(self.deputy_office)
        meeting = {"consultation_id": consultation.id, "unit_id": self.department.id, "date": date(2026, 3, 10)}

        head = Record.create(dict(meeting, attendee_id=self.unit_head.id, view="Giữ nguyên ý kiến khác."))
        self.assertFalse(head.by_deputy)
        self.assertIn("Giữ nguyên ý kiến khác.", sub.message_ids[:1].body)

        with self.assertRaises(ValidationError):  # a colleague, no special case
            Record.create(dict(meeting, attendee_id=self.staff.id, view="Thống nhất."))
        with self.assertRaises(ValidationError):  # a special case, but he is not the head's deputy
            Record.create(dict(meeting, attendee_id=self.staff.id, view="Thống nhất.",
                               special_case_reason="Giám đốc đi công tác"))
        self.grant(kind="unit_deputy", grantor_id=self.unit_head.id, grantee_id=self.staff.id,
                   date_start=date(2026, 3, 9), date_end=date(2026, 3, 13))
        with self.assertRaises(ValidationError):  # the deputy, but without stating the special case
            Record.create(dict(meeting, attendee_id=self.staff.id, view="Thống nhất."))
        deputy = Record.create(dict(meeting, attendee_id=self.staff.id, view="Thống nhất với dự thảo.",
                                    special_case_reason="Giám đốc đi công tác"))
        self.assertTrue(deputy.by_deputy)
        self.assertEqual(deputy.head_id, self.unit_head)
        body = sub.message_ids[:1].body
        self.assertIn("Thống nhất với dự thảo.", body)
        self.assertIn(self.unit_head.name, body)
        with self.assertRaises(ValidationError):  # outside the grant's period
            Record.create(dict(meeting, attendee_id=self.staff.id, view="X", date=date(2026, 3, 16),
                               special_case_reason="Giám đốc đi công tác"))
        with self.assertRaises(AccessError):
            deputy.with_user(self.deputy_office).write({"view": "Khác."})
        with self.assertRaises(ValidationError):  # a unit that was not consulted
            Record.create(dict(meeting, unit_id=self.commune.id, attendee_id=self.unit_head.id, view="X"))
