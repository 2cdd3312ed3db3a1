"""Attacks an ordinary user can send over XML-RPC or JSON-RPC, replayed as the real roles (issue #9).

Each test sends what a client can send — a context key, a field value, an id — and checks the refusal
and that the record did not change."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import UbndTaskCase

# The context keys the workflow once trusted; a client sends them as plain values.
CLIENT_KEYS = {"ubnd_task_agreed_correction": True, "ubnd_task_directed_change": True, "ubnd_task_workflow": True}


class TrustCase(UbndTaskCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(cls.env, login="t_committee_admin", groups="ubnd_quyche.group_ubnd_admin",
                                  company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        cls.task = cls.make_task(coordinating_unit_ids=[(6, 0, cls.finance.ids)])
        cls.task.with_user(cls.office_clerk).action_assign()

    def done_task(self):
        """The fixture task completed the lawful way: report by the lead unit, confirmation by the Office."""
        update = self.report(self.task, date(2026, 11, 20))
        self.confirm(update, date(2026, 11, 20))
        self.assertEqual(self.task.state, "done")
        return update

    def flush_tracking(self):
        """Tracking values are written when the transaction commits: one request ends here."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def snapshot(self, record, names):
        record.invalidate_recordset()
        return {name: record[name] for name in names}


@tagged("post_install", "-at_install")
class TestTrustContextKeys(TrustCase):
    """Nothing a client puts in the context grants a right."""

    def test_agreed_correction_key_does_not_rewrite_a_confirmed_report(self):
        """R-002-7.2a: a confirmed completion report changes only through a correction agreed between the
        Office and the unit; the context key the correction flow once used is refused when a client sends it."""
        update = self.done_task()
        before = self.snapshot(update, ["note", "report_date", "report_reference"])
        for user in (self.staff, self.office_clerk):
            with self.assertRaises(UserError):
                update.with_user(user).with_context(**CLIENT_KEYS).write(
                    {"note": "Sửa lại", "report_date": date(2026, 11, 1), "report_reference": "99/BC"})
        self.assertEqual(self.snapshot(update, before), before)

    def test_directed_change_key_does_not_move_the_deadline(self):
        """R-002-6.1c-2: only the Office changes the deadline, through the reassignment on the leaders'
        direction; the context key of that wizard, sent by a client, is refused."""
        for user in (self.office_clerk, self.admin):
            with self.assertRaises(UserError):
                self.task.with_user(user).with_context(**CLIENT_KEYS).write({"deadline": date(2026, 12, 31)})
            with self.assertRaises(UserError):
                self.task.with_user(user).with_context(**CLIENT_KEYS).write({"lead_unit_id": self.finance.id})
        self.assertEqual((self.task.deadline, self.task.lead_unit_id), (date(2026, 11, 27), self.department))
        self.assertFalse(self.task.change_ids)


