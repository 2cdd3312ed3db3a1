import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.ubnd_quyche.tools.privilege import privileged

from ..models.ubnd_signature_request import PRIVILEGE
from ..tools import pades, upload_check


class UbndSignedUpload(models.TransientModel):
    """"Tải lên bản đã ký số": the signer uploads the document's final PDF signed with a tool outside the suite.

    Accepted only when the file is the final PDF the server rendered for this document (kept on one of its
    signature requests) with the signer's signature added and nothing else changed, and that signature counts as
    in the plugin's flow (his registered certificate, a trust anchor, the grant's dates). It then closes that
    request exactly like a completed external signature, so verdict, issuance and register need nothing more.
    Otherwise a Vietnamese refusal, and nothing is kept."""

    _name = "ubnd.signed.upload"
    _description = "Upload of a digitally signed document"

    document_id = fields.Many2one("ubnd.document", string="Document", required=True, readonly=True,
                                  ondelete="cascade")
    reference = fields.Char(related="document_id.reference")
    source_pdf = fields.Binary("File to sign", readonly=True, attachment=False)
    source_name = fields.Char(readonly=True)
    signed_pdf = fields.Binary("Digitally signed file", attachment=False)
    signed_name = fields.Char("File name")

    def action_upload(self):
        self.ensure_one()
        doc = self.document_id
        doc._ubnd_check_upload_actor()
        content = self._uploaded_pdf()
        sig_request, field_name = self._matching_request(doc, content)
        verdict = self.env["ubnd.signature.service"]._verify_upload(
            content, sig_request.user_id, window=(sig_request.window_from, sig_request.window_to),
            field_name=field_name, capacity=sig_request.capacity)
        doc.sudo()._ubnd_close_open_requests()  # a plugin request left open must not become the signature later
        privileged(sig_request, PRIVILEGE).write({
            "state": "signed", "field_name": field_name, "signed_pdf": base64.b64encode(content),
            "prepared_pdf": False, "certificate_id": verdict.certificate_id, "summary": verdict.summary,
        })
        sig_request._ubnd_notify_document(verdict)
        doc.sudo().message_post(body=self.env._("Digitally signed file uploaded and verified: %s", verdict.summary))
        return {"type": "ir.actions.act_window_close"}

    def _uploaded_pdf(self):
        try:
            content = base64.b64decode(self.signed_pdf or b"", validate=True)
        except (binascii.Error, ValueError):
            content = b""
        if not pades.is_pdf(content):
            raise UserError(self.env._("Choose the digitally signed PDF file to upload."))
        return content

    def _matching_request(self, doc, content):
        """The request whose final PDF the uploaded file signs, and the field of that signature."""
        for sig_request in doc._ubnd_upload_requests():
            field_name = upload_check.signature_of(content, base64.b64decode(sig_request.source_pdf or b""))
            if field_name:
                return sig_request, field_name
        if "unsigned" in pades.validate_pdf(content, [])[0].problems:
            raise UserError(self.env._("The file carries no digital signature: sign the file to sign of this "
                                       "screen with your signing tool, then upload the signed file."))
        raise UserError(self.env._(
            "This file is not document %(document)s as the system prepared it for signing: sign the file to sign "
            "of this screen, unchanged, and upload it.", document=doc.reference or doc.name))
