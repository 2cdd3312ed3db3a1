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
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    month = fields.Selection(MONTHS, default=lambda self: str(fields.Date.today().month))
    quarter = fields.Selection(QUARTERS, default="1")
    date_from = fields.Date(compute="_compute_bounds")
    date_to = fields.Date("Cut-off", compute="_compute_bounds")
    session_id = fields.Many2one("ubnd.task.session", string="Regular session")

    @api.depends("committee_id", "period_type", "year", "month", "quarter")
    def _compute_bounds(self):
        Period = self.env["ubnd.report.period"]
        for wizard in self:
            profile = wizard.committee_id.profile_id
            if not profile or not wizard.year:
                wizard.date_from = wizard.date_to = False
                continue
            number = {"month": wizard.month, "quarter": wizard.quarter}.get(wizard.period_type)
            wizard.date_from, wizard.date_to = Period._bounds(profile, wizard.period_type, wizard.year, number)

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

    def _file_name(self):
        self.ensure_one()
        return "bao-cao-nhiem-vu-%s-%s.xlsx" % (self.period_type, self.date_to)

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
