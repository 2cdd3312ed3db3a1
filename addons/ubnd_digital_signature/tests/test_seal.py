import asyncio
import base64
import os
import re
from io import BytesIO
from unittest.mock import patch

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ubnd_quyche.tests.printing import no_web_assets

from ..tools import appearance, demo_images, pades, test_pki
from .common import SignatureCase

STAMP = re.compile(r"^Số: (?P<ref>\S+); (?P<time>\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \+07:00)$")


class SealCase(SignatureCase):
    """The test committee of SignatureCase (its seal key in a SoftHSM2 token) with a signature image for the
    Vice-Chairman and a seal image for the committee; a second committee with its own Office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)
        cls.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", "http://127.0.0.1:18765/")
        cls.vc_economy.name = "Lê Văn Kinh"
        cls.vc_economy.ubnd_signature_image = base64.b64encode(demo_images.signature_png(cls.vc_economy.name))
        cls.committee.ubnd_seal_image = base64.b64encode(demo_images.seal_png(cls.committee.name, "Thử nghiệm"))
        cls.other_company = cls.env["res.company"].create({"name": "UBND phường Khác"})
        cls.other_committee = cls.env["ubnd.committee"].create({
            "name": "Ủy ban nhân dân phường Khác", "company_id": cls.other_company.id, "level": "commune"})
        cls.other_office = new_test_user(
            cls.env, login="t_other_office", groups="ubnd_quyche.group_ubnd_office",
            company_id=cls.other_company.id, company_ids=[(6, 0, cls.other_company.ids)])

    def new_document(self, attachments=(), **vals):
        return self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": self.field_economy.id,
            "name": "Về việc phê duyệt kế hoạch chuyển đổi số", "body": "<p>Điều 1. Phê duyệt kế hoạch.</p>",
            "recipients": "- Như Điều 2;\n- Lưu: VT.",
            "attachment_ids": [(6, 0, [a.id for a in attachments])], **vals,
        })

    def signed_document(self, attachments=()):
        """A document the Vice-Chairman signed (KT. CHỦ TỊCH) digitally through the external-signing flow."""
        doc = self.new_document(attachments)
        doc.with_user(self.vc_economy).action_sign()
        action = doc.with_user(self.vc_economy).action_ubnd_sign_digitally()
        sig_request = self.env["ubnd.signature.request"].browse(action["params"]["request_id"])
        begun = sig_request.with_user(self.vc_economy)._ubnd_begin(test_pki.der(self.vc_cert))
        plugin = test_pki.software_signer(self.vc_key, self.vc_cert, [self.ca])
        cms = asyncio.run(plugin.async_sign(base64.b64decode(begun["digest"]), "sha256", use_pades=True))
        verdict = sig_request.with_user(self.vc_economy)._ubnd_complete(cms.dump())
        self.assertTrue(verdict.valid, verdict.summary)
        return doc, sig_request

    def issue(self, doc, user=None):
        return doc.with_user(user or self.deputy_office).with_context(lang="vi_VN").action_issue()

    def annex(self, name="phu-luc.pdf"):
        return self.env["ir.attachment"].create({"name": name, "raw": test_pki.make_pdf(2, "PHU LUC"),
                                                 "mimetype": "application/pdf"})


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSeal(SealCase):

    def test_issuance_applies_the_committee_signature(self):
        """Issue #10 "the committee's signature at issuance" (ND30 Đ5.1: signed by the competent person and by the
        body; R-000-20.1 the Office issues): the issued file is the leader-signed PDF plus the committee's seal
        signature made with the seal token, both valid; the register entry records the sealed file and both
        verdicts; the document shows the seal's verdict."""
        doc, sig_request = self.signed_document()
        self.issue(doc)
        issued = doc.ubnd_issued_attachment_id.raw
        leader_signed = base64.b64decode(sig_request.sudo().signed_pdf)
        self.assertTrue(issued.startswith(leader_signed), "the seal is an incremental update of the signed file")
        self.assertNotEqual(issued, leader_signed)
        service = self.service.with_context(lang="vi_VN")
        self.assertTrue(service._validate_pdf(issued, user=self.vc_economy, field_name="Signer").valid)
        seal = service._validate_pdf(issued, committee=self.committee, field_name="Seal")
        self.assertTrue(seal.valid, seal.summary)
        self.assertEqual(seal.certificate_id, self.seal_certificate.id)
        entry = doc.ubnd_register_entry_id.sudo()
        self.assertEqual(entry.file_sha256, doc.ubnd_issued_sha256)
        self.assertTrue(doc._ubnd_file_matches(issued))
        self.assertIn(self.committee.name, entry.signature_summary)
        self.assertIn(self.vc_economy.name, entry.signature_summary)
        self.assertRegex(doc.with_context(lang="vi_VN").ubnd_seal_summary,
                         r"^Chữ ký số hợp lệ: %s, .*\+07:00$" % re.escape(self.committee.name))

    def test_independent_check_of_the_issued_pdf(self):
        """Issue #10 Done-when "an independent check validates an issued PDF with pyHanko's own validation entry
        point and finds two intact signatures (signer and committee)", ND30 PL I §II.7.d/§II.8.a: read with
        pyHanko and poppler only, the ISSUED file carries the signer's signature (his image at box 7c, between
        the capacity line "PHÓ CHỦ TỊCH" and his name) and the committee's (the seal at its real size, 36 mm,
        its right edge one third into the signer's image, centred on it)."""
        doc, _sig_request = self.signed_document()
        self.issue(doc)
        issued = doc.ubnd_issued_attachment_id.raw

        reader = PdfFileReader(BytesIO(issued))
        embedded = reader.embedded_signatures
        self.assertEqual([s.field_name for s in embedded], ["Signer", "Seal"])
        context = ValidationContext(trust_roots=[pades.load_certificate(test_pki.der(self.ca))],
                                    allow_fetching=False, revocation_mode="soft-fail")
        for signature in embedded:
            status = validate_pdf_signature(signature, context)
            self.assertTrue(status.bottom_line, status.pretty_print_details())
            self.assertTrue(status.intact and status.valid and status.trusted)
        self.assertEqual(embedded[0].signer_cert.subject.native["common_name"], "Pho Chu tich Kinh te")
        self.assertEqual(embedded[1].signer_cert.subject.native["common_name"], "UBND thanh pho Thu nghiem")

        rects = {name: (page, rect) for name, page, rect in appearance.signature_rects(issued)}
        (signer_page, signer), (seal_page, seal) = rects["Signer"], rects["Seal"]
        lines = [line for line in appearance.text_lines(issued) if line.page == signer_page]
        name = next(line for line in lines if line.text == self.vc_economy.name)
        position = next(line for line in lines if line.text == "PHÓ CHỦ TỊCH")
        self.assertGreaterEqual(signer[1], name.top - 0.5, "the signature image stays above the name")
        self.assertLessEqual(signer[3], position.bottom + 0.5, "and under the position line")
        self.assertAlmostEqual((signer[0] + signer[2]) / 2, name.center, delta=1)
        self.assertEqual(seal_page, signer_page)
        self.assertAlmostEqual(seal[2] - seal[0], 36 * 72 / 25.4, delta=0.5)
        self.assertAlmostEqual(seal[2], signer[0] + (signer[2] - signer[0]) / 3, delta=0.5)
        self.assertAlmostEqual((seal[1] + seal[3]) / 2, (signer[1] + signer[3]) / 2, delta=0.5)
        # Both images are drawn with their transparency (a soft mask), the seal over the signature.
        widgets = {s.field_name: s.sig_field for s in embedded}
        for field_name in ("Signer", "Seal"):
            self.assertIn(b"/SMask", self._appearance_bytes(widgets[field_name]))

    def _appearance_bytes(self, field):
        """The raw objects of a signature widget's appearance (its image XObjects and their masks)."""
        out = []

        def walk(obj, depth=0):
            obj = obj.get_object() if hasattr(obj, "get_object") else obj
            if depth > 6 or not hasattr(obj, "items"):
                return
            for key, value in obj.items():
                out.append(key.encode() if isinstance(key, str) else bytes(key))
                if key not in ("/Parent", "/P", "/V"):
                    walk(value, depth + 1)
        walk(field["/AP"]["/N"])
        return b" ".join(out)

    def test_separate_attachments_get_the_text_stamp(self):
        """Issue #10, ND30 PL I §II.8.b: each attachment in a separate PDF file is signed by the committee with
        the text "Số: <number>; dd/mm/yyyy hh:mm:ss +07:00" (the signature's own time, Vietnam time zone) at the
        top right of its first page, Times New Roman / Liberation Serif 10, no image; the signed copy stays on the
        document, frozen."""
        annex = self.annex()
        doc, _sig_request = self.signed_document(attachments=annex)
        self.issue(doc)
        sealed = doc.ubnd_sealed_attachment_ids
        self.assertEqual(len(sealed), 1)
        content = sealed.raw
        self.assertTrue(content.startswith(annex.raw))
        verdict = self.service._validate_pdf(content, committee=self.committee, field_name="Seal")
        self.assertTrue(verdict.valid, verdict.summary)
        self.assertFalse(re.search(rb"/Subtype\s*/Image", content[len(annex.raw):]), "a text stamp, no image")
        lines = [line for line in appearance.text_lines(content) if line.page == 0]
        stamp = next(line for line in lines if line.text.startswith("Số:"))
        match = STAMP.match(stamp.text)
        self.assertTrue(match, stamp.text)
        self.assertEqual(match["ref"], doc.reference)
        local = verdict.signing_time.astimezone(self.service._tz(self.committee))
        self.assertEqual(match["time"], local.strftime("%d/%m/%Y %H:%M:%S +07:00"))
        width, height = appearance.page_size(content)
        self.assertAlmostEqual(stamp.x1, width - 20 * 72 / 25.4, delta=3)
        self.assertGreater(stamp.bottom, height - 25 * 72 / 25.4, "inside the top margin")
        self.assertLess(stamp.top - stamp.bottom, 14, "a 10 pt line")
        with self.assertRaises(Exception):
            sealed.with_user(self.deputy_office).unlink()

    def test_committee_without_seal_token(self):
        """Issue #10, decision documented in README: a committee without a seal token on the server issues the
        leader-signed file unchanged, and the document's history says in Vietnamese that the committee's
        signature was not applied."""
        self.seal_certificate.write({"ubnd_pkcs11_module": False, "ubnd_pkcs11_token_label": False})
        doc, sig_request = self.signed_document()
        self.issue(doc)
        self.assertEqual(doc.ubnd_issued_attachment_id.raw, base64.b64decode(sig_request.sudo().signed_pdf))
        self.assertFalse(doc.ubnd_seal_summary)
        bodies = doc.with_context(lang="vi_VN").message_ids.mapped("body")
        self.assertTrue(any("chưa có chữ ký số của cơ quan" in str(body) for body in bodies), bodies)

    def test_seal_pin_only_from_the_environment(self):
        """Issue #10 "the seal's private key is never stored in clear in the database": the seal's key is used
        only through its token, whose PIN is read from the server's environment; without it, issuance is refused
        with a Vietnamese message and nothing changes."""
        doc, _sig_request = self.signed_document()
        with patch.dict(os.environ), self.assertRaises(UserError) as refused:
            os.environ.pop("UBND_PKCS11_PIN_UBND_TEST")
            self.issue(doc)
        self.assertIn("thiết bị ký", str(refused.exception))
        doc.invalidate_recordset()
        self.assertEqual(doc.state, "signed")
        stored = self.env["certificate.certificate"].search_read([("id", "=", self.seal_certificate.id)])
        self.assertFalse(any(value and "PRIVATE KEY" in str(value) for row in stored for value in row.values()))

    def test_only_the_office_of_the_committee_applies_its_seal(self):
        """Issue #10 Done-when "a non-văn thư applying the seal is refused" (ND30 Đ32-33: the Office keeps the
        seal and the key device): the Chairman and a specialist cannot issue nor use the seal token, nor can the
        Office of another committee."""
        doc, _sig_request = self.signed_document()
        for user in (self.chairman, self.staff, self.other_office):
            with self.assertRaises(UserError):
                self.service.with_user(user)._sign_with_token(self.pdf, self.seal_certificate)
        with self.assertRaisesRegex(UserError, "văn thư"):
            doc.with_user(self.chairman).with_context(lang="vi_VN")._ubnd_check_seal_actor()
        self.assertEqual(doc.state, "signed")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSealRpc(SealCase, HttpCase):
    """The seal over RPC, as an attacker's client would call it."""

    def call_button(self, user, doc, method):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request("/web/dataset/call_button/ubnd.document/%s" % method, {
            "model": "ubnd.document", "method": method, "args": [[doc.id]], "kwargs": {}})

    def test_seal_refused_over_rpc(self):
        """Issue #10 Done-when "a non-văn thư applying the seal is refused", over JSON-RPC: the Chairman, a
        specialist and the Office of another committee cannot issue (and so seal) the document; the sealing
        step itself is private; nothing is issued nor entered in the register. The committee's own Office can."""
        doc, _sig_request = self.signed_document()
        for user in (self.chairman, self.staff, self.other_office):
            with self.assertRaises(JsonRpcException):
                self.call_button(user, doc, "action_issue")
            doc.invalidate_recordset()
            self.assertEqual(doc.state, "signed")
            self.assertFalse(doc.ubnd_register_entry_id)
        with self.assertRaises(JsonRpcException):
            self.call_button(self.deputy_office, doc, "_ubnd_apply_committee_signature")
        self.call_button(self.deputy_office, doc, "action_issue")
        doc.invalidate_recordset()
        self.assertEqual(doc.state, "issued")
        self.assertEqual([name for name, _page, _rect in appearance.signature_rects(doc.ubnd_issued_attachment_id.raw)],
                         ["Signer", "Seal"])
