from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_workflow_values

FOCAL_LIST_WORKFLOW_FIELDS = ("state", "approved_by_id", "approved_date", "sent_to_office_date")


class UbndFocalList(models.Model):
    """The list of a unit's focal officers and its approval (004 Đ2.3, Đ7.2, Đ8.2).

    Department and Office lists are kept up to date by the Office and approved by the Chairman; a
    commune's list is approved by the commune chairman and sent to the Office, which compiles them. The
    composition rules of 004 Đ2.1 are checked on submission. Any later change of officer puts the
    list back to draft and notifies the Office (004 Đ2.3).
    """

    _name = "ubnd.focal.list"
    _description = "Focal officer list"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "unit_id"

    committee_id = fields.Many2one("ubnd.committee", required=True, index=True,
                                   default=lambda self: self.env["ubnd.committee"]._for_company())
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True)
    officer_ids = fields.One2many(related="unit_id.ubnd_focal_officer_ids", string="Officers")
    level = fields.Selection([("city", "City level"), ("commune", "Commune level")], compute="_compute_level", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted for approval"), ("approved", "Approved")],
        default="draft", required=True, tracking=True,
    )
    approver_id = fields.Many2one("res.users", compute="_compute_approver_id")
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_date = fields.Date(readonly=True)
    sent_to_office_date = fields.Date(readonly=True, help="004 Đ8.2 — the commune's approved list goes to the Office.")

    _unit_unique = models.Constraint("UNIQUE(unit_id)", "The unit already has a list.")

    @api.depends("unit_id.ubnd_unit_kind")
    def _compute_level(self):
        for focal_list in self:
            focal_list.level = "commune" if focal_list.unit_id.ubnd_unit_kind == "commune" else "city"

    @api.depends("unit_id", "committee_id")
    def _compute_approver_id(self):
        for focal_list in self:
            unit = focal_list.sudo().unit_id
            if focal_list.level == "commune":
                focal_list.approver_id = unit.ubnd_subordinate_committee_id.chairman_id or unit.manager_id.user_id
            else:
                focal_list.approver_id = focal_list.sudo().committee_id.chairman_id

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, FOCAL_LIST_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, FOCAL_LIST_WORKFLOW_FIELDS)
        return super().write(vals)

    def _composition_gaps(self):
        """004 Đ2.1 — who must be on the list."""
        self.ensure_one()
        categories = self.unit_id.ubnd_focal_officer_ids.mapped("category")
        kind = self.unit_id.ubnd_unit_kind
        if kind == "office":
            required = ["chief_of_office", "deputy_chief_of_office"]
        elif kind == "commune":
            required = ["commune_leader", "commune_centre_leader", "commune_centre_specialist"]
        else:
            required = ["unit_leader", "unit_office_leader"]
        labels = dict(self.env["ubnd.focal.officer"]._fields["category"]._description_selection(self.env))
        return [labels[c] for c in required if c not in categories]

    def action_submit(self):
        """Departments' lists go through the Office to the Chairman; communes' to the commune chairman."""
        for focal_list in self:
            Task = self.env["ubnd.task"]
            if not self.env.su and not (self.env.user.has_group("ubnd_quyche.group_ubnd_office")
                                        or Task._unit_users_allowed(focal_list.unit_id, self.env.user)):
                raise AccessError(self.env._("The unit or the Office submits the list."))
            gaps = focal_list._composition_gaps()
            if gaps:
                raise UserError(self.env._("The list must include: %s (004 Đ2.1).", ", ".join(gaps)))
            focal_list.sudo().state = "submitted"
            if focal_list.approver_id:
                focal_list.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", summary=self.env._("Approve the focal officer list"),
                    user_id=focal_list.approver_id.id,
                )
        return True

    def action_approve(self):
        for focal_list in self:
            if focal_list.state != "submitted":
                raise UserError(self.env._("Only a submitted list is approved."))
            if not self.env.su and self.env.user != focal_list.approver_id:
                raise AccessError(self.env._(
                    "The Chairman approves the lists of departments and of the Office (004 Đ7.2); the commune "
                    "chairman approves the commune's list (004 Đ8.2)."
                ))
            today = self.env["ubnd.task"]._today()
            vals = {"state": "approved", "approved_by_id": self.env.user.id, "approved_date": today}
            if focal_list.level == "commune":
                vals["sent_to_office_date"] = today
            focal_list.sudo().write(vals)
            focal_list.sudo().activity_feedback(["ubnd_tasks.mail_activity_task_action"])
        return True

    def _reopen_after_change(self):
        """004 Đ2.3 — a change of focal officer is notified to the Office at once."""
        for focal_list in self.filtered(lambda lst: lst.state != "draft"):
            focal_list.sudo().state = "draft"
            chief = focal_list.committee_id.chief_of_office_id
            focal_list.sudo().message_post(
                body=self.env._("The focal officers of %s changed (004 Đ2.3).", focal_list.unit_id.name),
                partner_ids=chief.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )

