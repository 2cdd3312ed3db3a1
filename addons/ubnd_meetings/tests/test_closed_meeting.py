from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, on

ATTEND = "Read the documents and attend: %s"


@tagged("post_install", "-at_install")
class TestClosedMeeting(UbndMeetingsCase):
    """Once a meeting is closed its attendees' to-dos end, and its agenda and attendance stay as held."""

    def closed_session(self, meeting=None):
        """The session, held: its matter voted and passed, then closed by the chair."""
        meeting = meeting or self.open_session(self.ready_session())
        item = meeting.item_ids
        item.with_user(self.chairman).action_open_vote()
        for user in (self.chairman, self.vc_economy, self.vc_urban):
            item.vote_ids.with_user(user)._cast("approve")
        item.vote_ids.with_user(self.chairman).action_close_vote()
        with on(SESSION_DAY, 11):
            meeting.with_user(self.chairman).action_close()
        return meeting

    def attend_activities(self, meeting):
        return self.env["mail.activity"].with_context(active_test=False).search([
            ("res_model", "=", "ubnd.meeting"), ("res_id", "=", meeting.id),
            ("summary", "=", ATTEND % meeting.name)])

    def test_attendees_todos_end_with_the_meeting(self):
        """R-000-27.2d: the members invited with the session's documents each get a to-do to read them and
        attend; when the chair closes the session their to-dos are marked done, with a trace in the chatter, and
        no longer stand overdue in anyone's list; the Office's conclusion notice stays due (R-000-30.2)."""
        meeting = self.open_session(self.ready_session())
        members = meeting.attendee_ids.filtered(lambda a: a.role == "member").user_id
        self.assertEqual(self.attend_activities(meeting).filtered("active").user_id, members)
        self.closed_session(meeting)
        activities = self.attend_activities(meeting)
        self.assertEqual(activities.user_id, members)
        self.assertFalse(activities.filtered("active"), "every attendance to-do is closed with the meeting")
        traces = meeting.message_ids.filtered(lambda m: "The meeting is closed." in (m.body or ""))
        self.assertEqual(len(traces), len(members), "each closed to-do leaves its trace in the chatter")
        self.assertFalse(self.env["mail.activity"].search([
            ("res_model", "=", "ubnd.meeting"), ("res_id", "=", meeting.id), ("user_id", "in", members.ids),
            ("summary", "=", ATTEND % meeting.name)]))
        conclusion = meeting.step_ids.filtered(lambda s: s.code == "conclusion")
        self.assertTrue(conclusion.activity_id.active, "the conclusion notice is still due after the session")

    def test_attendees_todos_end_when_the_meeting_has_passed(self):
        """R-000-27.2d: a meeting that took place but was never closed in the application does not leave its
        attendees' to-dos overdue: the daily check closes them the day after."""
        meeting = self.ready_session()
        self.assertTrue(self.attend_activities(meeting).filtered("active"))
        with on(SESSION_DAY + timedelta(days=1)):
            self.Meeting._cron_preparation()
        self.assertEqual(meeting.state, "invited")
        self.assertFalse(self.attend_activities(meeting).filtered("active"))
        self.assertTrue(meeting.message_ids.filtered(lambda m: "The meeting has ended." in (m.body or "")))

    def test_closed_meeting_agenda_and_attendance_never_change(self):
        """R-000-30.1, R-000-27.1: the session's record as held (its agenda, attendance and the opinions and
        votes they carry) is frozen when it closes: the server refuses to add, change or remove an agenda item
        or an attendee, for the Office and for the Chairman, directly or through the meeting's lines; the form
        shows them read-only (no "Add a line", no editable cell)."""
        meeting = self.closed_session()
        item, attendee = meeting.item_ids, meeting.attendee_ids.filtered(lambda a: a.role == "member")[:1]
        Item, Attendee = self.env["ubnd.meeting.item"], self.env["ubnd.meeting.attendee"]
        for user in (self.deputy_office, self.chairman):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    Item.with_user(user).create({"meeting_id": meeting.id, "name": "Nội dung bổ sung",
                                                 "item_type": "report"})
                with self.assertRaises(UserError):
                    item.with_user(user).write({"name": "Nội dung khác"})
                with self.assertRaises(UserError):
                    item.with_user(user).unlink()
                with self.assertRaises(UserError):
                    Attendee.with_user(user).create({"meeting_id": meeting.id, "partner_id": self.staff.partner_id.id,
                                                     "role": "guest"})
                with self.assertRaises(UserError):
                    attendee.with_user(user).write({"attendance": "absent"})
                with self.assertRaises(UserError):
                    attendee.with_user(user).action_mark_absent()
                with self.assertRaises(UserError):
                    attendee.with_user(user).unlink()
                with self.assertRaises(UserError):
                    meeting.with_user(user).write({"item_ids": [Command.create({"name": "Thêm", "item_type": "report"})]})
                with self.assertRaises(UserError):
                    meeting.with_user(user).write({"attendee_ids": [Command.update(attendee.id, {"attendance": "absent"})]})
        self.assertEqual((len(meeting.item_ids), item.name, attendee.attendance), (1, item.name, "present"))
        arch = etree.fromstring(meeting.get_view(self.env.ref("ubnd_meetings.ubnd_meeting_view_form").id)["arch"])
        for name in ("item_ids", "attendee_ids", "course", "conclusion", "location"):
            readonly = arch.xpath("//field[@name='%s']" % name)[0].get("readonly", "")
            self.assertIn("closed", readonly, "%s is read-only on a closed meeting" % name)