@tagged("post_install", "-at_install")
class TestTrustCompletion(TrustCase):
    """A task is completed only through a confirmed completion report; the record of the flow stays."""

    def test_office_cannot_write_a_task_done(self):
        """R-002-6.1a-2: the Office cannot set a task done, confirmed by the Chief of Office, without a
        completion report — not on write, not with the workflow's context key."""
        forged = {"state": "done", "confirmed_by_id": self.chief_office.id, "confirmed_date": "2026-11-20",
                  "completion_date": "2026-11-20"}
        for user in (self.office_clerk, self.chief_office, self.admin):
            for vals in (forged, {"state": "done"}, {"confirmed_by_id": self.chief_office.id},
                         {"completion_date": "2026-11-20"}, {"status": "done_on_time"}):
                with self.assertRaises(AccessError):
                    self.task.with_user(user).with_context(**CLIENT_KEYS).write(vals)
        self.task.invalidate_recordset()
        self.assertEqual(self.task.state, "in_progress")
        self.assertFalse(self.task.confirmed_by_id or self.task.completion_date)

    def test_office_cannot_create_a_task_already_done(self):
        """R-002-6.1a-2: a task is created as a draft; the state and the confirmation cannot be sent in the
        values or as context defaults."""
        Task = self.Task.with_user(self.office_clerk)
        count = Task.search_count([])
        with self.assertRaises(AccessError):
            self.make_task(state="done", confirmed_by_id=self.chief_office.id)
        with self.assertRaises(AccessError):
            self.Task.with_user(self.office_clerk).with_context(default_state="done").create({
                "name": "Nhiệm vụ giả", "committee_id": self.committee.id, "document_id": self.directive.id,
                "lead_unit_id": self.department.id,
            })
        self.assertEqual(Task.search_count([]), count)

    def test_unit_cannot_confirm_its_own_report(self):
        """R-002-6.1a-2: the lead unit cannot write its completion report confirmed, nor enter it as confirmed,
        nor sign it in another user's name."""
        update = self.report(self.task, date(2026, 11, 20))
        for vals in ({"state": "confirmed"}, {"confirmed_by_id": self.office_clerk.id}, {"user_id": self.unit_head.id},
                     {"entry_date": "2026-11-01"}, {"task_id": self.make_task().id}, {"kind": "progress"}):
            with self.assertRaises(AccessError):
                update.with_user(self.staff).write(vals)
        self.assertEqual((update.state, self.task.state), ("submitted", "reported"))
        with freeze_time("2026-11-21"):
            forged = self.env["ubnd.task.update"].with_user(self.unit_head).create({
                "task_id": self.task.id, "kind": "progress", "written_report": False, "note": "Đang làm",
                "state": "confirmed", "confirmed_by_id": self.office_clerk.id, "user_id": self.chairman.id,
                "entry_date": "2026-11-02",
            })
        self.assertEqual((forged.state, forged.confirmed_by_id, forged.user_id, forged.entry_date),
                         ("submitted", self.env["res.users"], self.unit_head, date(2026, 11, 21)))

    def test_completed_task_does_not_change(self):
        """R-002-6.1a-2, R-002-7.2a: a completed task is part of the record; only the Office's assessment of its
        quality is still written (tracked), and nobody archives it."""
        self.done_task()
        before = self.snapshot(self.task, ["name", "content", "source_number", "tracking_user_id", "active", "state"])
        for vals in ({"name": "Đổi tên"}, {"content": "<p>Khác</p>"}, {"tracking_user_id": self.deputy_office.id},
                     {"active": False}, {"coordinating_unit_ids": [(5,)]}):
            with self.assertRaises(UserError):
                self.task.with_user(self.office_clerk).write(vals)
        self.assertEqual(self.snapshot(self.task, before), before)
        self.task.with_user(self.office_clerk).write({"quality": "meets"})
        self.flush_tracking()
        tracked = self.task.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "quality")
        self.assertEqual(len(tracked), 1, "the assessment is tracked: who, when, old → new")

    def test_completed_task_and_its_record_are_never_deleted(self):
        """R-002-6.1a-2: the committee admin cannot delete a completed task, nor an assigned one; its updates,
        urgings and history are not deleted either. A draft never assigned may be deleted."""
        update = self.done_task()
        urging = self.env["ubnd.task.urging"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "task_ids": [(6, 0, self.task.ids)], "form": "message",
        })
        refusals = ((self.task, self.admin, UserError), (update, self.admin, AccessError),
                    (update, self.staff, AccessError), (urging, self.admin, UserError),
                    (urging, self.office_clerk, UserError))
        for record, user, error in refusals:
            with self.assertRaises(error):
                record.with_user(user).unlink()
            self.assertTrue(record.exists())
        with self.assertRaises(UserError):
            update.sudo().task_id.with_user(self.admin).unlink()
        with self.assertRaises(UserError):
            self.task.sudo().unlink()
        open_task = self.assign(self.make_task())
        with self.assertRaises(UserError):
            open_task.with_user(self.admin).unlink()
        draft = self.make_task()
        draft.with_user(self.admin).unlink()
        self.assertFalse(draft.exists())

    def test_assigned_task_stays_with_its_committee_and_keeps_its_content_history(self):
        """R-002-5.1: an assigned task is not moved to another committee; a change of its content keeps the
        previous text in the chatter (Html is not tracked field by field)."""
        with self.assertRaises(UserError):
            self.task.with_user(self.office_clerk).write({"committee_id": self.ward_committee.id})
        self.assertEqual(self.task.committee_id, self.committee)
        self.task.with_user(self.office_clerk).write({"content": "<p>Rà soát, báo cáo trước ngày 25.</p>"})
        self.assertIn("Rà soát, báo cáo UBND thành phố.", self.task.message_ids[:1].body)

    def test_change_rests_on_a_direction_given_on_this_task(self):
        """R-002-6.1c-2: the Office reassigns or cancels a task on a direction the leader gave on this task — not
        on a request still waiting, nor on a direction given on another task."""
        other = self.assign(self.make_task(name="Nhiệm vụ khác"))
        given = self.env["ubnd.task.direction"].with_user(self.office_clerk).create({
            "task_id": other.id, "reason": "disagreement", "direction": "Gia hạn đến 31/12."})
        given.with_user(self.vc_urban).action_give_direction()
        waiting = self.env["ubnd.task.direction"].with_user(self.office_clerk).create({
            "task_id": self.task.id, "reason": "disagreement"})
        for direction in (given, waiting):
            wizard = self.env["ubnd.task.reassign.wizard"].with_user(self.office_clerk).create({
                "task_id": self.task.id, "deadline": date(2026, 12, 31), "reason": "Theo chỉ đạo",
                "direction_id": direction.id,
            })
            with self.assertRaises(UserError):
                wizard.action_apply()
            with self.assertRaises(UserError):
                self.task.with_user(self.office_clerk)._cancel("Không cần nữa", direction=direction)
        self.assertEqual((self.task.deadline, self.task.state), (date(2026, 11, 27), "in_progress"))

    def test_urging_is_not_rewritten(self):
        """R-002-10: an urging is recorded as sent, by whom and when; it is not rewritten afterwards."""
        urging = self.env["ubnd.task.urging"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "task_ids": [(6, 0, self.task.ids)], "form": "message",
            "user_id": self.chairman.id, "automatic": True,
        })
        self.assertEqual((urging.user_id, urging.automatic), (self.office_clerk, False))
        with self.assertRaises(UserError):
            urging.with_user(self.office_clerk).write({"date": "2026-01-01"})

    def test_correction_is_agreed_applied_and_keeps_the_old_value(self):
        """R-002-7.2a: the Office corrects inaccurate data of a confirmed report only after the unit agrees; the
        correction keeps the old value, says who applied it and when, and the task's chatter shows old → new."""
        update = self.done_task()
        Correction = self.env["ubnd.task.correction"]
        correction = Correction.with_user(self.office_clerk).create({
            "task_id": self.task.id, "update_id": update.id, "description": "Số báo cáo nhập sai",
            "new_report_reference": "46/BC-SXD", "state": "agreed", "agreed_by_id": self.office_clerk.id,
            "proposed_by": "unit",
        })
        self.assertEqual((correction.state, correction.proposed_by, correction.agreed_by_id),
                         ("proposed", "office", self.env["res.users"]))
        # The proposer cannot agree to his own proposal, by the button or by writing the state.
        with self.assertRaises(AccessError):
            correction.with_user(self.office_clerk).action_agree()
        with self.assertRaises(AccessError):
            correction.with_user(self.office_clerk).write({"state": "agreed"})
        with self.assertRaises(UserError):
            correction.with_user(self.office_clerk).action_apply()
        correction.with_user(self.staff).action_agree()
        # Once agreed, neither party changes what was agreed.
        with self.assertRaises(UserError):
            correction.with_user(self.office_clerk).write({"new_report_reference": "99/BC"})
        correction.with_user(self.office_clerk).action_apply()
        self.assertEqual(update.report_reference, "46/BC-SXD")
        self.assertEqual((correction.state, correction.old_report_reference, correction.applied_by_id),
                         ("applied", "45/BC-SXD", self.office_clerk))
        self.assertTrue(any("45/BC-SXD → 46/BC-SXD" in message.body for message in self.task.message_ids))
        with self.assertRaises(AccessError):
            correction.with_user(self.office_clerk).unlink()

        with self.assertRaises(UserError):
            correction.with_user(self.staff).action_refuse()

    def test_correction_only_of_an_update_of_its_task(self):
        """R-002-7.2a: a correction cannot point at another task's update to rewrite it."""
        update = self.done_task()
        other = self.assign(self.make_task(name="Nhiệm vụ khác"))
        with self.assertRaises(ValidationError):
            self.env["ubnd.task.correction"].with_user(self.office_clerk).create({
                "task_id": other.id, "update_id": update.id, "description": "x", "new_note": "y",
            })

    def test_state_changes_tracked_in_chatter(self):
        """R-002-6.1a-2: assignment, report and confirmation leave who, when and old → new in the chatter."""
        self.flush_tracking()
        update = self.report(self.task, date(2026, 11, 20))
        self.flush_tracking()
        self.confirm(update, date(2026, 11, 20))
        self.flush_tracking()
        tracking = self.task.sudo().message_ids.tracking_value_ids
        states = tracking.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(len(set(states.mapped("new_value_char"))), 2, "reported, then completed")
        confirmed = tracking.filtered(lambda t: t.field_id.name == "confirmed_by_id")
        self.assertEqual(confirmed.new_value_char, self.office_clerk.name)


