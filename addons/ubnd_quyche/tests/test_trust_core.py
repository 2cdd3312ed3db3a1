import base64
from datetime import date, datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .test_submission import UbndSubmissionCase, on


class TrustCase(UbndSubmissionCase):
    """A dossier of the test committee at the leader's turn, and outsiders: a specialist of another unit of the
    same committee, and a specialist and an administrator of a second committee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.other_unit = env["hr.department"].with_company(cls.company).create({
            "name": "Sở Y tế", "company_id": cls.company.id, "ubnd_committee_id": cls.committee.id,
            "ubnd_unit_kind": "department"})
        cls.outsider = new_test_user(env, login="t_outsider", groups="ubnd_quyche.group_ubnd_staff",
                                     company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        env["hr.employee"].with_company(cls.company).create({
            "name": "Chuyên viên Sở Y tế", "user_id": cls.outsider.id, "department_id": cls.other_unit.id,
            "company_id": cls.company.id})
        cls.ward_company = env["res.company"].create({"name": "UBND phường Thử"})
        cls.ward = env["ubnd.committee"].create({"name": "UBND phường Thử", "company_id": cls.ward_company.id,
                                                 "level": "commune"})
        cls.ward_staff = new_test_user(env, login="t_ward_staff", groups="ubnd_quyche.group_ubnd_staff",
                                       company_id=cls.ward_company.id, company_ids=[(6, 0, cls.ward_company.ids)])
        cls.admin = new_test_user(env, login="t_committee_admin", groups="ubnd_quyche.group_ubnd_admin",
                                  company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])

    def dossier_with_chain(self):
        """Submitted by the unit on 2/3/2026, its chain started: the unit head's initials come first."""
        sub = self.complete(self.new_submission())
        with on(date(2026, 3, 2)):
            sub.with_user(self.staff).action_submit()
        self.assertEqual((len(sub.review_ids), sub.state), (3, "initialling"))
        return sub

    def snapshot(self, reviews):
        return [(r.id, r.status, r.done_by.id, r.reviewer_ids.ids, r.comment, r.sequence) for r in reviews.sorted("id")]


