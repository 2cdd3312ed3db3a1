from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" of task tracking: tasks due soon or overdue, reports to confirm, directions asked."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        uid = self.env.uid
        items += [
            self._my_work_item(
                "tasks_attention", "ubnd.task",
                ["|", "|", ("leader_id", "=", uid), ("lead_user_id", "=", uid), ("is_my_unit", "=", True),
                 "|", ("status", "=", "overdue"), ("is_due_soon", "=", True)],
                label=self.env._("Tasks due soon or overdue"), sequence=60, icon="fa-tasks",
                overdue=[("status", "=", "overdue")], base_action="ubnd_tasks.ubnd_task_action",
            ),
            self._my_work_item(
                "task_reports_to_confirm", "ubnd.task.update",
                [("kind", "in", ("progress", "completion")), ("state", "=", "submitted")],
                label=self.env._("Reports awaiting confirmation"), sequence=62, icon="fa-check-circle-o",
                groups="ubnd_quyche.group_ubnd_office",
                base_action="ubnd_tasks.ubnd_task_update_action_to_confirm",
            ),
            self._my_work_item(
                "task_directions", "ubnd.task.direction", [("leader_id", "=", uid), ("state", "=", "requested")],
                label=self.env._("Requests for my direction"), sequence=64, icon="fa-compass",
                groups="ubnd_quyche.group_ubnd_member", hide_empty=True,
                base_action="ubnd_tasks.ubnd_task_direction_action_mine",
            ),
        ]
        return items
