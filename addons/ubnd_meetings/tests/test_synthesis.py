from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndMeetingsCase, on
from .test_preparation import steps


@tagged("post_install", "-at_install")
class TestSynthesisReport(UbndMeetingsCase):
    """The Office's synthesis report before a leader's working meeting (000 Đ32.2.c)."""

    def test_synthesis_report_one_working_day_before(self):
        """R-000-32.2c: the Office gives the presiding Vice-Chairman its synthesis report and proposals at least
        1 working day before the working meeting (Wednesday 17/6 → Tuesday 16/6): sent on the 16th it is on time,
        on the 17th it is late; it reaches the chair in the chatter with the report's text; only the Office sends
        it, only for working meetings; an urgent meeting has no such lead time."""
        on_time = self.new_meeting("working", chair_id=self.vc_urban.id, user=self.vc_urban)
        on_time.synthesis_note = "<p>Đề xuất: giao Sở Xây dựng chủ trì rà soát.</p>"
        step = steps(on_time)[("synthesis", False)]
        self.assertEqual(step.deadline, date(2026, 6, 16))
        with on(date(2026, 6, 16)):
            with self.assertRaises(AccessError):
                on_time.with_user(self.staff).action_send_synthesis()
            self.assertFalse(on_time.synthesis_date)
            on_time.with_user(self.deputy_office).action_send_synthesis()
        self.assertEqual(on_time.synthesis_date, date(2026, 6, 16))
        self.assertEqual((step.done_date, step.late), (date(2026, 6, 16), False))
        message = on_time.message_ids.filtered(lambda m: "giao Sở Xây dựng" in (m.body or ""))
        self.assertIn(self.vc_urban.partner_id, message.partner_ids)

        late = self.new_meeting("working", chair_id=self.vc_urban.id, user=self.vc_urban)
        with on(date(2026, 6, 17)):
            late.with_user(self.deputy_office).action_send_synthesis()
            self.assertEqual(steps(late)[("synthesis", False)].status, "done_late")
        self.assertTrue(steps(late)[("synthesis", False)].late)

        session = self.new_meeting()
        with self.assertRaises(UserError):
            session.with_user(self.deputy_office).action_send_synthesis()
        urgent = self.new_meeting("working", chair_id=self.vc_urban.id, urgent=True)
        self.assertNotIn(("synthesis", False), steps(urgent))
