from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_workflow_values

FOCAL_REPORT_WORKFLOW_FIELDS = ("state", "approved_by_id", "sent_date")


class UbndFocalReport(models.Model):
    """A focal officers' periodic report on administrative-procedure control (004 Đ6.3): quarterly and
    annual (or ad hoc on request), on procedure control and reform, one-stop services and online
    procedures; approved by the unit head and sent to the committee through the Office."""

    _name = "ubnd.focal.report"
    _description = "Focal officers' report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, quarter desc, id desc"

    committee_id = fields.Many2one("ubnd.committee", required=True, index=True,
                                   default=lambda self: self.env["ubnd.committee"]._for_company())
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True, index=True)
    period_type = fields.Selection(
        [("quarter", "Quarterly"), ("year", "Annual"), ("adhoc", "Ad hoc")], required=True, default="quarter",
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")])
    prepared_by_id = fields.Many2one("ubnd.focal.officer", string="Prepared by")
    control = fields.Html("Procedure control")
    reform = fields.Html("Procedure reform")
    one_stop = fields.Html("One-stop and inter-agency one-stop")
    online = fields.Html("Online procedures")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted to the head"), ("approved", "Approved"), ("sent", "Sent to the Office")],
        default="draft", required=True, tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    sent_date = fields.Date(readonly=True, tracking=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, FOCAL_REPORT_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, FOCAL_REPORT_WORKFLOW_FIELDS)
        return super().write(vals)

    def _head(self):
        self.ensure_one()
        unit = self.sudo().unit_id
        return unit.ubnd_subordinate_committee_id.chairman_id or unit.manager_id.user_id

    def action_submit(self):
        for report in self:
            if report.period_type == "quarter" and not report.quarter:
                raise UserError(self.env._("Say which quarter the report covers."))
            if not self.env.su and not (self.env["ubnd.task"]._unit_users_allowed(report.unit_id, self.env.user)
                                        or self.env.user == report._head()):
                raise AccessError(self.env._("The unit submits its own report (004 Đ6.3)."))
            if report.state != "draft":
                raise UserError(self.env._("Only a draft report is submitted."))
            report.sudo().state = "submitted"
            head = report._head()
            if head:
                report.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", summary=self.env._("Approve the focal officers' report"),
                    user_id=head.id,
                )
        return True

    def action_approve(self):
        """004 Đ6.3 — the head of the unit approves the report."""
        for report in self:
            if report.state != "submitted":
                raise UserError(self.env._("Only a submitted report is approved."))
            if not self.env.su and self.env.user != report._head():
                raise AccessError(self.env._("The head of the unit approves the focal officers' report (004 Đ6.3)."))
            report.sudo().write({"state": "approved", "approved_by_id": self.env.user.id})
            report.sudo().activity_feedback(["ubnd_tasks.mail_activity_task_action"])
        return True

    def action_send(self):
        for report in self:
            if not self.env.su and not (self.env["ubnd.task"]._unit_users_allowed(report.unit_id, self.env.user)
                                        or self.env.user == report._head()):
                raise AccessError(self.env._("The unit submits its own report (004 Đ6.3)."))
            if report.state != "approved":
                raise UserError(self.env._("The head approves the report before it goes to the Office (004 Đ6.3)."))
            report.sudo().write({"state": "sent", "sent_date": self.env["ubnd.task"]._today()})
            chief = report.committee_id.chief_of_office_id
            if chief:
                report.sudo().message_post(body=self.env._("Report sent to the Office."),
                                           partner_ids=chief.partner_id.ids, subtype_xmlid="mail.mt_comment")
        return True
