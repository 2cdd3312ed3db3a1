import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ubnd_document_digital_signature import SIGNER_FIELD


class UbndDocument(models.Model):
    """The third way to sign (issue #10 c): the signer signs the document's final PDF with a tool outside the suite
    (his token vendor's desktop software, a remote-signing portal) and uploads it (wizard/ubnd_signed_upload.py).

    The file he signs is the one the server rendered for this document (kept on an ``ubnd.signature.request``), so
    the upload can prove that what he signed is this document and nothing else."""

    _inherit = "ubnd.document"

    ubnd_can_upload_signed = fields.Boolean("Can upload the signed file", compute="_compute_ubnd_can_upload_signed")

    @api.depends("state", "signer_id", "ubnd_signature_state")
    @api.depends_context("uid")
    def _compute_ubnd_can_upload_signed(self):
        for doc in self:
            doc.ubnd_can_upload_signed = (doc.state == "signed" and doc.signer_id == self.env.user
                                          and doc.ubnd_signature_state != "valid")

    def action_ubnd_upload_signed(self):
        """"Tải lên bản đã ký số": the screen offering the file to sign and taking it back signed."""
        self.ensure_one()
        self._ubnd_check_upload_actor()
        sig_request = self._ubnd_upload_request()
        wizard = self.env["ubnd.signed.upload"].create({
            "document_id": self.id,
            "source_pdf": self.env["ubnd.signature.request"].sudo().browse(sig_request.id).source_pdf,
            "source_name": "%s.pdf" % (self.reference or self.name or "document").replace("/", "-"),
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Upload the digitally signed file"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _ubnd_check_upload_actor(self):
        """Only the signer uploads his signature, and only while the document awaits it."""
        self.ensure_one()
        if self.state != "signed":
            raise UserError(self.env._("Only a signed document that is not yet issued is signed digitally."))
        if self.signer_id != self.env.user:
            raise UserError(self.env._("Only %(signer)s, who signed this document, signs it digitally.",
                                       signer=self.signer_id.name))
        if self.ubnd_signature_state == "valid":
            raise UserError(self.env._("Document %(document)s already carries a valid digital signature.",
                                       document=self.reference or self.name))

    def _ubnd_upload_requests(self):
        """The requests of this document for its signer that are not signed: each keeps a rendering of the final
        PDF the signer may have downloaded and signed elsewhere (newest first)."""
        return self.env["ubnd.signature.request"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id), ("user_id", "=", self.signer_id.id),
            ("state", "!=", "signed"),
        ], order="id desc")

    def _ubnd_upload_request(self):
        """The request whose PDF the signer downloads to sign: the newest one kept, else one made now (the final
        PDF rendered once, with the grant's dates and the capacity, like the plugin's request)."""
        self.ensure_one()
        kept = self._ubnd_upload_requests().filtered("source_pdf")[:1]
        if kept:
            return self.env["ubnd.signature.request"].browse(kept.id)
        doc = self.sudo()
        content = doc._ubnd_render_final_pdf()
        return self.env["ubnd.signature.service"]._create_external_request(
            content, user=self.env.user, window=doc._ubnd_signature_window(), field_name=SIGNER_FIELD,
            reason=self.env._("Signing document no. %s", doc.reference or doc.name),
            res_model=doc._name, res_id=doc.id, capacity=doc._ubnd_capacity_line())