@tagged("post_install", "-at_install")
class TestTrustRecords(TrustCase):
    """Returns, directions, reports and inspections: the workflow's fields are the workflow's."""

    def test_unit_cannot_file_a_return_directly(self):
        """R-002-6.1c: a task is returned through the return, within its window; a unit cannot create a return
        record of its own with any dates, nor the Office rewrite one."""
        with self.assertRaises(AccessError):
            self.env["ubnd.task.return"].with_user(self.unit_head).create({
                "task_id": self.task.id, "unit_id": self.department.id, "reason_type": "overlap", "reason": "x",
                "receipt_date": "2026-11-03", "return_deadline": "2026-11-04", "return_date": "2026-11-03",
            })
        self.assertFalse(self.task.return_ids)

    def test_direction_is_given_only_by_the_leader(self):
        """R-002-6.1c-2, R-002-8.1c: the Office asks for direction; it cannot write the direction given by the
        Chairman itself, and a direction given does not change."""
        request = self.env["ubnd.task.direction"].with_user(self.office_clerk).create({
            "task_id": self.task.id, "reason": "disagreement",
        })
        for vals in ({"state": "directed"}, {"directed_by_id": self.chairman.id}, {"direction_date": "2026-11-10"}):
            with self.assertRaises(AccessError):
                request.with_user(self.office_clerk).write(vals)
        self.assertEqual(request.state, "requested")
        request.with_user(self.vc_urban).write({"direction": "Giao Sở Tài chính chủ trì."})
        request.with_user(self.vc_urban).action_give_direction()
        self.assertEqual((request.state, request.directed_by_id), ("directed", self.vc_urban))
        with self.assertRaises(UserError):
            request.with_user(self.vc_urban).write({"direction": "Giữ nguyên."})
        with self.assertRaises(UserError):
            request.with_user(self.chairman).action_give_direction()

    def test_sent_weekly_report_and_its_lines_do_not_change(self):
        """R-002-6.1d: the lead unit's weekly report, once sent to the Office, and its lines stay as sent; the
        state is set by “Send” only."""
        report = self.env["ubnd.task.weekly.report"].create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "week_date": date(2026, 11, 26),
            "line_ids": [(0, 0, {"task_id": self.task.id, "unit_id": self.finance.id})],
        })
        with self.assertRaises(AccessError):
            report.with_user(self.staff).write({"state": "sent"})
        report.with_user(self.staff).action_send()
        line = report.line_ids
        with self.assertRaises(UserError):
            line.with_user(self.staff).write({"note": "Sửa"})
        with self.assertRaises(UserError):
            line.with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            self.env["ubnd.task.weekly.report.line"].with_user(self.staff).create({
                "report_id": report.id, "task_id": self.task.id, "unit_id": self.finance.id})
        with self.assertRaises(UserError):
            report.with_user(self.chief_office).unlink()
        self.assertEqual(len(report.line_ids), 1)

    def test_reports_are_asked_for_by_the_office_of_the_committee(self):
        """R-002-19.1: the Office asks the units of its committee for their periodic reports; the method takes
        the ids a client sends, and refuses a specialist or another committee's Office."""
        Report = self.env["ubnd.unit.report"]
        for user in (self.staff, self.ward_clerk):
            with self.assertRaises(AccessError):
                Report.with_user(user).action_generate_for_units(self.committee.id, "tasks", "quarter", 2026, 4)
        reports = Report.with_user(self.office_clerk).action_generate_for_units(
            self.committee.id, "tasks", "quarter", 2026, 4, units=self.department.ids)
        self.assertEqual(reports.unit_id, self.department)

    def test_unit_report_state_only_by_its_steps(self):
        """R-002-19.1: a unit's periodic report is approved by its head and sent by the unit; a specialist
        cannot write it approved or sent, and once approved it no longer changes or disappears."""
        report = self.env["ubnd.unit.report"].with_user(self.staff).create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "topic": "tasks",
            "period_type": "quarter", "year": 2026, "period_number": 4, "content": "<p>Báo cáo quý IV.</p>",
            "explanation": "<p>Không có nhiệm vụ chậm.</p>",
        })
        for vals in ({"state": "sent"}, {"approved_by_id": self.unit_head.id}, {"sent_date": "2026-12-01"}):
            with self.assertRaises(AccessError):
                report.with_user(self.staff).write(vals)
        report.with_user(self.unit_head).action_approve()
        with self.assertRaises(UserError):
            report.with_user(self.staff).write({"content": "<p>Khác.</p>"})
        with self.assertRaises(AccessError):
            report.with_user(self.finance_staff).action_send()
        with self.assertRaises(UserError):
            report.with_user(self.office_clerk).unlink()
        self.assertEqual(report.state, "approved")


