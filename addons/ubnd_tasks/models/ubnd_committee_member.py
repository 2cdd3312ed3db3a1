from odoo import models


class UbndCommitteeMember(models.Model):
    """A leader's portfolio feeds the task record rules (leaders see their portfolio): clear
    the cached rules when it changes."""

    _inherit = "ubnd.committee.member"

    def write(self, vals):
        res = super().write(vals)
        if {"field_ids", "area_unit_ids", "active", "user_id", "role"} & set(vals):
            self.env.registry.clear_cache()
        return res
