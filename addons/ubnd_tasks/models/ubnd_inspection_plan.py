from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_workflow_values

PLAN_WORKFLOW_FIELDS = ("state", "approved_by_id", "approved_date")


class UbndInspectionPlan(models.Model):
    """An inspection plan (kế hoạch kiểm tra): the basis of regular and periodic inspections, approved
    by the competent person (002 Đ11.1.a, Đ13.1) — the Chairman for the committee's plan, the head
    of the unit for a unit's own plan (002 Đ11.2)."""

    _name = "ubnd.inspection.plan"
    _description = "Inspection plan"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    name = fields.Char(required=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    unit_id = fields.Many2one(
        "hr.department", string="Unit's own plan",
        help="Empty for the committee's plan, drafted by the Office (002 Đ11.1.a).",
    )
    content = fields.Html()
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft", required=True, tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_date = fields.Date(readonly=True)
    inspection_ids = fields.One2many("ubnd.inspection", "plan_id", string="Inspections")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, PLAN_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, PLAN_WORKFLOW_FIELDS)
            if self.filtered(lambda p: p.state == "approved") and any(
                not name.startswith(("message_", "activity_")) for name in vals
            ):
                raise UserError(self.env._("An approved inspection plan no longer changes; a new plan is approved (002 Đ13.1)."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(self.env._("An approved inspection plan no longer changes; a new plan is approved (002 Đ13.1)."))

    def _competent_user(self):
        self.ensure_one()
        if self.unit_id:
            return self.unit_id.manager_id.user_id or self.unit_id.ubnd_subordinate_committee_id.chairman_id
        return self.committee_id.chairman_id

    def action_approve(self):
        for plan in self:
            if not self.env.su and self.env.user != plan._competent_user():
                raise AccessError(self.env._(
                    "An inspection plan is approved by the competent person: the Chairman for the committee's "
                    "plan, the head for a unit's plan (002 Đ13.1)."
                ))
            if plan.state != "draft":
                raise UserError(self.env._("The plan is already approved."))
            plan.sudo().write({"state": "approved", "approved_by_id": self.env.user.id,
                        "approved_date": self.env["ubnd.task"]._today()})
        return True
