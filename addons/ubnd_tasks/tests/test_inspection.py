from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestInspection(UbndTaskCase):
    """Inspections of assigned tasks (002 Đ11–17; 000 Đ40–41; 001 Đ17)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["ubnd.inspection.plan"].create({
            "name": "Kế hoạch kiểm tra năm 2026", "committee_id": cls.committee.id, "year": 2026,
        })
        cls.task = cls.make_task(deadline=date(2026, 9, 30))
        cls.task.with_user(cls.office_clerk).action_assign()

    def _inspection(self, **vals):
        values = {
            "name": "Kiểm tra việc thực hiện nhiệm vụ của Sở Xây dựng",
            "committee_id": self.committee.id,
            "inspection_type": "periodic",
            "plan_id": self.plan.id,
            "organiser": "chairman",
            "legal_basis": "Quyết định 150/2025/QĐ-UBND",
            "scope": "Sở Xây dựng; nhiệm vụ giao năm 2026",
            "date_start": date(2026, 11, 9),
            "date_end": date(2026, 11, 20),
            "unit_ids": [(6, 0, self.department.ids)],
            "task_ids": [(6, 0, self.task.ids)],
            "member_ids": [(0, 0, {"user_id": self.deputy_office.id, "role": "head"}),
                           (0, 0, {"user_id": self.office_clerk.id, "role": "member"})],
        }
        values.update(vals)
        return self.env["ubnd.inspection"].with_user(self.office_clerk).create(values)

    def _run(self, inspection, ended=date(2026, 11, 20)):
        inspection.with_user(self.chairman).action_decide()
        inspection.with_user(self.deputy_office).action_start()
        inspection.with_user(self.deputy_office).action_end(ended_date=ended)
        return inspection

    def _write_report(self, inspection):
        inspection.sudo().write({
            "evaluation": "<p>Sở đã triển khai kịp thời.</p>",
            "conclusion": "<p>Hoàn thành 8/10 nhiệm vụ.</p>",
            "recommendations": "<p>Đôn đốc hoàn thành 2 nhiệm vụ còn lại.</p>",
        })

    def test_three_content_items_and_two_forms(self):
        """R-002-12, R-002-13: an inspection covers three items (implementation, reporting regime, System
        updates) and takes one of two forms (periodic per plan, ad hoc)."""
        Inspection = self.env["ubnd.inspection"]
        self.assertEqual(len([f for f in ("check_implementation", "check_reporting", "check_system") if f in Inspection._fields]), 3)
        self.assertEqual(set(dict(Inspection._fields["inspection_type"].selection)), {"periodic", "adhoc"})
        inspection = self._inspection(check_implementation=False, check_reporting=False, check_system=False)
        self.plan.with_user(self.chairman).action_approve()
        with self.assertRaises(UserError):
            inspection.with_user(self.chairman).action_decide()

    def test_periodic_inspection_needs_an_approved_plan(self):
        """R-002-13.1: a periodic inspection follows a plan approved by the competent person (the Chairman)."""
        inspection = self._inspection()
        with self.assertRaises(UserError):
            inspection.with_user(self.chairman).action_decide()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.office_clerk).action_approve()
        self.plan.with_user(self.chairman).action_approve()
        inspection.with_user(self.chairman).action_decide()
        self.assertEqual((inspection.state, inspection.decided_by_id), ("decided", self.chairman))

    def test_adhoc_inspection_needs_a_basis(self):
        """R-002-13.2: an ad-hoc inspection rests on a direction or on signs of a task not done or done wrongly."""
        inspection = self._inspection(inspection_type="adhoc", plan_id=False)
        with self.assertRaises(UserError):
            inspection.with_user(self.chairman).action_decide()
        inspection.adhoc_basis = "signs"
        inspection.with_user(self.chairman).action_decide()
        self.assertEqual(inspection.state, "decided")

    def test_only_the_chairman_decides_and_office_inspects_on_his_direction(self):
        """R-002-14.1: only the Chairman issues the inspection decision and sets up the team; for a specific task
        the Office organises the inspection on the Chairman's direction."""
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._inspection()
        for user in (self.vc_urban, self.office_clerk, self.unit_head):
            with self.assertRaises(AccessError):
                inspection.with_user(user).action_decide()
        office_run = self._inspection(organiser="office", inspection_type="adhoc", plan_id=False, adhoc_basis="direction")
        with self.assertRaises(UserError):
            office_run.with_user(self.office_clerk).action_decide()
        office_run.basis_reference = "Ý kiến chỉ đạo của Chủ tịch tại Văn bản 800/VP-KTGS"
        office_run.with_user(self.office_clerk).action_decide()
        self.assertEqual(office_run.state, "decided")

    def test_decision_states_five_contents(self):
        """R-002-14.2: the decision states the legal basis, the scope/subjects/tasks, the content, the duration
        and the team."""
        self.plan.with_user(self.chairman).action_approve()
        for missing in ({"legal_basis": False}, {"scope": False}, {"date_end": False},
                        {"member_ids": [(0, 0, {"user_id": self.office_clerk.id, "role": "member"})]}):
            inspection = self._inspection(**missing)
            self.assertEqual(len(inspection._decision_gaps()), 1, missing)
            with self.assertRaises(UserError):
                inspection.with_user(self.chairman).action_decide()
        self.assertFalse(self._inspection()._decision_gaps())

    def test_vice_chairman_inspects_within_his_portfolio(self):
        """R-000-40.2: a Vice-Chairman inspects only within the scope the Chairman assigned him."""
        self.plan.with_user(self.chairman).action_approve()
        outside = self._inspection(leader_id=self.vc_economy.id)  # construction task, economy portfolio
        with self.assertRaises(ValidationError):
            outside.with_user(self.chairman).action_decide()
        inside = self._inspection(leader_id=self.vc_urban.id)
        inside.with_user(self.chairman).action_decide()
        self.assertEqual(inside.state, "decided")

    def test_team_head_invites_participants(self):
        """R-002-15.2: the team head may invite related bodies or persons, who join the team."""
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._inspection()
        with self.assertRaises(AccessError):
            self.env["ubnd.inspection.member"].with_user(self.office_clerk).create({
                "inspection_id": inspection.id, "user_id": self.finance_staff.id, "role": "invited"})
        invited = self.env["ubnd.inspection.member"].with_user(self.deputy_office).create({
            "inspection_id": inspection.id, "user_id": self.finance_staff.id, "role": "invited",
            "organisation": "Sở Tài chính"})
        self.assertEqual(invited.invited_by_id, self.deputy_office)
        self.assertIn(invited, inspection.member_ids)
        self.assertTrue(inspection.sudo().activity_ids.filtered(lambda a: a.user_id == self.finance_staff))

    def test_office_reports_to_chairman_within_seven_working_days_and_notifies_units(self):
        """R-002-16.2: the Office reports the results to the Chairman no later than 7 working days after the end
        (ended Friday 20/11/2026 → by Wednesday 02/12/2026, 24/11 being a day off) and notifies the inspected units."""
        self.assertEqual(self.profile.inspection_report_days, 7)
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._run(self._inspection(organiser="chairman"))
        self.assertEqual(inspection.report_deadline, date(2026, 12, 2))
        self._write_report(inspection)
        with freeze_time(date(2026, 12, 3)):
            inspection.with_user(self.deputy_office).action_report()
        self.assertTrue(inspection.report_late)
        self.assertEqual(inspection.report_to_id, self.chairman)
        self.assertEqual(inspection.results_notified_date, date(2026, 12, 3))
        self.assertIn(self.unit_head.partner_id, inspection.sudo().message_partner_ids)

    def test_unit_reports_within_seven_working_days_copied_to_office(self):
        """R-002-16.1, R-002-11.2: a department head inspects within his unit and reports to the committee within
        7 working days of the end, with a copy to the Office."""
        unit_plan = self.env["ubnd.inspection.plan"].create({
            "name": "Kế hoạch tự kiểm tra", "committee_id": self.committee.id, "year": 2026, "unit_id": self.department.id})
        unit_plan.with_user(self.unit_head).action_approve()
        members = [(0, 0, {"user_id": self.unit_head.id, "role": "head"})]
        outside = self._inspection(organiser="unit", organiser_unit_id=self.department.id, plan_id=unit_plan.id,
                                   unit_ids=[(6, 0, self.finance.ids)], member_ids=members)
        with self.assertRaises(ValidationError):
            outside.with_user(self.unit_head).action_decide()
        inspection = self._inspection(organiser="unit", organiser_unit_id=self.department.id, plan_id=unit_plan.id,
                                      member_ids=members)
        with self.assertRaises(AccessError):
            inspection.with_user(self.chairman).action_decide()
        inspection.with_user(self.unit_head).action_decide()
        inspection.with_user(self.unit_head).action_start()
        inspection.with_user(self.unit_head).action_end(ended_date=date(2026, 11, 20))
        self._write_report(inspection)
        with freeze_time(date(2026, 12, 1)):
            inspection.with_user(self.unit_head).action_report()
        self.assertFalse(inspection.report_late)
        self.assertEqual(inspection.office_copy_date, date(2026, 12, 1))
        self.assertTrue(inspection.sudo().activity_ids.filtered(lambda a: a.user_id == self.chief_office))

    def test_report_has_three_parts_and_findings_four_elements(self):
        """R-002-16.3, R-002-16.3b, R-000-41.1: the result report has an evaluation, conclusions and
        recommendations; a task not done states its nature, extent, cause and responsibility."""
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._run(self._inspection())
        inspection.sudo().write({"evaluation": "<p>Đánh giá.</p>", "conclusion": "<p>Kết luận.</p>"})
        with self.assertRaises(UserError):
            inspection.with_user(self.deputy_office).action_report()
        with self.assertRaises(ValidationError):
            self.env["ubnd.inspection.finding"].create({"inspection_id": inspection.id, "task_id": self.task.id,
                                                         "result": "not_done", "nature": "Chậm"})
        self.env["ubnd.inspection.finding"].create({
            "inspection_id": inspection.id, "task_id": self.task.id, "result": "not_done", "nature": "Chậm triển khai",
            "extent": "Quá hạn 50 ngày", "cause": "Chưa bố trí nhân lực", "responsibility": "Lãnh đạo Sở Xây dựng"})
        inspection.sudo().recommendations = "<p>Kiến nghị xử lý trách nhiệm.</p>"
        inspection.with_user(self.deputy_office).action_report()
        self.assertEqual(inspection.state, "reported")

    def test_recommendations_become_tasks(self):
        """R-002-16.3: recommendations become new tasks for the Office to enter, and a recommendation to adjust a
        task becomes a request for the committee's direction."""
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._run(self._inspection())
        Rec = self.env["ubnd.inspection.recommendation"]
        new = Rec.create({"inspection_id": inspection.id, "kind": "new_task", "task_id": self.task.id,
                          "description": "Hoàn thành rà soát quy hoạch trước 31/12/2026", "deadline": date(2026, 12, 31)})
        adjust = Rec.create({"inspection_id": inspection.id, "kind": "adjust", "task_id": self.task.id,
                             "description": "Điều chỉnh thời hạn nhiệm vụ"})
        (new | adjust).with_user(self.office_clerk).action_create_task()
        self.assertEqual((new.new_task_id.state, new.new_task_id.parent_id, new.new_task_id.lead_unit_id),
                         ("draft", self.task, self.department))
        self.assertEqual(adjust.direction_id.reason, "adjustment")

    def test_dossier_of_eight_components(self):
        """R-002-17: a closed dossier holds eight components; the decision, the implementation reports, the plan,
        the minutes and the result report are required, the others only if they exist."""
        Dossier = self.env["ubnd.inspection.dossier"]
        self.assertEqual(len(Dossier._fields["component"].selection), 8)
        self.plan.with_user(self.chairman).action_approve()
        inspection = self._run(self._inspection())
        self._write_report(inspection)
        inspection.with_user(self.deputy_office).action_report()
        for component in ("decision", "reports", "plan", "minutes"):
            Dossier.create({"inspection_id": inspection.id, "component": component, "name": component})
        with self.assertRaises(UserError):
            inspection.with_user(self.office_clerk).action_close()
        Dossier.create({"inspection_id": inspection.id, "component": "result_report", "name": "Báo cáo kết quả"})
        inspection.with_user(self.office_clerk).action_close()
        self.assertEqual(inspection.state, "closed")

    def test_ward_chairman_self_inspection_and_handler(self):
        """R-001-17.1: the ward Chairman organises self-inspection in the ward and decides the handling or
        assigns a Vice-Chairman to handle the findings."""
        inspection = self._inspection(handling_user_id=self.vc_urban.id)
        self.assertEqual(inspection.handling_user_id, self.vc_urban)
        with self.assertRaises(ValidationError):
            inspection.handling_user_id = self.unit_head

    def test_unit_head_reports_unlawful_provisions_to_leaders(self):
        """R-001-17.3: a head's self-inspection that finds unlawful or outdated provisions reports them to the
        Chairman and the Vice-Chairman in charge."""
        unit_plan = self.env["ubnd.inspection.plan"].create({
            "name": "Tự kiểm tra", "committee_id": self.committee.id, "year": 2026, "unit_id": self.commune.id})
        unit_plan.sudo().action_approve()
        inspection = self._inspection(organiser="unit", organiser_unit_id=self.commune.id, plan_id=unit_plan.id,
                                      unit_ids=[(6, 0, self.commune.ids)],
                                      member_ids=[(0, 0, {"user_id": self.office_clerk.id, "role": "head"})])
        inspection.sudo().action_decide()
        inspection.with_user(self.office_clerk).action_start()
        inspection.with_user(self.office_clerk).action_end(ended_date=date(2026, 11, 20))
        self.env["ubnd.inspection.finding"].create({"inspection_id": inspection.id, "unit_id": self.commune.id,
                                                     "result": "unlawful_provision",
                                                     "assessment": "Quy định thu phí không còn phù hợp."})
        self._write_report(inspection)
        inspection.with_user(self.office_clerk).action_report()
        users = inspection.sudo().activity_ids.user_id
        self.assertIn(self.chairman, users)
        self.assertIn(self.vc_urban, users)

    def test_quarter_inspections_in_the_statistics_workbook(self):
        """R-000-41.3: the Office compiles the inspections of DOCUMENT ENFORCEMENT and reports them at the regular
        session at the end of the quarter: the quarterly workbook has their own sheet listing those ended in the
        quarter with the documents inspected — not the inspections of tasks (their own sheet), not those ended in
        another quarter; such an inspection names its documents and they no longer change once decided."""
        self.plan.with_user(self.chairman).action_approve()
        tasks = self._run(self._inspection())
        decision = self.env["ubnd.document"].sudo().create({
            "name": "Quy định thu phí vỉa hè", "committee_id": self.committee.id,
            "document_type_id": self.env.ref("ubnd_quyche.doctype_qd").id, "is_legal_normative": True})
        decision.sudo().write({"state": "issued", "number": 7, "reference": "07/2026/QĐ-UBND"})
        documents = self._inspection(name="Kiểm tra thi hành Quy định thu phí vỉa hè", subject="documents",
                                     task_ids=[(5, 0, 0)])
        with self.assertRaises(ValidationError):
            documents.with_user(self.chairman).action_decide()  # no document named
        documents.document_ids = decision
        self._run(documents)
        with self.assertRaises(UserError):
            documents.with_user(self.deputy_office).write({"document_ids": [(5, 0, 0)]})
        earlier = self._run(self._inspection(name="Kiểm tra quý III", subject="documents", task_ids=[(5, 0, 0)],
                                             document_ids=[(6, 0, decision.ids)], date_start=date(2026, 9, 1),
                                             date_end=date(2026, 9, 20)), ended=date(2026, 9, 20))
        wizard = self.env["ubnd.task.report.wizard"].create({
            "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
        content, _ext = self.env["ir.actions.report"]._render_xlsx(
            "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
        from io import BytesIO  # noqa: PLC0415
        from openpyxl import load_workbook  # noqa: PLC0415
        book = load_workbook(BytesIO(content))
        enforcement, task_sheet = book.worksheets[-1], book.worksheets[-2]
        rows = list(enforcement.iter_rows(min_row=9, values_only=True))
        self.assertEqual([row[1] for row in rows], [documents.name])
        self.assertIn("07/2026/QĐ-UBND", rows[0][6])
        self.assertNotIn(earlier.name, [row[1] for row in rows])
        task_names = [row[1] for row in task_sheet.iter_rows(min_row=9, values_only=True)]
        self.assertIn(tasks.name, task_names)
        self.assertNotIn(documents.name, task_names)
