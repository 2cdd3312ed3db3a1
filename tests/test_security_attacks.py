"""Attacks of issue #9, replayed over XML-RPC and JSON-RPC as the ordinary demo users of the issue.

Every attack must be refused with a clear Odoo error (AccessError / UserError / ValidationError — never a
raw ValueError, TypeError or psycopg2 error) and leave the database as it was: the admin re-reads the
attacked records (``write_date`` included) and the counts before and after. Nothing here is set up by
hand in the database; the few legitimate records a test needs are made by the right user through the
normal actions and removed again by the admin in the cleanup.

Classes of the issue: 1 privilege by context key, 2 approval steps (tier.review), 3 who may grant what,
4 the legal record, 5 isolation, 6 bad input.
"""
import datetime

from tests.ubnd_client import SecurityCase

ACCESS = "odoo.exceptions.AccessError"
USER = "odoo.exceptions.UserError"
VALIDATION = "odoo.exceptions.ValidationError"
# Every key a client might hope unlocks a guarded write; none may.
FORGED_CONTEXTS = (
    {"ubnd_workflow": True},
    {"ubnd_workflow": "server"},  # the str value of the server's own token: still not the token
    {"ubnd_task_workflow": True, "ubnd_task_agreed_correction": True, "ubnd_task_directed_change": True},
    {"ubnd_workflow": 1, "tracking_disable": True, "mail_notrack": True, "install_mode": True},
)
TODAY = datetime.date.today()


class _Demo(SecurityCase):
    """Demo users and records, found by the admin (never by id)."""

    _uids = {}

    def uid(self, login):
        if login not in _Demo._uids:
            _Demo._uids[login] = self.find("res.users", [("login", "=", login)])
        return _Demo._uids[login]

    def committee(self, city=True):
        return self.find("ubnd.committee", [("company_id.name", "ilike", "Hải Phòng" if city else "Trị An")])

    def issued_document(self, city=True, confidentiality="normal"):
        return self.find("ubnd.document", [("state", "=", "issued"), ("committee_id", "=", self.committee(city)),
                                           ("confidentiality", "=", confidentiality)], order="id")


# ============================================================================ 1. privilege by context key
class TestContextKeys(_Demo):
    """Class 1: nothing a client puts in the context grants a right."""

    def test_specialist_cannot_approve_his_own_submission(self):
        """R-000-15.3, R-000-18.4: a unit specialist writes state='approved' on his own draft dossier with
        every forged context key, and tries to sign it: refused, the dossier is still a draft."""
        sub = self.find("ubnd.submission", [("submitter_id.login", "=", "chuyenvien.stc.hp"), ("state", "=", "draft")])
        witness = ("ubnd.submission", [sub], ["state", "route", "write_date"])
        for user in self.users("chuyenvien.stc.hp"):
            for ctx in FORGED_CONTEXTS:
                with self.subTest(channel=user.channel, context=ctx):
                    self.attack(user, "ubnd.submission", "write", [sub], {"state": "approved", "route": "leader"},
                                context=ctx, witness=witness)
                    self.attack(user, "ubnd.submission", "action_sign", [sub], context=ctx, witness=witness)

    def test_context_key_cannot_approve_an_approval_step(self):
        """R-000-18.4, R-000-6.3e: with the workflow key in the context a specialist writes 'approved', done
        by the Vice-Chairman, on the Vice-Chairman's pending step: refused, the step is still pending."""
        review = self.find("tier.review", [("model", "=", "ubnd.submission"), ("status", "=", "pending"),
                                           ("reviewer_ids.login", "=", "pct.dothi.hp")])
        witness = ("tier.review", [review], ["status", "done_by", "reviewed_date", "reviewer_ids", "write_date"])
        for user in self.users("chuyenvien.stc.hp"):
            for ctx in FORGED_CONTEXTS:
                with self.subTest(channel=user.channel, context=ctx):
                    self.attack(user, "tier.review", "write", [review],
                                {"status": "approved", "done_by": self.uid("pct.dothi.hp")},
                                context=ctx, witness=witness)

    def _suite_grant(self, state):
        """A KT. grant of the Chairman to a Vice-Chairman, made by the Chairman through the normal actions.

        A draft is removed again in the cleanup. A grant once in force stays in the register (it cannot be
        deleted), so the revoked one is made once and reused by later runs."""
        chairman = self.user("chutich.hp")
        note = "[security suite] %s grant" % state
        existing = self.admin("ubnd.delegation", "search", [("note", "=", note), ("state", "=", state)], limit=1)
        if existing:
            return existing[0]
        grant = chairman("ubnd.delegation", "create", {
            "kind": "kt", "grantor_id": self.uid("chutich.hp"), "grantee_id": self.uid("pct.vanxa.hp"),
            "committee_id": self.committee(), "date_start": str(TODAY),
            "date_end": str(TODAY + datetime.timedelta(days=3)), "note": note,
        })
        if state == "draft":
            self.cleanup("ubnd.delegation", [grant])
        else:
            chairman("ubnd.delegation", "action_activate", [grant])
            chairman("ubnd.delegation", "action_revoke", [grant])
        self.assertEqual(self.snapshot("ubnd.delegation", [grant], ["state"])[0]["state"], state)
        return grant

    def test_context_key_cannot_put_a_grant_in_force(self):
        """R-ND30-13.3, R-000-6.3dd: the Chairman drafts a KT. grant; the grantee and the Office write it 'active'
        with the workflow key: refused, it stays a draft (only the grantor's own act puts it in force)."""
        grant = self._suite_grant("draft")
        witness = ("ubnd.delegation", [grant], ["state", "date_start", "date_end", "write_date"])
        for login in ("pct.vanxa.hp", "chuyenvien.vp.hp"):
            for user in self.users(login):
                for ctx in FORGED_CONTEXTS[:2]:
                    with self.subTest(user=user, context=ctx):
                        self.attack(user, "ubnd.delegation", "write", [grant], {"state": "active"},
                                    context=ctx, witness=witness)

    def test_context_key_cannot_put_a_revoked_grant_back_in_force(self):
        """R-ND30-13.3, R-000-2.5: a revoked KT. grant (made and revoked by the Chairman) is put back in force by
        the grantee, the Chairman, the Office and the committee admin — by writing its state with the workflow
        key, or by its activate action: the grant stays revoked."""
        grant = self._suite_grant("revoked")
        witness = ("ubnd.delegation", [grant], ["state", "date_start", "date_end", "write_date"])
        for login in ("pct.vanxa.hp", "chutich.hp", "chanhvp.hp", "quantri.hp"):
            for user in self.users(login):
                for ctx in FORGED_CONTEXTS[:2]:
                    with self.subTest(user=user, context=ctx):
                        self.attack(user, "ubnd.delegation", "write", [grant], {"state": "active"},
                                    context=ctx, witness=witness)
                with self.subTest(user=user, action="action_activate"):
                    before = self.snapshot(*witness)
                    user.try_call("ubnd.delegation", "action_activate", [grant])
                    self.assertUnchanged(before, *witness, msg="%r put a revoked grant back in force" % user)

    def test_context_key_cannot_rewrite_a_confirmed_completion_report(self):
        """R-002-6.1a-2, R-002-6.1a: a confirmed completion report is part of the record. The reporting unit
        and the Office rewrite its date and note with ``ubnd_task_agreed_correction``: refused."""
        update = self.find("ubnd.task.update", [("state", "=", "confirmed"), ("kind", "=", "completion"),
                                                ("company_id", "=", 1)])
        witness = ("ubnd.task.update", [update], ["state", "note", "report_date", "confirmed_by_id", "write_date"])
        reporter = self.admin("ubnd.task.update", "read", [update], ["user_id"])[0]["user_id"]
        logins = ["chuyenvien.vp.hp", "chanhvp.hp"]
        if reporter:
            logins.append(self.admin("res.users", "read", [reporter[0]], ["login"])[0]["login"])
        for login in logins:
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.task.update", "write", [update],
                                {"note": "sửa lại", "report_date": "2000-01-01", "state": "submitted"},
                                context={"ubnd_task_agreed_correction": True, "ubnd_task_workflow": True},
                                witness=witness)

    def test_context_key_cannot_move_a_task_deadline(self):
        """R-002-6.1c-2: only a direction of UBND or the Chairman moves a task's deadline or lead unit. The
        Office writes them directly with ``ubnd_task_directed_change``: refused, the task is unchanged."""
        task = self.find("ubnd.task", [("state", "=", "in_progress"), ("company_id", "=", 1),
                                       ("confidentiality", "=", "normal")], order="id")
        witness = ("ubnd.task", [task], ["deadline", "lead_unit_id", "state", "write_date"])
        new_deadline = str(TODAY + datetime.timedelta(days=400))
        for user in self.users("chuyenvien.vp.hp"):
            for ctx in ({"ubnd_task_directed_change": True}, {"ubnd_task_directed_change": "server"},
                        {"ubnd_task_workflow": True, "ubnd_task_directed_change": True}):
                with self.subTest(channel=user.channel, context=ctx):
                    self.attack(user, "ubnd.task", "write", [task], {"deadline": new_deadline}, context=ctx,
                                witness=witness)


    def test_default_keys_in_the_context_do_not_forge_a_workflow_state(self):
        """R-000-15.3, R-000-20.1, R-ND30-15.1-2, R-ND30-13.3: ``default_*`` keys are context keys too. A
        specialist creates a dossier with default_state='approved', a document with default_state='issued'
        and a forged number, a member a grant with default_state='active': each is refused, or created in
        its initial state with nothing forged (and then removed by the admin)."""
        cases = (
            ("chuyenvien.stc.hp", "ubnd.submission", {"name": "[security suite] default keys"},
             {"default_state": "approved", "default_route": "leader", "default_decision_date": str(TODAY)},
             {"state": "draft", "route": False}),
            ("chuyenvien.stc.hp", "ubnd.document",
             {"name": "[security suite] default keys", "document_type_id": self.find("ubnd.document.type", [])},
             {"default_state": "issued", "default_number": 99, "default_reference": "99/QĐ-UBND",
              "default_signer_id": self.uid("chutich.hp"), "default_date": str(TODAY)},
             {"state": "draft", "number": 0, "reference": False, "signer_id": False}),
            ("pct.kinhte.hp", "ubnd.delegation",
             {"kind": "kt", "grantor_id": self.uid("pct.kinhte.hp"), "grantee_id": self.uid("chuyenvien.stc.hp"),
              "committee_id": self.committee(), "date_start": str(TODAY),
              "date_end": str(TODAY + datetime.timedelta(days=2)), "note": "[security suite] default keys"},
             {"default_state": "active"}, {"state": "draft"}),
        )
        for login, model, vals, ctx, initial in cases:
            for user in self.users(login):
                with self.subTest(user=user, model=model):
                    ok, outcome = user.try_call(model, "create", vals, context=ctx)
                    if not ok:
                        self.assertTrue(outcome.is_clear, outcome)
                        continue
                    self.cleanup(model, [outcome])
                    row = self.admin(model, "read", [outcome], list(initial))[0]
                    row.pop("id")
                    self.assertEqual({k: v if v not in (None, "") else False for k, v in row.items()}, initial,
                                     "%r created %s %s with forged workflow values from %s"
                                     % (user, model, outcome, ctx))


