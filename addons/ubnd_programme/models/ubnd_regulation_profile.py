from odoo import api, fields, models
from odoo.exceptions import ValidationError


# The settings this addon adds to the profile, copied from a level's preset to the committees'
# own profiles when the addon is installed (see hooks.py).
PROGRAMME_PROFILE_FIELDS = (
    "programme_item_main_content", "programme_vc_report_before_acceptance", "field_vc_decides_draft_change",
    "reception_notice_scope", "foreign_guest_report_timing", "trip_consent_scope", "session_travel_restricted",
    "report_month_day", "report_roll_back", "report_reminder_days", "programme_reminder_days",
)


class UbndRegulationProfile(models.Model):
    """The choices of work programmes, the weekly schedule and the reporting regime that the core profile
    does not hold. Each help cites its article; where a regulation is silent the help says so and what the
    default is."""

    _inherit = "ubnd.regulation.profile"

    # --- Work programmes ---------------------------------------------------------------------
    programme_item_main_content = fields.Boolean(
        "Programme items state their main content",
        help="001 Đ19.1.a, Đ21.1 — each scheme or draft of the ward programme states its sequence number, name, "
        "MAIN CONTENT, lead body, coordinating bodies and submission time. 000 Đ24.1.a lists name, deciding "
        "authority, lead drafting agency, co-operating agencies and submission deadline, without main content.",
    )
    programme_vc_report_before_acceptance = fields.Boolean(
        "Vice-Chairman reports before acceptance",
        help="001 Đ20.3 — the Vice-Chairman in charge of a programme item reports to the Chairman before its "
        "acceptance (nghiệm thu), approval or submission to a superior body. The city text has no such step.",
    )
    field_vc_decides_draft_change = fields.Boolean(
        "Vice-Chairman in charge decides changes of a draft",
        help="001 Đ21.2 — a change of the content, scope or submission time of a draft is decided by the Chairman "
        "or the Vice-Chairman in charge of the field. Every other adjustment of the programme stays with the "
        "Chairman (000 Đ24.6, 001 Đ19.5).",
    )
    programme_reminder_days = fields.Integer(
        "Programme reminders (working days before)", default=3,
        help="The regulations set the programme cut-offs (000 Đ24, 001 Đ19) but no reminder: the suite reminds "
        "the units and the Office this many working days before each cut-off (0 = on the day).",
    )

    # --- Weekly schedule: receptions and business trips --------------------------------------
    reception_notice_scope = fields.Selection(
        [("requests", "Requests to the Chairman or a Vice-Chairman (foreign guests: when they carry proposals)"),
         ("none", "No minimum notice")],
        "Reception requests needing notice", default="requests", required=True,
        help="000 Đ42.2 — a request to receive domestic guests reaches the Chairman or Vice-Chairman at least "
        "the profile's notice (03 ngày làm việc) before; 000 Đ43.2 — for foreign partners when the request carries "
        "proposals (A16: the text ties the notice to proposals). 001 Đ32 sets no notice.",
    )
    foreign_guest_report_timing = fields.Selection(
        [("before", "Before the visit: guests, content and planned time"),
         ("after", "After the visit: guests, time, content and result")],
        "Unit's foreign-guest report", default="before", required=True,
        help="000 Đ43.4 — a head planning to receive foreign guests reports the guests, content and planned time "
        "to the Chairman, copied to the Department of Foreign Affairs (if any) and the Office. 001 Đ32.3 — a unit "
        "head who received foreign guests reports the guests, time, content and result, copied to the Office.",
    )
    trip_consent_scope = fields.Selection(
        [("vc_heads_outside_locality",
          "Vice-Chairmen and heads: trips to other localities or central bodies; a plan for grassroots trips"),
         ("heads_outside_commune",
          "Heads: every trip outside the commune, with a deputy authorised for the absence")],
        "Business trips needing the Chairman's consent", default="vc_heads_outside_locality", required=True,
        help="000 Đ44.2 — a Vice-Chairman or head travelling to another locality or a central ministry reports and "
        "obtains the Chairman's consent; grassroots trips need a plan in advance. 001 Đ33.1 — a unit head leaving "
        "the ward reports in writing, obtains the Chairman's consent and authorises a deputy. Trips abroad always "
        "need the Chairman's consent (000 Đ44.4, 001 Đ33.3).",
    )
    session_travel_restricted = fields.Boolean(
        "No trips while the Council or the Committee is in session", default=True,
        help="000 Đ44.6 — while the People's Council or the People's Committee is in session, members and heads of "
        "agencies do not travel unless the Chairman agrees. The ward text (001 Đ33) is silent.",
    )

    # --- Reporting regime --------------------------------------------------------------------
    report_month_day = fields.Integer(
        "Monthly report due day", default=20,
        help="000 Đ50.3.b names monthly reports but gives no due day (A12); 001 Đ34 gives periods only. The suite "
        "uses the day of the quarterly report; set the superior body's day.",
    )
    report_roll_back = fields.Boolean(
        "Move report due dates back to the previous working day",
        help="000 Đ50.3.b and 001 Đ34 are silent on a due date that falls on a day off: by default it stays on "
        "the calendar date. Daily reports (000 Đ50.5) run on every day, holidays and Tết included.",
    )
    report_reminder_days = fields.Integer(
        "Report reminders (working days before)", default=3,
        help="The regulations set due dates (000 Đ50.3.b) but no reminder: the person responsible gets a to-do "
        "this many working days before the due date (0 = on the day).",
    )

    @api.constrains("report_month_day")
    def _check_report_month_day(self):
        for profile in self:
            if not 1 <= profile.report_month_day <= 31:
                raise ValidationError(self.env._("A day of the month must be between 1 and 31."))

    @api.model
    def _ubnd_programme_sync_presets(self):
        """Copy this addon's settings from each level's preset to the committees' own profiles."""
        Committee = self.env["ubnd.committee"].sudo().with_context(active_test=False)
        for committee in Committee.search([]):
            preset = committee._preset_for_level(committee.level)
            profile = committee.profile_id
            if preset and profile and profile != preset:
                profile.write({name: preset[name] for name in PROGRAMME_PROFILE_FIELDS})
