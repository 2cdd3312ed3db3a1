from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .common import MAX_YEAR, MIN_YEAR, clamp_day, today
from .ubnd_programme import MONTHS_PER_QUARTER
from odoo.addons.ubnd_quyche.models.ubnd_regulation_profile import WEEKDAYS

FREQUENCIES = [
    ("daily", "Daily"),
    ("weekly", "Weekly"),
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "Six-monthly"),
    ("annual", "Annual"),
    ("thematic", "Thematic"),
    ("ad_hoc", "Ad hoc"),
]
PERIODIC = ("daily", "weekly", "monthly", "quarterly", "half_yearly", "annual")
TOPICS = [
    ("work", "Work, management and operations (000 Đ50.3.b)"),
    ("programme_review", "Review of the unit's programme items (000 Đ25.1, 001 Đ20.1)"),
    ("programme_report", "Programme implementation, by the Office (000 Đ25.2, 001 Đ20.2)"),
    ("direction", "Direction and operations of the committee (000 Đ50.1.b, 001 Đ34.3)"),
    ("plan", "Plan implementation (000 Đ50.4)"),
    ("security", "Defence, security and public order (000 Đ50.5)"),
    ("press", "Press review (000 Đ50.2.e)"),
    ("inspection", "Inspection, citizen reception and complaints (000 Đ47.3)"),
    ("field", "A Vice-Chairman's fields (001 Đ5.6)"),
    ("other", "Other"),
]
UNIT_SCOPES = [
    ("units", "The units listed"),
    ("departments", "Every department"),
    ("communes", "Every lower-level committee"),
    ("departments_communes", "Every department and lower-level committee"),
]


