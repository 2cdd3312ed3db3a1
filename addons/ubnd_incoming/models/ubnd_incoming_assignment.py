from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.ubnd_quyche.tools import is_privileged


class UbndIncomingAssignment(models.Model):
    """One unit an incoming document is distributed to by the leader's direction: the lead unit (chủ trì) or a
    supporting unit (phối hợp), each with its deadline (PL IV §VII block 1; PL VI P.II §II.16, §II.18)."""

    _name = "ubnd.incoming.assignment"
    _description = "Distribution of an incoming document"
    _order = "incoming_id, role, id"
    # Read where the document is readable: the units see the lines of the documents distributed to them.
    _ubnd_parent_field = "incoming_id"

    incoming_id = fields.Many2one("ubnd.incoming", string="Incoming document", required=True, ondelete="cascade", index=True)
    committee_id = fields.Many2one(related="incoming_id.committee_id", store=True)
    role = fields.Selection([("lead", "Lead (chủ trì)"), ("support", "Support (phối hợp)")], required=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Person in charge",
                              help="PL IV §VII block 2 — the person the unit's leader assigns; by default its head.")
    deadline = fields.Date(help="PL IV §VII — the deadline the leader sets for this unit.")

    @api.model_create_multi
    def create(self, vals_list):
        self._check_direction_step()
        return super().create(vals_list)

    def write(self, vals):
        self._check_direction_step()
        return super().write(vals)

    def unlink(self):
        self._check_direction_step()
        return super().unlink()

    def _check_direction_step(self):
        """The distribution is the leader's direction: written by the direction step only, never by a client."""
        if not is_privileged(self, "ubnd_incoming_workflow"):
            raise AccessError(self.env._(
                "The units, roles and deadlines of a distribution are set by the leader's direction only "
                "(Decree 30/2020 Đ23–24)."
            ))

    def _recipients(self):
        """Who acts for the unit: the person named, else its head and its task focal officer (for a lower-level
        committee, its chairman)."""
        self.ensure_one()
        unit = self.unit_id.sudo()
        return self.user_id or (unit.manager_id.user_id | unit.ubnd_task_focal_user_id
                                | unit.ubnd_subordinate_committee_id.chairman_id)
