from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndCommonCase


def on(day):
    """Freeze "today" for the Odoo date helpers used by the workflow."""
    return patch.object(fields.Date, "context_today", lambda *a, **k: day)


@tagged("post_install", "-at_install")
class TestCitizenNotice(UbndCommonCase):
    """Documents bearing directly on citizens' rights and obligations are notified to them (000 Đ20.2, Đ51.2.c)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.household_a = Partner.create({"name": "Hộ ông Nguyễn Văn A"})
        cls.household_b = Partner.create({"name": "Hộ bà Trần Thị B"})
        cls.Notice = cls.env["ubnd.document.citizen.notice"]

    def issued(self, day, **vals):
        doc = self.env["ubnd.document"].create(dict({
            "name": "Quyết định thu hồi đất", "committee_id": self.committee.id,
            "document_type_id": self.doctype_decision.id, "concerns_citizens": True,
            "citizen_partner_ids": [(6, 0, (self.household_a | self.household_b).ids)],
        }, **vals))
        with on(day):
            doc.with_user(self.chairman).action_sign()
            doc.with_user(self.deputy_office).action_issue()
        return doc

    def notify(self, doc, day, partners, means="handed", user=None):
        with on(day):
            return self.Notice.with_user(user or self.deputy_office).create({
                "document_id": doc.id, "date": day, "means": means, "partner_ids": [(6, 0, partners.ids)]})

    def test_issued_document_is_notified_to_each_citizen_concerned(self):
        """R-000-20.2: an issued document on citizens' rights is to be notified to each citizen and body it lists,
        within the profile's period (2 working days after issuance by default: the regulation sets none); the
        Office is reminded by an activity, records each notification (date, means, by whom) in the chatter, and
        the document is late while someone is not notified after the deadline."""
        doc = self.issued(date(2026, 3, 6))  # a Friday: 2 working days → Tuesday 10/3
        self.assertEqual(doc.citizen_notice_state, "to_notify")
        self.assertEqual(doc.citizen_notice_deadline, date(2026, 3, 10))
        reminder = doc.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("ubnd_quyche.mail_activity_citizen_notice"))
        self.assertEqual((reminder.date_deadline, reminder.user_id), (date(2026, 3, 10), self.deputy_office))

        notice = self.notify(doc, date(2026, 3, 9), self.household_a)
        self.assertEqual(notice.user_id, self.deputy_office)
        self.assertEqual(doc.citizen_notice_state, "to_notify")
        self.assertEqual(doc.citizen_partner_pending_ids, self.household_b)
        self.assertIn("Hộ ông Nguyễn Văn A", doc.message_ids[:1].body)
        with on(date(2026, 3, 10)):
            self.assertFalse(doc.citizen_notice_late)
        with on(date(2026, 3, 11)):
            doc.invalidate_recordset(["citizen_notice_late"])
            self.assertTrue(doc.citizen_notice_late)
            self.assertIn(doc, doc.search([("citizen_notice_late", "=", True)]))

        self.notify(doc, date(2026, 3, 11), self.household_b, means="post")
        self.assertEqual((doc.citizen_notice_state, doc.citizen_notice_done_date), ("notified", date(2026, 3, 11)))
        self.assertTrue(doc.citizen_notice_late, "notified one day after the deadline")
        self.assertFalse(doc.activity_ids.filtered(lambda a: a.activity_type_id == reminder.activity_type_id))

        on_time = self.issued(date(2026, 3, 6))
        self.notify(on_time, date(2026, 3, 10), self.household_a | self.household_b)
        self.assertEqual(on_time.citizen_notice_state, "notified")
        self.assertFalse(on_time.citizen_notice_late)

    def test_only_the_office_records_a_notification_of_an_issued_public_document(self):
        """R-000-20.2: the notification is recorded by the Office, for an issued document marked as bearing on
        citizens' rights, never for a state secret; a record is never altered or deleted, and a notice names
        whom it reached unless it is public (posted, mass media)."""
        doc = self.issued(date(2026, 3, 6))
        with self.assertRaises(AccessError):
            self.notify(doc, date(2026, 3, 9), self.household_a, user=self.staff)
        with self.assertRaises(UserError):
            self.notify(doc, date(2026, 3, 9), self.env["res.partner"])  # handed over to nobody
        secret = self.issued(date(2026, 3, 6), confidentiality="mat")
        self.assertEqual(secret.citizen_notice_state, "not_required")
        with self.assertRaises(UserError):
            self.notify(secret, date(2026, 3, 9), self.household_a)
        draft = self.env["ubnd.document"].create({
            "name": "Dự thảo", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "concerns_citizens": True})
        with self.assertRaises(UserError):
            self.notify(draft, date(2026, 3, 9), self.household_a)
        notice = self.notify(doc, date(2026, 3, 9), self.household_a)
        with self.assertRaises(AccessError):
            notice.with_user(self.deputy_office).write({"date": date(2026, 3, 6)})
        with self.assertRaises(AccessError):
            notice.with_user(self.deputy_office).unlink()
        with self.assertRaises(AccessError):
            doc.with_user(self.deputy_office).write({"citizen_notice_deadline": date(2026, 12, 31)})
        public = self.issued(date(2026, 3, 6), citizen_partner_ids=[(5, 0, 0)])
        self.notify(public, date(2026, 3, 9), self.env["res.partner"], means="posted")
        self.assertEqual(public.citizen_notice_state, "notified")
