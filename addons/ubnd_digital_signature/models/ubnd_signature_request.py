import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ubnd_quyche.tools.privilege import is_privileged, privileged

from ..tools import pades

PRIVILEGE = "ubnd_signature_request"


class UbndSignatureRequest(models.Model):
    """One interrupted signature by an external signer (the user's USB-token plugin or a remote-signing service).

    The server keeps the PDF and the state between the two calls of the signer: it prepares the final PDF with an
    empty signature and hands out its digest (``begin``), then embeds the CMS the signer returns and validates it
    (``complete``). Only the server's own steps write it; its user reads his own requests.
    """

    _name = "ubnd.signature.request"
    _description = "External signature request"
    _order = "id desc"

    user_id = fields.Many2one("res.users", string="Signer", required=True, readonly=True, index=True,
                              ondelete="cascade")
    state = fields.Selection([
        ("to_sign", "To sign"),
        ("prepared", "Waiting for the signature"),
        ("signed", "Signed"),
        ("refused", "Refused"),
    ], default="to_sign", required=True, readonly=True)
    field_name = fields.Char("Signature field", required=True, default="Signature", readonly=True)
    reason = fields.Char(readonly=True)
    res_model = fields.Char("Document model", readonly=True)
    res_id = fields.Many2oneReference("Document", model_field="res_model", readonly=True)
    window_from = fields.Date("Authority from", readonly=True)
    window_to = fields.Date("Authority until", readonly=True)
    source_pdf = fields.Binary("PDF to sign", attachment=True, readonly=True)
    prepared_pdf = fields.Binary("Prepared PDF", attachment=True, readonly=True)
    digest = fields.Char("Digest to sign (base64)", readonly=True)
    region_start = fields.Integer(readonly=True)
    region_end = fields.Integer(readonly=True)
    certificate_id = fields.Many2one("certificate.certificate", string="Certificate", readonly=True)
    signed_pdf = fields.Binary("Signed PDF", attachment=True, readonly=True)
    summary = fields.Char("Verification", readonly=True)

    def _guard(self):
        if not is_privileged(self, PRIVILEGE):
            raise AccessError(self.env._("External signature requests are written by the server only."))

    @api.model_create_multi
    def create(self, vals_list):
        self._guard()
        return super().create(vals_list)

    def write(self, vals):
        self._guard()
        return super().write(vals)

    def _check_own(self):
        self.ensure_one()
        if self.user_id != self.env.user:
            raise AccessError(self.env._("This signature request belongs to someone else."))

    def _ubnd_begin(self, certificate_der):
        """Prepare the PDF for the signer's certificate; what the external signer must sign."""
        self._check_own()
        if self.state not in ("to_sign", "prepared"):
            raise UserError(self.env._("This signature request is closed."))
        try:
            cert = pades.load_certificate(certificate_der)
            fingerprint = pades.fingerprint(cert)
        except ValueError as error:
            raise UserError(self.env._("The certificate sent by the signer cannot be read.")) from error
        certificate = self.env["certificate.certificate"]._ubnd_find(fingerprint)
        if not certificate:
            raise UserError(self.env._("This certificate is not registered to %(user)s.", user=self.user_id.name))
        certificate._ubnd_check_usable_by(self.user_id)
        prepared = pades.prepare_external(base64.b64decode(self.source_pdf), cert, self.field_name, self.reason)
        privileged(self.sudo(), PRIVILEGE).write({
            "state": "prepared",
            "certificate_id": certificate.id,
            "prepared_pdf": base64.b64encode(prepared.pdf),
            "digest": base64.b64encode(prepared.digest).decode(),
            "region_start": prepared.region_start,
            "region_end": prepared.region_end,
        })
        return {
            "request_id": self.id,
            "digest": self.digest,
            "digest_algorithm": pades.DIGEST_ALGORITHM,
            "field_name": self.field_name,
        }

    def _ubnd_complete(self, cms_der):
        """Embed the signer's CMS, validate it; the verdict (the signed PDF is kept only when valid)."""
        self._check_own()
        if self.state != "prepared":
            raise UserError(self.env._("This signature request is not waiting for a signature."))
        prepared = pades.PreparedSignature(
            pdf=base64.b64decode(self.prepared_pdf), digest=base64.b64decode(self.digest),
            region_start=self.region_start, region_end=self.region_end,
        )
        try:
            signed = pades.finish_external(prepared, cms_der)
        except ValueError as error:
            raise UserError(self.env._("The signature returned by the signer is not a CMS signature that fits "
                                       "this document.")) from error
        verdict = self.env["ubnd.signature.service"]._validate_pdf(
            signed, user=self.user_id, window=(self.window_from, self.window_to), field_name=self.field_name)
        privileged(self.sudo(), PRIVILEGE).write({
            "state": "signed" if verdict.valid else "refused",
            "signed_pdf": base64.b64encode(signed) if verdict.valid else False,
            "summary": verdict.summary,
        })
        return verdict
