from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged


class UbndTask(models.Model):
    """A task assigned by a leader's direction on an incoming document keeps that document as its source, so a
    superior body's task is tracked from the day it arrived (002 Đ1.1, Đ5.1.a)."""

    _inherit = "ubnd.task"

    incoming_id = fields.Many2one(
        "ubnd.incoming", string="Source incoming document", readonly=True, index="btree_not_null",
        ondelete="restrict", copy=False,
        help="The incoming document whose direction assigned this task; set by the direction only.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_incoming_link(vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._check_incoming_link([vals])
        return super().write(vals)

    def _check_incoming_link(self, vals_list, creating=False):
        if is_privileged(self, "ubnd_incoming_workflow"):
            return
        if any(vals.get("incoming_id") for vals in vals_list) or (creating and self.env.context.get("default_incoming_id")):
            raise AccessError(self.env._(
                "A task is linked to an incoming document only by the leader's direction on that document."
            ))

    @api.constrains("incoming_id", "committee_id")
    def _check_incoming_committee(self):
        for task in self.filtered("incoming_id"):
            if task.incoming_id.sudo().committee_id != task.committee_id:
                raise ValidationError(self.env._("A task's source incoming document belongs to its committee."))

    @api.depends("incoming_id.direction_date")
    def _compute_entry_deadline(self):
        """A task from an incoming document is assigned by the leader's direction on it, not by the outside
        document's issue: the Office's entry window (002 Đ6.2.a) counts from the direction."""
        super()._compute_entry_deadline()
        for task in self.filtered(lambda t: t.incoming_id.sudo().direction_date and t.committee_id.profile_id):
            task.entry_deadline = task.committee_id.profile_id.compute_deadline(
                task.incoming_id.sudo().direction_date, "task_entry_days", task.company_id)
            task.entered_late = bool(task.assign_date and task.assign_date > task.entry_deadline)