# ============================================================================ 2. approval steps
class TestApprovalSteps(_Demo):
    """Class 2: approval steps belong to their dossier's committee; only the reviewer whose turn it is acts,
    only through the approval actions; comments and history never change."""

    def _pending_city_review(self):
        return self.find("tier.review", [("model", "=", "ubnd.submission"), ("status", "=", "pending"),
                                         ("reviewer_ids.login", "=", "pct.dothi.hp")])

    def _city_submission_ids(self):
        return self.admin("ubnd.submission", "search", [("committee_id", "=", self.committee())],
                          context={"active_test": False})

    def test_ward_specialist_cannot_read_the_citys_steps(self):
        """R-000-18.4 (steps of the committee's own dossiers), issue #9 §5 (committee isolation): a ward specialist finds none of the city's approval steps by search,
        read_group or search_read, and reading one by id is refused."""
        city_subs = self._city_submission_ids()
        domain = [("model", "=", "ubnd.submission"), ("res_id", "in", city_subs)]
        self.assertGreater(self.count("tier.review", domain), 0, "demo data: the city has approval steps")
        review = self._pending_city_review()
        for user in self.users("chuyenvien.trian"):
            with self.subTest(channel=user.channel):
                self.assertEqual(user("tier.review", "search_count", domain), 0,
                                 "%r sees the city's approval steps" % user)
                self.assertEqual(user("tier.review", "search_read", domain, fields=["comment"], limit=5), [])
                self.assertRefused(user, "tier.review", "read", [review], ["status", "comment", "reviewer_ids"],
                                   expect=ACCESS)

    def test_forged_approved_step_is_refused(self):
        """R-000-18.4, R-000-6.3e: a specialist creates a step already 'approved', done by a Vice-Chairman, on
        a dossier awaiting that Vice-Chairman: refused, no step appears."""
        review = self.admin("tier.review", "read", [self._pending_city_review()], ["res_id", "definition_id"])[0]
        domain = [("model", "=", "ubnd.submission"), ("res_id", "=", review["res_id"])]
        for login in ("chuyenvien.stc.hp", "giamdoc.ca.hp", "chuyenvien.vp.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack_create(user, "tier.review", {
                        "model": "ubnd.submission", "res_id": review["res_id"],
                        "definition_id": review["definition_id"][0], "status": "approved",
                        "done_by": self.uid("pct.dothi.hp"), "reviewer_ids": [(6, 0, [self.uid(login)])],
                        "comment": "Đồng ý", "reviewed_date": "%s 08:00:00" % TODAY, "sequence": 99,
                    }, domain, context=FORGED_CONTEXTS[0])

    def test_cannot_add_oneself_as_reviewer_and_approve(self):
        """R-000-18.4: a committee member adds himself to the reviewers of the Vice-Chairman's pending step
        and approves the dossier: both refused, the step and the dossier are unchanged."""
        review = self._pending_city_review()
        res_id = self.admin("tier.review", "read", [review], ["res_id"])[0]["res_id"]
        step = ("tier.review", [review], ["status", "reviewer_ids", "done_by", "write_date"])
        dossier = ("ubnd.submission", [res_id], ["state", "write_date"])
        for login in ("giamdoc.ca.hp", "chuyenvien.vp.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "tier.review", "write", [review],
                                {"reviewer_ids": [(4, self.uid(login))]}, witness=step)
                    before, before_step = self.snapshot(*dossier), self.snapshot(*step)
                    self.assertRefused(user, "ubnd.submission", "validate_tier", [res_id])
                    self.assertUnchanged(before, *dossier)
                    self.assertUnchanged(before_step, *step)

    def test_comment_and_history_never_change(self):
        """R-000-18.4, R-000-30.1 (record kept): the comment, author and date of a step already done are
        rewritten by a specialist, by the Office and by the leader who did it: refused."""
        done = self.find("tier.review", [("model", "=", "ubnd.submission"), ("status", "=", "approved"),
                                         ("done_by.login", "=", "pct.kinhte.hp")])
        witness = ("tier.review", [done], ["status", "comment", "done_by", "reviewed_date", "write_date"])
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp", "pct.kinhte.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "tier.review", "write", [done], {"comment": "Chủ tịch đã đồng ý"},
                                witness=witness)
                    self.attack(user, "tier.review", "write", [done], {"status": "rejected"}, witness=witness)

    def test_leaders_pending_step_cannot_be_deleted(self):
        """R-000-18.4: the leader's pending step is deleted by a specialist, a member and the Office: refused,
        the step is still there."""
        review = self._pending_city_review()
        res_id = self.admin("tier.review", "read", [review], ["res_id"])[0]["res_id"]
        domain = [("model", "=", "ubnd.submission"), ("res_id", "=", res_id)]
        before = self.count("tier.review", domain)
        for login in ("chuyenvien.stc.hp", "giamdoc.ca.hp", "chanhvp.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    for ctx in ({}, FORGED_CONTEXTS[0]):
                        self.assertRefused(user, "tier.review", "unlink", [review], context=ctx)
                        self.assertEqual(self.count("tier.review", domain), before)


    def test_approval_history_cannot_be_wiped(self):
        """R-000-18.4, R-000-30.1 (history kept): on a dossier the leader already decided, the Office, the Chief
        of Office and the submitting unit head restart the approval chain (which deletes the approved steps):
        refused; every step keeps its status and author, and the dossier its state."""
        res_id = self.find("ubnd.submission", [("committee_id", "=", self.committee()),
                                               ("state", "in", ("approved", "signed", "issued")),
                                               ("review_ids.status", "=", "approved")], order="id")
        witness_steps, witness_dossier, logins = self._chain_attack_setup(res_id)
        for login in logins:
            for user in self.users(login):
                with self.subTest(user=user):
                    before = self.snapshot(*witness_dossier)
                    self.attack(user, "ubnd.submission", "restart_validation", [res_id], witness=witness_steps)
                    self.assertUnchanged(before, *witness_dossier)

    def _chain_attack_setup(self, res_id):
        """Witnesses of a dossier's steps and state, and who attacks its chain: an Office specialist, the Chief of
        Office and the unit head who submitted it."""
        steps = self.admin("tier.review", "search", [("model", "=", "ubnd.submission"), ("res_id", "=", res_id)])
        witness_steps = ("tier.review", steps, ["status", "done_by", "reviewed_date", "comment"])
        witness_dossier = ("ubnd.submission", [res_id], ["state", "write_date"])
        submitter = self.admin("ubnd.submission", "read", [res_id], ["submitter_id"])[0]["submitter_id"][0]
        logins = ["chuyenvien.vp.hp", "chanhvp.hp", self.admin("res.users", "read", [submitter], ["login"])[0]["login"]]
        return witness_steps, witness_dossier, logins

    def test_no_one_acts_out_of_turn(self):
        """R-000-18.4, R-000-6.3e: on a dossier awaiting the Vice-Chairman, the Office, the Chief of Office and
        the submitting unit head approve or refuse it out of turn: refused; the steps and the dossier are
        unchanged."""
        review = self._pending_city_review()
        res_id = self.admin("tier.review", "read", [review], ["res_id"])[0]["res_id"]
        witness_steps, witness_dossier, logins = self._chain_attack_setup(res_id)
        for login in logins:
            for user in self.users(login):
                for method in ("validate_tier", "reject_tier"):
                    with self.subTest(user=user, method=method):
                        before = self.snapshot(*witness_dossier)
                        self.attack(user, "ubnd.submission", method, [res_id], witness=witness_steps)
                        self.assertUnchanged(before, *witness_dossier)


# ============================================================================ 3. who may grant what
class TestGrants(_Demo):
    """Class 3: a grant confers only an authority its grantor holds; TUQ. is never passed on."""

    def _grant_vals(self, kind, grantor, grantee, **extra):
        vals = {"kind": kind, "grantor_id": self.uid(grantor), "grantee_id": self.uid(grantee),
                "committee_id": self.committee(), "authority_title": "CHỦ TỊCH",
                "authorising_document": "Quy chế làm việc, Điều 15", "date_start": str(TODAY),
                "date_end": str(TODAY + datetime.timedelta(days=30)), "note": "[security suite]"}
        vals.update(extra)
        return vals

    def _demo_tuq(self):
        """The Chairman's TUQ. grant of the demo data (to the Director of Justice)."""
        return self.find("ubnd.delegation", [("kind", "=", "tuq"), ("state", "=", "active"),
                                             ("grantor_id.login", "=", "chutich.hp"),
                                             ("grantee_id.login", "=", "giamdoc.stp.hp")], order="id")

    def _grants_to(self, login):
        return [("grantee_id", "=", self.uid(login)), ("note", "=", "[security suite]")]

    def test_member_cannot_grant_the_chairmans_tl(self):
        """R-ND30-13.4, R-ND30-13.4-2, R-000-7.2e: the Police director (a member) makes a TL. grant printed
        "CHỦ TỊCH" to a specialist — in his own name or in the Chairman's: refused, no grant; the specialist
        has no signing capacity for a committee decision."""
        for user in self.users("giamdoc.ca.hp"):
            for grantor in ("giamdoc.ca.hp", "chutich.hp"):
                with self.subTest(channel=user.channel, grantor=grantor):
                    self.attack_create(user, "ubnd.delegation",
                                       self._grant_vals("tl", grantor, "chuyenvien.stc.hp"),
                                       self._grants_to("chuyenvien.stc.hp"))
        specialist = self.user("chuyenvien.stc.hp")
        self.assertFalse(specialist("ubnd.signing", "get_my_signing_capacity", self.committee(), "committee"))

    def test_office_cannot_put_a_tuq_from_the_chairman_in_force(self):
        """R-ND30-13.3, R-000-6.3dd: an Office specialist records a TUQ. grant "from the Chairman" to himself.
        Whether or not the recording is accepted, it never takes effect without the Chairman: activating it
        is refused, and the specialist cannot sign "TUQ. CHỦ TỊCH"."""
        for user in self.users("chuyenvien.vp.hp"):
            with self.subTest(channel=user.channel):
                ok, grant = user.try_call("ubnd.delegation", "create",
                                          self._grant_vals("tuq", "chutich.hp", "chuyenvien.vp.hp"))
                if ok:
                    self.cleanup("ubnd.delegation", [grant])
                    self.attack(user, "ubnd.delegation", "action_activate", [grant],
                                witness=("ubnd.delegation", [grant], ["state", "write_date"]))
                    self.assertEqual(self.snapshot("ubnd.delegation", [grant], ["state"])[0]["state"], "draft")
                else:
                    self.assertTrue(grant.is_clear, grant)
                self.assertFalse(user("ubnd.signing", "get_my_signing_capacity", self.committee(), "committee"),
                                 "an Office specialist can sign for the Chairman")

    def test_tuq_holder_cannot_pass_it_on(self):
        """R-ND30-13.3-2, R-000-9.3c: the holder of the Chairman's TUQ. grant passes it to a third person —
        through ``parent_id`` and by a fresh grant in his own name: refused, the third person cannot sign."""
        tuq = self._demo_tuq()
        holder = self.admin("ubnd.delegation", "read", [tuq], ["grantee_id"])[0]["grantee_id"][0]
        holder_login = self.admin("res.users", "read", [holder], ["login"])[0]["login"]
        for user in self.users(holder_login):
            for extra in ({"parent_id": tuq}, {}):
                for kind in ("tuq", "kt", "tl"):
                    with self.subTest(channel=user.channel, kind=kind, parent=bool(extra)):
                        self.attack_create(user, "ubnd.delegation",
                                           self._grant_vals(kind, holder_login, "chuyenvien.stc.hp", **extra),
                                           self._grants_to("chuyenvien.stc.hp"))
        self.assertFalse(self.user("chuyenvien.stc.hp")("ubnd.signing", "get_my_signing_capacity",
                                                        self.committee(), "chairman"))

    def test_specialist_cannot_sign_a_committee_decision(self):
        """R-000-15.3, R-ND30-13.2: a specialist with no grant signs a draft committee document: refused; the
        document stays an unnumbered draft and the official series does not move."""
        doc = self.find("ubnd.document", [("state", "=", "draft"), ("committee_id", "=", self.committee())])
        witness = ("ubnd.document", [doc], ["state", "number", "reference", "signer_id", "write_date"])
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp", "giamdoc.ca.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.document", "action_sign", [doc], witness=witness)

    def test_grant_in_force_cannot_be_stretched_or_redirected(self):
        """R-ND30-13.3, R-000-6.3dd: the Office stretches the Chairman's TUQ. grant to 9999 and moves it to
        another grantee; the holder extends his own grant: refused, the grant is unchanged (a longer period is
        a new grant)."""
        tuq = self._demo_tuq()
        witness = ("ubnd.delegation", [tuq], ["grantee_id", "date_start", "date_end", "state", "authority_title",
                                              "write_date"])
        holder = self.admin("ubnd.delegation", "read", [tuq], ["grantee_id"])[0]["grantee_id"][0]
        holder_login = self.admin("res.users", "read", [holder], ["login"])[0]["login"]
        for login, vals in (("chuyenvien.vp.hp", {"date_end": "9999-12-31"}),
                            ("chuyenvien.vp.hp", {"grantee_id": self.uid("chuyenvien.vp.hp")}),
                            ("chuyenvien.vp.hp", {"authority_title": "CHỦ TỊCH UBND THÀNH PHỐ"}),
                            (holder_login, {"date_end": "2099-12-31"})):
            for user in self.users(login):
                with self.subTest(user=user, vals=vals):
                    self.attack(user, "ubnd.delegation", "write", [tuq], vals, witness=witness)


    def test_printed_authority_follows_the_grantors_position(self):
        """R-ND30-13.4, R-ND30-13.2, R-000-7.2e: the Chairman records a TL. grant whose printed authority is
        free text ("BỘ TRƯỞNG"): refused, or recorded with the authority of his position ("CHỦ TỊCH") — never
        the text sent (the draft is removed again)."""
        for user in self.users("chutich.hp"):
            with self.subTest(channel=user.channel):
                ok, grant = user.try_call("ubnd.delegation", "create", self._grant_vals(
                    "tl", "chutich.hp", "chanhvp.hp", authority_title="BỘ TRƯỞNG", grantee_title="CHÁNH VĂN PHÒNG",
                    authorising_document="Quy chế làm việc, Điều 15 khoản 3"))
                if not ok:
                    self.assertTrue(grant.is_clear, grant)
                    continue
                self.cleanup("ubnd.delegation", [grant])
                title = self.admin("ubnd.delegation", "read", [grant], ["authority_title"])[0]["authority_title"]
                self.assertEqual(title, "CHỦ TỊCH", "the printed authority is the free text %r" % title)


# ============================================================================ 4. the legal record
class TestLegalRecord(_Demo):
    """Class 4: issued documents, approved minutes (opinions, attendance, votes), confirmed reports and
    completed tasks never change or disappear."""

    def test_issued_document_cannot_be_deleted(self):
        """R-ND30-15.1, R-ND30-15.1-2, R-000-20.1: the Office and the committee admin delete an issued,
        numbered document: refused, the register keeps it."""
        doc = self.issued_document()
        for login in ("chanhvp.hp", "chuyenvien.vp.hp", "quantri.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.document", "unlink", [doc],
                                witness=("ubnd.document", [doc], ["state", "number", "reference"]))

    def test_issued_document_cannot_be_altered(self):
        """R-000-20.1, R-ND30-15.1-2: a specialist and the Office replace the files and recipients of an
        issued document, and move it to the other committee: refused, the document is unchanged."""
        doc = self.issued_document()
        witness = ("ubnd.document", [doc], ["recipients", "attachment_ids", "committee_id", "company_id", "body",
                                            "state", "reference", "write_date"])
        attacks = ({"recipients": "Nơi nhận giả mạo"},
                   {"attachment_ids": [(6, 0, [])]},
                   {"committee_id": self.committee(city=False)},
                   {"body": "<p>nội dung khác</p>"})
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp"):
            for user in self.users(login):
                for vals in attacks:
                    with self.subTest(user=user, vals=vals):
                        self.attack(user, "ubnd.document", "write", [doc], vals, witness=witness)

    def test_files_of_an_issued_document_cannot_be_replaced(self):
        """R-000-20.1: the attachment of an issued document is deleted or overwritten directly (ir.attachment)
        by a specialist and by the Office: refused, the file is unchanged."""
        doc = self.find("ubnd.document", [("state", "=", "issued"), ("attachment_ids", "!=", False)])
        att = self.admin("ubnd.document", "read", [doc], ["attachment_ids"])[0]["attachment_ids"][0]
        witness = ("ir.attachment", [att], ["checksum", "name", "res_model", "res_id"])
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ir.attachment", "write", [att],
                                {"datas": "JVBERi0xLjQgZm9yZ2Vk", "name": "forged.pdf"}, witness=witness)
                    self.attack(user, "ir.attachment", "unlink", [att], witness=witness)

    def test_opinion_frozen_after_the_minutes_are_approved(self):
        """R-000-30.1, R-000-26.4d: a member's opinion in approved minutes is rewritten or deleted by the
        Office and by a member: refused; the approved minutes themselves are neither edited nor deleted."""
        minutes = self.find("ubnd.meeting.minutes", [("state", "=", "approved")])
        meeting = self.admin("ubnd.meeting.minutes", "read", [minutes], ["meeting_id"])[0]["meeting_id"][0]
        opinion = self.find("ubnd.meeting.opinion", [("meeting_id", "=", meeting)])
        witness = ("ubnd.meeting.opinion", [opinion], ["content", "stance", "attendee_id", "write_date"])
        for login in ("chanhvp.hp", "chuyenvien.vp.hp", "giamdoc.ca.hp", "pct.kinhte.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.meeting.opinion", "write", [opinion], {"content": "Tán thành hoàn toàn."},
                                witness=witness)
                    self.attack(user, "ubnd.meeting.opinion", "unlink", [opinion], witness=witness)
        for user in self.users("chanhvp.hp"):
            with self.subTest(minutes=True, channel=user.channel):
                self.attack(user, "ubnd.meeting.minutes", "unlink", [minutes],
                            witness=("ubnd.meeting.minutes", [minutes], ["state", "write_date"]))

    def test_attendance_and_votes_of_a_closed_meeting_are_frozen(self):
        """R-000-30.1, R-000-28.2, R-000-3.3: after the session, an attendance is rewritten and a vote line is
        deleted by the Office and a member: refused."""
        meeting = self.find("ubnd.meeting", [("state", "=", "closed")])
        attendee = self.find("ubnd.meeting.attendee", [("meeting_id", "=", meeting), ("attendance", "=", "absent")])
        line = self.find("ubnd.vote.line", [("vote_id.meeting_id", "=", meeting)])
        for login in ("chanhvp.hp", "giamdoc.ca.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.meeting.attendee", "write", [attendee], {"attendance": "present"},
                                witness=("ubnd.meeting.attendee", [attendee], ["attendance", "write_date"]))
                    self.attack(user, "ubnd.vote.line", "unlink", [line],
                                witness=("ubnd.vote.line", [line], ["choice", "member_id"]))

    def test_task_done_only_through_a_confirmed_report(self):
        """R-002-6.1a, R-002-6.1a-2: the Office sets a task 'done', "confirmed by" the Chief of Office, with no
        completion report: refused, the task is unchanged."""
        task = self.find("ubnd.task", [("state", "=", "in_progress"), ("company_id", "=", 1),
                                       ("confidentiality", "=", "normal")], order="id")
        witness = ("ubnd.task", [task], ["state", "status", "confirmed_by_id", "completion_date", "write_date"])
        for user in self.users("chuyenvien.vp.hp"):
            with self.subTest(channel=user.channel):
                self.attack(user, "ubnd.task", "write", [task], {
                    "state": "done", "confirmed_by_id": self.uid("chanhvp.hp"),
                    "confirmed_date": str(TODAY), "completion_date": str(TODAY)}, witness=witness)

    def test_completed_task_and_its_report_are_kept(self):
        """R-002-6.1a-2, R-002-5.1g: the committee admin deletes a completed task, the Office deletes or edits
        its confirmed completion report: refused."""
        task = self.find("ubnd.task", [("state", "=", "done"), ("company_id", "=", 1)], order="id")
        report = self.find("ubnd.task.update", [("task_id", "=", task), ("state", "=", "confirmed")])
        for user in self.users("quantri.hp"):
            with self.subTest(channel=user.channel):
                self.attack(user, "ubnd.task", "unlink", [task],
                            witness=("ubnd.task", [task], ["state", "status", "write_date"]))
                self.attack(user, "ubnd.task", "write", [task], {"state": "in_progress"},
                            witness=("ubnd.task", [task], ["state", "status", "write_date"]))
        for login in ("chanhvp.hp", "quantri.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    witness = ("ubnd.task.update", [report], ["state", "note", "report_date", "write_date"])
                    self.attack(user, "ubnd.task.update", "unlink", [report], witness=witness)
                    self.attack(user, "ubnd.task.update", "write", [report], {"report_date": "2000-01-01"},
                                witness=witness)


    def test_chatter_and_files_of_an_issued_document_are_kept(self):
        """R-000-20.1, R-ND30-15.1-2 (the record and its trail): the messages (creation note, tracking) of an
        issued document are deleted or rewritten by the Office and a specialist, and a new file is attached to
        it through ir.attachment: refused, the chatter and the files are unchanged."""
        doc = self.issued_document()
        messages = self.admin("mail.message", "search", [("model", "=", "ubnd.document"), ("res_id", "=", doc)])
        self.assertTrue(messages, "demo data: the issued document has a chatter")
        witness = ("mail.message", messages, ["body", "tracking_value_ids", "author_id"])
        files = [("res_model", "=", "ubnd.document"), ("res_id", "=", doc)]
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp", "chanhvp.hp"):
            for user in self.users(login):
                with self.subTest(user=user, attack="attach a file"):
                    self.attack_create(user, "ir.attachment", {
                        "name": "[security suite] added.pdf", "res_model": "ubnd.document", "res_id": doc,
                        "datas": "JVBERi0xLjQgYWRkZWQ="}, files)
                with self.subTest(user=user, attack="rewrite a message"):
                    self.attack(user, "mail.message", "write", messages[:1], {"body": "<p>đã sửa</p>"},
                                witness=witness)
        for login in ("chuyenvien.stc.hp", "chuyenvien.vp.hp", "chanhvp.hp"):
            for user in self.users(login):
                with self.subTest(user=user, attack="delete a message"):
                    self.attack(user, "mail.message", "unlink", messages[:1], witness=witness)

    def test_history_is_not_forged(self):
        """Issue #9 §4 (no rule id states it): a specialist posts into an issued document's history in the
        Chairman's name, or posts a tracked change "Draft → Issued" by hand: refused, no message is added."""
        doc = self.issued_document()
        chairman = self.admin("res.users", "search_read", [("login", "=", "chutich.hp")], fields=["partner_id"])
        state_field = self.find("ir.model.fields", [("model", "=", "ubnd.document"), ("name", "=", "state")])
        messages = [("model", "=", "ubnd.document"), ("res_id", "=", doc)]
        base = {"model": "ubnd.document", "res_id": doc, "message_type": "comment", "body": "<p>Chủ tịch đồng ý.</p>"}
        for user in self.users("chuyenvien.stc.hp"):
            with self.subTest(user=user, attack="in the Chairman's name"):
                self.attack_create(user, "mail.message", dict(base, author_id=chairman[0]["partner_id"][0]), messages)
            with self.subTest(user=user, attack="forged tracking"):
                self.attack_create(user, "mail.message", dict(base, tracking_value_ids=[[0, 0, {
                    "field_id": state_field, "old_value_char": "Nháp", "new_value_char": "Đã ban hành"}]]), messages)


    def test_grant_a_signed_document_rests_on_is_frozen_and_kept(self):
        """R-ND30-13.4, R-ND30-13.4-2, R-ND30-13.3: the Chief of Office signs "TL. CHỦ TỊCH" an invitation under
        the Chairman's TL. grant (a legitimate act; the signed document stays in the register, and later runs
        reuse it). Then the Office and the committee admin delete that grant, and the Office and the Chairman
        lengthen or back-date it: refused, the grant is unchanged."""
        grant = self.find("ubnd.delegation", [("kind", "=", "tl"), ("state", "=", "active"),
                                              ("grantor_id.login", "=", "chutich.hp"),
                                              ("grantee_id.login", "=", "chanhvp.hp")], order="id")
        if not self.admin("ubnd.document", "search", [("delegation_id", "=", grant)], limit=1):
            types = self.admin("ubnd.delegation", "read", [grant], ["document_type_ids"])[0]["document_type_ids"]
            office = self.user("chanhvp.hp", channel="json")
            doc = office("ubnd.document", "create", {
                "name": "[security suite] signed under a TL. grant", "committee_id": self.committee(),
                "document_type_id": types[-1] if types else self.find("ubnd.document.type", []),
                "authority": "chairman"})
            office("ubnd.document", "action_sign", [doc])
        self.assertTrue(self.admin("ubnd.document", "search", [("delegation_id", "=", grant)], limit=1))
        witness = ("ubnd.delegation", [grant], ["state", "date_start", "date_end", "grantee_id", "write_date"])
        for login in ("chanhvp.hp", "quantri.hp"):
            for user in self.users(login):
                with self.subTest(user=user, attack="delete"):
                    self.attack(user, "ubnd.delegation", "unlink", [grant], witness=witness)
        for login, vals in (("chanhvp.hp", {"date_end": "2099-12-31"}), ("chutich.hp", {"date_end": "2099-12-31"}),
                            ("chutich.hp", {"date_start": "2020-01-01"}), ("chuyenvien.vp.hp", {"date_end": "2099-12-31"})):
            for user in self.users(login):
                with self.subTest(user=user, vals=vals):
                    self.attack(user, "ubnd.delegation", "write", [grant], vals, witness=witness)


# ============================================================================ 5. isolation
class TestIsolation(_Demo):
    """Class 5: every record and its attached core records are scoped to their committee; children follow
    their parent; a committee admin manages his own committee only."""

    def test_vice_chairman_cannot_read_the_wards_task_updates(self):
        """R-000-40.6, R-002-6.1a (a unit reports to its own committee), issue #9 §5 (committee isolation): a city
        Vice-Chairman reads the ward's task updates and their files by id and by search: refused / nothing
        found."""
        update = self.find("ubnd.task.update", [("company_id", "=", 2), ("attachment_ids", "!=", False)])
        att = self.admin("ubnd.task.update", "read", [update], ["attachment_ids"])[0]["attachment_ids"][0]
        for user in self.users("pct.kinhte.hp"):
            with self.subTest(channel=user.channel):
                self.assertRefused(user, "ubnd.task.update", "read", [update], ["note", "attachment_ids"],
                                   expect=ACCESS)
                self.assertEqual(user("ubnd.task.update", "search_count", [("company_id", "=", 2)]), 0)
                self.assertRefused(user, "ir.attachment", "read", [att], ["name", "datas"])

    def test_ward_specialist_cannot_touch_the_citys_weekly_report(self):
        """R-002-6.1d, issue §5: a ward specialist creates and deletes lines of the city's weekly report:
        refused, the report keeps its lines."""
        report = self.find("ubnd.task.weekly.report", [("company_id", "=", 1)])
        lines = self.admin("ubnd.task.weekly.report", "read", [report], ["line_ids"])[0]["line_ids"]
        task = self.find("ubnd.task", [("company_id", "=", 1)], order="id")
        domain = [("report_id", "=", report)]
        for user in self.users("chuyenvien.trian"):
            with self.subTest(channel=user.channel):
                self.attack_create(user, "ubnd.task.weekly.report.line",
                                   {"report_id": report, "task_id": task, "note": "[security suite]"}, domain)
                if lines:
                    self.attack(user, "ubnd.task.weekly.report.line", "unlink", lines[:1],
                                witness=("ubnd.task.weekly.report.line", lines[:1], ["note", "report_id"]))
                    self.assertRefused(user, "ubnd.task.weekly.report.line", "read", lines[:1], ["note"])

    def test_specialist_cannot_read_the_files_of_a_dossier_he_cannot_open(self):
        """R-000-15.4-2, issue §5: a specialist of another unit reads the components and files of a dossier he
        cannot open: refused (a component and its files follow the dossier)."""
        user0 = self.user("chuyenvien.stc.hp")
        visible = set(user0("ubnd.submission", "search", [], context={"active_test": False}))
        hidden = [s for s in self._city_subs_with_files() if s not in visible]
        self.assertTrue(hidden, "demo data: a city dossier with files the Finance specialist cannot open")
        sub = hidden[0]
        comps = self.admin("ubnd.submission.component", "search_read",
                           [("submission_id", "=", sub), ("attachment_ids", "!=", False)], fields=["attachment_ids"])
        for user in self.users("chuyenvien.stc.hp"):
            with self.subTest(channel=user.channel):
                self.assertRefused(user, "ubnd.submission", "read", [sub], ["name"], expect=ACCESS)
                self.assertRefused(user, "ubnd.submission.component", "read", [comps[0]["id"]], ["attachment_ids"])
                self.assertRefused(user, "ir.attachment", "read", comps[0]["attachment_ids"][:1], ["name", "datas"])
                self.assertEqual(user("ubnd.submission.component", "search_count", [("submission_id", "=", sub)]), 0)

    def _city_subs_with_files(self):
        comps = self.admin("ubnd.submission.component", "search_read",
                           [("submission_id.committee_id", "=", self.committee()), ("attachment_ids", "!=", False)],
                           fields=["submission_id"])
        return sorted({c["submission_id"][0] for c in comps})

    def test_children_follow_their_parent(self):
        """Issue §5 (child follows parent), R-000-15.4-2, R-002-5.2: for ordinary users of both committees,
        every dossier component, inspection finding, task update, weekly-report line and approval step they
        can read belongs to a parent record they can read."""
        pairs = (("ubnd.submission.component", "submission_id", "ubnd.submission"),
                 ("ubnd.inspection.finding", "inspection_id", "ubnd.inspection"),
                 ("ubnd.task.update", "task_id", "ubnd.task"),
                 ("ubnd.task.weekly.report.line", "report_id", "ubnd.task.weekly.report"))
        for login in ("chuyenvien.stc.hp", "giamdoc.sxd.hp", "chuyenvien.trian", "giamdoc.ca.hp"):
            user = self.user(login, channel="json")
            for child, fname, parent in pairs:
                with self.subTest(login=login, child=child):
                    rows = user(child, "search_read", [], fields=[fname], context={"active_test": False})
                    parents = {r[fname][0] for r in rows if r[fname]}
                    readable = set(user(parent, "search", [("id", "in", sorted(parents))],
                                        context={"active_test": False}))
                    self.assertEqual(parents - readable, set(),
                                     "%s reads %s records of %s he cannot read" % (login, child, parent))
            with self.subTest(login=login, child="tier.review"):
                rows = user("tier.review", "search_read", [("model", "=", "ubnd.submission")], fields=["res_id"])
                subs = {r["res_id"] for r in rows}
                readable = set(user("ubnd.submission", "search", [("id", "in", sorted(subs))],
                                    context={"active_test": False}))
                self.assertEqual(subs - readable, set(), "%s reads approval steps of dossiers he cannot read" % login)

    def test_committee_admin_manages_his_own_committee_only(self):
        """R-000-28.2 (the ward's own regulation), issue §5: the city's committee admin writes the ward's
        regulation profile and the national days off, and creates a national day off: refused."""
        ward_profile = self.admin("ubnd.committee", "read", [self.committee(city=False)], ["profile_id"])[0]["profile_id"][0]
        national = self.find("ubnd.holiday", [("company_id", "=", False)])
        for user in self.users("quantri.hp"):
            with self.subTest(channel=user.channel):
                self.attack(user, "ubnd.regulation.profile", "write", [ward_profile], {"issuance_days": 9},
                            witness=("ubnd.regulation.profile", [ward_profile], ["issuance_days", "write_date"]))
                self.attack(user, "ubnd.holiday", "write", [national], {"name": "Ngày nghỉ giả"},
                            witness=("ubnd.holiday", [national], ["name", "date", "write_date"]))
                self.attack(user, "ubnd.holiday", "unlink", [national],
                            witness=("ubnd.holiday", [national], ["name", "date"]))
                self.attack_create(user, "ubnd.holiday", {"name": "[security suite]", "date": "2031-05-05",
                                                          "company_id": False},
                                   [("name", "=", "[security suite]")])

    def test_profile_numbers_closed_to_non_admins(self):
        """R-000-28.2, R-000-18.1 (the regulation's numbers): a specialist, the Chief of Office and the Chairman
        change the committee's own regulation profile (quorum, deadlines): refused, only its admin may."""
        profile = self.admin("ubnd.committee", "read", [self.committee()], ["profile_id"])[0]["profile_id"][0]
        witness = ("ubnd.regulation.profile", [profile], ["issuance_days", "quorum_numerator", "write_date"])
        for login in ("chuyenvien.stc.hp", "chanhvp.hp", "chutich.hp"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.attack(user, "ubnd.regulation.profile", "write", [profile],
                                {"issuance_days": 30, "quorum_numerator": 1}, witness=witness, expect=ACCESS)

    def test_ward_users_see_nothing_of_the_citys_documents(self):
        """R-000-20.1 (the committee issues its own documents), issue #9 §5 (committee isolation): ward users read a city document by id, find it by search, and
        read its messages and files: refused / nothing found."""
        doc = self.issued_document()
        for login in ("chuyenvien.trian", "chutich.trian"):
            for user in self.users(login):
                with self.subTest(user=user):
                    self.assertRefused(user, "ubnd.document", "read", [doc], ["name"], expect=ACCESS)
                    self.assertEqual(user("ubnd.document", "search_count",
                                          [("committee_id", "=", self.committee())]), 0)
                    self.assertEqual(user("mail.message", "search_count",
                                          [("model", "=", "ubnd.document"), ("res_id", "=", doc)]), 0)
                    self.assertEqual(user("ir.attachment", "search_count",
                                          [("res_model", "=", "ubnd.document"), ("res_id", "=", doc)]), 0)
                    city_subs = self.admin("ubnd.submission", "search", [("committee_id", "=", self.committee())])
                    self.assertEqual(user("mail.activity", "search_count",
                                          [("res_model", "=", "ubnd.submission"), ("res_id", "in", city_subs)]), 0,
                                     "%r sees the activities of the city's dossiers" % user)
                    self.assertEqual(user("mail.message", "search_count",
                                          [("model", "=", "ubnd.submission"), ("res_id", "in", city_subs)]), 0,
                                     "%r sees the chatter of the city's dossiers" % user)


# ============================================================================ 6. bad input
class TestBadInput(_Demo):
    """Class 6: what RPC sends is accepted or refused with a clear error; nothing is half-written."""

    def test_quorum_must_be_a_fraction_in_0_1(self):
        """R-000-28.2: the committee admin sets the quorum to 0/3, 4/3 and x/0: refused with a clear error."""
        profile = self.admin("ubnd.committee", "read", [self.committee()], ["profile_id"])[0]["profile_id"][0]
        witness = ("ubnd.regulation.profile", [profile], ["quorum_numerator", "quorum_denominator", "write_date"])
        for user in self.users("quantri.hp"):
            for vals in ({"quorum_numerator": 0}, {"quorum_numerator": 4}, {"quorum_denominator": 0},
                         {"quorum_numerator": -1}):
                with self.subTest(channel=user.channel, vals=vals):
                    self.attack(user, "ubnd.regulation.profile", "write", [profile], vals, witness=witness,
                                expect=(VALIDATION, USER))

    def test_grant_dates_outside_a_sane_window(self):
        """R-ND30-13.3, R-000-6.3dd: the Chairman makes a TUQ. grant from 1900 to 9999, and one from year 0100:
        refused with a clear error, no grant."""
        for user in self.users("chutich.hp"):
            for start, end in (("1900-01-01", "9999-12-31"), ("0100-01-01", "0100-12-31"),
                               (str(TODAY), "9999-12-31")):
                with self.subTest(channel=user.channel, start=start, end=end):
                    self.attack_create(user, "ubnd.delegation", {
                        "kind": "tuq", "grantor_id": self.uid("chutich.hp"), "grantee_id": self.uid("giamdoc.stc.hp"),
                        "committee_id": self.committee(), "authorising_document": "QĐ 1/QĐ-UBND",
                        "date_start": start, "date_end": end, "note": "[security suite]"},
                        [("note", "=", "[security suite]")])

    def test_task_deadline_outside_the_sane_window(self):
        """R-002-5.1e, R-000-2.4: the Office gives a task a deadline in 2000 (before its document), in year
        9999 and in year 0100: refused with a clear error (never a TypeError), the task is unchanged."""
        task = self.find("ubnd.task", [("state", "=", "in_progress"), ("company_id", "=", 1),
                                       ("confidentiality", "=", "normal")], order="id")
        witness = ("ubnd.task", [task], ["deadline", "write_date"])
        for user in self.users("chuyenvien.vp.hp"):
            for deadline in ("2000-01-01", "9999-12-31", "0100-06-01"):
                with self.subTest(channel=user.channel, deadline=deadline):
                    self.attack(user, "ubnd.task", "write", [task], {"deadline": deadline}, witness=witness)

    def test_directed_deadline_change_refuses_absurd_dates(self):
        """R-002-6.1c-2, R-002-5.1e, R-000-2.4: through the lawful path (the Office's "Reassign / change
        deadline" with a direction), a task's deadline is moved to 2000 (before its document), to year 9999 and
        to year 0100: refused with a clear error; the task and its change log are unchanged."""
        task = self.find("ubnd.task", [("state", "=", "in_progress"), ("company_id", "=", 1),
                                       ("confidentiality", "=", "normal"), ("document_id", "!=", False)], order="id")
        witness = ("ubnd.task", [task], ["deadline", "lead_unit_id", "state", "write_date"])
        changes = [("task_id", "=", task)]
        for user in self.users("chuyenvien.vp.hp"):
            for deadline in ("2000-01-01", "9999-12-31", "0100-06-01"):
                with self.subTest(channel=user.channel, deadline=deadline):
                    before, before_changes = self.snapshot(*witness), self.count("ubnd.task.change", changes)
                    ok, wizard = user.try_call("ubnd.task.reassign.wizard", "create", {
                        "task_id": task, "deadline": deadline, "reason": "[security suite]",
                        "direction_reference": "Công văn số 123/UBND-TH"})
                    if ok:
                        self.assertRefused(user, "ubnd.task.reassign.wizard", "action_apply", [wizard])
                    else:
                        self.assertTrue(wizard.is_clear, wizard)
                    self.assertUnchanged(before, *witness)
                    self.assertEqual(self.count("ubnd.task.change", changes), before_changes)

    def test_meeting_in_year_0100_is_refused_clearly(self):
        """R-000-27.2d (deadlines computed from the session date): the Chief of Office schedules a meeting in
        year 0100 and in 9999: refused with a clear error (the working-day engine must not crash)."""
        domain = [("name", "=", "[security suite] year 0100")]
        for user in self.users("chanhvp.hp"):
            for start, stop in (("0100-03-01 01:00:00", "0100-03-01 03:00:00"),
                                ("9999-03-01 01:00:00", "9999-03-01 03:00:00")):
                with self.subTest(channel=user.channel, start=start):
                    self.attack_create(user, "ubnd.meeting", {
                        "name": "[security suite] year 0100", "committee_id": self.committee(),
                        "kind": "working", "start": start, "stop": stop,
                        "chair_id": self.uid("chutich.hp")}, domain)

    def test_public_date_methods_accept_iso_strings(self):
        """R-000-20.1, R-000-18.1 (working-day deadlines): the public deadline methods are called over RPC with
        ISO date strings, as a client sends them: they answer a date (or refuse clearly), never crash; a
        Friday + 1 working day is the next working day, not Saturday."""
        profile = self.admin("ubnd.committee", "read", [self.committee()], ["profile_id"])[0]["profile_id"][0]
        friday = TODAY + datetime.timedelta(days=(4 - TODAY.weekday()) % 7 or 7)
        for user in self.users("chuyenvien.stc.hp"):
            with self.subTest(channel=user.channel, method="compute_deadline"):
                ok, result = user.try_call("ubnd.regulation.profile", "compute_deadline", [profile],
                                           str(friday), "issuance_days")
                if not ok:
                    self.assertTrue(result.is_clear, result)
                else:
                    self.assertGreater(str(result), str(friday))
            with self.subTest(channel=user.channel, method="add_working_days"):
                ok, result = user.try_call("ubnd.workday", "add_working_days", str(friday), 1)
                if not ok:
                    self.assertTrue(result.is_clear, result)
                else:
                    self.assertGreaterEqual(str(result), str(friday + datetime.timedelta(days=3)))
            with self.subTest(channel=user.channel, method="add_working_days datetime"):
                ok, result = user.try_call("ubnd.workday", "add_working_days", "%s 09:00:00" % friday, 1)
                if not ok:
                    self.assertTrue(result.is_clear, result)
                else:
                    self.assertGreaterEqual(str(result)[:10], str(friday + datetime.timedelta(days=3)))

    def test_working_day_engine_counts_days_off_whatever_rpc_sends(self):
        """R-000-18.1, R-000-20.1 (deadlines in working days): the day before a national day off plus one
        working day, sent as an ISO date string, an ISO datetime string (JSON-RPC) and a native XML-RPC
        dateTime: every form skips the day off (or is refused clearly), none crashes or counts the day off
        as a working day."""
        holidays = self.admin("ubnd.holiday", "search_read",
                              [("company_id", "=", False), ("date", ">", str(TODAY))], fields=["date"], order="date")
        off = {datetime.date.fromisoformat(h["date"]) for h in holidays}
        day = next((d for d in sorted(off) if d.weekday() in (1, 2, 3, 4)
                    and d - datetime.timedelta(days=1) not in off), None)
        self.assertTrue(day, "demo data: a national day off on a Tuesday-Friday")
        start = day - datetime.timedelta(days=1)
        sent = (("json", str(start)), ("json", "%s 09:00:00" % start), ("xml", str(start)),
                ("xml", datetime.datetime.combine(start, datetime.time(9, 0))))
        for channel, value in sent:
            user = self.user("chuyenvien.stc.hp", channel=channel)
            with self.subTest(channel=channel, value=value):
                ok, result = user.try_call("ubnd.workday", "add_working_days", value, 1)
                if not ok:
                    self.assertTrue(result.is_clear, result)
                    continue
                answer = str(result)
                if answer[:8].isdigit():  # an XML-RPC dateTime: 20270902T00:00:00
                    answer = "%s-%s-%s" % (answer[:4], answer[4:6], answer[6:8])
                answer = answer[:10]
                self.assertNotEqual(answer, str(day), "%r: %s + 1 working day lands on the day off %s"
                                    % (user, value, day))
                self.assertGreater(answer, str(day))

    def test_malformed_values_get_a_clear_error(self):
        """R-000-15.2 (a dossier's data), issue §6: a specialist writes his own draft dossier with a NUL byte,
        an invalid selection, 30 February, and an integer overflow is sent to the profile: each refused with a
        clear error (never raw ValueError/psycopg2 text), nothing half-written."""
        sub = self.find("ubnd.submission", [("submitter_id.login", "=", "chuyenvien.stc.hp"), ("state", "=", "draft")])
        witness = ("ubnd.submission", [sub], ["name", "urgency", "write_date"])
        json_user = self.user("chuyenvien.stc.hp", channel="json")
        self.attack(json_user, "ubnd.submission", "write", [sub], {"name": "a\x00b"}, witness=witness)
        for user in self.users("chuyenvien.stc.hp"):
            with self.subTest(channel=user.channel):
                self.attack(user, "ubnd.submission", "write", [sub], {"urgency": "very_bogus"}, witness=witness)
                self.attack(user, "ubnd.submission", "write", [sub], {"name": "ok", "urgency": "very_bogus"},
                            witness=witness)
        domain = [("name", "=", "[security suite] bad date")]
        for user in self.users("quantri.hp"):
            with self.subTest(channel=user.channel, value="30 February"):
                self.attack_create(user, "ubnd.holiday", {"name": "[security suite] bad date", "date": "2027-02-30",
                                                          "company_id": 1}, domain)
        profile = self.admin("ubnd.committee", "read", [self.committee()], ["profile_id"])[0]["profile_id"][0]
        self.attack(self.user("quantri.hp", channel="json"), "ubnd.regulation.profile", "write", [profile],
                    {"issuance_days": 2 ** 40},
                    witness=("ubnd.regulation.profile", [profile], ["issuance_days", "write_date"]))
