from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ubnd_task import check_workflow_values

WEEKLY_WORKFLOW_FIELDS = ("state", "sent_date", "sent_late", "due_date")


class UbndTaskWeeklyReport(models.Model):
    """The lead unit's weekly report to the committee, through the Office (002 Đ6.1.d).

    Every Thursday (the profile's weekday) the lead unit reports the coordinating units that are slow
    to give their opinion or fail to act, the submissions to the committee that are overdue without a
    decision, and the urgent items the Party, the People's Council or the committee asked for. The
    cron prepares a draft on that weekday with the coordinating units that gave no input on an open
    task since it was entered or since the previous report; the lead unit reviews it and sends it.
    When the weekday is a day off, the report is due on the next working day (a design choice: the
    seed is silent).
    """

    _name = "ubnd.task.weekly.report"
    _description = "Weekly report on slow coordinating units"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "week_date desc, id desc"

    committee_id = fields.Many2one("ubnd.committee", required=True, index=True)
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Lead unit", required=True, index=True)
    week_date = fields.Date("Report day", required=True, help="The profile's weekday of the week reported on.")
    due_date = fields.Date(compute="_compute_due_date", store=True)
    line_ids = fields.One2many("ubnd.task.weekly.report.line", "report_id", string="Slow coordinating units")
    overdue_submissions = fields.Text(
        help="002 Đ6.1.d — documents submitted to the committee that are overdue under its working regulation "
        "but still have no decision.",
    )
    urgent_items = fields.Text(
        help="002 Đ6.1.d — work to be handled at once on the request of the Party committee, the People's Council "
        "or the committee.",
    )
    state = fields.Selection([("draft", "Draft"), ("sent", "Sent to the Office")], default="draft", required=True, tracking=True)
    sent_date = fields.Date(readonly=True, tracking=True)
    sent_late = fields.Boolean(compute="_compute_due_date", store=True)

    _unit_week_unique = models.Constraint("UNIQUE(unit_id, week_date)", "The lead unit already has a report for this week.")

    @api.depends("week_date", "sent_date", "committee_id")
    def _compute_due_date(self):
        Workday = self.env["ubnd.workday"]
        for report in self:
            report.due_date = report.week_date and Workday.working_day_on_or_after(report.week_date, report.company_id)
            report.sent_late = bool(report.sent_date and report.due_date and report.sent_date > report.due_date)

    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._("%(unit)s – week of %(day)s", unit=report.unit_id.name,
                                             day=report.week_date and report.week_date.strftime("%d/%m/%Y"))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, WEEKLY_WORKFLOW_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, WEEKLY_WORKFLOW_FIELDS)
            self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._check_draft()

    def _check_draft(self):
        if not self.env.su and self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("A weekly report sent to the Office is part of the record and no longer changes (002 Đ6.1.d)."))

    @api.model
    def _report_day_of_week(self, profile, day):
        """The report weekday (002 Đ6.1.d: Thursday) of the week (Monday–Sunday) containing ``day``."""
        weekday = int(profile.slow_coordination_report_weekday or 3)
        monday = day - timedelta(days=day.weekday())
        return monday + timedelta(days=weekday)

    @api.model
    def _slow_lines(self, unit, since):
        """Coordinating units without any input on an open task the unit leads since ``since``."""
        lines = []
        tasks = self.env["ubnd.task"].search([
            ("lead_unit_id", "=", unit.id), ("state", "in", ("in_progress", "reported")),
            ("coordinating_unit_ids", "!=", False),
        ])
        inputs = self.env["ubnd.task.update"].search([
            ("task_id", "in", tasks.ids), ("kind", "=", "contribution"),
        ])
        for task in tasks:
            start = max(filter(None, [task.assign_date, since])) if (task.assign_date or since) else False
            for coordinator in task.coordinating_unit_ids:
                given = inputs.filtered(
                    lambda u: u.task_id == task and u.unit_id == coordinator and (not start or u.entry_date >= start)
                )
                if not given:
                    last = inputs.filtered(lambda u: u.task_id == task and u.unit_id == coordinator)[:1]
                    lines.append({"task_id": task.id, "unit_id": coordinator.id, "last_input_date": last.entry_date})
        return lines

    @api.model
    def _prepare_for(self, unit, week_date):
        previous = self.search([("unit_id", "=", unit.id), ("week_date", "<", week_date)], limit=1)
        lines = self._slow_lines(unit, previous.week_date)
        if not lines:
            return self.browse()
        report = self.create({
            "committee_id": unit.ubnd_committee_id.id,
            "unit_id": unit.id,
            "week_date": week_date,
            "line_ids": [(0, 0, vals) for vals in lines],
        })
        users = unit.ubnd_task_focal_user_id | unit.manager_id.user_id
        for user in users:
            report.activity_schedule(
                "ubnd_tasks.mail_activity_task_action", date_deadline=report.due_date,
                summary=self.env._("Weekly report on slow coordinating units"), user_id=user.id,
            )
        return report

    @api.model
    def _cron_prepare_weekly_reports(self, today=None):
        """On the profile's weekday, prepare each lead unit's draft report (002 Đ6.1.d)."""
        today = today or self.env["ubnd.task"]._today()
        reports = self.browse()
        for committee in self.env["ubnd.committee"].search([]):
            profile = committee.profile_id
            if self._report_day_of_week(profile, today) != today:
                continue
            units = self.env["ubnd.task"]._read_group(
                [("committee_id", "=", committee.id), ("state", "in", ("in_progress", "reported")),
                 ("coordinating_unit_ids", "!=", False)],
                ["lead_unit_id"],
            )
            for (unit,) in units:
                if not self.search_count([("unit_id", "=", unit.id), ("week_date", "=", today)]):
                    reports |= self._prepare_for(unit, today)
        return reports

    def action_send(self):
        """The lead unit sends the report to the Office, which compiles it for the Chairman."""
        for report in self:
            task_model = self.env["ubnd.task"]
            if not self.env.su and not task_model._unit_users_allowed(report.unit_id, self.env.user):
                raise AccessError(self.env._("Only the lead unit sends its weekly report (002 Đ6.1.d)."))
            if report.state != "draft":
                raise UserError(self.env._("This report was already sent."))
            report.sudo().write({"state": "sent", "sent_date": task_model._today()})
            report.sudo().activity_feedback(["ubnd_tasks.mail_activity_task_action"])
            chief = report.committee_id.chief_of_office_id
            if chief:
                report.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", date_deadline=task_model._today(),
                    summary=self.env._("Compile the weekly reports for the Chairman"), user_id=chief.id,
                )
        return True


