from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from .common import ProgrammeCase


def on(day):
    return patch.object(fields.Date, "context_today", lambda *a, **k: day)


@tagged("post_install", "-at_install")
class TestAnnualDraftCirculation(ProgrammeCase):
    """The Office circulates the draft annual programme for comment within 5 working days (000 Đ24.1.b)."""

    def test_draft_circulated_within_five_working_days(self):
        """R-000-24.1b: the draft annual programme 2027 is due to the bodies concerned by Wed 2/12/2026 (the 25/11
        cut-off + 05 working days, A11); still unsent on 3/12 it is overdue; sent on 2/12 it is on time, sent on
        3/12 it is marked sent late; either way the comments run from the day it went out."""
        on_time = self.programme(kind="year", year=2027)
        self.item(on_time, submission_deadline=date(2027, 3, 31))
        self.assertEqual(on_time.draft_deadline, date(2026, 12, 2))
        with on(date(2026, 12, 2)):
            on_time.invalidate_recordset(["draft_overdue"])
            self.assertFalse(on_time.draft_overdue)
            on_time.with_user(self.deputy_office).action_send_for_comment()
        self.assertEqual((on_time.draft_sent_date, on_time.draft_sent_late), (date(2026, 12, 2), False))

        late = self.programme(kind="year", year=2028)
        self.item(late, submission_deadline=date(2028, 3, 31))
        self.assertEqual(late.draft_deadline, date(2027, 12, 2))  # Thu 25/11/2027 + 5 working days
        with on(date(2027, 12, 3)):
            late.invalidate_recordset(["draft_overdue"])
            self.assertTrue(late.draft_overdue)
            late.with_user(self.deputy_office).action_send_for_comment()
            late.invalidate_recordset(["draft_overdue"])
            self.assertFalse(late.draft_overdue, "sent: no longer overdue, but late")
        self.assertEqual((late.draft_sent_date, late.draft_sent_late), (date(2027, 12, 3), True))
        with self.assertRaises(Exception):
            late.with_user(self.deputy_office).write({"draft_sent_late": False})
