from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ubnd_certificate_ids = fields.One2many(
        "certificate.certificate", "ubnd_user_id", string="Digital signature certificates",
        domain=[("scope", "=", "ubnd_signer")], groups="base.group_system",
    )
