from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MONTHS = [(str(m), str(m)) for m in range(1, 13)]
QUARTERS = [("1", "I"), ("2", "II"), ("3", "III"), ("4", "IV")]


class UbndTaskReportWizard(models.TransientModel):
    """Choose the committee and the period of the task statistics workbook.

    Monthly (002 Đ10.2, Đ21.2), quarterly, six-month and annual (002 Đ18.2, 000 Đ50.3.b) reports
    use the cut-off dates of the committee's regulation profile.
    """

    _name = "ubnd.task.report.wizard"
    _description = "Task statistics report"

    committee_id = fields.Many2one(
        "ubnd.committee", required=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    period_type = fields.Selection(
        [("month", "Monthly"), ("quarter", "Quarterly"), ("half_year", "Six-month"), ("year", "Annual")],
        required=True, default="quarter",
    )
    # The period under way by default (the one whose data run up to today), which the user may change.
    year = fields.Integer(required=True, compute="_compute_current_period", store=True, readonly=False, precompute=True)
    month = fields.Selection(MONTHS, compute="_compute_current_period", store=True, readonly=False, precompute=True)
    quarter = fields.Selection(QUARTERS, compute="_compute_current_period", store=True, readonly=False, precompute=True)
    date_from = fields.Date(compute="_compute_bounds")
    date_to = fields.Date("Cut-off", compute="_compute_bounds")
    as_of = fields.Date(
        "Figures as of", compute="_compute_bounds",
        help="The earlier of today and the cut-off: a task is overdue when its deadline is before this day, so a "
        "period still under way counts as overdue only what is overdue today.",
    )
    file_name = fields.Char(compute="_compute_file_name")
    session_id = fields.Many2one("ubnd.task.session", string="Regular session")

    @api.depends("committee_id", "period_type")
    def _compute_current_period(self):
        today = self.env["ubnd.task"]._today()
        for wizard in self:
            year, number = wizard._current_period(today)
            wizard.year = year
            wizard.month = str(number if wizard.period_type == "month" else today.month)
            wizard.quarter = str(number if wizard.period_type == "quarter" else (today.month - 1) // 3 + 1)

    def _current_period(self, today):
        """(year, number) of the period of ``period_type`` under way on ``today`` by the profile's cut-offs,
        else the last one ended (the six-month report in the second half of the year)."""
        self.ensure_one()
        profile = self.committee_id.profile_id
        numbers = {"month": range(1, 13), "quarter": range(1, 5)}.get(self.period_type, [None])
        if not profile:
            return today.year, {"month": today.month, "quarter": (today.month - 1) // 3 + 1}.get(self.period_type)
        Period = self.env["ubnd.report.period"]
        periods = sorted(
            (Period._bounds(profile, self.period_type, year, number), year, number)
            for year in (today.year - 1, today.year, today.year + 1) for number in numbers
        )
        started = [(bounds, year, number) for bounds, year, number in periods if bounds[0] <= today]
        return started[-1][1:]

    @api.depends("committee_id", "period_type", "year", "month", "quarter")
    def _compute_bounds(self):
        Period = self.env["ubnd.report.period"]
        for wizard in self:
            profile = wizard.committee_id.profile_id
            if not profile or not wizard.year:
                wizard.date_from = wizard.date_to = wizard.as_of = False
                continue
            number = {"month": wizard.month, "quarter": wizard.quarter}.get(wizard.period_type)
            wizard.date_from, wizard.date_to = Period._bounds(profile, wizard.period_type, wizard.year, number)
            wizard.as_of = min(wizard.date_to, self.env["ubnd.task"]._today())

    def _period_label(self):
        self.ensure_one()
        if self.period_type == "month":
            return self.env._("MONTH %(month)s YEAR %(year)s", month=self.month, year=self.year)
        if self.period_type == "quarter":
            return self.env._("QUARTER %(quarter)s YEAR %(year)s",
                              quarter=dict(QUARTERS)[self.quarter], year=self.year)
        if self.period_type == "half_year":
            return self.env._("FIRST SIX MONTHS OF %s", self.year)
        return self.env._("YEAR %s", self.year)

    def _period_title(self):
        """The period as written in a file name: "Quarter IV 2026"."""
        self.ensure_one()
        if self.period_type == "month":
            return self.env._("Month %(month)s %(year)s", month=self.month, year=self.year)
        if self.period_type == "quarter":
            return self.env._("Quarter %(quarter)s %(year)s", quarter=dict(QUARTERS)[self.quarter], year=self.year)
        if self.period_type == "half_year":
            return self.env._("First six months %s", self.year)
        return self.env._("Year %s", self.year)

    @api.depends("period_type", "year", "month", "quarter")
    @api.depends_context("lang")
    def _compute_file_name(self):
        """The workbook's name in the user's language, e.g. "Báo cáo tình hình thực hiện nhiệm vụ - Quý IV năm
        2026" (the extension is added by the download)."""
        for wizard in self:
            wizard.file_name = self.env._(
                "Report on the implementation of assigned tasks - %s", wizard._period_title(),
            ) if wizard.period_type and wizard.year else False

    def _check_reader(self):
        """The committee-wide workbook (every unit's counts, the overdue tasks by name, the inspections) is for the
        Office and the leaders of that committee; a unit reads its own figures in the statistics view."""
        user = self.env.user
        for wizard in self:
            if self.env.su:
                continue
            if not (user.has_group("ubnd_quyche.group_ubnd_office") or user.has_group("ubnd_quyche.group_ubnd_member")) \
                    or wizard.committee_id.company_id not in user.company_ids:
                raise AccessError(self.env._(
                    "The statistics workbook of a committee is prepared for its Office and its leaders."
                ))

    def action_print(self):
        self.ensure_one()
        self._check_reader()
        if not self.date_to:
            raise UserError(self.env._("Choose the period."))
        return self.env.ref("ubnd_tasks.action_report_task_statistics_xlsx").report_action(self)
