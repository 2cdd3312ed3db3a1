from odoo import api, fields, models
from odoo.exceptions import UserError


class UbndSignConfirm(models.TransientModel):
    """The signing screen signs digitally for a leader holding a usable certificate: the server signs, numbers and
    dates the document as before (Decree 30/2020 Đ16.2), renders the final PDF and hands it to the leader's
    signing plugin (the external-signing flow). Without a certificate (or where no signing plugin is
    configured) the plain signature stays, unless the committee requires digital signatures."""

    _inherit = "ubnd.sign.confirm"

    ubnd_certificate_id = fields.Many2one("certificate.certificate", string="Certificate",
                                          compute="_compute_ubnd_digital")
    ubnd_certificate_name = fields.Char("Digital signature certificate", compute="_compute_ubnd_digital")
    ubnd_sign_digitally = fields.Boolean("Signs digitally", compute="_compute_ubnd_digital")
    ubnd_digital_required = fields.Boolean("Digital signature required", compute="_compute_ubnd_digital")

    @api.depends("document_id")
    def _compute_ubnd_digital(self):
        Request = self.env["ubnd.signature.request"]
        certificate = Request._ubnd_usable_certificate(self.env.user) if Request._ubnd_plugin_url() else None
        certificate = certificate or self.env["certificate.certificate"]
        for wizard in self:
            wizard.ubnd_certificate_id = certificate
            wizard.ubnd_certificate_name = certificate and (certificate.subject_common_name or certificate.name)
            wizard.ubnd_sign_digitally = bool(certificate)
            wizard.ubnd_digital_required = wizard.document_id.committee_id.ubnd_require_digital_signature

    def action_confirm(self):
        """Sign (the server's own action checks the signer), then sign digitally when the signer can."""
        self.ensure_one()
        if not self.ubnd_sign_digitally:
            if self.ubnd_digital_required and not self.env["ubnd.signature.request"]._ubnd_plugin_url():
                raise UserError(self.env._(
                    "The committee requires digital signatures but no signing plugin is configured for this "
                    "installation: ask the system administrator (system parameter ubnd_digital_signature.plugin_url)."))
            if self.ubnd_digital_required:
                raise UserError(self.env._(
                    "The committee requires digital signatures and you have no usable certificate (registered on "
                    "your user, chaining to a trust anchor and valid). Ask the system administrator to register "
                    "the certificate of your token."))
            return super().action_confirm()
        super().action_confirm()
        document = self.submission_id.document_id if self.submission_id else self.document_id
        return document._ubnd_request_digital_signature()
