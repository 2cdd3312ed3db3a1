import re

from odoo.tests import TransactionCase, tagged

from odoo.addons.ubnd_quyche.tests.printing import pdf_text

from ..tools import appearance


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSealDemo(TransactionCase):
    """Issue #10 Done-when "the demo has signed documents that open with visible signatures", on the suite's demo."""

    def test_demo_documents_open_with_visible_signatures(self):
        """Issue #10 demo item: the core demo's issued decision (02/QĐ-UBND, signed KT. CHỦ TỊCH) has an issued file
        carrying the Vice-Chairman's visible signature and the committee's seal, both valid against the demo's trust
        anchor, its QR code's address, and an appendix signed with the text stamp; the register recorded it."""
        doc = self.env["ubnd.document"].search([("reference", "=", "02/QĐ-UBND"), ("state", "=", "issued")], limit=1)
        if not (doc and doc.ubnd_issued_attachment_id):
            self.skipTest("needs the suite's demo data")
        issued = doc.ubnd_issued_attachment_id.raw
        self.assertEqual([name for name, _page, _rect in appearance.signature_rects(issued)], ["Signer", "Seal"])
        service = self.env["ubnd.signature.service"].with_context(lang="vi_VN")
        signer = service._validate_pdf(issued, user=doc.signer_id, field_name="Signer")
        seal = service._validate_pdf(issued, committee=doc.committee_id, field_name="Seal")
        self.assertTrue(signer.valid and seal.valid, (signer.summary, seal.summary))
        text = pdf_text(issued)
        self.assertIn("KT. CHỦ TỊCH", text)
        self.assertIn(doc.ubnd_verify_url, re.sub(r"\s+", "", text))
        self.assertEqual(doc.ubnd_register_entry_id.sudo().file_sha256, doc.ubnd_issued_sha256)
        [annex] = doc.ubnd_sealed_attachment_ids
        self.assertTrue(service._validate_pdf(annex.raw, committee=doc.committee_id, field_name="Seal").valid)
        self.assertRegex(pdf_text(annex.raw), r"Số: 02/QĐ-UBND; \d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \+07:00")
