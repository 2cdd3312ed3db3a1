from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    ubnd_committee_ids = fields.One2many("ubnd.committee", "company_id", string="People's Committee")
