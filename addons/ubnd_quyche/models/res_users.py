from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    ubnd_member_ids = fields.One2many("ubnd.committee.member", "user_id", string="Committee memberships")

    def _ubnd_membership(self, committee):
        """The active membership of this user in ``committee`` (empty when not a member)."""
        self.ensure_one()
        return self.ubnd_member_ids.filtered(lambda m: m.active and m.committee_id == committee)[:1]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        for user in users.filtered(lambda u: u._ubnd_is_committee_user()):
            committee = self.env["ubnd.committee"].sudo()._for_company(user.company_id)
            if committee:
                user._ubnd_settle_in(committee)
        return users

    def _ubnd_is_committee_user(self):
        """An internal user working in a committee: its staff, its members and leaders."""
        self.ensure_one()
        return not self.share and self.has_group("ubnd_quyche.group_ubnd_staff")

    def _ubnd_settle_in(self, committee):
        """Settle internal users into ``committee``: its time zone, notified inside Odoo (a committee
        may have no mail server, and its people work here), landing on their work, and no OdooBot
        onboarding chat popping up on their first login."""
        vals = {
            "tz": committee.tz,
            "notification_type": "inbox",
            "action_id": self.env.ref("ubnd_quyche.ubnd_my_work_action").id,
        }
        if "odoobot_state" in self._fields:  # mail_bot installed
            vals["odoobot_state"] = "disabled"
        self.filtered(lambda u: not u.share).sudo().write(vals)
