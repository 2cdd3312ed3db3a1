from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    MAX_YEAR, MIN_YEAR, acts_as_chairman, business_fields, check_committee_kept, check_sane_dates, clamp_day,
    is_office, local_date, member_and_head_partners, refuse_workflow_values, today, unit_head_users,
)

KINDS = [("year", "Annual"), ("quarter", "Quarter"), ("month", "Month"), ("week", "Week")]
STATES = [
    ("draft", "Draft"),
    ("consultation", "Sent for comments"),
    ("submitted", "Awaiting the Chairman"),
    ("approved", "Decided by the Chairman"),
    ("adopted", "Adopted by the committee"),
    ("issued", "Issued"),
]
# Once the Chairman has decided a programme, only an adjustment he decides changes it (000 Đ24.6, 001 Đ19.5).
FROZEN_STATES = ("approved", "adopted", "issued")
# Wider programmes come first: a month programme also shows the year and quarter items due that month.
KIND_RANK = {"year": 0, "quarter": 1, "month": 2, "week": 3}
MONTHS_PER_QUARTER = 3
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


class UbndProgramme(models.Model):
    """A work programme of the committee: annual, quarterly, monthly or weekly (000 Đ21.1, 001 Đ18.1).

    Build timeline (000 Đ24, 001 Đ19), every date from the committee's profile and the working-day engine:

    - Year Y: units send their lists by ``annual_list_day``/``annual_list_month`` of Y-1 (25/11); the Office
      sends the draft for comment within ``annual_draft_comment_days`` working days (counted from that cut-off:
      000 A11 leaves the start unstated); comments within ``annual_reply_days`` working days of receiving it
      (city 05, ward 03); the Chairman decides to table it and the committee adopts it at the year's last
      regular session; the Office has it issued within ``annual_issue_days`` working days of adoption.
    - Quarter: proposals by ``quarter_proposal_day`` and issue by ``quarter_issue_day`` of the previous
      quarter's last month; month: proposals by ``month_proposal_day`` and issue by ``month_issue_day`` of the
      previous month. When ``programme_roll_back`` is set (ward, 001 Đ19.2.c, Đ19.3.c) an issue day that is a
      day off moves back to the previous working day; the city text is silent, so it stays.
    - Week: the Chairman decides it and the Office publishes it by ``weekly_programme_weekday`` of the week
      before (000 Đ24.4.a, 001 Đ19.4); the text states no roll-back for it.
    """

    _name = "ubnd.programme"
    _description = "Work programme"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _mail_post_access = "read"

    name = fields.Char("Title", tracking=True,
                       help="Optional: by default the programme is named by its kind and period, in the reader's language.")
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict", tracking=True,
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, default="month", tracking=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    quarter = fields.Selection([("1", "Quarter I"), ("2", "Quarter II"), ("3", "Quarter III"), ("4", "Quarter IV")],
                               tracking=True)
    month = fields.Integer(tracking=True)
    week_start = fields.Date("Week of", tracking=True, help="Any day of the week; the programme covers Monday to Sunday.")
    date_start = fields.Date(compute="_compute_period", store=True, index=True)
    date_end = fields.Date(compute="_compute_period", store=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    note = fields.Html("Orientations and notes", help="000 Đ21.2.a — part one of the annual programme: general "
                       "directions, tasks and major solutions.")

    # --- Build timeline ----------------------------------------------------------------------
    proposal_deadline = fields.Date(
        "Unit proposals due", compute="_compute_timeline", store=True,
        help="Year: 000 Đ24.1.a, 001 Đ19.1.a (25/11). Quarter: 000 Đ24.2.a, 001 Đ19.2.a (20th of the last month of "
        "the previous quarter). Month: 000 Đ24.3.a, 001 Đ19.3.a (20th of the previous month).",
    )
    draft_deadline = fields.Date(
        "Draft sent for comment by", compute="_compute_timeline", store=True,
        help="000 Đ24.1.b — within 05 working days; counted from the list cut-off (A11: the start is unstated).",
    )
    draft_sent_date = fields.Date("Draft sent for comment", readonly=True, copy=False, tracking=True)
    draft_sent_late = fields.Boolean(
        "Draft sent late", readonly=True, copy=False,
        help="000 Đ24.1.b — the draft went out after its 05-working-day deadline.",
    )
    draft_overdue = fields.Boolean(
        "Draft overdue", compute="_compute_draft_overdue",
        help="000 Đ24.1.b — the deadline to send the draft for comment has passed and it has not been sent.",
    )
    comment_deadline = fields.Date(
        "Comments due", compute="_compute_timeline", store=True,
        help="000 Đ24.1.c — 05 working days of receiving the draft; ward 001 Đ19.1.c — 03 working days.",
    )
    adoption_event_id = fields.Many2one(
        "calendar.event", string="Adopted at session", copy=False, tracking=True,
        help="000 Đ24.1.c, 001 Đ19.1.c — the committee adopts the annual programme at the year's last regular session.",
    )
    adoption_date = fields.Date(readonly=True, copy=False, tracking=True)
    issue_deadline = fields.Date(
        "Issue by", compute="_compute_timeline", store=True, tracking=True,
        help="Year: 000 Đ24.1.d (03 working days after adoption). Quarter: 000 Đ24.2.b, 001 Đ19.2.c (25th of the "
        "last month of the previous quarter). Month: 000 Đ24.3.b, 001 Đ19.3.c (25th of the previous month). "
        "Week: 000 Đ24.4.a, 001 Đ19.4 (Friday of the week before).",
    )
    submitted_date = fields.Date("Submitted to the Chairman", readonly=True, copy=False)
    approved_date = fields.Date("Decided on", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    issued_date = fields.Date("Issued on", readonly=True, copy=False, tracking=True)
    issued_by_id = fields.Many2one("res.users", string="Issued by", readonly=True, copy=False)
    issued_late = fields.Boolean(readonly=True, copy=False)
    proposals_reminded = fields.Boolean(readonly=True, copy=False)
    issue_reminded = fields.Boolean(readonly=True, copy=False)

    # --- Items and their evaluation (000 Đ25, 001 Đ20) -----------------------------------------
    item_ids = fields.One2many("ubnd.programme.item", "programme_id", string="Items")
    inherited_item_ids = fields.Many2many(
        "ubnd.programme.item", compute="_compute_items", string="Items from the wider programmes",
        help="000 Đ24.2.a, 24.3.a; 001 Đ18.2.b–c — the quarter and month programmes carry the items of the annual "
        "(and quarterly) programme due in their period.",
    )
    all_item_ids = fields.Many2many("ubnd.programme.item", compute="_compute_items", string="All items")
    item_count = fields.Integer(compute="_compute_counts")
    on_track_count = fields.Integer("On track", compute="_compute_counts")
    late_count = fields.Integer("Late", compute="_compute_counts")
    done_count = fields.Integer("Done", compute="_compute_counts")
    done_late_count = fields.Integer("Done late", compute="_compute_counts")
    dropped_count = fields.Integer("Dropped", compute="_compute_counts")
    adjustment_ids = fields.One2many("ubnd.programme.adjustment", "programme_id", string="Adjustments")
    adjustment_count = fields.Integer(compute="_compute_counts")

    # --- Weekly programme: the leaders' schedule (000 Đ21.2.d, 001 Đ18.2.d) --------------------
    schedule_line_ids = fields.Many2many("ubnd.schedule.line", compute="_compute_schedule", string="Activities of the week")
    citizen_reception_warning = fields.Char(compute="_compute_schedule")

    _period_unique = models.Constraint(
        "UNIQUE(committee_id, kind, date_start)", "The committee already has a programme for this period.",
    )

    # Set only by the workflow steps below (which check who acts), never by a direct write.
    _workflow_fields = frozenset({
        "state", "draft_sent_date", "adoption_date", "submitted_date", "approved_date", "approved_by_id",
        "issued_date", "issued_by_id", "issued_late", "draft_sent_late",
    })
    _period_fields = frozenset({"committee_id", "kind", "year", "quarter", "month", "week_start"})

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, self._workflow_fields, self.env._(
            "The state of a work programme changes only through its workflow buttons."))
        for vals in vals_list:
            self._check_sane_period(vals)
        return super().create(vals_list)

    def _check_sane_period(self, vals):
        """Refuse an absurd year or week before any date of the timeline is computed from it."""
        check_sane_dates(self, vals, ("week_start",))
        year = vals.get("year")
        if year is not None and not (isinstance(year, int) and MIN_YEAR <= year <= MAX_YEAR):
            raise ValidationError(self.env._(
                "The year of a programme must be between %(min)s and %(max)s.", min=MIN_YEAR, max=MAX_YEAR))

    def write(self, vals):
        fields_written = business_fields(vals)
        check_committee_kept(self, vals)
        self._check_sane_period(vals)
        if not self.env.su and fields_written:
            if self._workflow_fields & fields_written:
                raise AccessError(self.env._(
                    "The state of a work programme changes only through its workflow buttons."))
            if self._period_fields & fields_written and any(p.state != "draft" for p in self):
                raise UserError(self.env._("The period of a programme cannot change once it left the draft."))
            if any(p.state in FROZEN_STATES for p in self) and fields_written - {"adoption_event_id"}:
                raise UserError(self.env._(
                    "This programme has been decided by the Chairman: only an adjustment he decides changes it "
                    "(000 Đ24.6, 001 Đ19.5)."))
        return super().write(vals)

    def unlink(self):
        """A programme that left the draft is on the record (the Chairman decided it, the units received it)."""
        if any(prog.state != "draft" for prog in self):
            raise UserError(self.env._(
                "Only a draft programme can be deleted: once submitted or decided, it stays on the record "
                "(000 Đ24.6, 001 Đ19.5)."))
        return super().unlink()

    # --- Period -----------------------------------------------------------------------------------
    @api.depends("kind", "year", "quarter", "month", "week_start")
    def _compute_period(self):
        for prog in self:
            start = end = False
            try:
                if prog.kind == "year" and prog.year:
                    start, end = date(prog.year, 1, 1), date(prog.year, 12, 31)
                elif prog.kind == "quarter" and prog.year and prog.quarter:
                    first = MONTHS_PER_QUARTER * (int(prog.quarter) - 1) + 1
                    start = date(prog.year, first, 1)
                    end = clamp_day(prog.year, first + MONTHS_PER_QUARTER - 1, 31)
                elif prog.kind == "month" and prog.year and prog.month:
                    start, end = date(prog.year, prog.month, 1), clamp_day(prog.year, prog.month, 31)
                elif prog.kind == "week" and prog.week_start:
                    start = prog.week_start - timedelta(days=prog.week_start.weekday())
                    end = start + timedelta(days=6)
            except ValueError:
                start = end = False
            prog.date_start, prog.date_end = start, end

    @api.depends("name", "kind", "quarter", "date_start", "date_end")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for prog in self:
            prog.display_name = prog.name or prog._period_title()

    def _period_title(self):
        """'Work programme of month 11/2026', in the reader's language."""
        self.ensure_one()
        if not self.date_start:
            return self.env._("Work programme")
        if self.kind == "year":
            return self.env._("Work programme of the year %(year)s", year=self.date_start.year)
        if self.kind == "quarter":
            return self.env._("Work programme of quarter %(quarter)s/%(year)s",
                              quarter=ROMAN.get(self.quarter, self.quarter), year=self.date_start.year)
        if self.kind == "month":
            return self.env._("Work programme of month %(month)s/%(year)s",
                              month=self.date_start.month, year=self.date_start.year)
        return self.env._("Weekly schedule from %(start)s to %(end)s",
                          start=self.date_start.strftime("%d/%m"), end=self.date_end.strftime("%d/%m/%Y"))

    @api.constrains("kind", "year", "quarter", "month", "week_start")
    def _check_period(self):
        for prog in self:
            if not MIN_YEAR <= (prog.year or 0) <= MAX_YEAR:
                raise ValidationError(self.env._(
                    "The year of a programme must be between %(min)s and %(max)s.", min=MIN_YEAR, max=MAX_YEAR))
            if prog.kind == "quarter" and not prog.quarter:
                raise ValidationError(self.env._("A quarterly programme needs its quarter."))
            if prog.kind == "month" and not 1 <= (prog.month or 0) <= 12:
                raise ValidationError(self.env._("A monthly programme needs a month between 1 and 12."))
            if prog.kind == "week" and not prog.week_start:
                raise ValidationError(self.env._("A weekly programme needs its week."))

    # --- Timeline -----------------------------------------------------------------------------------
    @api.depends(
        "kind", "date_start", "draft_sent_date", "adoption_date", "committee_id.company_id",
        "committee_id.profile_id.annual_list_day", "committee_id.profile_id.annual_list_month",
        "committee_id.profile_id.annual_draft_comment_days", "committee_id.profile_id.annual_reply_days",
        "committee_id.profile_id.annual_issue_days", "committee_id.profile_id.quarter_proposal_day",
        "committee_id.profile_id.quarter_issue_day", "committee_id.profile_id.month_proposal_day",
        "committee_id.profile_id.month_issue_day", "committee_id.profile_id.weekly_programme_weekday",
        "committee_id.profile_id.programme_roll_back",
    )
    def _compute_timeline(self):
        for prog in self:
            timeline = prog._timeline() if prog.date_start and prog.committee_id.profile_id else {}
            prog.proposal_deadline = timeline.get("proposal", False)
            prog.draft_deadline = timeline.get("draft", False)
            prog.comment_deadline = timeline.get("comments", False)
            prog.issue_deadline = timeline.get("issue", False)

    def _timeline(self):
        """The cut-off dates of this programme, computed from the committee's profile (000 Đ24, 001 Đ19)."""
        self.ensure_one()
        profile = self.committee_id.profile_id
        company = self.committee_id.company_id
        start = self.date_start
        if self.kind == "year":
            cutoff = clamp_day(start.year - 1, profile.annual_list_month, profile.annual_list_day)
            draft = profile.compute_deadline(cutoff, "annual_draft_comment_days", company)
            comments = profile.compute_deadline(self.draft_sent_date or draft, "annual_reply_days", company)
            issue = self.adoption_date and profile.compute_deadline(self.adoption_date, "annual_issue_days", company)
            return {"proposal": cutoff, "draft": draft, "comments": comments, "issue": issue or False}
        if self.kind == "week":
            monday_before = start - timedelta(days=7)
            return {"issue": monday_before + timedelta(days=int(profile.weekly_programme_weekday or 0))}
        # The previous quarter's last month, or the previous month, is the month just before the period.
        before = start - timedelta(days=1)
        if self.kind == "quarter":
            proposal_day, issue_day = profile.quarter_proposal_day, profile.quarter_issue_day
        else:
            proposal_day, issue_day = profile.month_proposal_day, profile.month_issue_day
        issue = clamp_day(before.year, before.month, issue_day)
        if profile.programme_roll_back:
            issue = self.env["ubnd.workday"].roll_back_to_working_day(issue, company=company)
        return {"proposal": clamp_day(before.year, before.month, proposal_day), "issue": issue}

    # --- Items and counts ---------------------------------------------------------------------------------
    def _wider_programmes(self):
        """The committee's programmes of a wider kind whose period contains this one."""
        self.ensure_one()
        if self.kind in ("year", "week") or not self.date_start:
            return self.browse()
        wider = [k for k, rank in KIND_RANK.items() if rank < KIND_RANK[self.kind]]
        return self.search([
            ("committee_id", "=", self.committee_id.id), ("kind", "in", wider),
            ("date_start", "<=", self.date_start), ("date_end", ">=", self.date_end),
        ])

    @api.depends("item_ids", "kind", "date_start", "date_end")
    def _compute_items(self):
        Item = self.env["ubnd.programme.item"]
        for prog in self:
            inherited = Item.browse()
            wider = prog._wider_programmes() if isinstance(prog.id, int) else self.browse()
            if wider:
                inherited = Item.search([
                    ("programme_id", "in", wider.ids),
                    ("submission_deadline", ">=", prog.date_start), ("submission_deadline", "<=", prog.date_end),
                ])
            prog.inherited_item_ids = inherited
            prog.all_item_ids = prog.item_ids | inherited

    @api.depends("item_ids.status", "item_ids.done_late", "adjustment_ids")
    def _compute_counts(self):
        for prog in self:
            items = prog.all_item_ids
            prog.item_count = len(items)
            prog.on_track_count = len(items.filtered(lambda i: i.status == "on_track"))
            prog.late_count = len(items.filtered(lambda i: i.status == "late"))
            prog.done_count = len(items.filtered(lambda i: i.status == "done"))
            prog.done_late_count = len(items.filtered(lambda i: i.status == "done" and i.done_late))
            prog.dropped_count = len(items.filtered(lambda i: i.status == "dropped"))
            prog.adjustment_count = len(prog.adjustment_ids)

    def _evaluation(self):
        """Counts of the 000 Đ25 / 001 Đ20 evaluation: {'total', 'on_track', 'late', 'done', 'done_late', 'dropped'}."""
        self.ensure_one()
        return {
            "total": self.item_count, "on_track": self.on_track_count, "late": self.late_count,
            "done": self.done_count, "done_late": self.done_late_count, "dropped": self.dropped_count,
        }

    # --- Weekly schedule -----------------------------------------------------------------------------------
    @api.depends("kind", "date_start", "date_end", "committee_id")
    def _compute_schedule(self):
        Line = self.env["ubnd.schedule.line"]
        Entry = self.env["ubnd.schedule.entry"]
        for prog in self:
            if prog.kind == "week" and prog.date_start:
                prog.schedule_line_ids = Line.search([
                    ("committee_id", "=", prog.committee_id.id),
                    ("date", ">=", prog.date_start), ("date", "<=", prog.date_end),
                ])
                months = {prog.date_start.replace(day=1), prog.date_end.replace(day=1)}
                short = [m for m in sorted(months) if Entry._citizen_reception_shortfall(prog.committee_id, m) > 0]
                prog.citizen_reception_warning = short and self.env._(
                    "The Chairman has no citizen-reception day scheduled in %(months)s (000 Đ45.3: at least "
                    "%(count)s day(s) a month in person).",
                    months=", ".join(m.strftime("%m/%Y") for m in short),
                    count=prog.committee_id.profile_id.citizen_reception_days_per_month,
                ) or False
            else:
                prog.schedule_line_ids = Line.browse()
                prog.citizen_reception_warning = False

    def _schedule_days(self):
        """[(day, label, rows)] of the week, Monday to Sunday, for the printed schedule: one row per activity, with
        its leaders together, the Chairman first."""
        self.ensure_one()
        Line = self.env["ubnd.schedule.line"]
        lines = self.schedule_line_ids
        days = []
        for offset in range(7):
            day = self.date_start + timedelta(days=offset)
            rows = [
                {"time": line.time_label, "name": line.name, "location": line.location or "",
                 "leaders": line.leader_ids.mapped("name")}
                for line in lines.filtered(lambda l, d=day: l.date == d).sorted(lambda l: (l.start, l.id))
            ]
            days.append((day, Line._day_label(day), rows))
        return days

    # --- Permissions ------------------------------------------------------------------------------------------
    def _check_office(self):
        if not is_office(self.env):
            raise AccessError(self.env._("Only the Office builds and issues the work programme (000 Đ22.3)."))

    def _check_chairman(self):
        for prog in self:
            if not acts_as_chairman(self.env, prog.committee_id):
                raise AccessError(self.env._(
                    "Only the Chairman decides the work programme (000 Đ24, 001 Đ19)."
                ))

    def _check_state(self, *states):
        for prog in self:
            if prog.state not in states:
                raise UserError(self.env._(
                    "This step is not possible for “%(name)s” in its current state.", name=prog.display_name,
                ))

    # --- Workflow -------------------------------------------------------------------------------------------------
    def action_request_proposals(self):
        """The Office asks the units for their lists or proposals by the cut-off (000 Đ24.1.a, 24.2.a, 24.3.a)."""
        self._check_office()
        for prog in self:
            heads = unit_head_users(prog.committee_id, kinds=("department", "office", "other", "commune"))
            prog._schedule_for(heads, prog.proposal_deadline or today(self), self.env._(
                "Send the unit's proposals for %(name)s", name=prog.display_name))
            prog.message_post(
                body=self.env._("The units are asked to send their proposals no later than %(date)s.",
                                date=prog.proposal_deadline and prog.proposal_deadline.strftime("%d/%m/%Y") or "—"),
                partner_ids=heads.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_send_for_comment(self):
        """000 Đ24.1.b–c, 001 Đ19.1.b–c: the Office sends the draft annual programme to the bodies concerned."""
        self._check_office()
        self._check_state("draft")
        for prog in self:
            if prog.kind != "year":
                raise UserError(self.env._("Only the annual programme is sent to the units for comment (000 Đ24.1.b)."))
            prog._check_items_complete()
            prog.sudo().write({
                "state": "consultation", "draft_sent_date": today(self),
                "draft_sent_late": bool(prog.draft_deadline and today(self) > prog.draft_deadline),
            })
            heads = unit_head_users(prog.committee_id)
            prog._schedule_for(heads, prog.comment_deadline, self.env._("Comment in writing on %(name)s", name=prog.display_name))
            prog.message_post(
                body=self.env._("Draft sent for comment; written comments are due by %(date)s.",
                                date=prog.comment_deadline.strftime("%d/%m/%Y")),
                partner_ids=heads.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_submit(self):
        """The Office submits the draft to the Chairman for decision (000 Đ24.1.c, 24.2.b, 24.3.b, 24.4.a)."""
        self._check_office()
        self._check_state("draft", "consultation")
        for prog in self:
            prog._check_items_complete()
            prog.sudo().write({"state": "submitted", "submitted_date": today(self)})
            prog._schedule_for(prog.committee_id.chairman_id, prog.issue_deadline or today(self),
                               self.env._("Decide %(name)s", name=prog.display_name))
        return True

    def action_approve(self):
        """Only the Chairman decides a programme; for the annual one he decides to table it at the year-end
        session (000 Đ24.1.c, 24.2.b, 24.3.b, 24.4.a; 001 Đ19.1.c–19.4)."""
        self._check_chairman()
        self._check_state("submitted")
        self.sudo().write({"state": "approved", "approved_date": today(self), "approved_by_id": self.env.user.id})
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"], user_id=self.env.user.id)
        return True

    def action_return_to_draft(self):
        """The Chairman sends the draft back to the Office, or the Office takes it back before his decision."""
        for prog in self:
            if not (acts_as_chairman(self.env, prog.committee_id) or (is_office(self.env) and prog.state != "approved")):
                raise AccessError(self.env._("Only the Chairman or the Office sends a programme back to draft."))
        self._check_state("consultation", "submitted", "approved")
        self.filtered(lambda p: p.kind == "year" and p.adoption_date).sudo().write({"adoption_date": False})
        self.sudo().write({"state": "draft"})
        return True

    def action_record_adoption(self):
        """000 Đ24.1.c, 001 Đ19.1.c: the committee adopts the annual programme at the year's last regular session,
        after the Chairman decided to table it. The session is held before the programme's year, after the lists."""
        self._check_office()
        self._check_state("approved")
        for prog in self:
            if prog.kind != "year":
                raise UserError(self.env._("Only the annual programme is adopted at a session (000 Đ24.1.c)."))
            event = prog.adoption_event_id
            if not event:
                raise UserError(self.env._("Choose the year-end session that adopted the programme."))
            held = event.start_date if event.allday else local_date(prog.committee_id, event.start)
            if not (prog.proposal_deadline < held < prog.date_start):
                raise ValidationError(self.env._(
                    "The annual programme of %(year)s is adopted at the last regular session of %(before)s, after the "
                    "units' lists of %(cutoff)s (000 Đ24.1.c, 001 Đ19.1.c).",
                    year=prog.date_start.year, before=prog.date_start.year - 1,
                    cutoff=prog.proposal_deadline.strftime("%d/%m/%Y"),
                ))
            prog.sudo().write({"state": "adopted", "adoption_date": held})
            prog._schedule_for(prog.committee_id._office_users()[:1] or self.env.user, prog.issue_deadline,
                               self.env._("Have %(name)s issued", name=prog.display_name))
        return True

    def action_issue(self):
        """The Office sends (publishes) the decided programme to the members, the heads and the bodies concerned
        by its issue deadline (000 Đ24.1.d, 24.2.b, 24.3.b, 24.4.a; 001 Đ19.1.d–19.4)."""
        self._check_office()
        for prog in self:
            prog._check_state("adopted" if prog.kind == "year" else "approved")
            issued = today(self)
            prog.sudo().write({
                "state": "issued", "issued_date": issued, "issued_by_id": self.env.user.id,
                "issued_late": bool(prog.issue_deadline and issued > prog.issue_deadline),
            })
            prog.activity_ids.filtered(lambda a: a.user_id in prog.committee_id._office_users()).action_done()
            prog._notify_members_and_heads(self.env._("%(name)s has been issued.", name=prog.display_name))
        return True

    def action_print(self):
        self.ensure_one()
        xmlid = "ubnd_programme.action_report_ubnd_programme_week" if self.kind == "week" \
            else "ubnd_programme.action_report_ubnd_programme"
        return self.env.ref(xmlid).report_action(self)

    def action_adjust(self):
        """Open a new adjustment of this programme: proposed by the Office or a unit, decided by the Chairman."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ubnd.programme.adjustment",
            "view_mode": "form",
            "target": "new",
            "context": {"default_programme_id": self.id},
        }

    def _open_items(self, status=None):
        self.ensure_one()
        domain = [("id", "in", self.all_item_ids.ids)]
        if status:
            domain.append(("status", "=", status))
        title = self.env._("Items of %(name)s", name=self.display_name)
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "ubnd.programme.item",
            "view_mode": "list,form,pivot,graph",
            "domain": domain,
            "context": {"default_programme_id": self.id},
        }

    def action_open_items(self):
        return self._open_items()

    def action_open_on_track(self):
        return self._open_items("on_track")

    def action_open_late(self):
        return self._open_items("late")

    def action_open_done(self):
        return self._open_items("done")

    def action_open_dropped(self):
        return self._open_items("dropped")

    def action_open_adjustments(self):
        self.ensure_one()
        title = self.env._("Adjustments")
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "ubnd.programme.adjustment",
            "view_mode": "list,form",
            "domain": [("programme_id", "=", self.id)],
            "context": {"default_programme_id": self.id},
        }

    # --- Helpers ----------------------------------------------------------------------------------------------
    @api.depends("kind", "draft_deadline", "draft_sent_date")
    def _compute_draft_overdue(self):
        """000 Đ24.1.b: the Office sends the annual draft within 05 working days; past that, still unsent is late."""
        for prog in self:
            prog.draft_overdue = bool(prog.kind == "year" and not prog.draft_sent_date and prog.draft_deadline
                                      and today(prog) > prog.draft_deadline)

    def _check_items_complete(self):
        """000 Đ24.1.a, 001 Đ19.1.a: every item to submit states what the regulation lists."""
        for prog in self:
            missing = [item._missing_fields() for item in prog.item_ids if item.state != "dropped"]
            missing = [m for m in missing if m]
            if missing:
                raise ValidationError("\n".join(missing))

    def _schedule_for(self, users, deadline, summary):
        for user in users:
            self.activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline, summary=summary,
                                   user_id=user.id)

    def _office_author(self):
        self.ensure_one()
        office = self.committee_id.chief_of_office_id or self.committee_id._office_users()[:1]
        return (office or self.env.user).partner_id

    def _notify_members_and_heads(self, body, extra_partners=None):
        """The Office tells the members and the heads of the units (000 Đ22.3, Đ24.1.d; 001 Đ19.5)."""
        self.ensure_one()
        partners = member_and_head_partners(self.committee_id)
        if extra_partners:
            partners |= extra_partners
        self.sudo().message_post(
            body=body, partner_ids=partners.ids, author_id=self._office_author().id,
            subtype_xmlid="mail.mt_comment", message_type="comment",
        )
        return partners

    # --- Crons -------------------------------------------------------------------------------------------------
    @api.model
    def _period_vals(self, kind, day):
        if kind == "year":
            return {"kind": "year", "year": day.year}
        if kind == "quarter":
            return {"kind": "quarter", "year": day.year, "quarter": str((day.month - 1) // MONTHS_PER_QUARTER + 1)}
        if kind == "month":
            return {"kind": "month", "year": day.year, "month": day.month}
        return {"kind": "week", "year": day.year, "week_start": day - timedelta(days=day.weekday())}

    @api.model
    def _cron_prepare_programmes(self):
        """Open next period's programmes in draft so their cut-offs show and remind in time."""
        now = today(self)
        quarter_end = clamp_day(now.year, ((now.month - 1) // MONTHS_PER_QUARTER + 1) * MONTHS_PER_QUARTER, 31)
        month_end = clamp_day(now.year, now.month, 31)
        nexts = {
            "year": date(now.year + 1, 1, 1),
            "quarter": quarter_end + timedelta(days=1),
            "month": month_end + timedelta(days=1),
            "week": now + timedelta(days=7 - now.weekday()),
        }
        for committee in self.env["ubnd.committee"].search([]):
            for kind, day in nexts.items():
                vals = dict(self._period_vals(kind, day), committee_id=committee.id)
                probe = self.new(vals)
                if not self.search_count([("committee_id", "=", committee.id), ("kind", "=", kind),
                                          ("date_start", "=", probe.date_start)]):
                    self.create(vals)

    @api.model
    def _cron_programme_reminders(self):
        """Remind the units of their proposal cut-off and the Office of the issue deadline."""
        now = today(self)
        workday = self.env["ubnd.workday"]
        for prog in self.search([("state", "not in", ("issued",))]):
            profile, company = prog.committee_id.profile_id, prog.company_id
            horizon = workday.add_working_days(now, profile.programme_reminder_days, company=company)
            if (not prog.proposals_reminded and prog.state == "draft" and prog.proposal_deadline
                    and now <= prog.proposal_deadline <= horizon):
                heads = unit_head_users(prog.committee_id)
                prog._schedule_for(heads, prog.proposal_deadline,
                                   self.env._("Send the unit's proposals for %(name)s", name=prog.display_name))
                prog.proposals_reminded = True
            if not prog.issue_reminded and prog.issue_deadline and now <= prog.issue_deadline <= horizon:
                prog._schedule_for(prog.committee_id._office_users()[:1], prog.issue_deadline,
                                   self.env._("Issue %(name)s", name=prog.display_name))
                prog.issue_reminded = True
