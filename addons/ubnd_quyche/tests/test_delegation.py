from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestDelegation(UbndCommonCase):
    """The register of delegations and its rules."""

    def test_grant_ending_before_it_starts_refused(self):
        """A grant ending before it starts is refused with a Vietnamese message."""
        self.env["res.lang"]._activate_lang("vi_VN")
        with self.assertRaises(ValidationError) as caught:
            self.env["ubnd.delegation"].with_context(lang="vi_VN").create({
                "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
                "grantee_id": self.member_finance.id, "authorising_document": "GUQ 1",
                "date_start": date(2026, 5, 10), "date_end": date(2026, 5, 1),
            })
        self.assertIn("không thể kết thúc trước", str(caught.exception))

    def test_grant_to_oneself_refused(self):
        """Nobody delegates to himself."""
        with self.assertRaises(ValidationError):
            self.grant(kind="kt", grantor_id=self.vc_economy.id, grantee_id=self.vc_economy.id)

    def test_tuq_must_be_written_and_time_bounded(self):
        """R-ND30-13.3, R-000-6.3dd: a TUQ. grant is in writing and limited in time and content."""
        with self.assertRaises(ValidationError):
            self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                       authorising_document="GUQ 2")  # no end date
        with self.assertRaises(ValidationError):
            self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                       date_end=date(2026, 12, 31))  # no written act
        grant = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                           authorising_document="Giấy ủy quyền 2/GUQ-UBND", date_end=date(2026, 12, 31))
        self.assertEqual(grant.state, "active")

    def test_tuq_cannot_be_redelegated(self):
        """R-ND30-13.3-2, R-000-9.3c: the holder of a TUQ. grant cannot pass it on, not even as KT. to a deputy."""
        tuq = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                         authorising_document="GUQ 3", date_end=date(2026, 12, 31))
        self.env["res.lang"]._activate_lang("vi_VN")
        with self.assertRaises(ValidationError) as caught:
            self.env["ubnd.delegation"].with_context(lang="vi_VN").create({
                "committee_id": self.committee.id, "kind": "kt", "parent_id": tuq.id,
                "grantor_id": self.member_finance.id, "grantee_id": self.unit_head.id,
                "date_start": date(2026, 2, 1), "date_end": date(2026, 6, 30),
            })
        self.assertIn("TUQ", str(caught.exception))
        self.assertIn("ủy quyền lại", str(caught.exception))

    def test_tl_may_pass_to_deputy_as_kt_only(self):
        """R-ND30-13.4, R-ND30-13.4-2: a TL. grant rests on the regulation; its holder lets his deputy sign KT., nothing else."""
        with self.assertRaises(ValidationError):
            self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id)  # not written
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                        document_type_ids=[(6, 0, self.doctype_notice.ids)], **self.TL_PROVISION)
        kt = self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                        document_type_ids=[(6, 0, self.doctype_notice.ids)])
        self.assertEqual(kt.state, "active")
        with self.assertRaises(ValidationError):  # a TL. passed on as TL. again
            self.grant(kind="tl", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                       authorising_document="x")
        with self.assertRaises(ValidationError):  # only the holder passes it on
            self.grant(kind="kt", parent_id=tl.id, grantor_id=self.vc_economy.id, grantee_id=self.deputy_office.id)
        with self.assertRaises(ValidationError):  # wider scope than the original
            self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.staff.id,
                       document_type_ids=[(6, 0, self.doctype_decision.ids)])
        with self.assertRaises(ValidationError):  # a KT. of a KT. grant
            self.grant(kind="kt", parent_id=kt.id, grantor_id=self.deputy_office.id, grantee_id=self.staff.id)

    def test_only_one_acting_chair_at_a_time(self):
        """R-000-6.3h, R-001-4.3k: the Chairman designates exactly one Vice-Chairman to run the committee in his absence."""
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2026, 6, 1), date_end=date(2026, 6, 10))
        with self.assertRaises(ValidationError):
            self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_urban.id,
                       date_start=date(2026, 6, 8), date_end=date(2026, 6, 12))
        # After the first absence ends, another Vice-Chairman may be designated.
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_urban.id,
                   date_start=date(2026, 6, 11), date_end=date(2026, 6, 12))
        with self.assertRaises(ValidationError):  # a member who is not a Vice-Chairman
            self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                       date_start=date(2026, 7, 1), date_end=date(2026, 7, 2))
        with self.assertRaises(ValidationError):  # only the Chairman designates
            self.grant(kind="acting_chair", grantor_id=self.vc_urban.id, grantee_id=self.vc_economy.id,
                       date_start=date(2026, 8, 1), date_end=date(2026, 8, 2))

    def test_unit_head_absence_one_deputy_for_a_period(self):
        """R-000-9.3a, R-001-33.1: an absent head hands over to exactly one deputy, for the period of absence."""
        self.department.manager_id = self.env["hr.employee"].create({
            "name": "TP", "user_id": self.unit_head.id, "department_id": self.department.id, "company_id": self.company.id})
        with self.assertRaises(ValidationError):
            self.grant(kind="unit_deputy", grantor_id=self.unit_head.id, grantee_id=self.staff.id)  # no end
        self.grant(kind="unit_deputy", grantor_id=self.unit_head.id, grantee_id=self.staff.id,
                   date_start=date(2026, 3, 2), date_end=date(2026, 3, 6))
        with self.assertRaises(ValidationError):
            self.grant(kind="unit_deputy", grantor_id=self.unit_head.id, grantee_id=self.deputy_office.id,
                       date_start=date(2026, 3, 5), date_end=date(2026, 3, 9))

    def test_kt_only_to_a_vice_chairman(self):
        """R-000-7.2e, R-ND30-13.2: KT. the Chairman is signed by a deputy, i.e. a Vice-Chairman."""
        with self.assertRaises(ValidationError):
            self.grant(kind="kt", grantor_id=self.chairman.id, grantee_id=self.member_finance.id)

    def test_grant_in_force_is_monitored_and_revocable(self):
        """R-000-2.5, R-003-p6: delegations are monitored and adjusted: a grant in force cannot be silently
        rewritten, revoking it is tracked and revokes what was passed on from it."""
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id, **self.TL_PROVISION)
        kt = self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id)
        with self.assertRaises(ValidationError):
            tl.grantee_id = self.deputy_office
        tl.date_end = date(2026, 12, 31)  # the term may be adjusted (000 Đ9.3.c: change of term)
        tl.action_revoke()
        self.env.cr.precommit.run()  # tracking values are written at commit time
        self.assertEqual((tl.state, kt.state), ("revoked", "revoked"))
        tracked = tl.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertTrue(tracked, "the revocation is tracked in the chatter")

    def test_only_the_grantor_or_the_office_records_a_grant(self):
        """A Vice-Chairman may delegate his own authority, never another leader's; the Office records any grant."""
        Delegation = self.env["ubnd.delegation"]
        with self.assertRaises(AccessError):
            Delegation.with_user(self.vc_economy).create({
                "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
                "grantee_id": self.vc_economy.id, "authorising_document": "x",
                "date_start": date(2026, 1, 1), "date_end": date(2026, 2, 1),
            })
        with self.assertRaises(AccessError):
            Delegation.with_user(self.staff).create({
                "committee_id": self.committee.id, "kind": "unit_deputy", "grantor_id": self.staff.id,
                "grantee_id": self.unit_head.id, "date_start": date(2026, 1, 1), "date_end": date(2026, 2, 1),
            })
        grant = Delegation.with_user(self.deputy_office).create({
            "committee_id": self.committee.id, "kind": "tuq", "grantor_id": self.chairman.id,
            "grantee_id": self.member_finance.id, "authorising_document": "GUQ 9",
            "date_start": date(2026, 1, 1), "date_end": date(2026, 2, 1),
            "attachment_ids": [(6, 0, self.signed_act(self.deputy_office).ids)],
        })
        with self.assertRaises(AccessError):
            grant.with_user(self.vc_urban).action_activate()
        grant.with_user(self.chairman).action_activate()
        self.assertEqual(grant.state, "active")
