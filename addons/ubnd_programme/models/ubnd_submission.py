from odoo import fields, models


class UbndSubmission(models.Model):
    _inherit = "ubnd.submission"

    programme_item_ids = fields.One2many(
        "ubnd.programme.item", "submission_id", string="Programme items",
        help="The work-programme items this submission fulfils (000 Đ24.1.a).",
    )
