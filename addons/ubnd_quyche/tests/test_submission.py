import base64
from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndCommonCase


def on(day):
    """Freeze "today" for the Odoo date helpers used by the workflow."""
    return patch.object(fields.Date, "context_today", lambda *a, **k: day)


@tagged("post_install", "-at_install")
class UbndSubmissionCase(UbndCommonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_company(cls.company)
        head = Employee.create({"name": "Trưởng phòng", "user_id": cls.unit_head.id, "department_id": cls.department.id,
                                "company_id": cls.company.id})
        cls.department.manager_id = head
        Employee.create({"name": "Chuyên viên", "user_id": cls.staff.id, "department_id": cls.department.id,
                         "company_id": cls.company.id})
        Employee.create({"name": "Phó Chánh VP", "user_id": cls.deputy_office.id, "department_id": cls.office.id,
                         "company_id": cls.company.id})

    def new_submission(self, **vals):
        vals.setdefault("name", "Quyết định phê duyệt kế hoạch")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("kind", "chairman_decision")
        vals.setdefault("addressee", "vice_chairman")
        vals.setdefault("field_id", self.field_construction.id)
        vals.setdefault("submitting_unit_id", self.department.id)
        return self.env["ubnd.submission"].with_user(self.staff).create(vals)

    def complete(self, submission):
        """The unit uploads a file for each required component."""
        pdf = self.env["ir.attachment"].with_user(self.staff).create(
            {"name": "du-thao.pdf", "datas": base64.b64encode(b"%PDF-1.4 test"),
             "res_model": "ubnd.submission", "res_id": submission.id})
        for component in submission.with_user(self.staff).component_ids.filtered("required"):
            component.attachment_ids = [(4, pdf.id)]
        return submission

    def submit(self, submission, day):
        """The unit submits and its head initials the dossier the same day: it reaches the Office."""
        with on(day):
            submission.with_user(self.staff).action_submit()
            if submission.state == "initialling":
                submission.with_user(self.unit_head).action_initial()
        return submission

    def forward(self, submission, day):
        """The chief of the Office checks the dossier and forwards it (the Office's step of the chain)."""
        with on(day):
            submission.with_user(self.chief_office).action_forward_to_leader()
        return submission

    def initial_and_check(self, submission):
        """The initials and the Office's check came before the Office forwarded (000 Đ15–18): the leader's turn."""
        self.assertEqual(submission._pending_stage(), "decide")

    def approve_chain(self, submission, day, leader=None):
        with on(day):
            self.initial_and_check(submission)
            submission.with_user(leader or submission.leader_id).action_approve()
        return submission


class TestSubmissionFlow(UbndSubmissionCase):
    def test_routing_to_vice_chairman_of_the_field(self):
        """R-000-7.2e, R-001-5.2a: a dossier goes to the Vice-Chairman whose portfolio covers its field,
        otherwise to the Chairman."""
        self.assertEqual(self.new_submission().leader_id, self.vc_urban)
        self.assertEqual(self.new_submission(field_id=self.field_finance.id).leader_id, self.vc_economy)
        self.assertEqual(self.new_submission(field_id=self.field_justice.id).leader_id, self.chairman)
        self.assertEqual(self.new_submission(addressee="chairman").leader_id, self.chairman)

    def test_components_checklist(self):
        """R-000-15.2: a dossier lists components a–i; a, b, c are always required, h for one-stop dossiers."""
        sub = self.new_submission()
        self.assertEqual(len(sub.component_ids), 9)
        self.assertEqual(sorted(sub.component_ids.filtered("required").mapped("code")), ["a", "b", "c"])
        sub.kind = "tthc"
        self.assertIn("h", sub.component_ids.filtered("required").mapped("code"))

    def test_incomplete_dossier_cannot_be_submitted(self):
        """R-000-15.2, R-000-18.1: a dossier whose required components are missing is not submitted; the message
        names the missing components (not their codes) and nothing changes."""
        sub = self.new_submission()
        slip = sub.component_ids.filtered(lambda c: c.code == "a").with_user(self.staff)
        slip.attachment_ids = [(4, self.env["ir.attachment"].with_user(self.staff).create(
            {"name": "phieu-trinh.pdf", "datas": base64.b64encode(b"%PDF-1.4 slip")}).id)]
        with self.assertRaisesRegex(UserError, "Tờ trình or report of the lead agency") as caught:
            self.submit(sub, date(2026, 3, 2))
        self.assertIn("Draft document for signature and issuance", str(caught.exception))
        self.assertNotIn("Submission slip", str(caught.exception), "a component provided is not listed")
        self.assertEqual((sub.state, sub.review_ids), ("draft", self.env["tier.review"]))

    def test_office_forwards_within_three_working_days_across_tet(self):
        """R-000-18.1, R-000-18.4: received Friday 13/2/2026, the Office's deadline is Wednesday 25/2 (Tết off);
        forwarded on the 25th, the leader's deadline is Monday 2/3."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 2, 13))
        self.assertEqual(sub.received_date, date(2026, 2, 13))
        self.assertEqual(sub.office_deadline, date(2026, 2, 25))
        self.forward(sub, date(2026, 2, 25))
        self.assertEqual(sub.state, "to_leader")
        self.assertFalse(sub.office_late)
        self.assertEqual(sub.decision_deadline, date(2026, 3, 2))

    def test_office_late_is_recorded(self):
        """R-000-18.1: forwarding after the third working day is recorded as late."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 6))
        self.assertTrue(sub.office_late)

    def test_ward_deadlines_are_two_working_days(self):
        """R-001-12.2a, R-001-13.2: with the Trị An preset's values, the Office RETURNS a non-conforming dossier
        within 2 working days of receipt (late after that); forwarding a complete one has no deadline in the ward
        text, so none is computed and forwarding is never late; the leader decides within 2 working days."""
        ward = self.env.ref("ubnd_quyche.profile_preset_trian")
        self.profile.write({name: ward[name] for name in (
            "office_forward_set", "office_intake_days", "office_return_days", "leader_decision_days")})
        self.assertEqual((self.profile.office_return_days, self.profile.office_forward_set), (2, False))
        sub = self.submit(self.complete(self.new_submission()), date(2026, 4, 29))
        self.assertEqual(sub.office_return_deadline, date(2026, 5, 5))  # 30/4 and 1/5 are off
        self.assertFalse(sub.office_deadline, "001 Đ12 sets no deadline to forward a complete dossier")
        self.assertFalse(sub.current_deadline)
        self.forward(sub, date(2026, 5, 12))
        self.assertFalse(sub.office_late)
        self.assertEqual(sub.decision_deadline, date(2026, 5, 14))
        late = self.submit(self.complete(self.new_submission()), date(2026, 4, 29))
        late.return_reason = "Thiếu dự thảo văn bản."
        with on(date(2026, 5, 6)):
            late.with_user(self.deputy_office).action_return()
        self.assertEqual(late.state, "returned")
        self.assertTrue(late.office_late, "returned after the 2nd working day")
        on_time = self.submit(self.complete(self.new_submission()), date(2026, 4, 29))
        on_time.return_reason = "Thiếu dự thảo văn bản."
        with on(date(2026, 5, 5)):
            on_time.with_user(self.deputy_office).action_return()
        self.assertFalse(on_time.office_late)

    def test_return_with_written_reasons(self):
        """R-000-18.3, R-001-12.2a: an incomplete dossier goes back with written reasons, within the deadline;
        without reasons nothing changes; the unit may resubmit."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with self.assertRaises(UserError):
            sub.with_user(self.deputy_office).action_return()
        self.assertEqual(sub.state, "submitted")
        sub.return_reason = "Thiếu tờ trình và dự thảo văn bản."
        with on(date(2026, 3, 4)):
            sub.with_user(self.deputy_office).action_return()
        self.assertEqual(sub.state, "returned")
        self.assertFalse(sub.office_late)
        self.assertIn("Thiếu tờ trình", sub.message_ids[:3].mapped("body")[0] + sub.message_ids[:3].mapped("body")[-1])
        self.complete(sub)
        self.submit(sub, date(2026, 3, 9))
        self.assertEqual(sub.state, "submitted")

    def test_clarification_and_transfer(self):
        """R-000-18.2, R-000-18.3: the Office names who clarifies a dossier, or transfers one outside competence."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with self.assertRaises(UserError):
            sub.with_user(self.deputy_office).action_ask_clarification()
        sub.clarification_unit_id = self.department
        with on(date(2026, 3, 3)):
            sub.with_user(self.deputy_office).action_ask_clarification()
        self.assertEqual(sub.state, "clarification")
        self.forward(sub, date(2026, 3, 10))
        self.assertEqual(sub.state, "to_leader")
        other = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        other.write({"transfer_to": "Sở Tài nguyên và Môi trường", "return_reason": "Không thuộc thẩm quyền."})
        with on(date(2026, 3, 3)):
            other.with_user(self.deputy_office).action_transfer()
        self.assertEqual(other.state, "transferred")

    def test_only_the_office_checks(self):
        """The Office's step cannot be done by the unit, whatever the caller sends."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with self.assertRaises(AccessError):
            sub.with_user(self.staff).action_forward_to_leader()

    def test_full_chain_to_issuance(self):
        """R-000-18.4, R-000-20.1, R-ND30-15.1, R-ND30-13.2: initials, Office check and the leader's approval,
        signature KT. by the Vice-Chairman of the field, number 01 of the year, issued within 2 working days."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with self.assertRaises(UserError), on(date(2026, 3, 3)):  # the leader cannot skip the Office
            sub.with_user(self.vc_urban).action_approve()
        self.forward(sub, date(2026, 3, 3))
        self.assertEqual(len(sub.review_ids), 3)
        self.approve_chain(sub, date(2026, 3, 4))
        self.assertEqual(sub.state, "approved")
        self.assertFalse(sub.decision_late)
        with on(date(2026, 3, 5)):
            sub.with_user(self.vc_urban).action_sign()
        doc = sub.document_id
        self.assertEqual(sub.state, "signed")
        self.assertEqual(doc.signature_block.splitlines(), ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        self.assertEqual(doc.reference, "01/QĐ-UBND")
        self.assertEqual(doc.issue_deadline, date(2026, 3, 9))
        with on(date(2026, 3, 9)):
            sub.with_user(self.deputy_office).action_issue()
        self.assertEqual((sub.state, doc.state, doc.issued_late), ("issued", "issued", False))

    def test_late_decision_needs_a_special_case(self):
        """R-000-18.4: past the 3-working-day deadline a decision records the special case that justifies it."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 2))
        with on(date(2026, 3, 9)):
            self.initial_and_check(sub)
            with self.assertRaises(UserError):
                sub.with_user(self.vc_urban).action_approve()
            sub.with_user(self.vc_urban).special_case_reason = "Chờ ý kiến Bộ Xây dựng."
            sub.with_user(self.vc_urban).action_approve()
        self.assertTrue(sub.decision_late)

    def test_leader_returns_with_opinion(self):
        """R-000-18.4: the leader sets the handling; returning requires his written opinion."""
        sub = self.forward(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)), date(2026, 3, 3))
        with on(date(2026, 3, 4)):
            with self.assertRaises(UserError):
                sub.with_user(self.vc_urban).action_leader_return()
            wizard = self.env["ubnd.submission.decision"].with_user(self.vc_urban).create(
                {"submission_id": sub.id, "comment": "Bổ sung ý kiến Sở Tài chính."})
            wizard.action_return()
        self.assertEqual(sub.state, "returned")
        self.assertEqual(sub.return_reason, "Bổ sung ý kiến Sở Tài chính.")

    def test_other_leader_cannot_decide(self):
        """R-000-6.3e: a Vice-Chairman decides only dossiers of his fields."""
        sub = self.forward(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)), date(2026, 3, 3))
        with self.assertRaises(AccessError), on(date(2026, 3, 4)):
            sub.with_user(self.vc_economy).action_approve()

    def test_signing_outside_capacity_refused_through_rpc(self):
        """R-000-15.3, R-ND30-13.2: the server refuses a signature outside the signer's capacity, whatever the caller."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 3))
        self.approve_chain(sub, date(2026, 3, 4))
        with self.assertRaises(AccessError), on(date(2026, 3, 5)):
            sub.with_user(self.vc_economy).action_sign()
        with self.assertRaises(AccessError), on(date(2026, 3, 5)):
            sub.document_id.with_user(self.deputy_office).action_sign()
        self.assertEqual(sub.document_id.state, "draft")
        self.assertFalse(sub.document_id.number)

    def test_withdraw(self):
        """R-000-16.2: the submitting unit may withdraw its dossier before the decision; the dossier then waits for
        nobody (no open step stays in a reviewer's list), and the steps already given stay in its tracked history
        instead of disappearing with the chain."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        self.assertTrue(sub._open_reviews(), "the chain is open while the dossier is submitted")
        given = sub.review_ids.filtered(lambda r: r.status == "approved").done_by.mapped("name")
        sub.with_user(self.staff).action_withdraw()
        self.assertEqual(sub.state, "withdrawn")
        self.assertFalse(sub.review_ids, "no step of a withdrawn dossier stays open")
        self.assertFalse(self.env["tier.review"].search([("model", "=", "ubnd.submission"), ("res_id", "=", sub.id)]))
        if given:
            self.assertTrue(any(name in (m.body or "") for m in sub.message_ids for name in given),
                            "the steps already given are kept in the dossier's history")

    def test_overdue_cron_marks_and_reminds(self):
        """R-000-18.1: a step past its deadline is marked overdue by the nightly job and its actor is reminded."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with on(date(2026, 3, 6)):
            count = self.env["ubnd.submission"]._cron_mark_overdue()
        self.assertGreaterEqual(count, 1)
        self.assertTrue(sub.is_overdue)
        self.assertTrue(sub.activity_ids, "the Office has a to-do for the step")


class TestSubmissionRouting(UbndSubmissionCase):
    def route(self, **vals):
        return self.new_submission(**vals).suggested_route

    def test_assets(self):
        """R-000-4.3b, R-000-4.3c, R-000-4.3dd, R-000-5.3e, R-000-5.3g, R-000-5.3l: public assets above 100 bn VND go
        to a session, from 15 to 100 to a written ballot, below 15 to the leader."""
        self.assertEqual(self.route(matter_type="asset", amount_bn=100.5), "session")
        self.assertEqual(self.route(matter_type="asset", amount_bn=100), "ballot")
        self.assertEqual(self.route(matter_type="asset", amount_bn=15), "ballot")
        self.assertEqual(self.route(matter_type="asset", amount_bn=14.9), "leader")

    def test_joint_venture_and_budget(self):
        """R-000-4.3d, R-000-5.3h, R-000-5.3dd, R-000-5.3k: joint ventures above 100 / from 10 bn VND; budget use from 5 bn VND."""
        self.assertEqual(self.route(matter_type="joint_venture", amount_bn=101), "session")
        self.assertEqual(self.route(matter_type="joint_venture", amount_bn=10), "ballot")
        self.assertEqual(self.route(matter_type="joint_venture", amount_bn=9), "leader")
        self.assertEqual(self.route(matter_type="budget_use", amount_bn=5), "ballot")
        self.assertEqual(self.route(matter_type="budget_use", amount_bn=4.99), "leader")

    def test_planning_and_investment(self):
        """R-000-4.4c, R-000-5.1b: planning above 300 ha or from 20 ha (the investment rows are proved in full by
        test_non_budget_project_thresholds)."""
        self.assertEqual(self.route(matter_type="planning", area_ha=301), "session")
        self.assertEqual(self.route(matter_type="planning", area_ha=20), "ballot")
        self.assertEqual(self.route(matter_type="planning", area_ha=19), "leader")
        self.assertEqual(self.route(matter_type="investment", amount_bn=26000), "session")
        self.assertEqual(self.route(matter_type="investment", amount_bn=3000, area_ha=101), "session")
        self.assertEqual(self.route(matter_type="investment", amount_bn=2500), "ballot")
        self.assertEqual(self.route(matter_type="investment", amount_bn=100, area_ha=10), "ballot")

    def test_legal_drafts_go_to_a_session(self):
        """R-000-4.1: draft Council resolutions and legal decisions are decided at a session."""
        self.assertEqual(self.route(kind="hdnd_resolution"), "session")
        self.assertEqual(self.route(kind="committee_decision", is_legal_draft=True), "session")

    def test_thresholds_come_from_the_profile(self):
        """The thresholds are the profile's, not literals: raising one changes the route."""
        self.profile.asset_session_min_bn = 200
        self.assertEqual(self.route(matter_type="asset", amount_bn=150), "ballot")

    def test_collective_matter_cannot_be_approved_alone_and_ballot_is_the_chairmans_call(self):
        """R-000-3.2b: a session or ballot matter is not decided by one leader; only the Chairman sends it to a ballot;
        the outcome comes back to the dossier (R-000-18.5b-2)."""
        sub = self.new_submission(matter_type="asset", amount_bn=50, addressee="chairman")
        self.complete(sub)
        self.forward(self.submit(sub, date(2026, 3, 2)), date(2026, 3, 3))
        with on(date(2026, 3, 4)):
            self.initial_and_check(sub)
            with self.assertRaises(UserError):
                sub.with_user(self.chairman).action_approve()
            sub.with_user(self.chairman).action_send_to_ballot()
        self.assertEqual((sub.state, sub.route), ("collective", "ballot"))
        sub._apply_collective_outcome("passed", "9/9 tán thành")
        self.assertEqual(sub.state, "approved")
        sub2 = self.complete(self.new_submission(matter_type="asset", amount_bn=50))  # addressed to a Vice-Chairman
        self.forward(self.submit(sub2, date(2026, 3, 2)), date(2026, 3, 3))
        with on(date(2026, 3, 4)):
            self.initial_and_check(sub2)
            with self.assertRaises(AccessError):
                sub2.with_user(self.vc_urban).action_send_to_ballot()
            sub2.with_user(self.vc_urban).action_send_to_session()
        self.assertEqual(sub2.route, "session")
        sub2._apply_collective_outcome("not_passed", "Chưa đủ quá nửa tổng số thành viên tán thành.")
        self.assertEqual(sub2.state, "returned")


    def test_non_budget_project_thresholds(self):
        """R-000-4.2c, R-000-4.2c-2, R-000-5.2b: a non-budget project goes to a session above 25,000 bn VND or above
        1 bn USD of capital (inside or outside industrial zones), above 100 ha of land or above 1,000 bn VND of land
        for auction or tender (outside industrial zones); to a written ballot from 2,500 to 25,000 bn VND, from
        100 m to 1 bn USD, from 10 to 100 ha or from 100 to 1,000 bn VND of such land ('trên' strict, 'từ … đến'
        inclusive); below all of them, to the leader."""
        project = {"matter_type": "investment"}
        cases = [
            ({"amount_bn": 25000.01}, "session"), ({"amount_bn": 25000}, "ballot"),
            ({"amount_bn": 2500}, "ballot"), ({"amount_bn": 2499.99}, "leader"),
            ({"amount_musd": 1000.01}, "session"), ({"amount_musd": 1000}, "ballot"),
            ({"amount_musd": 100}, "ballot"), ({"amount_musd": 99.99}, "leader"),
            ({"area_ha": 100.01}, "session"), ({"area_ha": 100}, "ballot"),
            ({"area_ha": 10}, "ballot"), ({"area_ha": 9.99}, "leader"),
            ({"auction_land_value_bn": 1000.01}, "session"), ({"auction_land_value_bn": 1000}, "ballot"),
            ({"auction_land_value_bn": 100}, "ballot"), ({"auction_land_value_bn": 99.99}, "leader"),
            # inside an industrial zone only the capital counts (Đ4.2.c bullet 3, Đ5.2.b bullet 2)
            ({"in_industrial_zone": True, "amount_musd": 1000.01}, "session"),
            ({"in_industrial_zone": True, "amount_bn": 2500}, "ballot"),
            ({"in_industrial_zone": True, "area_ha": 150, "auction_land_value_bn": 2000}, "leader"),
        ]
        for vals, route in cases:
            with self.subTest(**vals):
                self.assertEqual(self.route(**project, **vals), route)
        sub = self.new_submission(matter_type="investment", amount_musd=1200, auction_land_value_bn=1500)
        self.assertRegex(sub.suggested_route_reason, r"1[.,]000 m USD")  # grouped as the reader's language does
        self.assertRegex(sub.suggested_route_reason, r"1[.,]000 bn VND")
        self.profile.investment_ballot_min_musd = 150  # the thresholds are the profile's
        self.assertEqual(self.route(matter_type="investment", amount_musd=120), "leader")


class TestSubmissionDelegation(UbndSubmissionCase):
    def test_absent_leader_replaced_within_grant_dates(self):
        """R-000-6.3h, R-001-15.2-2: while the Chairman is away the acting Vice-Chairman decides in his place, only
        within the grant's dates; the approval records the nominal authority and the person who acted."""
        sub = self.complete(self.new_submission(addressee="chairman", field_id=self.field_justice.id))
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2026, 3, 4), date_end=date(2026, 3, 6))
        self.submit(sub, date(2026, 3, 2))
        with on(date(2026, 3, 4)):
            self.forward(sub, date(2026, 3, 4))
            self.initial_and_check(sub)
            sub.with_user(self.vc_economy).action_approve()
        review = sub.review_ids.filtered(lambda r: r.done_by == self.vc_economy)
        self.assertEqual(review.acting_for_id, self.chairman)
        self.assertTrue(review.delegation_id)

    def test_substitute_refused_outside_grant_dates(self):
        """R-000-6.3h: after the absence ends, the substitute can no longer decide."""
        sub = self.complete(self.new_submission(addressee="chairman", field_id=self.field_justice.id))
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2026, 3, 2), date_end=date(2026, 3, 3))
        self.submit(sub, date(2026, 3, 2))
        with on(date(2026, 3, 3)):
            self.forward(sub, date(2026, 3, 3))
            self.initial_and_check(sub)
        with on(date(2026, 3, 4)):
            with self.assertRaises(AccessError):
                sub.with_user(self.vc_economy).action_approve()
        self.assertEqual(sub.state, "to_leader")

    def test_substitute_only_within_the_grant_scope(self):
        """R-000-7.2e, R-000-6.3e: a KT. grant limited to a field lets the Vice-Chairman act for the Chairman on
        that field only."""
        self.grant(kind="kt", grantor_id=self.chairman.id, grantee_id=self.vc_urban.id,
                   field_ids=[(6, 0, self.field_justice.ids)], date_start=date(2026, 1, 1), date_end=date(2026, 12, 31))
        inside = self.complete(self.new_submission(addressee="chairman", field_id=self.field_justice.id))
        outside = self.complete(self.new_submission(addressee="chairman", field_id=self.field_economy.id))
        for sub in inside | outside:
            self.submit(sub, date(2026, 3, 2))
            with on(date(2026, 3, 3)):
                self.forward(sub, date(2026, 3, 3))
                self.initial_and_check(sub)
        with on(date(2026, 3, 4)):
            inside.with_user(self.vc_urban).action_approve()
            with self.assertRaises(AccessError):
                outside.with_user(self.vc_urban).action_approve()
        self.assertEqual((inside.state, outside.state), ("approved", "to_leader"))

    def test_unit_deputy_initials_for_the_absent_head(self):
        """R-000-9.3a: the deputy running the unit initials in the head's place during the absence."""
        sub = self.complete(self.new_submission())
        self.grant(kind="unit_deputy", grantor_id=self.unit_head.id, grantee_id=self.staff.id,
                   date_start=date(2026, 3, 1), date_end=date(2026, 3, 10))
        with on(date(2026, 3, 3)):
            sub.with_user(self.staff).action_submit()  # the deputy running the unit initials by submitting
        review = sub.review_ids.filtered(lambda r: r.done_by == self.staff)
        self.assertEqual(review.acting_for_id, self.unit_head)
        self.assertEqual(sub.state, "submitted")


