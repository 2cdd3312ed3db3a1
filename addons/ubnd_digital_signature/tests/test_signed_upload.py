import base64
import datetime
from io import BytesIO

from pyhanko.pdf_utils.generic import (ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject,
                                       TextStringObject)
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.ubnd_quyche.tests.printing import no_web_assets, pdf_text
from odoo.addons.ubnd_quyche.tools.privilege import privileged

from ..tools import pades, test_pki
from .common import SignatureCase
from .test_sign_flow import VERDICT_KT


class SignedUploadCase(SignatureCase):
    """A decision signed KT. CHỦ TỊCH by the Vice-Chairman with the plain "Ký" (no plugin configured), waiting for
    the digital signature he makes with a tool outside the suite."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)

    def signed_document(self):
        doc = self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": self.field_economy.id,
            "name": "Về việc phê duyệt kế hoạch chuyển đổi số", "body": "<p>Điều 1. Phê duyệt kế hoạch.</p>",
            "recipients": "- Như Điều 2;\n- Lưu: VT.",
        })
        screen = self.env["ubnd.sign.confirm"].with_user(self.vc_economy)
        screen.browse(screen._action_open(doc)["res_id"]).action_confirm()
        self.assertEqual((doc.state, doc.ubnd_signature_state), ("signed", "none"))
        return doc

    def open_upload(self, doc, user=None):
        action = doc.with_user(user or self.vc_economy).with_context(lang="vi_VN").action_ubnd_upload_signed()
        return self.env["ubnd.signed.upload"].with_user(user or self.vc_economy).with_context(
            lang="vi_VN").browse(action["res_id"])

    def upload(self, wizard, content):
        wizard.signed_pdf = base64.b64encode(content)
        return wizard.action_upload()

    def sign_elsewhere(self, pdf, key=None, certificate=None):
        """The signer's desktop tool: an incremental PAdES signature of the file it was given."""
        return self.sign_locally(key or self.vc_key, certificate or self.vc_cert, pdf=pdf, field_name="Signature1")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSignedUpload(SignedUploadCase):
    """Issue #10, way (c): "upload of a PDF signed elsewhere (common today), verified on upload"."""

    def test_upload_accepted_and_issued(self):
        """Issue #10 (c) and R-ND30-13.2 (a Vice-Chairman signs KT. CHỦ TỊCH): the signer downloads the final PDF
        (number and "KT. CHỦ TỊCH" printed), signs it with his own tool and uploads it: it is verified against his
        registered certificate, the trust anchor and the dates of his term, the document shows "Chữ ký số hợp lệ:
        …, KT. CHỦ TỊCH, … +07:00", and the Office issues exactly that signed file, his signature intact."""
        doc = self.signed_document()
        self.assertTrue(doc.with_user(self.vc_economy).ubnd_can_upload_signed)
        self.assertFalse(doc.with_user(self.chairman).ubnd_can_upload_signed)
        wizard = self.open_upload(doc)
        source = base64.b64decode(wizard.source_pdf)
        text = pdf_text(source)
        self.assertIn(doc.reference, text)
        self.assertIn("KT. CHỦ TỊCH", text)
        self.assertEqual(self.open_upload(doc).source_pdf, wizard.source_pdf, "the same file to sign, kept")

        signed = self.sign_elsewhere(source)
        self.upload(wizard, signed)
        self.assertEqual(doc.ubnd_signature_state, "valid")
        self.assertRegex(doc.ubnd_signature_summary, VERDICT_KT)
        sig_request = doc._ubnd_signed_request()
        self.assertEqual((sig_request.state, sig_request.field_name), ("signed", "Signature1"))
        self.assertEqual(base64.b64decode(sig_request.signed_pdf), signed)
        self.assertEqual(sig_request.certificate_id, self.vc_certificate)
        self.assertFalse(doc.with_user(self.vc_economy).ubnd_can_upload_signed)

        doc.with_user(self.deputy_office).with_context(lang="vi_VN").action_issue()
        self.assertEqual(doc.state, "issued")
        issued = doc.ubnd_issued_attachment_id.raw
        self.assertTrue(issued.startswith(signed))
        self.assertTrue(sig_request._ubnd_validate(issued).valid)

    def test_upload_after_a_failed_plugin_attempt(self):
        """Issue #10 (c): a leader whose plugin failed (document pending) signs the file of that request elsewhere;
        the upload closes it, and that request becomes the document's signature."""
        self.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", "http://127.0.0.1:1/")
        doc = self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": self.field_economy.id, "name": "Về việc khác",
            "body": "<p>Điều 1.</p>", "recipients": "- Lưu: VT.",
        })
        screen = self.env["ubnd.sign.confirm"].with_user(self.vc_economy)
        action = screen.browse(screen._action_open(doc)["res_id"]).action_confirm()
        self.assertEqual(doc.ubnd_signature_state, "pending")
        pending = self.env["ubnd.signature.request"].browse(action["params"]["request_id"])
        wizard = self.open_upload(doc)
        self.assertEqual(wizard.source_pdf, pending.sudo().source_pdf)
        self.upload(wizard, self.sign_elsewhere(base64.b64decode(wizard.source_pdf)))
        self.assertEqual((doc.ubnd_signature_state, pending.sudo().state), ("valid", "signed"))

    def assert_refused(self, doc, wizard, content, message):
        with self.assertRaisesRegex(UserError, message):
            self.upload(wizard, content)
        self.assertEqual(doc.ubnd_signature_state, "none")
        self.assertFalse(doc._ubnd_signed_request(), "nothing kept")

    def test_refusals(self):
        """Issue #10 (c) and Done-when (tampered file, wrong signer, untrusted certificate, signing time outside the
        grant's dates refused): each bad upload is refused with a Vietnamese message and nothing is kept — not a PDF,
        unsigned, tampered after signing, signed by the Chairman, a certificate of an untrusted CA or expired, outside the dates
        of the signer's authority, another PDF, this document altered before signing (in a revision of its own, or
        by a note added in the revision the signature covers)."""
        doc = self.signed_document()
        wizard = self.open_upload(doc)
        source = base64.b64decode(wizard.source_pdf)
        signed = self.sign_elsewhere(source)

        self.assert_refused(doc, wizard, b"not a pdf", "Chọn tệp PDF")
        self.assert_refused(doc, wizard, source, "chưa có chữ ký số")
        tampered = bytearray(signed)
        at = signed.index(b"(Signature1)", len(source)) + 10  # the field's name, covered by the signature
        tampered[at] = ord("2")
        self.assert_refused(doc, wizard, bytes(tampered), "bị thay đổi")
        self.assert_refused(doc, wizard, self.sign_elsewhere(source, self.chairman_key, self.chairman_cert),
                            "không phải của")
        self.assert_refused(doc, wizard, self.sign_elsewhere(source, self.vc_key, self.rogue_cert),
                            "không chuỗi tới|tin cậy")
        self.assert_refused(doc, wizard, self.sign_elsewhere(source, self.vc_key, self.expired_cert), "hiệu lực")
        self.assert_refused(doc, wizard, self.sign_elsewhere(test_pki.make_pdf(1)), "không phải văn bản")

        writer = IncrementalPdfFileWriter(BytesIO(source))
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        page[NameObject("/Contents")] = writer.add_object(StreamObject(stream_data=b"BT /F1 12 Tf (X) Tj ET"))
        writer.update_container(page)
        altered = BytesIO()
        writer.write(altered)
        self.assert_refused(doc, wizard, self.sign_elsewhere(altered.getvalue()), "không phải văn bản")

        # a note drawn over the page in the very revision the signature covers (the signature is intact)
        writer = IncrementalPdfFileWriter(BytesIO(source))
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        note = writer.add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Rect"): ArrayObject([NumberObject(50), NumberObject(50), NumberObject(300), NumberObject(80)]),
            NameObject("/Contents"): TextStringObject("Điều 2. Hủy bỏ"),
        }))
        page[NameObject("/Annots")] = ArrayObject((list(page["/Annots"]) if "/Annots" in page else []) + [note])
        writer.update_container(page)
        out = signers.sign_pdf(writer, pades.signature_metadata("Signature1"),
                               test_pki.software_signer(self.vc_key, self.vc_cert, [self.ca]))
        self.assert_refused(doc, wizard, out.getvalue(), "không phải văn bản")

        sig_request = doc._ubnd_upload_requests()[:1]
        yesterday = datetime.date.today() - datetime.timedelta(days=1)
        privileged(sig_request, "ubnd_signature_request").write({
            "window_from": yesterday - datetime.timedelta(days=30), "window_to": yesterday})
        self.assert_refused(doc, wizard, signed, "ngoài thời hạn|thời gian ký")
        self.assertEqual(sig_request.state, "to_sign")

    def test_only_the_signer_uploads(self):
        """Issue #10 (c), trust: only the document's signer opens the upload or uploads, and only while the document
        is signed and awaits its digital signature; the Chairman holding the signer's own signed file is refused."""
        doc = self.signed_document()
        wizard = self.open_upload(doc)
        signed = self.sign_elsewhere(base64.b64decode(wizard.source_pdf))
        with self.assertRaises(UserError):
            self.open_upload(doc, self.chairman)
        forged = self.env["ubnd.signed.upload"].with_user(self.chairman).create({"document_id": doc.id})
        with self.assertRaises(UserError):
            self.upload(forged, signed)
        self.assertEqual(doc.ubnd_signature_state, "none")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSignedUploadRpc(SignedUploadCase, HttpCase):
    """The upload over JSON-RPC, as another user's client would call it."""

    def call(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def test_another_user_cannot_upload_over_rpc(self):
        """Issue #10 (c), trust: another leader (the Chairman) cannot open the upload of the Vice-Chairman's
        document, nor create a wizard on it and upload the Vice-Chairman's validly signed file, nor call the
        wizard's private steps; the document stays without a digital signature. The signer himself can."""
        doc = self.signed_document()
        wizard = self.open_upload(doc)
        signed = base64.b64encode(self.sign_elsewhere(base64.b64decode(wizard.source_pdf))).decode()
        with self.assertRaises(JsonRpcException):
            self.call(self.chairman, "ubnd.document", "action_ubnd_upload_signed", [[doc.id]])
        forged = self.call(self.chairman, "ubnd.signed.upload", "create",
                           [{"document_id": doc.id, "signed_pdf": signed}])
        forged_id = forged[0] if isinstance(forged, list) else forged
        for method in ("action_upload", "_matching_request"):
            with self.assertRaises(JsonRpcException):
                self.call(self.chairman, "ubnd.signed.upload", method, [[forged_id]])
        doc.invalidate_recordset()
        self.assertEqual(doc.ubnd_signature_state, "none")
        self.call(self.vc_economy, "ubnd.signed.upload", "write", [[wizard.id], {"signed_pdf": signed}])
        self.call(self.vc_economy, "ubnd.signed.upload", "action_upload", [[wizard.id]])
        doc.invalidate_recordset()
        self.assertEqual(doc.ubnd_signature_state, "valid")
