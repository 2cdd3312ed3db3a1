import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools import test_pki
from .common import SignatureCase


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestCertificates(SignatureCase):

    def test_certificate_read_from_file(self):
        """Issue #10 "certificates bound to people" (ND30 Đ5.1: signed by the competent person): subject, serial,
        issuer and validity of a signer's certificate are read from the file, not typed."""
        cert = self.vc_certificate
        self.assertEqual(cert.subject_common_name, "Pho Chu tich Kinh te")
        self.assertEqual(cert.serial_number, str(self.vc_cert.serial_number))
        self.assertIn("CN=Test Government CA", cert.ubnd_issuer)
        self.assertIn("CN=Pho Chu tich Kinh te", cert.ubnd_subject)
        self.assertEqual(cert.date_end, self.vc_cert.not_valid_after_utc.replace(tzinfo=None))
        self.assertIn(cert, self.vc_economy.sudo().ubnd_certificate_ids)

    def test_certificate_counts_only_chained_valid_and_bound(self):
        """Issue #10: a certificate counts only if it chains to a trust anchor, is within validity and is bound to
        that user (ND30 Đ5.1)."""
        self.vc_certificate._ubnd_check_usable_by(self.vc_economy)
        with self.assertRaises(UserError):
            self.vc_certificate._ubnd_check_usable_by(self.chairman)
        with self.assertRaisesRegex(UserError, "trust anchor|chứng thư gốc"):
            self.rogue_certificate._ubnd_check_usable_by(self.vc_economy)
        with self.assertRaisesRegex(UserError, "validity|hiệu lực"):
            self.expired_certificate._ubnd_check_usable_by(self.vc_economy)
        # The trust anchor removed: nothing chains any more.
        self.anchor.unlink()
        with self.assertRaises(UserError):
            self.vc_certificate._ubnd_check_usable_by(self.vc_economy)

    def test_binding_required(self):
        """Issue #10: a signer's certificate is bound to a user, a seal to a committee, a trust anchor is a CA."""
        with self.assertRaises(ValidationError):
            self.register(self.vc_cert, "ubnd_signer")
        with self.assertRaises(ValidationError):
            self.register(self.seal_cert, "ubnd_seal")
        with self.assertRaises(ValidationError):
            self.register(self.vc_cert, "ubnd_trust_anchor")

    def test_only_system_administrator_manages_certificates(self):
        """Issue #10: trust anchors and certificates are managed by the system administrator only."""
        other = test_pki.make_certificate("Other CA", test_pki.make_key(), ca=True)
        for user in (self.chairman, self.deputy_office, self.staff):
            with self.assertRaises(Exception):
                self.env["certificate.certificate"].with_user(user).create({
                    "name": "x", "content": base64.b64encode(test_pki.der(other)), "scope": "ubnd_trust_anchor",
                    "company_id": self.company.id,
                })
            with self.assertRaises(Exception):
                self.vc_certificate.with_user(user).write({"ubnd_user_id": user.id})
