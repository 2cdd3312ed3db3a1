from odoo import fields, models


class UbndDocument(models.Model):
    """Conclusion notices are documents of the core, linked back to the meeting they conclude."""

    _inherit = "ubnd.document"

    meeting_id = fields.Many2one("ubnd.meeting", string="Meeting concluded", index=True, ondelete="set null",
                                 readonly=True, copy=False)

    def action_issue(self):
        res = super().action_issue()
        self.sudo().meeting_id._refresh_step_completion()
        return res
