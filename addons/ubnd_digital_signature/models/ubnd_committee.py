from odoo import fields, models


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    ubnd_require_digital_signature = fields.Boolean(
        "Require digital signatures", tracking=True,
        help="Leaders sign only digitally (the plain 'Sign' is refused to a signer without a usable certificate) "
             "and the Office issues only digitally signed documents.")
