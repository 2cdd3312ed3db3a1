import base64
import re
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .test_submission import UbndSubmissionCase, on


def todo(submission):
    """Who has a to-do on the dossier, and what it says."""
    return {(a.user_id, a.summary) for a in submission.sudo().activity_ids}


@tagged("post_install", "-at_install")
class TestChainOrder(UbndSubmissionCase):
    """Issue #12 item 2: initials, then the Office's check, then the leader — each asked only at his turn."""

    def test_each_holder_is_asked_at_his_turn_with_one_control(self):
        """R-000-15.3, R-000-16.3, R-000-18.1, R-000-18.4: the unit head initials before the dossier reaches the
        Office, the chief of the Office checks and forwards it, then the leader decides; nobody is asked (to-do,
        inbox, button) before his turn, and the leader's decision goes through at once."""
        sub = self.complete(self.new_submission())
        with on(date(2026, 3, 2)):
            sub.with_user(self.staff).action_submit()
        self.assertEqual(sub.state, "initialling")
        self.assertFalse(sub.received_date, "the Office receives the dossier once it is initialled")
        self.assertEqual(todo(sub), {(self.unit_head, "Initial the dossier")})
        self.assertEqual(sub.inbox_user_ids, self.unit_head)
        steps = {user: sub.with_user(user).my_step for user in (self.unit_head, self.chief_office, self.vc_urban)}
        self.assertEqual(steps, {self.unit_head: "initial", self.chief_office: False, self.vc_urban: False})
        with self.assertRaises(UserError), on(date(2026, 3, 2)):
            sub.with_user(self.chief_office).action_forward_to_leader()

        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).action_initial()
        self.assertEqual((sub.state, sub.received_date), ("submitted", date(2026, 3, 3)))
        self.assertEqual(todo(sub), {(self.chief_office, "Check the dossier and forward it to the leader")})
        self.assertEqual(sub.inbox_user_ids, self.chief_office)
        self.assertEqual(sub.with_user(self.chief_office).my_step, "forward")
        self.assertFalse(sub.with_user(self.vc_urban).can_decide)

        with on(date(2026, 3, 4)):
            sub.with_user(self.chief_office).action_forward_to_leader()
        self.assertEqual(sub.state, "to_leader")
        self.assertEqual(todo(sub), {(self.vc_urban, "Decide on the dossier")})
        self.assertEqual((sub.with_user(self.vc_urban).my_step, sub.with_user(self.chief_office).my_step), ("decide", False))
        with on(date(2026, 3, 5)):
            self.env["ubnd.submission.decision"].with_user(self.vc_urban).create(
                {"submission_id": sub.id, "comment": "Đồng ý."}).action_approve()
        self.assertEqual(sub.state, "approved")
        self.assertEqual(sub.review_ids.sorted("sequence").mapped("done_by"),
                         self.unit_head | self.chief_office | self.vc_urban)

    def test_the_office_check_belongs_to_its_holder(self):
        """R-000-16.3: where the chain has the Office's check, its holder forwards; another Office user is told who;
        a kind without that step is forwarded by any Office user."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        with self.assertRaisesRegex(AccessError, re.escape(self.chief_office.name)), on(date(2026, 3, 3)):
            sub.with_user(self.deputy_office).action_forward_to_leader()
        self.assertEqual(sub.state, "submitted")
        letter = self.submit(self.complete(self.new_submission(kind="letter")), date(2026, 3, 2))
        self.forward(letter, date(2026, 3, 3))
        self.assertEqual(letter.state, "to_leader")

    def test_rpc_validate_is_the_step_of_whose_turn_it_is(self):
        """R-000-18.4: OCA's validate_tier sent by a client does the caller's own step (initials, check) and nothing
        else; the leader decides only through his decision."""
        sub = self.complete(self.new_submission())
        with on(date(2026, 3, 2)):
            sub.with_user(self.staff).action_submit()
            sub.with_user(self.unit_head).validate_tier()
            self.assertEqual(sub.state, "submitted")
            sub.with_user(self.chief_office).validate_tier()
            self.assertEqual(sub.state, "to_leader")
            with self.assertRaises(UserError):
                sub.with_user(self.vc_urban).validate_tier()
        self.assertEqual(sub.state, "to_leader")

    def test_no_oca_banner_and_no_english_chain_lines(self):
        """Issue #12 item 11: the dossier form carries no OCA banner or Validate / Reject / Restart buttons, and
        the chain's chatter lines are the suite's own."""
        arch = self.env["ubnd.submission"].get_view(view_type="form")["arch"]
        for oca in ("validate_tier", "reject_tier", "restart_validation", "o_tier_validation", "need_validation"):
            self.assertNotIn(oca, arch)
        sub = self.approve_chain(self.forward(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)),
                                              date(2026, 3, 3)), date(2026, 3, 4))
        bodies = " ".join(str(m.body) for m in sub.sudo().message_ids)
        for english in ("Review pending", "A review", "review has been", "Tier Validation"):
            self.assertNotIn(english, bodies)


@tagged("post_install", "-at_install")
class TestApprovalChainConfiguration(UbndSubmissionCase):
    """Issue #12 item 1: a committee's administrator sets the chain of a kind of dossier by position."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(cls.env, login="t_chain_admin", groups="ubnd_quyche.group_ubnd_admin",
                                  company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        cls.ward_company = cls.env["res.company"].create({"name": "UBND phường Chuỗi"})
        cls.ward = cls.env["ubnd.committee"].create({"name": "UBND phường Chuỗi", "company_id": cls.ward_company.id,
                                                     "level": "commune"})
        cls.ward_admin = new_test_user(cls.env, login="t_chain_ward_admin", groups="ubnd_quyche.group_ubnd_admin",
                                       company_id=cls.ward_company.id, company_ids=[(6, 0, cls.ward_company.ids)])

    def chain(self, user=None, **vals):
        vals.setdefault("name", "Quyết định của Chủ tịch về tài sản công")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("kind", "chairman_decision")
        positions = vals.pop("positions", ("unit_head", "office", "field_vice_chairman", "leader"))
        vals["step_ids"] = [(0, 0, {"sequence": i, "position": p}) for i, p in enumerate(positions)]
        return self.env["ubnd.approval.chain"].with_user(user or self.admin).create(vals)

    def test_configured_chain_runs_in_its_order_by_position(self):
        """R-000-15.3, R-000-18.4: a chain for the Chairman's decisions from 10 bn VND: the unit head initials, the
        Office checks, the Vice-Chairman of the field gives his opinion, the Chairman decides; the reviewers are
        the holders of the positions on each dossier, and the preview shows the chain."""
        chain = self.chain(amount_min=10)
        self.assertEqual(chain.definition_ids.sorted("sequence", reverse=True).mapped("ubnd_position"),
                         ["unit_head", "office", "field_vice_chairman", "leader"])
        self.assertIn("Vice-Chairman in charge of the field", chain.preview)
        self.assertIn("from 10 bn VND", chain.preview)
        sub = self.complete(self.new_submission(addressee="chairman", amount_bn=12))
        self.forward(self.submit(sub, date(2026, 3, 2)), date(2026, 3, 3))
        self.assertEqual(sub.review_ids.definition_id.ubnd_chain_id, chain)
        self.assertEqual(todo(sub), {(self.vc_urban, "Give your opinion on the dossier")})
        self.assertFalse(sub.with_user(self.chairman).can_decide, "the Chairman decides after the opinion")
        with on(date(2026, 3, 4)):
            sub.with_user(self.vc_urban).action_give_opinion()
            self.assertEqual(todo(sub), {(self.chairman, "Decide on the dossier")})
            sub.with_user(self.chairman).action_approve()
        self.assertEqual(sub.state, "approved")
        self.assertEqual(sub.review_ids.sorted("sequence").mapped("done_by"),
                         self.unit_head | self.chief_office | self.vc_urban | self.chairman)

    def test_default_chain_where_none_fits(self):
        """R-000-18.4: below the chain's amount, or for another kind, the default chain applies (three steps)."""
        self.chain(amount_min=10, positions=("unit_head", "leader"))
        small = self.forward(self.submit(self.complete(self.new_submission(amount_bn=2)), date(2026, 3, 2)), date(2026, 3, 3))
        self.assertEqual(len(small.review_ids), 3)
        self.assertFalse(small.review_ids.definition_id.ubnd_chain_id)
        big = self.complete(self.new_submission(amount_bn=20))
        self.submit(big, date(2026, 3, 2))
        with on(date(2026, 3, 3)):
            big.with_user(self.deputy_office).action_forward_to_leader()  # no Office check in this chain
        self.assertEqual(len(big.review_ids), 2)

    def test_chain_order_and_end_are_checked(self):
        """R-000-18.4: the leader in charge decides last; the Office does not check before the unit head initials;
        a position appears once; nothing is saved otherwise."""
        for positions in (("unit_head", "office"), ("office", "unit_head", "leader"), ("unit_head", "unit_head", "leader")):
            with self.assertRaises(ValidationError):
                self.chain(positions=positions)
        self.assertFalse(self.env["ubnd.approval.chain"].search([]))
        self.assertFalse(self.env["tier.definition"].search([("ubnd_chain_id", "!=", False)]))

    def test_administrator_sets_his_own_committee_only(self):
        """R-000-15.3: a committee's administrator sets and reads his committee's chains only; a specialist sets
        none; the approval steps themselves are not written by hand."""
        chain = self.chain()
        with self.assertRaises(AccessError):
            self.chain(user=self.ward_admin)
        self.assertFalse(self.env["ubnd.approval.chain"].with_user(self.ward_admin).search([]))
        with self.assertRaises(AccessError):
            chain.with_user(self.ward_admin).write({"amount_min": 1})
        with self.assertRaises(AccessError):
            chain.with_user(self.staff).write({"amount_min": 1})
        with self.assertRaises(AccessError):
            chain.definition_ids[:1].with_user(self.admin).write({"sequence": 99})
        ward_chain = self.chain(user=self.ward_admin, committee_id=self.ward.id)
        self.assertEqual(ward_chain.definition_ids.company_id, self.ward_company)

    def test_edited_or_removed_chain_keeps_running_dossiers(self):
        """R-000-16.2: a step removed from a chain stops applying to new dossiers; the steps already given on a
        dossier keep their record."""
        chain = self.chain(positions=("unit_head", "field_vice_chairman", "leader"))
        sub = self.complete(self.new_submission(addressee="chairman"))
        self.submit(sub, date(2026, 3, 2))
        opinion = chain.step_ids.filtered(lambda s: s.position == "field_vice_chairman")
        chain.with_user(self.admin).write({"step_ids": [(2, opinion.id)]})
        self.assertEqual(len(chain.definition_ids.filtered("active")), 2)
        self.assertEqual(len(sub.review_ids), 3, "the running dossier keeps its chain")
        chain.with_user(self.admin).unlink()
        self.assertTrue(sub.review_ids.filtered(lambda r: r.status == "approved").definition_id)
        new = self.forward(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)), date(2026, 3, 3))
        self.assertEqual(len(new.review_ids), 3, "the default chain applies again")


