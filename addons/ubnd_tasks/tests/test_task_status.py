from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestTaskStatus(UbndTaskCase):
    """Status and timeliness around the deadline (002 Đ4, Đ5.1.g, Đ6.1.a–b)."""

    def test_completed_on_the_deadline_day_is_on_time(self):
        """R-002-5.1g: a task reported on the deadline day itself is in term that night and, once confirmed,
        completed on time."""
        task = self.assign(self.make_task())  # deadline Friday 27/11/2026
        self.assertEqual(self.status_on(task, date(2026, 11, 27)), "in_term")
        update = self.report(task, date(2026, 11, 27))
        self.assertEqual(task.state, "reported")
        self.confirm(update, date(2026, 11, 30))
        self.assertEqual((task.state, task.status), ("done", "done_on_time"))
        self.assertEqual(task.completion_date, date(2026, 11, 27))

    def test_one_working_day_late(self):
        """R-002-5.1g: after the deadline the nightly cron marks the task overdue (the weekend counts: the
        deadline has passed); completed one working day late, it is completed late."""
        task = self.assign(self.make_task())
        self.assertEqual(self.status_on(task, date(2026, 11, 28)), "overdue")
        update = self.report(task, date(2026, 11, 30))  # Monday, the next working day
        self.assertEqual(task.status, "overdue", "reported but not yet confirmed: still not completed")
        self.confirm(update, date(2026, 11, 30))
        self.assertEqual(task.status, "done_late")

    def test_deadline_on_a_public_holiday_rolls_to_next_working_day(self):
        """R-002-5.1e: a deadline of 30/04/2026 (Reunification Day, then 1/5 and the weekend) ends on Monday
        04/05/2026; completed that day it is on time, a day later it is late."""
        on_time = self.assign(self.make_task(deadline=date(2026, 4, 30)), on=date(2026, 4, 1))
        late = self.assign(self.make_task(deadline=date(2026, 4, 30)), on=date(2026, 4, 1))
        self.assertEqual(on_time.effective_deadline, date(2026, 5, 4))
        self.assertEqual(self.status_on(on_time, date(2026, 5, 2)), "in_term")
        self.assertEqual(self.status_on(on_time, date(2026, 5, 4)), "in_term")
        self.confirm(self.report(on_time, date(2026, 5, 4)), date(2026, 5, 5))
        self.assertEqual(on_time.status, "done_on_time")
        self.assertEqual(self.status_on(late, date(2026, 5, 5)), "overdue")
        self.confirm(self.report(late, date(2026, 5, 5)), date(2026, 5, 5))
        self.assertEqual(late.status, "done_late")

    def test_deadline_over_tet_and_the_option_off(self):
        """R-002-5.1e: a Saturday deadline before Tết 2026 (16–20/02 off) ends on 23/02/2026; with the
        profile option off the written deadline is kept."""
        task = self.make_task(deadline=date(2026, 2, 14))
        self.assertEqual(task.effective_deadline, date(2026, 2, 23))
        self.profile.task_deadline_rolls_forward = False
        self.assertEqual(task.effective_deadline, date(2026, 2, 14))
        self.profile.task_deadline_rolls_forward = True
        self.assertEqual(task.effective_deadline, date(2026, 2, 23))

    def test_new_day_off_moves_the_effective_deadline(self):
        """R-002-5.1e: a day off the administrator adds on a deadline (a local holiday) moves the effective
        deadline to the next working day; removing it moves it back."""
        task = self.make_task(deadline=date(2026, 12, 4))  # a Friday
        self.assertEqual(task.effective_deadline, date(2026, 12, 4))
        holiday = self.env["ubnd.holiday"].sudo().create({
            "name": "Ngày nghỉ địa phương", "date": date(2026, 12, 4), "kind": "day_off", "company_id": self.company.id,
        })
        self.assertEqual(task.effective_deadline, date(2026, 12, 7))
        holiday.unlink()
        self.assertEqual(task.effective_deadline, date(2026, 12, 4))

    def test_task_without_deadline(self):
        """R-002-4, R-002-6.1a: a task without deadline is in progress, never overdue, reports its progress
        and, once completed, is simply completed."""
        task = self.assign(self.make_task(deadline=False))
        self.assertEqual(task.status, "in_progress")
        self.assertEqual(self.status_on(task, date(2027, 6, 1)), "in_progress")
        progress = self.report(task, date(2026, 12, 1), kind="progress")
        self.assertEqual(task.last_update_date, date(2026, 12, 1))
        self.assertEqual(progress.state, "submitted")
        self.confirm(self.report(task, date(2027, 1, 4)), date(2027, 1, 5))
        self.assertEqual(task.status, "done")

    def test_reported_and_confirmed_are_distinct(self):
        """R-002-6.1a-2: a reported completion is not a completion until the Office confirms it; a report
        made on time stays in term while it waits, and a report sent back reopens the task."""
        task = self.assign(self.make_task())
        update = self.report(task, date(2026, 11, 26))
        self.assertEqual((task.state, task.status), ("reported", "in_term"))
        self.assertEqual(self.status_on(task, date(2026, 12, 2)), "in_term", "the unit reported on time")
        with freeze_time(date(2026, 12, 2)):
            update.with_user(self.office_clerk)._send_back("Thiếu phụ lục số liệu.")
            self.env.flush_all()
        self.assertEqual((task.state, task.status), ("in_progress", "overdue"))
        self.assertEqual(update.state, "sent_back")
        second = self.report(task, date(2026, 12, 3))
        self.confirm(second, date(2026, 12, 3))
        self.assertEqual(task.status, "done_late")

    def test_written_report_or_done_mark(self):
        """R-002-6.1a: the lead unit reports with the e-file of its report document, or marks the task
        “Đã thực hiện” when no written report is required."""
        task = self.assign(self.make_task())
        with self.assertRaises(ValidationError):
            self.report(task, date(2026, 11, 20), attachment_ids=[(6, 0, [])])
        done_mark = self.report(task, date(2026, 11, 20), written=False)
        self.assertEqual(done_mark.report_date, date(2026, 11, 20))
        self.confirm(done_mark, date(2026, 11, 23))
        self.assertEqual(task.status, "done_on_time")

    def test_update_within_one_working_day_of_the_report(self):
        """R-002-6.1b: the update is entered within 1 working day of the report document's issue: a report
        of Friday 27/11 entered on Monday 30/11 is on time, on Tuesday 1/12 late."""
        self.assertEqual(self.profile.task_update_days, 1)
        task = self.assign(self.make_task(deadline=False))
        timely = self.report(task, date(2026, 11, 30), kind="progress", report_date=date(2026, 11, 27))
        late = self.report(task, date(2026, 12, 1), kind="progress", report_date=date(2026, 11, 27))
        self.assertEqual(timely.update_deadline, date(2026, 11, 30))
        self.assertFalse(timely.entered_late)
        self.assertTrue(late.entered_late)

    def test_returned_and_cancelled_statuses(self):
        """R-002-5.1g: a returned task awaits direction and a cancelled task leaves the counts."""
        task = self.assign(self.make_task())
        task.sudo().state = "returned"
        self.assertEqual(task.status, "returned")
        task.sudo().state = "cancelled"
        self.assertEqual(task.status, "cancelled")

    def test_overdue_change_is_tracked_in_chatter(self):
        """R-002-5.1g: the nightly move to overdue is traced in the task's chatter."""
        task = self.assign(self.make_task())
        self.env.cr.precommit.run()  # the day of assignment ends: its transaction commits
        self.status_on(task, date(2026, 11, 30))
        self.env.cr.precommit.run()  # tracking messages are written when the cron's transaction commits
        task = task.sudo()
        tracking = task.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "status")
        self.assertTrue(tracking)
        self.assertEqual(tracking[:1].new_value_char, dict(self.Task._fields["status"]._description_selection(self.env))["overdue"])
        self.assertEqual(task.message_ids[:1].subtype_id, self.env.ref("ubnd_tasks.mt_task_overdue"))

    def test_cron_visits_only_tasks_that_change(self):
        """R-002-5.1g: the nightly cron queries only in-term tasks whose deadline has passed, through a
        partial index; tasks already overdue, completed or not yet due are not visited again."""
        due = self.assign(self.make_task())
        later = self.assign(self.make_task(deadline=date(2026, 12, 31)))
        done = self.assign(self.make_task())
        self.confirm(self.report(done, date(2026, 11, 20)), date(2026, 11, 20))
        mine = [("committee_id", "=", self.committee.id)]
        with freeze_time(date(2026, 11, 30)):
            candidates = self.Task._overdue_candidates_domain(date(2026, 11, 30))
            self.assertEqual(self.Task.search(candidates + mine), due)
            changed = self.Task.search(candidates)
            self.assertEqual(self.Task._cron_mark_overdue(), len(changed))
            self.env.flush_all()
            self.assertEqual(self.Task._cron_mark_overdue(), 0, "a second run changes nothing")
        self.assertEqual((due.status, later.status, done.status), ("overdue", "in_term", "done_on_time"))
        self.env.cr.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'ubnd_task' AND indexname LIKE %s",
                            ["%cron_overdue_idx%"])
        indexdef = self.env.cr.fetchone()[0]
        self.assertIn("effective_deadline", indexdef)
        self.assertIn("WHERE", indexdef)
