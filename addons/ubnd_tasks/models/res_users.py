from odoo import api, fields, models


class ResUsers(models.Model):
    """Where a user works and what a leader follows: the inputs of the task record rules."""

    _inherit = "res.users"

    ubnd_unit_ids = fields.Many2many(
        "hr.department", string="Units", compute="_compute_ubnd_unit_ids",
        help="The units the user works in, from the employee records (hr.employee.department_id).",
    )
    ubnd_portfolio_field_ids = fields.Many2many(
        "ubnd.field", string="Fields followed", compute="_compute_ubnd_portfolio",
        help="Fields of the user's active committee memberships (000 Đ7.2, 001 Đ5.2.a).",
    )
    ubnd_portfolio_unit_ids = fields.Many2many(
        "hr.department", string="Units followed", compute="_compute_ubnd_portfolio",
        help="Areas and units of the user's active committee memberships.",
    )

    def _compute_ubnd_unit_ids(self):
        # Not ``employee_ids``: that field only holds the employees of the current company, and the
        # record rules need the user's units whatever company is active.
        employees = self.env["hr.employee"].sudo().with_context(active_test=False).search([("user_id", "in", self.ids)])
        for user in self:
            user.ubnd_unit_ids = employees.filtered(lambda e: e.user_id == user).department_id

    @api.depends("ubnd_member_ids.field_ids", "ubnd_member_ids.area_unit_ids", "ubnd_member_ids.active")
    def _compute_ubnd_portfolio(self):
        for user in self:
            memberships = user.sudo().ubnd_member_ids.filtered("active")
            user.ubnd_portfolio_field_ids = memberships.field_ids
            user.ubnd_portfolio_unit_ids = memberships.area_unit_ids