class TestSubmissionConfidentiality(UbndSubmissionCase):
    def test_state_secret_dossier_keeps_metadata_only(self):
        """R-000-15.4-2, R-001-8.1: a state-secret dossier keeps only its register entry: no content, no files,
        no electronic workflow or ballot."""
        sub = self.new_submission(confidentiality="mat")
        self.assertEqual(sub.state, "offline")
        self.assertFalse(sub.component_ids)
        with self.assertRaises(ValidationError):
            sub.summary = "Nội dung mật"
        with self.assertRaises(UserError):
            sub.with_user(self.staff).action_submit()

    def test_unit_sees_its_own_submissions_only(self):
        """A unit sees its own submissions; the Office sees all; a leader sees his portfolio."""
        mine = self.new_submission()
        other_unit = self.env["ubnd.submission"].create({
            "name": "Của đơn vị khác", "committee_id": self.committee.id, "submitting_unit_id": self.office.id,
            "field_id": self.field_finance.id,
        })
        Sub = self.env["ubnd.submission"]
        self.assertIn(mine, Sub.with_user(self.staff).search([]))
        self.assertNotIn(other_unit, Sub.with_user(self.staff).search([]))
        self.assertIn(other_unit, Sub.with_user(self.deputy_office).search([]))
        self.assertIn(other_unit, Sub.with_user(self.vc_economy).search([]))
        self.assertNotIn(other_unit, Sub.with_user(self.vc_urban).search([]))
        self.assertIn(other_unit, Sub.with_user(self.chairman).search([]))


