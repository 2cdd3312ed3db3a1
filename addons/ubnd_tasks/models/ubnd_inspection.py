from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ubnd_task import check_date_value, check_tasks_of_committee, check_workflow_values

# Written by the inspection's own steps (decision, start, end, report, routing), never by a client.
INSPECTION_WORKFLOW_FIELDS = frozenset({
    "state", "decision_date", "decided_by_id", "ended_date", "report_date", "results_notified_date",
    "office_copy_date", "report_deadline", "report_late", "report_to_id",
})
# What the decision states (002 Đ14.2): fixed once the inspection is decided; a change is a new decision.
DECISION_FIELDS = frozenset({
    "committee_id", "inspection_type", "plan_id", "adhoc_basis", "basis_reference", "organiser", "organiser_unit_id",
    "leader_id", "decision_document_id", "decision_reference", "legal_basis", "scope", "check_implementation",
    "check_reporting", "check_system", "content_note", "date_start", "date_end", "unit_ids", "task_ids",
})
# After the result report the inspection is the record of what was found (002 Đ16.3, Đ17).
INSPECTION_LOCKED_STATES = ("reported", "closed")


class UbndInspection(models.Model):
    """An inspection of how assigned tasks are carried out (002 Đ11–17; 000 Đ40–41; 001 Đ17).

    Forms (002 Đ13): regular or periodic, on an approved plan; or ad hoc, on a direction or on signs
    that a task was not done or done wrongly. The Chairman decides an inspection and sets up its team
    (002 Đ14.1); for a specific task the Office inspects on the Chairman's direction; heads of
    departments and commune chairmen inspect within their own unit (002 Đ11.2). The decision states
    five things (002 Đ14.2); the result report, in three parts (002 Đ16.3), is due within the
    profile's working days after the inspection ends (002 Đ16.1–16.2); the closed dossier holds the
    components of 002 Đ17.
    """

    _name = "ubnd.inspection"
    _description = "Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    inspection_type = fields.Selection(
        [("periodic", "Regular or periodic (per plan)"), ("adhoc", "Ad hoc")],
        string="Form", required=True, default="periodic", help="002 Đ13 — the two forms of inspection.",
    )
    plan_id = fields.Many2one("ubnd.inspection.plan", string="Plan", help="002 Đ13.1 — required for a periodic inspection.")
    adhoc_basis = fields.Selection(
        [("direction", "Direction of the committee or a competent body"),
         ("signs", "Signs that a task was not done or done wrongly")],
        string="Basis", help="002 Đ13.2",
    )
    basis_reference = fields.Char("Direction document")
    organiser = fields.Selection(
        [("chairman", "Team decided by the Chairman"),
         ("office", "The Office, on the Chairman's direction"),
         ("unit", "Head of a department or commune, within the unit")],
        required=True, default="chairman",
        help="002 Đ14.1 (the Chairman decides and sets up the team; the Office inspects a specific task on his "
        "direction), 002 Đ11.2 (heads inspect their own unit and subordinate units).",
    )
    organiser_unit_id = fields.Many2one("hr.department", string="Inspecting unit")
    leader_id = fields.Many2one(
        "res.users", string="Leader inspecting",
        help="000 Đ40.2 — a Vice-Chairman inspects only within the fields, units and areas the Chairman "
        "assigned him.",
    )
    handling_user_id = fields.Many2one(
        "res.users", string="Handles the findings",
        help="001 Đ17.1 — the Chairman decides the handling or assigns a Vice-Chairman to handle the findings.",
    )

    # --- The decision: 002 Đ14.2 a–đ ----------------------------------------------------------------
    decision_document_id = fields.Many2one("ubnd.document", string="Decision")
    decision_reference = fields.Char("Decision number")
    decision_date = fields.Date(readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, tracking=True)
    legal_basis = fields.Text("Legal basis", help="002 Đ14.2.a")
    scope = fields.Text("Scope, subjects and tasks", help="002 Đ14.2.b")
    check_implementation = fields.Boolean(
        "Organisation and results of implementation", default=True, help="002 Đ12.1",
    )
    check_reporting = fields.Boolean("Compliance with the reporting regime", default=True, help="002 Đ12.2")
    check_system = fields.Boolean("Updating of results on the System", default=True, help="002 Đ12.3")
    content_note = fields.Text("Content details", help="002 Đ14.2.c")
    date_start = fields.Date("Start", help="002 Đ14.2.d — duration of the inspection.")
    date_end = fields.Date("Planned end", help="002 Đ14.2.d")
    member_ids = fields.One2many("ubnd.inspection.member", "inspection_id", string="Team", help="002 Đ14.2.đ")
    unit_ids = fields.Many2many(
        "hr.department", "ubnd_inspection_unit_rel", "inspection_id", "unit_id", string="Inspected units",
    )
    task_ids = fields.Many2many("ubnd.task", "ubnd_inspection_task_rel", "inspection_id", "task_id", string="Inspected tasks")

    # --- Progress and result -------------------------------------------------------------------------
    state = fields.Selection(
        [("draft", "Draft"), ("decided", "Decided"), ("in_progress", "In progress"), ("ended", "Ended"),
         ("reported", "Reported"), ("closed", "Closed"), ("cancelled", "Cancelled")],
        default="draft", required=True, tracking=True,
    )
    ended_date = fields.Date("Ended on", readonly=True, tracking=True)
    report_deadline = fields.Date(
        compute="_compute_report_deadline", store=True,
        help="002 Đ16.1–16.2 — no later than the profile's working days after the inspection ends.",
    )
    report_date = fields.Date(readonly=True, tracking=True)
    report_late = fields.Boolean(compute="_compute_report_deadline", store=True)
    evaluation = fields.Html(help="002 Đ16.3.a — organisation and results of implementation; reporting regime.")
    conclusion = fields.Html(help="002 Đ16.3.b — a specific assessment of the results.")
    recommendations = fields.Html(help="002 Đ16.3.c — urging and directing measures, task adjustments, violations.")
    finding_ids = fields.One2many("ubnd.inspection.finding", "inspection_id", string="Findings")
    recommendation_ids = fields.One2many("ubnd.inspection.recommendation", "inspection_id", string="Recommendation lines")
    report_to_id = fields.Many2one("res.users", string="Reported to", compute="_compute_report_to", store=True)
    results_notified_date = fields.Date(
        readonly=True, help="002 Đ16.2 — the Office notifies the inspected units of the results.",
    )
    office_copy_date = fields.Date(
        "Sent to the Office on", readonly=True, help="002 Đ16.1 — a unit's report is also sent to the Office.",
    )
    dossier_ids = fields.One2many("ubnd.inspection.dossier", "inspection_id", string="Dossier")

    @api.depends("ended_date", "report_date", "committee_id.profile_id.inspection_report_days")
    def _compute_report_deadline(self):
        for inspection in self:
            profile = inspection.committee_id.profile_id
            inspection.report_deadline = (
                profile.compute_deadline(inspection.ended_date, "inspection_report_days", inspection.company_id)
                if inspection.ended_date and profile else False
            )
            inspection.report_late = bool(
                inspection.report_date and inspection.report_deadline and inspection.report_date > inspection.report_deadline
            )

    @api.depends("organiser", "committee_id", "organiser_unit_id")
    def _compute_report_to(self):
        """002 Đ16.1: a unit reports to the committee (its Chairman); 002 Đ16.2: the Office to the Chairman."""
        for inspection in self:
            inspection.report_to_id = inspection.committee_id.chairman_id

    # --- Checks --------------------------------------------------------------------------------------
    def _decision_gaps(self):
        """What the decision still lacks among the five contents of 002 Đ14.2."""
        self.ensure_one()
        gaps = []
        if not self.legal_basis:
            gaps.append(self.env._("a) the legal basis"))
        if not self.scope or not (self.unit_ids or self.task_ids):
            gaps.append(self.env._("b) the scope, subjects and tasks"))
        if not (self.check_implementation or self.check_reporting or self.check_system):
            gaps.append(self.env._("c) the content"))
        if not (self.date_start and self.date_end):
            gaps.append(self.env._("d) the duration"))
        if not self.member_ids.filtered(lambda m: m.role == "head"):
            gaps.append(self.env._("đ) the team and its head"))
        return gaps

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for inspection in self:
            if inspection.date_start and inspection.date_end and inspection.date_end < inspection.date_start:
                raise ValidationError(self.env._("An inspection cannot end before it starts."))

    @api.constrains("handling_user_id", "committee_id")
    def _check_handling_user(self):
        for inspection in self:
            user = inspection.handling_user_id
            committee = inspection.committee_id
            if user and user != committee.chairman_id and user not in committee.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "The Chairman handles the findings or assigns a Vice-Chairman to handle them (001 Đ17.1)."
                ))

    def _check_leader_scope(self):
        """000 Đ40.2 — a Vice-Chairman inspects only within the scope the Chairman assigned him."""
        self.ensure_one()
        leader = self.leader_id
        if not leader or leader == self.committee_id.chairman_id:
            return
        member = leader._ubnd_membership(self.committee_id)
        if not member:
            raise ValidationError(self.env._("The leader inspecting must be a member of the committee."))
        outside_units = self.unit_ids.filtered(lambda u: not member._covers_area(u))
        outside_tasks = self.task_ids.filtered(
            lambda t: not member._covers_field(t.field_id) and not member._covers_area(t.lead_unit_id)
        )
        if outside_tasks or (outside_units and not self.task_ids):
            raise ValidationError(self.env._(
                "%(leader)s inspects only the fields, units and areas the Chairman assigned to him (000 Đ40.2).",
                leader=leader.name,
            ))

    def _check_unit_scope(self):
        """002 Đ11.2 — a head inspects his own unit and the units under it."""
        self.ensure_one()
        if self.organiser != "unit":
            return
        if not self.organiser_unit_id:
            raise ValidationError(self.env._("Say which unit inspects."))
        own = self.env["hr.department"].search([("id", "child_of", self.organiser_unit_id.id)])
        if self.unit_ids - own:
            raise ValidationError(self.env._(
                "A head inspects his own unit and its subordinate units only (002 Đ11.2)."
            ))

    def _check_decider(self):
        """002 Đ14.1 — the Chairman decides; 002 Đ11.2 — a head decides within his unit."""
        self.ensure_one()
        user = self.env.user
        if self.env.su:
            return
        if self.organiser == "unit":
            unit = self.organiser_unit_id
            heads = unit.manager_id.user_id | unit.ubnd_subordinate_committee_id.chairman_id
            if user not in heads:
                raise AccessError(self.env._("Only the head of the inspecting unit decides its inspection (002 Đ11.2)."))
        elif self.organiser == "chairman":
            if user != self.committee_id.chairman_id:
                raise AccessError(self.env._(
                    "Only the Chairman decides an inspection and sets up the inspection team (002 Đ14.1)."
                ))
        else:  # the Office, on the Chairman's direction
            if not user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office organises the inspection of a specific task (002 Đ14.1)."))
            if not (self.basis_reference or self.decision_reference):
                raise UserError(self.env._(
                    "The Office inspects a specific task on the Chairman's direction: give the direction (002 Đ14.1)."
                ))

    # --- Flow ----------------------------------------------------------------------------------------
    def action_decide(self):
        for inspection in self:
            if inspection.state != "draft":
                raise UserError(self.env._("Only a draft inspection is decided."))
            inspection._check_decider()
            if inspection.inspection_type == "periodic":
                if not inspection.plan_id or inspection.plan_id.state != "approved":
                    raise UserError(self.env._(
                        "A regular or periodic inspection follows a plan approved by the competent person (002 Đ13.1)."
                    ))
            elif not inspection.adhoc_basis:
                raise UserError(self.env._(
                    "An ad-hoc inspection rests on a direction or on signs that a task was not done or done "
                    "wrongly (002 Đ13.2)."
                ))
            gaps = inspection._decision_gaps()
            if gaps:
                raise UserError(self.env._("The inspection decision must state %s (002 Đ14.2).", ", ".join(gaps)))
            inspection._check_leader_scope()
            inspection._check_unit_scope()
            inspection.sudo().write({
                "state": "decided",
                "decided_by_id": self.env.user.id,
                "decision_date": self.env["ubnd.task"]._today(),
            })
            inspection._notify_inspected(self.env._("Inspection decided: provide the reports and documents requested "
                                                    "(002 Đ15.3)."))
        return True

    def _team_head(self):
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.role == "head")[:1].user_id

    def _check_team_head_or_office(self):
        self.ensure_one()
        user = self.env.user
        if not self.env.su and user != self._team_head() and not user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("The head of the inspection team runs the inspection (002 Đ15.1)."))

    def action_start(self):
        for inspection in self:
            inspection._check_team_head_or_office()
            if inspection.state != "decided":
                raise UserError(self.env._("The inspection is decided before it starts."))
            inspection.sudo().state = "in_progress"
        return True

    def action_end(self, ended_date=None):
        """The inspection ends: the result report is due within the profile's working days (002 Đ16)."""
        for inspection in self:
            inspection._check_team_head_or_office()
            if inspection.state != "in_progress":
                raise UserError(self.env._("Only an inspection in progress ends."))
            today = self.env["ubnd.task"]._today()
            end = check_date_value(self.env, self._fields["ended_date"]._description_string(self.env), ended_date) \
                if ended_date else today
            if end > today or (inspection.date_start and end < inspection.date_start):
                raise ValidationError(self.env._(
                    "An inspection ends on a day between its start and today, not on %s.", end.strftime("%d/%m/%Y"),
                ))
            inspection.sudo().write({"state": "ended", "ended_date": end})
            reporter = inspection._team_head() or inspection.committee_id.chief_of_office_id
            if reporter:
                inspection.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", date_deadline=inspection.report_deadline,
                    summary=self.env._("Inspection result report due"), user_id=reporter.id,
                )
        return True

    def action_report(self):
        """Submit the result report: evaluation, conclusions, recommendations (002 Đ16.3)."""
        Task = self.env["ubnd.task"]
        for inspection in self:
            inspection._check_team_head_or_office()
            if inspection.state != "ended":
                raise UserError(self.env._("The result report follows the end of the inspection."))
            missing = [label for value, label in (
                (inspection.evaluation, self.env._("the evaluation")),
                (inspection.conclusion, self.env._("the conclusions")),
                (inspection.recommendations, self.env._("the recommendations")),
            ) if not Task._html_has_text(value)]
            if missing:
                raise UserError(self.env._(
                    "The result report has three parts; it lacks %s (002 Đ16.3).", ", ".join(missing)
                ))
            today = Task._today()
            inspection.sudo().write({"state": "reported", "report_date": today})
            inspection.sudo().activity_feedback(["ubnd_tasks.mail_activity_task_action"])
            inspection._route_report(today)
        return True

    @api.constrains("task_ids", "committee_id")
    def _check_tasks_committee(self):
        for inspection in self:
            check_tasks_of_committee(self.env, inspection.task_ids, inspection.committee_id)

    # ------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, INSPECTION_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, INSPECTION_WORKFLOW_FIELDS)
            if self.filtered(lambda i: i.state in INSPECTION_LOCKED_STATES) and any(
                not name.startswith(("message_", "activity_")) for name in vals
            ):
                raise UserError(self.env._(
                    "A reported inspection is part of the record: its decision, team, evaluation, conclusions and "
                    "recommendations no longer change (002 Đ16.3, Đ17)."
                ))
            if DECISION_FIELDS & set(vals) and self.filtered(lambda i: i.state not in ("draft", "cancelled")):
                raise UserError(self.env._(
                    "What the inspection decision states (basis, scope, content, duration, units and tasks) no longer "
                    "changes once it is decided; a change is made by a new decision (002 Đ14.2)."
                ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda i: i.state not in ("draft", "cancelled")):
            raise UserError(self.env._(
                "A decided inspection stays on the record; one that does not take place is cancelled (002 Đ14, Đ17)."
            ))

    def _route_report(self, today):
        """002 Đ16.1: a unit's report goes to the committee and to the Office; 002 Đ16.2: the Office's
        goes to the Chairman and the inspected units are notified; 001 Đ17.3: unlawful or outdated
        provisions found by a head go to the Chairman or the Vice-Chairman in charge."""
        self.ensure_one()
        committee = self.committee_id
        recipients = self.report_to_id
        if self.organiser == "unit":
            recipients |= committee.chief_of_office_id
            self.sudo().office_copy_date = today
        else:
            self.sudo().results_notified_date = today
            self._notify_inspected(self.env._("Inspection results notified (002 Đ16.2)."))
        if self.finding_ids.filtered(lambda f: f.result == "unlawful_provision"):
            leaders = committee.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman"
                and any(m._covers_area(u) for u in self.unit_ids | self.organiser_unit_id)
            ).user_id
            recipients |= committee.chairman_id | leaders
        for user in recipients:
            self.sudo().activity_schedule(
                "ubnd_tasks.mail_activity_task_action", date_deadline=today,
                summary=self.env._("Inspection result report to review"), user_id=user.id,
            )

    def _notify_inspected(self, body):
        self.ensure_one()
        partners = self.env["res.partner"]
        for unit in self.unit_ids:
            partners |= (unit.manager_id.user_id | unit.ubnd_task_focal_user_id).partner_id
        if partners:
            self.sudo().message_subscribe(partner_ids=partners.ids)
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_comment", partner_ids=partners.ids)

    def _dossier_gaps(self):
        """Components of 002 Đ17 still missing; 2 and 3 are “if any”, 8 is “other documents”."""
        self.ensure_one()
        present = set(self.dossier_ids.mapped("component"))
        required = {"decision", "reports", "plan", "minutes", "result_report"}
        labels = dict(self.env["ubnd.inspection.dossier"]._fields["component"]._description_selection(self.env))
        return [labels[c] for c in ("decision", "reports", "plan", "minutes", "result_report") if c in required - present]

    def action_close(self):
        for inspection in self:
            if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office") \
                    and self.env.user != inspection._team_head():
                raise AccessError(self.env._("The Office or the team head closes the inspection dossier."))
            if inspection.state != "reported":
                raise UserError(self.env._("The dossier is closed after the result report."))
            gaps = inspection._dossier_gaps()
            if gaps:
                raise UserError(self.env._("The inspection dossier lacks: %s (002 Đ17).", ", ".join(gaps)))
            inspection.sudo().state = "closed"
        return True

    def action_cancel(self):
        for inspection in self:
            if not (self.env.su or inspection.create_uid == self.env.user):
                inspection._check_team_head_or_office()
            if inspection.state in ("reported", "closed"):
                raise UserError(self.env._("A reported inspection cannot be cancelled."))
            inspection.sudo().state = "cancelled"
        return True
