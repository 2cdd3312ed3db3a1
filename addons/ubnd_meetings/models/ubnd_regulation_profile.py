from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The settings this addon adds to the profile, copied from a level's preset to the committees'
# own profiles when the addon is installed (see hooks.py).
MEETING_PROFILE_FIELDS = (
    "thematic_short_notice", "session_substitute_scope", "session_substitute_consent", "proxy_may_vote",
    "ballot_result_announcer", "minutes_chief_office_confirmation", "conclusion_report_standing",
    "opening_report_by_chief_office", "ballot_reply_days", "ballot_reminder_days", "briefings_per_week",
    "unit_heads_meetings_per_week", "all_heads_meetings_per_year", "field_heads_meetings_per_quarter",
    "dialogue_conferences_per_year", "dialogue_voter_request_pct", "port_session_max_bn",
    "investment_plan_session_min_pct", "adjustment_land_pct", "adjustment_land_ha", "adjustment_capital_pct",
    "iz_adjustment_ballot_min_bn", "iz_adjustment_ballot_min_musd", "residential_urban_min_ha",
    "residential_rural_min_ha",
    "donation_opinion_min_bn",
)


class UbndRegulationProfile(models.Model):
    """The numbers and choices of sessions, meetings and ballots that the core profile does not hold.

    Each help cites its article; where the regulations are silent (000 A4: ballot reply time and
    reminders) the help says so and what the default is.
    """

    _inherit = "ubnd.regulation.profile"

    # --- Sessions -----------------------------------------------------------------------------
    thematic_short_notice = fields.Boolean(
        "Thematic sessions on short notice",
        help="001 Đ23.3.d — the ward sends the agenda and documents at least 01 ngày before an extraordinary "
        "OR a thematic session. 000 Đ27.2.d exempts only extraordinary sessions: thematic city sessions keep "
        "the regular notice.",
    )
    session_substitute_scope = fields.Selection(
        [("heads", "Only members heading the military, the police or a specialised agency"),
         ("any", "Any member, by his own deputy")],
        "Who may send a substitute to a session", default="heads", required=True,
        help="000 Đ28.1 ¶2 — only a member who also heads the military command, the police or a specialised "
        "agency may, for force majeure and with the Chairman's consent, send a deputy or another competent "
        "person. Ward 001 Đ24.3 — any member absent with the session chair's consent may send his own deputy "
        "(cấp phó), recorded with the committee's members.",
    )
    session_substitute_consent = fields.Selection(
        [("chairman", "The Chairman"), ("chair", "The session chair")],
        "Who consents to a session substitute", default="chairman", required=True,
        help="000 Đ28.1 ¶2 — the Chairman. Ward 001 Đ24.3 — the session chair.",
    )
    proxy_may_vote = fields.Boolean(
        "A substitute may vote for the member",
        help="000 Đ28.1 ¶2 — the person attending in a member's place may speak but NOT vote; 001 Đ25.5.a — "
        "non-members do not vote. Enable only where a regulation allows it: the substitute then votes for the "
        "member he replaces, within a session proxy grant in force on the day of the session.",
    )
    opening_report_by_chief_office = fields.Boolean(
        "Opening report by the Chief of Office only",
        help="001 Đ25.1 — the Chief of Office reports the members present and absent, substitutes, guests, "
        "content and agenda. 000 Đ29.1 — the Office's leadership reports.",
    )
    minutes_chief_office_confirmation = fields.Boolean(
        "Minutes confirmed by the Chief of Office",
        help="001 Đ25.7.a — the minutes bear the Chief of Office's confirming signature. 000 Đ30.1 names no "
        "signatory (A13).",
    )
    conclusion_report_standing = fields.Boolean(
        "Conclusions also reported to the standing committees", default=True,
        help="000 Đ30.2 — the Chief of Office also reports the conclusions to the Party Standing Committee and "
        "the People's Council Standing Committee. 001 Đ25.7.b — members and the bodies concerned only.",
    )

    # --- Written ballots ----------------------------------------------------------------------------
    ballot_result_announcer = fields.Selection(
        [("office", "The Office"), ("chairman", "The Chairman")],
        "Who announces ballot results", default="office", required=True,
        help="000 Đ29.5 — the Office announces the result of a ballot at the nearest session. 001 Đ25.5.d — "
        "the Chairman.",
    )
    ballot_reply_days = fields.Integer(
        "Ballot reply time (working days)", default=3,
        help="000 Đ18.5.b and 001 Đ3.2.b set no reply deadline (000 A4): the ballot proposes 03 ngày làm việc "
        "after sending; the Chairman may set another date on each ballot.",
    )
    ballot_reminder_days = fields.Integer(
        "Ballot reminder (working days before the deadline)", default=1,
        help="000 Đ18.5.b is silent on reminders (A4): members who have not replied are reminded this many "
        "working days before the deadline (0 = on the day).",
    )

    # --- How often meetings are held ------------------------------------------------------------------
    briefings_per_week = fields.Integer(
        "Briefings per week", default=1,
        help="001 Đ26.1 — weekly giao ban of the Chairman with the Vice-Chairmen. 000 Đ33.2 leaves the date to "
        "the Chairman; 'giao ban hàng tuần' in 000 Đ10.2 (A17). 0 = not checked.",
    )
    unit_heads_meetings_per_week = fields.Integer(
        "Meetings with unit heads per week",
        help="001 Đ27.1 — every week the Chairman meets the heads of units. The city text has no such rule "
        "(0 = not checked).",
    )
    all_heads_meetings_per_year = fields.Integer(
        "Meetings with all heads per year", default=1,
        help="000 Đ34.1 — at least once a year the Chairman, or a Vice-Chairman he assigns, meets the heads of "
        "agencies and the commune chairs (0 = not checked).",
    )
    field_heads_meetings_per_quarter = fields.Integer(
        "Meetings with the heads of a field per quarter", default=1,
        help="000 Đ34.2 — at least once a quarter the Chairman and each Vice-Chairman meet the heads of the "
        "agencies of their field (0 = not checked).",
    )
    dialogue_conferences_per_year = fields.Integer(
        "Dialogue conferences per year",
        help="001 Đ4.3.l — the ward Chairman holds a dialogue conference with citizens, staff and businesses at "
        "least once a year. The city text has none (0 = not checked).",
    )
    dialogue_voter_request_pct = fields.Float(
        "Dialogue on voters' request (% of voters)",
        help="001 Đ4.3.l — a dialogue conference is also due when at least 10% of the voters request it "
        "(0 = no such rule).",
    )

    # --- Routing: the rows of 000 Đ4–5 that the core does not hold -------------------------------------
    port_session_max_bn = fields.Float(
        "Special seaport: session below (bn VND)", default=2300,
        help="000 Đ4.2.d — a new port or port area in a special seaport with investment below 2.300 tỷ đồng is "
        "decided at a session (the direction is as written, 000 A18).",
    )
    investment_plan_session_min_pct = fields.Float(
        "Public-investment plan increase: session from (%)", default=10,
        help="000 Đ4.2.e — an adjustment raising total annual public investment by 10% or more: session.",
    )
    adjustment_land_pct = fields.Float(
        "Project adjustment: land increase above (%)", default=10,
        help="000 Đ4.2.c (bullet 2), Đ5.2.b ¶2 — an adjustment increasing land by more than 10% ...",
    )
    adjustment_land_ha = fields.Float(
        "Project adjustment: land increase above (ha)", default=30,
        help="000 Đ4.2.c (bullet 2), Đ5.2.b ¶2 — ... or by more than 30 ha ...",
    )
    adjustment_capital_pct = fields.Float(
        "Project adjustment: capital increase from (%)", default=20,
        help="000 Đ4.2.c (bullet 2), Đ5.2.b ¶2 — ... or raising total capital by 20% or more is decided as the "
        "project was (session or written ballot).",
    )
    iz_adjustment_ballot_min_bn = fields.Float(
        "Industrial-zone project: capital increase for a ballot (bn VND)", default=2500,
        help="000 Đ5.2.b (bullet 2) — an adjustment raising an industrial-zone project's capital by 2.500 tỷ "
        "đồng or more: written ballot.",
    )
    iz_adjustment_ballot_min_musd = fields.Float(
        "Industrial-zone project: capital increase for a ballot (m USD)", default=100,
        help="000 Đ5.2.b (bullet 2) — ... or by 100 triệu USD or more for a foreign investment, against the first "
        "investment certificate or the latest opinion of the city Party Standing Committee: written ballot.",
    )
    residential_urban_min_ha = fields.Float(
        "Residential conversion, urban: ballot above (ha)", default=2,
        help="000 Đ5.2.c — converting more than 02 ha of land to residential use in urban areas: written ballot.",
    )
    residential_rural_min_ha = fields.Float(
        "Residential conversion, non-urban: ballot above (ha)", default=5,
        help="000 Đ5.2.c — more than 05 ha outside urban areas: written ballot.",
    )
    donation_opinion_min_bn = fields.Float(
        "Donations outside the budget: Party opinion from (bn VND)", default=5,
        help="000 Đ5.3.i — a plan using donations not paid into the budget of 05 tỷ đồng or more needs the "
        "opinion of the Standing Committee of the city Party Committee.",
    )

    @api.constrains("quorum_numerator", "quorum_denominator",
                    "extraordinary_request_numerator", "extraordinary_request_denominator")
    def _check_member_fractions(self):
        """The quorum (000 Đ28.2, 001 Đ24.4) and the members' request (000 Đ4.1.g, Đ26.1) are fractions of the
        membership in (0, 1]: 0/3 would open a session, or convene one, with nobody."""
        for profile in self:
            for label, num, den in (
                (self.env._("The quorum (000 Đ28.2, 001 Đ24.4)"), profile.quorum_numerator, profile.quorum_denominator),
                (self.env._("The members' request for a session (000 Đ4.1.g, Đ26.1)"),
                 profile.extraordinary_request_numerator, profile.extraordinary_request_denominator),
            ):
                if not (den > 0 and 0 < num <= den):
                    raise ValidationError(self.env._(
                        "%(rule)s is a fraction of all members greater than 0 and at most 1: %(num)s/%(den)s is "
                        "not.", rule=label, num=num, den=den))

    @api.constrains("dialogue_voter_request_pct", "investment_plan_session_min_pct", "adjustment_land_pct",
                    "adjustment_capital_pct")
    def _check_percentages(self):
        for profile in self:
            for name in ("dialogue_voter_request_pct", "investment_plan_session_min_pct", "adjustment_land_pct",
                         "adjustment_capital_pct"):
                if not 0 <= profile[name] <= 100:
                    raise ValidationError(self.env._(
                        "“%(field)s” is a percentage between 0 and 100.",
                        field=self._fields[name]._description_string(self.env)))

    @api.model
    def _ubnd_meetings_sync_presets(self):
        """Copy this addon's settings from each level's preset to the committees' profiles."""
        presets = {
            "commune": self.env.ref("ubnd_quyche.profile_preset_trian", raise_if_not_found=False),
            "province": self.env.ref("ubnd_quyche.profile_preset_haiphong", raise_if_not_found=False),
        }
        for profile in self.with_context(active_test=False).search([("is_preset", "=", False)]):
            preset = presets.get(profile.level)
            if preset:
                profile.write({name: preset[name] for name in MEETING_PROFILE_FIELDS})
