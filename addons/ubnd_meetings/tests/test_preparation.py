from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, at, on


def steps(meeting):
    return {(s.code, bool(s.item_id)): s for s in meeting.step_ids}


@tagged("post_install", "-at_install")
class TestPreparationTimeline(UbndMeetingsCase):
    def test_city_session_deadlines(self):
        """R-000-27.3b, R-000-27.2b, R-000-27.2d: for a city session on Wednesday 17/6/2026 the lead unit's
        documents are due 5 working days before (10/6), the agenda to the Chairman 3 before (12/6), the
        invitations 2 before (15/6)."""
        meeting = self.new_meeting()
        self.add_item(meeting)
        s = steps(meeting)
        self.assertEqual(s[("documents", True)].deadline, date(2026, 6, 10))
        self.assertEqual(s[("agenda", False)].deadline, date(2026, 6, 12))
        self.assertEqual(s[("invitation", False)].deadline, date(2026, 6, 15))
        self.assertEqual(s[("documents", True)].responsible_id, self.unit_head,
                         "the head of the lead unit must send the documents")
        self.assertEqual(s[("agenda", False)].responsible_id, self.chief_office)

    def test_ward_session_deadlines(self):
        """R-001-23.3b, R-001-23.3d: in the ward the agenda goes to the Chairman 2 working days before and the
        documents reach the members 2 working days before a regular session."""
        ward = self.build_committee(6, level="commune")
        self.assertEqual(ward.profile_id.session_agenda_days, 2)
        meeting = self.new_meeting(committee=ward, user=ward.chief_of_office_id)
        s = steps(meeting)
        self.assertEqual(s[("agenda", False)].deadline, date(2026, 6, 15))
        self.assertEqual(s[("invitation", False)].deadline, date(2026, 6, 15))

    def test_extraordinary_and_thematic_notice(self):
        """R-000-27.2d, R-001-23.3d-2: the city exempts extraordinary sessions from the 2-working-day notice
        (no minimum: the day itself), but not thematic ones; the ward needs 1 calendar day before an extraordinary
        or thematic session."""
        city_extra = self.new_meeting("extraordinary")
        self.assertEqual(steps(city_extra)[("invitation", False)].deadline, SESSION_DAY)
        city_thematic = self.new_meeting("thematic", day=date(2026, 6, 24))
        self.assertEqual(steps(city_thematic)[("invitation", False)].deadline, date(2026, 6, 22))
        ward = self.build_committee(6, level="commune")
        for kind, day in (("extraordinary", SESSION_DAY), ("thematic", date(2026, 6, 22))):
            meeting = self.new_meeting(kind, day=day, committee=ward, user=ward.chief_of_office_id)
            self.assertEqual(steps(meeting)[("invitation", False)].deadline, date.fromordinal(day.toordinal() - 1),
                             kind)

    def test_deadlines_skip_public_holidays(self):
        """R-000-27.2d, R-000-27.3b: the working days before a session on Monday 4/5/2026 skip the weekend and the
        holidays of 30/4 and 1/5 (the working-day engine)."""
        meeting = self.new_meeting(day=date(2026, 5, 4), name="Phiên họp tháng 5")
        Workday = self.env["ubnd.workday"]
        deadline = steps(meeting)[("invitation", False)].deadline
        self.assertEqual(deadline, Workday.subtract_working_days(date(2026, 5, 4), 2, company=self.company))
        self.assertLess(deadline, date(2026, 4, 30))
        self.assertEqual(Workday.count_working_days(deadline, date(2026, 5, 4), company=self.company), 2)

    def test_working_meeting_deadlines(self):
        """R-000-32.2b, R-000-32.2e: a leader's working meeting: invitations 3 working days before,
        the synthesis report 1 working day before (sent and late: test_synthesis), the conclusion notice within 3 (calendar) days after; an
        urgent meeting is exempt from the lead times."""
        meeting = self.new_meeting("working", chair_id=self.vc_urban.id, user=self.vc_urban)
        s = steps(meeting)
        self.assertEqual(s[("invitation", False)].deadline, date(2026, 6, 12))
        self.assertEqual(s[("synthesis", False)].deadline, date(2026, 6, 16))
        self.assertEqual(s[("conclusion", False)].deadline, date(2026, 6, 20), "calendar days, 000 A1")
        urgent = self.new_meeting("working", day=date(2026, 6, 18), chair_id=self.vc_urban.id, urgent=True)
        self.assertEqual(set(steps(urgent)), {("conclusion", False)})

    def test_late_steps_and_who_must_act(self):
        """R-000-27.2b, R-000-27.3b, R-001-23.3b: the meeting shows which step is late and who must act: the Office
        until it submits the agenda, then the Chairman; the lead unit for its documents."""
        meeting = self.new_meeting()
        item = self.add_item(meeting)
        agenda = steps(meeting)[("agenda", False)]
        with on(date(2026, 6, 11)):
            item.with_user(self.deputy_office).action_documents_received()
            self.assertEqual(steps(meeting)[("documents", True)].status, "done_late", "due 10/6")
            self.assertTrue(item.documents_late)
        with on(date(2026, 6, 13)):
            self.env.invalidate_all()
            self.assertEqual(agenda.status, "overdue")
            self.assertEqual(meeting.late_step_count, 1)
            self.assertIn(self.chief_office, meeting.next_action_user_ids)
            meeting.with_user(self.deputy_office).action_submit_agenda()
        self.assertEqual(agenda.responsible_id, self.chairman)
        self.assertTrue(meeting.activity_ids.filtered(lambda a: a.user_id == self.chairman))
        with on(date(2026, 6, 15)):
            meeting.with_user(self.chairman).action_approve_agenda()
        self.assertEqual(agenda.done_date, date(2026, 6, 15))
        self.assertTrue(agenda.late)
        self.assertEqual(agenda.status, "done_late")

    def test_invitations_by_mail_and_activity(self):
        """R-000-27.2d, R-000-28.3a: the Office sends invitations and documents: every member and standing delegate
        is on the calendar event (Odoo mails the invitation) and each member has an activity to read the dossier."""
        meeting = self.ready_session(present=0)
        self.assertEqual(meeting.state, "invited")
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(set(event.partner_ids.ids) >= set(meeting.attendee_ids.partner_id.ids), True)
        members = self.committee.member_ids.user_id
        self.assertEqual(set(meeting.activity_ids.filtered(lambda a: a.summary and "Read the documents" in a.summary)
                             .user_id.ids), set(members.ids))
        self.assertTrue(steps(meeting)[("invitation", False)].done_date)
        self.assertFalse(steps(meeting)[("invitation", False)].late)

    def test_time_change_is_notified_at_once(self):
        """R-000-27.2dd, R-000-27.1: only the Chairman moves a session he approved; members and delegates are
        notified at once, the calendar event and the deadlines follow."""
        meeting = self.ready_session(present=0)
        with self.assertRaises(AccessError):
            meeting.with_user(self.deputy_office).write({"start": at(date(2026, 6, 18), 14)})
        before = len(meeting.message_ids)
        meeting.with_user(self.chairman).write({"start": at(date(2026, 6, 18), 14)})
        self.assertEqual(meeting.stop, at(date(2026, 6, 18), 17), "the meeting keeps its length")
        notice = meeting.message_ids[:1]
        self.assertGreater(len(meeting.message_ids), before)
        self.assertIn("14:00 18/06/2026", notice.body)
        self.assertEqual(set(notice.partner_ids.ids), set(meeting.attendee_ids.partner_id.ids))
        self.assertEqual(meeting.calendar_event_id.start, at(date(2026, 6, 18), 14))
        self.assertEqual(steps(meeting)[("conclusion", False)].deadline, date(2026, 6, 21))

    def test_one_regular_session_a_month(self):
        """R-000-26.1, R-001-22.1: one regular session a month; another meeting that month is thematic or
        extraordinary."""
        self.new_meeting()
        with self.assertRaises(ValidationError):
            self.new_meeting(day=date(2026, 6, 24), name="Phiên thứ hai")
        self.new_meeting("thematic", day=date(2026, 6, 24))
        ward = self.build_committee(5, level="commune")
        self.new_meeting(committee=ward, user=ward.chief_of_office_id)
        with self.assertRaises(ValidationError):
            self.new_meeting(committee=ward, user=ward.chief_of_office_id, day=date(2026, 6, 25))

    def test_who_convenes_extraordinary_sessions(self):
        """R-000-26.1-2, R-000-4.1g: a thematic or extraordinary session is convened by the Chairman, at the Prime
        Minister's request (with its reference) or by at least one third of all members (2 of 5)."""
        with self.assertRaises(ValidationError):
            self.new_meeting("extraordinary", convened_by="prime_minister")
        self.new_meeting("extraordinary", convened_by="prime_minister", pm_request_reference="Công văn 123/TTg-KTTH")
        one = self.member_of(self.member_finance)
        two = one | self.member_of(self.vc_urban)
        with self.assertRaises(ValidationError):
            self.new_meeting("thematic", day=date(2026, 6, 24), convened_by="members", requesting_member_ids=one.ids)
        meeting = self.new_meeting("thematic", day=date(2026, 6, 24), convened_by="members",
                                   requesting_member_ids=two.ids)
        self.assertEqual(meeting.convened_by, "members")
        self.assertEqual(self.env["ubnd.vote.rule"].request_required(self.profile, 5), 2)
        self.assertEqual(self.env["ubnd.vote.rule"].request_required(self.profile, 9), 3)

    def test_only_the_office_plans_sessions(self):
        """R-000-27.1: the Office proposes the session (001 Đ23.1 alike); a member cannot plan one."""
        with self.assertRaises(AccessError):
            self.new_meeting(user=self.member_finance)
        self.assertTrue(self.new_meeting(user=self.chairman))
