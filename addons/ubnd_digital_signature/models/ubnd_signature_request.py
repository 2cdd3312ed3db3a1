import base64
import datetime

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
        ("expired", "Expired"),
    ], default="to_sign", required=True, readonly=True)
    field_name = fields.Char("Signature field", required=True, default="Signature", readonly=True)
    reason = fields.Char(readonly=True)
    res_model = fields.Char("Document model", readonly=True)
    res_id = fields.Many2oneReference("Document", model_field="res_model", readonly=True)
    window_from = fields.Date("Authority from", readonly=True)
    window_to = fields.Date("Authority until", readonly=True)
    capacity = fields.Char("Signing capacity", readonly=True,
                           help="The capacity line of the signature block (KT. CHỦ TỊCH, TL. …, TUQ. …, TM. …), "
                                "named on the verification line.")
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
        source = base64.b64decode(self.source_pdf)
        placement = self.env["ubnd.signature.service"]._ubnd_signer_placement(source, self.user_id)
        prepared = pades.prepare_external(source, cert, self.field_name, self.reason, placement=placement)
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
        verdict = self._ubnd_validate(signed)
        privileged(self.sudo(), PRIVILEGE).write({
            "state": "signed" if verdict.valid else "refused",
            "signed_pdf": base64.b64encode(signed) if verdict.valid else False,
            "summary": verdict.summary,
        })
        self._ubnd_notify_document(verdict)
        return verdict

    def _ubnd_validate(self, pdf_bytes):
        """The verdict on ``pdf_bytes`` for this request: its signer, the dates of his authority, its field."""
        self.ensure_one()
        return self.env["ubnd.signature.service"]._validate_pdf(
            pdf_bytes, user=self.user_id, window=(self.window_from, self.window_to), field_name=self.field_name,
            capacity=self.capacity)

    def _ubnd_document(self):
        """The record the request signs, if its model follows the verdicts of its requests."""
        self.ensure_one()
        if not (self.res_model and self.res_id) or self.res_model not in self.env:
            return None
        record = self.env[self.res_model].sudo().browse(self.res_id).exists()
        return record if record and hasattr(record, "_ubnd_on_signature_verdict") else None

    def _ubnd_notify_document(self, verdict):
        document = self._ubnd_document()
        if document:
            document._ubnd_on_signature_verdict(self, verdict)

    # ------------------------------------------------------------------ expiry
    @api.model
    def _ubnd_expiry_hours(self):
        """How long an unfinished request waits for its signer (system parameter, hours; 24 by default)."""
        value = self.env["ir.config_parameter"].sudo().get_param("ubnd_digital_signature.request_expiry_hours")
        try:
            return max(int(value or 24), 1)
        except ValueError:
            return 24

    @api.model
    def _cron_expire(self):
        """Close the requests nobody finished in time: the signer starts again with "Ký số" (nothing is lost,
        the document stays signed and numbered, only without a digital signature)."""
        limit = fields.Datetime.now() - datetime.timedelta(hours=self._ubnd_expiry_hours())
        stale = self.sudo().search([("state", "in", ("to_sign", "prepared")), ("create_date", "<", limit)])
        stale._ubnd_expire()
        return stale

    def _ubnd_expire(self):
        """Close unfinished requests; their documents return to "not digitally signed"."""
        privileged(self.sudo(), PRIVILEGE).write({"state": "expired", "prepared_pdf": False})
        for sig_request in self:
            document = sig_request._ubnd_document()
            if document:
                document._ubnd_on_signature_expired(sig_request)

    # ------------------------------------------------------------------ the signer's plugin
    @api.model
    def _ubnd_plugin_url(self):
        """Where the signer's browser finds his signing plugin (a local agent on his computer, README "The signing
        plugin"), or False: an installation turns external signing on by naming it (until then, and in the demo,
        whose leaders' demo keys were discarded, leaders sign with the plain "Ký")."""
        url = self.env["ir.config_parameter"].sudo().get_param("ubnd_digital_signature.plugin_url")
        return url.strip().rstrip("/") if url and url.strip() else False

    @api.model
    def _ubnd_can_sign_externally(self, user):
        """Whether ``user`` signs through his plugin: a plugin address is configured and he holds a usable
        certificate."""
        return bool(self._ubnd_plugin_url() and self._ubnd_usable_certificate(user))

    @api.model
    def _ubnd_usable_certificate(self, user):
        """``user``'s signer certificate that counts now (chains to a trust anchor, valid), or an empty record;
        one kept in his USB token (no server-side PKCS#11 module) first, as the plugin holds that one."""
        certificates = self.env["certificate.certificate"].sudo().search([
            ("scope", "=", "ubnd_signer"), ("ubnd_user_id", "=", user.id)])
        usable = certificates.filtered(lambda c: not c._ubnd_problem())
        return usable.sorted(lambda c: bool(c.ubnd_pkcs11_module))[:1]
