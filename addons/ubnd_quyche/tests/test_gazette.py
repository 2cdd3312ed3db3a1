from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndCommonCase
from .test_citizen_notice import on


@tagged("post_install", "-at_install")
class TestGazette(UbndCommonCase):
    """Legal normative documents are published on the website and sent to the e-gazette (001 Đ16.2)."""

    def issued(self, **vals):
        doc = self.env["ubnd.document"].create(dict({
            "name": "Quy định quản lý trật tự đô thị", "committee_id": self.committee.id,
            "document_type_id": self.doctype_decision.id, "is_legal_normative": True}, **vals))
        with on(date(2026, 3, 2)):
            doc.with_user(self.chairman).action_sign()
            doc.with_user(self.deputy_office).action_issue()
        return doc

    def test_legal_document_published_and_sent_to_the_gazette_except_secrets(self):
        """R-001-16.2, R-000-20.3, R-000-52.1: an issued legal normative document is listed both to publish on the
        website and to send to the provincial e-gazette until the Office records each step (when, the receipt,
        in the chatter); a state-secret one is neither published nor sent; a document that is not legal normative
        is not sent; nobody marks a document as sent by writing it."""
        legal = self.issued()
        self.assertEqual((legal.publication_state, legal.gazette_state), ("to_publish", "to_send"))
        self.assertIn(legal, legal.search([("gazette_state", "=", "to_send")]))
        with self.assertRaises(AccessError):
            legal.with_user(self.staff).action_send_to_gazette()
        legal.with_user(self.deputy_office).action_send_to_gazette("CB-2026-0415")
        self.assertEqual((legal.gazette_state, legal.gazette_reference), ("sent", "CB-2026-0415"))
        self.assertTrue(legal.gazette_sent_at)
        self.assertIn("CB-2026-0415", legal.message_ids[:1].body)
        with self.assertRaises(UserError):
            legal.with_user(self.deputy_office).action_send_to_gazette()
        legal.with_user(self.deputy_office).action_publish()
        self.assertEqual(legal.publication_state, "published")

        secret = self.issued(confidentiality="mat")
        self.assertEqual((secret.publication_state, secret.gazette_state), ("not_required", "not_required"))
        with self.assertRaises(UserError):
            secret.with_user(self.deputy_office).action_send_to_gazette()
        self.assertFalse(secret.gazette_sent_at)

        letter = self.issued(is_legal_normative=False)
        self.assertEqual(letter.gazette_state, "not_required")
        with self.assertRaises(UserError):
            letter.with_user(self.deputy_office).action_send_to_gazette()

        draft = self.env["ubnd.document"].create({
            "name": "Dự thảo", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "is_legal_normative": True})
        with self.assertRaises(AccessError):
            draft.with_user(self.deputy_office).write({"gazette_sent_at": "2026-03-02 08:00:00"})
        self.assertEqual(draft.gazette_state, "not_required")
