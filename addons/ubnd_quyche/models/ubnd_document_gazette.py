from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Written only by sending to the gazette: never directly by a caller.
GAZETTE_FIELDS = frozenset({"gazette_sent_at", "gazette_reference"})


class UbndDocument(models.Model):
    """A legal normative document is published on the committee's website (``action_publish``) and also sent to
    the provincial e-gazette, except state secrets (001 Đ16.2; 000 Đ20.3–20.4: the Government's and the city's
    electronic systems). Both steps are recorded, by whom and when, and each is listed until done."""

    _inherit = "ubnd.document"

    gazette_state = fields.Selection(
        [("not_required", "Not required"), ("to_send", "To send"), ("sent", "Sent")],
        "E-gazette", compute="_compute_gazette_state", store=True, index=True,
        help="001 Đ16.2: legal normative documents of the ward are sent to the provincial e-gazette, except "
        "state secrets.",
    )
    gazette_sent_at = fields.Datetime("Sent to the e-gazette on", readonly=True, copy=False)
    gazette_reference = fields.Char(
        "E-gazette receipt", readonly=True, copy=False,
        help="The number or link the e-gazette gave on receipt.",
    )

    @api.depends("state", "is_legal_normative", "confidentiality", "gazette_sent_at")
    def _compute_gazette_state(self):
        for doc in self:
            if doc.gazette_sent_at:
                doc.gazette_state = "sent"
            elif doc.state == "issued" and doc.is_legal_normative and doc.confidentiality == "normal":
                doc.gazette_state = "to_send"
            else:
                doc.gazette_state = "not_required"

    def action_send_to_gazette(self, receipt=None):
        """The Office records that the issued legal normative document was sent to the e-gazette (001 Đ16.2);
        never a state secret (Đ16.2 'trừ trường hợp thuộc danh mục bí mật nhà nước')."""
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office sends documents to the e-gazette."))
        for doc in self:
            if doc.confidentiality != "normal":
                raise UserError(self.env._("A state-secret document is never sent to the e-gazette (001 Đ16.2)."))
            if doc.state != "issued" or not doc.is_legal_normative:
                raise UserError(self.env._("Only an issued legal normative document is sent to the e-gazette."))
            if doc.gazette_sent_at:
                raise UserError(self.env._("This document was already sent to the e-gazette."))
        self.sudo().write({"gazette_sent_at": fields.Datetime.now(), "gazette_reference": receipt or False})
        for doc in self:
            doc.message_post(body=self.env._("Sent to the e-gazette (001 Đ16.2)%s.",
                                             ": %s" % receipt if receipt else ""))
        return True

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in GAZETTE_FIELDS:
                    vals.pop(fname, None)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and GAZETTE_FIELDS & set(vals):
            raise AccessError(self.env._("A document is marked as sent to the e-gazette only by sending it."))
        return super().write(vals)