@tagged("post_install", "-at_install")
class TestApprovalStepGuards(TrustCase):
    """Approval steps (tier.review) of a dossier: its committee's, its reader's, changed only by the chain."""

    def test_steps_follow_their_dossier(self):
        """A step is read only by who may read its dossier: not by another unit's specialist, not by the other
        committee (a ward specialist read 75 of the city's steps)."""
        sub = self.dossier_with_chain()
        Review = self.env["tier.review"]
        domain = [("model", "=", "ubnd.submission"), ("res_id", "=", sub.id)]
        self.assertEqual(Review.with_user(self.staff).search(domain), sub.review_ids)
        for intruder in (self.outsider, self.ward_staff):
            self.assertFalse(Review.with_user(intruder).search(domain))
            self.assertFalse(Review.with_user(intruder).search_count([("ubnd_submission_id", "!=", False)]))
            with self.assertRaises(AccessError):
                sub.review_ids.with_user(intruder).read(["status", "comment"])

    def test_forged_steps_refused(self):
        """R-000-18.4: only the competent leader decides: nobody creates a step already approved "done by" a
        Vice-Chairman, nor adds himself to the reviewers, nor approves by writing the step."""
        sub = self.dossier_with_chain()
        before = self.snapshot(sub.review_ids)
        leader_step = sub.review_ids.sorted("sequence")[-1]
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.staff).create({
                "model": "ubnd.submission", "res_id": sub.id, "definition_id": leader_step.definition_id.id,
                "status": "approved", "done_by": self.vc_urban.id, "sequence": 9,
            })
        for user in (self.staff, self.chief_office, self.vc_urban):
            with self.assertRaises(AccessError):
                leader_step.with_user(user).write({"reviewer_ids": [(4, self.staff.id)]})
            with self.assertRaises(AccessError):
                leader_step.with_user(user).write({"status": "approved", "done_by": user.id})
            with self.assertRaises(AccessError):
                sub.with_user(user).write({"review_ids": [(1, leader_step.id, {"status": "approved"})]})
            with self.assertRaises(AccessError):
                sub.with_user(user).write({"review_ids": [(0, 0, {"model": "ubnd.submission", "status": "approved"})]})
        self.assertEqual(self.snapshot(sub.review_ids), before)
        self.assertEqual(len(sub.review_ids), 3)

    def test_steps_are_never_deleted_by_a_client(self):
        """A leader's pending step cannot be deleted, by the unit, the Office or the leader himself."""
        sub = self.dossier_with_chain()
        for user in (self.staff, self.deputy_office, self.vc_urban):
            for review in sub.review_ids:
                with self.assertRaises(AccessError):
                    review.with_user(user).unlink()
            with self.assertRaises(AccessError):
                sub.with_user(user).write({"review_ids": [(2, sub.review_ids[0].id)]})
        self.assertEqual(len(sub.review_ids.exists()), 3)

    def test_only_the_reviewer_whose_turn_it_is_acts(self):
        """R-000-18.4: the leader decides after the unit head's initials and the Office's check; before
        his turn neither he nor anyone else approves or refuses, and nothing changes."""
        sub = self.dossier_with_chain()
        before = self.snapshot(sub.review_ids)
        for user in (self.vc_urban, self.chief_office, self.staff, self.chairman):
            with self.assertRaises(AccessError):
                sub.with_user(user).validate_tier()
            with self.assertRaises(AccessError):
                sub.with_user(user).reject_tier()
        self.assertEqual(self.snapshot(sub.review_ids), before)
        self.assertEqual(sub.state, "initialling")
        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).validate_tier()
        self.assertEqual(sub.review_ids.sorted("sequence")[0].done_by, self.unit_head)

    def test_comments_never_change(self):
        """The comment given with an approval is kept as given: not rewritten afterwards, by anyone, directly or
        through the comment wizard, and no one comments on another's step."""
        sub = self.dossier_with_chain()
        first = sub.review_ids.sorted("sequence")[0]
        Wizard = self.env["comment.wizard"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.staff).create({
                "res_model": "ubnd.submission", "res_id": sub.id, "review_ids": [(6, 0, first.ids)],
                "validate_reject": "validate", "comment": "Đồng ý (giả)",
            }).add_comment()
        wizard = Wizard.with_user(self.unit_head).create({
            "res_model": "ubnd.submission", "res_id": sub.id, "review_ids": [(6, 0, first.ids)],
            "validate_reject": "validate", "comment": "Đồng ý trình",
        })
        with on(date(2026, 3, 3)):
            wizard.add_comment()
        self.assertEqual((first.status, first.comment, first.done_by), ("approved", "Đồng ý trình", self.unit_head))
        for user in (self.unit_head, self.chairman, self.deputy_office):
            with self.assertRaises(AccessError):
                first.with_user(user).write({"comment": "Sửa lại"})
            with self.assertRaises(AccessError):
                Wizard.with_user(user).create({
                    "res_model": "ubnd.submission", "res_id": sub.id, "review_ids": [(6, 0, first.ids)],
                    "validate_reject": "validate", "comment": "Sửa lại",
                }).add_comment()
        self.assertEqual(first.comment, "Đồng ý trình")

    def test_context_keys_open_nothing(self):
        """OCA's skip_validation_check and skip_check_state_condition sent by a client lift no freeze and open no
        chain; tier_validation_defer_compute_can_review does not stall the chain."""
        sub = self.dossier_with_chain()
        with self.assertRaises(ValidationError):
            sub.with_user(self.staff).with_context(skip_validation_check=True).write({"summary": "Nội dung khác"})
        self.assertFalse(sub.summary)
        draft = self.complete(self.new_submission())
        draft.with_user(self.staff).with_context(skip_check_state_condition=True).request_validation()
        self.assertFalse(draft.review_ids)
        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).with_context(tier_validation_defer_compute_can_review=True).validate_tier()
        self.assertEqual(sub.review_ids.sorted("sequence")[1].status, "pending")

    def test_approvals_given_are_never_wiped(self):
        """R-000-18.4: once a step of the chain is approved, the Office cannot restart the chain (which deletes the
        steps), neither while the dossier is with the leader nor after his decision; a reviewer's action answers
        a value RPC can carry."""
        sub = self.dossier_with_chain()
        with on(date(2026, 3, 3)):
            self.assertIs(sub.with_user(self.unit_head).validate_tier(), True)
        before = self.snapshot(sub.review_ids)
        for user in (self.deputy_office, self.chief_office):
            with self.assertRaises(UserError):
                sub.with_user(user).restart_validation()
        self.assertEqual(self.snapshot(sub.review_ids), before)
        with on(date(2026, 3, 3)):
            sub.with_user(self.chief_office).validate_tier()
            sub.with_user(self.vc_urban).action_approve()
        before = self.snapshot(sub.review_ids)
        with self.assertRaises(UserError):
            sub.with_user(self.deputy_office).restart_validation()
        self.assertEqual((self.snapshot(sub.review_ids), sub.state), (before, "approved"))

    def test_returned_dossier_keeps_the_record_of_its_chain(self):
        """R-000-18.4: when the leader returns a dossier, the chain starts anew on resubmission, but the steps
        already given stay in the dossier's history (which nobody rewrites): who approved, and when."""
        sub = self.dossier_with_chain()
        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).validate_tier()
            sub.with_user(self.chief_office).validate_tier()
            sub.with_user(self.vc_urban).write({"decision_note": "Bổ sung ý kiến Sở Tài chính."})
            sub.with_user(self.vc_urban).action_leader_return()
        self.assertEqual((sub.state, sub.review_ids), ("returned", self.env["tier.review"]))
        record = sub.message_ids.filtered(lambda m: "Approval chain before the dossier was returned" in str(m.body))
        self.assertEqual(len(record), 1, "the chain's record is posted once")
        for reviewer in (self.unit_head, self.chief_office):
            self.assertIn(reviewer.name, str(record.body))
        self.assertIn(fields.Datetime.context_timestamp(sub, fields.Datetime.now()).strftime("%d/%m/%Y"), str(record.body))
        with self.assertRaises(AccessError):
            record.with_user(self.chief_office).write({"body": "Không có ai duyệt."})

    def test_default_keys_set_no_workflow_field(self):
        """R-000-16.2: ``default_*`` context keys are sent by the client too: a dossier created with
        default_state='approved' and a forged reference and decision is created as a draft."""
        sub = self.env["ubnd.submission"].with_user(self.staff).with_context(
            default_state="approved", default_route="leader", default_decided_date="2026-03-02",
            default_reference="HS/FORGED", default_unit_head_user_id=self.staff.id,
        ).create({"name": "Hồ sơ", "committee_id": self.committee.id, "submitting_unit_id": self.department.id})
        self.assertEqual((sub.state, sub.route, sub.decided_date), ("draft", False, False))
        self.assertNotEqual(sub.reference, "HS/FORGED")
        self.assertEqual(sub.unit_head_user_id, self.unit_head)

    def test_reviewer_session_bookkeeping_still_works(self):
        """The reviewer's own session promotes the next step (systray count) and recomputes who may act, without
        the guard refusing it."""
        sub = self.dossier_with_chain()
        with on(date(2026, 3, 3)):
            sub.with_user(self.unit_head).validate_tier()
            self.env["res.users"].with_user(self.chief_office).review_user_count()
            sub.with_user(self.chief_office).validate_tier()
            sub.with_user(self.vc_urban).action_approve()
        self.assertEqual(sub.state, "approved")
        self.assertEqual(set(sub.review_ids.mapped("status")), {"approved"})

    def test_submission_computed_workflow_fields_refused(self):
        """A client cannot make himself the unit head who initials, nor mark the chain validated, at create or
        write."""
        sub = self.new_submission(unit_head_user_id=self.staff.id, validation_status="validated",
                                  inbox_user_ids=[(6, 0, self.staff.ids)])
        self.assertEqual(sub.unit_head_user_id, self.unit_head)
        self.assertEqual(sub.validation_status, "no")
        self.assertNotIn(self.staff, sub.inbox_user_ids)
        for vals in ({"unit_head_user_id": self.staff.id}, {"validation_status": "validated"},
                     {"inbox_user_ids": [(4, self.staff.id)]}, {"state": "approved"}):
            with self.assertRaises(AccessError):
                sub.with_user(self.staff).write(vals)
        self.assertEqual((sub.unit_head_user_id, sub.state), (self.unit_head, "draft"))


