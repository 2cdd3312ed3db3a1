from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestUpdateReview(UbndTaskCase):
    """Every report of a task is answered by the one it is sent to, from the opened report (issue #12, item 8)."""

    def _review_activities(self, task):
        review = self.env.ref("ubnd_tasks.mail_activity_task_review")
        return task.sudo().activity_ids.filtered(lambda a: a.activity_type_id == review)

    def test_progress_reports_confirmed_by_the_office(self):
        """R-002-6.1a, R-002-7.2a: the lead unit's progress reports are confirmed on the System by the Office. The
        tracking specialist has one to-do for the reports waiting on the task; the unit cannot confirm its own
        report; confirming one report leaves the to-do while another waits; a report with wrong figures is sent
        back with the reason; the task stays in progress throughout."""
        task = self.assign(self.make_task(deadline=False))
        first = self.report(task, date(2026, 12, 1), kind="progress")
        second = self.report(task, date(2026, 12, 2), kind="progress")
        self.assertEqual(self._review_activities(task).user_id, self.office_clerk)
        self.assertEqual(len(self._review_activities(task)), 1)
        self.assertFalse(first.with_user(self.staff).user_can_review)
        self.assertTrue(first.with_user(self.office_clerk).user_can_review)
        with self.assertRaises(AccessError):
            first.with_user(self.staff).action_confirm()
        self.confirm(first, date(2026, 12, 2))
        self.assertEqual((first.state, first.confirmed_by_id, first.confirmed_date),
                         ("confirmed", self.office_clerk, date(2026, 12, 2)))
        self.assertEqual(len(self._review_activities(task)), 1, "the second report still waits")
        with freeze_time("2026-12-03"):
            second.with_user(self.office_clerk)._send_back("Số liệu giải ngân chưa khớp với báo cáo của Kho bạc.")
        self.assertEqual((second.state, second.send_back_reason),
                         ("sent_back", "Số liệu giải ngân chưa khớp với báo cáo của Kho bạc."))
        self.assertFalse(self._review_activities(task), "nothing left to answer")
        self.assertEqual(task.state, "in_progress")
        with self.assertRaises(UserError):
            self.confirm(first, date(2026, 12, 4))
        self.assertTrue(task.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.unit_head and "Kho bạc" in str(a.note)), "the unit is told why it was sent back")

    def test_coordinating_input_acknowledged_by_the_lead_unit(self):
        """R-002-8.2b: a coordinating unit's input goes to the lead unit, whose lead person has the to-do and
        acknowledges it; the Office does not answer it for the lead unit."""
        task = self.assign(self.make_task(coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        with freeze_time("2026-11-10"):
            contribution = self.env["ubnd.task.update"].with_user(self.finance_staff).create({
                "task_id": task.id, "kind": "contribution", "note": "Sở Tài chính đã bố trí vốn."})
        self.assertEqual(self._review_activities(task).user_id, self.unit_head)
        with self.assertRaises(AccessError):
            contribution.with_user(self.office_clerk).action_confirm()
        self.assertTrue(contribution.with_user(self.unit_head).user_can_review)
        contribution.with_user(self.unit_head).action_confirm()
        self.assertEqual(contribution.state, "confirmed")
        self.assertFalse(self._review_activities(task))

    def test_completion_confirmed_from_the_opened_report(self):
        """R-002-6.1a-2: the Office confirms a completion report from the report itself: the task's "Confirm
        completion" opens the report awaiting confirmation, the lists of reports only open reports, and the
        confirmation closes the Office's to-do."""
        task = self.assign(self.make_task())
        update = self.report(task, date(2026, 11, 20))
        self.assertEqual(self._review_activities(task).user_id, self.office_clerk)
        action = task.with_user(self.office_clerk).action_open_report_to_confirm()
        self.assertEqual((action["res_model"], action["res_id"], action["view_mode"]),
                         ("ubnd.task.update", update.id, "form"))
        with self.assertRaises(AccessError):
            task.with_user(self.staff).action_open_report_to_confirm()
        task_form = etree.fromstring(self.Task.get_view(self.env.ref("ubnd_tasks.ubnd_task_view_form").id)["arch"])
        self.assertFalse(task_form.xpath("//field[@name='update_ids']//button[@name='action_confirm']"))
        self.assertTrue(task_form.xpath("//field[@name='update_ids']//button[@name='action_open']"))
        update_list = etree.fromstring(self.env["ubnd.task.update"].get_view(view_type="list")["arch"])
        self.assertFalse(update_list.xpath("//button[@name='action_confirm']"))
        update_form = etree.fromstring(self.env["ubnd.task.update"].get_view(view_type="form")["arch"])
        self.assertTrue(update_form.xpath("//header/button[@name='action_confirm']"))
        self.confirm(update, date(2026, 11, 23))
        self.assertEqual((task.state, task.status), ("done", "done_on_time"))
        self.assertFalse(self._review_activities(task))
