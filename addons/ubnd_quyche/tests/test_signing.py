from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestSigningCapacity(UbndCommonCase):
    """"May user U sign document D, and in which capacity?" and the signature block."""

    def capacity(self, user, authority="committee", document_type=None, field=None, on_date=date(2026, 3, 2), area=None):
        return self.env["ubnd.signing"].signing_capacity(
            user, self.committee, authority, document_type, field, on_date, area,
        )

    def test_chairman_signs_for_the_collective_and_in_his_own_name(self):
        """R-001-15.1a, R-001-15.1b, R-ND30-13.2, R-003-p9: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH for the committee's
        documents; CHỦ TỊCH alone for his own."""
        cap = self.capacity(self.chairman, "committee", self.doctype_decision)
        self.assertEqual(cap["code"], "tm")
        self.assertEqual(cap["lines"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
        cap = self.capacity(self.chairman, "chairman", self.doctype_decision)
        self.assertEqual(cap["lines"], ["CHỦ TỊCH"])

    def test_vice_chairman_signs_kt_within_his_field_only(self):
        """R-000-7.2e, R-000-6.3e, R-001-15.2, R-ND30-13.2: a Vice-Chairman signs KT. CHỦ TỊCH in his field, not outside it."""
        cap = self.capacity(self.vc_economy, "committee", self.doctype_decision, self.field_finance)
        self.assertEqual(cap["code"], "kt")
        self.assertEqual(cap["lines"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        cap = self.capacity(self.vc_economy, "chairman", self.doctype_decision, self.field_finance)
        self.assertEqual(cap["lines"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        self.assertFalse(self.capacity(self.vc_economy, "committee", self.doctype_decision, self.field_construction))
        self.assertFalse(self.capacity(self.vc_economy, "committee", self.doctype_decision, None))

    def test_vice_chairman_signs_for_his_area(self):
        """R-003-p10: a Vice-Chairman assigned by territory signs for the commune in his charge."""
        self.assertEqual(self.capacity(self.vc_urban, area=self.commune, field=self.field_economy)["code"], "kt")
        self.assertFalse(self.capacity(self.vc_economy, area=self.commune, field=self.field_construction))

    def test_acting_vice_chairman_signs_any_document_while_the_chairman_is_away(self):
        """R-001-15.2-2, R-000-6.3h: during the Chairman's absence the designated Vice-Chairman signs KT.
        any document of the Chairman's competence, and only during it."""
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2026, 3, 2), date_end=date(2026, 3, 6))
        cap = self.capacity(self.vc_economy, "chairman", self.doctype_decision, self.field_construction, date(2026, 3, 4))
        self.assertEqual(cap["code"], "kt")
        self.assertTrue(cap["grant_id"])
        self.assertFalse(self.capacity(self.vc_economy, "chairman", self.doctype_decision, self.field_construction, date(2026, 3, 9)))
        self.assertFalse(self.capacity(self.vc_urban, "chairman", self.doctype_decision, self.field_economy, date(2026, 3, 4)))

    def test_chief_of_office_signs_tl_and_his_deputy_tl_kt(self):
        """R-001-15.3, R-ND30-13.4: the Chief of Office signs TL. CHỦ TỊCH the conclusion notices; his deputy
        signs TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG under that grant; neither signs a decision."""
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                        grantee_title="CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)],
                        **self.TL_PROVISION)
        self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                   grantee_title="PHÓ CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)])
        cap = self.capacity(self.chief_office, "chairman", self.doctype_notice)
        self.assertEqual((cap["code"], cap["lines"]), ("tl", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]))
        cap = self.capacity(self.deputy_office, "chairman", self.doctype_notice)
        self.assertEqual((cap["code"], cap["lines"]), ("tl_kt", ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]))
        self.assertFalse(self.capacity(self.chief_office, "chairman", self.doctype_decision))
        self.assertFalse(self.capacity(self.deputy_office, "chairman", self.doctype_decision))
        # Revoking the TL. grant takes the deputy's signature with it.
        tl.action_revoke()
        self.assertFalse(self.capacity(self.deputy_office, "chairman", self.doctype_notice))

    def test_tuq_signs_within_dates_and_scope_with_the_committee_seal(self):
        """R-ND30-13.3, R-ND30-13.3-3, R-000-6.3dd: a TUQ. holder signs TUQ. CHỦ TỊCH only within the grant's
        dates and scope, and the document bears the committee's form and seal."""
        self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                   grantee_title="GIÁM ĐỐC SỞ TÀI CHÍNH", authorising_document="Giấy ủy quyền 7/GUQ-UBND",
                   field_ids=[(6, 0, self.field_finance.ids)], document_type_ids=[(6, 0, self.doctype_letter.ids)],
                   date_start=date(2026, 3, 1), date_end=date(2026, 3, 31))
        cap = self.capacity(self.member_finance, "chairman", self.doctype_letter, self.field_finance, date(2026, 3, 15))
        self.assertEqual((cap["code"], cap["lines"]), ("tuq", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ TÀI CHÍNH"]))
        self.assertEqual(cap["issuer_id"], self.committee.id)
        self.assertFalse(self.capacity(self.member_finance, "chairman", self.doctype_letter, self.field_finance, date(2026, 4, 1)))
        self.assertFalse(self.capacity(self.member_finance, "chairman", self.doctype_letter, self.field_economy, date(2026, 3, 15)))
        self.assertFalse(self.capacity(self.member_finance, "chairman", self.doctype_decision, self.field_finance, date(2026, 3, 15)))

    def test_draft_or_expired_grant_grants_nothing(self):
        """A grant not yet in force, or past its end, gives no capacity."""
        draft = self.env["ubnd.delegation"].create({
            "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
            "grantee_id": self.member_finance.id, "authorising_document": "GUQ 11",
            "date_start": date(2026, 1, 1), "date_end": date(2026, 12, 31),
        })
        self.assertFalse(self.capacity(self.member_finance, "chairman", self.doctype_letter))
        draft.action_activate()
        self.assertTrue(self.capacity(self.member_finance, "chairman", self.doctype_letter))
        self.assertFalse(self.capacity(self.member_finance, "chairman", self.doctype_letter, on_date=date(2027, 1, 4)))

    def test_refusal_through_rpc_whatever_the_caller_sends(self):
        """R-000-15.3: only the competent person signs; the check raises for anyone else, and the RPC entry
        point answers for the calling user only."""
        Signing = self.env["ubnd.signing"]
        with self.assertRaises(AccessError):
            Signing.check_signing_capacity(self.staff, self.committee, "committee", self.doctype_decision, self.field_finance)
        self.assertFalse(Signing.with_user(self.staff).get_my_signing_capacity(
            self.committee.id, "committee", self.doctype_decision.id, self.field_finance.id, "2026-03-02"))
        cap = Signing.with_user(self.vc_economy).get_my_signing_capacity(
            self.committee.id, "committee", self.doctype_decision.id, self.field_finance.id, "2026-03-02")
        self.assertEqual(cap["signer_id"], self.vc_economy.id)
