from odoo import fields, models


class UbndTaskReasonWizard(models.TransientModel):
    """Ask for the reason of an Office decision: send back a report, or cancel a task."""

    _name = "ubnd.task.reason.wizard"
    _description = "Reason"

    task_id = fields.Many2one("ubnd.task", required=True)
    update_id = fields.Many2one("ubnd.task.update")
    action = fields.Selection([("send_back", "Send back the report"), ("cancel", "Cancel the task")], required=True)
    reason = fields.Text(required=True)
    direction_id = fields.Many2one(
        "ubnd.task.direction", string="Direction followed",
        domain="[('task_id', '=', task_id), ('state', '=', 'directed')]",
    )
    direction_reference = fields.Char("Direction document")

    def action_apply(self):
        self.ensure_one()
        if self.action == "send_back":
            self.update_id._send_back(self.reason)
        else:
            self.task_id._cancel(self.reason, direction=self.direction_id, direction_reference=self.direction_reference)
        return {"type": "ir.actions.act_window_close"}
