from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestTaskFlow(UbndTaskCase):
    """Entry, returns, reassignment with history, corrections, direction and Government tasks (002 Đ6–Đ8)."""

    def _return(self, task, on, user=None, **vals):
        user = user or self.staff
        values = {"task_id": task.id, "reason_type": "functions", "reason": "Không thuộc chức năng của Sở.",
                  "document_reference": "50/SXD-VP"}
        values.update(vals)
        with freeze_time(on):
            wizard = self.env["ubnd.task.return.wizard"].with_user(user).create(values)
            wizard.action_return()
            self.env.flush_all()
        return task.return_ids[:1]

    def _reassign(self, task, on, **vals):
        values = {"task_id": task.id, "reason": "Theo chỉ đạo của Chủ tịch UBND thành phố.",
                  "direction_reference": "Ý kiến chỉ đạo tại Thông báo 210/TB-UBND"}
        values.update(vals)
        with freeze_time(on):
            wizard = self.env["ubnd.task.reassign.wizard"].with_user(self.office_clerk).create(values)
            wizard.action_apply()
            self.env.flush_all()

    def test_office_enters_tasks_within_one_working_day(self):
        """R-002-6.2a: the Office enters the tasks of a directive within 1 working day of its issue: the
        directive of Monday 02/11/2026 is entered by Tuesday 03/11; entered on 04/11 it is late."""
        self.assertEqual(self.profile.task_entry_days, 1)
        timely = self.assign(self.make_task(), on=date(2026, 11, 3))
        late = self.assign(self.make_task(), on=date(2026, 11, 4))
        self.assertEqual(timely.entry_deadline, date(2026, 11, 3))
        self.assertFalse(timely.entered_late)
        self.assertTrue(late.entered_late)
        self.assertEqual(self.directive.task_entry_deadline, date(2026, 11, 3))
        friday = self.make_task(source_date=date(2026, 11, 27), document_id=False, source_number="99/TB-UBND")
        self.assertEqual(friday.entry_deadline, date(2026, 11, 30), "a Friday directive: entered by Monday")

    def test_only_the_office_enters_tasks(self):
        """R-002-6.2a: the Office, not the units, enters tasks on the System."""
        with self.assertRaises(AccessError):
            self.Task.with_user(self.staff).create({
                "name": "x", "committee_id": self.committee.id, "lead_unit_id": self.department.id,
            })
        task = self.make_task()
        with self.assertRaises(AccessError):
            task.with_user(self.unit_head).action_assign()

    def test_document_button_prefills_a_task(self):
        """R-002-6.2a: tasks are created from the committee's directive document."""
        action = self.directive.with_user(self.office_clerk).action_create_task()
        self.assertEqual(action["context"]["default_document_id"], self.directive.id)
        task = self.make_task()
        self.assertEqual(self.directive.task_count, 1)
        self.assertEqual(task.document_id, self.directive)

    def test_return_within_one_working_day_of_receipt(self):
        """R-002-6.1c: the lead unit returns an unsuitable task with written reasons within 1 working day of
        receiving it (received Friday 27/11/2026: by Monday 30/11); the Office is asked to get direction."""
        self.assertEqual(self.profile.task_return_days, 1)
        task = self.assign(self.make_task(deadline=date(2026, 12, 31)), on=date(2026, 11, 27))
        self.assertEqual(task.return_deadline, date(2026, 11, 30))
        ret = self._return(task, date(2026, 11, 30))
        self.assertEqual((task.state, task.status), ("returned", "returned"))
        self.assertEqual((ret.reason_type, ret.receipt_date, ret.return_date), ("functions", date(2026, 11, 27), date(2026, 11, 30)))
        self.assertEqual(ret.direction_id.reason, "return")
        self.assertEqual(ret.direction_id.leader_id, self.vc_urban)

    def test_late_return_refused_with_vietnamese_message(self):
        """R-002-6.1c: after the window the task can no longer be returned; the unit reports its difficulties
        in writing instead (002 Đ19.2). The refusal is shown in Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        task = self.assign(self.make_task(deadline=date(2026, 12, 31)), on=date(2026, 11, 27))
        with freeze_time(date(2026, 12, 1)):
            wizard = self.env["ubnd.task.return.wizard"].with_user(self.staff).with_context(lang="vi_VN").create({
                "task_id": task.id, "reason_type": "timeframe", "reason": "Thời gian không phù hợp.",
                "document_reference": "51/SXD-VP",
            })
            with self.assertRaises(UserError) as error:
                wizard.action_return()
        self.assertIn("Đã hết thời hạn trả lại nhiệm vụ này vào ngày 30/11/2026", str(error.exception))
        self.assertIn("002 Đ19.2", str(error.exception))
        self.assertEqual(task.state, "in_progress")

    def test_coordinating_unit_cannot_return_or_report(self):
        """R-002-6.1c, R-002-6.1a: only the lead unit returns or reports the task."""
        task = self.assign(self.make_task(coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        with self.assertRaises(AccessError):
            self._return(task, date(2026, 11, 3), user=self.finance_staff)
        with self.assertRaises(AccessError):
            self.report(task, date(2026, 11, 10), user=self.finance_staff)

    def test_only_office_reassigns_on_direction_with_history(self):
        """R-002-6.1c-2: only the Office changes the lead unit or the deadline, following the direction of the
        committee or its Chairman; each change is kept with its reason and direction."""
        task = self.assign(self.make_task(deadline=date(2026, 12, 31)), on=date(2026, 11, 27))
        self._return(task, date(2026, 11, 30))
        direction = task.direction_ids
        with self.assertRaises(AccessError):
            direction.with_user(self.staff).action_give_direction()
        direction.with_user(self.vc_urban).write({"direction": "Giao Sở Tài chính chủ trì; gia hạn đến 15/01/2027."})
        direction.with_user(self.vc_urban).action_give_direction()
        self.assertEqual(direction.state, "directed")
        with self.assertRaises(UserError):  # the fields themselves cannot be written around the wizard
            task.with_user(self.office_clerk).write({"deadline": date(2027, 1, 15)})
        with self.assertRaises(AccessError):
            self.env["ubnd.task.reassign.wizard"].with_user(self.unit_head).create({"task_id": task.id, "reason": "x"})
        with self.assertRaises(UserError):  # no direction, no change
            self._reassign(task, date(2026, 12, 2), direction_reference=False, direction_id=False,
                           lead_unit_id=self.finance.id)
        self._reassign(task, date(2026, 12, 2), direction_id=direction.id, direction_reference=False,
                       lead_unit_id=self.finance.id, deadline=date(2027, 1, 15))
        self.assertEqual((task.state, task.lead_unit_id, task.lead_user_id), ("in_progress", self.finance, self.member_finance))
        self.assertEqual(task.receipt_date, date(2026, 12, 2), "the new lead unit's return window starts")
        self.assertEqual(task.return_ids.state, "resolved")
        self._reassign(task, date(2026, 12, 10), deadline=date(2027, 2, 26), reason="Chủ tịch đồng ý gia hạn.")
        history = task.change_ids.sorted("id")
        self.assertEqual(history.mapped("change_type"), ["both", "deadline"])
        self.assertEqual((history[0].old_lead_unit_id, history[0].new_lead_unit_id), (self.department, self.finance))
        self.assertEqual((history[0].old_deadline, history[0].new_deadline), (date(2026, 12, 31), date(2027, 1, 15)))
        self.assertEqual(history[0].direction_id, direction)
        self.assertEqual((history[1].old_deadline, history[1].new_deadline), (date(2027, 1, 15), date(2027, 2, 26)))
        with self.assertRaises(UserError):
            history[0].with_user(self.office_clerk).write({"reason": "sửa"})

    def test_cancel_only_on_direction(self):
        """R-002-6.1c-2: a task is cancelled by the Office on the committee's direction, recorded in the history."""
        task = self.assign(self.make_task())
        with self.assertRaises(UserError):
            task.with_user(self.office_clerk)._cancel("Không còn phù hợp")
        task.with_user(self.office_clerk)._cancel("Không còn phù hợp", direction_reference="Kết luận phiên họp tháng 11")
        self.assertEqual((task.state, task.status), ("cancelled", "cancelled"))
        self.assertEqual(task.change_ids.change_type, "cancel")

    def test_correction_agreed_before_adjusting(self):
        """R-002-7.2a: the Office agrees a correction with the unit before adjusting the data; the unit corrects
        its own update until it is confirmed."""
        task = self.assign(self.make_task())
        update = self.report(task, date(2026, 11, 30), report_date=date(2026, 11, 30))
        update.with_user(self.staff).write({"report_reference": "46/BC-SXD"})  # the unit corrects its own (7.1.b)
        self.confirm(update, date(2026, 12, 1))
        self.assertEqual(task.status, "done_late")
        with self.assertRaises(UserError):
            update.with_user(self.office_clerk).write({"report_date": date(2026, 11, 27)})
        correction = self.env["ubnd.task.correction"].with_user(self.office_clerk).create({
            "task_id": task.id, "update_id": update.id, "description": "Báo cáo ban hành ngày 27/11, nhập nhầm ngày.",
            "new_report_date": date(2026, 11, 27),
        })
        self.assertEqual(correction.proposed_by, "office")
        with self.assertRaises(UserError):
            correction.with_user(self.office_clerk).action_apply()
        with self.assertRaises(AccessError):
            correction.with_user(self.office_clerk).action_agree()
        correction.with_user(self.staff).action_agree()
        correction.with_user(self.office_clerk).action_apply()
        self.env.flush_all()
        self.assertEqual(update.report_date, date(2026, 11, 27))
        self.assertEqual(task.status, "done_on_time")

    def test_unit_reports_difficulties_in_writing(self):
        """R-002-19.2: a unit whose task fell due but cannot be done notifies the Office in writing of the
        difficulties and causes, and a request for the committee's direction is opened with the Office."""
        task = self.assign(self.make_task())
        with self.assertRaises(Exception):
            self.report(task, date(2026, 11, 30), kind="difficulty", written=False)
        self.report(task, date(2026, 11, 30), kind="difficulty", report_reference="60/SXD-VP",
                    note="Vướng mắc về giải phóng mặt bằng.")
        self.assertTrue(task.delay_explained)
        self.assertEqual(task.direction_ids.reason, "difficulty")

    def test_office_leads_request_for_direction_on_disagreement(self):
        """R-002-8.1c: when units disagree, the Office — not the units — asks the committee for direction; the
        leader in charge receives it."""
        task = self.assign(self.make_task(coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        with self.assertRaises(AccessError):
            self.env["ubnd.task.direction"].with_user(self.unit_head).create({"task_id": task.id, "reason": "disagreement"})
        request = self.env["ubnd.task.direction"].with_user(self.office_clerk).create({
            "task_id": task.id, "reason": "disagreement",
            "description": "Sở Xây dựng và Sở Tài chính chưa thống nhất phương án bố trí vốn.",
        })
        self.assertEqual(request.leader_id, self.vc_urban)
        self.assertTrue(request.sudo().activity_ids.filtered(lambda a: a.user_id == self.vc_urban))

    def test_coordinating_unit_gives_input_to_the_lead(self):
        """R-002-8.2b: a coordinating unit gives status and results of its share to the lead unit, which is
        notified; it cannot close the task."""
        task = self.assign(self.make_task(coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        contribution = self.report(task, date(2026, 11, 10), kind="contribution", user=self.finance_staff,
                                   note="Sở Tài chính đã cân đối nguồn vốn.")
        self.assertEqual(contribution.unit_id, self.finance)
        self.assertTrue(task.sudo().activity_ids.filtered(lambda a: a.user_id == self.unit_head))
        with self.assertRaises(AccessError):
            self.report(task, date(2026, 11, 10), kind="contribution", user=self.staff)
        with self.assertRaises(AccessError):
            self.report(task, date(2026, 11, 10), kind="completion", user=self.finance_staff)

    def test_government_task_implemented_and_sent_to_government_database(self):
        """R-002-6.2b: for a Government task the Office proposes a committee directive implementing it, and the
        Office's focal officer for Government tasks records the completion in the Government's database."""
        self.committee.task_gov_focal_user_id = self.deputy_office
        gov = self.make_task(document_id=False, kind="government", source_name="Công điện", source_number="120/CĐ-TTg",
                             source_date=date(2026, 11, 2), source_signer="Thủ tướng Chính phủ")
        self.assign(gov)
        action = gov.with_user(self.office_clerk).action_propose_implementing_document()
        doc = gov.implementing_document_id
        self.assertEqual(action["res_id"], doc.id)
        self.assertEqual(doc.document_type_id, self.env.ref("ubnd_quyche.doctype_ct"))
        doc.sudo().write({"state": "issued", "date": date(2026, 11, 5), "reference": "15/CT-UBND", "number": 15, "year": 2026})
        child_ctx = doc.with_user(self.office_clerk).action_create_task()["context"]
        self.assertEqual(child_ctx["default_parent_id"], gov.id)
        with self.assertRaises(UserError):
            gov.with_user(self.deputy_office).action_mark_gov_database_updated()  # not completed yet
        self.confirm(self.report(gov, date(2026, 11, 20)), date(2026, 11, 23))
        with self.assertRaises(AccessError):
            gov.with_user(self.office_clerk).action_mark_gov_database_updated()
        with freeze_time(date(2026, 11, 24)):
            gov.with_user(self.deputy_office).action_mark_gov_database_updated()
        self.assertEqual(gov.gov_database_date, date(2026, 11, 24))

    def test_six_month_flag(self):
        """R-002-8.1e: a task without result 6 months after its entry and without a written report on the delay
        is flagged, and the Office is asked to inspect it; a written explanation prevents the flag."""
        self.assertEqual(self.profile.no_result_inspection_months, 6)
        # Entered in May: assigned by the January directive (a report never precedes its assigning document).
        silent = self.assign(self.make_task(deadline=False, document_id=self.early_directive.id), on=date(2026, 5, 4))
        explained = self.assign(self.make_task(deadline=False, document_id=self.early_directive.id), on=date(2026, 5, 4))
        self.report(explained, date(2026, 8, 3), kind="difficulty", report_reference="70/SXD-VP")
        with freeze_time(date(2026, 11, 4)):  # exactly six months: not yet "quá 06 tháng"
            self.assertEqual(self.Task._cron_flag_no_result(), 0)
        with freeze_time(date(2026, 11, 5)):
            self.assertEqual(self.Task._cron_flag_no_result(), 1)
        self.assertTrue(silent.no_result_flag)
        self.assertFalse(explained.no_result_flag)
        self.assertTrue(silent.sudo().activity_ids.filtered(lambda a: a.user_id == self.chief_office))
        action = silent.with_user(self.office_clerk).action_open_inspection()
        inspection = self.env["ubnd.inspection"].browse(action["res_id"])
        self.assertEqual((inspection.inspection_type, inspection.adhoc_basis), ("adhoc", "signs"))
        self.assertEqual(inspection.task_ids, silent)
