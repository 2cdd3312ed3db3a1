import asyncio
import datetime
import re
from io import BytesIO

from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import pades, test_pki
from .common import SignatureCase

SUMMARY_VI = re.compile(r"^Chữ ký số hợp lệ: .+, \d{2}:\d{2}:\d{2} \d{2}/\d{2}/\d{4} \+07:00$")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSigning(SignatureCase):

    def test_token_signature_validates(self):
        """Issue #10 (a), ND30 Đ5.1 and R-000-15.4 (the competent person's digital signature): a signature made
        with a server-side PKCS#11 token (SoftHSM2) validates, names the signer and shows the time with +07:00."""
        service = self.service.with_user(self.vc_economy).with_context(lang="vi_VN")
        signed, verdict = service._sign_with_token(self.pdf, self.vc_token_certificate, field_name="Signer")
        self.assertTrue(verdict.valid, verdict.summary)
        self.assertEqual(verdict.signer_name, self.vc_economy.name)
        self.assertEqual(verdict.certificate_id, self.vc_token_certificate.id)
        self.assertRegex(verdict.summary, SUMMARY_VI)
        self.assertTrue(signed.startswith(self.pdf), "the signature is an incremental update of the file")
        # The time is the committee's, whoever reads it (ND30 PL I §II.8.b: Vietnam time zone).
        self.env.user.tz = "Europe/Brussels"
        self.assertTrue(self.service.with_context(lang="vi_VN")._validate_pdf(signed).summary.endswith("+07:00"))

    def test_token_key_only_for_its_holder(self):
        """Issue #10: a signer's key signs only for the person it is bound to."""
        with self.assertRaises(UserError):
            self.service.with_user(self.chairman)._sign_with_token(self.pdf, self.vc_token_certificate)

    def test_seal_only_by_the_office(self):
        """Issue #10 / ND30 Đ5.1 (signed by the body), PL I §II.8: only the Office (văn thư) of the committee
        applies the committee's digital signature; its key stays in the token."""
        signed, verdict = self.service.with_user(self.deputy_office)._sign_with_token(
            self.pdf, self.seal_certificate, field_name="Seal")
        self.assertTrue(verdict.valid, verdict.summary)
        self.assertEqual(verdict.signer_name, self.committee.name)
        for user in (self.chairman, self.vc_economy, self.staff):
            with self.assertRaises(UserError):
                self.service.with_user(user)._sign_with_token(self.pdf, self.seal_certificate)
        verdict = self.service._validate_pdf(signed, committee=self.committee, field_name="Seal")
        self.assertTrue(verdict.valid)

    def test_upload_signed_elsewhere_verified(self):
        """Issue #10 (c), R-000-15.4: a PDF signed outside the suite is accepted on upload only when its signature
        is the expected person's and counts."""
        signed = self.sign_locally(self.vc_key, self.vc_cert)
        verdict = self.service._verify_upload(signed, self.vc_economy)
        self.assertTrue(verdict.valid)
        self.assertEqual(verdict.problems, [])

    def test_tampered_file_refused(self):
        """Issue #10 "changing any byte of an issued PDF is detected" (ND30 Đ5.1)."""
        signed = self.sign_locally(self.vc_key, self.vc_cert)
        with self.assertRaises(UserError):
            self.service._verify_upload(self.tamper(signed), self.vc_economy)
        self.assertIn("broken", self.service._validate_pdf(self.tamper(signed)).problems)

    def test_content_added_after_signing_refused(self):
        """Issue #10 "changing any byte of an issued PDF is detected": text stamped on the page in a later
        revision (the signed bytes themselves intact) is refused too."""
        signed = self.sign_locally(self.vc_key, self.vc_cert)
        writer = IncrementalPdfFileWriter(BytesIO(signed))
        stamp.TextStamp(writer, stamp.TextStampStyle(stamp_text="DA SUA")).apply(0, 100, 100)
        changed = BytesIO()
        writer.write(changed)
        self.assertIn("modified", self.service._validate_pdf(changed.getvalue(), user=self.vc_economy).problems)
        with self.assertRaises(UserError):
            self.service._verify_upload(changed.getvalue(), self.vc_economy)

    def test_wrong_signer_refused(self):
        """Issue #10: the signer must be the person expected in the signature block (ND30 Đ5.1: the competent
        person)."""
        signed = self.sign_locally(self.chairman_key, self.chairman_cert)
        with self.assertRaisesRegex(UserError, re.escape(self.vc_economy.name)):
            self.service._verify_upload(signed, self.vc_economy)
        self.assertIn("wrong_signer", self.service._validate_pdf(signed, user=self.vc_economy).problems)

    def test_expired_certificate_refused(self):
        """Issue #10: a certificate outside its validity does not count."""
        signed = self.sign_locally(self.vc_key, self.expired_cert)
        verdict = self.service._validate_pdf(signed, user=self.vc_economy)
        self.assertIn("expired", verdict.problems)
        with self.assertRaises(UserError):
            self.service._verify_upload(signed, self.vc_economy)

    def test_untrusted_certificate_refused(self):
        """Issue #10: a certificate that does not chain to a trust anchor does not count, even bound to the user."""
        signed = self.sign_locally(self.vc_key, self.rogue_cert)
        verdict = self.service._validate_pdf(signed, user=self.vc_economy)
        self.assertIn("untrusted", verdict.problems)
        with self.assertRaises(UserError):
            self.service._verify_upload(signed, self.vc_economy)

    def test_unsigned_file_refused(self):
        """Issue #10: a file without signature is refused with a clear reason."""
        verdict = self.service._validate_pdf(self.pdf, user=self.vc_economy)
        self.assertEqual(verdict.problems, ["unsigned"])
        self.assertEqual(self.service._validate_pdf(b"not a pdf").problems, ["unsigned"])

    def test_signing_time_outside_window_refused(self):
        """Issue #10 / R-ND30-13.3 (a grant limited in time): the signing time must fall inside the dates of the
        signer's authority, given by the caller from the grant."""
        signed = self.sign_locally(self.vc_key, self.vc_cert)
        today = datetime.date.today()
        inside = (today - datetime.timedelta(days=3), today + datetime.timedelta(days=3))
        before = (today - datetime.timedelta(days=30), today - datetime.timedelta(days=2))
        after = (today + datetime.timedelta(days=1), False)
        self.assertTrue(self.service._validate_pdf(signed, user=self.vc_economy, window=inside).valid)
        for window in (before, after):
            verdict = self.service._validate_pdf(signed, user=self.vc_economy, window=window)
            self.assertEqual(verdict.problems, ["outside_window"])
            with self.assertRaises(UserError):
                self.service._verify_upload(signed, self.vc_economy, window=window)

    def test_independent_check_with_pyhanko(self):
        """Issue #10 "an independent check validates the signed PDF with pyHanko's own validation entry point":
        the signer's signature (external signer) and the committee's (seal token) are both intact and trusted,
        validated by pyHanko directly, not by the addon's code."""
        prepared = pades.prepare_external(self.pdf, pades.load_certificate(test_pki.der(self.vc_cert)), "Signer")
        plugin = test_pki.software_signer(self.vc_key, self.vc_cert, [self.ca])
        cms = asyncio.run(plugin.async_sign(prepared.digest, "sha256", use_pades=True))
        signer_signed = pades.finish_external(prepared, cms.dump())
        issued, _verdict = self.service.with_user(self.deputy_office)._sign_with_token(
            signer_signed, self.seal_certificate, field_name="Seal")

        reader = PdfFileReader(BytesIO(issued))
        self.assertEqual([s.field_name for s in reader.embedded_signatures], ["Signer", "Seal"])
        context = ValidationContext(trust_roots=[pades.load_certificate(test_pki.der(self.ca))],
                                    allow_fetching=False, revocation_mode="soft-fail")
        for embedded in reader.embedded_signatures:
            status = validate_pdf_signature(embedded, context)
            self.assertTrue(status.bottom_line, status.pretty_print_details())
            self.assertTrue(status.intact and status.valid and status.trusted)
        self.assertEqual(reader.embedded_signatures[1].signer_cert.subject.native["common_name"],
                         "UBND thanh pho Thu nghiem")
