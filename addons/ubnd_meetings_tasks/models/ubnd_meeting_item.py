from odoo import api, fields, models
from odoo.exceptions import AccessError


class UbndMeetingItem(models.Model):
    """An agenda item may be the Office's report on the tasks assigned (002 Đ21.2, 000 Đ40.3)."""

    _inherit = "ubnd.meeting.item"

    item_type = fields.Selection(
        selection_add=[("task_report", "Report on the tasks assigned (002 Đ21.2, 000 Đ40.3)")],
        ondelete={"task_report": "set default"},
    )
    task_session_id = fields.Many2one("ubnd.task.session", string="Task follow-up", readonly=True, index=True,
                                      copy=False, ondelete="set null")
    task_update_deadline = fields.Date(related="task_session_id.update_deadline", string="Units update by")
    task_session_state = fields.Selection(related="task_session_id.state", string="Task report")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("task_session_id") for vals in vals_list):
            raise AccessError(self.env._("The task report item is put on the agenda with its session."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "task_session_id" in vals:
            raise AccessError(self.env._("The task report item is put on the agenda with its session."))
        return super().write(vals)

    def action_open_task_session(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "ubnd.task.session",
                "res_id": self.task_session_id.id, "view_mode": "form", "views": [(False, "form")]}