@tagged("post_install", "-at_install")
class TestSubmittedFiles(UbndSubmissionCase):
    """Issue #12 item 6: a complete dossier is submitted, then its files are frozen except on clarification."""

    def upload(self, name="bo-sung.pdf"):
        return self.env["ir.attachment"].with_user(self.staff).create(
            {"name": name, "datas": base64.b64encode(b"%PDF-1.4 other")})

    def test_files_frozen_once_submitted_except_on_clarification(self):
        """R-000-15.2, R-000-18.2: after submission no file of a component is added, removed or replaced, and a
        file is not rewritten or deleted; when the Office asks for clarification the unit updates them."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        draft = sub.component_ids.filtered(lambda c: c.code == "c").with_user(self.staff)
        pdf = draft.attachment_ids
        for attempt in (
            lambda: draft.write({"attachment_ids": [(4, self.upload().id)]}),
            lambda: draft.write({"attachment_ids": [(3, pdf.id)]}),
            lambda: draft.write({"attachment_ids": [(6, 0, self.upload().ids)]}),
            lambda: pdf.with_user(self.staff).write({"datas": base64.b64encode(b"%PDF-1.4 forged")}),
            lambda: pdf.with_user(self.staff).unlink(),
            lambda: sub.with_user(self.staff).write({"component_ids": [(1, draft.id, {"attachment_ids": [(5,)]})]}),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertEqual(draft.attachment_ids, pdf)
        sub.clarification_unit_id = self.department
        with on(date(2026, 3, 3)):
            sub.with_user(self.deputy_office).action_ask_clarification()
        draft.write({"attachment_ids": [(6, 0, self.upload("du-thao-sua.pdf").ids)]})
        self.assertEqual(draft.attachment_ids.name, "du-thao-sua.pdf")
        self.forward(sub, date(2026, 3, 4))
        with self.assertRaises(AccessError):
            draft.write({"attachment_ids": [(5,)]})
