from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestTrustGrants(UbndSubmissionCase):
    """Who may grant what: the attacks an ordinary user tried over RPC, each refused with nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_clerk = new_test_user(
            cls.env, login="t_office_clerk_grants", groups="ubnd_quyche.group_ubnd_office",
            company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)],
        )
        cls.Delegation = cls.env["ubnd.delegation"]
        cls.member_of(cls.member_finance).position = "Giám đốc Công an thành phố"

    @classmethod
    def member_of(cls, user):
        return cls.committee.member_ids.filtered(lambda m: m.user_id == user)

    def capacity(self, user, document_type=None, field=None, on_date=date(2026, 3, 2)):
        return self.env["ubnd.signing"].signing_capacity(
            user, self.committee, "chairman", document_type or self.doctype_decision, field, on_date)

    def grants_count(self):
        return self.Delegation.search_count([("committee_id", "=", self.committee.id)])

    def tuq_vals(self, **vals):
        return dict({
            "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
            "grantee_id": self.member_finance.id, "authorising_document": "Giấy ủy quyền 3/GUQ-UBND",
            "date_start": date(2026, 1, 1), "date_end": date(2026, 12, 31),
        }, **vals)

    def signed_letter(self, grant_holder, day=date(2026, 3, 2)):
        """A letter signed by ``grant_holder`` in a capacity a grant gives him."""
        doc = self.env["ubnd.document"].create({
            "name": "Công văn", "committee_id": self.committee.id, "document_type_id": self.doctype_letter.id,
            "authority": "chairman",
        })
        with on(day):
            doc.with_user(grant_holder).action_sign()
        return doc

    # --- A grant confers only what its grantor holds -------------------------------------------------
    def test_member_cannot_grant_the_chairmans_tl(self):
        """R-ND30-13.4, R-ND30-13.2, R-ND30-13.3: a committee member (the Police director) who makes a TL. grant
        "CHỦ TỊCH" of his own to a specialist, or a KT./TUQ. one, is refused; the specialist signs nothing."""
        before = self.grants_count()
        Delegation = self.Delegation.with_user(self.member_finance)
        for kind in ("tl", "kt", "tuq"):
            with self.assertRaises(ValidationError):
                Delegation.create(self.tuq_vals(
                    kind=kind, grantor_id=self.member_finance.id, grantee_id=self.staff.id,
                    authority_title="CHỦ TỊCH", **self.TL_PROVISION))
        with self.assertRaises(AccessError):  # nor in the Chairman's name
            Delegation.create(self.tuq_vals(kind="tl", grantee_id=self.staff.id, **self.TL_PROVISION))
        self.assertEqual(self.grants_count(), before)
        self.assertFalse(self.capacity(self.staff))
        doc = self.env["ubnd.document"].with_user(self.staff).create({
            "name": "Quyết định", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
        })
        with self.assertRaises(AccessError), on(date(2026, 3, 2)):
            doc.with_user(self.staff).action_sign()
        self.assertEqual((doc.state, doc.number, doc.reference), ("draft", 0, False))

    def test_printed_authority_follows_the_grantors_position(self):
        """R-ND30-13.3, R-ND30-13.4: the authority printed after TL./TUQ. is the grantor's post, not a typed text."""
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                        authority_title="GIÁM ĐỐC", **self.TL_PROVISION)
        self.assertEqual(tl.authority_title, "CHỦ TỊCH")
        kt = self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id)
        self.assertEqual(kt.authority_title, "CHỦ TỊCH", "a grant passed on exercises the original authority")
        proxy = self.Delegation.with_user(self.member_finance).create({
            "committee_id": self.committee.id, "kind": "session_proxy", "grantor_id": self.member_finance.id,
            "grantee_id": self.staff.id, "authority_title": "CHỦ TỊCH",
            "date_start": date(2026, 3, 2), "date_end": date(2026, 3, 2),
        })
        self.assertEqual(proxy.authority_title, "GIÁM ĐỐC CÔNG AN THÀNH PHỐ")
        with self.assertRaises(AccessError):
            proxy.with_user(self.member_finance).write({"authority_title": "CHỦ TỊCH"})
        with self.assertRaises(ValidationError):  # nor can the grantee's own title claim it
            self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                       grantee_title="CHỦ TỊCH", authorising_document="GUQ 4", date_end=date(2026, 6, 30))
        self.assertEqual(proxy.authority_title, "GIÁM ĐỐC CÔNG AN THÀNH PHỐ")

    def test_office_records_the_chairmans_grant_only_with_the_act_and_the_chairman_confirms(self):
        """R-ND30-13.3, R-000-6.3dd: an Office specialist who records a TUQ. "from the Chairman" needs the signed act
        attached, and the grant takes effect only when the Chairman confirms it; to a specialist it is refused."""
        Delegation = self.Delegation.with_user(self.office_clerk)
        before = self.grants_count()
        with self.assertRaises(ValidationError):  # to himself: he heads no unit
            Delegation.create(self.tuq_vals(grantee_id=self.office_clerk.id,
                                            attachment_ids=[(6, 0, self.signed_act(self.office_clerk).ids)]))
        with self.assertRaises(ValidationError):  # no signed act attached
            Delegation.create(self.tuq_vals())
        self.assertEqual(self.grants_count(), before)
        grant = Delegation.create(self.tuq_vals(attachment_ids=[(6, 0, self.signed_act(self.office_clerk).ids)]))
        for user in (self.office_clerk, self.chief_office, self.member_finance):
            with self.assertRaises(AccessError):
                grant.with_user(user).action_activate()
        with self.assertRaises(AccessError):
            grant.with_user(self.office_clerk).with_context(ubnd_workflow=True).write({"state": "active"})
        self.assertEqual(grant.state, "draft")
        self.assertFalse(self.capacity(self.member_finance, self.doctype_letter))
        grant.with_user(self.chairman).action_activate()
        self.assertEqual(grant.state, "active")
        self.assertEqual(self.capacity(self.member_finance, self.doctype_letter)["lines"][0], "TUQ. CHỦ TỊCH")

    def test_tuq_is_never_passed_on(self):
        """R-ND30-13.3-2, R-000-9.3c: the holder of a TUQ. cannot pass it on, through parent_id or by a fresh grant of
        his own (no parent), nor can the Office record one for him; the third person signs nothing."""
        tuq = self.grant(**self.tuq_vals(field_ids=[(6, 0, self.field_finance.ids)]))
        Delegation = self.Delegation.with_user(self.member_finance)
        before = self.grants_count()
        self.env["res.lang"]._activate_lang("vi_VN")
        with self.assertRaises(ValidationError) as caught:
            Delegation.with_context(lang="vi_VN").create(self.tuq_vals(
                grantor_id=self.member_finance.id, grantee_id=self.unit_head.id, date_start=date(2026, 2, 1),
                date_end=date(2026, 6, 30)))
        self.assertIn("TUQ", str(caught.exception))
        with self.assertRaises(ValidationError):
            Delegation.create(self.tuq_vals(kind="kt", parent_id=tuq.id, grantor_id=self.member_finance.id,
                                            grantee_id=self.unit_head.id))
        with self.assertRaises(ValidationError):
            self.Delegation.with_user(self.office_clerk).create(self.tuq_vals(
                grantor_id=self.member_finance.id, grantee_id=self.vc_urban.id,
                attachment_ids=[(6, 0, self.signed_act(self.office_clerk).ids)]))
        self.assertEqual(self.grants_count(), before)
        self.assertFalse(self.capacity(self.unit_head, self.doctype_letter, self.field_finance))

    def test_revoked_grant_never_returns_to_force(self):
        """R-000-2.5, R-000-9.3c: a revoked grant stays revoked whatever path is tried: writing its state (with or
        without a context key), activating it again, copying it, changing its dates, even in server code."""
        grant = self.grant(**self.tuq_vals())
        grant.with_user(self.chairman).action_revoke()
        attempts = [
            (AccessError, lambda: grant.with_user(self.chairman).write({"state": "active"})),
            (AccessError, lambda: grant.with_user(self.chairman).with_context(ubnd_workflow=True).write({"state": "active"})),
            (UserError, lambda: grant.with_user(self.chairman).action_activate()),
            (UserError, lambda: grant.with_user(self.chairman).copy()),
            (ValidationError, lambda: grant.with_user(self.chairman).write({"date_end": date(2026, 6, 30)})),
            (UserError, lambda: grant.sudo().write({"state": "active"})),
        ]
        for error, attempt in attempts:
            with self.assertRaises(error):
                attempt()
        self.assertEqual(grant.state, "revoked")
        self.assertFalse(self.capacity(self.member_finance, self.doctype_letter))

    def test_grant_with_a_signed_document_is_frozen_and_kept(self):
        """R-ND30-13.3, R-ND30-15.1-2: the dates of a grant a signed document rests on never change (a longer period
        is a new grant) and the grant is never deleted, not by the Office, not in server code."""
        grant = self.grant(**self.tuq_vals(date_end=date(2026, 6, 30)))
        doc = self.signed_letter(self.member_finance)
        self.assertEqual(doc.delegation_id, grant)
        for vals in ({"date_end": date(2026, 12, 31)}, {"date_end": date(2026, 3, 31)}, {"date_start": date(2025, 1, 1)},
                     {"document_type_ids": [(5,)]}):
            for user in (self.chairman, self.deputy_office):
                with self.assertRaises(ValidationError):
                    grant.with_user(user).write(vals)
        with self.assertRaises(UserError):
            grant.with_user(self.deputy_office).unlink()
        with self.assertRaises(UserError):
            grant.sudo().unlink()
        self.assertEqual((grant.date_start, grant.date_end), (date(2026, 1, 1), date(2026, 6, 30)))
        grant.with_user(self.chairman).action_revoke()  # it can still be ended, and the record stays
        self.assertEqual((doc.delegation_id, grant.state), (grant, "revoked"))

    def test_grant_in_force_is_ended_earlier_never_prolonged(self):
        """R-000-9.3c, R-000-2.5: without signed documents a grant in force may end earlier; a longer period is a new
        grant; a grant once in force is revoked, not deleted."""
        grant = self.grant(**self.tuq_vals(date_end=date(2026, 6, 30)))
        with self.assertRaises(ValidationError):
            grant.with_user(self.chairman).write({"date_end": date(2026, 9, 30)})
        with self.assertRaises(UserError):
            grant.with_user(self.deputy_office).unlink()
        grant.with_user(self.chairman).write({"date_end": date(2026, 3, 31)})
        self.assertEqual(grant.date_end, date(2026, 3, 31))

    def test_signing_checks_the_grantors_authority_on_the_day(self):
        """R-ND30-13.4, R-ND30-13.3: a grant lets its holder sign only while its grantor holds the Chairman's office;
        after his term ends neither the TL. holder nor his deputy signs under it."""
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                        grantee_title="CHÁNH VĂN PHÒNG", **self.TL_PROVISION)
        self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                   grantee_title="PHÓ CHÁNH VĂN PHÒNG")
        self.member_of(self.chairman).date_end = date(2026, 3, 31)
        for user in (self.chief_office, self.deputy_office):
            self.assertTrue(self.capacity(user, self.doctype_notice, on_date=date(2026, 3, 16)))
            self.assertFalse(self.capacity(user, self.doctype_notice, on_date=date(2026, 4, 1)))
        doc = self.env["ubnd.document"].create({
            "name": "Thông báo", "committee_id": self.committee.id, "document_type_id": self.doctype_notice.id,
            "authority": "chairman",
        })
        with self.assertRaises(AccessError), on(date(2026, 4, 1)):
            doc.with_user(self.chief_office).action_sign()
        self.assertEqual(doc.state, "draft")

    def test_tl_rests_on_a_named_article_of_the_regulation(self):
        """R-ND30-13.4-2: a TL. grant names the regulation, its article and the act issuing it; any string will not do:
        once the committee records the acts issuing its working and records-management regulations, the grant's act
        must be the one of the regulation it names."""
        base = {"kind": "tl", "grantor_id": self.chairman.id, "grantee_id": self.chief_office.id}
        bad = [
            {"authorising_document": "theo quy định"},
            dict(self.TL_PROVISION, regulation=False),
            dict(self.TL_PROVISION, regulation_article=0),
            dict(self.TL_PROVISION, regulation_article=-15),
            dict(self.TL_PROVISION, regulation_act="quy chế"),
            dict(self.TL_PROVISION, regulation_act=False),
        ]
        for vals in bad:
            with self.assertRaises(ValidationError):
                self.grant(**base, **vals)
        grant = self.grant(**base, **self.TL_PROVISION)
        self.assertEqual(grant.regulation_reference, "khoản 3 Điều 15 Quy chế làm việc (25/2025/QĐ-UBND)")
        # Once the committee records the acts issuing its regulations, only those acts will do.
        self.committee.write({"working_regulation_act": "25/2025/QĐ-UBND", "records_regulation_act": False})
        for vals in (dict(self.TL_PROVISION, regulation_act="26/2025/QĐ-UBND"),  # well-formed, not the committee's
                     dict(self.TL_PROVISION, regulation="records")):  # no records regulation recorded
            with self.assertRaises(ValidationError):
                self.grant(**base, **vals)
        self.assertEqual(self.grant(**base, **dict(self.TL_PROVISION, regulation_act=" 25/2025/qđ-ubnd ")).state,
                         "active")

    def test_grant_dates_within_sane_bounds(self):
        """R-ND30-13.3, R-000-6.3dd: a TUQ. from 1900 to 9999 is refused; dates lie in 1900–2200 and a TUQ. lasts at
        most the profile's months; a longer TUQ. is accepted only where the profile allows it."""
        before = self.grants_count()
        for start, end in ((date(1900, 1, 1), date(9999, 12, 31)), (date(1899, 12, 31), date(1900, 1, 2)),
                           (date(2026, 1, 1), date(2027, 1, 1)), (date(2026, 1, 1), date(2200, 12, 31))):
            with self.assertRaises(ValidationError):
                self.Delegation.with_user(self.chairman).create(self.tuq_vals(date_start=start, date_end=end))
        self.assertEqual(self.grants_count(), before)
        self.profile.tuq_max_months = 24
        grant = self.Delegation.with_user(self.chairman).create(self.tuq_vals(date_end=date(2027, 6, 30)))
        self.assertEqual(grant.date_end, date(2027, 6, 30))

    def test_parties_work_for_the_committee(self):
        """A grant's grantor and grantee are people of its committee, never someone of another committee."""
        other_company = self.env["res.company"].create({"name": "UBND tỉnh Khác"})
        outsider = new_test_user(self.env, login="t_outsider_grants", groups="ubnd_quyche.group_ubnd_staff",
                                 company_id=other_company.id, company_ids=[(6, 0, other_company.ids)])
        with self.assertRaises(ValidationError):
            self.Delegation.with_user(self.chairman).create(self.tuq_vals(grantee_id=outsider.id))

    def test_grant_made_while_the_dossier_waits_lets_the_substitute_act_at_once(self):
        """R-000-6.3h, R-001-15.2-2: a grant put in force after a dossier reached the absent Chairman lets the acting
        Vice-Chairman decide at once (not after the nightly cron); revoking it takes that away at once."""
        sub = self.complete(self.new_submission(addressee="chairman", field_id=self.field_justice.id))
        self.submit(sub, date(2026, 3, 2))
        with on(date(2026, 3, 3)):
            self.forward(sub, date(2026, 3, 3))
            self.initial_and_check(sub)
        pending = sub.review_ids.filtered(lambda r: r.status in ("waiting", "pending") and self.chairman in r.reviewer_ids)
        self.assertNotIn(self.vc_economy, pending.reviewer_ids)
        with on(date(2026, 3, 4)):
            grant = self.Delegation.with_user(self.chairman).create({
                "committee_id": self.committee.id, "kind": "acting_chair", "grantor_id": self.chairman.id,
                "grantee_id": self.vc_economy.id, "date_start": date(2026, 3, 4), "date_end": date(2026, 3, 6),
            })
            grant.with_user(self.chairman).action_activate()
            self.assertIn(self.vc_economy, pending.reviewer_ids)
            grant.with_user(self.chairman).action_revoke()
            self.assertNotIn(self.vc_economy, pending.reviewer_ids)
            with self.assertRaises(AccessError):
                sub.with_user(self.vc_economy).action_approve()
        self.assertEqual(sub.state, "to_leader")

    def test_signing_capacity_entry_point_refuses_bad_input(self):
        """Bad input to the RPC entry point gets a clear error, never a raw ValueError or a capacity."""
        Signing = self.env["ubnd.signing"].with_user(self.vc_economy)
        for args in ((self.committee.id, "committee", False, False, "2026-02-30"),
                     (self.committee.id, "everyone"),
                     (999999999, "committee"),
                     ("x", "committee")):
            with self.assertRaises(UserError):
                Signing.get_my_signing_capacity(*args)

    def test_demo_grants_tell_a_lawful_story(self):
        """R-ND30-13.4-2, R-001-15.3: the demo's grants are in force, come from the Chairman and print his title;
        each TL. names its regulation article (a TL. and the deputy's KT. under it are put in force together)."""
        grants = self.Delegation.browse()
        for xmlid in ("delegation_hp_acting_chair", "delegation_hp_tl_office", "delegation_hp_kt_deputy_office",
                      "delegation_hp_tuq_justice", "delegation_ta_tl_office"):
            grants |= self.env.ref("ubnd_quyche.%s" % xmlid, raise_if_not_found=False) or self.Delegation
        if not grants:
            self.skipTest("installed without demo data")
        self.assertEqual(set(grants.mapped("state")), {"active"})
        self.assertEqual(set(grants.mapped("authority_title")), {"CHỦ TỊCH"})
        for grant in grants.filtered(lambda g: g.kind == "tl"):
            self.assertRegex(grant.regulation_reference, r"Điều \d+")
