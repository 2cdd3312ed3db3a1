from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndAffairsCase


@tagged("post_install", "-at_install")
class TestCommuneRequest(UbndAffairsCase):
    """000 Đ13: requests of commune councils and committees to the departments, their deadlines and escalation."""

    def new_request(self, user=None, **vals):
        vals.setdefault("name", "Đề nghị hướng dẫn cấp phép xây dựng")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("commune_id", self.commune.id)
        vals.setdefault("agency_id", self.department.id)
        vals.setdefault("field_id", self.field_construction.id)
        return self.Request.with_user(user or self.deputy_office).create(vals)

    def test_reply_deadline_7_or_15_calendar_days(self):
        """R-000-13.1: the department answers within 07 days of receipt, 15 when other agencies are consulted,
        counted in calendar days ('ngày'): received Friday 06/03/2026, due Friday 13/03 (7 working days would be
        17/03) or Saturday 21/03; an urgent request is due on the earlier day the commune asks, never later."""
        self.assertEqual((self.profile.commune_request_reply_days, self.profile.commune_request_consulted_reply_days), (7, 15))
        plain = self.new_request(date_received="2026-03-06")
        self.assertEqual(plain.deadline, date(2026, 3, 13))
        self.assertNotEqual(plain.deadline, self.Workday.add_working_days(date(2026, 3, 6), 7))
        consulted = self.new_request(date_received="2026-03-06", needs_consultation=True)
        self.assertEqual(consulted.deadline, date(2026, 3, 21))
        urgent = self.new_request(date_received="2026-03-06", urgent=True, urgent_deadline="2026-03-09")
        self.assertEqual(urgent.deadline, date(2026, 3, 9))
        with self.assertRaises(ValidationError):
            self.new_request(date_received="2026-03-06", urgent=True, urgent_deadline="2026-03-16")
        with self.assertRaises(ValidationError):
            self.new_request(date_received="2026-03-06", urgent=True)
        # The profile's number is what counts: a committee that sets 10 days gets 10 days.
        self.profile.commune_request_reply_days = 10
        self.assertEqual(self.new_request(date_received="2026-03-06").deadline, date(2026, 3, 16))

    def test_working_session_documents_3_working_days_ahead(self):
        """R-000-13.4: a chair asking to work with the department's head sends the documents at least 03 working
        days before: for Wednesday 25/02/2026 (after Tết, 16–20/02 off) the latest is Friday 13/02/2026."""
        self.assertEqual(self.profile.commune_work_request_days, 3)
        ok = self.new_request(kind="working_session", date_received="2026-02-13", session_date="2026-02-25")
        self.assertEqual(ok.deadline, date(2026, 2, 25))
        with self.assertRaisesRegex(ValidationError, "13/02/2026"):
            self.new_request(kind="working_session", date_received="2026-02-23", session_date="2026-02-25")
        with self.assertRaises(ValidationError):
            self.new_request(kind="working_session", date_received="2026-02-13")

    def test_late_request_reported_to_the_leader_in_charge(self):
        """R-000-13.1-2: a request unanswered past its deadline is marked late; the commune's chair reports it to
        the Chairman or the Vice-Chairman in charge (here the one following construction), and the department's
        head answers for the delay. Reporting before the deadline, or by anyone else, is refused."""
        request = self.new_request(date_received="2026-03-02")  # due Monday 09/03/2026
        self.assertEqual(request.deadline, date(2026, 3, 9))
        with freeze_time("2026-03-09 03:00:00"):
            self.assertEqual(self.Request._cron_mark_late(), 0)
            with self.assertRaises(UserError):
                request.with_user(self.commune_chair).action_report_chairman()
        with freeze_time("2026-03-10 03:00:00"):
            self.assertEqual(self.Request._cron_mark_late(), 1)
            self.assertTrue(request.is_late)
            self.assertIn(self.unit_head, request.activity_ids.user_id)
            for intruder in (self.staff, self.unit_head, self.inspector):
                with self.assertRaises(AccessError):
                    request.with_user(intruder).action_report_chairman()
            request.with_user(self.commune_chair).action_report_chairman()
            self.assertEqual(request.escalated_date, date(2026, 3, 10))
            self.assertEqual(request.escalated_to_id, self.vc_urban)
            self.assertEqual(request.escalated_by_id, self.commune_chair)
            self.assertTrue(request.message_ids.filtered(lambda m: self.vc_urban.partner_id in m.partner_ids))
            self.assertIn(self.unit_head, request.activity_ids.user_id)
            with self.assertRaises(UserError):
                request.with_user(self.commune_chair).action_report_chairman()  # once
            # The head answers for the delay; nobody else writes his explanation.
            with self.assertRaises(AccessError):
                request.with_user(self.staff).write({"delay_explanation": "Không phải lỗi của Sở"})
            request.with_user(self.unit_head).write({"delay_explanation": "Phải lấy thêm ý kiến phòng quy hoạch."})
            # The leader in charge sees what was reported to him.
            self.assertEqual(self.Request.with_user(self.vc_urban).search([("id", "=", request.id)]), request)
        with freeze_time("2026-03-12 03:00:00"):
            request.with_user(self.staff).write({"reply_text": "Sở hướng dẫn như sau..."})
            request.with_user(self.staff).action_reply()
        self.assertEqual((request.state, request.reply_date, request.answered_late), ("answered", date(2026, 3, 12), True))

    def test_a_request_without_a_vice_chairman_in_charge_goes_to_the_chairman(self):
        """R-000-13.1-2: with no Vice-Chairman following the department or field, the Chairman receives the report."""
        request = self.new_request(date_received="2026-03-02", field_id=self.field_justice.id)
        with freeze_time("2026-03-10 03:00:00"):
            request.with_user(self.deputy_office).action_report_chairman()
        self.assertEqual(request.escalated_to_id, self.chairman)

    def test_department_consults_commune_chair_within_the_same_limits(self):
        """R-000-13.1 (through 000 Đ13.6): when a department consults a commune's chair, the chair answers within the
        same 07 / 15 days: sent Friday 06/03/2026, due 13/03 or 21/03; the commune answers (not the department),
        and no report to the Chairman applies; the consultation is written, not a working session."""
        plain = self.new_request(direction="to_commune", date_received="2026-03-06")
        consulted = self.new_request(direction="to_commune", date_received="2026-03-06", needs_consultation=True)
        self.assertEqual((plain.deadline, consulted.deadline), (date(2026, 3, 13), date(2026, 3, 21)))
        with self.assertRaises(ValidationError):
            self.new_request(direction="to_commune", kind="working_session", date_received="2026-02-13",
                             session_date="2026-02-25")
        with freeze_time("2026-03-16 03:00:00"):
            self.Request._cron_mark_late()
            self.assertTrue(plain.is_late)
            self.assertIn(self.commune_chair, plain.activity_ids.user_id)
            with self.assertRaises(UserError):
                plain.with_user(self.deputy_office).action_report_chairman()
            with self.assertRaises(AccessError):
                plain.with_user(self.staff).action_reply()
            plain.with_user(self.commune_chair).write({"reply_text": "UBND phường thống nhất với dự thảo."})
            plain.with_user(self.commune_chair).action_reply()
        self.assertEqual((plain.state, plain.answered_late, plain.replied_by_id), ("answered", True, self.commune_chair))

    def test_reply_on_time_and_who_answers(self):
        """Item 2 of issue #11: only the department asked (or the Office for it) records the reply, with a text or
        a document; a reply by the deadline is not late, and an answered request stays as answered."""
        request = self.new_request(date_received="2026-03-02")
        with freeze_time("2026-03-09 03:00:00"):
            with self.assertRaises(UserError):
                request.with_user(self.staff).action_reply()  # nothing written
            request.with_user(self.staff).write({"reply_text": "Đồng ý"})
            with self.assertRaises(AccessError):
                request.with_user(self.commune_chair).action_reply()
            request.with_user(self.staff).action_reply()
        self.assertEqual((request.state, request.answered_late, request.replied_by_id), ("answered", False, self.staff))
        with self.assertRaises(UserError):
            request.with_user(self.deputy_office).write({"name": "Sửa lại"})
        with self.assertRaises(UserError):
            request.with_user(self.deputy_office).unlink()

    def test_attack_workflow_fields(self):
        """Item 2 of issue #11 (trust): the deadline, the late mark, the reply and the escalation are never sent
        by a client, on create, on write or as a context key; the department's staff cannot re-register it."""
        with self.assertRaises(AccessError):
            self.new_request(deadline="2026-12-31")
        with self.assertRaises(AccessError):
            self.new_request(escalated_to_id=self.chairman.id)
        request = self.new_request(date_received="2026-03-02")
        for vals in ({"deadline": "2026-12-31"}, {"state": "answered"}, {"is_late": False},
                     {"answered_late": False}, {"escalated_date": "2026-03-03"}):
            with self.assertRaises(AccessError):
                request.with_user(self.deputy_office).with_context(ubnd_workflow=True).write(vals)
        with self.assertRaises(AccessError):
            request.with_user(self.staff).write({"date_received": "2026-03-05"})
        request.with_user(self.deputy_office).with_context(default_deadline="2030-01-01").write({"date_received": "2026-03-06"})
        self.assertEqual(request.deadline, date(2026, 3, 13))
        # A unit that was not asked does not see the request.
        self.assertFalse(self.Request.with_user(self.inspector).search([("id", "=", request.id)]))
