from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndAffairsCase


@tagged("post_install", "-at_install")
class TestDecentralisation(UbndAffairsCase):
    """000 Đ6.3.d–đ, Đ2.5: the record of what the committee or its Chairman decentralised or authorised."""

    def new_record(self, user=None, **vals):
        vals.setdefault("name", "Cấp giấy phép xây dựng công trình cấp III, IV")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("recipient_unit_id", self.commune.id)
        vals.setdefault("scope", "<p>Cấp, điều chỉnh, gia hạn giấy phép xây dựng.</p>")
        vals.setdefault("legal_basis", "Luật Xây dựng")
        vals.setdefault("date_start", "2026-01-05")
        vals.setdefault("act_reference", "25/2026/QĐ-UBND")
        vals.setdefault("next_review_date", "2026-07-05")
        record = self.Record.with_user(user or self.deputy_office).create(vals)
        if "attachment_ids" not in vals:
            record.with_user(user or self.deputy_office).attachment_ids = self.signed_act(user or self.deputy_office)
        return record

    def test_decentralisation_is_continuous_and_rests_on_an_act(self):
        """R-000-6.3d: the Chairman decentralises to a department or a commune for continuous, regular performance
        (no end date needed), on the law that gives the task; it takes effect only with its act, and what the act
        decided is then fixed (an adjustment is a new act)."""
        record = self.new_record(kind="decentralisation", grantor="chairman")
        self.assertFalse(record.date_end)
        bare = self.Record.with_user(self.deputy_office).create({
            "name": "Không có văn bản", "committee_id": self.committee.id, "recipient_unit_id": self.commune.id,
            "scope": "<p>...</p>", "legal_basis": "Luật", "next_review_date": "2026-07-05"})
        with self.assertRaises(UserError):
            bare.with_user(self.deputy_office).action_activate()
        record.with_user(self.deputy_office).action_activate()
        self.assertEqual(record.state, "active")
        for vals in ({"scope": "<p>Rộng hơn</p>"}, {"recipient_unit_id": self.department.id}, {"date_end": "2026-12-31"}):
            with self.assertRaises(UserError):
                record.with_user(self.deputy_office).write(vals)
        with self.assertRaises(UserError):
            record.with_user(self.deputy_office).unlink()

    def test_authorisation_covers_a_defined_period(self):
        """R-000-6.3dd: the Chairman's authorisation (ủy quyền) to a department head or a commune chair covers a
        defined period (both dates), names the head, and comes from the Chairman; it lapses at its end: in force
        on 30/06/2026, ended on 01/07/2026."""
        with self.assertRaises(ValidationError):
            self.new_record(kind="authorisation", recipient_user_id=self.commune_chair.id)  # no end
        with self.assertRaises(ValidationError):
            self.new_record(kind="authorisation", date_end="2026-06-30")  # no head named
        with self.assertRaises(ValidationError):
            self.new_record(kind="authorisation", grantor="committee", recipient_user_id=self.commune_chair.id,
                            date_end="2026-06-30")
        with self.assertRaises(ValidationError):
            self.new_record(kind="authorisation", recipient_user_id=self.commune_chair.id, date_end="2026-01-01")
        record = self.new_record(kind="authorisation", recipient_user_id=self.commune_chair.id, date_end="2026-06-30",
                                 next_review_date="2026-09-01")
        record.with_user(self.deputy_office).action_activate()
        with freeze_time("2026-06-30 03:00:00"):
            self.Record._cron_monitor()
        self.assertEqual(record.state, "active")
        with freeze_time("2026-07-01 03:00:00"):
            self.Record._cron_monitor()
        self.assertEqual((record.state, record.ended_date), ("ended", date(2026, 7, 1)))

    def test_monitoring_reviews_and_expiry_warning(self):
        """R-000-2.5: decentralisation and authorisation are monitored, assessed and promptly adjusted: a review
        falls due on its date (05/07/2026) and is flagged to the Office; an ineffective one must adjust or revoke,
        and revoking ends the record; an authorisation ending 20/07/2026 warns the Office the profile's 15 days
        before (05/07), not earlier."""
        self.assertEqual(self.profile.decentralisation_expiry_notice_days, 15)
        record = self.new_record()
        record.with_user(self.deputy_office).action_activate()
        with freeze_time("2026-07-04 03:00:00"):
            self.Record._cron_monitor()
            self.assertFalse(record.review_due)
        with freeze_time("2026-07-05 03:00:00"):
            self.Record._cron_monitor()
            self.assertTrue(record.review_due)
            self.assertIn(self.chief_office, record.activity_ids.user_id)
        Review = self.env["ubnd.decentralisation.review"].with_user(self.deputy_office)
        with self.assertRaises(ValidationError):
            Review.create({"decentralisation_id": record.id, "date": "2026-07-06", "assessment": "ineffective",
                           "findings": "Chậm cấp phép", "decision": "keep", "next_review_date": "2027-01-05"})
        with self.assertRaises(ValidationError):
            Review.create({"decentralisation_id": record.id, "date": "2026-07-06", "assessment": "effective",
                           "findings": "Tốt", "decision": "keep"})  # no next review
        review = Review.create({"decentralisation_id": record.id, "date": "2026-07-06", "assessment": "effective",
                                "findings": "Đúng hạn", "decision": "keep", "next_review_date": "2027-01-05"})
        self.assertEqual((record.review_due, record.next_review_date, record.last_review_date, review.reviewer_id),
                         (False, date(2027, 1, 5), date(2026, 7, 6), self.deputy_office))
        with self.assertRaises(AccessError):
            review.with_user(self.deputy_office).write({"findings": "Sửa lại"})
        Review.create({"decentralisation_id": record.id, "date": "2026-08-01", "assessment": "ineffective",
                       "findings": "Nhiều hồ sơ quá hạn", "decision": "revoke"})
        self.assertEqual(record.state, "ended")

        authorisation = self.new_record(kind="authorisation", recipient_user_id=self.unit_head.id,
                                        recipient_unit_id=self.department.id, date_end="2026-07-20",
                                        next_review_date="2026-12-01")
        authorisation.with_user(self.deputy_office).action_activate()
        with freeze_time("2026-07-04 03:00:00"):
            self.Record._cron_monitor()
        self.assertFalse(authorisation.expiry_warned)
        with freeze_time("2026-07-05 03:00:00"):
            self.Record._cron_monitor()
        self.assertTrue(authorisation.expiry_warned)
        self.assertIn(self.chief_office, authorisation.activity_ids.user_id)

    def test_signing_grant_is_linked_not_duplicated(self):
        """R-000-6.3dd: when the authorised head also signs TUQ., the grant of ubnd_quyche's register is linked: it
        must be the Chairman's TUQ. to the same head, within the authorisation's period."""
        record = self.new_record(kind="authorisation", recipient_user_id=self.unit_head.id,
                                 recipient_unit_id=self.department.id, date_end="2026-06-30")
        grant = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.unit_head.id,
                           authorising_document="12/GUQ-UBND", date_start=date(2026, 1, 5), date_end=date(2026, 6, 30))
        record.with_user(self.deputy_office).delegation_id = grant
        longer = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.unit_head.id,
                            authorising_document="13/GUQ-UBND", date_start=date(2026, 1, 5), date_end=date(2026, 9, 30))
        with self.assertRaises(ValidationError):
            record.with_user(self.deputy_office).delegation_id = longer
        other = self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                           authorising_document="14/GUQ-UBND", date_start=date(2026, 1, 5), date_end=date(2026, 6, 30))
        with self.assertRaises(ValidationError):
            record.with_user(self.deputy_office).delegation_id = other

    def test_attack_who_keeps_the_record(self):
        """R-000-6.3d (trust): only the Office (or the Chairman) records decentralisations; the state and monitoring
        marks are never sent by a client; the recipient reads his own, another unit nothing."""
        with self.assertRaises(AccessError):
            self.new_record(user=self.unit_head)
        with self.assertRaises(AccessError):
            self.new_record(state="active")
        record = self.new_record()
        for vals in ({"state": "active"}, {"review_due": False}, {"ended_date": "2026-01-01"}):
            with self.assertRaises(AccessError):
                record.with_user(self.deputy_office).with_context(ubnd_workflow=True).write(vals)
        with self.assertRaises(AccessError):
            record.with_user(self.commune_chair).action_activate()
        self.assertEqual(self.Record.with_user(self.commune_chair).search([("id", "=", record.id)]), record)
        self.assertFalse(self.Record.with_user(self.staff).search([("id", "=", record.id)]))