@tagged("post_install", "-at_install")
class TestTrustIsolation(TrustCase):
    """Every record is scoped to its committee; a child record follows its parent's access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ward_vc = new_test_user(cls.env, login="t_ward_vc", groups="ubnd_quyche.group_ubnd_vice_chairman",
                                    company_id=cls.ward_company.id, company_ids=[(6, 0, cls.ward_company.ids)])
        cls.env["ubnd.committee.member"].create({
            "committee_id": cls.ward_committee.id, "user_id": cls.ward_vc.id, "role": "vice_chairman",
            "field_ids": [(6, 0, (cls.field_construction | cls.field_finance).ids)],
        })
        cls.ward_staff = new_test_user(cls.env, login="t_ward_staff", groups="ubnd_quyche.group_ubnd_staff",
                                       company_id=cls.ward_company.id, company_ids=[(6, 0, cls.ward_company.ids)])

    def test_other_committee_leader_reads_no_update_nor_its_files(self):
        """R-000-40.2: a Vice-Chairman follows the tasks of his portfolio in his own committee; a ward
        Vice-Chairman with the same fields reads none of the city's updates, corrections or history, nor
        their files, even by id."""
        update = self.report(self.task, date(2026, 11, 20))
        files = update.attachment_ids
        Update = self.env["ubnd.task.update"].with_user(self.ward_vc)
        self.assertFalse(Update.search([("id", "=", update.id)]))
        with self.assertRaises(AccessError):
            update.with_user(self.ward_vc).read(["note", "attachment_ids"])
        with self.assertRaises(AccessError):
            files.with_user(self.ward_vc).read(["datas"])
        for model in ("ubnd.task.change", "ubnd.task.return", "ubnd.task.correction"):
            self.assertFalse(self.env[model].with_user(self.ward_vc).search([("task_id", "=", self.task.id)]))
        # His own committee's leader of that field reads them.
        self.assertTrue(update.with_user(self.vc_urban).read(["note"]))

    def test_nobody_adopts_another_users_file(self):
        """A file uploaded by someone else and not yet attached (a Many2many without res_id) cannot be pulled
        into one's own report to read it afterwards."""
        foreign = self.attachment(self.finance_staff, name="ho-so-mat.pdf")
        with freeze_time("2026-11-03"), self.assertRaises(AccessError):
            self.env["ubnd.task.return.wizard"].with_user(self.staff).create({
                "task_id": self.task.id, "reason_type": "functions", "reason": "Không thuộc chức năng",
                "attachment_ids": [(6, 0, foreign.ids)],
            }).action_return()
        self.assertEqual(self.task.state, "in_progress")
        with self.assertRaises(AccessError):
            self.report(self.task, date(2026, 11, 20), attachment_ids=[(6, 0, foreign.ids)])
        update = self.report(self.task, date(2026, 11, 20))
        with self.assertRaises(AccessError):
            update.with_user(self.staff).write({"attachment_ids": [(4, foreign.id)]})
        foreign.invalidate_recordset()
        self.assertFalse(foreign.res_id)
        with self.assertRaises(AccessError):
            foreign.with_user(self.staff).read(["datas"])

    def test_findings_follow_their_inspection(self):
        """R-002-16.3b: the findings of an inspection are read by the inspected units, the inspecting unit and
        the team, the Office and the leaders — not by every specialist; only the team writes them, and a
        reported inspection's findings and conclusions no longer change."""
        inspection = self.env["ubnd.inspection"].with_user(self.office_clerk).create({
            "name": "Kiểm tra đột xuất Sở Xây dựng", "committee_id": self.committee.id, "inspection_type": "adhoc",
            "adhoc_basis": "signs", "organiser": "office", "basis_reference": "Ý kiến chỉ đạo 10/11",
            "legal_basis": "Quyết định 150/2025/QĐ-UBND", "scope": "Sở Xây dựng",
            "date_start": date(2026, 11, 9), "date_end": date(2026, 11, 20),
            "unit_ids": [(6, 0, self.department.ids)], "task_ids": [(6, 0, self.task.ids)],
            "member_ids": [(0, 0, {"user_id": self.deputy_office.id, "role": "head"})],
        })
        finding = self.env["ubnd.inspection.finding"].with_user(self.deputy_office).create({
            "inspection_id": inspection.id, "task_id": self.task.id, "result": "not_done", "nature": "Chậm",
            "extent": "Quá hạn", "cause": "Thiếu nhân lực", "responsibility": "Lãnh đạo Sở",
        })
        Finding = self.env["ubnd.inspection.finding"]
        self.assertFalse(Finding.with_user(self.finance_staff).search([("id", "=", finding.id)]))
        with self.assertRaises(AccessError):
            finding.with_user(self.finance_staff).read(["responsibility"])
        self.assertTrue(finding.with_user(self.staff).read(["responsibility"]), "the inspected unit reads it")
        with self.assertRaises(AccessError):
            finding.with_user(self.unit_head).write({"responsibility": "Không ai"})
        with self.assertRaises(AccessError):
            Finding.with_user(self.finance_staff).create({"inspection_id": inspection.id, "result": "done"})
        with self.assertRaises(AccessError):
            inspection.with_user(self.unit_head).write({"conclusion": "<p>Tốt.</p>"})
        with self.assertRaises(AccessError):
            inspection.with_user(self.deputy_office).write({"state": "reported"})
        self.assertEqual(inspection.state, "draft")
        inspection.sudo().write({"state": "decided"})
        with self.assertRaises(UserError):
            inspection.with_user(self.office_clerk).write({"scope": "Mọi sở", "unit_ids": [(4, self.finance.id)]})
        # Reported: the findings and the conclusions are the record.
        inspection.sudo().write({"state": "ended", "ended_date": date(2026, 11, 20), "evaluation": "<p>Đánh giá.</p>",
                                 "conclusion": "<p>Kết luận.</p>", "recommendations": "<p>Kiến nghị.</p>"})
        inspection.with_user(self.deputy_office).action_report()
        with self.assertRaises(UserError):
            finding.with_user(self.deputy_office).write({"responsibility": "Không ai"})
        with self.assertRaises(UserError):
            finding.with_user(self.deputy_office).unlink()
        with self.assertRaises(UserError):
            inspection.with_user(self.office_clerk).write({"conclusion": "<p>Khác.</p>"})
        with self.assertRaises(UserError):
            inspection.with_user(self.office_clerk).unlink()
        self.assertEqual(finding.responsibility, "Lãnh đạo Sở")
        # Another committee's Office sees neither.
        self.assertFalse(self.env["ubnd.inspection"].with_user(self.ward_clerk).search([("id", "=", inspection.id)]))
        self.assertFalse(Finding.with_user(self.ward_clerk).search([("id", "=", finding.id)]))

    def test_statistics_workbook_only_for_the_office_and_leaders_of_the_committee(self):
        """R-002-18.2: the committee-wide workbook (every unit's figures, overdue tasks by name, inspections) is
        prepared by the Office for the committee; a unit specialist, or the Office of another committee, cannot
        render it for this committee."""
        Report = self.env["ir.actions.report"]
        for user in (self.staff, self.ward_clerk, self.ward_vc):
            wizard = self.env["ubnd.task.report.wizard"].with_user(user).create({
                "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
            with self.assertRaises(AccessError):
                wizard.action_print()
            with self.assertRaises(AccessError):
                Report.with_user(user)._render_xlsx("ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
        wizard = self.env["ubnd.task.report.wizard"].with_user(self.vc_urban).create({
            "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
        self.assertTrue(Report.with_user(self.vc_urban)._render_xlsx(
            "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})[0])

    def test_no_link_to_another_committees_task(self):
        """A record of one committee cannot link a task of another by its id (the link would show the task's
        title and post on its chatter): urgings, inspections, feedback and weekly report lines."""
        ward_task = self.env["ubnd.task"].sudo().create({
            "name": "Nhiệm vụ của phường", "committee_id": self.ward_committee.id, "source_number": "3/CT-UBND",
            "source_date": date(2026, 11, 2), "tracking_unit_id": False, "lead_unit_id": self.env["hr.department"].sudo().create({
                "name": "Phòng Kinh tế", "company_id": self.ward_company.id, "ubnd_committee_id": self.ward_committee.id,
                "ubnd_unit_kind": "department"}).id,
        })
        # The ward's Office reads the city's task assigned to the commune (it reports on it), yet does not urge
        # it as the ward's own; a task it cannot read is refused by the ORM itself.
        city_task = self.assign(self.make_task(name="Nhiệm vụ giao phường Một", lead_unit_id=self.commune.id,
                                               field_id=self.field_justice.id))
        self.assertTrue(city_task.with_user(self.ward_clerk).read(["name"]))
        messages = len(city_task.message_ids)
        with self.assertRaises(ValidationError):
            self.env["ubnd.task.urging"].with_user(self.ward_clerk).create({
                "committee_id": self.ward_committee.id, "task_ids": [(6, 0, (city_task | ward_task).ids)],
                "form": "message", "note": "Đôn đốc",
            })
        with self.assertRaises(AccessError):
            self.env["ubnd.task.urging"].with_user(self.ward_clerk).create({
                "committee_id": self.ward_committee.id, "task_ids": [(6, 0, self.task.ids)], "form": "message",
            })
        self.assertEqual(len(city_task.message_ids), messages)
        with self.assertRaises(ValidationError):
            self.env["ubnd.task.weekly.report"].with_user(self.staff).create({
                "committee_id": self.committee.id, "unit_id": self.department.id, "week_date": date(2026, 11, 26),
                "line_ids": [(0, 0, {"task_id": ward_task.id, "unit_id": self.finance.id})],
            })

    def test_ward_specialist_cannot_touch_city_weekly_report(self):
        """R-002-6.1d: the lines of a weekly report follow the report: a specialist of another committee neither
        reads, creates nor deletes them."""
        report = self.env["ubnd.task.weekly.report"].create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "week_date": date(2026, 11, 26),
            "line_ids": [(0, 0, {"task_id": self.task.id, "unit_id": self.finance.id})],
        })
        Line = self.env["ubnd.task.weekly.report.line"].with_user(self.ward_staff)
        self.assertFalse(Line.search([("report_id", "=", report.id)]))
        with self.assertRaises(AccessError):
            Line.create({"report_id": report.id, "task_id": self.task.id, "unit_id": self.finance.id})
        with self.assertRaises(AccessError):
            report.line_ids.with_user(self.ward_staff).unlink()
        with self.assertRaises(AccessError):
            report.line_ids.with_user(self.finance_staff).write({"note": "x"})
        self.assertEqual(len(report.line_ids), 1)


@tagged("post_install", "-at_install")
class TestTrustInput(TrustCase):
    """Dates a client sends: readable, in a sane window, and never before the assigning document."""

    def test_deadline_before_its_document_refused(self):
        """R-002-5.1e: a deadline before the date of the document that assigns the task is refused, on entry and
        when the leaders' direction changes it."""
        with self.assertRaises(ValidationError):
            self.make_task(deadline=date(2026, 11, 1), document_id=self.directive.id)
        with self.assertRaises(ValidationError):
            self.make_task(document_id=False, source_number="05/TB-VPCP", source_date=date(2026, 10, 1),
                           deadline=date(2000, 1, 1))
        wizard = self.env["ubnd.task.reassign.wizard"].with_user(self.office_clerk).create({
            "task_id": self.task.id, "deadline": date(2026, 10, 1), "reason": "Theo chỉ đạo",
            "direction_reference": "Thông báo 20/TB-UBND",
        })
        with self.assertRaises(ValidationError):
            wizard.action_apply()
        self.assertEqual(self.task.deadline, date(2026, 11, 27))
        self.assertFalse(self.task.change_ids)

    def test_absurd_or_unreadable_dates_refused_clearly(self):
        """R-002-5.1e: a deadline in 9999 (which crashed the working-day engine), 30 February or a value that is
        no date gets a clear error and writes nothing."""
        for value in ("9999-12-31", date(9999, 12, 31), "1800-01-01", "2026-02-30", "hôm nay", 20261130):
            with self.assertRaises(ValidationError):
                self.make_task(deadline=value)
            with self.assertRaises(ValidationError):
                self.task.with_user(self.office_clerk).write({"deadline": value})
        self.assertEqual(self.task.deadline, date(2026, 11, 27))
        with self.assertRaises(ValidationError):
            self.report(self.task, date(2026, 11, 20), kind="progress", report_date="9999-01-01")

    def test_dashboard_arguments_from_a_client(self):
        """The unit dashboard takes what a client sends: ids, or a clear error for anything else."""
        Task = self.Task.with_user(self.staff)
        self.assertIn("counts", Task.get_unit_dashboard(self.department.id, "5"))
        for args in ((["x"],), (None, "many"), ({"a": 1},)):
            with self.assertRaises(ValidationError):
                Task.get_unit_dashboard(*args)

    def test_completion_report_not_backdated_before_the_task(self):
        """R-002-6.1a: the date of the completion report decides whether the task was on time; it cannot be
        dated before the document that assigned the task, and the report is the lead unit's whatever unit the
        client names."""
        with self.assertRaises(ValidationError):
            self.report(self.task, date(2026, 11, 20), report_date=date(2026, 10, 1))
        self.assertEqual(self.task.state, "in_progress")
        update = self.report(self.task, date(2026, 11, 20), unit_id=self.finance.id)
        self.assertEqual(update.unit_id, self.department)


@tagged("post_install", "-at_install")
class TestTrustFollowupRecords(TrustCase):
    """Plans, session confirmations and focal officers' reports: approvals are the approver's act."""

    def test_inspection_plan_approval_cannot_be_written(self):
        """R-002-13.1: a periodic inspection rests on a plan approved by the competent person; the Office cannot
        write the plan approved by the Chairman, and an approved plan no longer changes."""
        plan = self.env["ubnd.inspection.plan"].with_user(self.office_clerk).create({
            "name": "Kế hoạch kiểm tra năm 2027", "committee_id": self.committee.id, "year": 2027,
        })
        for vals in ({"state": "approved"}, {"approved_by_id": self.chairman.id}, {"approved_date": "2026-12-01"}):
            with self.assertRaises(AccessError):
                plan.with_user(self.office_clerk).write(vals)
        with self.assertRaises(AccessError):
            self.env["ubnd.inspection.plan"].with_user(self.office_clerk).create({
                "name": "Kế hoạch giả", "committee_id": self.committee.id, "year": 2027, "state": "approved",
            })
        self.assertEqual(plan.state, "draft")
        plan.with_user(self.chairman).action_approve()
        with self.assertRaises(UserError):
            plan.with_user(self.office_clerk).write({"name": "Khác"})
        with self.assertRaises(UserError):
            plan.with_user(self.office_clerk).unlink()

    def test_session_confirmation_is_the_units_act(self):
        """R-002-21.1: a unit states that its results are up to date through its own confirmation; the Office
        cannot write that confirmation for it."""
        session = self.env["ubnd.task.session"].with_user(self.office_clerk).create({
            "name": "Phiên họp thường kỳ tháng 12/2026", "committee_id": self.committee.id,
            "session_date": date(2026, 12, 29),
        })
        with self.assertRaises(AccessError):
            session.with_user(self.office_clerk).write({"state": "reported"})
        session.with_user(self.office_clerk).action_notify_units()
        line = session.line_ids.filtered(lambda l: l.unit_id == self.department)
        with self.assertRaises(AccessError):
            line.with_user(self.office_clerk).write({"confirmed_date": "2026-12-20", "confirmed_by_id": self.staff.id})
        self.assertFalse(line.confirmed_date)
        with self.assertRaises(AccessError):
            line.with_user(self.finance_staff).action_confirm_updated()
        line.with_user(self.staff).action_confirm_updated()
        self.assertEqual(line.confirmed_by_id, self.staff)

    def test_focal_report_approval_is_the_heads_act(self):
        """R-002-22.2: the focal officers' report goes to the Office once its head approved it; nobody writes it
        approved or sent, and another unit does not submit it."""
        report = self.env["ubnd.focal.report"].with_user(self.staff).create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "period_type": "quarter",
            "year": 2026, "quarter": "4", "control": "<p>Đã rà soát 45 TTHC.</p>"})
        for vals in ({"state": "sent"}, {"approved_by_id": self.unit_head.id}, {"sent_date": "2026-12-01"}):
            with self.assertRaises(AccessError):
                report.with_user(self.staff).write(vals)
        with self.assertRaises(AccessError):
            report.with_user(self.finance_staff).action_submit()
        with self.assertRaises(AccessError):
            report.with_user(self.finance_staff).write({"control": "<p>Sửa báo cáo của đơn vị khác.</p>"})
        self.assertEqual(report.state, "draft")
