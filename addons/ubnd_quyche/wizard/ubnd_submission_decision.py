from odoo import fields, models


class UbndSubmissionDecision(models.TransientModel):
    """One screen for a leader on the phone: read, write an opinion, approve or return in one tap."""

    _name = "ubnd.submission.decision"
    _description = "Leader's decision on a submission"

    submission_id = fields.Many2one("ubnd.submission", required=True, ondelete="cascade")
    name = fields.Char(related="submission_id.name")
    summary = fields.Text(related="submission_id.summary")
    suggested_route = fields.Selection(related="submission_id.suggested_route")
    suggested_route_reason = fields.Char(related="submission_id.suggested_route_reason")
    decision_deadline = fields.Date(related="submission_id.decision_deadline")
    comment = fields.Text("Opinion")
    special_case_reason = fields.Text("Special case (late decision)")

    def _apply_comment(self):
        self.ensure_one()
        vals = {}
        if self.comment:
            vals["decision_note"] = self.comment
        if self.special_case_reason:
            vals["special_case_reason"] = self.special_case_reason
        if vals:
            self.submission_id.write(vals)
        return self.submission_id

    def action_approve(self):
        self._apply_comment().action_approve()
        return {"type": "ir.actions.act_window_close"}

    def action_session(self):
        self._apply_comment().action_send_to_session()
        return {"type": "ir.actions.act_window_close"}

    def action_ballot(self):
        self._apply_comment().action_send_to_ballot()
        return {"type": "ir.actions.act_window_close"}

    def action_return(self):
        self._apply_comment().action_leader_return()
        return {"type": "ir.actions.act_window_close"}