class TestDocumentNumbering(UbndSubmissionCase):
    def make_doc(self, **vals):
        vals.setdefault("name", "Văn bản")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("document_type_id", self.doctype_decision.id)
        vals.setdefault("authority", "committee")
        return self.env["ubnd.document"].create(vals)

    def test_numbers_restart_on_1_january_and_are_unique(self):
        """R-ND30-15.1, R-ND30-15.1-2: numbers run from 01 within a year and restart on 1 January; number and symbol
        are unique per committee and year."""
        docs = []
        for day in (date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 4)):
            doc = self.make_doc()
            with on(day):
                doc.with_user(self.chairman).action_sign()
            docs.append(doc)
        self.assertEqual([d.reference for d in docs], ["01/QĐ-UBND", "02/QĐ-UBND", "01/QĐ-UBND"])
        self.assertEqual([d.year for d in docs], [2026, 2026, 2027])
        with self.assertRaises(Exception), self.cr.savepoint():
            from odoo.tools import mute_logger
            with mute_logger("odoo.sql_db"):
                docs[1].sudo().write({"number": 1})
                docs[1].flush_recordset()

    def test_confidential_documents_have_their_own_series(self):
        """Decree 30/2020 Art. 15.2: confidential documents are numbered in their own series."""
        with on(date(2026, 3, 2)):
            normal = self.make_doc()
            normal.with_user(self.chairman).action_sign()
            secret = self.make_doc(confidentiality="mat")
            secret.with_user(self.chairman).action_sign()
        self.assertEqual((normal.number, secret.number), (1, 1))

    def test_issuance_deadline_city_and_ward(self):
        """R-000-20.1, R-001-16.1: issued within 2 working days of signing (city) or 2 days (ward); late issuance is recorded."""
        doc = self.make_doc()
        with on(date(2026, 2, 13)):
            doc.with_user(self.chairman).action_sign()
        self.assertEqual(doc.issue_deadline, date(2026, 2, 24))
        with on(date(2026, 2, 25)):
            doc.with_user(self.deputy_office).action_issue()
        self.assertTrue(doc.issued_late)
        self.profile.issuance_in_working_days = False
        ward_doc = self.make_doc()
        with on(date(2026, 2, 13)):
            ward_doc.with_user(self.chairman).action_sign()
        self.assertEqual(ward_doc.issue_deadline, date(2026, 2, 15))

    def test_signed_document_cannot_be_changed(self):
        """A signed document keeps its content and number: corrections go through a new document."""
        doc = self.make_doc()
        with on(date(2026, 3, 2)):
            doc.with_user(self.chairman).action_sign()
        with self.assertRaises(ValidationError):
            doc.with_user(self.deputy_office).name = "Sửa"
        with self.assertRaises(UserError):
            doc.with_user(self.deputy_office).action_cancel()


