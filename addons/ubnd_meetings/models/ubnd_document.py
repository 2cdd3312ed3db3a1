from odoo import api, fields, models
from odoo.exceptions import AccessError

from .common import refuse_workflow_values


class UbndDocument(models.Model):
    """Conclusion notices are documents of the core, linked back to the meeting they conclude."""

    _inherit = "ubnd.document"

    meeting_id = fields.Many2one("ubnd.meeting", string="Meeting concluded", index=True, ondelete="set null",
                                 readonly=True, copy=False)

    # The link is made by the meeting's "Conclusion notice" step only: a client linking any document to a meeting
    # would mark its conclusion notice issued (000 Đ30.2, Đ32.2.e).
    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, {"meeting_id"}, self.env._(
            "A conclusion notice is drafted from its meeting."))
        return super().create(vals_list)

    def write(self, vals):
        if "meeting_id" in vals and not self.env.su:
            raise AccessError(self.env._("A conclusion notice is drafted from its meeting."))
        return super().write(vals)

    def action_issue(self):
        res = super().action_issue()
        self.sudo().meeting_id._refresh_step_completion()
        return res
