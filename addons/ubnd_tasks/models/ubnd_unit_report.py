from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .ubnd_report_period import PERIOD_TYPES
from .ubnd_task import check_workflow_values

UNIT_REPORT_WORKFLOW_FIELDS = ("state", "approved_by_id", "sent_date", "sent_late", "published_date")

REPORT_TOPICS = [
    ("tasks", "Results of assigned tasks"),
    ("inspection", "Inspection of document enforcement"),
    ("legal_monitoring", "Monitoring of legal documents in the field"),
    ("regulation", "Implementation of the task-tracking regulation"),
]


class UbndUnitReport(models.Model):
    """A periodic report of a unit (or of the Office) on assigned tasks and their inspection.

    - Departments and communes report task results quarterly, six-monthly and annually to the Office
      through the reporting system (002 Đ19.1, Đ20.1 — communes also to the related departments);
      heads report to the Chairman and the Vice-Chairman in charge and explain the tasks that are late
      or of poor quality (000 Đ40.6).
    - Heads report annually on the monitoring of legal documents in their field (000 Đ40.6 ¶2) and
      quarterly on the inspection of document enforcement (000 Đ41.2).
    - The Office evaluates the units' task results quarterly, six-monthly and annually, submits the
      report to the committee and publishes it on the e-portal (002 Đ18.2); it reports on the
      task-tracking regulation every year on the profile's day (25/12, 002 Đ23.1).
    The unit head approves the report before it is sent.
    """

    _name = "ubnd.unit.report"
    _description = "Periodic report of a unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date desc, id desc"

    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Reporting unit", required=True, index=True)
    topic = fields.Selection(REPORT_TOPICS, required=True, default="tasks")
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="quarter")
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    period_number = fields.Integer("Quarter / month", default=1)
    date_from = fields.Date(compute="_compute_period", store=True)
    date_to = fields.Date("Cut-off", compute="_compute_period", store=True)
    due_date = fields.Date(compute="_compute_period", store=True, readonly=False)
    recipient_ids = fields.Many2many(
        "res.users", string="Leaders reported to", compute="_compute_recipients", store=True, readonly=False,
        help="000 Đ40.6 — the Chairman and the Vice-Chairman in charge of the unit's field or area.",
    )
    related_unit_ids = fields.Many2many(
        "hr.department", string="Also sent to",
        help="002 Đ20.1 — communes also send their report to the related departments.",
    )
    channel = fields.Char(
        compute="_compute_channel", store=True, readonly=False,
        help="002 Đ19.1, Đ20.1 — the city's reporting system.",
    )
    content = fields.Html()
    explanation = fields.Html(
        "Explanation of late or poor tasks",
        help="000 Đ40.6 — heads explain and review the tasks carried out late or below the required quality.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved by the head"), ("sent", "Sent"), ("published", "Published")],
        default="draft", required=True, tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    sent_date = fields.Date(readonly=True, tracking=True)
    sent_late = fields.Boolean(compute="_compute_sent_late", store=True)
    published_date = fields.Date(
        readonly=True, help="002 Đ18.2 — the Office's evaluation report is published on the e-portal.",
    )

    @api.depends("period_type", "year", "period_number", "topic", "committee_id.profile_id")
    def _compute_period(self):
        Period = self.env["ubnd.report.period"]
        for report in self:
            profile = report.committee_id.profile_id
            if not profile or report.period_type == "adhoc":
                report.date_from = report.date_to = False
                continue
            report.date_from, report.date_to = Period._bounds(profile, report.period_type, report.year, report.period_number)
            if report.topic == "regulation":
                report.due_date = fields.Date.to_date("%04d-%02d-%02d" % (
                    report.year, profile.task_regulation_report_month, profile.task_regulation_report_day))
            else:
                report.due_date = report.date_to

    @api.depends("unit_id", "committee_id")
    def _compute_recipients(self):
        for report in self:
            committee = report.committee_id
            leaders = committee.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman" and m._covers_area(report.unit_id)
            ).user_id
            report.recipient_ids = committee.chairman_id | leaders

    @api.depends("committee_id.profile_id.task_report_channel")
    def _compute_channel(self):
        for report in self:
            report.channel = report.committee_id.profile_id.task_report_channel

    @api.depends("sent_date", "due_date")
    def _compute_sent_late(self):
        for report in self:
            report.sent_late = bool(report.sent_date and report.due_date and report.sent_date > report.due_date)

    def _compute_display_name(self):
        topics = dict(self._fields["topic"]._description_selection(self.env))
        periods = dict(self._fields["period_type"]._description_selection(self.env))
        for report in self:
            report.display_name = "%s – %s – %s %s" % (
                report.unit_id.name, topics[report.topic], periods[report.period_type], report.year)

    @api.constrains("topic", "period_type")
    def _check_topic_period(self):
        for report in self:
            if report.topic == "legal_monitoring" and report.period_type not in ("year", "adhoc"):
                raise ValidationError(self.env._("The report on the monitoring of legal documents is annual (000 Đ40.6)."))
            if report.topic == "inspection" and report.period_type not in ("quarter", "adhoc"):
                raise ValidationError(self.env._(
                    "The report on the inspection of document enforcement is quarterly (000 Đ41.2)."
                ))
            if report.topic == "regulation" and report.period_type != "year":
                raise ValidationError(self.env._("The report on the task-tracking regulation is annual (002 Đ23.1)."))

    # ------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, UNIT_REPORT_WORKFLOW_FIELDS, creating=True)
                self.env["ubnd.task"]._check_linked_attachments(vals.get("attachment_ids"))
        reports = super().create(vals_list)
        reports._attach_files()
        return reports

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, UNIT_REPORT_WORKFLOW_FIELDS)
            self._check_draft()
            self.env["ubnd.task"]._check_linked_attachments(vals.get("attachment_ids"))
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_files()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._check_draft()

    def _check_draft(self):
        if not self.env.su and self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._(
                "A report approved by the head is part of the record and no longer changes; a correction is sent as "
                "a new report."
            ))

    def _attach_files(self):
        """The report's files follow the report's access rules."""
        for report in self:
            report.attachment_ids.sudo().filtered(lambda a: not a.res_id).write(
                {"res_model": report._name, "res_id": report.id})

    def _late_or_poor_tasks(self):
        """Tasks of the unit completed late, overdue or assessed below the direction in the period."""
        self.ensure_one()
        domain = [("lead_unit_id", "=", self.unit_id.id), ("committee_id", "=", self.committee_id.id)]
        if self.date_to:
            domain += [("assign_date", "<=", self.date_to)]
        return self.env["ubnd.task"].search(domain + [
            "|", "|", ("status", "in", ("overdue", "done_late")), ("quality", "=", "fails"), ("quality", "=", "partly"),
        ])

    def _is_head(self, user):
        self.ensure_one()
        unit = self.sudo().unit_id
        if unit.manager_id.user_id == user:
            return True
        subordinate = unit.ubnd_subordinate_committee_id
        return bool(subordinate and subordinate.chairman_id == user)

    def _is_unit_user(self, user):
        """Someone who works in the reporting unit or one of its sections, or acts for it."""
        self.ensure_one()
        unit = self.sudo().unit_id
        in_unit = self.env["hr.department"].sudo().search_count(
            [("id", "in", user.ubnd_unit_ids.ids), ("id", "child_of", unit.id)], limit=1)
        return bool(in_unit) or self.env["ubnd.task"]._unit_users_allowed(unit, user)

    def action_approve(self):
        """The head of the unit approves the report (000 Đ40.6; 004 Đ6.3 by analogy)."""
        for report in self:
            if not self.env.su and not report._is_head(self.env.user):
                raise AccessError(self.env._("Only the head of the reporting unit approves its report."))
            if report.state != "draft":
                raise UserError(self.env._("Only a draft report is approved."))
            if report.topic == "tasks" and report._late_or_poor_tasks() and not self.env["ubnd.task"]._html_has_text(report.explanation):
                raise UserError(self.env._(
                    "The unit has tasks that are late or below the required quality: explain them in the report "
                    "(000 Đ40.6)."
                ))
            report.sudo().write({"state": "approved", "approved_by_id": self.env.user.id})
        return True

    def action_send(self):
        for report in self:
            if not (self.env.su or report._is_head(self.env.user) or report._is_unit_user(self.env.user)):
                raise AccessError(self.env._("Only the reporting unit sends its report."))
            if report.state != "approved":
                raise UserError(self.env._("The head approves the report before it is sent."))
            report.sudo().write({"state": "sent", "sent_date": self.env["ubnd.task"]._today()})
            followers = report.recipient_ids.partner_id | report.committee_id.chief_of_office_id.partner_id
            report.sudo().message_subscribe(partner_ids=followers.ids)
            report.sudo().message_post(body=self.env._("Report sent."), subtype_xmlid="mail.mt_comment")
        return True

    def action_publish(self):
        """002 Đ18.2 — the Office publishes its evaluation report on the committee's e-portal."""
        for report in self:
            office = report.committee_id.office_unit_id
            if report.unit_id != office or report.topic != "tasks":
                raise UserError(self.env._("Only the Office's evaluation report on tasks is published (002 Đ18.2)."))
            if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office publishes its report."))
            if report.state != "sent":
                raise UserError(self.env._("The report is submitted to the committee before it is published."))
            report.sudo().write({"state": "published", "published_date": self.env["ubnd.task"]._today()})
        return True

    def action_attach_statistics(self):
        """Attach the statistics workbook of the report's period (Office evaluation reports)."""
        for report in self:
            if report.period_type == "adhoc":
                raise UserError(self.env._("Ad-hoc reports have no fixed period to compute."))
            wizard = self.env["ubnd.task.report.wizard"].create({
                "committee_id": report.committee_id.id,
                "period_type": report.period_type,
                "year": report.year,
                "quarter": str(report.period_number) if report.period_type == "quarter" else "1",
                "month": str(report.period_number) if report.period_type == "month" else "1",
            })
            content, _ext = self.env["ir.actions.report"]._render_xlsx(
                "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
            attachment = self.env["ir.attachment"].create({
                "name": "%s.xlsx" % wizard.file_name,
                "raw": content,
                "res_model": report._name,
                "res_id": report.id,
            })
            report.attachment_ids = [(4, attachment.id)]
        return True

    @api.model
    def _related_departments(self, unit):
        """002 Đ20.1 — a commune also reports to the departments it works with on assigned tasks: those that
        lead the tasks it coordinates and those that coordinate the tasks it leads."""
        if unit.ubnd_unit_kind != "commune":
            return self.env["hr.department"]
        tasks = self.env["ubnd.task"].sudo().search([
            "|", ("lead_unit_id", "=", unit.id), ("coordinating_unit_ids", "in", unit.ids),
            ("state", "in", ("in_progress", "reported", "done")),
        ])
        units = tasks.lead_unit_id | tasks.coordinating_unit_ids
        return units.filtered(lambda u: u.ubnd_unit_kind == "department")

    @api.model
    def action_generate_for_units(self, committee, topic, period_type, year, period_number=1, units=None):
        """The Office asks every department and commune for its periodic report (002 Đ18.4, Đ19.1, Đ20.1).
        ``committee`` and ``units`` are records or ids (as sent over RPC)."""
        if not isinstance(committee, models.BaseModel):
            committee = self.env["ubnd.committee"].browse(committee)
        if units is not None and not isinstance(units, models.BaseModel):
            units = self.env["hr.department"].browse(units)
        if not self.env.su and not (self.env.user.has_group("ubnd_quyche.group_ubnd_office")
                                    and committee.company_id in self.env.user.company_ids):
            raise AccessError(self.env._("The Office of the committee asks the units for their reports."))
        units = units or committee.unit_ids.filtered(lambda u: u.ubnd_unit_kind in ("department", "commune"))
        reports = self.create([{
            "committee_id": committee.id, "unit_id": unit.id, "topic": topic,
            "period_type": period_type, "year": year, "period_number": period_number,
            "related_unit_ids": [(6, 0, self._related_departments(unit).ids)],
        } for unit in units])
        for report in reports:
            for user in report.unit_id.ubnd_task_focal_user_id | report.unit_id.manager_id.user_id:
                report.activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", date_deadline=report.due_date,
                    summary=self.env._("Periodic report due"), user_id=user.id,
                )
        return reports
