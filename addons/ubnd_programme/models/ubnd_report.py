from datetime import date, timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    bind_attachments, business_fields, check_sane_dates, is_office, refuse_workflow_values, today, user_units,
)

# What sending records: never sent by a client.
WORKFLOW_FIELDS = {"state", "submitted_date", "submitted_by_id", "reminder_sent", "overdue_notified"}
# The reporting calendar, kept by the Office (000 Đ50.2.c).
CALENDAR_FIELDS = {"due_date", "unit_id", "obligation_id", "period_start", "period_end", "period_label",
                   "responsible_user_id"}
DATE_FIELDS = ("period_start", "period_end", "due_date")

TIMELINESS = [("pending", "Not yet due"), ("on_time", "On time"), ("late", "Sent late"), ("overdue", "Overdue")]


class UbndReport(models.Model):
    """One report due from one unit for one period: the reporting calendar (000 Đ50, 001 Đ34).

    The person responsible (the unit's head, or the obligation's person) is reminded before the due date
    (profile ``report_reminder_days``) and urged once it is overdue; the report is sent with its document
    (an ``ubnd.document`` or files) and its timeliness feeds the on-time statistics per unit.

    ``_get_period_figures`` is the hook that fills a report with the figures of its period: the programme
    evaluation and the reporting record here; the tasks addon adds its task statistics by extending it.
    """

    _name = "ubnd.report"
    _description = "Report due"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True)
    obligation_id = fields.Many2one("ubnd.report.obligation", required=True, index=True, ondelete="restrict")
    committee_id = fields.Many2one(related="obligation_id.committee_id", store=True, index=True)
    company_id = fields.Many2one(related="obligation_id.company_id", store=True, index=True)
    topic = fields.Selection(related="obligation_id.topic", store=True)
    frequency = fields.Selection(related="obligation_id.frequency", store=True)
    recipient = fields.Char(related="obligation_id.recipient")
    unit_id = fields.Many2one("hr.department", string="Unit", required=True, index=True, tracking=True,
                              domain="[('ubnd_committee_id', '=', committee_id)]")
    responsible_user_id = fields.Many2one(
        "res.users", string="Person responsible", compute="_compute_responsible", store=True, readonly=False,
        index=True, tracking=True,
    )
    period_start = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    period_end = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    period_label = fields.Char("Period", tracking=True)
    due_date = fields.Date(required=True, index=True, tracking=True)
    state = fields.Selection(
        [("pending", "To send"), ("submitted", "Sent"), ("cancelled", "Cancelled")],
        default="pending", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    submitted_date = fields.Date("Sent on", readonly=True, copy=False, tracking=True)
    submitted_by_id = fields.Many2one("res.users", string="Sent by", readonly=True, copy=False)
    document_id = fields.Many2one("ubnd.document", string="Report document", tracking=True, domain="[('committee_id', '=', committee_id)]")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    note = fields.Text(tracking=True)
    timeliness = fields.Selection(TIMELINESS, compute="_compute_timeliness", store=True, index=True)
    on_time_rate = fields.Float("On-time rate (%)", compute="_compute_timeliness", store=True, aggregator="avg",
                                help="100 for a report sent on time, 0 for one sent late or overdue; averaged per unit.")
    days_late = fields.Integer("Working days late", compute="_compute_timeliness", store=True, aggregator="sum")
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    overdue_notified = fields.Boolean(readonly=True, copy=False)
    figures_html = fields.Html("Figures of the period", compute="_compute_figures_html", sanitize=False)

    _unit_period_unique = models.Constraint(
        "UNIQUE(obligation_id, unit_id, period_start)", "This unit already has this report for the period.",
    )

    @api.depends("obligation_id.name", "unit_id.name", "period_label")
    def _compute_name(self):
        for report in self:
            report.name = " – ".join(filter(None, [report.obligation_id.name, report.period_label, report.unit_id.name]))

    @api.depends("obligation_id.responsible_user_id", "unit_id.manager_id.user_id")
    def _compute_responsible(self):
        for report in self:
            report.responsible_user_id = report.obligation_id.responsible_user_id or report.unit_id.manager_id.user_id

    @api.depends("state", "submitted_date", "due_date")
    def _compute_timeliness(self):
        now = today(self)
        workday = self.env["ubnd.workday"]
        for report in self:
            company = report.company_id or self.env.company
            if report.state == "submitted" and report.submitted_date:
                late = report.submitted_date > report.due_date
                report.timeliness = "late" if late else "on_time"
                report.on_time_rate = 0.0 if late else 100.0
                report.days_late = workday.count_working_days(report.due_date, report.submitted_date, company=company) if late else 0
            elif report.state == "pending" and report.due_date and now > report.due_date:
                report.timeliness = "overdue"
                report.on_time_rate = 0.0
                report.days_late = workday.count_working_days(report.due_date, now, company=company)
            else:
                report.timeliness = "pending"
                report.on_time_rate = 0.0
                report.days_late = 0

    # --- Figures hook -----------------------------------------------------------------------------------------
    @api.model
    def _get_period_figures(self, committee, date_from, date_to, unit=None):
        """The figures of a period, for a committee and optionally one unit, by section::

            {"programme": {"label": ..., "values": [(key, label, value), ...]},
             "reports": {"label": ..., "values": [...]}}

        ``programme`` is the 000 Đ25 / 001 Đ20 evaluation of the programme items due in the period (led by the
        unit); ``reports`` the unit's reports due in the period. The tasks addon extends this method (call
        ``super()`` and add a ``"tasks"`` section) so periodic reports carry the task statistics too.
        """
        Item = self.env["ubnd.programme.item"].sudo()
        domain = [("committee_id", "=", committee.id), ("submission_deadline", ">=", date_from),
                  ("submission_deadline", "<=", date_to)]
        if unit:
            domain.append(("lead_unit_id", "=", unit.id))
        items = Item.search(domain)
        reports = self.sudo().search([
            ("committee_id", "=", committee.id), ("due_date", ">=", date_from), ("due_date", "<=", date_to),
            ("state", "!=", "cancelled")] + ([("unit_id", "=", unit.id)] if unit else []))
        labels = {
            "programme": self.env._("Work programme items due in the period"),
            "reports": self.env._("Reports due in the period"),
            "items": self.env._("Items"), "done": self.env._("Done"), "done_late": self.env._("Done late"),
            "on_track": self.env._("On time"), "late": self.env._("Late"), "dropped": self.env._("Dropped"),
            "total_reports": self.env._("Reports"), "sent_late": self.env._("Sent late"),
            "overdue": self.env._("Overdue"),
        }

        def count(records, field, value):
            return len(records.filtered(lambda r: r[field] == value))
        done_late = len(items.filtered(lambda i: i.status == "done" and i.done_late))
        return {
            "programme": {"label": labels["programme"], "values": [
                ("total", labels["items"], len(items)),
                ("done", labels["done"], count(items, "status", "done")),
                ("done_late", labels["done_late"], done_late),
                ("on_track", labels["on_track"], count(items, "status", "on_track")),
                ("late", labels["late"], count(items, "status", "late")),
                ("dropped", labels["dropped"], count(items, "status", "dropped")),
            ]},
            "reports": {"label": labels["reports"], "values": [
                ("total", labels["total_reports"], len(reports)),
                ("on_time", labels["on_track"], count(reports, "timeliness", "on_time")),
                ("late", labels["sent_late"], count(reports, "timeliness", "late")),
                ("overdue", labels["overdue"], count(reports, "timeliness", "overdue")),
            ]},
        }

    @api.depends("committee_id", "unit_id", "period_start", "period_end")
    def _compute_figures_html(self):
        for report in self:
            if not (report.committee_id and report.period_start and report.period_end):
                report.figures_html = False
                continue
            unit = report.unit_id if report.unit_id.ubnd_unit_kind != "office" else None
            figures = self._get_period_figures(report.committee_id, report.period_start, report.period_end, unit=unit)
            html = Markup("")
            for section in figures.values():
                rows = Markup("").join(
                    Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (escape(label), value)
                    for _key, label, value in section["values"])
                html += Markup("<h6 class='mt-2'>%s</h6><table class='table table-sm o_ubnd_figures'>%s</table>") % (
                    escape(section["label"]), rows)
            report.figures_html = html

    # --- Sending -------------------------------------------------------------------------------------------------
    def _check_may_send(self):
        for report in self:
            if is_office(self.env) or self.env.user == report.responsible_user_id:
                continue
            if report.unit_id in user_units(self.env):
                continue
            raise AccessError(self.env._("A unit sends its own reports."))

    def action_submit(self):
        """Send the report with its document (000 Đ50.3.b; 001 Đ34.1, Đ34.3). A unit's programme review states the
        reason of every late item (000 Đ22.2, Đ25.1; 001 Đ20.1)."""
        self._check_may_send()
        for report in self:
            if report.state != "pending":
                raise UserError(self.env._("This report has already been sent or cancelled."))
            if not (report.sudo().document_id or report.sudo().attachment_ids):
                raise ValidationError(self.env._("Attach the report: its document or its files."))
            if report.topic == "programme_review":
                unexplained = self.env["ubnd.programme.item"].sudo().search([
                    ("committee_id", "=", report.committee_id.id), ("lead_unit_id", "=", report.unit_id.id),
                    ("status", "=", "late"), ("submission_deadline", "<=", report.period_end),
                    ("delay_reason", "=", False),
                ])
                if unexplained:
                    raise ValidationError(self.env._(
                        "Explain why these programme items are late before sending the review: %(items)s "
                        "(000 Đ22.2, 001 Đ20.1).", items=", ".join(unexplained.mapped("name"))))
            report.sudo().write({"state": "submitted", "submitted_date": today(self),
                                 "submitted_by_id": self.env.user.id})
            report.sudo().activity_ids.action_done()
            partners = report.obligation_id.recipient_partner_ids | report.committee_id._office_users().partner_id
            report.message_post(body=self.env._("Report sent: %(name)s.", name=report.name),
                                partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")
        return True

    def action_cancel(self):
        """The Office takes a report off the calendar; a report that was sent stays as sent."""
        if not is_office(self.env):
            raise AccessError(self.env._("The Office manages the reporting calendar (000 Đ50.2.c)."))
        if self.filtered(lambda r: r.state == "submitted"):
            raise UserError(self.env._("A report that was sent stays on the record as sent; it is not cancelled."))
        self.sudo().write({"state": "cancelled"})
        return True

    def action_reset(self):
        """The Office puts a cancelled report back on the calendar. A sent report is never unsent: a correction
        is a new report."""
        if not is_office(self.env):
            raise AccessError(self.env._("The Office manages the reporting calendar (000 Đ50.2.c)."))
        if self.filtered(lambda r: r.state != "cancelled"):
            raise UserError(self.env._("Only a cancelled report goes back to the calendar; a sent report stays sent."))
        self.sudo().write({"state": "pending"})
        return True

    @api.constrains("period_start", "period_end")
    def _check_period(self):
        for report in self:
            if report.period_end < report.period_start:
                raise ValidationError(self.env._("A report's period cannot end before it starts."))

    @api.constrains("document_id", "unit_id", "obligation_id")
    def _check_same_committee(self):
        """A report carries its own committee's document and unit, never another committee's."""
        for report in self.sudo():
            if (report.document_id and report.document_id.committee_id != report.committee_id) or (
                report.unit_id.ubnd_committee_id and report.unit_id.ubnd_committee_id != report.committee_id
            ):
                raise ValidationError(self.env._("The report's document and unit belong to its own committee."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._("A report is sent with its button."))
        for vals in vals_list:
            check_sane_dates(self, vals, DATE_FIELDS)
        reports = super().create(vals_list)
        bind_attachments(reports, "attachment_ids")
        return reports

    def write(self, vals):
        fields_written = business_fields(vals)
        # A sent report is final, even for the server (its timeliness is computed, not written).
        if fields_written and self.filtered(lambda r: r.state == "submitted"):
            raise UserError(self.env._("A report that was sent never changes: send a new report to correct it."))
        check_sane_dates(self, vals, DATE_FIELDS)
        if not self.env.su:
            if WORKFLOW_FIELDS & fields_written:
                raise AccessError(self.env._("A report is sent with its button."))
            if not is_office(self.env) and CALENDAR_FIELDS & fields_written:
                raise AccessError(self.env._("The Office manages the reporting calendar (000 Đ50.2.c)."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        return res

    def unlink(self):
        if self.filtered(lambda r: r.state == "submitted"):
            raise UserError(self.env._("A report that was sent stays on the record."))
        return super().unlink()

    # --- Crons -------------------------------------------------------------------------------------------------
    @api.model
    def _cron_reporting_calendar(self):
        """Daily: fill the calendar, remind before the due date, mark and urge overdue reports."""
        now = today(self)
        Obligation = self.env["ubnd.report.obligation"]
        for obligation in Obligation.search([("frequency", "in", ("weekly", "monthly", "quarterly", "half_yearly", "annual"))]):
            obligation._generate(date(now.year, 1, 1), date(now.year, 12, 31))
        for obligation in Obligation.search([("frequency", "=", "daily")]):
            obligation._generate(now, now + timedelta(days=7))
        self._cron_refresh_timeliness()
        self._send_reminders()
        self._urge_overdue()

    @api.model
    def _cron_refresh_timeliness(self):
        reports = self.search([("state", "=", "pending"), ("due_date", "<", today(self)), ("timeliness", "!=", "overdue")])
        if reports:
            for name in ("timeliness", "on_time_rate", "days_late"):
                self.env.add_to_compute(self._fields[name], reports)
            reports.flush_recordset(["timeliness", "on_time_rate", "days_late"])
        return reports

    @api.model
    def _send_reminders(self):
        """A to-do for the person responsible, the profile's number of working days before the due date."""
        now = today(self)
        workday = self.env["ubnd.workday"]
        reminded = self.browse()
        for report in self.search([("state", "=", "pending"), ("reminder_sent", "=", False), ("due_date", ">=", now)]):
            profile = report.committee_id.profile_id
            horizon = workday.add_working_days(now, profile.report_reminder_days, company=report.company_id)
            if report.due_date > horizon:
                continue
            user = report.responsible_user_id or report.committee_id.chief_of_office_id
            if user:
                report.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=user.id, date_deadline=report.due_date,
                    summary=self.env._("Send the report: %(name)s", name=report.name),
                    note=self.env._("Due on %(date)s to %(recipient)s.", date=report.due_date.strftime("%d/%m/%Y"),
                                    recipient=report.recipient or "—"),
                )
            report.reminder_sent = True
            reminded |= report
        return reminded

    @api.model
    def _urge_overdue(self):
        """An overdue report: the Office is asked to urge the unit (000 Đ50.2.c)."""
        urged = self.browse()
        for report in self.search([("state", "=", "pending"), ("timeliness", "=", "overdue"),
                                   ("overdue_notified", "=", False)]):
            office = report.committee_id.chief_of_office_id or report.committee_id._office_users()[:1]
            if office:
                report.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=office.id, date_deadline=today(self),
                    summary=self.env._("Urge the overdue report: %(name)s", name=report.name))
            report.message_post(
                body=self.env._("The report was due on %(date)s and has not been sent.",
                                date=report.due_date.strftime("%d/%m/%Y")),
                partner_ids=report.responsible_user_id.partner_id.ids, subtype_xmlid="mail.mt_comment")
            report.overdue_notified = True
            urged |= report
        return urged