@tagged("post_install", "-at_install")
class TestCoreIsolation(TrustCase):
    """Children follow their parent; a committee admin manages his own committee; national data is the system's."""

    def test_dossier_files_follow_the_dossier(self):
        """A specialist who cannot open a dossier reads neither its components nor their files; a file uploaded
        without a record is attached to the dossier."""
        sub = self.new_submission()
        upload = self.env["ir.attachment"].with_user(self.staff).create(
            {"name": "to-trinh.pdf", "datas": base64.b64encode(b"%PDF-1.4 to trinh")})
        component = sub.component_ids.filtered(lambda c: c.code == "b")
        component.with_user(self.staff).write({"attachment_ids": [(4, upload.id)]})
        self.assertEqual((upload.res_model, upload.res_id), ("ubnd.submission", sub.id))
        for intruder in (self.outsider, self.ward_staff):
            self.assertFalse(self.env["ubnd.submission.component"].with_user(intruder).search(
                [("submission_id", "=", sub.id)]))
            with self.assertRaises(AccessError):
                component.with_user(intruder).read(["attachment_ids"])
            with self.assertRaises(AccessError):
                upload.with_user(intruder).read(["datas"])
            with self.assertRaises(AccessError):
                self.env["ubnd.submission.component"].with_user(intruder).create(
                    {"submission_id": sub.id, "code": "i"})
        self.assertEqual(component.with_user(self.staff).attachment_ids, upload)

    def test_foreign_file_cannot_be_linked(self):
        """A file of someone else that the user cannot read is not pulled into his dossier."""
        secret = self.env["ir.attachment"].with_user(self.outsider).create(
            {"name": "mat.pdf", "datas": base64.b64encode(b"%PDF secret")})
        sub = self.new_submission()
        component = sub.component_ids.filtered(lambda c: c.code == "i")
        with self.assertRaises(AccessError):
            component.with_user(self.staff).write({"attachment_ids": [(4, secret.id)]})
        self.assertFalse(secret.res_id)

    def test_messages_tracking_and_activities_follow_the_dossier(self):
        """The chatter of a dossier (messages, tracked values, to-dos) is read only by who may read the dossier."""
        sub = self.complete(self.new_submission())
        self.env.cr.precommit.run()  # creation and submission are two requests in real use
        self.submit(sub, date(2026, 3, 2))
        sub.message_post(body="Ghi chú nội bộ")
        self.env.cr.precommit.run()  # tracking values are written at commit
        domain = [("model", "=", "ubnd.submission"), ("res_id", "=", sub.id)]
        self.assertTrue(self.env["mail.message"].with_user(self.staff).search(domain))
        self.assertTrue(self.env["mail.activity"].search([("res_model", "=", "ubnd.submission"), ("res_id", "=", sub.id)]))
        tracking = sub.sudo().message_ids.tracking_value_ids
        self.assertTrue(tracking)
        for intruder in (self.outsider, self.ward_staff):
            self.assertFalse(self.env["mail.message"].with_user(intruder).search(domain))
            self.assertFalse(self.env["mail.activity"].with_user(intruder).search(
                [("res_model", "=", "ubnd.submission"), ("res_id", "=", sub.id)]))
            with self.assertRaises(AccessError):
                sub.message_ids.with_user(intruder).read(["body"])
            with self.assertRaises(AccessError):
                tracking.with_user(intruder).read(["old_value_char"])

    def test_committee_admin_manages_his_own_committee_only(self):
        """The city's admin changes his own profile and days off, not the ward's profile, not the presets, not the
        national days off, not the shared catalogues (document types, fields): those are the system
        administrator's."""
        Holiday = self.env["ubnd.holiday"].with_user(self.admin)
        self.profile.with_user(self.admin).write({"office_intake_days": 4})
        self.assertEqual(self.profile.office_intake_days, 4)
        ward_days = self.ward.profile_id.office_intake_days
        with self.assertRaises(AccessError):
            self.ward.profile_id.with_user(self.admin).write({"office_intake_days": 9})
        self.assertFalse(self.env["ubnd.regulation.profile"].with_user(self.admin).search(
            [("id", "=", self.ward.profile_id.id)]))
        preset = self.env.ref("ubnd_quyche.profile_preset_haiphong")
        preset_days = preset.office_intake_days
        with self.assertRaises(AccessError):
            preset.with_user(self.admin).write({"office_intake_days": 9})
        national = self.env["ubnd.holiday"].create({"name": "Nghỉ toàn quốc", "date": date(2026, 3, 10)})
        with self.assertRaises(AccessError):
            national.with_user(self.admin).write({"date": date(2026, 3, 11)})
        with self.assertRaises(AccessError):
            national.with_user(self.admin).unlink()
        with self.assertRaises(AccessError):
            Holiday.create({"name": "Nghỉ toàn quốc giả", "date": date(2026, 3, 12)})
        with self.assertRaises(AccessError):
            Holiday.create({"name": "Nghỉ của phường", "date": date(2026, 3, 12), "company_id": self.ward_company.id})
        own = Holiday.create({"name": "Nghỉ của thành phố", "date": date(2026, 3, 12), "company_id": self.company.id})
        self.assertTrue(own)
        with self.assertRaises(AccessError):
            self.env["ubnd.field"].with_user(self.admin).create({"name": "Lĩnh vực giả", "code": "fake"})
        with self.assertRaises(AccessError):
            self.env.ref("ubnd_quyche.doctype_qd").with_user(self.admin).write({"name": "Quyết định (giả)"})
        self.assertEqual((self.ward.profile_id.office_intake_days, preset.office_intake_days, national.date),
                         (ward_days, preset_days, date(2026, 3, 10)))
        with self.assertRaises(ValidationError):
            self.committee.with_user(self.admin).write({"profile_id": self.ward.profile_id.id})
        with self.assertRaises(ValidationError):
            self.committee.with_user(self.admin).write({"profile_id": preset.id})
        self.assertEqual(self.committee.profile_id, self.profile)
        system = new_test_user(self.env, login="t_system", groups="base.group_system,ubnd_quyche.group_ubnd_admin",
                               company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        national.with_user(system).write({"date": date(2026, 3, 11)})
        self.assertEqual(national.date, date(2026, 3, 11))


@tagged("post_install", "-at_install")
class TestBadInput(TrustCase):
    """What a client sends is accepted in the forms RPC uses, or refused with a clear error, before any write."""

    def test_working_day_engine_takes_what_rpc_sends(self):
        """R-000-18.1: 3 working days after Friday 13/2/2026 is Wednesday 25/2 (Tết), whether the day comes as a
        date, an ISO string or a datetime; a datetime counts as its date in Vietnam."""
        wd = self.Workday
        self.assertEqual(wd.add_working_days("2026-02-13", 3), date(2026, 2, 25))
        self.assertEqual(wd.add_working_days(datetime(2026, 2, 13, 9, 0), 3), date(2026, 2, 25))
        self.assertFalse(wd.is_working_day("2026-02-17"))
        self.assertFalse(wd.is_working_day(datetime(2026, 2, 17, 2, 0)), "a datetime on a day off is a day off")
        # 18:00 UTC on Friday 13/2 is 01:00 on Saturday 14/2 in Hanoi.
        self.assertFalse(wd.is_working_day(datetime(2026, 2, 13, 18, 0)))
        self.assertFalse(wd.is_working_day("2026-02-13 18:00:00"))
        self.assertEqual(wd.count_working_days("2026-02-13", "2026-02-25"), 3)
        self.assertEqual(wd.is_working_day("2026-03-02", company=self.company.id), True)
        self.assertEqual(self.profile.compute_deadline("2026-02-13", "office_intake_days", self.company.id),
                         date(2026, 2, 25))

    def test_working_day_engine_refuses_clearly(self):
        """Dates that do not exist or lie outside 1900–2200, results beyond 2200, and amounts that are not whole
        numbers are refused with a clear error, not a TypeError or an overflow."""
        wd = self.Workday
        for bad in ("2026-02-30", "hôm nay", 20260213, date(100, 1, 1), "9999-12-31", date(9999, 12, 31),
                    datetime(9999, 12, 31, 23, 0), None):
            with self.assertRaises(ValidationError, msg=repr(bad)):
                wd.add_working_days(bad, 1)
        with self.assertRaises(ValidationError):
            wd.add_working_days(date(2200, 12, 20), 30)
        with self.assertRaises(ValidationError):
            wd.subtract_working_days(date(1900, 1, 10), 30)
        with self.assertRaises(ValidationError):
            wd.add_calendar_days(date(2200, 12, 20), 30)
        with self.assertRaises(ValidationError):
            wd.add_working_days(date(2026, 3, 2), 10 ** 12)
        for amount in ("3", 1.5, True, -1):
            with self.assertRaises(ValidationError):
                wd.add_working_days(date(2026, 3, 2), amount)
        with self.assertRaises(ValidationError):
            self.profile.compute_deadline("2026-03-02", "name")
        # The edges of the window themselves work (no holidays known for 1900 and 2200).
        self.assertTrue(wd.is_working_day(date(1900, 1, 1)))
        self.assertEqual(wd.add_working_days(date(2200, 12, 1), 1), date(2200, 12, 2))

    def assert_refused(self, record_or_model, vals, label):
        method = record_or_model.create if not record_or_model.ids else record_or_model.write
        with self.assertRaises(ValidationError) as caught:
            method(vals)
        self.assertIn(label, str(caught.exception))

    def test_generic_input_layer(self):
        """NUL bytes, unknown selection values, 30 February, dates outside 1900–2200 and integers beyond PostgreSQL's
        range are refused naming the field, and nothing is written."""
        Submission = self.env["ubnd.submission"].with_user(self.staff)
        count = Submission.search_count([])
        sequence = self.env.ref("ubnd_quyche.seq_ubnd_submission")
        next_reference = sequence.number_next_actual
        base = {"name": "Hồ sơ", "committee_id": self.committee.id, "submitting_unit_id": self.department.id}
        self.assert_refused(Submission, dict(base, name="Hồ\x00sơ"), "Subject")
        self.assert_refused(Submission, dict(base, kind="bogus"), "Kind")
        self.assert_refused(Submission, dict(base, reconciliation_date="2026-02-30"), "Reconciliation meeting")
        self.assert_refused(Submission, dict(base, reconciliation_date="1800-01-01"), "Reconciliation meeting")
        self.assert_refused(Submission, dict(base, reconciliation_date="9999-12-31"), "Reconciliation meeting")
        self.assert_refused(Submission, dict(base, field_id=2 ** 40), "Field")
        self.assert_refused(Submission, dict(base, amount_bn=float("nan")), "Value (bn VND)")
        self.assertEqual(Submission.search_count([]), count)
        sequence.invalidate_recordset(["number_next_actual"])
        self.assertEqual(sequence.number_next_actual, next_reference, "a refused dossier draws no reference number")
        sub = self.new_submission()
        self.assert_refused(sub.with_user(self.staff), {"summary": "a\x00b"}, "Summary")
        self.assert_refused(sub.with_user(self.staff), {"urgency": "yesterday"}, "Urgency")
        self.assert_refused(sub.with_user(self.staff), {"component_ids": [(1, sub.component_ids[0].id,
                                                                          {"sequence": 2 ** 31})]}, "Sequence")
        self.assertFalse(sub.summary)
        self.assertEqual(sub.urgency, "normal")
        self.assert_refused(self.env["ubnd.holiday"], {"name": "x", "date": "2026-02-30"}, "Date")
        self.assert_refused(self.env["ubnd.committee.member"], {
            "committee_id": self.committee.id, "user_id": self.staff.id, "sequence": -(2 ** 31) - 1}, "Sequence")

    def test_input_errors_in_vietnamese(self):
        """The refusal reaches a Vietnamese user in Vietnamese."""
        if not self.env["res.lang"]._lang_get("vi_VN"):
            self.env["res.lang"]._activate_lang("vi_VN")
            self.env["ir.module.module"].search([("name", "=", "ubnd_quyche")])._update_translations(["vi_VN"])
        with self.assertRaises(ValidationError) as caught:
            self.env["ubnd.submission"].with_user(self.staff).with_context(lang="vi_VN").create({
                "name": "Hồ\x00sơ", "committee_id": self.committee.id, "submitting_unit_id": self.department.id})
        self.assertIn("ký tự NUL", str(caught.exception))
