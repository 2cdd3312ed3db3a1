from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ubnd_task import check_workflow_values

# 004 Đ4 — the ten groups of focal-officer activities.
ACTIVITY_GROUPS = [
    ("4.1", "4.1 Organise procedure control (plans, training, urging)"),
    ("4.2", "4.2 Control procedures in draft legal documents"),
    ("4.3", "4.3 Control the publication of procedures"),
    ("4.4", "4.4 Post and disclose procedures"),
    ("4.5", "4.5 Review procedures"),
    ("4.6", "4.6 One-stop and inter-agency one-stop"),
    ("4.7", "4.7 Feedback and petitions on administrative regulations"),
    ("4.8", "4.8 Communication, training and inspection"),
    ("4.9", "4.9 Statistics and reports"),
    ("4.10", "4.10 Training and conferences"),
]
PLAN_KINDS = [
    ("control", "Procedure control plan"),
    ("review", "Procedure review plan"),
    ("inspection", "Procedure inspection plan"),
]


class UbndFocalActivity(models.Model):
    """A recorded activity of a focal officer, in one of the ten groups of 004 Đ4, with the checks
    the text attaches to some of them."""

    _name = "ubnd.focal.activity"
    _description = "Focal officer activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    officer_id = fields.Many2one("ubnd.focal.officer", required=True, index=True)
    committee_id = fields.Many2one(related="officer_id.committee_id", store=True)
    company_id = fields.Many2one(related="officer_id.company_id", store=True, index=True)
    level = fields.Selection(related="officer_id.level", store=True)
    group = fields.Selection(ACTIVITY_GROUPS, required=True)
    date = fields.Date(required=True, default=lambda self: self.env["ubnd.task"]._today())
    name = fields.Char("Description", required=True)
    document_reference = fields.Char("Written document")
    recipient_unit_id = fields.Many2one("hr.department", string="Sent to")
    process_standard = fields.Char(
        compute="_compute_process_standard", store=True, readonly=False,
        help="004 Đ4.3 — process models follow the profile's quality standard (ISO 9001:2015).",
    )
    national_db_entry = fields.Boolean(
        "Entered in the National Procedure Database",
        help="004 Đ4.4.d — city-level officers enter the procedures of each publication decision.",
    )
    review_state = fields.Selection(
        [("draft", "Draft"), ("sent_to_office", "Sent to the Office"), ("checked", "Quality checked by the Office"),
         ("submitted", "Submitted for approval")],
        default="draft", help="004 Đ4.5.b — a review dossier goes to the Office for quality control before approval.",
    )

    @api.depends("group", "officer_id.committee_id.profile_id.focal_process_standard")
    def _compute_process_standard(self):
        for activity in self:
            if activity.group == "4.3" and not activity.process_standard:
                activity.process_standard = activity.officer_id.committee_id.profile_id.focal_process_standard
            elif not activity.process_standard:
                activity.process_standard = False

    @api.constrains("group", "national_db_entry", "officer_id")
    def _check_city_level_only(self):
        for activity in self:
            if activity.level == "commune" and (activity.group == "4.2" or activity.national_db_entry):
                raise ValidationError(self.env._(
                    "Controlling draft legal documents and entering procedures in the National Database are "
                    "duties of city-level focal officers (004 Đ4.2, Đ4.4.d)."
                ))

    @api.constrains("group", "document_reference", "recipient_unit_id", "officer_id")
    def _check_commune_publication_proposal(self):
        for activity in self:
            if activity.level == "commune" and activity.group == "4.3":
                recipient = activity.recipient_unit_id
                if not activity.document_reference or recipient.ubnd_unit_kind not in ("department", "office"):
                    raise ValidationError(self.env._(
                        "A commune focal officer proposes the publication of procedures in writing to the competent "
                        "department or to the Office (004 Đ4.3.b)."
                    ))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, ("review_state",), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, ("review_state",))
        return super().write(vals)

    def action_send_review_to_office(self):
        for activity in self:
            activity._check_review()
            activity.sudo().review_state = "sent_to_office"
        return True

    def action_quality_check(self):
        for activity in self:
            activity._check_review()
            if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office controls the quality of review dossiers (004 Đ4.5.b)."))
            if activity.review_state != "sent_to_office":
                raise UserError(self.env._("The dossier is sent to the Office first."))
            activity.sudo().review_state = "checked"
        return True

    def action_submit_review(self):
        for activity in self:
            activity._check_review()
            if activity.review_state != "checked":
                raise UserError(self.env._(
                    "A review dossier goes to the Office for quality control before it is submitted for approval "
                    "(004 Đ4.5.b)."
                ))
            activity.sudo().review_state = "submitted"
        return True

    def _check_review(self):
        self.ensure_one()
        if self.group != "4.5":
            raise UserError(self.env._("Only a procedure review (004 Đ4.5) has a review dossier."))


class UbndFocalPlan(models.Model):
    """004 Đ4.1.a — each unit builds and carries out an annual control plan, review plan and inspection
    plan for administrative procedures."""

    _name = "ubnd.focal.plan"
    _description = "Annual procedure plan"
    _order = "year desc, unit_id, kind"

    unit_id = fields.Many2one("hr.department", required=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    year = fields.Integer(required=True)
    kind = fields.Selection(PLAN_KINDS, required=True)
    reference = fields.Char("Plan document")
    date = fields.Date("Issued on")

    _unit_year_kind_unique = models.Constraint(
        "UNIQUE(unit_id, year, kind)", "The unit already has this plan for the year.",
    )

    @api.model
    def _missing_plans(self, unit, year):
        """The kinds of annual plan the unit has not issued for ``year``."""
        present = set(self.search([("unit_id", "=", unit.id), ("year", "=", year)]).mapped("kind"))
        return [kind for kind, _label in PLAN_KINDS if kind not in present]
