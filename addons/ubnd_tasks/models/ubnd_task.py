from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.ubnd_quyche.models.ubnd_document import CONFIDENTIALITY
from odoo.addons.ubnd_quyche.tools import is_privileged

TASK_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In progress"),
    ("reported", "Completion reported"),
    ("done", "Completed"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]

# Status and timeliness in the Government Office's national categories (catalogue A2):
# tasks with a deadline are in term, overdue, completed on time or completed late; tasks
# without one are in progress or completed (002 Đ4, Đ5.1.g).
TASK_STATUSES = [
    ("draft", "Not yet assigned"),
    ("in_term", "In progress within term"),
    ("overdue", "Overdue"),
    ("in_progress", "In progress (no deadline)"),
    ("done_on_time", "Completed on time"),
    ("done_late", "Completed late"),
    ("done", "Completed (no deadline)"),
    ("returned", "Returned, awaiting direction"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("in_progress", "reported")
DONE_STATUSES = ("done_on_time", "done_late", "done")

# Fields the Office changes only with the reassignment wizard, on the leaders' direction (002 Đ6.1.c).
DIRECTED_FIELDS = frozenset({"lead_unit_id", "lead_user_id", "deadline"})
# Fields only the task's own steps write (assignment, reports, confirmation, crons) and the stored computed
# fields derived from them: a client never sets them, so a task is completed only through a confirmed
# completion report (002 Đ6.1.a).
WORKFLOW_FIELDS = frozenset({
    "state", "assign_date", "receipt_date", "reported_date", "completion_date", "confirmed_date",
    "confirmed_by_id", "last_update_date", "delay_explained", "no_result_flag", "no_result_flag_date",
    "gov_database_date", "status", "effective_deadline", "deadline_type", "entry_deadline", "entered_late",
    "return_deadline",
})
# A completed or cancelled task is part of the record: only the Office's assessment of its quality is still
# written (002 Đ8.1.a); wrong data is corrected through an agreed correction that keeps the old value.
CLOSED_STATES = ("done", "cancelled")
CLOSED_WRITABLE_FIELDS = frozenset({"quality", "quality_note"})
# Dates outside this window are typing errors, not dates of the regulation.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2200, 12, 31)
# Points đ and h of 002 Đ5.1 are not recorded for tasks of confidential documents (002 Đ5.2).
CONFIDENTIAL_EXCLUDED_FIELDS = ("content", "other_info")


def check_date_value(env, label, value):
    """The date ``value`` (a date or an ISO string) as a date, or a clear error."""
    try:
        day = fields.Date.to_date(value)
    except (TypeError, ValueError):
        day = None
    if not day:
        raise ValidationError(env._("%(field)s: “%(value)s” is not a valid date.", field=label, value=value))
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError(env._(
            "%(field)s: %(date)s is outside the years 1900–2200.", field=label, date=day.strftime("%d/%m/%Y"),
        ))
    return day


def check_workflow_values(model, vals, names, creating=False):
    """Refuse ``vals`` that set one of the workflow fields ``names`` of ``model``: those are written by the
    record's own steps (in sudo or with a server privilege), never by a client. On creation the context's
    defaults count too, and a field's own default (the first state) is allowed."""
    if creating:
        vals = {**{key[len("default_"):]: value for key, value in model.env.context.items()
                   if key.startswith("default_")}, **vals}

    def initial(name):
        field = model._fields[name]
        return field.default(model) if creating and field.default else None

    forged = [name for name in set(names) & set(vals) if vals[name] and vals[name] != initial(name)]
    if forged:
        raise AccessError(model.env._(
            "%(fields)s (%(model)s): set only by the record's own steps, not sent by a client.",
            fields=", ".join(sorted(model._fields[name]._description_string(model.env) for name in forged)),
            model=model._description,
        ))


def check_tasks_of_committee(env, tasks, committee):
    """A record links only tasks of its own committee: a task id of another committee would show that task's
    title through the link and post on its chatter."""
    if tasks.sudo().filtered(lambda t: t.committee_id != committee):
        raise ValidationError(env._("Only tasks assigned by %s can be linked here.", committee.sudo().display_name))


class UbndTask(models.Model):
    """A task assigned in a document of the Government, the Prime Minister, the committee or its
    Chairman (002 Đ1.1, Đ3), with the data points of 002 Đ5.1 a–h.

    Its ``status`` is stored so lists, dashboards and reports stay fast on large volumes: it is
    recomputed when the task moves, and the nightly cron only visits the in-term tasks whose
    deadline has just passed (a partial index serves that query).
    """

    _name = "ubnd.task"
    _description = "Assigned task"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "effective_deadline, id desc"
    # Coordinating units comment on tasks they may only read (002 Đ8.2.b).
    _mail_post_access = "read"
    _check_company_auto = True

    # --- 002 Đ5.1.a: the assigning document ------------------------------------------------------
    name = fields.Char(
        "Task", required=True, tracking=True,
        compute="_compute_name", store=True, readonly=False, precompute=True,
        help="A short title. For a task of a confidential document the title only names the document "
        "(002 Đ5.2: the task content is not recorded).",
    )
    committee_id = fields.Many2one(
        "ubnd.committee", string="Assigning committee", required=True, index=True, ondelete="restrict", tracking=True,
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True, precompute=True)
    kind = fields.Selection(
        [("committee", "Committee / Chairman"), ("government", "Government / Prime Minister")],
        string="Assigned by", required=True, default="committee", tracking=True,
        help="002 Đ3.1–3.2 — tasks the committee or its Chairman assigns to units, and tasks the Government or "
        "the Prime Minister assigns to the committee.",
    )
    nature = fields.Selection(
        [
            ("submission", "Draft and submit a scheme, report, project or document"),
            ("specific", "Other specific task"),
            ("legal", "Task set in a Government decree or a Prime Minister's legal decision"),
        ],
        required=True, default="specific", tracking=True,
        help="002 Đ3.1–3.2. Routine work of a unit's regular functions is not an assigned task and is not "
        "entered on the System.",
    )
    source_kind = fields.Selection(
        [
            ("legal", "Legal normative document"),
            ("programme", "Work programme"),
            ("directive", "Directive / executive document"),
        ],
        string="Source document kind", required=True, default="directive",
        help="002 Đ1.1 — tasks are tracked when they are assigned in legal normative documents, work programmes "
        "or directive and executive documents.",
    )
    document_id = fields.Many2one(
        "ubnd.document", string="Assigning document", index=True, ondelete="restrict", tracking=True,
        help="The committee's own document (directive, conclusion notice, decision...). For a document from "
        "outside (e.g. the Government), fill in the document data below instead.",
    )
    source_name = fields.Char(
        "Document name", compute="_compute_source", store=True, readonly=False, precompute=True, tracking=True,
        help="002 Đ5.1.a — name or type of the assigning document.",
    )
    source_number = fields.Char(
        "Number and symbol", compute="_compute_source", store=True, readonly=False, precompute=True, tracking=True,
        help="002 Đ5.1.a", index="trigram",
    )
    source_summary = fields.Text(
        "Summary", compute="_compute_source", store=True, readonly=False, precompute=True, tracking=True, help="002 Đ5.1.a",
    )
    source_date = fields.Date(
        "Issue date", compute="_compute_source", store=True, readonly=False, precompute=True, tracking=True,
        help="002 Đ5.1.a — the date the assigning document was issued; the Office's entry deadline counts "
        "from it (002 Đ6.2.a).",
    )
    source_signer = fields.Char(
        "Signed by", compute="_compute_source", store=True, readonly=False, precompute=True, tracking=True, help="002 Đ5.1.a",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY, required=True, tracking=True,
        compute="_compute_source", store=True, readonly=False, precompute=True,
        help="002 Đ5.2 — for a document issued as mật, tối mật or tuyệt mật only points a, b, c, d, e and g of "
        "Đ5.1 are recorded: no task content and no other information.",
    )

    # --- 002 Đ5.1.b–d: who proposed, who carries out, who tracks --------------------------------
    proposing_unit_id = fields.Many2one(
        "hr.department", string="Proposing unit", check_company=True, tracking=True,
        help="002 Đ5.1.b — the agency or unit that proposed or submitted the assigning document.",
    )
    proposing_body = fields.Char(
        tracking=True,
        help="002 Đ5.1.b — for a document from outside the committee (e.g. a ministry that submitted a "
        "Government decision).",
    )
    lead_unit_id = fields.Many2one(
        "hr.department", string="Lead unit", required=True, index=True, tracking=True, check_company=True,
        domain="[('ubnd_committee_id', '=', committee_id)]",
        help="002 Đ5.1.c, 000 Đ2.4 — exactly one agency or unit leads (chủ trì) and answers for progress and "
        "results.",
    )
    lead_user_id = fields.Many2one(
        "res.users", string="Lead person", tracking=True, index=True,
        compute="_compute_lead_user_id", store=True, readonly=False, precompute=True,
        help="000 Đ2.4, 001 Đ2.3 — exactly one individual leads and answers for the task; by default the head "
        "of the lead unit (the chairman of a lower-level committee).",
    )
    coordinating_unit_ids = fields.Many2many(
        "hr.department", "ubnd_task_coordinating_unit_rel", "task_id", "unit_id",
        string="Coordinating units", check_company=True, tracking=True, domain="[('ubnd_committee_id', '=', committee_id)]",
        help="002 Đ5.1.c, Đ8.2.b — units that coordinate (phối hợp): they give their share to the lead unit "
        "but do not close the task.",
    )
    tracking_unit_id = fields.Many2one(
        "hr.department", string="Office unit tracking", tracking=True, check_company=True,
        default=lambda self: self.env["ubnd.committee"]._for_company().office_unit_id,
        help="002 Đ5.1.d — the unit of the Office assigned to track, urge and inspect the task.",
    )
    proposing_office_unit_id = fields.Many2one(
        "hr.department", string="Office unit that proposed the document", check_company=True,
        help="002 Đ6.2.a ¶2 — it confirms completion together with the tracking unit.",
    )
    tracking_user_id = fields.Many2one(
        "res.users", string="Tracking specialist", tracking=True,
        help="The Office specialist who follows the task: first level of urging.",
    )
    leader_id = fields.Many2one(
        "res.users", string="Leader in charge", index=True, tracking=True,
        compute="_compute_leader_id", store=True, readonly=False, precompute=True,
        help="The Vice-Chairman whose portfolio (field, then area) covers the task, else the Chairman "
        "(000 Đ7.2, Đ40.2).",
    )
    field_id = fields.Many2one("ubnd.field", string="Field", index=True, tracking=True)

    # --- 002 Đ5.1.đ–h: content, deadline, status, other information -------------------------------
    content = fields.Html("Task content", help="002 Đ5.1.đ — not recorded for confidential documents (Đ5.2).")
    deadline_kind = fields.Selection(
        [("report", "Report or submit to the committee or a competent authority"), ("complete", "Complete the task")],
        tracking=True,
        help="002 Đ5.1.e — the deadline is either to report or submit, or to complete the specific task.",
    )
    deadline = fields.Date(
        tracking=True,
        help="002 Đ5.1.e, Đ4 — empty for a task without a deadline. Only the Office changes it, on the "
        "leaders' direction (002 Đ6.1.c).",
    )
    effective_deadline = fields.Date(
        compute="_compute_effective_deadline", store=True, index=True, precompute=True,
        help="The deadline, moved to the next working day when it falls on a day off if the regulation "
        "profile says so (Civil Code Đ148.5). Timeliness is measured against it.",
    )
    deadline_type = fields.Selection(
        [("with", "With a deadline"), ("without", "Without a deadline")],
        compute="_compute_deadline_type", store=True, precompute=True,
        help="002 Đ4 — the two kinds of assigned task.",
    )
    state = fields.Selection(TASK_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True)
    status = fields.Selection(
        TASK_STATUSES, string="Status and timeliness", compute="_compute_status", store=True, precompute=True,
        index=True, tracking=True,
        help="002 Đ5.1.g. A task is completed when the Office confirms the lead unit's report (002 Đ6.1.a). "
        "Whether it was on time is decided by the date of the lead unit's completion report document (or the "
        "day it marked the task “Đã thực hiện” when no written report is required), compared with the "
        "deadline: seed 002 leaves this open (catalogue A-3) and a unit is not late because the Office "
        "confirms later. Overdue means today is after the deadline; the deadline day itself is in term.",
    )
    quality = fields.Selection(
        [("meets", "Meets the direction"), ("partly", "Partly meets the direction"), ("fails", "Does not meet the direction")],
        string="Quality and effectiveness", tracking=True,
        help="002 Đ5.1.g, Đ8.1.a — the Office's assessment against the leaders' direction.",
    )
    quality_note = fields.Text("Assessment", tracking=True)
    other_info = fields.Text("Other information", tracking=True, help="002 Đ5.1.h — not recorded for confidential documents (Đ5.2).")

    # --- Dates of the flow -------------------------------------------------------------------------
    assign_date = fields.Date(
        "Entered on", readonly=True, copy=False, index=True, tracking=True,
        help="The day the Office entered the task on the System and sent it to the units.",
    )
    entry_deadline = fields.Date(
        compute="_compute_entry_deadline", store=True,
        help="002 Đ6.2.a — the Office enters the tasks of a directive within the profile's working days of "
        "its issue.",
    )
    entered_late = fields.Boolean(compute="_compute_entry_deadline", store=True)
    receipt_date = fields.Date(
        "Received by the lead unit", readonly=True, copy=False,
        help="The day the lead unit received the task; the return window counts from it (002 Đ6.1.c).",
    )
    return_deadline = fields.Date(
        compute="_compute_return_deadline", store=True,
        help="002 Đ6.1.c — a unsuitable task is returned with written reasons within the profile's working "
        "days of receiving the document.",
    )
    reported_date = fields.Date(
        readonly=True, copy=False, tracking=True, help="Date of the completion report awaiting the Office's confirmation.",
    )
    completion_date = fields.Date(
        readonly=True, copy=False, tracking=True,
        help="Date of the lead unit's completion report document, set when the Office confirms it; it "
        "decides whether the task was completed on time.",
    )
    confirmed_date = fields.Date(readonly=True, copy=False, tracking=True)
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed by", readonly=True, copy=False, tracking=True)
    last_update_date = fields.Date("Last update", readonly=True, copy=False)

    # --- Government tasks (002 Đ6.2.b) -------------------------------------------------------------
    implementing_document_id = fields.Many2one(
        "ubnd.document", string="Implementing document", check_company=True,
        help="002 Đ6.2.b — the committee's document, proposed by the Office, that directs the concrete "
        "implementation of a Government or Prime Minister task.",
    )
    gov_focal_user_id = fields.Many2one(
        "res.users", string="Office focal officer for Government tasks",
        help="002 Đ6.2.b — updates the Government's tracking database with the completion results.",
    )
    gov_database_date = fields.Date(
        "Updated in the Government database on", readonly=True, copy=False, tracking=True,
        help="002 Đ6.2.b — the Government's database for tracking and disclosure on its private network.",
    )

    # --- 6-month rule (002 Đ8.1.e) -----------------------------------------------------------------
    delay_explained = fields.Boolean(
        "Delay explained in writing", readonly=True, copy=False, tracking=True,
        help="002 Đ8.1.e, Đ19.2 — the unit sent a written report on the difficulties or reasons for delay.",
    )
    no_result_flag = fields.Boolean(
        "No result after the limit", readonly=True, copy=False, tracking=True,
        help="002 Đ8.1.e — no result after the profile's months (06) since the task was entered, and no written "
        "report on the delay: the Office inspects with the sector-tracking section and proposes a review of "
        "accountability. Counted from the entry date; it covers tasks with and without a deadline (the seed "
        "leaves both open, catalogue A-1).",
    )
    no_result_flag_date = fields.Date(readonly=True, copy=False)

    # --- Relations ---------------------------------------------------------------------------------
    parent_id = fields.Many2one(
        "ubnd.task", string="Originating task", index="btree_not_null", check_company=True,
        help="E.g. the Government task a city task implements, or the task an inspection recommendation "
        "adjusts.",
    )
    child_ids = fields.One2many("ubnd.task", "parent_id", string="Derived tasks")
    update_ids = fields.One2many("ubnd.task.update", "task_id", string="Updates")
    change_ids = fields.One2many("ubnd.task.change", "task_id", string="History of changes")
    return_ids = fields.One2many("ubnd.task.return", "task_id", string="Returns")
    direction_ids = fields.One2many("ubnd.task.direction", "task_id", string="Requests for direction")
    correction_ids = fields.One2many("ubnd.task.correction", "task_id", string="Corrections")
    urging_ids = fields.Many2many("ubnd.task.urging", "ubnd_task_urging_task_rel", "task_id", "urging_id", string="Urgings")
    inspection_ids = fields.Many2many(
        "ubnd.inspection", "ubnd_inspection_task_rel", "task_id", "inspection_id", string="Inspections",
    )
    is_my_unit = fields.Boolean(
        "My unit's tasks", compute="_compute_is_my_unit", search="_search_is_my_unit",
        help="Tasks the user's unit leads or coordinates.",
    )
    is_due_soon = fields.Boolean(
        "Due soon", compute="_compute_is_due_soon", search="_search_is_due_soon",
        help="In term and due within the profile's dashboard window.",
    )
    user_is_lead = fields.Boolean(compute="_compute_user_roles", help="The current user acts for the lead unit.")
    user_is_coordinator = fields.Boolean(compute="_compute_user_roles", help="The current user acts for a coordinating unit.")
    user_is_office = fields.Boolean(compute="_compute_user_roles", help="The current user belongs to the Office.")
    update_count = fields.Integer(compute="_compute_counts")
    urging_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True, tracking=True)

    _cron_overdue_idx = models.Index(
        "(effective_deadline) WHERE state = 'in_progress' AND status = 'in_term'"
    )
    _cron_no_result_idx = models.Index(
        "(assign_date) WHERE state = 'in_progress' AND no_result_flag IS NOT TRUE AND delay_explained IS NOT TRUE"
    )
    _unit_status_idx = models.Index("(lead_unit_id, status, effective_deadline)")

    # ------------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------------
    @api.depends("confidentiality", "source_number")
    def _compute_name(self):
        for task in self:
            if task.confidentiality != "normal":
                task.name = task._confidential_title()
            elif not task.name:
                task.name = False

    def _confidential_title(self):
        """002 Đ5.2 — the title of a confidential task only names its document."""
        self.ensure_one()
        return self.env._("Task of confidential document %s", self.source_number or "")

    def _enforce_confidential_title(self):
        for task in self.filtered(lambda t: t.confidentiality != "normal"):
            title = task._confidential_title()
            if task.name != title:
                task.name = title

    @api.depends("document_id")
    def _compute_source(self):
        for task in self:
            doc = task.document_id
            if not doc:
                task.confidentiality = task.confidentiality or "normal"
                continue
            task.source_name = doc.document_type_id.name
            task.source_number = doc.reference
            task.source_summary = doc.name
            task.source_date = doc.date
            task.source_signer = doc.signer_id.name
            task.confidentiality = doc.confidentiality

    @api.depends("lead_unit_id")
    def _compute_lead_user_id(self):
        for task in self:
            unit = task.lead_unit_id
            task.lead_user_id = (unit.manager_id.user_id or unit.ubnd_subordinate_committee_id.chairman_id
                                 or task.lead_user_id)

    @api.depends("field_id", "lead_unit_id", "committee_id")
    def _compute_leader_id(self):
        for task in self:
            vice_chairmen = task.committee_id.member_ids.filtered(lambda m: m.active and m.role == "vice_chairman")
            member = (vice_chairmen.filtered(lambda m: m._covers_field(task.field_id))[:1]
                      or vice_chairmen.filtered(lambda m: m._covers_area(task.lead_unit_id))[:1])
            task.leader_id = member.user_id or task.committee_id.chairman_id

    @api.depends("deadline", "committee_id.profile_id.task_deadline_rolls_forward")
    def _compute_effective_deadline(self):
        Workday = self.env["ubnd.workday"]
        for task in self:
            deadline = task.deadline
            if deadline and task.committee_id.profile_id.task_deadline_rolls_forward:
                deadline = Workday.working_day_on_or_after(deadline, task.company_id)
            task.effective_deadline = deadline

    @api.depends("deadline")
    def _compute_deadline_type(self):
        for task in self:
            task.deadline_type = "with" if task.deadline else "without"

    @api.depends("state", "effective_deadline", "completion_date", "reported_date")
    def _compute_status(self):
        today = self._today()
        for task in self:
            task.status = task._status_on(today)

    def _status_on(self, day):
        """Status and timeliness of the task on ``day`` (002 Đ5.1.g; see the field's help)."""
        self.ensure_one()
        if self.state in ("draft", "returned", "cancelled"):
            return self.state if self.state != "draft" else "draft"
        deadline = self.effective_deadline
        if self.state == "done":
            if not deadline:
                return "done"
            return "done_on_time" if self.completion_date and self.completion_date <= deadline else "done_late"
        if not deadline:
            return "in_progress"
        if self.state == "reported" and self.reported_date and self.reported_date <= deadline:
            return "in_term"
        return "overdue" if day > deadline else "in_term"

    @api.depends("source_date", "assign_date", "committee_id.profile_id.task_entry_days")
    def _compute_entry_deadline(self):
        for task in self:
            profile = task.committee_id.profile_id
            if task.source_date and profile:
                task.entry_deadline = profile.compute_deadline(task.source_date, "task_entry_days", task.company_id)
            else:
                task.entry_deadline = False
            task.entered_late = bool(task.entry_deadline and task.assign_date and task.assign_date > task.entry_deadline)

    @api.depends("receipt_date", "committee_id.profile_id.task_return_days")
    def _compute_return_deadline(self):
        for task in self:
            profile = task.committee_id.profile_id
            task.return_deadline = (
                profile.compute_deadline(task.receipt_date, "task_return_days", task.company_id)
                if task.receipt_date and profile else False
            )

    def _compute_is_my_unit(self):
        units = self.env.user.ubnd_unit_ids
        for task in self:
            task.is_my_unit = bool((task.lead_unit_id | task.coordinating_unit_ids) & units)

    def _search_is_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = self._unit_domain(self.env.user.ubnd_unit_ids)
        return domain if (operator == "=") == value else ["!"] + domain

    def _due_soon_horizon(self, committee=None):
        committee = committee or self.env["ubnd.committee"]._for_company()
        days = committee.profile_id.task_due_soon_days or 0
        return self.env["ubnd.workday"].add_working_days(self._today(), days, committee.company_id)

    def _compute_is_due_soon(self):
        for task in self:
            task.is_due_soon = bool(
                task.status == "in_term" and task.effective_deadline
                and task.effective_deadline <= task._due_soon_horizon(task.committee_id)
            )

    def _search_is_due_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = ["&", ("status", "=", "in_term"), ("effective_deadline", "<=", self._due_soon_horizon())]
        return domain if (operator == "=") == value else ["!"] + domain

    @api.depends_context("uid")
    @api.depends("lead_unit_id", "lead_user_id", "coordinating_unit_ids")
    def _compute_user_roles(self):
        """Which buttons the current user sees: each role acts on its own step (002 Đ6, Đ8.2)."""
        user = self.env.user
        for task in self:
            task.user_is_lead = task._is_lead_user(user)
            task.user_is_coordinator = bool(task._coordinating_units_of(user))
            task.user_is_office = task._is_office_user(user)

    def _compute_counts(self):
        for task in self:
            task.update_count = len(task.update_ids)
            task.urging_count = len(task.urging_ids)

    def _compute_display_name(self):
        for task in self:
            parts = [part for part in (task.source_number, task.name) if part]
            task.display_name = " – ".join(parts) or self.env._("New task")

    # ------------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------------
    @api.constrains("confidentiality", "content", "other_info")
    def _check_confidential_fields(self):
        for task in self:
            if task.confidentiality != "normal" and (task._html_has_text(task.content) or task.other_info):
                raise ValidationError(self.env._(
                    "A task of a confidential document records neither its content nor other information "
                    "(002 Đ5.2)."
                ))

    @api.constrains("nature", "kind")
    def _check_nature(self):
        for task in self:
            if task.nature == "legal" and task.kind != "government":
                raise ValidationError(self.env._(
                    "Only a Government or Prime Minister task comes from a Government decree or a Prime "
                    "Minister's legal decision (002 Đ3.1)."
                ))

    @api.constrains("lead_unit_id", "coordinating_unit_ids")
    def _check_lead_not_coordinating(self):
        for task in self:
            if task.lead_unit_id in task.coordinating_unit_ids:
                raise ValidationError(self.env._("The lead unit cannot also be a coordinating unit (000 Đ2.4)."))

    @api.constrains("deadline", "deadline_kind")
    def _check_deadline_kind(self):
        for task in self:
            if task.deadline and not task.deadline_kind:
                raise ValidationError(self.env._(
                    "Say whether the deadline is to report or submit, or to complete the task (002 Đ5.1.e)."
                ))

    @api.constrains("deadline", "source_date", "document_id")
    def _check_deadline_after_document(self):
        for task in self:
            issued = task.source_date or task.document_id.date
            if task.deadline and issued and task.deadline < issued:
                raise ValidationError(self.env._(
                    "The deadline %(deadline)s is before %(issued)s, the date of the document that assigns the task "
                    "(002 Đ5.1.a, Đ5.1.e).",
                    deadline=task.deadline.strftime("%d/%m/%Y"), issued=issued.strftime("%d/%m/%Y"),
                ))

    @staticmethod
    def _html_has_text(value):
        from odoo.tools import html2plaintext  # noqa: PLC0415
        return bool(value and html2plaintext(value).strip())

    # ------------------------------------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------------------------------------
    @api.onchange("confidentiality")
    def _onchange_confidentiality(self):
        if self.confidentiality != "normal":
            self.content = False
            self.other_info = False

    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_task_workflow"):
            defaults = {key[len("default_"):]: value for key, value in self.env.context.items()
                        if key.startswith("default_")}
            for vals in vals_list:
                self._check_workflow_values({**defaults, **vals})
        for vals in vals_list:
            self._check_date_values(vals)
        tasks = super().create(vals_list)
        tasks._enforce_confidential_title()
        return tasks

    def write(self, vals):
        self._check_date_values(vals)
        if not is_privileged(self, "ubnd_task_workflow"):
            self._check_workflow_values(vals)
            self._check_closed_unchanged(vals)
        directed = DIRECTED_FIELDS & set(vals)
        if directed and not is_privileged(self, "ubnd_task_directed_change"):
            if self.filtered(lambda t: t.state != "draft"):
                raise UserError(self.env._(
                    "The lead unit, the lead person and the deadline of an assigned task change only through "
                    "“Reassign / change deadline”, following the leaders' direction (002 Đ6.1.c)."
                ))
        previous_content = {task: task.content for task in self if task.state != "draft"} if "content" in vals else {}
        res = super().write(vals)
        for task, content in previous_content.items():
            if content != task.content:
                # Html fields are not tracked by mail: the previous text is kept in the chatter.
                task.sudo().message_post(
                    body=Markup("%s<br/>%s") % (self.env._("Task content changed. Previous content:"), content or ""),
                    subtype_xmlid="mail.mt_note",
                )
        if {"name", "confidentiality", "source_number", "document_id"} & set(vals):
            self._enforce_confidential_title()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        """An assigned task stays on the record with its updates, urgings and history, whoever asks."""
        if self.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._(
                "An assigned task is never deleted: it stays on the record with its reports and history. A task "
                "that is no longer needed is cancelled on the direction of the committee or its Chairman "
                "(002 Đ6.1.c, Đ9.3)."
            ))

    @api.model
    def _check_workflow_values(self, vals):
        """A client creates a draft and acts through the task's buttons; the status, the dates of the flow and
        who confirmed are written by those steps only (002 Đ6.1.a, Đ6.2.a)."""
        forged = [
            name for name in WORKFLOW_FIELDS & set(vals)
            if vals[name] and not (name == "state" and vals[name] == "draft")
        ]
        if forged:
            raise AccessError(self.env._(
                "%(fields)s of a task are set only by its workflow: the Office assigns it, the lead unit reports "
                "its completion and the Office confirms that report (002 Đ6.1.a, Đ6.2.a).",
                fields=", ".join(sorted(self._fields[name]._description_string(self.env) for name in forged)),
            ))

    def _check_closed_unchanged(self, vals):
        changed = {name for name in vals if name not in CLOSED_WRITABLE_FIELDS and not name.startswith(("message_", "activity_"))}
        if changed and self.filtered(lambda t: t.state in CLOSED_STATES):
            raise UserError(self.env._(
                "A completed or cancelled task is part of the record and does not change; inaccurate data is "
                "corrected through a correction agreed between the Office and the unit, which keeps the old value "
                "(002 Đ7.2.a)."
            ))
        if "committee_id" in vals and self.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._("An assigned task stays with the committee that assigned it."))
        if "active" in vals and self.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._(
                "An assigned task is not archived: it is cancelled on the direction of the committee or its "
                "Chairman (002 Đ6.1.c, Đ9.3)."
            ))

    @api.model
    def _check_linked_attachments(self, commands):
        """A file is linked to a report, a return or a unit report only by someone who may read it. A file not
        yet attached to a record is readable only by whoever uploaded it: nobody adopts another person's upload,
        or a file of a record he cannot open, by putting its id in his own record."""
        ids = set()
        for command in commands or ():
            if isinstance(command, int):
                ids.add(command)
            elif command[0] in (1, 4):
                ids.add(command[1])
            elif command[0] == 6:
                ids.update(command[2])
        self.env["ir.attachment"].browse(ids).check_access("read")

    @api.model
    def _check_date_values(self, vals):
        """Dates arrive as ISO strings over RPC: an unreadable date or a year outside 1900–2200 is refused
        before the working-day engine sees it."""
        for name in ("deadline", "source_date"):
            if vals.get(name):
                check_date_value(self.env, self._fields[name]._description_string(self.env), vals[name])

    def _track_subtype(self, initial_values):
        self.ensure_one()
        if "status" in initial_values and self.status == "overdue":
            return self.env.ref("ubnd_tasks.mt_task_overdue")
        return super()._track_subtype(initial_values)

    # ------------------------------------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _today(self):
        """Today in the committee's timezone (crons run as a user without one)."""
        tz = self.env.context.get("tz") or self.env.user.tz or "Asia/Ho_Chi_Minh"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _is_office_user(self, user=None):
        """The Office of the assigning committee (002 Đ6.2, Đ8.1)."""
        self.ensure_one()
        user = user or self.env.user
        return user.has_group("ubnd_quyche.group_ubnd_office") and self.company_id in user.company_ids

    def _unit_users_allowed(self, unit, user):
        """Whether ``user`` acts for ``unit``: works in it, is its task focal officer, or — for a lower-level
        committee — belongs to that committee's Office or leadership."""
        if not unit:
            return False
        unit = unit.sudo()
        if unit in user.ubnd_unit_ids or unit.ubnd_task_focal_user_id == user:
            return True
        subordinate = unit.ubnd_subordinate_committee_id
        return bool(
            subordinate and subordinate.company_id in user.company_ids
            and (user.has_group("ubnd_quyche.group_ubnd_office") or user._ubnd_membership(subordinate))
        )

    def _is_lead_user(self, user=None):
        """The lead unit acts on the task: it reports and returns it (002 Đ6.1.a–c)."""
        self.ensure_one()
        user = user or self.env.user
        return user == self.lead_user_id or self._unit_users_allowed(self.lead_unit_id, user)

    def _coordinating_units_of(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return self.coordinating_unit_ids.filtered(lambda u: self._unit_users_allowed(u, user))

    def _check_office(self):
        for task in self:
            if not self.env.su and not task._is_office_user():
                raise AccessError(self.env._(
                    "Only the Office of the assigning committee can do this (002 Đ6.2, Đ8.1)."
                ))

    def _check_lead_unit(self):
        for task in self:
            if not self.env.su and not task._is_lead_user():
                raise AccessError(self.env._(
                    "Only the lead unit of the task can do this; coordinating units give their input to the "
                    "lead unit (002 Đ6.1.a, Đ8.2.b)."
                ))

    def _unit_recipients(self, unit):
        """The people who act for ``unit``: its focal officer and its head (for a lower-level committee, its
        chairman)."""
        unit = unit.sudo()
        return (unit.ubnd_task_focal_user_id | unit.manager_id.user_id
                | unit.ubnd_subordinate_committee_id.chairman_id)

    def _schedule(self, users, summary, note="", date_deadline=None, act_type="ubnd_tasks.mail_activity_task_action"):
        """One activity per user on the task: the to-do list of whoever must act."""
        for task in self:
            for user in users:
                task.sudo().activity_schedule(
                    act_type, date_deadline=date_deadline or task._today(), summary=summary, note=note,
                    user_id=user.id,
                )

    # ------------------------------------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------------------------------------
    def action_assign(self):
        """The Office enters the task and sends it to the units (002 Đ6.2.a)."""
        self._check_office()
        today = self._today()
        for task in self:
            if task.state != "draft":
                raise UserError(self.env._("Only a draft task can be assigned."))
            task._check_ready_to_assign()
            task.sudo().write({"state": "in_progress", "assign_date": today, "receipt_date": today})
            task._subscribe_units()
            task._schedule(
                task.lead_user_id | task.lead_unit_id.ubnd_task_focal_user_id,
                self.env._("New task assigned"),
                date_deadline=task.effective_deadline or today,
            )
        return True

    def _check_ready_to_assign(self):
        self.ensure_one()
        missing = []
        if not self.lead_user_id:
            missing.append(self.env._("the lead person (000 Đ2.4)"))
        if not self.tracking_unit_id:
            missing.append(self.env._("the Office unit tracking the task (002 Đ5.1.d)"))
        if not (self.document_id or (self.source_number and self.source_date)):
            missing.append(self.env._("the assigning document (002 Đ5.1.a)"))
        if self.confidentiality == "normal" and not self._html_has_text(self.content):
            missing.append(self.env._("the task content (002 Đ5.1.đ)"))
        if missing:
            raise UserError(self.env._("Before assigning the task, fill in %s.", ", ".join(missing)))

    def _subscribe_units(self):
        for task in self:
            partners = (
                task.lead_user_id | task.tracking_user_id | task.leader_id
                | task._unit_recipients(task.lead_unit_id)
            ).partner_id
            if task.confidentiality == "normal":
                for unit in task.coordinating_unit_ids:
                    partners |= task._unit_recipients(unit).partner_id
            task.sudo().message_subscribe(partner_ids=partners.ids)

    def _apply_completion_report(self, update):
        """The lead unit reported completion: it awaits the Office's confirmation (002 Đ6.1.a)."""
        self.ensure_one()
        self.sudo().write({"state": "reported", "reported_date": update.report_date, "last_update_date": update.entry_date})

    def _apply_confirmation(self, update):
        self.ensure_one()
        self.sudo().write({
            "state": "done",
            "completion_date": update.report_date,
            "confirmed_date": self._today(),
            "confirmed_by_id": self.env.user.id,
        })
        self.sudo().activity_unlink(["ubnd_tasks.mail_activity_task_action", "ubnd_tasks.mail_activity_task_urging"])

    def _apply_send_back(self, update, reason):
        self.ensure_one()
        self.sudo().write({"state": "in_progress", "reported_date": False})
        self._schedule(
            self.lead_user_id, self.env._("Completion report sent back"), note=reason,
        )

    def action_open_report_to_confirm(self):
        """The Office opens the completion report it is asked to confirm: it reads the report, then confirms it
        there (002 Đ6.1.a)."""
        self.ensure_one()
        self._check_office()
        report = self.update_ids.filtered(lambda u: u.kind == "completion" and u.state == "submitted")[:1]
        if not report:
            raise UserError(self.env._("No completion report of this task is awaiting confirmation."))
        return report.action_open()

    def action_view_updates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Updates"),
            "res_model": "ubnd.task.update",
            "view_mode": "list,form",
            "domain": [("task_id", "=", self.id)],
            "context": {"default_task_id": self.id},
        }

    def action_new_update(self):
        """Open a report form for the lead unit (progress, completion or difficulties)."""
        self.ensure_one()
        kind = self.env.context.get("update_kind", "progress")
        if kind == "contribution":
            if not self._coordinating_units_of() and not self.env.su:
                raise AccessError(self.env._("Only a coordinating unit gives input to the lead unit (002 Đ8.2.b)."))
        else:
            self._check_lead_unit()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self.env["ubnd.task.update"]._fields["kind"]._description_selection(self.env))[kind],
            "res_model": "ubnd.task.update",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id, "default_kind": kind},
        }

    def action_open_return_wizard(self):
        self.ensure_one()
        self._check_lead_unit()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return the task"),
            "res_model": "ubnd.task.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id},
        }

    def action_open_reassign_wizard(self):
        self.ensure_one()
        self._check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassign / change deadline"),
            "res_model": "ubnd.task.reassign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id},
        }

    def action_open_cancel_wizard(self):
        self.ensure_one()
        self._check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel the task"),
            "res_model": "ubnd.task.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id, "default_action": "cancel"},
        }

    def _cancel(self, reason, direction=None, direction_reference=None):
        """Cancelled only on the committee's direction (002 Đ6.1.c, Đ9.3): recorded in the history."""
        self._check_office()
        for task in self:
            if task.state in ("done", "cancelled"):
                raise UserError(self.env._("A completed or cancelled task cannot be cancelled."))
            if not (direction or direction_reference):
                raise UserError(self.env._(
                    "A task is cancelled only on the direction of the committee or its Chairman: give the "
                    "direction (002 Đ6.1.c, Đ9.3)."
                ))
            task._check_direction_followed(direction)
            self.env["ubnd.task.change"].sudo().create({
                "task_id": task.id,
                "change_type": "cancel",
                "reason": reason,
                "direction_id": direction.id if direction else False,
                "direction_reference": direction_reference,
            })
            task.sudo().write({"state": "cancelled"})
            task.return_ids.filtered(lambda r: r.state == "submitted").sudo().write({"state": "resolved"})
            task.sudo().activity_unlink(["ubnd_tasks.mail_activity_task_action", "ubnd_tasks.mail_activity_task_urging",
                                         "ubnd_tasks.mail_activity_task_review"])
        return True

    def _check_direction_followed(self, direction):
        """The direction an Office change rests on is one the leader gave on this very task (002 Đ6.1.c)."""
        self.ensure_one()
        if direction and (direction.sudo().task_id != self or direction.sudo().state != "directed"):
            raise UserError(self.env._(
                "The direction followed must be a direction the leader gave on this task (002 Đ6.1.c)."
            ))

    def action_request_direction(self):
        """The Office asks the committee for direction, e.g. when units disagree (002 Đ8.1.c)."""
        self.ensure_one()
        self._check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request for direction"),
            "res_model": "ubnd.task.direction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_task_id": self.id, "default_reason": self.env.context.get("direction_reason", "disagreement")},
        }

    def action_urge(self):
        self.ensure_one()
        self._check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Urge"),
            "res_model": "ubnd.task.urging",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_task_ids": [(6, 0, self.ids)],
                "default_unit_ids": [(6, 0, self.lead_unit_id.ids)],
                "default_committee_id": self.committee_id.id,
            },
        }

    # --- Government tasks --------------------------------------------------------------------------
    def action_propose_implementing_document(self):
        """002 Đ6.2.b — the Office proposes a committee document directing the concrete implementation of a
        Government or Prime Minister task; tasks created from it derive from this task."""
        self.ensure_one()
        self._check_office()
        if self.kind != "government":
            raise UserError(self.env._("Only a Government or Prime Minister task is implemented by a committee document."))
        if not self.implementing_document_id:
            document = self.env["ubnd.document"].create({
                "name": self.env._("Implementing %s", self.source_summary or self.name),
                "committee_id": self.committee_id.id,
                "document_type_id": self.env.ref("ubnd_quyche.doctype_ct").id,
                "authority": "chairman",
                "field_id": self.field_id.id,
                "drafting_unit_id": self.committee_id.office_unit_id.id,
                "confidentiality": self.confidentiality,
            })
            self.sudo().implementing_document_id = document
        return {
            "type": "ir.actions.act_window",
            "res_model": "ubnd.document",
            "res_id": self.implementing_document_id.id,
            "view_mode": "form",
        }

    def action_mark_gov_database_updated(self):
        """002 Đ6.2.b — the Office's focal officer for Government tasks records the completion result in the
        Government's tracking database."""
        for task in self:
            focal = task.gov_focal_user_id or task.committee_id.task_gov_focal_user_id
            if not self.env.su and self.env.user != focal:
                raise AccessError(self.env._(
                    "Only the Office's focal officer for Government tasks updates the Government's database "
                    "(002 Đ6.2.b)."
                ))
            if task.kind != "government" or task.state != "done":
                raise UserError(self.env._(
                    "Only the completion result of a completed Government or Prime Minister task is sent to the "
                    "Government's database."
                ))
            task.sudo().gov_database_date = task._today()
        return True

    # ------------------------------------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _overdue_candidates_domain(self, today):
        """In-term tasks whose (effective) deadline has passed: the only ones the nightly cron visits."""
        return [("state", "=", "in_progress"), ("status", "=", "in_term"), ("effective_deadline", "<", today)]

    @api.model
    def _cron_mark_overdue(self):
        """Move tasks whose deadline passed yesterday to overdue, with a trace in their chatter.

        The query is served by a partial index on the in-term tasks: unchanged tasks are not scanned.
        Returns the number of tasks that changed.
        """
        today = self._today()
        tasks = self.search(self._overdue_candidates_domain(today))
        if tasks:
            self.env.add_to_compute(self._fields["status"], tasks)
            tasks.flush_recordset(["status"])
        return len(tasks)

    @api.model
    def _cron_flag_no_result(self):
        """002 Đ8.1.e — flag tasks without result after the profile's months and without a written report on
        the delay; the Office is asked to inspect with the sector-tracking section."""
        today = self._today()
        flagged = self.browse()
        for committee in self.env["ubnd.committee"].search([]):
            months = committee.profile_id.no_result_inspection_months
            if not months:
                continue
            limit = today - relativedelta(months=months)
            flagged |= self.search([
                ("committee_id", "=", committee.id),
                ("state", "=", "in_progress"),
                ("no_result_flag", "=", False),
                ("delay_explained", "=", False),
                ("assign_date", "<", limit),
            ])
        for task in flagged:
            task.sudo().write({"no_result_flag": True, "no_result_flag_date": today})
            task._schedule(
                task.committee_id.chief_of_office_id or task.tracking_user_id,
                self.env._("No result after %s months: inspect and propose a review of accountability",
                           task.committee_id.profile_id.no_result_inspection_months),
            )
        return len(flagged)

    def action_open_inspection(self):
        """Start an ad-hoc inspection of this task (002 Đ8.1.e, Đ13.2)."""
        self._check_office()
        inspection = self.env["ubnd.inspection"].create({
            "name": self.env._("Inspection of tasks without result"),
            "committee_id": self[:1].committee_id.id,
            "inspection_type": "adhoc",
            "adhoc_basis": "signs",
            "organiser": "office",
            "task_ids": [(6, 0, self.ids)],
            "unit_ids": [(6, 0, self.lead_unit_id.ids)],
        })
        return {"type": "ir.actions.act_window", "res_model": "ubnd.inspection", "res_id": inspection.id, "view_mode": "form"}

    # --- Urging escalation (called by the tunable automation rules) ---------------------------------
    def _escalation_target(self, level):
        """Who acts at each level: the lead person is reminded by the tracking specialist (1), the Chief of Office
        urges the lead unit (2), the leader in charge is brought in (3). A design choice: seed 002 names the forms
        of urging (Đ10) but no levels (catalogue U-10). One person per level, so each level is one to-do."""
        self.ensure_one()
        if level == "1":
            return self.lead_user_id or self.lead_unit_id.ubnd_task_focal_user_id
        if level == "2":
            return self.committee_id.chief_of_office_id or self.lead_unit_id.manager_id.user_id
        return self.leader_id

    def _remind_due_soon(self):
        """A reminder to the lead person that the deadline is near (a design choice, catalogue A-16); once per
        deadline, however often the rule runs."""
        urging = self.env.ref("ubnd_tasks.mail_activity_task_urging")
        for task in self.filtered(lambda t: t.state == "in_progress" and t.effective_deadline):
            if task.sudo().activity_ids.filtered(lambda a: a.activity_type_id == urging):
                continue
            task._schedule(
                task._escalation_target("1"),
                self.env._("Deadline on %s", task.effective_deadline.strftime("%d/%m/%Y")),
                date_deadline=task.effective_deadline,
                act_type="ubnd_tasks.mail_activity_task_urging",
            )
        return True

    def _urged_at(self, level):
        """Whether the System already urged the task at ``level`` since its deadline passed: a rule that runs
        again, or a second cron, does not urge twice; a deadline moved by a reassignment is urged anew."""
        self.ensure_one()
        deadline = self.effective_deadline
        return bool(self.sudo().urging_ids.filtered(
            lambda u: u.automatic and u.level == level and (not deadline or u.date > deadline)
        ))

    def _urge(self, level="1"):
        """Urge the lead unit by a System message (002 Đ10.4) at ``level``: one urging record and one to-do per
        level and task."""
        for task in self.filtered(lambda t: t.state in OPEN_STATES):
            if task._urged_at(level):
                continue
            urging = self.env["ubnd.task.urging"].sudo().create({
                "committee_id": task.committee_id.id,
                "task_ids": [(6, 0, task.ids)],
                "unit_ids": [(6, 0, task.lead_unit_id.ids)],
                "form": "message",
                "level": level,
                "automatic": True,
                "note": self.env._("The deadline of %(date)s has passed: report on the task's progress.",
                                   date=task.effective_deadline.strftime("%d/%m/%Y")) if task.effective_deadline else False,
            })
            urging._notify_tasks()
            task._schedule(
                task._escalation_target(level),
                self.env._("Urging (level %(level)s): %(task)s", level=level, task=task.name),
                act_type="ubnd_tasks.mail_activity_task_urging",
            )
        return True

    # ------------------------------------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _unit_domain(self, units):
        """Tasks ``units`` lead or coordinate, as an OR of two indexed columns of the task table (the lead
        unit, and the ids of the coordinated tasks read from the relation's index): PostgreSQL combines
        them with a BitmapOr, where an OR with the many2many subquery would scan the whole table."""
        self.flush_model(["coordinating_unit_ids"])
        self.env.cr.execute(SQL(
            "SELECT task_id FROM ubnd_task_coordinating_unit_rel WHERE unit_id = ANY(%s)", units.ids,
        ))
        coordinated = [row[0] for row in self.env.cr.fetchall()]
        return ["|", ("lead_unit_id", "in", units.ids), ("id", "in", coordinated)]

    @api.model
    def _unit_dashboard_domain(self, units, bucket, base=None):
        base = base if base is not None else self._unit_domain(units)
        if bucket == "overdue":
            return base + [("status", "=", "overdue")]
        horizon = self._due_soon_horizon(units[:1].ubnd_committee_id)
        return base + [("status", "=", "in_term"), ("effective_deadline", "<=", horizon)]

    @api.model
    @api.readonly  # read-only request: Odoo runs it on the read replica when one is configured (db_replica_host)
    def get_unit_dashboard(self, unit_ids=None, limit=80):
        """A unit's own dashboard: its overdue and soon-due tasks and the counts per status. The arguments come
        from the client: ids and a small whole number, else a clear error."""
        try:
            limit = max(0, min(int(limit), 500))
            unit_ids = [int(unit_id) for unit_id in ([unit_ids] if isinstance(unit_ids, int) else unit_ids or [])]
        except (TypeError, ValueError):
            raise ValidationError(self.env._("The dashboard takes unit ids and a number of lines.")) from None
        units = self.env["hr.department"].browse(unit_ids) if unit_ids else self.env.user.ubnd_unit_ids
        if not units:
            return {"counts": {}, "overdue": [], "due_soon": []}
        base = self._unit_domain(units)
        counts = dict(self._read_group(base, ["status"], ["__count"]))
        fields_read = ["name", "source_number", "lead_unit_id", "effective_deadline", "status"]

        def first(bucket):
            # No LIMIT in SQL: with one, PostgreSQL walks the deadline index over every unit's tasks; the
            # unit's own set is small, sorted without it.
            return self.search(self._unit_dashboard_domain(units, bucket, base), order="effective_deadline, id")[:limit]

        return {
            "counts": counts,
            "overdue": first("overdue").read(fields_read),
            "due_soon": first("due_soon").read(fields_read),
        }

    # ------------------------------------------------------------------------------------------------
    # Statistics (national categories, catalogue A2)
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _overdue_sql(self, as_of, alias="t"):
        """SQL condition: the task (not completed) was overdue on ``as_of`` — its deadline is before that day and
        it had not reported its completion by the deadline (see ``_status_on``)."""
        t = SQL.identifier(alias)
        # COALESCE: a task without deadline, or without a reported date, is never overdue by a NULL.
        return SQL(
            """COALESCE(%(t)s.effective_deadline < %(as_of)s
                AND NOT COALESCE(%(t)s.state IN ('reported', 'done') AND %(t)s.reported_date <= %(as_of)s
                                 AND %(t)s.reported_date <= %(t)s.effective_deadline, FALSE), FALSE)""",
            t=t, as_of=as_of,
        )

    @api.model
    def _statistics(self, committee, date_from, date_to, groupby="lead_unit_id", kind=None):
        """Counts per ``groupby`` as of ``date_to`` for the period [date_from, date_to].

        Tasks counted: entered on or before ``date_to`` and not completed before ``date_from`` (drafts,
        returned and cancelled tasks are left out). Completed = confirmed with a completion report dated on
        or before ``date_to``, on time when that date is on or before the (effective) deadline — tasks
        without a deadline count as on time. Not completed = the others: overdue when the deadline is before
        the day the figures are taken (the earlier of today and ``date_to``: a cut-off still ahead does not make
        a task overdue before its deadline), else in term; as on the task's own status, a completion reported by
        its deadline and awaiting the Office's confirmation is in term. The on-time rate is the share of due
        tasks (completed + overdue) completed on time. Computed in SQL: the cost does not depend on Python
        memory.
        """
        assert groupby in ("lead_unit_id", "leader_id", "field_id", "kind")
        as_of = min(date_to, self._today())
        kind_clause = SQL("AND t.kind = %s", kind) if kind else SQL()
        done = SQL("(t.state = 'done' AND t.completion_date <= %s)", date_to)
        overdue = self._overdue_sql(as_of)
        query = SQL(
            """
            SELECT t.%(col)s AS key,
                   COUNT(*) AS total,
                   COUNT(*) FILTER (WHERE %(done)s) AS completed,
                   COUNT(*) FILTER (WHERE %(done)s AND (t.effective_deadline IS NULL
                                    OR t.completion_date <= t.effective_deadline)) AS on_time,
                   COUNT(*) FILTER (WHERE %(done)s AND t.completion_date > t.effective_deadline) AS late,
                   COUNT(*) FILTER (WHERE NOT %(done)s AND NOT %(overdue)s) AS in_term,
                   COUNT(*) FILTER (WHERE NOT %(done)s AND %(overdue)s) AS overdue
              FROM ubnd_task t
             WHERE t.committee_id = %(committee)s
               AND t.active
               AND t.state IN ('in_progress', 'reported', 'done')
               AND t.assign_date <= %(to)s
               AND NOT (t.state = 'done' AND t.completion_date < %(from)s)
               %(kind)s
          GROUP BY t.%(col)s
            """,
            col=SQL.identifier(groupby), done=done, overdue=overdue, to=date_to, committee=committee.id,
            **{"from": date_from}, kind=kind_clause,
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        rows = []
        for key, total, completed, on_time, late, in_term, overdue in self.env.cr.fetchall():
            due = completed + overdue
            rows.append({
                "key": key, "total": total, "completed": completed, "on_time": on_time, "late": late,
                "not_completed": total - completed, "in_term": in_term, "overdue": overdue,
                "on_time_rate": round(100.0 * on_time / due, 2) if due else None,
            })
        return rows
