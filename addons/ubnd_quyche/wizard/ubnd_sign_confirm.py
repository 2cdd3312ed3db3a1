import base64

from odoo import api, fields, models


class UbndSignConfirm(models.TransientModel):
    """The one place where a leader confirms his signature: he reads the document he signs and the capacity
    in which he signs it on this day, then confirms.

    The screen only shows; the signature itself is the server's action on the submission (or on the document),
    which checks the signer's capacity again and refuses anyone not entitled (Decree 30/2020 Đ13; 000 Đ20.1).
    """

    _name = "ubnd.sign.confirm"
    _description = "Confirm a signature"

    submission_id = fields.Many2one("ubnd.submission", string="Dossier", ondelete="cascade", readonly=True)
    document_id = fields.Many2one("ubnd.document", string="Document", required=True, ondelete="cascade", readonly=True)
    document_name = fields.Char(related="document_id.name", string="Summary")
    document_type_id = fields.Many2one(related="document_id.document_type_id")
    signing_date = fields.Date(compute="_compute_capacity")
    can_sign = fields.Boolean(compute="_compute_capacity")
    capacity_label = fields.Char("Sign as", compute="_compute_capacity")
    signer_name = fields.Char(compute="_compute_capacity")
    preview_pdf = fields.Binary("Document to sign", attachment=False, readonly=True)
    preview_pdf_name = fields.Char()

    @api.depends("document_id")
    def _compute_capacity(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            capacity = wizard._capacity(today)
            wizard.signing_date = today
            wizard.can_sign = bool(capacity)
            wizard.capacity_label = " – ".join(line for line in capacity["lines"] if line) if capacity else False
            wizard.signer_name = self.env.user.name if capacity else False

    def _capacity(self, on_date):
        """The current user's capacity for the document on ``on_date``: the same question, with the same
        arguments, that ``ubnd.document.action_sign`` asks before it signs."""
        doc = self.document_id
        if not doc or doc.state != "draft":
            return False
        return self.env["ubnd.signing"].signing_capacity(
            self.env.user, doc.committee_id, doc.authority, doc.document_type_id, doc.field_id, on_date,
            area=doc.drafting_unit_id if doc.drafting_unit_id.ubnd_unit_kind == "commune" else None,
        )

    @api.model
    def _action_open(self, document, submission=None):
        """The signing screen for ``document``, with the document rendered as it will be printed (the signer
        reads the PDF itself, also where Odoo would otherwise render HTML, as in a test run)."""
        content = document._signing_preview_pdf()
        wizard = self.create({
            "document_id": document.id,
            "submission_id": submission.id if submission else False,
            "preview_pdf": base64.b64encode(content) if content else False,
            "preview_pdf_name": "%s.pdf" % (document.name or "van-ban"),
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign the document"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_confirm(self):
        """Sign through the server's own action, which checks the signer again."""
        self.ensure_one()
        if self.submission_id:
            self.submission_id.action_sign()
            document = self.submission_id.document_id
        else:
            self.document_id.action_sign()
            document = self.document_id
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Signed: document no. %s.", document.reference),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
