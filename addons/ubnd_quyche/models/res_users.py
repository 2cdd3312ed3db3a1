from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ubnd_member_ids = fields.One2many("ubnd.committee.member", "user_id", string="Committee memberships")

    def _ubnd_membership(self, committee):
        """The active membership of this user in ``committee`` (empty when not a member)."""
        self.ensure_one()
        return self.ubnd_member_ids.filtered(lambda m: m.active and m.committee_id == committee)[:1]