class TestSubmissionRegulationDetails(UbndSubmissionCase):
    def test_legal_draft_deadlines(self):
        """R-000-19.2a, R-000-19.2b, R-000-19.2c, R-000-19.2c-2, R-000-19.2d, R-001-14.1b, R-001-14.1c: a legal draft is
        reviewed within 7 working days, returned for supplement within 3, reconciled within 5, the disagreements
        reported within 3 after the meeting, and the leader's opinion given within 3."""
        sub = self.complete(self.new_submission(kind="committee_decision", is_legal_draft=True, addressee="chairman"))
        self.submit(sub, date(2026, 3, 2))
        self.assertEqual(sub.office_deadline, date(2026, 3, 11))
        self.assertEqual(sub.office_return_deadline, date(2026, 3, 5))
        self.assertEqual(sub.reconciliation_deadline, date(2026, 3, 9))
        sub.reconciliation_date = date(2026, 3, 6)
        sub.action_record_reconciliation()
        self.assertEqual(sub.disagreement_report_deadline, date(2026, 3, 11))
        self.forward(sub, date(2026, 3, 10))
        self.assertFalse(sub.office_late)
        self.assertEqual(sub.decision_deadline, date(2026, 3, 13))
        other = self.complete(self.new_submission(kind="committee_decision", is_legal_draft=True))
        self.submit(other, date(2026, 3, 2))
        other.return_reason = "Đề nghị bổ sung báo cáo thẩm định của Sở Tư pháp."
        with on(date(2026, 3, 6)):
            other.with_user(self.deputy_office).action_return()
        self.assertTrue(other.office_late, "the written request to supplement came after 3 working days")

    def test_every_dossier_goes_through_the_office(self):
        """R-001-12.1, R-000-16.2, R-000-16.3: no leader acts on a dossier the Office has not registered and forwarded;
        every step is tracked electronically."""
        sub = self.complete(self.new_submission())
        self.env.cr.precommit.run()  # creation and submission are two requests in real use
        self.submit(sub, date(2026, 3, 2))
        with self.assertRaises(UserError), on(date(2026, 3, 3)):
            sub.with_user(self.vc_urban).action_approve()
        self.assertTrue(sub.received_date and sub.reference.startswith("HS/"))
        self.env.cr.precommit.run()
        sub.invalidate_recordset(["message_ids"])
        tracked = sub.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertTrue(tracked)

    def test_one_stop_dossier_needs_the_time_control_slip(self):
        """R-000-15.2h, R-001-11: a one-stop administrative-procedure dossier needs its time-control slip (h)."""
        sub = self.new_submission(kind="tthc")
        for component in sub.with_user(self.staff).component_ids.filtered(lambda c: c.code in ("a", "b", "c")):
            component.attachment_ids = [(4, self.env["ir.attachment"].with_user(self.staff).create(
                {"name": "x.pdf", "datas": base64.b64encode(b"x")}).id)]
        with self.assertRaisesRegex(UserError, "time-control slip"):
            self.submit(sub, date(2026, 3, 2))
        self.assertEqual(sub.state, "draft")
        self.assertIn("time-control slip", sub.missing_components)

    def test_vice_chairman_refers_to_the_chairman(self):
        """R-000-7.2g, R-001-5.3: a Vice-Chairman refers a disputed matter to the Chairman; the initials stay."""
        sub = self.forward(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)), date(2026, 3, 3))
        with on(date(2026, 3, 4)):
            self.initial_and_check(sub)
            with self.assertRaises(UserError):
                sub.with_user(self.vc_urban).action_refer_to_chairman()
            sub.with_user(self.vc_urban).decision_note = "Liên quan lĩnh vực tài chính, ý kiến khác nhau."
            sub.with_user(self.vc_urban).action_refer_to_chairman()
            self.assertEqual(sub.leader_id, self.chairman)
            with self.assertRaises(AccessError):
                sub.with_user(self.vc_urban).action_approve()
            sub.with_user(self.chairman).action_approve()
        self.assertEqual(sub.state, "approved")
        self.assertEqual(len(sub.review_ids.filtered(lambda r: r.status == "approved")), 3)

    def test_publication_of_legal_documents_but_never_secrets(self):
        """R-000-20.3, R-000-52.1: issued legal normative documents and documents on citizens' rights are to be
        published; state secrets never are (the e-gazette of R-001-16.2: test_gazette; notifying the citizens of
        R-000-20.2: test_citizen_notice)."""
        Doc = self.env["ubnd.document"]
        legal = Doc.create({"name": "Quy định", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
                            "is_legal_normative": True})
        secret = Doc.create({"name": "Mật", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
                             "is_legal_normative": True, "confidentiality": "mat"})
        citizens = Doc.create({"name": "Thông báo thu hồi đất", "committee_id": self.committee.id,
                               "document_type_id": self.doctype_notice.id, "concerns_citizens": True})
        with on(date(2026, 3, 2)):
            for doc in legal | secret:
                doc.with_user(self.chairman).action_sign()
                doc.with_user(self.deputy_office).action_issue()
            citizens.with_user(self.chairman).action_sign()
            citizens.with_user(self.deputy_office).action_issue()
        self.assertEqual((legal.publication_state, secret.publication_state, citizens.publication_state),
                         ("to_publish", "not_required", "to_publish"))
        with self.assertRaises(UserError):
            secret.with_user(self.deputy_office).action_publish()
        legal.with_user(self.deputy_office).action_publish()
        self.assertEqual(legal.publication_state, "published")


