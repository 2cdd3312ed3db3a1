from odoo import api, fields, models
from odoo.exceptions import ValidationError

LEVELS = [("province", "Province / centrally-run city"), ("commune", "Commune / ward / special zone")]

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]

# Every deadline of the profile counted in working days unless listed here: these
# articles say "ngày" without "làm việc", so they are calendar days.
CALENDAR_DAY_FIELDS = frozenset({
    "commune_request_reply_days",
    "commune_request_consulted_reply_days",
    "conclusion_notice_days",
    "extraordinary_invitation_days",
})

# Periods a regulation may leave unset, each with the switch that says whether it sets one. Unticked, the
# committee has no such deadline: none is computed and the screens say "not set by the regulation".
OPTIONAL_PERIODS = {
    "office_intake_days": "office_forward_set",
    "session_documents_days": "session_documents_set",
    "legal_review_days": "legal_review_set",
    "legal_supplement_request_days": "legal_review_set",
    "legal_leader_opinion_days": "legal_review_set",
    "working_meeting_invitation_days": "working_meeting_set",
    "working_meeting_synthesis_days": "working_meeting_set",
    "conclusion_notice_days": "conclusion_notice_set",
    "coordination_finalise_days": "coordination_finalise_set",
}

# Day-of-month fields (1..31) and month fields (1..12) of the programme and report calendars.
DAY_OF_MONTH_FIELDS = (
    "annual_list_day", "quarter_proposal_day", "quarter_issue_day", "month_proposal_day",
    "month_issue_day", "report_quarter_day", "report_half_year_day", "report_annual_day",
    "task_regulation_report_day",
)
MONTH_FIELDS = ("annual_list_month", "report_half_year_month", "report_annual_month", "task_regulation_report_month")