class UbndTaskWeeklyReportLine(models.Model):
    _name = "ubnd.task.weekly.report.line"
    _description = "Slow coordinating unit"

    report_id = fields.Many2one("ubnd.task.weekly.report", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    task_id = fields.Many2one("ubnd.task", required=True)
    unit_id = fields.Many2one("hr.department", string="Coordinating unit", required=True)
    last_input_date = fields.Date("Last input")
    note = fields.Text("Effect on progress")

    @api.constrains("task_id", "unit_id", "report_id")
    def _check_task_of_the_unit(self):
        """A line names a task the report's unit leads and one of that task's coordinating units."""
        for line in self:
            task = line.task_id.sudo()
            if task.lead_unit_id != line.report_id.unit_id or line.unit_id not in task.coordinating_unit_ids:
                raise ValidationError(self.env._(
                    "A line of the weekly report names a task the unit leads and one of its coordinating units "
                    "(002 Đ6.1.d)."
                ))

    # The lines follow their report: its record rules (below in the security file) and its state.
    @api.model_create_multi
    def create(self, vals_list):
        self.env["ubnd.task.weekly.report"].browse(
            {vals["report_id"] for vals in vals_list if vals.get("report_id")})._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        reports = self.report_id
        if vals.get("report_id"):
            reports |= reports.browse(vals["report_id"])
        reports._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_draft_report(self):
        self.report_id._check_draft()