class TestLegalProposal(UbndSubmissionCase):
    def test_proposal_deadlines(self):
        """R-000-19.1a, R-000-19.1b: a proposal to draft a Council resolution is registered within 7 working days;
        a proposal for a committee or Chairman decision is advised on within 7 working days."""
        resolution = self.new_submission(kind="legal_proposal", proposed_document="hdnd_resolution", addressee="chairman")
        decision = self.new_submission(kind="legal_proposal", proposed_document="chairman_decision", addressee="chairman")
        self.profile.legal_registration_days = 6  # the two numbers are distinct fields of the profile
        for sub in resolution | decision:
            self.submit(self.complete(sub), date(2026, 4, 24))
        # 24/4/2026 is a Friday; 27/4 (Hùng Vương observed), 30/4 and 1/5 are off.
        self.assertEqual(resolution.office_deadline, date(2026, 5, 7))
        self.assertEqual(decision.office_deadline, date(2026, 5, 8))

    def test_refused_initials_send_the_dossier_back(self):
        """R-000-18.3: a step of the chain that refuses returns the dossier to the unit with the reason; only the
        Office restarts a chain."""
        sub = self.complete(self.new_submission())
        with on(date(2026, 3, 2)):
            sub.with_user(self.staff).action_submit()
        with self.assertRaises(AccessError):
            sub.with_user(self.staff).restart_validation()
        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).reject_tier()
        self.assertEqual(sub.state, "returned")
        self.assertIn(self.unit_head.name, sub.return_reason)
        self.assertFalse(sub.review_ids)
