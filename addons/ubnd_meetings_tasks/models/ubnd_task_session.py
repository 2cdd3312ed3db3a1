from odoo import fields, models
from odoo.exceptions import UserError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What the regular session decides for its task session: the date and the title are entered once, on the session.
SESSION_FIELDS = {"name", "session_date", "committee_id", "meeting_id"}


class UbndTaskSession(models.Model):
    """The task side of the committee's regular session, tied to the session itself (002 Đ21, 000 Đ40.3).

    A regular session (``ubnd.meeting`` of kind 'regular') has exactly one task session: its title and date
    are the session's, so the Office enters the date once (on the session) and units' update deadline
    (002 Đ21.1) follows when the Chairman moves the session. The Office's report on the tasks (002 Đ21.2,
    000 Đ40.3) is an item of the session's agenda; the monthly workbook printed from the task session is
    filed as that item's session document.
    """

    _inherit = "ubnd.task.session"

    meeting_id = fields.Many2one(
        "ubnd.meeting", string="Session", index=True, readonly=True, copy=False, ondelete="set null",
        help="The committee's regular session: its date is this one, and the Office's task report is an item of "
        "its agenda (002 Đ21.2, 000 Đ40.3).",
    )
    agenda_item_id = fields.Many2one("ubnd.meeting.item", string="Agenda item", compute="_compute_agenda_item_id")

    _meeting_unique = models.Constraint("UNIQUE(meeting_id)", "A session has one task report.")

    def _compute_agenda_item_id(self):
        Item = self.env["ubnd.meeting.item"].sudo()
        for session in self:
            item = Item.search([("task_session_id", "=", session.id)], limit=1) if session.id else Item
            session.agenda_item_id = item.with_env(self.env) if item.has_access("read") else False

    def write(self, vals):
        if not self.env.su and SESSION_FIELDS & set(vals) and self.filtered("meeting_id"):
            raise UserError(self.env._(
                "The date and title of this task report come from its session: change them on the session."))
        return super().write(vals)

    def action_open_meeting(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": "ubnd.meeting", "res_id": self.meeting_id.id,
                "view_mode": "form", "views": [(False, "form")]}

    def action_notify_units(self):
        """Preparing the report puts it on the session's agenda (002 Đ21.2)."""
        res = super().action_notify_units()
        self._put_on_agenda()
        return res

    def action_print_monthly_report(self):
        """The monthly workbook also becomes the agenda item's session document (002 Đ21.2)."""
        action = super().action_print_monthly_report()
        self._put_on_agenda()
        self._file_report_on_agenda()
        return action

    def _put_on_agenda(self):
        for session in self.sudo().filtered("meeting_id"):
            session.meeting_id._ensure_task_report_item(session)

    def _file_report_on_agenda(self):
        self.ensure_one()
        item = self.env["ubnd.meeting.item"].sudo().search([("task_session_id", "=", self.id)], limit=1)
        if not item or item.meeting_id.state in ("closed", "cancelled"):
            return
        wizard = self.env["ubnd.task.report.wizard"].create({
            "committee_id": self.committee_id.id, "period_type": "month", "year": self.session_date.year,
            "month": str(self.session_date.month), "session_id": self.id,
        })
        content, _ext = self.env["ir.actions.report"]._render_xlsx(
            "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, None)
        name = "%s.xlsx" % wizard.file_name.removesuffix(".xlsx") if wizard.file_name else "bao_cao_nhiem_vu.xlsx"
        previous = item.attachment_ids.filtered(lambda a: a.name == name)
        attachment = self.env["ir.attachment"].sudo().create({
            "name": name, "raw": content, "mimetype": XLSX, "res_model": "ubnd.meeting.item", "res_id": item.id,
        })
        item.write({"attachment_ids": [fields.Command.unlink(a.id) for a in previous]
                    + [fields.Command.link(attachment.id)]})
        item.message_post(body=self.env._("Task report workbook filed by %s.", self.env.user.name))
