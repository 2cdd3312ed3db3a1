from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ubnd_quyche.tools import privileged


class UbndTaskReassignWizard(models.TransientModel):
    """The Office changes the lead unit, the lead person or the deadline of a task following the
    direction of the committee or its Chairman (002 Đ6.1.c); every change is kept in the history."""

    _name = "ubnd.task.reassign.wizard"
    _description = "Reassign a task or change its deadline"

    task_id = fields.Many2one("ubnd.task", required=True)
    committee_id = fields.Many2one(related="task_id.committee_id")
    lead_unit_id = fields.Many2one(
        "hr.department", string="Lead unit", required=True,
        compute="_compute_lead_unit", store=True, readonly=False, precompute=True,
        domain="[('ubnd_committee_id', '=', committee_id)]",
    )
    lead_user_id = fields.Many2one(
        "res.users", string="Lead person", compute="_compute_lead_user", store=True, readonly=False, precompute=True,
    )
    deadline = fields.Date(compute="_compute_deadline", store=True, readonly=False, precompute=True)
    direction_id = fields.Many2one(
        "ubnd.task.direction", string="Direction followed",
        compute="_compute_direction", store=True, readonly=False, precompute=True,
        domain="[('task_id', '=', task_id), ('state', '=', 'directed')]",
    )
    direction_reference = fields.Char("Direction document")
    reason = fields.Text(required=True)

    @api.depends("task_id")
    def _compute_lead_unit(self):
        for wizard in self:
            wizard.lead_unit_id = wizard.task_id.lead_unit_id

    @api.depends("task_id")
    def _compute_deadline(self):
        for wizard in self:
            wizard.deadline = wizard.task_id.deadline

    @api.depends("task_id")
    def _compute_direction(self):
        for wizard in self:
            wizard.direction_id = wizard.task_id.direction_ids.filtered(lambda d: d.state == "directed")[:1]

    @api.depends("lead_unit_id")
    def _compute_lead_user(self):
        for wizard in self:
            if wizard.lead_unit_id == wizard.task_id.lead_unit_id:
                wizard.lead_user_id = wizard.task_id.lead_user_id
            else:
                wizard.lead_user_id = wizard.lead_unit_id.manager_id.user_id

    def action_apply(self):
        self.ensure_one()
        task = self.task_id
        task._check_office()
        if task.state not in ("in_progress", "reported", "returned"):
            raise UserError(self.env._("Only an open or returned task is reassigned."))
        if not (self.direction_id or self.direction_reference):
            raise UserError(self.env._(
                "The Office changes the lead unit or the deadline only on the direction of the committee or its "
                "Chairman: give the direction (002 Đ6.1.c)."
            ))
        task._check_direction_followed(self.direction_id)
        if not self.lead_user_id:
            raise UserError(self.env._("Name the lead person (000 Đ2.4)."))
        unit_changed = self.lead_unit_id != task.lead_unit_id or self.lead_user_id != task.lead_user_id
        deadline_changed = self.deadline != task.deadline
        if not (unit_changed or deadline_changed):
            raise UserError(self.env._("Nothing changes."))
        change_type = "both" if unit_changed and deadline_changed else ("reassign" if unit_changed else "deadline")
        open_return = task.return_ids.filtered(lambda r: r.state == "submitted")[:1]
        self.env["ubnd.task.change"].sudo().create({
            "task_id": task.id,
            "change_type": change_type,
            "old_lead_unit_id": task.lead_unit_id.id,
            "new_lead_unit_id": self.lead_unit_id.id,
            "old_lead_user_id": task.lead_user_id.id,
            "new_lead_user_id": self.lead_user_id.id,
            "old_deadline": task.deadline,
            "new_deadline": self.deadline,
            "reason": self.reason,
            "direction_id": self.direction_id.id,
            "direction_reference": self.direction_reference or self.direction_id.direction_reference,
            "return_id": open_return.id,
        })
        vals = {"lead_unit_id": self.lead_unit_id.id, "lead_user_id": self.lead_user_id.id, "deadline": self.deadline}
        if task.state == "returned":
            vals["state"] = "in_progress"
        if unit_changed:
            # The new lead unit receives the task today: its own return window starts (002 Đ6.1.c).
            vals["receipt_date"] = task._today()
            vals["coordinating_unit_ids"] = [(3, self.lead_unit_id.id)]
        privileged(task.sudo(), "ubnd_task_directed_change").write(vals)
        if open_return:
            open_return.sudo().state = "resolved"
        task._subscribe_units()
        task._schedule(
            self.lead_user_id, self.env._("Task reassigned or deadline changed"), note=self.reason,
            date_deadline=task.effective_deadline or task._today(),
        )
        return {"type": "ir.actions.act_window_close"}
