from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import formatLang

from ..tools import is_privileged, privileged
from .tier_definition import POSITION_STAGES
from .ubnd_document import CONFIDENTIALITY, URGENCY
from .ubnd_submission_component import ALWAYS_REQUIRED, COMPONENTS

KINDS = [
    ("legal_proposal", "Proposal to draft a legal document"),
    ("hdnd_resolution", "Draft People's Council resolution"),
    ("committee_decision", "Committee decision"),
    ("chairman_decision", "Chairman decision"),
    ("scheme", "Project, scheme, plan or programme"),
    ("tthc", "One-stop administrative-procedure dossier"),
    ("report", "Report"),
    ("letter", "Letter (công văn)"),
    ("other", "Other work"),
]
# Which document type the draft for signature becomes, by kind.
KIND_DOCUMENT_TYPES = {
    "legal_proposal": "ubnd_quyche.doctype_cv",  # registration letter or the Chairman's approval
    "hdnd_resolution": "ubnd_quyche.doctype_ttr",  # the committee submits a tờ trình to the Council
    "committee_decision": "ubnd_quyche.doctype_qd",
    "chairman_decision": "ubnd_quyche.doctype_qd",
    "scheme": "ubnd_quyche.doctype_kh",
    "tthc": "ubnd_quyche.doctype_qd",
    "report": "ubnd_quyche.doctype_bc",
    "letter": "ubnd_quyche.doctype_cv",
    "other": "ubnd_quyche.doctype_cv",
}
STATES = [
    ("draft", "Draft"),
    ("initialling", "Awaiting the unit head's initials"),
    ("submitted", "Submitted to the Office"),
    ("clarification", "Being clarified"),
    ("to_leader", "With the leader"),
    ("collective", "Awaiting the committee"),
    ("approved", "Approved, to sign"),
    ("signed", "Signed"),
    ("issued", "Issued"),
    ("returned", "Returned"),
    ("transferred", "Transferred"),
    ("withdrawn", "Withdrawn"),
    ("offline", "State secret: handled on paper"),
]
# Fields only the workflow's actions write: an RPC caller cannot jump a step by writing them.
WORKFLOW_FIELDS = frozenset({
    "state", "reference", "submitter_id", "received_date", "office_deadline", "office_return_deadline",
    "forwarded_date", "decision_deadline", "decided_date", "office_late", "decision_late", "is_overdue",
    "reconciliation_deadline", "disagreement_report_deadline", "collective_outcome", "collective_note",
    "document_id", "route",
    # Computed from the workflow: who must act, who initials, the approval chain and its outcome.
    "unit_head_user_id", "inbox_user_ids", "current_deadline", "validation_status", "review_ids", "company_id",
    "office_reviewer_id",
})


def workflow_step(method):
    """Mark a public action as a workflow step, allowed to write the workflow's fields."""
    def step(self, *args, **kwargs):
        return method(privileged(self, "ubnd_workflow"), *args, **kwargs)
    step.__name__ = method.__name__
    step.__doc__ = method.__doc__
    return step


def _late(day, deadline):
    """Whether ``day`` is past ``deadline``; never late where the regulation sets no deadline."""
    return bool(deadline) and day > deadline


MATTERS = [
    ("none", "Within a leader's own competence"),
    ("session_matter", "Listed matter for a session (000 Đ4.1)"),
    ("ballot_matter", "Listed matter for a written ballot (000 Đ5)"),
    ("asset", "Public assets: sale, purchase or transfer"),
    ("joint_venture", "Joint venture with budget or public assets"),
    ("budget_use", "Extra budget sources or irregular spending"),
    ("planning", "Construction planning scheme"),
    ("investment", "Non-budget investment project"),
]


