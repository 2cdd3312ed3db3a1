from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ubnd_meetings.tests.common import SESSION_DAY, UbndMeetingsCase, at, on


@tagged("post_install", "-at_install")
class TestSessionTaskReport(UbndMeetingsCase):
    """Issue #11 item 5: one regular session for meetings and task tracking."""

    def test_regular_session_carries_its_task_session_and_report_item(self):
        """R-002-21.1, R-002-21.2, R-000-40.3: planning the regular session (the only place its date is entered)
        opens its task session with the same date, so units update their results 1 working day before it
        (Tuesday 16/6 for Wednesday 17/6/2026); once the Office asks the units to update, its report on the tasks
        is an item of the session's agenda, presented by the Chief of Office; the Chairman moving the session moves the task session and the
        units' deadline; nobody re-enters the date on the task side."""
        meeting = self.new_meeting()
        session = meeting.task_session_id
        self.assertTrue(session)
        self.assertEqual((session.session_date, session.name, session.committee_id),
                         (SESSION_DAY, meeting.name, self.committee))
        self.assertEqual(session.update_deadline, date(2026, 6, 16))
        self.assertFalse(meeting.item_ids)
        with on(date(2026, 6, 1)):
            session.with_user(self.deputy_office).action_notify_units()
        item = meeting.item_ids.filtered(lambda i: i.item_type == "task_report")
        self.assertEqual(len(item), 1)
        self.assertEqual((item.task_session_id, item.presenter_id), (session, self.chief_office))
        self.assertEqual(session.agenda_item_id, item)
        with self.assertRaises(UserError):
            session.with_user(self.deputy_office).write({"session_date": date(2026, 6, 24)})
        with self.assertRaises(AccessError):
            item.with_user(self.deputy_office).write({"task_session_id": False})
        meeting.with_user(self.chairman).write({"start": at(date(2026, 6, 24)), "stop": at(date(2026, 6, 24), 11)})
        self.assertEqual((session.session_date, session.update_deadline), (date(2026, 6, 24), date(2026, 6, 23)))
        self.assertEqual(self.env["ubnd.task.session"].search_count([("committee_id", "=", self.committee.id)]), 1)
        self.assertFalse(self.new_meeting(kind="briefing", day=date(2026, 6, 18)).task_session_id)

    def test_office_task_session_of_the_month_becomes_the_sessions(self):
        """R-002-21.2: a task session the Office opened for the month before the session was planned is tied to the
        session (its date corrected to the session's), not doubled."""
        opened = self.env["ubnd.task.session"].with_user(self.deputy_office).create({
            "name": "Phiên họp tháng 6", "committee_id": self.committee.id, "session_date": date(2026, 6, 20)})
        meeting = self.new_meeting()
        self.assertEqual(meeting.task_session_id, opened)
        self.assertEqual(opened.session_date, SESSION_DAY)

    def test_monthly_workbook_is_the_items_session_document(self):
        """R-002-21.2, R-000-40.3: the monthly report the Office prints from the task session is filed as the agenda
        item's session document (an xlsx workbook); printing again replaces it; the session takes note of it."""
        meeting = self.ready_session(items=1)
        session = meeting.task_session_id
        with on(date(2026, 6, 10)):
            session.with_user(self.deputy_office).action_print_monthly_report()
            session.with_user(self.deputy_office).action_print_monthly_report()
        item = meeting.item_ids.filtered(lambda i: i.item_type == "task_report")
        self.assertEqual(len(item), 1, "on the agenda the Chairman approved: a standing item of the regular session")
        self.assertEqual(len(item.attachment_ids), 1)
        workbook = item.attachment_ids
        self.assertTrue(workbook.name.endswith(".xlsx"))
        self.assertEqual(workbook.raw[:2], b"PK", "an xlsx workbook")
        self.assertEqual((workbook.res_model, workbook.res_id), ("ubnd.meeting.item", item.id))
        self.assertEqual(session.state, "reported")
        self.open_session(meeting)
        with on(SESSION_DAY):
            item.with_user(self.chairman).action_note()
        self.assertEqual(item.state, "noted")

    def test_tasks_and_core_do_not_depend_on_meetings(self):
        """ARCHITECTURE 'Three addons, one chain': the tie lives in this bridge; neither ubnd_tasks nor the core
        depends on ubnd_meetings."""
        Module = self.env["ir.module.module"]
        for name in ("ubnd_tasks", "ubnd_quyche"):
            deps = Module.search([("name", "=", name)]).dependencies_id.mapped("name")
            self.assertNotIn("ubnd_meetings", deps, name)
        bridge = Module.search([("name", "=", "ubnd_meetings_tasks")])
        self.assertEqual(set(bridge.dependencies_id.mapped("name")), {"ubnd_meetings", "ubnd_tasks"})
        self.assertTrue(bridge.auto_install)
