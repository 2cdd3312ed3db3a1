import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

SIGNER_FIELD = "Signer"
SIGNATURE_FIELDS = {"ubnd_signature_state", "ubnd_signature_summary", "ubnd_signature_request_id"}
CAPACITY_PREFIXES = ("KT.", "TL.", "TUQ.", "TM.")


class UbndDocument(models.Model):
    """The signer's digital signature of a document (issue #10, external signing).

    The leader's "Ký" signs, numbers and dates the document as before (Decree 30/2020 Đ16.2: the system allocates
    number and time); a leader holding a usable certificate then signs the final PDF digitally through his
    signing plugin. The verdict is kept on the document, and the Office cannot issue a document whose digital
    signature is unfinished or does not validate.
    """

    _inherit = "ubnd.document"

    ubnd_signature_state = fields.Selection([
        ("none", "Not digitally signed"),
        ("pending", "Awaiting the digital signature"),
        ("valid", "Valid digital signature"),
        ("invalid", "Invalid digital signature"),
    ], string="Digital signature", default="none", required=True, readonly=True, copy=False, tracking=True)
    ubnd_signature_summary = fields.Char("Digital signature check", readonly=True, copy=False)
    ubnd_signature_request_id = fields.Many2one("ubnd.signature.request", string="Signature request", readonly=True,
                                                copy=False, groups="base.group_system")
    ubnd_can_sign_digitally = fields.Boolean("Can sign digitally", compute="_compute_ubnd_can_sign_digitally")

    @api.depends("state", "signer_id", "ubnd_signature_state")
    @api.depends_context("uid")
    def _compute_ubnd_can_sign_digitally(self):
        mine = self.filtered(lambda d: d.state == "signed" and d.signer_id == self.env.user
                             and d.ubnd_signature_state != "valid")
        able = bool(mine) and self.env["ubnd.signature.request"]._ubnd_can_sign_externally(self.env.user)
        for doc in self:
            doc.ubnd_can_sign_digitally = able and doc in mine

    def write(self, vals):
        if not self.env.su and SIGNATURE_FIELDS & set(vals):
            raise AccessError(self.env._("The digital signature of a document is recorded by its verification only."))
        return super().write(vals)

    # ------------------------------------------------------------------ the signer's side
    def action_ubnd_sign_digitally(self):
        """"Ký số": the signer (again) signs the signed document digitally with his signing plugin."""
        self.ensure_one()
        return self._ubnd_request_digital_signature()

    def _ubnd_request_digital_signature(self):
        """Render the final PDF (number, date, signature block), open a request for the signer's plugin and
        return the client action that drives the plugin in the signer's browser."""
        self.ensure_one()
        if self.state != "signed":
            raise UserError(self.env._("Only a signed document that is not yet issued is signed digitally."))
        if self.signer_id != self.env.user:
            raise UserError(self.env._("Only %(signer)s, who signed this document, signs it digitally.",
                                       signer=self.signer_id.name))
        if not self.env["ubnd.signature.request"]._ubnd_usable_certificate(self.env.user):
            raise UserError(self.env._(
                "You have no usable digital signature certificate (registered on your user, chaining to a trust "
                "anchor and valid). Ask the system administrator to register the certificate of your token."))
        doc = self.sudo()
        doc._ubnd_close_open_requests()
        content = doc._ubnd_render_final_pdf()
        date_from, date_to = doc._ubnd_signature_window()
        sig_request = self.env["ubnd.signature.service"]._create_external_request(
            content, user=self.env.user, window=(date_from, date_to), field_name=SIGNER_FIELD,
            reason=self.env._("Signing document no. %s", doc.reference or doc.name),
            res_model=doc._name, res_id=doc.id, capacity=doc._ubnd_capacity_line())
        doc.write({"ubnd_signature_state": "pending", "ubnd_signature_summary": False,
                   "ubnd_signature_request_id": sig_request.id})
        return self._ubnd_signing_client_action(sig_request)

    def _ubnd_signing_client_action(self, sig_request):
        """The screen that talks to the signer's plugin (static/src/external_sign), in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "ubnd_digital_signature.external_sign",
            "name": self.env._("Sign digitally"),
            "target": "new",
            "context": {"footer": False},
            "params": {
                "request_id": sig_request.id,
                "plugin_url": self.env["ubnd.signature.request"]._ubnd_plugin_url(),
                "document_id": self.id,
                "reference": self.reference or "",
                "title": self.name or "",
                "capacity": sig_request.capacity or "",
                "signer": self.signer_id.name,
            },
        }

    def _ubnd_close_open_requests(self):
        """A new request replaces the unfinished ones: only one can become the document's signature."""
        requests = self.env["ubnd.signature.request"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id), ("state", "in", ("to_sign", "prepared")),
        ])
        requests._ubnd_expire()

    def _ubnd_signature_window(self):
        """The dates of what the signer's capacity rests on: the grant (KT./TL./TUQ., acting chair) when there is
        one, else his term in the committee (a Vice-Chairman within his fields, the Chairman)."""
        self.ensure_one()
        if self.delegation_id:
            return self.delegation_id.date_start, self.delegation_id.date_end
        member = self.signer_id._ubnd_membership(self.committee_id)
        return (member.date_start, member.date_end) if member else (None, None)

    def _ubnd_capacity_line(self):
        """The capacity named on the verdict: the last KT./TL./TUQ./TM. line of the signature block
        (``KT. CHỦ TỊCH``), else its first line (the Chairman in his own name: ``CHỦ TỊCH``)."""
        lines = [line.strip() for line in (self.signature_block or "").splitlines() if line.strip()]
        prefixed = [line for line in lines if line.startswith(CAPACITY_PREFIXES)]
        return (prefixed or lines or [""])[-1]

    # ------------------------------------------------------------------ verdicts
    def _ubnd_on_signature_verdict(self, sig_request, verdict):
        """The signer's plugin returned its signature: keep the verdict on the document."""
        self._ubnd_set_signature_verdict(verdict, sig_request)

    def _ubnd_set_signature_verdict(self, verdict, sig_request=None):
        """Keep the verdict on the signer's signature (also for a file signed by other means, e.g. the demo)."""
        self.ensure_one()
        vals = {"ubnd_signature_state": "valid" if verdict.valid else "invalid",
                "ubnd_signature_summary": verdict.summary}
        if sig_request:
            vals["ubnd_signature_request_id"] = sig_request.id
        self.sudo().write(vals)

    def _ubnd_on_signature_expired(self, sig_request):
        """Nobody finished the request in time: the document is as before the attempt, "Ký số" again."""
        doc = self.sudo()
        if doc.ubnd_signature_request_id == sig_request and doc.ubnd_signature_state == "pending":
            doc.write({"ubnd_signature_state": "none", "ubnd_signature_summary": False})

    # ------------------------------------------------------------------ issuance
    def action_issue(self):
        for doc in self:
            doc._ubnd_check_digital_signature()
        return super().action_issue()

    def _ubnd_check_digital_signature(self):
        """Refuse to issue a document whose digital signature is unfinished, or does not validate now (the file
        changed since, another signer, a certificate no longer trusted or valid, a time outside the grant)."""
        self.ensure_one()
        doc = self.sudo()
        if doc.ubnd_signature_state == "pending":
            raise UserError(self.env._(
                "Document %(document)s awaits the digital signature of %(signer)s: he finishes it with \"Sign "
                "digitally\" (or the request expires) before the Office issues it.",
                document=doc.reference or doc.name, signer=doc.signer_id.name))
        if doc.ubnd_signature_state == "invalid":
            raise UserError(self.env._(
                "Document %(document)s cannot be issued: %(summary)s. %(signer)s signs it digitally again.",
                document=doc.reference or doc.name, summary=doc.ubnd_signature_summary, signer=doc.signer_id.name))
        if doc.ubnd_signature_state == "valid":
            sig_request = doc._ubnd_signed_request()
            verdict = sig_request._ubnd_validate(base64.b64decode(sig_request.signed_pdf)) if sig_request else None
            if not (verdict and verdict.valid):
                raise UserError(self.env._(
                    "Document %(document)s cannot be issued: %(summary)s.", document=doc.reference or doc.name,
                    summary=verdict.summary if verdict else self.env._("its digitally signed file is missing")))
        elif doc.committee_id.ubnd_require_digital_signature:
            raise UserError(self.env._(
                "The committee requires digital signatures: %(signer)s signs document %(document)s digitally "
                "(\"Sign digitally\") before the Office issues it.",
                document=doc.reference or doc.name, signer=doc.signer_id.name))
