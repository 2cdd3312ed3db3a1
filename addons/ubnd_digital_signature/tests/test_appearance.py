import base64
import io

from PIL import Image

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.ubnd_quyche.tests.printing import pdf_text

from ..tools import appearance, demo_images, test_pki
from .test_seal import SealCase

REPORT = "ubnd_quyche.action_report_ubnd_document"


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestAppearance(SealCase):
    """Issue #10 "Appearance": signature images per user and seal images per committee, uploaded by the system
    administrator, and where a server-side signature shows them."""

    def printout(self, doc):
        content, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            REPORT, doc.ids)
        self.assertEqual(kind, "pdf")
        return content

    def test_images_uploaded_by_the_administrator_only(self):
        """Issue #10 "signature images (blue PNG, transparent) per user and seal images per committee, uploaded
        by administrators": a leader cannot set nor read his own image, nor the Office the seal; an image that is
        not a transparent PNG is refused."""
        png = demo_images.signature_png("Nguyễn Văn A")
        with self.assertRaises(AccessError):
            self.vc_economy.with_user(self.vc_economy).write({"ubnd_signature_image": base64.b64encode(png)})
        with self.assertRaises(AccessError):
            self.vc_economy.with_user(self.vc_economy).read(["ubnd_signature_image"])
        with self.assertRaises(AccessError):
            self.committee.with_user(self.deputy_office).write({"ubnd_seal_image": base64.b64encode(png)})
        jpeg = Image.new("RGB", (20, 10), "blue")
        out = io.BytesIO()
        jpeg.save(out, "JPEG")
        with self.assertRaises(ValidationError):
            self.vc_economy.ubnd_signature_image = base64.b64encode(out.getvalue())
        with self.assertRaises(ValidationError):
            self.committee.ubnd_seal_size_mm = 2

    def test_token_signature_shows_the_image_at_box_7c(self):
        """ND30 PL I §II.7.d: a signature made with a server-side token (the signing path a) on the real printout
        shows the signer's image centred between his position line and his name; the printout's text is unchanged
        (the signature is an incremental update)."""
        doc = self.new_document()
        doc.with_user(self.vc_economy).action_sign()
        pdf = self.printout(doc)
        signed, verdict = self.service.with_user(self.vc_economy)._sign_with_token(
            pdf, self.vc_token_certificate, field_name="Signer")
        self.assertTrue(verdict.valid, verdict.summary)
        [(name, page, rect)] = appearance.signature_rects(signed)
        lines = [line for line in appearance.text_lines(signed) if line.page == page]
        signer = next(line for line in lines if line.text == self.vc_economy.name)
        position = next(line for line in lines if line.text == "PHÓ CHỦ TỊCH")
        self.assertTrue(signer.top <= rect[1] and rect[3] <= position.bottom)
        self.assertAlmostEqual((rect[0] + rect[2]) / 2, signer.center, delta=1)
        width, height = appearance.image_size(demo_images.signature_png(self.vc_economy.name))
        self.assertAlmostEqual((rect[2] - rect[0]) / (rect[3] - rect[1]), width / height, delta=0.02)
        self.assertEqual(pdf_text(signed), pdf_text(pdf))

    def test_without_image_or_place(self):
        """Issue #10 appearance fallbacks: a signer without a registered image gets his name in blue at box 7c; a
        PDF that does not print the signer's name (not a Decree 30 printout) gets an invisible signature."""
        self.vc_economy.ubnd_signature_image = False
        doc = self.new_document()
        doc.with_user(self.vc_economy).action_sign()
        signed, _verdict = self.service.with_user(self.vc_economy)._sign_with_token(
            self.printout(doc), self.vc_token_certificate, field_name="Signer")
        self.assertEqual(len(appearance.signature_rects(signed)), 1)
        self.assertEqual(pdf_text(signed).count(self.vc_economy.name), 2, "the name printed, and in the stamp")
        plain, _verdict = self.service.with_user(self.vc_economy)._sign_with_token(
            test_pki.make_pdf(1), self.vc_token_certificate)
        self.assertEqual(appearance.signature_rects(plain), [])
