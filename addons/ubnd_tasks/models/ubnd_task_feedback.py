from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_tasks_of_committee, check_workflow_values

FEEDBACK_WORKFLOW_FIELDS = ("state", "urging_id", "direction_id", "response_date", "response_deadline", "answered_late")


class UbndTaskFeedback(models.Model):
    """Feedback from a locality or agency that a unit carried out a related task late or wrongly
    (002 Đ18.5, Đ19.3, Đ20.3).

    The Office checks it and, within the profile's working days of receiving it, issues an urging
    document to the unit concerned or asks the committee for direction; the urging document, or the
    notice of the direction, is also sent to the body that gave the feedback.
    """

    _name = "ubnd.task.feedback"
    _description = "Feedback on a late or wrong task"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "received_date desc, id desc"

    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    task_id = fields.Many2one("ubnd.task", index=True)
    from_unit_id = fields.Many2one("hr.department", string="Feedback from", required=True)
    about_unit_id = fields.Many2one("hr.department", string="Unit concerned", required=True)
    received_date = fields.Date("Received on", required=True, default=lambda self: self.env["ubnd.task"]._today())
    content = fields.Text(required=True)
    response_deadline = fields.Date(compute="_compute_response_deadline", store=True)
    response_type = fields.Selection(
        [("urging", "Urging document to the unit concerned"), ("direction", "Request for the committee's direction")],
    )
    urging_id = fields.Many2one("ubnd.task.urging", readonly=True)
    direction_id = fields.Many2one("ubnd.task.direction", readonly=True)
    response_date = fields.Date(readonly=True, tracking=True)
    answered_late = fields.Boolean(compute="_compute_response_deadline", store=True)
    document_reference = fields.Char("Urging document number")
    state = fields.Selection([("received", "Received"), ("answered", "Answered")], default="received", required=True, tracking=True)

    @api.depends("received_date", "response_date", "committee_id.profile_id.feedback_urging_days")
    def _compute_response_deadline(self):
        for feedback in self:
            profile = feedback.committee_id.profile_id
            feedback.response_deadline = (
                profile.compute_deadline(feedback.received_date, "feedback_urging_days", feedback.company_id)
                if feedback.received_date and profile else False
            )
            feedback.answered_late = bool(
                feedback.response_date and feedback.response_deadline and feedback.response_date > feedback.response_deadline
            )

    def _compute_display_name(self):
        for feedback in self:
            feedback.display_name = self.env._("Feedback from %(giver)s on %(unit)s",
                                               giver=feedback.from_unit_id.name, unit=feedback.about_unit_id.name)

    @api.constrains("task_id", "committee_id")
    def _check_task_committee(self):
        for feedback in self:
            check_tasks_of_committee(self.env, feedback.task_id, feedback.committee_id)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, FEEDBACK_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, FEEDBACK_WORKFLOW_FIELDS)
            if self.filtered(lambda f: f.state == "answered") and any(
                not name.startswith(("message_", "activity_")) for name in vals
            ):
                raise UserError(self.env._("Answered feedback is part of the record and no longer changes (002 Đ18.5)."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unanswered(self):
        if not self.env.su and self.filtered(lambda f: f.state == "answered"):
            raise UserError(self.env._("Answered feedback is part of the record and no longer changes (002 Đ18.5)."))

    def action_respond(self):
        """Issue the urging document (copied to the feedback giver) or ask for direction (002 Đ18.5)."""
        for feedback in self:
            if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office answers feedback (002 Đ18.5)."))
            if feedback.state != "received" or not feedback.response_type:
                raise UserError(self.env._("Choose how the Office answers the feedback."))
            today = self.env["ubnd.task"]._today()
            vals = {"state": "answered", "response_date": today}
            if feedback.response_type == "urging":
                vals["urging_id"] = self.env["ubnd.task.urging"].create({
                    "committee_id": feedback.committee_id.id,
                    "task_ids": [(6, 0, feedback.task_id.ids)],
                    "unit_ids": [(6, 0, feedback.about_unit_id.ids)],
                    "copy_unit_ids": [(6, 0, feedback.from_unit_id.ids)],
                    "form": "document",
                    "level": "2",
                    "document_reference": feedback.document_reference,
                    "note": feedback.content,
                    "feedback_id": feedback.id,
                }).id
            else:
                vals["direction_id"] = self.env["ubnd.task.direction"].create({
                    "task_id": feedback.task_id.id,
                    "committee_id": feedback.committee_id.id,
                    "reason": "feedback",
                    "description": feedback.content,
                }).id
            feedback.sudo().write(vals)
        return True
