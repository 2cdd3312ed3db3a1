from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class UbndMeetingGuestCategory(models.Model):
    """Invited delegates of sessions (000 Đ28.3, 001 Đ24.5).

    'always' categories are invited to every session of the levels they apply to; 'related'
    categories only when a related matter is on the agenda; 'chairman' guests at the Chairman's
    decision (000 Đ28.3.d).
    """

    _name = "ubnd.meeting.guest.category"
    _description = "Category of invited delegates"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    invite_rule = fields.Selection(
        [("always", "Invited to every session"), ("related", "Invited when a related matter is discussed"),
         ("chairman", "At the Chairman's decision")],
        required=True, default="related",
    )
    level = fields.Selection(
        [("all", "All levels"), ("province", "Province / city"), ("commune", "Commune / ward")],
        required=True, default="all",
    )
    article = fields.Char(help="The article that names this category.")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "A guest category with this code already exists.")

    def _applies_to(self, committee):
        return self.filtered(lambda c: c.level in ("all", committee.level))


class UbndCommitteeGuest(models.Model):
    """The people a committee invites as delegates, by category (000 Đ28.3, 001 Đ24.5)."""

    _name = "ubnd.committee.guest"
    _description = "Standing invited delegate"
    _order = "committee_id, category_id, id"

    committee_id = fields.Many2one("ubnd.committee", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    category_id = fields.Many2one("ubnd.meeting.guest.category", required=True, ondelete="restrict")
    partner_id = fields.Many2one("res.partner", string="Delegate", required=True, ondelete="restrict")


class UbndCommitteeMember(models.Model):
    _inherit = "ubnd.committee.member"

    heads_agency = fields.Boolean(
        "Heads the military, the police or a specialised agency",
        help="000 Đ28.1 ¶2 — only such a member may, for force majeure and with the Chairman's consent, send "
        "his deputy or another competent person to a session in his place.",
    )
    deputy_user_ids = fields.Many2many(
        "res.users", "ubnd_committee_member_deputy_rel", "member_id", "user_id", string="Deputies (cấp phó)",
        help="001 Đ24.3 — a ward member absent from a session with the chair's consent may send only his own "
        "deputy (cấp phó của mình), and answers for what the deputy says.",
    )

    @api.constrains("deputy_user_ids", "user_id", "committee_id")
    def _check_deputies(self):
        for member in self:
            if member.user_id in member.deputy_user_ids:
                raise ValidationError(self.env._("A member is not his own deputy."))
            if any(member.committee_id.company_id not in deputy.company_ids for deputy in member.deputy_user_ids):
                raise ValidationError(self.env._("A member's deputy works for the same committee."))


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    guest_ids = fields.One2many("ubnd.committee.guest", "committee_id", string="Invited delegates")
    meeting_ids = fields.One2many("ubnd.meeting", "committee_id", string="Meetings")

    def _chairman_member(self):
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.active and m.role == "chairman")[:1]

    def _acting_chairman(self, day):
        """Whoever acts as Chairman on ``day``: the Vice-Chairman of an acting-chair grant in force."""
        self.ensure_one()
        return self.env["ubnd.delegation"]._acting_chair_on(self, day)

    def _is_chairman(self, user, day=None):
        """The Chairman, or the Vice-Chairman running the committee in his absence (000 Đ6.3.h)."""
        self.ensure_one()
        if user == self.chairman_id:
            return True
        return bool(day) and self._acting_chairman(day) == user

    # --- How often meetings are held (000 Đ26.1, Đ33, Đ34; 001 Đ4.3.l, Đ22.1, Đ26.1, Đ27.1) --------------
    def _schedule_gaps(self, date_from, date_to):
        """Periods of [date_from, date_to] in which the profile's required meetings were not held.

        Returns a list of dicts ``{rule, period_start, period_end, leader_id, required, held}``.
        A meeting counts when it is not cancelled and its day falls in the period.
        """
        self.ensure_one()
        p = self.profile_id
        Meeting = self.env["ubnd.meeting"].sudo()
        meetings = Meeting.search([
            ("committee_id", "=", self.id), ("state", "!=", "cancelled"),
            ("meeting_date", ">=", date_from), ("meeting_date", "<=", date_to),
        ])
        gaps = []

        def count(period_start, period_end, predicate):
            return len(meetings.filtered(lambda m: period_start <= m.meeting_date <= period_end and predicate(m)))

        def check(rule, required, periods, predicate, leader=None):
            if not required:
                return
            for start, end in periods:
                held = count(start, end, predicate)
                if held < required:
                    gaps.append({"rule": rule, "period_start": start, "period_end": end,
                                 "leader_id": leader.id if leader else False, "required": required, "held": held})

        months = _periods(date_from, date_to, "month")
        weeks = _periods(date_from, date_to, "week")
        quarters = _periods(date_from, date_to, "quarter")
        years = _periods(date_from, date_to, "year")
        check("regular_session", p.regular_sessions_per_month, months, lambda m: m.kind == "regular")
        check("briefing", p.briefings_per_week, weeks, lambda m: m.kind == "briefing")
        check("unit_heads", p.unit_heads_meetings_per_week, weeks,
              lambda m: m.kind == "working" and m.heads_scope in ("unit_heads", "all_heads"))
        check("all_heads", p.all_heads_meetings_per_year, years,
              lambda m: m.kind == "working" and m.heads_scope == "all_heads")
        check("dialogue", p.dialogue_conferences_per_year, years,
              lambda m: m.kind == "conference" and m.conference_period == "dialogue")
        leaders = self.chairman_id | self.vice_chairman_ids
        for leader in leaders:
            check("field_heads", p.field_heads_meetings_per_quarter, quarters,
                  lambda m, leader=leader: m.kind == "working" and m.heads_scope in ("field_heads", "all_heads")
                  and m.chair_id == leader, leader)
        return gaps

    def action_check_meeting_schedule(self):
        """Post on the committee the required meetings not held this year so far."""
        labels = {
            "regular_session": self.env._("Regular session of the month (000 Đ26.1, 001 Đ22.1)"),
            "briefing": self.env._("Weekly briefing of the Chairman and Vice-Chairmen (001 Đ26.1, 000 Đ33)"),
            "unit_heads": self.env._("Weekly meeting of the Chairman with unit heads (001 Đ27.1)"),
            "all_heads": self.env._("Yearly meeting with all heads and commune chairs (000 Đ34.1)"),
            "field_heads": self.env._("Quarterly meeting with the heads of the field (000 Đ34.2)"),
            "dialogue": self.env._("Yearly dialogue conference (001 Đ4.3.l)"),
        }
        # It posts on the committee as the system: only the Office and the members of a committee they can read.
        self.check_access("read")
        user = self.env.user
        if not self.env.su and (
            not (user.has_group("ubnd_quyche.group_ubnd_office") or user.has_group("ubnd_quyche.group_ubnd_member"))
            or self.company_id - user.company_ids
        ):
            raise AccessError(self.env._("The Office and the members check the meetings held."))
        today = fields.Date.context_today(self)
        for committee in self:
            gaps = committee._schedule_gaps(date(today.year, 1, 1), today)
            if not gaps:
                body = self.env._("Every meeting the regulation requires so far this year was held.")
            else:
                rows = []
                for gap in gaps:
                    leader = self.env["res.users"].browse(gap["leader_id"]).name if gap["leader_id"] else ""
                    rows.append("%s %s: %s – %s (%s/%s)" % (
                        labels[gap["rule"]], leader, gap["period_start"].strftime("%d/%m/%Y"),
                        gap["period_end"].strftime("%d/%m/%Y"), gap["held"], gap["required"]))
                body = self.env._("Meetings the regulation requires that were not held:") + "\n" + "\n".join(rows)
            committee.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return True


def _periods(date_from, date_to, unit):
    """Whole calendar periods (week Monday–Sunday, month, quarter, year) that end by ``date_to``."""
    periods = []
    if unit == "week":
        start = date_from - timedelta(days=date_from.weekday())
        step = relativedelta(weeks=1)
    elif unit == "month":
        start = date_from.replace(day=1)
        step = relativedelta(months=1)
    elif unit == "quarter":
        start = date(date_from.year, 3 * ((date_from.month - 1) // 3) + 1, 1)
        step = relativedelta(months=3)
    else:
        start = date(date_from.year, 1, 1)
        step = relativedelta(years=1)
    while start <= date_to:
        end = start + step - timedelta(days=1)
        if end <= date_to:
            periods.append((start, end))
        start = start + step
    return periods
