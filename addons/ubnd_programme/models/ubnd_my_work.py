from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" of programmes and schedules: requests, programmes and adjustments to decide, reports to send."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        uid = self.env.uid
        items += [
            self._my_work_item(
                "schedule_to_decide", "ubnd.schedule.entry",
                [("state", "=", "requested"), ("activity_ids.user_id", "=", uid)],
                label=self.env._("Receptions and trips to decide"), sequence=80, icon="fa-calendar",
                groups="ubnd_quyche.group_ubnd_member", hide_empty=True,
                base_action="ubnd_programme.ubnd_schedule_to_decide_action",
            ),
            self._my_work_item(
                "programmes_to_decide", "ubnd.programme",
                [("state", "=", "submitted"), ("committee_id.chairman_id", "=", uid)],
                label=self.env._("Work programmes to approve"), sequence=82, icon="fa-list-alt",
                groups="ubnd_quyche.group_ubnd_chairman", hide_empty=True,
                base_action="ubnd_programme.ubnd_programme_to_decide_action",
            ),
            self._my_work_item(
                "adjustments_to_decide", "ubnd.programme.adjustment",
                [("state", "=", "proposed"), ("committee_id.chairman_id", "=", uid)],
                label=self.env._("Programme adjustments to decide"), sequence=83, icon="fa-exchange",
                groups="ubnd_quyche.group_ubnd_chairman", hide_empty=True,
                base_action="ubnd_programme.ubnd_adjustment_to_decide_action",
            ),
            self._my_work_item(
                "reports_to_send", "ubnd.report", [("state", "=", "pending"), ("responsible_user_id", "=", uid)],
                label=self.env._("Reports to send"), sequence=85, icon="fa-file-text-o",
                overdue=[("due_date", "<", self._today())], hide_empty=True,
                base_action="ubnd_programme.ubnd_report_mine_action",
            ),
        ]
        return items