class UbndRegulationProfile(models.Model):
    """Every number of a committee's working regulation, in one record.

    One profile per committee; presets ship as data for the Hải Phòng city regulation
    (seeds 000 and 002), the Trị An ward regulation (seed 001) and the provincial model
    (seed 003). Each field's help cites its article. No module keeps these numbers as
    literals: deadlines are computed with :meth:`compute_deadline` through the single
    working-day engine (``ubnd.workday``).
    """

    _name = "ubnd.regulation.profile"
    _description = "Regulation profile"
    _inherit = ["mail.thread"]
    _order = "is_preset desc, name"

    name = fields.Char(required=True, tracking=True)
    level = fields.Selection(LEVELS, required=True, default="province", tracking=True)
    is_preset = fields.Boolean(
        "Preset", copy=False,
        help="A preset is the template a committee's own profile is copied from; editing a preset "
        "does not change profiles already copied from it.",
    )
    source_regulation = fields.Char(
        help="The regulation text these values come from (e.g. the decision issuing the working regulation)."
    )
    notes = fields.Html(
        "Divergences and silences",
        help="Where the source regulations disagree or are silent, this preset says what it chose and why. "
        "Every value stays editable.",
    )
    committee_ids = fields.One2many("ubnd.committee", "profile_id", string="Committees")
    active = fields.Boolean(default=True)

    # --- Submissions to leaders (000 Chương III, 001 Đ11–16) -----------------------------
    office_forward_set = fields.Boolean(
        "Forwarding deadline set", default=True, tracking=True,
        help="000 Đ18.1 sets one. Ward 001 Đ12 sets none for forwarding a complete dossier: unticked, no "
        "forwarding deadline is computed (the committee may tick it and choose its own number).",
    )
    office_intake_days = fields.Integer(
        "Office forwards a complete dossier (working days)", default=3, tracking=True,
        help="000 Đ18.1 — 03 ngày làm việc: from receipt, the Office forwards a complete dossier to the leader "
        "or proposes who clarifies it. Ward 001 is silent: the committee's own choice, empty in the ward preset.",
    )
    office_return_days = fields.Integer(
        "Office returns a non-conforming dossier (working days)", default=3, tracking=True,
        help="000 Đ18.3 — 03 ngày làm việc to return an incomplete dossier (or transfer it) in writing with "
        "reasons. Ward 001 Đ12.2.a — no later than 02 ngày làm việc from receipt, stating what to add.",
    )
    leader_decision_days = fields.Integer(
        "Leader decision (working days)", default=3, tracking=True,
        help="000 Đ18.4 — 03 ngày làm việc from the Office's submission, except special cases (recorded reason). "
        "Ward 001 Đ13.2 — 02 ngày làm việc for a non-complex matter.",
    )
    issuance_days = fields.Integer(
        "Issuance after signing", default=2, tracking=True,
        help="000 Đ20.1 — the Office issues a signed document within 02 ngày làm việc. "
        "Ward 001 Đ16.1 — within 02 ngày (calendar days).",
    )
    issuance_in_working_days = fields.Boolean(
        "Issuance counted in working days", default=True,
        help="000 Đ20.1 says 'ngày làm việc'; ward 001 Đ16.1 says 'ngày', read as calendar days.",
    )
    legal_registration_days = fields.Integer(
        "Legal draft: registration (working days)", default=7,
        help="000 Đ19.1.a — 07 ngày làm việc to send the registration of a draft HĐND resolution.",
    )
    legal_proposal_advice_days = fields.Integer(
        "Legal draft: proposal advice (working days)", default=7,
        help="000 Đ19.1.b — 07 ngày làm việc to advise on a proposal to draft a UBND or Chairman decision.",
    )
    legal_review_set = fields.Boolean(
        "Legal-draft deadlines set", default=True, tracking=True,
        help="000 Đ19.2.a, b, d set the Office's review, the request to supplement and the leader's opinion. "
        "Ward 001 Đ14, Đ21.3 refer to the law without numbers: unticked, none of the three is computed.",
    )
    legal_review_days = fields.Integer(
        "Legal draft: Office review (working days)", default=7,
        help="000 Đ19.2.a — 07 ngày làm việc for the Office's review of a complete, uncontested legal draft. "
        "Ward 001 is silent (Đ21.3 refers to the law): a ward's value is the committee's own choice.",
    )
    legal_supplement_request_days = fields.Integer(
        "Legal draft: request to supplement (working days)", default=3,
        help="000 Đ19.2.b — 03 ngày làm việc to ask the drafting agency to supplement an incomplete draft. "
        "Ward 001 is silent: a ward's value is the committee's own choice.",
    )
    legal_reconciliation_days = fields.Integer(
        "Legal draft: reconciliation meeting (working days)", default=5,
        help="000 Đ19.2.c ¶1 — reconciliation meeting within 05 ngày làm việc of receipt. Ward 001 Đ14.1.c sets no deadline.",
    )
    legal_disagreement_report_days = fields.Integer(
        "Legal draft: report disagreements (working days)", default=3,
        help="000 Đ19.2.c ¶2 — 03 ngày làm việc after a reconciliation meeting that did not agree.",
    )
    legal_leader_opinion_days = fields.Integer(
        "Legal draft: leader opinion (working days)", default=3,
        help="000 Đ19.2.d — 03 ngày làm việc for the leader's opinion on the phiếu trình, except special cases. "
        "Ward 001 is silent: a ward's value is the committee's own choice.",
    )
    consultation_window = fields.Boolean(
        "Consultation reply window set by the regulation", default=True, tracking=True,
        help="000 Đ12.3.a — the reply deadline lies between the minimum and maximum below. "
        "Ward 001 Đ21.2 ¶2 sets no window: the requester sets the deadline (unticked, the minimum and "
        "maximum are not used and a consultation cannot be sent without a deadline).",
    )
    consultation_reply_min_days = fields.Integer(
        "Consultation reply: minimum (working days)", default=3,
        help="000 Đ12.3.a — a consultation gives not less than 03 ngày làm việc to reply.",
    )
    consultation_reply_max_days = fields.Integer(
        "Consultation reply: maximum (working days)", default=7,
        help="000 Đ12.3.a — and not more than 07 ngày làm việc, except urgent, important or complex work.",
    )
    consultation_deemed_agreement = fields.Boolean(
        "No reply by the deadline counts as agreement", default=True, tracking=True,
        help="000 Đ12.3.b — a unit that does not reply, or replies late, is deemed to agree. "
        "Ward 001 Đ21.2 ¶2 has no such rule: unticked, a late reply keeps its opinion (marked late) and "
        "silence stays a missing reply.",
    )
    commune_request_reply_days = fields.Integer(
        "Reply to a commune request (days)", default=7,
        help="000 Đ13.1 — an agency answers a commune HĐND/UBND request within 07 ngày (calendar days).",
    )
    commune_request_consulted_reply_days = fields.Integer(
        "Reply to a commune request needing consultation (days)", default=15,
        help="000 Đ13.1 — within 15 ngày when other agencies must be consulted.",
    )
    commune_work_request_days = fields.Integer(
        "Commune chair's working request notice (working days)", default=3,
        help="000 Đ13.4 — documents at least 03 ngày làm việc before working with an agency head.",
    )
    coordination_finalise_set = fields.Boolean(
        "Finalising deadline after a coordination meeting set", default=True, tracking=True,
        help="Ward 001 Đ28.2 sets 02 ngày làm việc; the city text sets none (unticked in the city preset).",
    )
    coordination_finalise_days = fields.Integer(
        "Finalise after a coordination meeting (working days)", default=2,
        help="001 Đ28.2 — the lead unit finalises the dossier within 02 ngày làm việc after the meeting. "
        "The city text sets no such deadline.",
    )
    reception_request_days = fields.Integer(
        "Guest reception request notice (working days)", default=3,
        help="000 Đ42.2, Đ43.2 — a request to receive domestic or foreign guests at least 03 ngày làm việc ahead.",
    )

    # --- Routing a matter to a session or a written ballot (000 Đ4–5) --------------------
    asset_session_min_bn = fields.Float(
        "Assets: session above (bn VND)", default=100,
        help="000 Đ4.3.b–đ — sales, purchases, joint ventures and transfers of public assets above 100 tỷ đồng "
        "are decided at a session.",
    )
    asset_ballot_min_bn = fields.Float(
        "Assets: ballot from (bn VND)", default=15,
        help="000 Đ5.3.e, g, l — from 15 to 100 tỷ đồng: decided by written ballot.",
    )
    joint_venture_ballot_min_bn = fields.Float(
        "Joint venture: ballot from (bn VND)", default=10,
        help="000 Đ5.3.h — joint ventures from 10 to 100 tỷ đồng: written ballot.",
    )
    budget_ballot_min_bn = fields.Float(
        "Budget use: ballot from (bn VND)", default=5,
        help="000 Đ5.3.đ, Đ5.3.k — extra budget sources or irregular spending of 05 tỷ đồng or more: written ballot.",
    )
    planning_session_min_ha = fields.Float(
        "Planning: session above (ha)", default=300,
        help="000 Đ4.4.c — construction-planning schemes above 300 ha: session.",
    )
    planning_ballot_min_ha = fields.Float(
        "Planning: ballot from (ha)", default=20,
        help="000 Đ5.1.b — schemes of 20 to 300 ha: written ballot.",
    )
    investment_session_min_bn = fields.Float(
        "Non-budget project: session above (bn VND)", default=25000,
        help="000 Đ4.2.c — total capital above 25.000 tỷ đồng (or 1 tỷ USD): session.",
    )
    investment_ballot_min_bn = fields.Float(
        "Non-budget project: ballot from (bn VND)", default=2500,
        help="000 Đ5.2.b — from 2.500 to 25.000 tỷ đồng: written ballot.",
    )
    land_session_min_ha = fields.Float(
        "Project land: session above (ha)", default=100,
        help="000 Đ4.2.c ¶2 — more than 100 ha of land outside industrial zones: session.",
    )
    land_ballot_min_ha = fields.Float(
        "Project land: ballot from (ha)", default=10,
        help="000 Đ5.2.b — from 10 to 100 ha: written ballot.",
    )
    investment_session_min_musd = fields.Float(
        "Foreign-invested project: session above (m USD)", default=1000,
        help="000 Đ4.2.c — a foreign investment with total capital above 01 tỷ USD (1.000 triệu USD), inside or "
        "outside industrial zones: session.",
    )
    investment_ballot_min_musd = fields.Float(
        "Foreign-invested project: ballot from (m USD)", default=100,
        help="000 Đ5.2.b — from 100 triệu USD to 01 tỷ USD: written ballot.",
    )
    auction_land_session_min_bn = fields.Float(
        "Land for auction or tender: session above (bn VND)", default=1000,
        help="000 Đ4.2.c — a project outside industrial zones using land for auctioning land-use rights or for "
        "tendering investors worth more than 1.000 tỷ đồng at the current land-price table: session.",
    )
    auction_land_ballot_min_bn = fields.Float(
        "Land for auction or tender: ballot from (bn VND)", default=100,
        help="000 Đ5.2.b — such land worth from 100 to 1.000 tỷ đồng: written ballot.",
    )

    # --- Sessions, quorum and votes (000 Đ3, Chương V; 001 Đ22–31) -------------------------
    regular_sessions_per_month = fields.Integer(
        default=1, help="000 Đ26.1, 001 Đ22.1 — one regular session every month."
    )
    quorum_numerator = fields.Integer(
        default=2, help="000 Đ28.2, 001 Đ24.4 — a session proceeds when at least 2/3 of all members are present."
    )
    quorum_denominator = fields.Integer(default=3, help="Denominator of the quorum fraction (000 Đ28.2).")
    majority_basis = fields.Selection(
        [("all_members", "More than half of all members"), ("present", "More than half of members present")],
        default="all_members", required=True,
        help="000 Đ3.3, 001 Đ25.5.c — a decision passes when more than half of the TOTAL membership votes in favour, "
        "not of those present. Model 003 ¶3 only says 'by majority'.",
    )
    tie_break = fields.Selection(
        [
            ("chairman_side", "Equal votes: the Chairman's side wins"),
            ("chairman_side_with_majority", "Equal votes: the Chairman's side wins only with a majority of all members"),
            ("fails", "Equal votes: not passed"),
        ],
        default="chairman_side", required=True,
        help="000 Đ3.3 ¶2, 001 Đ3.2.d — when votes for and against are equal, the side the Chairman voted for wins. "
        "With an even membership all present (e.g. 4–4 of 8) the tie-break decides; when members are absent a "
        "tie can leave both sides below half of all members: 'chairman_side' applies the tie-break anyway, "
        "'chairman_side_with_majority' also requires more than half of all members in favour.",
    )
    vote_options = fields.Selection(
        [("two", "Approve / not approve"), ("three", "Approve / not approve / abstain")],
        default="two", required=True,
        help="000 Đ29.4.a, 001 Đ25.5.a — a member votes 'tán thành' or 'không tán thành'. Other levels may allow abstention.",
    )
    extraordinary_request_numerator = fields.Integer(
        default=1, help="000 Đ4.1.g, Đ26.1 — at least 1/3 of all members may require a session."
    )
    extraordinary_request_denominator = fields.Integer(default=3, help="Denominator (000 Đ26.1).")
    session_documents_set = fields.Boolean(
        "Session documents deadline set", default=True, tracking=True,
        help="000 Đ27.3.b sets 05 ngày làm việc. Ward 001 Đ23.2 says 'in advance' without a number: unticked, "
        "no documents deadline is computed.",
    )
    session_documents_days = fields.Integer(
        "Session documents from lead unit (working days before)", default=5,
        help="000 Đ27.3.b — the lead agency sends session documents at least 05 ngày làm việc before the session. "
        "Ward 001 Đ23.2 says 'in advance' without a number: a ward's value is the committee's own choice.",
    )
    session_agenda_days = fields.Integer(
        "Agenda to the Chairman (working days before)", default=3,
        help="000 Đ27.2.b — 03 ngày làm việc before the session. Ward 001 Đ23.3.b — 02 ngày làm việc.",
    )
    session_invitation_days = fields.Integer(
        "Invitations and documents to members (working days before)", default=2,
        help="000 Đ27.2.d — at least 02 ngày làm việc before, except extraordinary sessions. Ward 001 Đ23.3.d — 02.",
    )
    extraordinary_invitation_days = fields.Integer(
        "Invitations for extraordinary/thematic sessions (days before)", default=0,
        help="000 Đ27.2.d exempts extraordinary sessions (0 = no minimum). Ward 001 Đ23.3.d ¶2 — at least 01 ngày.",
    )
    working_meeting_set = fields.Boolean(
        "Working-meeting deadlines set", default=True, tracking=True,
        help="000 Đ32.2.b–c set the invitations and the synthesis report. Ward 001 is silent: unticked, "
        "neither is computed.",
    )
    working_meeting_invitation_days = fields.Integer(
        "Working meeting invitations (working days before)", default=3,
        help="000 Đ32.2.b — at least 03 ngày làm việc before a leader's working meeting, except urgent cases. "
        "Ward 001 is silent: a ward's value is the committee's own choice.",
    )
    working_meeting_synthesis_days = fields.Integer(
        "Working meeting synthesis (working days before)", default=1,
        help="000 Đ32.2.c — the Office's synthesis report at least 01 ngày làm việc before. "
        "Ward 001 is silent: a ward's value is the committee's own choice.",
    )
    conclusion_notice_set = fields.Boolean(
        "Conclusion notice deadline set", default=True, tracking=True,
        help="000 Đ30.2, Đ32.2.e set 03 ngày. Ward 001 Đ25.7.b says 'after each session' without a number: "
        "unticked, no deadline is computed.",
    )
    conclusion_notice_days = fields.Integer(
        "Conclusion notice (days after)", default=3,
        help="000 Đ32.2.e — conclusion notice within 03 ngày (calendar days) of a working meeting. "
        "Ward 001 is silent: a ward's value is the committee's own choice.",
    )
    ballot_objection_forward_days = fields.Integer(
        "Forward ballot objections (working days)", default=2,
        help="000 Đ18.5.b ¶3 — objections forwarded to the drafting agency within 02 ngày làm việc. "
        "Ward 001 Đ14.2.b — immediately (0).",
    )

    # --- Assigned tasks (seed 002) ---------------------------------------------------------
    task_entry_days = fields.Integer(
        "Task entry (working days)", default=1,
        help="002 Đ6.2.a — the Office enters the tasks of a directive within 01 ngày làm việc of its issue.",
    )
    task_update_days = fields.Integer(
        "Task report update (working days)", default=1,
        help="002 Đ6.1.b — the lead unit updates the system within 01 ngày làm việc of issuing its report.",
    )
    task_return_days = fields.Integer(
        "Return an unsuitable task (working days)", default=1,
        help="002 Đ6.1.c — returned with written reasons within 01 ngày làm việc of receiving the document.",
    )
    slow_coordination_report_weekday = fields.Selection(
        WEEKDAYS, default="3",
        help="002 Đ6.1.d — every Thursday lead units report slow coordinating units.",
    )
    pre_session_update_days = fields.Integer(
        "Task data update before a session (working days)", default=1,
        help="002 Đ21.1 — at least 01 ngày làm việc before each regular session.",
    )
    no_result_inspection_months = fields.Integer(
        "Flag tasks without result after (months)", default=6,
        help="002 Đ8.1.e — no result after 06 tháng and no written explanation: inspection.",
    )
    inspection_report_days = fields.Integer(
        "Inspection result report (working days)", default=7,
        help="002 Đ16.1–16.2 — no later than 07 ngày làm việc after the inspection ends.",
    )
    feedback_urging_days = fields.Integer(
        "Urging after feedback (working days)", default=7,
        help="002 Đ18.5 — within 07 ngày làm việc the Office issues an urging document or asks for direction.",
    )
    task_regulation_report_day = fields.Integer(
        default=25, help="002 Đ23.1 — report on the task-tracking regulation on 25 December each year (day)."
    )
    task_regulation_report_month = fields.Integer(default=12, help="002 Đ23.1 — month of that report.")
    focal_procedure_threshold = fields.Integer(
        "Focal officers: procedure threshold", default=300,
        help="004 Đ2.1.a — departments with fewer / more than 300 administrative procedures.",
    )
    focal_department_max_small = fields.Integer(
        "Focal officers: max (small department)", default=3, help="004 Đ2.1.a — at most 03 below the threshold."
    )
    focal_department_max_large = fields.Integer(
        "Focal officers: max (large department)", default=4, help="004 Đ2.1.a — at most 04 above the threshold."
    )
    focal_commune_max = fields.Integer(
        "Focal officers: max per commune", default=3, help="004 Đ2.1.b — at most 03 per commune or ward."
    )

    # --- Work programmes (000 Đ21–25, 001 Đ18–21) -----------------------------------------
    annual_list_day = fields.Integer(
        default=25, help="000 Đ24.1.a, 001 Đ19.1.a — units send next year's list no later than 25 November (day)."
    )
    annual_list_month = fields.Integer(default=11, help="000 Đ24.1.a — month of the annual list cut-off.")
    annual_draft_comment_days = fields.Integer(
        "Annual draft sent for comment (working days)", default=5,
        help="000 Đ24.1.b — the Office sends the draft annual programme for comment within 05 ngày làm việc.",
    )
    annual_reply_days = fields.Integer(
        "Comments on the annual draft (working days)", default=5,
        help="000 Đ24.1.c — 05 ngày làm việc. Ward 001 Đ19.1.c — 03 ngày làm việc.",
    )
    annual_issue_days = fields.Integer(
        "Annual programme issued (working days)", default=3,
        help="000 Đ24.1.d — within 03 ngày làm việc of adoption. Ward 001 Đ19.1.d — immediately (0).",
    )
    quarter_proposal_day = fields.Integer(
        default=20, help="000 Đ24.2.a, 001 Đ19.2.a — proposals by the 20th of the quarter's last month."
    )
    quarter_issue_day = fields.Integer(
        default=25, help="000 Đ24.2.b, 001 Đ19.2.c — programme sent by the 25th of the quarter's last month."
    )
    month_proposal_day = fields.Integer(
        default=20, help="000 Đ24.3.a, 001 Đ19.3.a — proposals by the 20th of the previous month."
    )
    month_issue_day = fields.Integer(
        default=25, help="000 Đ24.3.b, 001 Đ19.3.c — monthly programme sent by the 25th."
    )
    weekly_programme_weekday = fields.Selection(
        WEEKDAYS, default="4",
        help="000 Đ24.4.a, 001 Đ19.4 — next week's programme notified no later than Friday of the week before.",
    )
    programme_roll_back = fields.Boolean(
        "Move day-25 cut-offs back to the previous working day",
        help="001 Đ19.2.c, Đ19.3.c — when the 25th is a day off, the previous working day. "
        "The city text (000 Đ24) is silent.",
    )

    # --- Reporting regime (000 Chương IX, 001 Đ34) -----------------------------------------
    report_quarter_day = fields.Integer(
        default=20, help="000 Đ50.3.b — quarterly reports by the 20th of the quarter's last month."
    )
    report_half_year_day = fields.Integer(default=20, help="000 Đ50.3.b — six-month report by 20 June (day).")
    report_half_year_month = fields.Integer(default=6, help="000 Đ50.3.b — six-month report month (June).")
    report_annual_day = fields.Integer(default=20, help="000 Đ50.3.b — annual report by 20 December (day).")
    report_annual_month = fields.Integer(default=12, help="000 Đ50.3.b — annual report month (December).")
    citizen_reception_days_per_month = fields.Integer(
        default=1, help="000 Đ45.3 — the Chairman receives citizens in person at least 01 day per month."
    )

    @api.model
    def _numeric_field_names(self):
        return [
            name for name, field in self._fields.items()
            if field.type in ("integer", "float") and field.store and not field.compute and name != "id"
        ]

    @api.constrains(lambda self: self._numeric_field_names())
    def _check_not_negative(self):
        for profile in self:
            for name in self._numeric_field_names():
                if profile[name] < 0:
                    raise ValidationError(self.env._(
                        "The value of “%(field)s” cannot be negative.",
                        field=self._fields[name]._description_string(self.env),
                    ))

    @api.constrains(lambda self: DAY_OF_MONTH_FIELDS + MONTH_FIELDS)
    def _check_calendar_values(self):
        for profile in self:
            for name in DAY_OF_MONTH_FIELDS:
                if not 1 <= profile[name] <= 31:
                    raise ValidationError(self.env._("A day of the month must be between 1 and 31."))
            for name in MONTH_FIELDS:
                if not 1 <= profile[name] <= 12:
                    raise ValidationError(self.env._("A month must be between 1 and 12."))

    @api.constrains("quorum_numerator", "quorum_denominator",
                    "extraordinary_request_numerator", "extraordinary_request_denominator")
    def _check_fractions(self):
        for profile in self:
            for num, den in (
                (profile.quorum_numerator, profile.quorum_denominator),
                (profile.extraordinary_request_numerator, profile.extraordinary_request_denominator),
            ):
                if den <= 0 or num > den:
                    raise ValidationError(self.env._(
                        "A fraction of the membership must have a positive denominator and be at most 1."
                    ))

    @api.constrains("consultation_reply_min_days", "consultation_reply_max_days")
    def _check_consultation_range(self):
        for profile in self.filtered("consultation_window"):
            if profile.consultation_reply_min_days > profile.consultation_reply_max_days:
                raise ValidationError(self.env._(
                    "The minimum consultation reply time cannot exceed the maximum (000 Đ12.3.a)."
                ))

    # --- Deadlines -------------------------------------------------------------------------
    def _counts_working_days(self, field_name):
        self.ensure_one()
        if field_name == "issuance_days":
            return self.issuance_in_working_days
        return field_name not in CALENDAR_DAY_FIELDS

    def _deadline_amount(self, field_name):
        """The number of days of ``field_name``, refusing a name that is not one of the profile's periods;
        None when the regulation sets no such period (see ``OPTIONAL_PERIODS``)."""
        self.ensure_one()
        field = self._fields.get(field_name) if isinstance(field_name, str) else None
        if field is None or field.type != "integer" or not field.store or field_name not in self._numeric_field_names():
            raise ValidationError(self.env._("“%s” is not a period of the regulation profile.", str(field_name)[:60]))
        if not self.sets_period(field_name):
            return None
        return self[field_name]

    def sets_period(self, field_name):
        """Whether this profile sets the period ``field_name`` (a period the regulation is silent on may be unset)."""
        self.ensure_one()
        switch = OPTIONAL_PERIODS.get(field_name)
        return not switch or bool(self[switch])

    def compute_deadline(self, start, field_name, company=None):
        """Deadline ``field_name`` days after ``start``, in working or calendar days as the article says;
        False when the profile sets no such period.

        ``start`` may be a date, an ISO string or a datetime (see ``ubnd.workday``)."""
        amount = self._deadline_amount(field_name)
        if amount is None:
            return False
        workday = self.env["ubnd.workday"]
        if self._counts_working_days(field_name):
            return workday.add_working_days(start, amount, company=company)
        return workday.add_calendar_days(start, amount)

    def compute_advance_deadline(self, event_day, field_name, company=None):
        """Latest day that is ``field_name`` days before ``event_day`` (e.g. documents before a session);
        False when the profile sets no such period."""
        amount = self._deadline_amount(field_name)
        if amount is None:
            return False
        workday = self.env["ubnd.workday"]
        if self._counts_working_days(field_name):
            return workday.subtract_working_days(event_day, amount, company=company)
        return workday.add_calendar_days(event_day, -amount)

    def copy_data(self, default=None):
        default = dict(default or {})
        vals_list = super().copy_data(default=default)
        for profile, vals in zip(self, vals_list):
            if "name" not in default:
                vals["name"] = self.env._("%s (copy)", profile.name)
        return vals_list