class UbndSubmission(models.Model):
    """A dossier submitted to the committee, the Chairman or a Vice-Chairman (000 Chương III).

    Flow (000 Đ16, Đ18; 001 Đ12–13): the unit submits; the Office checks it within the profile's
    intake deadline and forwards it to the leader in charge, asks for clarification, or returns or
    transfers it with written reasons; the approval chain (OCA tier validation: unit head's
    initials, the Office, the leader) ends in the leader's decision within the profile's deadline;
    collective matters go to a session or a written ballot and come back with the outcome; the
    draft is then signed in a lawful capacity, numbered and issued (000 Đ20.1).
    """

    _name = "ubnd.submission"
    _description = "Submission to leaders"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _order = "id desc"

    # The chain runs from the unit's submission to the leader's decision (000 Đ15–18): the unit head initials,
    # the Office checks and forwards, the leader decides.
    _state_from = ["initialling", "submitted", "clarification", "to_leader"]
    _state_to = ["approved", "collective"]
    _cancel_state = "withdrawn"
    # OCA's banner and its Validate / Reject / Restart buttons are not added to the form: each person whose turn
    # it is has the suite's own control for his step (Ký nháy, Trình lãnh đạo, Cho ý kiến, Quyết định).
    _tier_validation_manual_config = True
    _ubnd_client_protected = WORKFLOW_FIELDS  # no client default_* key sets them either

    name = fields.Char("Subject", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, index=True, default="/")
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, default="other", tracking=True)
    proposed_document = fields.Selection(
        [("hdnd_resolution", "People's Council resolution"), ("committee_decision", "Committee decision"),
         ("chairman_decision", "Chairman decision")],
        help="000 Đ19.1: for a proposal to draft a legal document, which document is proposed.",
    )
    is_legal_draft = fields.Boolean(
        "Legal normative draft", tracking=True,
        help="Draft legal normative documents follow 000 Đ19 (review within 07 working days, reconciliation meeting).",
    )
    addressee = fields.Selection(
        [("committee", "The committee"), ("chairman", "The Chairman"), ("vice_chairman", "A Vice-Chairman")],
        required=True, default="vice_chairman", tracking=True,
    )
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True,
                               help="Routes the dossier to the Vice-Chairman in charge of the field.")
    leader_id = fields.Many2one(
        "res.users", string="Leader in charge", compute="_compute_leader_id", store=True, readonly=False,
        index=True, tracking=True,
        help="The Vice-Chairman whose portfolio covers the field, or the Chairman.",
    )
    submitting_unit_id = fields.Many2one("hr.department", string="Submitting unit", required=True, index=True,
                                         default=lambda self: self.env.user.employee_ids[:1].department_id)
    submitter_id = fields.Many2one("res.users", string="Submitted by", default=lambda self: self.env.user, readonly=True)
    unit_head_user_id = fields.Many2one("res.users", string="Head of the submitting unit",
                                        compute="_compute_unit_head_user_id", store=True)
    office_reviewer_id = fields.Many2one(related="committee_id.chief_of_office_id", string="Office leadership")
    # Positions an approval chain may name (tier_definition.POSITION_FIELDS).
    chairman_user_id = fields.Many2one(related="committee_id.chairman_id", string="Chairman")
    field_vice_chairman_id = fields.Many2one("res.users", string="Vice-Chairman in charge of the field",
                                             compute="_compute_field_vice_chairman_id")
    my_step = fields.Selection(
        [("initial", "Initial"), ("forward", "Check and forward"), ("opinion", "Give an opinion"), ("decide", "Take a decision")],
        compute="_compute_my_step", help="The current user's step on this dossier now, if it is his turn.",
    )
    chain_progress = fields.Html("Approval chain", compute="_compute_chain_progress", sanitize=False)
    coordinating_unit_ids = fields.Many2many("hr.department", string="Coordinating units")
    summary = fields.Text()
    urgency = fields.Selection(URGENCY, required=True, default="normal")
    confidentiality = fields.Selection(
        CONFIDENTIALITY, required=True, default="normal",
        help="000 Đ15.4, Đ16.2: state-secret dossiers follow the state-secret rules: only their register entry is kept "
        "here, without files, status tracking or ballots.",
    )
    component_ids = fields.One2many("ubnd.submission.component", "submission_id", string="Dossier components")
    missing_components = fields.Char(compute="_compute_missing_components")

    # Routing to a session or a written ballot (000 Đ4–5)
    matter_type = fields.Selection(MATTERS, default="none", required=True, string="Matter")
    amount_bn = fields.Float("Value (bn VND)")
    area_ha = fields.Float("Area (ha)")
    amount_musd = fields.Float(
        "Foreign investment (m USD)",
        help="000 Đ4.2.c, Đ5.2.b: the total capital of a foreign investment, in million USD (01 tỷ USD = 1.000).")
    auction_land_value_bn = fields.Float(
        "Land for auction or tender (bn VND)",
        help="000 Đ4.2.c, Đ5.2.b: the value, at the current land-price table, of the land the project uses for "
        "auctioning land-use rights or tendering investors.")
    in_industrial_zone = fields.Boolean(
        "Inside an industrial zone",
        help="000 Đ4.2.c, Đ5.2.b: inside industrial zones only the capital counts, not the land.")
    suggested_route = fields.Selection(
        [("leader", "Leader decides"), ("session", "Committee session"), ("ballot", "Written ballot")],
        compute="_compute_suggested_route",
    )
    suggested_route_reason = fields.Char(compute="_compute_suggested_route")
    route = fields.Selection(
        [("leader", "Leader decides"), ("session", "Committee session"), ("ballot", "Written ballot")],
        tracking=True, readonly=True, copy=False,
    )

    # Steps and deadlines
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    received_date = fields.Date("Received by the Office", readonly=True, copy=False)
    office_deadline = fields.Date(readonly=True, copy=False)
    office_return_deadline = fields.Date(readonly=True, copy=False)
    forwarded_date = fields.Date("Sent to the leader", readonly=True, copy=False)
    decision_deadline = fields.Date(readonly=True, copy=False, tracking=True)
    decided_date = fields.Date(readonly=True, copy=False)
    special_case_reason = fields.Text(
        "Special case", help="000 Đ18.4: the reason a decision takes longer than the profile's deadline.",
    )
    office_late = fields.Boolean(readonly=True, copy=False)
    decision_late = fields.Boolean(readonly=True, copy=False)
    current_deadline = fields.Date(compute="_compute_current_deadline", store=True, index=True)
    is_overdue = fields.Boolean(readonly=True, copy=False, index=True)
    reconciliation_date = fields.Date("Reconciliation meeting", copy=False)
    reconciliation_deadline = fields.Date(readonly=True, copy=False)
    disagreement_report_deadline = fields.Date(readonly=True, copy=False)
    clarification_unit_id = fields.Many2one("hr.department", string="Unit clarifying", copy=False)
    return_reason = fields.Text(copy=False, tracking=True)
    transfer_to = fields.Char("Transferred to", copy=False)
    decision_note = fields.Text("Leader's opinion", copy=False)
    collective_outcome = fields.Selection(
        [("passed", "Passed"), ("passed_objections", "Passed with objections"), ("not_passed", "Not passed")],
        readonly=True, copy=False, tracking=True,
    )
    collective_note = fields.Text(readonly=True, copy=False)
    document_id = fields.Many2one("ubnd.document", string="Document", readonly=True, copy=False)
    can_decide = fields.Boolean(compute="_compute_can_decide",
                                help="The current user is the leader in charge, or his lawful substitute, and it is his turn.")
    inbox_user_ids = fields.Many2many(
        "res.users", "ubnd_submission_inbox_rel", "submission_id", "user_id",
        compute="_compute_inbox_user_ids", store=True, string="Must act",
        help="Who must act now: the Office at intake, the reviewers whose turn it is, the leader who signs.",
    )

    # --- Computations --------------------------------------------------------------------------
    @api.depends("field_id", "addressee", "committee_id.member_ids.field_ids", "committee_id.chairman_id")
    def _compute_leader_id(self):
        for sub in self:
            committee = sub.committee_id
            vice = committee.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman" and sub.field_id and sub.field_id in m.field_ids
            )[:1]
            if sub.addressee == "vice_chairman" and vice:
                sub.leader_id = vice.user_id
            else:
                sub.leader_id = committee.chairman_id

    @api.depends("submitting_unit_id.manager_id.user_id")
    def _compute_unit_head_user_id(self):
        for sub in self:
            sub.unit_head_user_id = sub.submitting_unit_id.manager_id.user_id

    @api.depends("component_ids.provided", "component_ids.required")
    def _compute_missing_components(self):
        for sub in self:
            missing = sub.component_ids.filtered(lambda c: c.required and not c.provided)
            sub.missing_components = sub._components_names(missing) if missing else False

    @staticmethod
    def _components_names(components):
        return "; ".join(component._label() for component in components)

    @api.depends("state", "office_deadline", "decision_deadline", "document_id.issue_deadline")
    def _compute_current_deadline(self):
        for sub in self:
            sub.current_deadline = {
                "submitted": sub.office_deadline,
                "to_leader": sub.decision_deadline,
                "signed": sub.document_id.issue_deadline,
            }.get(sub.state, False)

    @api.depends_context("uid")
    @api.depends("state", "leader_id", "review_ids.status")
    def _compute_can_decide(self):
        user = self.env.user
        for sub in self:
            sub.can_decide = (
                sub.state == "to_leader" and sub._pending_stage() in (False, "decide")
                and user in (sub.leader_id | sub._ubnd_substitutes(sub.leader_id))
            )

    @api.depends("field_id", "committee_id.member_ids.field_ids")
    def _compute_field_vice_chairman_id(self):
        for sub in self:
            sub.field_vice_chairman_id = sub.committee_id.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman" and sub.field_id and sub.field_id in m.field_ids
            )[:1].user_id

    @api.depends_context("uid")
    @api.depends("state", "review_ids.status", "review_ids.reviewer_ids", "can_decide")
    def _compute_my_step(self):
        user = self.env.user
        for sub in self:
            mine = sub._pending_reviews().filtered(lambda r: user in r.reviewer_ids)
            stage = mine[:1].definition_id._ubnd_stage() if mine else False
            step = False
            if sub.state == "initialling" and stage == "unit":
                step = "initial"
            elif sub.state in ("submitted", "clarification") and user.has_group("ubnd_quyche.group_ubnd_office"):
                office_open = sub._open_reviews().filtered(lambda r: r.definition_id._ubnd_stage() == "office")
                step = "forward" if (stage == "office" or not office_open) else False
            elif sub.state == "to_leader" and stage == "opinion":
                step = "opinion"
            elif sub.can_decide:
                step = "decide"
            sub.my_step = step

    @api.depends("review_ids.status", "review_ids.done_by", "review_ids.reviewed_date")
    def _compute_chain_progress(self):
        statuses = {
            "waiting": self.env._("waiting"), "pending": self.env._("his turn"), "approved": self.env._("done"),
            "rejected": self.env._("refused"), "cancel": self.env._("cancelled"),
        }
        for sub in self:
            reviews = sub.sudo().review_ids.sorted("sequence")
            if not reviews:
                sub.chain_progress = False
                continue
            lines = Markup()
            for review in reviews:
                who = ", ".join((review.nominal_reviewer_ids or review.reviewer_ids).mapped("name"))
                line = Markup("<b>%s</b> (%s): %s") % (review.name or "", who, statuses.get(review.status, ""))
                if review.status in ("approved", "rejected") and review.done_by:
                    when = fields.Datetime.context_timestamp(sub, review.reviewed_date).strftime("%d/%m/%Y %H:%M") \
                        if review.reviewed_date else ""
                    line += Markup(" — %s %s") % (review.done_by.name, when)
                css = "text-success" if review.status == "approved" else "fw-bold" if review.status == "pending" else ""
                lines += Markup('<li class="%s">%s</li>') % (css, line)
            sub.chain_progress = Markup("<ol class='mb-0'>%s</ol>") % lines

    @api.depends("state", "leader_id", "review_ids.status", "review_ids.reviewer_ids", "committee_id.office_unit_id")
    def _compute_inbox_user_ids(self):
        for sub in self:
            pending = sub._pending_reviews()
            if sub.state == "initialling":
                users = pending.reviewer_ids
            elif sub.state in ("submitted", "clarification"):
                office_steps = pending.filtered(lambda r: r.definition_id._ubnd_stage() == "office")
                users = office_steps.reviewer_ids or sub.committee_id._office_users()
            elif sub.state == "to_leader":
                users = pending.reviewer_ids
                if not sub.review_ids:
                    users = sub.leader_id
            elif sub.state == "approved":
                users = sub.leader_id | sub._ubnd_substitutes(sub.leader_id)
            elif sub.state == "signed":
                users = sub.committee_id._office_users()
            else:
                users = self.env["res.users"]
            sub.inbox_user_ids = users

    @api.depends("matter_type", "amount_bn", "area_ha", "kind", "is_legal_draft", "committee_id.profile_id",
                 "amount_musd", "auction_land_value_bn", "in_industrial_zone")
    def _compute_suggested_route(self):
        for sub in self:
            sub.suggested_route, sub.suggested_route_reason = sub._route_by_regulation()

    def _route_by_regulation(self):
        """000 Đ4 (session) and Đ5 (written ballot) thresholds, read from the profile.

        "Trên" (above) is strict; "từ … đến" and "từ … trở lên" (from) are inclusive.
        """
        self.ensure_one()
        p = self.committee_id.profile_id
        amount, area = self.amount_bn, self.area_ha
        if self.kind == "hdnd_resolution" or (self.kind == "committee_decision" and self.is_legal_draft):
            return "session", self.env._("000 Đ4.1.a: draft resolutions and legal decisions are decided at a session.")
        matter = self.matter_type
        if matter == "session_matter":
            return "session", self.env._("000 Đ4.1: a matter listed for collective discussion at a session.")
        if matter == "ballot_matter":
            return "ballot", self.env._("000 Đ5: a matter listed for a written ballot.")
        if matter == "asset":
            if amount > p.asset_session_min_bn:
                return "session", self.env._("000 Đ4.3.b–đ: public assets above %s bn VND.", p.asset_session_min_bn)
            if amount >= p.asset_ballot_min_bn:
                return "ballot", self.env._("000 Đ5.3.e, g, l: public assets from %s bn VND.", p.asset_ballot_min_bn)
        if matter == "joint_venture":
            if amount > p.asset_session_min_bn:
                return "session", self.env._("000 Đ4.3.d: joint venture above %s bn VND.", p.asset_session_min_bn)
            if amount >= p.joint_venture_ballot_min_bn:
                return "ballot", self.env._("000 Đ5.3.h: joint venture from %s bn VND.", p.joint_venture_ballot_min_bn)
        if matter == "budget_use" and amount >= p.budget_ballot_min_bn:
            return "ballot", self.env._("000 Đ5.3.đ, k: budget use from %s bn VND.", p.budget_ballot_min_bn)
        if matter == "planning":
            if area > p.planning_session_min_ha:
                return "session", self.env._("000 Đ4.4.c: planning scheme above %s ha.", p.planning_session_min_ha)
            if area >= p.planning_ballot_min_ha:
                return "ballot", self.env._("000 Đ5.1.b: planning scheme from %s ha.", p.planning_ballot_min_ha)
        if matter == "investment":
            return self._route_investment(p)
        return "leader", self.env._("Below the thresholds of 000 Đ4–5: the leader in charge decides (000 Đ6.2, Đ7).")

    def _route_investment(self, p):
        """000 Đ4.2.c / Đ5.2.b: a non-budget project by its capital in VND or, foreign, in USD; outside industrial
        zones also by its land and by the value of the land it auctions or tenders (land-price table)."""
        _ = self.env._

        def num(value):  # 25.000 / 1,000, as the reader writes numbers
            return formatLang(self.env, value, digits=0 if value == int(value) else 2)
        outside = not self.in_industrial_zone
        session = [label for label, met in (
            (_("capital above %s bn VND", num(p.investment_session_min_bn)),
             self.amount_bn > p.investment_session_min_bn),
            (_("capital above %s m USD", num(p.investment_session_min_musd)),
             self.amount_musd > p.investment_session_min_musd),
            (_("land above %s ha", num(p.land_session_min_ha)), outside and self.area_ha > p.land_session_min_ha),
            (_("land for auction or tender above %s bn VND", num(p.auction_land_session_min_bn)),
             outside and self.auction_land_value_bn > p.auction_land_session_min_bn),
        ) if met]
        if session:
            return "session", _("000 Đ4.2.c: non-budget project, %s.", "; ".join(session))
        ballot = [label for label, met in (
            (_("capital from %s bn VND", num(p.investment_ballot_min_bn)),
             self.amount_bn >= p.investment_ballot_min_bn),
            (_("capital from %s m USD", num(p.investment_ballot_min_musd)),
             self.amount_musd >= p.investment_ballot_min_musd),
            (_("land from %s ha", num(p.land_ballot_min_ha)), outside and self.area_ha >= p.land_ballot_min_ha),
            (_("land for auction or tender from %s bn VND", num(p.auction_land_ballot_min_bn)),
             outside and self.auction_land_value_bn >= p.auction_land_ballot_min_bn),
        ) if met]
        if ballot:
            return "ballot", _("000 Đ5.2.b: non-budget project, %s.", "; ".join(ballot))
        return "leader", _("Below the thresholds of 000 Đ4–5: the leader in charge decides (000 Đ6.2, Đ7).")

    # --- Validation ----------------------------------------------------------------------------
    @api.constrains("confidentiality", "component_ids", "summary")
    def _check_state_secret_metadata_only(self):
        for sub in self.filtered(lambda s: s.confidentiality != "normal"):
            if sub.summary or sub.component_ids.attachment_ids:
                raise ValidationError(self.env._(
                    "A state-secret dossier is handled on paper: only its register entry is kept here, "
                    "without content or files (000 Đ15.4)."
                ))

    # --- Creation ------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ubnd_check_input(vals)  # before a reference number is drawn
            if not self.env.su:
                for fname in WORKFLOW_FIELDS - {"submitter_id"}:
                    vals.pop(fname, None)
                vals["submitter_id"] = self.env.user.id
            if vals.get("reference", "/") == "/":
                vals["reference"] = self.env["ir.sequence"].next_by_code("ubnd.submission") or "/"
            if vals.get("confidentiality", "normal") != "normal":
                vals["state"] = "offline"
        submissions = super().create(vals_list)
        submissions._ensure_components()
        return submissions

    def _check_workflow_write(self, vals):
        if is_privileged(self, "ubnd_workflow"):
            return
        if WORKFLOW_FIELDS & set(vals):
            raise AccessError(self.env._("The dossier's status and dates change only through its workflow actions."))
        if "leader_id" in vals and self.filtered(lambda s: s.state not in ("draft", "returned")) \
                and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office changes the leader in charge of a submitted dossier."))

    def write(self, vals):
        self._check_workflow_write(vals)
        if "state" in vals:
            # tier.validation computes need_validation without dependencies: refresh it on every transition.
            self.invalidate_recordset(["need_validation"])
        if "kind" in vals:
            res = super().write(vals)
            self._ensure_components()
            return res
        return super().write(vals)

    def _ensure_components(self):
        """Create the checklist of 000 Đ15.2; h is required for one-stop dossiers."""
        for sub in self.filtered(lambda s: s.confidentiality == "normal"):
            existing = {c.code: c for c in sub.component_ids}
            commands = []
            for sequence, (code, _label) in enumerate(COMPONENTS):
                required = code in ALWAYS_REQUIRED or (code == "h" and sub.kind == "tthc")
                if code in existing:
                    if existing[code].required != required:
                        commands.append(Command.update(existing[code].id, {"required": required}))
                else:
                    commands.append(Command.create({"code": code, "sequence": sequence, "required": required}))
            if commands:
                sub.component_ids = commands

    # --- Helpers -------------------------------------------------------------------------------
    def _profile(self):
        return self.committee_id.profile_id

    def _today(self):
        """The committee's today, in its time zone (also in scheduled jobs, which have no user's)."""
        return self.env["ubnd.workday"].today(self[:1].company_id or None)

    def _deadline(self, start, field_name):
        return self._profile().compute_deadline(start, field_name, self.company_id)

    def _check_state(self, *allowed):
        for sub in self:
            if sub.state not in allowed:
                raise UserError(self.env._(
                    "This step is not possible while the dossier is “%(state)s”.",
                    state=dict(sub._fields["state"]._description_selection(self.env))[sub.state],
                ))

    def _check_office(self):
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office handles this step."))

    def _check_not_secret(self):
        if self.filtered(lambda s: s.confidentiality != "normal"):
            raise UserError(self.env._("A state-secret dossier is handled on paper, outside the system (000 Đ15.4)."))

    def _schedule_step_activity(self, users, deadline, summary):
        """The person who must act finds the step in his to-do list, due on the deadline."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for user in users:
            self.activity_schedule(activity_type_id=activity_type.id, user_id=user.id,
                                   date_deadline=deadline, summary=summary)

    def _close_step_activities(self):
        # A substitute closes the absent leader's to-do too.
        self.sudo().activity_ids.action_feedback(feedback=self.env._("Step completed."))

    # --- The approval chain: whose turn it is ------------------------------------------------------
    def _open_reviews(self):
        return self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))

    def _pending_reviews(self):
        return self.review_ids.filtered(lambda r: r.status == "pending")

    def _pending_stage(self):
        """The stage of the step whose turn it is: unit (initials), office (check), opinion, decide, or False."""
        self.ensure_one()
        pending = self._pending_reviews().sorted("sequence")[:1]
        return pending.definition_id._ubnd_stage() if pending else False

    def _ask_whose_turn(self):
        """The person whose turn it is — and only he — finds the step in his to-do list."""
        summaries = {
            "unit": self.env._("Initial the dossier"),
            "office": self.env._("Check the dossier and forward it to the leader"),
            "opinion": self.env._("Give your opinion on the dossier"),
            "decide": self.env._("Decide on the dossier"),
        }
        for sub in self:
            sub._close_step_activities()
            pending = sub._pending_reviews().sorted("sequence")
            stage = sub._pending_stage()
            if sub.state in ("submitted", "clarification") and stage != "office":
                users, stage, deadline = sub.committee_id._office_users()[:1], "office", sub.office_deadline
                summaries["office"] = self.env._("Check the dossier")
            elif sub.state == "to_leader" and not pending:
                users, stage, deadline = sub.leader_id, "decide", sub.decision_deadline
            elif stage:
                step = pending.filtered(lambda r: r.definition_id._ubnd_stage() == stage)
                users = step.nominal_reviewer_ids or step.reviewer_ids
                deadline = {"office": sub.office_deadline, "unit": False}.get(stage, sub.decision_deadline)
            else:
                continue
            sub._schedule_step_activity(users, deadline or self._today(), summaries[stage])

    # --- Unit: submit, withdraw ------------------------------------------------------------------
    @workflow_step
    def action_submit(self):
        """The unit submits a complete dossier (000 Đ15.2); its head initials it before it leaves the unit (ký nháy,
        000 Đ15.3, Đ17.1) — at once when he submits it himself — and the Office receives it then (000 Đ16.1)."""
        self._check_state("draft", "returned")
        self._check_not_secret()
        self._check_complete()
        for sub in self:
            sub.write({"state": "initialling", "return_reason": False, "is_overdue": False})
            sub.invalidate_recordset(["need_validation"])  # computed without dependencies in tier.validation
            sub.request_validation()
            mine = sub._pending_reviews().filtered(
                lambda r: r.definition_id._ubnd_stage() == "unit" and self.env.user in r.reviewer_ids)
            if mine:
                sub._validate_tier(mine)  # the head submitting his unit's dossier initials it by submitting
                sub._update_counter({"review_deleted": True})
            elif sub._pending_stage() != "unit":
                sub._reach_office()
                sub._ask_whose_turn()
            else:
                sub._ask_whose_turn()
        return True

    def _check_complete(self):
        """000 Đ15.2, Đ16.3: only a dossier with every required component is submitted; the message names them."""
        for sub in self:
            missing = sub.component_ids.filtered(lambda c: c.required and not c.provided)
            if missing:
                raise UserError(self.env._(
                    "The dossier “%(name)s” is incomplete: attach %(components)s before submitting it (000 Đ15.2).",
                    name=sub.name, components=sub._components_names(missing),
                ))

    @workflow_step
    def action_initial(self):
        """The head of the submitting unit, or the deputy running the unit, initials the dossier (ký nháy):
        it reaches the Office (000 Đ15.3, Đ17.1, Đ9.3.a)."""
        self._check_state("initialling")
        for sub in self:
            sub._approve_my_step("unit")
        return True

    @workflow_step
    def action_give_opinion(self):
        """A leader whose opinion the chain asks for gives it before the leader in charge decides; what he writes
        in "Leader's opinion" is recorded with his step."""
        self._check_state("to_leader")
        for sub in self:
            sub._approve_my_step("opinion")
        return True

    def _approve_my_step(self, stage):
        """Approve the current user's step of ``stage`` when it is his turn; the dossier moves on with it."""
        self.ensure_one()
        self._refresh_whose_turn()
        mine = self._pending_reviews().filtered(
            lambda r: r.definition_id._ubnd_stage() == stage and self.env.user in r.reviewer_ids)
        if not mine:
            self._refuse_not_my_turn()
        self._validate_tier(mine)
        self._update_counter({"review_deleted": True})

    def _refresh_whose_turn(self):
        """Who may act on the open steps follows the grants in force today, not those of the day the chain
        started (the nightly job refreshes the others). Nothing is written unless a grant changed who may act."""
        for review in self.sudo()._open_reviews():
            reviewers = review._get_reviewers()
            if reviewers != review.reviewer_ids:
                review.reviewer_ids = reviewers

    def _refuse_not_my_turn(self):
        raise AccessError(self.env._(
            "It is not your turn in this dossier's approval chain: only the reviewer whose turn it is, "
            "or his lawful substitute, approves or refuses (000 Đ15–18)."
        ))

    def _reach_office(self):
        """The dossier initialled by its unit is received by the Office: the Office's deadlines start (000 Đ18)."""
        today = self._today()
        for sub in self:
            office_field = sub._office_deadline_field()
            return_field = "legal_supplement_request_days" if sub.is_legal_draft else "office_return_days"
            vals = {
                "state": "submitted",
                "received_date": today,
                "office_deadline": sub._deadline(today, office_field),
                "office_return_deadline": sub._deadline(today, return_field),
            }
            if sub.is_legal_draft:
                vals["reconciliation_deadline"] = sub._deadline(today, "legal_reconciliation_days")
            sub.write(vals)

    def _reach_leader(self):
        """The Office forwards the checked dossier: the leader's deadline starts (000 Đ18.1, Đ18.4)."""
        today = self._today()
        for sub in self:
            decision_field = "legal_leader_opinion_days" if sub.is_legal_draft else "leader_decision_days"
            sub.write({
                "state": "to_leader",
                "forwarded_date": today,
                "office_late": _late(today, sub.office_deadline) if sub.state == "submitted" else sub.office_late,
                "decision_deadline": sub._deadline(today, decision_field),
                "is_overdue": False,
            })

    def _office_deadline_field(self):
        """000 Đ19.1.a–b: proposals to draft legal documents; Đ19.2.a: legal drafts; Đ18.1: other dossiers."""
        self.ensure_one()
        if self.kind == "legal_proposal":
            return "legal_registration_days" if self.proposed_document == "hdnd_resolution" else "legal_proposal_advice_days"
        return "legal_review_days" if self.is_legal_draft else "office_intake_days"

    @workflow_step
    def action_withdraw(self):
        self._check_state("draft", "initialling", "submitted", "clarification", "to_leader", "returned")
        for sub in self:
            if not (self.env.user == sub.submitter_id or self.env.user.has_group("ubnd_quyche.group_ubnd_office")):
                raise AccessError(self.env._("Only the submitting unit or the Office withdraws a dossier."))
        self._close_step_activities()
        # OCA drops the chain of a withdrawn dossier (_cancel_state): record first the steps already given, which
        # would otherwise disappear with it.
        self._drop_chain_keeping_its_record()
        self.write({"state": "withdrawn"})
        return True

    # --- Office: forward, clarify, return, transfer ----------------------------------------------
    @workflow_step
    def action_forward_to_leader(self):
        """000 Đ16.2, Đ18.1, 001 Đ12: the Office checks the dossier the unit head initialled and forwards it to the
        leader in charge; where the chain has the Office's check, its holder does it."""
        self._check_office()
        self._check_state("submitted", "clarification")
        for sub in self:
            office_steps = sub._open_reviews().filtered(lambda r: r.definition_id._ubnd_stage() == "office")
            if office_steps:
                if self.env.user not in office_steps.reviewer_ids:
                    raise AccessError(self.env._(
                        "%(who)s checks this dossier and forwards it to the leader (000 Đ16.2).",
                        who=", ".join((office_steps.nominal_reviewer_ids or office_steps.reviewer_ids).mapped("name")),
                    ))
                sub._approve_my_step("office")  # checks the dossier and moves it on (_validate_tier)
            else:
                sub._check_forwardable()
                sub._reach_leader()
                sub._ask_whose_turn()
        return True

    def _check_forwardable(self):
        """000 Đ16.3, Đ18.1: only a complete dossier within competence reaches the leader."""
        self._check_office()
        self._check_state("submitted", "clarification")
        for sub in self:
            if sub.missing_components:
                raise UserError(self.env._(
                    "The dossier is incomplete: %(names)s (000 Đ15.2) are missing. Return it with written reasons "
                    "instead.", names=sub.missing_components,
                ))
            if not sub.leader_id:
                raise UserError(self.env._("No leader is in charge of this dossier: set its field or addressee."))

    @workflow_step
    def action_ask_clarification(self):
        """000 Đ18.2: the Office proposes which unit clarifies the dossier or gathers views."""
        self._check_office()
        self._check_state("submitted")
        for sub in self:
            if not sub.clarification_unit_id:
                raise UserError(self.env._("Name the unit that must clarify the dossier."))
            sub.write({"state": "clarification", "office_late": _late(self._today(), sub.office_deadline)})
        return True

    @workflow_step
    def action_return(self):
        """000 Đ18.3, 001 Đ12.2.a: an incomplete or out-of-competence dossier goes back in writing, with reasons."""
        self._check_office()
        self._check_state("submitted", "clarification")
        for sub in self:
            if not (sub.return_reason or "").strip():
                raise UserError(self.env._("A dossier is returned in writing with its reasons: write them first."))
            sub._close_step_activities()
            sub.write({"state": "returned", "office_late": _late(self._today(), sub.office_return_deadline)})
            sub._drop_chain_keeping_its_record()
            sub.message_post(body=self.env._("Returned with reasons: %s", sub.return_reason),
                             partner_ids=sub.submitter_id.partner_id.ids)
        return True

    @workflow_step
    def action_transfer(self):
        """000 Đ18.3: a dossier outside the committee's competence is transferred to the competent body."""
        self._check_office()
        self._check_state("submitted")
        for sub in self:
            if not (sub.transfer_to and (sub.return_reason or "").strip()):
                raise UserError(self.env._("Say to which body the dossier is transferred and why."))
            sub._close_step_activities()
            sub.write({"state": "transferred", "office_late": _late(self._today(), sub.office_return_deadline)})
            sub._drop_chain_keeping_its_record()
        return True

    @workflow_step
    def action_record_reconciliation(self):
        """000 Đ19.2.c: after a reconciliation meeting that did not agree, the Office reports the views within 03 working days."""
        for sub in self:
            if not sub.reconciliation_date:
                raise UserError(self.env._("Give the date of the reconciliation meeting."))
            sub.disagreement_report_deadline = sub._deadline(sub.reconciliation_date, "legal_disagreement_report_days")
        return True

    # --- Leader: decide ---------------------------------------------------------------------------
    def _check_may_decide(self):
        for sub in self:
            if self.env.user not in (sub.leader_id | sub._ubnd_substitutes(sub.leader_id)):
                raise AccessError(self.env._("Only the leader in charge of this dossier, or his lawful substitute, decides."))

    def _record_decision(self, state, route):
        today = self._today()
        for sub in self:
            late = today > sub.decision_deadline if sub.decision_deadline else False
            if late and not (sub.special_case_reason or "").strip():
                raise UserError(self.env._(
                    "The decision is past its deadline of %(date)s: record the special case that justifies it (000 Đ18.4).",
                    date=sub.decision_deadline.strftime("%d/%m/%Y"),
                ))
            sub._close_step_activities()
            sub.write({"state": state, "route": route, "decided_date": today, "decision_late": late})
            if sub.decision_note:
                sub.message_post(body=self.env._("Leader's opinion: %s", sub.decision_note))

    @workflow_step
    def action_approve(self):
        """The leader approves a matter of his own competence; the draft goes to signature."""
        self._check_state("to_leader")
        self._check_may_decide()
        for sub in self:
            if sub.suggested_route in ("session", "ballot"):
                raise UserError(self.env._(
                    "This matter is for the committee collectively (%(reason)s): send it to a session or a ballot.",
                    reason=sub.suggested_route_reason,
                ))
            sub._validate_my_tier()
            sub._record_decision("approved", "leader")
            sub._prepare_document()
        return True

    @workflow_step
    def action_send_to_session(self):
        self._send_collective("session")
        return True

    @workflow_step
    def action_send_to_ballot(self):
        """000 Đ3.2.b, Đ5: only the Chairman sends a matter to a written ballot instead of a session."""
        for sub in self:
            if self.env.user != sub.committee_id.chairman_id and not sub._acts_as_chairman():
                raise AccessError(self.env._("Only the Chairman decides that a matter is voted by written ballot (000 Đ3.2.b)."))
        self._send_collective("ballot")
        return True

    def _acts_as_chairman(self):
        return self.env["ubnd.delegation"]._acting_chair_on(self.committee_id, self._today()) == self.env.user

    def _send_collective(self, route):
        self._check_state("to_leader")
        self._check_may_decide()
        self._check_not_secret()
        for sub in self:
            sub._validate_my_tier()
            sub._record_decision("collective", route)
            sub._prepare_document()

    @workflow_step
    def action_leader_return(self):
        """The leader sends the dossier back with his opinion."""
        self._check_state("to_leader")
        self._check_may_decide()
        for sub in self:
            if not (sub.decision_note or "").strip():
                raise UserError(self.env._("Write your opinion before returning the dossier."))
            sub._close_step_activities()
            sub.with_context(skip_validation_check=True).write({
                "state": "returned", "return_reason": sub.decision_note, "decided_date": self._today(),
            })
            sub._drop_chain_keeping_its_record()
        return True

    @workflow_step
    def action_refer_to_chairman(self):
        """000 Đ7.2.g, 001 Đ5.3: a matter touching several Vice-Chairmen's fields on which they disagree, or beyond
        the Vice-Chairman's competence, goes to the Chairman; the initials already given stay."""
        self._check_state("to_leader")
        self._check_may_decide()
        for sub in self:
            if not (sub.decision_note or "").strip():
                raise UserError(self.env._("Say why the Chairman must decide (the disagreement or the competence)."))
            if sub.leader_id == sub.committee_id.chairman_id:
                raise UserError(self.env._("The dossier is already with the Chairman."))
            sub.message_post(body=self.env._("Referred to the Chairman: %s", sub.decision_note))
            sub.write({"addressee": "chairman"})
            open_reviews = sub.sudo().review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
            open_reviews._compute_nominal_reviewer_ids()
            open_reviews._compute_reviewer_ids()
            sub._close_step_activities()
            sub._schedule_step_activity(sub.leader_id, sub.decision_deadline, self.env._("Decide on the dossier"))
        return True

    def _validate_my_tier(self):
        """Approve the current user's turn in the chain, if any, then require the whole chain."""
        self.ensure_one()
        self._refresh_whose_turn()
        mine = self._pending_reviews().filtered(
            lambda r: r.definition_id._ubnd_stage() == "decide" and self.env.user in r.reviewer_ids)
        if mine:
            self._validate_tier(mine)
            self._update_counter({"review_deleted": True})
        if self.review_ids and self.validation_status != "validated":
            raise UserError(self.env._(
                "The approval chain is not complete: waiting for %(who)s.",
                who=", ".join(self.review_ids.filtered(lambda r: r.status == "pending").mapped("todo_by")),
            ))

    # --- Collective outcome (sessions and ballots of ubnd_meetings) --------------------------------
    @workflow_step
    def _apply_collective_outcome(self, outcome, note=False):
        """Called by a session vote or a written ballot (000 Đ18.5)."""
        for sub in self:
            sub._check_state("collective")
            vals = {"collective_outcome": outcome, "collective_note": note}
            if outcome in ("passed", "passed_objections"):
                vals["state"] = "approved"
            else:
                vals.update({"state": "returned", "return_reason": note or self.env._("Not passed by the committee.")})
            sub.write(vals)
        return True

    # --- Signing and issuance ----------------------------------------------------------------------
    def _prepare_document(self):
        self.ensure_one()
        if self.document_id:
            return self.document_id
        doc_type = self.env.ref(KIND_DOCUMENT_TYPES[self.kind])
        # The draft's files (component c): read as the server, on this dossier's component only. Read as the
        # leader, Odoo checked his access to every file of every component in the cache, ~0.5 s at 3,000 files.
        draft = self.sudo().component_ids.filtered(lambda c: c.code == "c")
        draft_files = draft.with_prefetch(draft._ids).attachment_ids
        authority = "chairman" if self.kind == "chairman_decision" or self.addressee != "committee" else "committee"
        if self.kind in ("hdnd_resolution", "committee_decision") or self.route in ("session", "ballot"):
            authority = "committee"
        self.document_id = self.env["ubnd.document"].sudo().create({
            "name": self.name,
            "committee_id": self.committee_id.id,
            "document_type_id": doc_type.id,
            "authority": authority,
            "field_id": self.field_id.id,
            "drafting_unit_id": self.submitting_unit_id.id,
            "urgency": self.urgency,
            "is_legal_normative": self.is_legal_draft,
            "attachment_ids": [Command.set(draft_files.ids)],
            # The text and recipients entered at drafting become the document's (ubnd_submission_draft.py).
            "body": self.draft_body,
            "recipients": self.draft_recipients,
        })
        return self.document_id

    @workflow_step
    def action_open_sign(self):
        """The leader's signing screen: the document he signs and his capacity on this day, before he confirms."""
        self.ensure_one()
        self._check_state("approved")
        return self.env["ubnd.sign.confirm"]._action_open(self._prepare_document(), self)

    @workflow_step
    def action_sign(self):
        """The leader signs the draft in the capacity the register allows; the number follows at once.

        A dossier approved by a session or a ballot reached this step without a document (the collective outcome
        only changes its state): it gets its document here, so that every signature yields the document it signs."""
        self._check_state("approved")
        for sub in self:
            sub._prepare_document().action_sign()
            sub.write({"state": "signed"})
            sub._schedule_step_activity(sub.committee_id._office_users()[:1], sub.document_id.issue_deadline,
                                        self.env._("Issue the signed document"))
        return True

    @workflow_step
    def action_issue(self):
        """000 Đ20.1, 001 Đ16.1: the Office issues the signed document within the profile's deadline."""
        self._check_office()
        self._check_state("signed")
        for sub in self:
            sub.document_id.action_issue()
            sub._close_step_activities()
            sub.write({"state": "issued"})
        return True

    # --- Approval chain: only the reviewer whose turn it is ------------------------------------------
    def _check_my_turn(self):
        for sub in self:
            sub._refresh_whose_turn()
            if not sub._get_sequences_to_approve(self.env.user):
                sub._refuse_not_my_turn()

    def _check_state_from_condition(self):
        # OCA honours a ``skip_check_state_condition`` context key, which a client could send to open a chain
        # in any state: the chain of a dossier opens only when it reaches the leader.
        return self._tier_validation_get_current_state_value() in self._state_from

    def _tier_validation_check_write_allowed(self, vals):
        # The workflow's own steps move the dossier along its chain.
        if is_privileged(self, "ubnd_workflow"):
            return None
        # ``skip_validation_check`` (OCA) lifts the freeze of a dossier under approval: only the workflow may.
        if self.env.context.get("skip_validation_check"):
            self = self.with_context(skip_validation_check=False)
        try:
            return super()._tier_validation_check_write_allowed(vals)
        except ValidationError:
            allowed = self._get_under_validation_exceptions()
            names = [self._fields[f]._description_string(self.env) for f in vals if f in self._fields and f not in allowed]
            raise ValidationError(self.env._(
                "The dossier is in its approval chain: %(fields)s can no longer be changed. To correct it, the "
                "Office returns it to the unit, or the leader returns it (000 Đ18).", fields=", ".join(names),
            )) from None

    def _get_under_validation_exceptions(self):
        """While the chain runs, the Office still handles the dossier (clarification, routing, its reasons), the
        unit clarifies its files when asked (the components guard themselves), the leader writes his opinion, and
        the steps keep their bookkeeping."""
        return super()._get_under_validation_exceptions() + [
            "decision_note", "special_case_reason", "addressee", "leader_id", "reconciliation_date", "disagreement_report_deadline",
            "is_overdue", "activity_ids", "message_ids", "inbox_user_ids", "current_deadline",
            "clarification_unit_id", "return_reason", "transfer_to", "field_id", "matter_type", "amount_bn", "area_ha",
            "amount_musd", "auction_land_value_bn", "in_industrial_zone",
            "urgency", "component_ids", "draft_body", "draft_recipients",
        ]

    def evaluate_tier(self, tier):
        """A step applies to a dossier of its own chain: the chain its committee set for it, or the default chain
        when none fits; a leader's opinion is not asked of the leader who decides, nor of nobody."""
        chain = tier.sudo().ubnd_chain_id
        fitting = self.filtered(lambda s: self.env["ubnd.approval.chain"]._for_submission(s) == chain)
        result = super(UbndSubmission, fitting).evaluate_tier(tier) if fitting else fitting
        if result and POSITION_STAGES.get(tier._ubnd_position()) == "opinion":
            fname = tier.sudo().reviewer_field_id.name
            result = result.filtered(lambda s: s[fname] and s[fname] != s.leader_id)
        return result

    # OCA's chatter lines, in the suite's words (OCA's own catalogue has no Vietnamese).
    def _notify_review_available(self, tier_reviews):
        """The person whose turn it is gets his to-do (_ask_whose_turn): no extra chatter line or subscription."""
        return None

    def _notify_created_review_body(self):
        return self.env._("Approval chain started by %s.", self.env.user.name)

    def _notify_requested_review_body(self, tier_reviews=None):
        return self.env._("Approval requested by %s.", self.env.user.name)

    def _notify_accepted_reviews_body(self):
        return self.env._("Step approved by %s.", self.env.user.name)

    def _notify_rejected_review_body(self):
        return self.env._("Step refused by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("Approval chain restarted by %s.", self.env.user.name)

    def action_open_decision(self):
        """The leader's one-screen decision (phone width)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take a decision"),
            "res_model": "ubnd.submission.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_submission_id": self.id},
        }

    # --- Delegated review --------------------------------------------------------------------------
    def _ubnd_substitutes(self, users):
        """Users who may act today for ``users`` under a delegation in force (000 Đ6.3.h, Đ9.3.a)."""
        Delegation = self.env["ubnd.delegation"].sudo()
        today = self._today()
        substitutes = self.env["res.users"]
        if not users:
            return substitutes
        committees = self.committee_id
        grants = Delegation.search([
            ("grantor_id", "in", users.ids), ("committee_id", "in", committees.ids), ("state", "=", "active"),
            ("kind", "in", ("acting_chair", "unit_deputy", "kt")), ("parent_id", "=", False),
        ])._in_force_on(today)
        for grant in grants:
            if grant.kind == "kt" and not all(grant._covers(None, sub.field_id) for sub in self):
                continue
            substitutes |= grant.grantee_id
        return substitutes - users

    @workflow_step
    def request_validation(self):
        return super().request_validation()

    @workflow_step
    def restart_validation(self):
        """The Office restarts the chain of a dossier with the leader before anyone acted on it (a changed
        leader or route); nobody else resets approvals, and a step already given is never wiped: a dossier
        to correct after approvals have begun is returned by the leader instead."""
        self._check_office()
        self._check_state("to_leader")
        if self.review_ids.filtered(lambda r: r.status in ("approved", "rejected")):
            raise UserError(self.env._(
                "Approvals have already been given on this dossier: they are kept. To correct it, the leader "
                "returns it to the unit (000 Đ18.4)."
            ))
        super().restart_validation()
        return True

    def validate_tier(self):
        """OCA's approval, sent by a client: the step whose turn it is, through its own control."""
        self.ensure_one()
        self._check_my_turn()
        stage = self._pending_stage()
        if stage == "unit":
            return self.action_initial()
        if stage == "office":
            return self.action_forward_to_leader()
        if stage == "opinion":
            return self.action_give_opinion()
        raise UserError(self.env._(
            "The leader in charge decides with “Take a decision”: approve, send to a session or a ballot, or return (000 Đ18.4)."
        ))

    def reject_tier(self):
        self._check_my_turn()
        return super().reject_tier() or True

    @workflow_step
    def _rejected_tier(self, tiers=False):
        """A step of the chain that refuses sends the dossier back to the unit, with who refused and why."""
        res = super()._rejected_tier(tiers and tiers.with_env(self.env))
        for sub in self.filtered(lambda s: s.state in self._state_from):
            refused = sub.review_ids.filtered(lambda r: r.status == "rejected")[-1:]
            reason = self.env._("Refused at the step “%(step)s” by %(user)s.", step=refused.name or "", user=self.env.user.name)
            if refused.comment:
                reason = "%s %s" % (reason, refused.comment)
            sub._close_step_activities()
            sub.with_context(skip_validation_check=True).write({"state": "returned", "return_reason": reason})
            sub._drop_chain_keeping_its_record()
        return res

    def _drop_chain_keeping_its_record(self):
        """A returned dossier starts a new chain when it comes back, so OCA's steps go; the steps already given
        stay in the dossier's history, which never changes: who acted, for whom, under which grant, when, and
        what he wrote."""
        for sub in self:
            given = sub.review_ids.sudo().filtered(lambda r: r.status in ("approved", "rejected")).sorted("sequence")
            if given:
                sub.message_post(body=sub._chain_record_body(given), subtype_xmlid="mail.mt_note")
            sub.review_ids.sudo().unlink()

    def _chain_record_body(self, reviews):
        # The suite's own words: OCA's status labels have no Vietnamese.
        statuses = {"approved": self.env._("approved"), "rejected": self.env._("refused")}
        lines = Markup()
        for review in reviews:
            line = self.env._(
                "%(step)s: %(status)s by %(user)s on %(date)s", step=review.name or "",
                status=statuses.get(review.status, review.status), user=review.done_by.name or "",
                date=fields.Datetime.context_timestamp(self, review.reviewed_date).strftime("%d/%m/%Y %H:%M")
                if review.reviewed_date else "",
            )
            if review.delegation_id and review.acting_for_id != review.done_by:  # a substitute, under his grant
                line += self.env._(", for %(holder)s under “%(grant)s”", holder=review.acting_for_id.name,
                                   grant=review.delegation_id.display_name or "")
            if review.comment:
                line += " — %s" % review.comment
            lines += Markup("<li>%s</li>") % line
        return Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Approval chain before the dossier was returned:"), lines)

    @workflow_step
    def _validate_tier(self, tiers=False):
        """Record who acted and for whom; a substitute acts only under a grant in force today."""
        self.ensure_one()
        user = self.env.user
        mine = (tiers or self.review_ids).filtered(lambda r: r.status in ("waiting", "pending") and user in r.reviewer_ids)
        acting = {}
        for review in mine:
            if user in review.nominal_reviewer_ids:
                acting[review.id] = (user, False)
                continue
            grant = self._grant_used_by(user, review.nominal_reviewer_ids)
            if not grant:
                raise AccessError(self.env._("Your delegation for this approval is no longer in force."))
            acting[review.id] = (grant.grantor_id, grant)
        stages = {review.definition_id._ubnd_stage() for review in mine}
        if "office" in stages:
            self._check_forwardable()
        res = super()._validate_tier(tiers and tiers.with_env(self.env))
        for review in mine.filtered(lambda r: r.status == "approved"):
            nominal, grant = acting[review.id]
            review.sudo().write({"acting_for_id": nominal.id, "delegation_id": grant.id if grant else False})
        self._move_on_after(stages)
        return res

    def _move_on_after(self, stages):
        """After a step, the dossier moves to the stage of the next one and its holder is asked (000 Đ15–18)."""
        self.ensure_one()
        self.review_ids._update_review_status()
        open_stages = {review.definition_id._ubnd_stage() for review in self._open_reviews()}
        if "unit" in stages and self.state == "initialling" and "unit" not in open_stages:
            self._reach_office()
        elif "office" in stages and self.state in ("submitted", "clarification") and "office" not in open_stages:
            self._reach_leader()
        if stages - {"decide"}:
            self._ask_whose_turn()

    def _grant_used_by(self, user, nominal_users):
        grants = self.env["ubnd.delegation"].sudo().search([
            ("grantee_id", "=", user.id), ("grantor_id", "in", nominal_users.ids),
            ("committee_id", "=", self.committee_id.id), ("state", "=", "active"),
            ("kind", "in", ("acting_chair", "unit_deputy", "kt")),
        ])._in_force_on(self._today())
        return grants[:1]

    # --- Reminders ---------------------------------------------------------------------------------
    @api.model
    @workflow_step
    def _cron_mark_overdue(self):
        """Mark steps past their deadline and remind the person who must act (000 Đ18)."""
        today = self._today()
        late = self.search([("state", "in", ("submitted", "to_leader", "signed")),
                            ("current_deadline", "<", today), ("is_overdue", "=", False)])
        for sub in late:
            sub.is_overdue = True
            sub.message_post(body=self.env._("The step is overdue since %s.", sub.current_deadline.strftime("%d/%m/%Y")),
                             partner_ids=sub.inbox_user_ids.partner_id.ids)
        self.env["tier.review"]._ubnd_refresh_open_reviewers()
        return len(late)
