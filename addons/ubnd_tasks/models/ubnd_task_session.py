from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_workflow_values


class UbndTaskSession(models.Model):
    """A regular (monthly) session of the committee as task tracking sees it (002 Đ21).

    Units review and update all their task results on the System at least the profile's working days
    before the session (002 Đ21.1); at the session the Office reports the status and results of the
    tasks (002 Đ21.2, 000 Đ40.3), and at the session closing a quarter also the inspection of document
    enforcement (000 Đ41.3). The session date comes from the Office (the seed fixes none, catalogue
    A-7); tasks do not depend on the meetings addon.
    """

    _name = "ubnd.task.session"
    _description = "Regular session (task reporting)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "session_date desc"

    name = fields.Char(required=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    session_date = fields.Date(required=True)
    update_deadline = fields.Date(
        compute="_compute_update_deadline", store=True,
        help="002 Đ21.1 — every unit has reviewed and updated its task results by this day.",
    )
    quarter_end = fields.Boolean(
        compute="_compute_update_deadline", store=True,
        help="000 Đ41.3 — the session at the end of a quarter also hears the inspection of document enforcement.",
    )
    line_ids = fields.One2many("ubnd.task.session.unit", "session_id", string="Units")
    state = fields.Selection([("draft", "Draft"), ("open", "Units notified"), ("reported", "Reported")],
                             default="draft", required=True, tracking=True)

    @api.depends("session_date", "committee_id.profile_id.pre_session_update_days")
    def _compute_update_deadline(self):
        for session in self:
            profile = session.committee_id.profile_id
            session.update_deadline = (
                profile.compute_advance_deadline(session.session_date, "pre_session_update_days", session.company_id)
                if session.session_date and profile else False
            )
            session.quarter_end = bool(session.session_date and session.session_date.month % 3 == 0)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, ("state",), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, ("state",))
        return super().write(vals)

    def action_notify_units(self):
        """The Office asks every unit with open tasks to update them before the deadline."""
        for session in self:
            if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office prepares the session report."))
            groups = self.env["ubnd.task"]._read_group(
                [("committee_id", "=", session.committee_id.id), ("state", "in", ("in_progress", "reported"))],
                ["lead_unit_id"],
            )
            existing = session.line_ids.unit_id
            for (unit,) in groups:
                if unit in existing:
                    continue
                self.env["ubnd.task.session.unit"].create({"session_id": session.id, "unit_id": unit.id})
                for user in unit.ubnd_task_focal_user_id | unit.manager_id.user_id:
                    session.activity_schedule(
                        "ubnd_tasks.mail_activity_task_action", date_deadline=session.update_deadline,
                        summary=self.env._("Update all task results before the session (%s)", unit.name),
                        user_id=user.id,
                    )
            session.sudo().state = "open"
        return True

    def action_print_monthly_report(self):
        """The Office's report at the monthly session (002 Đ21.2): the statistics of the session's month."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("The Office prepares the session report."))
        wizard = self.env["ubnd.task.report.wizard"].create({
            "committee_id": self.committee_id.id,
            "period_type": "month",
            "year": self.session_date.year,
            "month": str(self.session_date.month),
            "session_id": self.id,
        })
        self.sudo().state = "reported"
        return wizard.action_print()


class UbndTaskSessionUnit(models.Model):
    """A unit's confirmation that all its task results are up to date before the session."""

    _name = "ubnd.task.session.unit"
    _description = "Unit update before a session"
    _order = "unit_id"

    session_id = fields.Many2one("ubnd.task.session", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    unit_id = fields.Many2one("hr.department", required=True)
    update_deadline = fields.Date(related="session_id.update_deadline")
    confirmed_date = fields.Date("Updated on", readonly=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    on_time = fields.Boolean(compute="_compute_on_time", store=True)

    _session_unit_unique = models.Constraint("UNIQUE(session_id, unit_id)", "The unit is already listed.")

    @api.depends("confirmed_date", "update_deadline")
    def _compute_on_time(self):
        for line in self:
            line.on_time = bool(line.confirmed_date and line.update_deadline and line.confirmed_date <= line.update_deadline)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, ("confirmed_date", "confirmed_by_id", "on_time"), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_workflow_values(self, vals, ("confirmed_date", "confirmed_by_id", "on_time"))
        return super().write(vals)

    def action_confirm_updated(self):
        """The unit states that all its task results are up to date (002 Đ21.1)."""
        Task = self.env["ubnd.task"]
        for line in self:
            if not self.env.su and not Task._unit_users_allowed(line.unit_id, self.env.user):
                raise AccessError(self.env._("Only the unit confirms its own update."))
            if line.confirmed_date:
                raise UserError(self.env._("Already confirmed."))
            line.sudo().write({"confirmed_date": Task._today(), "confirmed_by_id": self.env.user.id})
        return True
