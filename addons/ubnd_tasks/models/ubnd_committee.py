from odoo import fields, models


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    task_gov_focal_user_id = fields.Many2one(
        "res.users", string="Office focal officer for Government tasks",
        help="002 Đ6.2.b — the Office officer who updates the Government's tracking and disclosure database "
        "with the completion results of Government and Prime Minister tasks.",
    )
