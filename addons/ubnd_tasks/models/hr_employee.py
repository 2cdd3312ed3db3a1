from odoo import api, models


class HrEmployee(models.Model):
    """A user's unit feeds the task record rules, which Odoo caches per user: clear them
    when an employee moves to another unit or gets another user."""

    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        self._ubnd_units_changed()
        return employees

    def write(self, vals):
        res = super().write(vals)
        if {"department_id", "user_id", "active"} & set(vals):
            self._ubnd_units_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._ubnd_units_changed()
        return res

    def _ubnd_units_changed(self):
        self.env["res.users"].invalidate_model(["ubnd_unit_ids"])
        self.env.registry.clear_cache()
