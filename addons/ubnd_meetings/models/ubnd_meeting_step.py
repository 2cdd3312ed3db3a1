from odoo import api, fields, models

STEP_CODES = [
    ("documents", "Lead unit sends the session documents to the Office"),
    ("agenda", "Agenda, time and attendees decided by the Chairman and notified to members"),
    ("invitation", "Invitations and documents sent"),
    ("synthesis", "Synthesis report to the chair"),
    ("conclusion", "Conclusion notice issued"),
]
BEFORE = ("documents", "agenda", "invitation", "synthesis")


class UbndMeetingStep(models.Model):
    """One step of a meeting's preparation timeline: its deadline from the profile and the working-day
    engine, who must act, and whether it was done on time. The responsible person has the step as an
    activity in his to-do list."""

    _name = "ubnd.meeting.step"
    _description = "Meeting preparation step"
    _order = "deadline, id"

    meeting_id = fields.Many2one("ubnd.meeting", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    item_id = fields.Many2one("ubnd.meeting.item", string="Agenda item", ondelete="cascade", index=True)
    code = fields.Selection(STEP_CODES, required=True, string="Step")
    name = fields.Char(compute="_compute_name")
    article = fields.Char()
    deadline = fields.Date(help="Empty where the committee's regulation sets no period for the step (e.g. ward 001 "
                           "Đ23.2 'in advance', Đ25.7.b 'after each session'): the step stays to do, never late.")
    direction = fields.Selection([("before", "At the latest"), ("after", "Within"),
                                  ("unset", "Not set by the regulation")], compute="_compute_name")
    responsible_id = fields.Many2one("res.users", string="Must act")
    done_date = fields.Date(readonly=True)
    status = fields.Selection(
        [("pending", "To do"), ("overdue", "Late"), ("done", "Done on time"), ("done_late", "Done late")],
        compute="_compute_status",
    )
    late = fields.Boolean("Done late", readonly=True)
    reminded = fields.Boolean(readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    @api.depends("code", "item_id", "deadline")
    def _compute_name(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for step in self:
            label = labels.get(step.code, "")
            step.name = "%s: %s" % (label, step.item_id.name) if step.item_id else label
            step.direction = ("unset" if not step.deadline
                              else "before" if step.code in BEFORE else "after")

    @api.depends("deadline", "done_date")
    def _compute_status(self):
        today = fields.Date.context_today(self)
        for step in self:
            if step.done_date:
                step.status = "done_late" if step.deadline and step.done_date > step.deadline else "done"
            else:
                step.status = "overdue" if step.deadline and today > step.deadline else "pending"

    def _mark_done(self, day):
        for step in self:
            step.write({"done_date": day, "late": bool(step.deadline) and day > step.deadline})
            step._close_activity(self.env._("Done."))

    def _schedule_activity(self):
        for step in self.filtered(lambda s: s.responsible_id and not s.done_date):
            activity = step.meeting_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=step._activity_deadline(), summary=step.name,
                note=step.article, user_id=step.responsible_id.id,
            )
            step.activity_id = activity

    def _reschedule_activity(self):
        for step in self:
            if step.activity_id:
                step.activity_id.sudo().write({"date_deadline": step._activity_deadline(),
                                               "user_id": step.responsible_id.id})
            else:
                step._schedule_activity()

    def _activity_deadline(self):
        """The to-do is due on the step's deadline, or on the meeting's day where the regulation sets none."""
        self.ensure_one()
        return self.deadline or self.meeting_id.meeting_date

    def _close_activity(self, feedback):
        for step in self.filtered("activity_id"):
            step.activity_id.sudo().action_feedback(feedback=feedback)