class UbndReportObligation(models.Model):
    """A report the regime requires (chế độ báo cáo): who sends what, to whom, how often, and by when.

    Due dates come from the committee's profile (000 Đ50.3.b): quarterly reports by ``report_quarter_day`` of the
    quarter's last month, six-monthly by ``report_half_year_day``/``report_half_year_month`` (20/6), annual by
    ``report_annual_day``/``report_annual_month`` (20/12), monthly by ``report_month_day`` (A12: the text gives
    none). An obligation may set its own day (a superior body's rule, 001 Đ34.1). Daily reports run on every day,
    holidays and Tết included (000 Đ50.5); thematic and ad hoc reports are added one by one with their due date.
    """

    _name = "ubnd.report.obligation"
    _description = "Report obligation"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    topic = fields.Selection(TOPICS, required=True, default="work", tracking=True)
    frequency = fields.Selection(FREQUENCIES, required=True, default="quarterly", tracking=True)
    legal_basis = fields.Char("Legal basis", help="The article that requires the report, e.g. 000 Đ50.3.b.")
    unit_scope = fields.Selection(UNIT_SCOPES, "Units responsible", required=True, default="units")
    unit_ids = fields.Many2many("hr.department", string="Units", domain="[('ubnd_committee_id', '=', committee_id)]")
    responsible_user_id = fields.Many2one(
        "res.users", string="Person responsible",
        help="Leave empty for the head of each unit; set it for a report made by one person (e.g. the Chief of "
        "Office, 000 Đ50.1.b, 001 Đ34.3).",
    )
    recipient = fields.Char(help="Who receives the report, e.g. the Office, the Chairman, the higher-level committee.")
    recipient_partner_ids = fields.Many2many("res.partner", string="Notify on sending")
    due_day = fields.Integer(
        "Own due day", help="Day of the month set by the body that asks for the report; 0 = the profile's day.",
    )
    due_weekday = fields.Selection(WEEKDAYS, "Due weekday", help="For a weekly report.")
    include_days_off = fields.Boolean(
        "Also on days off", default=True,
        help="000 Đ50.5 — daily reports on defence, security and order are sent every day, holidays and Tết included.",
    )
    note = fields.Text()
    report_ids = fields.One2many("ubnd.report", "obligation_id", string="Reports")
    report_count = fields.Integer(compute="_compute_report_count")

    @api.depends("report_ids")
    def _compute_report_count(self):
        for obligation in self:
            obligation.report_count = len(obligation.report_ids)

    @api.constrains("frequency", "due_weekday", "due_day", "unit_scope", "unit_ids")
    def _check_settings(self):
        for obligation in self:
            if obligation.frequency == "weekly" and not obligation.due_weekday:
                raise ValidationError(self.env._("A weekly report needs its due weekday."))
            if obligation.due_day and not 1 <= obligation.due_day <= 31:
                raise ValidationError(self.env._("A day of the month must be between 1 and 31."))
            if obligation.unit_scope == "units" and not obligation.unit_ids:
                raise ValidationError(self.env._("List the units that send the report."))

    # --- Units and periods ------------------------------------------------------------------------------------
    def _units(self):
        self.ensure_one()
        if self.unit_scope == "units":
            return self.unit_ids
        kinds = {"departments": ("department",), "communes": ("commune",),
                 "departments_communes": ("department", "commune")}[self.unit_scope]
        return self.committee_id.sudo().unit_ids.filtered(lambda u: u.ubnd_unit_kind in kinds)

    def _due_date(self, year, month, day):
        """The due date, moved back to a working day when the profile says so (never for daily reports)."""
        self.ensure_one()
        due = clamp_day(year, month, day)
        profile, company = self.committee_id.profile_id, self.committee_id.company_id
        if profile.report_roll_back and self.frequency != "daily":
            due = self.env["ubnd.workday"].roll_back_to_working_day(due, company=company)
        return due

    def _periods(self, date_from, date_to):
        """[(period_start, period_end, label, due_date)] of the periods starting between the two dates."""
        self.ensure_one()
        if self.frequency not in PERIODIC:
            return []
        profile = self.committee_id.profile_id
        company = self.committee_id.company_id
        workday = self.env["ubnd.workday"]
        periods = []
        if self.frequency == "daily":
            day = date_from
            while day <= date_to:
                if self.include_days_off or workday.is_working_day(day, company=company):
                    periods.append((day, day, day.strftime("%d/%m/%Y"), day))
                day += timedelta(days=1)
            return periods
        if self.frequency == "weekly":
            monday = date_from - timedelta(days=date_from.weekday())
            if monday < date_from:
                monday += timedelta(days=7)
            while monday <= date_to:
                sunday = monday + timedelta(days=6)
                due = monday + timedelta(days=int(self.due_weekday))
                if profile.report_roll_back:
                    due = workday.roll_back_to_working_day(due, company=company)
                label = "%s–%s" % (monday.strftime("%d/%m"), sunday.strftime("%d/%m/%Y"))
                periods.append((monday, sunday, label, due))
                monday += timedelta(days=7)
            return periods
        for year in range(date_from.year, date_to.year + 1):
            if self.frequency == "monthly":
                for month in range(1, 13):
                    start = date(year, month, 1)
                    due = self._due_date(year, month, self.due_day or profile.report_month_day)
                    periods.append((start, clamp_day(year, month, 31), "%02d/%s" % (month, year), due))
            elif self.frequency == "quarterly":
                for quarter in range(1, 5):
                    last = quarter * MONTHS_PER_QUARTER
                    start = date(year, last - MONTHS_PER_QUARTER + 1, 1)
                    due = self._due_date(year, last, self.due_day or profile.report_quarter_day)
                    periods.append((start, clamp_day(year, last, 31), "Q%s/%s" % (quarter, year), due))
            elif self.frequency == "half_yearly":
                month = profile.report_half_year_month
                due = self._due_date(year, month, self.due_day or profile.report_half_year_day)
                periods.append((date(year, 1, 1), clamp_day(year, month, 31), "6T/%s" % year, due))
            elif self.frequency == "annual":
                due = self._due_date(year, profile.report_annual_month, self.due_day or profile.report_annual_day)
                periods.append((date(year, 1, 1), date(year, 12, 31), str(year), due))
        return [p for p in periods if date_from <= p[0] <= date_to]

    def _generate(self, date_from, date_to):
        """Create the reports of the periods starting between the two dates, one per responsible unit
        (idempotent)."""
        Report = self.env["ubnd.report"].sudo()
        created = Report.browse()
        for obligation in self:
            units = obligation._units()
            existing = {(r.unit_id.id, r.period_start) for r in Report.search([
                ("obligation_id", "=", obligation.id), ("period_start", ">=", date_from), ("period_start", "<=", date_to)])}
            vals_list = []
            for start, end, label, due in obligation._periods(date_from, date_to):
                for unit in units:
                    if (unit.id, start) in existing:
                        continue
                    vals_list.append({
                        "obligation_id": obligation.id, "unit_id": unit.id, "period_start": start,
                        "period_end": end, "period_label": label, "due_date": due,
                    })
            created |= Report.create(vals_list)
        return created

    def action_generate_year(self, year=None):
        """Create the reports of ``year`` (by default this year): the reporting calendar of the year.

        The year is an argument, not a context key: it chooses which calendar to fill and grants nothing;
        creating the reports checks the caller's rights as usual, and absurd years are refused."""
        year = year or today(self).year
        if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
            raise UserError(self.env._("Choose a year between %(min)s and %(max)s.", min=MIN_YEAR, max=MAX_YEAR))
        for obligation in self:
            if obligation.frequency == "daily":
                start = max(date(year, 1, 1), today(self))
                obligation._generate(start, min(date(year, 12, 31), start + timedelta(days=30)))
            else:
                obligation._generate(date(year, 1, 1), date(year, 12, 31))
        return True

    def action_open_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "ubnd.report",
            "view_mode": "list,calendar,form,pivot,graph",
            "domain": [("obligation_id", "=", self.id)],
            "context": {"default_obligation_id": self.id},
        }
