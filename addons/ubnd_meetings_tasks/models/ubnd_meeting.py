from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# A change of these on a regular session changes its task session.
SYNCED_FIELDS = {"name", "start", "kind", "committee_id"}


class UbndMeeting(models.Model):
    """A regular session carries its task session and the Office's task report on its agenda (002 Đ21,
    000 Đ40.3)."""

    _inherit = "ubnd.meeting"

    task_session_id = fields.Many2one("ubnd.task.session", compute="_compute_task_session_id",
                                      string="Task report")

    def _compute_task_session_id(self):
        Session = self.env["ubnd.task.session"].sudo()
        for meeting in self:
            session = Session.search([("meeting_id", "=", meeting.id)], limit=1) if meeting.id else Session
            meeting.task_session_id = session.with_env(self.env) if session.has_access("read") else False

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._sync_task_session()
        return meetings

    def write(self, vals):
        res = super().write(vals)
        if SYNCED_FIELDS & set(vals):
            self._sync_task_session()
        return res

    def _sync_task_session(self):
        """Each regular session that is not cancelled has one task session with its title and date. A task
        session the Office had already opened for that month (before the two were tied) becomes the session's,
        rather than a second one. The report's agenda item comes with the Office's first step on the report."""
        Session = self.env["ubnd.task.session"].sudo()
        for meeting in self.sudo().filtered(lambda m: m.kind == "regular" and m.state != "cancelled"
                                            and m.meeting_date):
            session = Session.search([("meeting_id", "=", meeting.id)], limit=1) or meeting._month_task_session()
            vals = {"name": meeting.name, "session_date": meeting.meeting_date, "committee_id": meeting.committee_id.id,
                    "meeting_id": meeting.id}
            if not session:
                # Logged in the committee's language (the chatter's "created" line would name the model).
                session = Session.with_context(mail_create_nolog=True).create(vals)
                lang = meeting.committee_id.chief_of_office_id.lang or self.env.lang
                session._message_log(body=meeting.with_context(lang=lang).env._(
                    "Opened with the regular session “%s”.", meeting.name))
            elif (session.name, session.session_date, session.committee_id, session.meeting_id) != (
                    meeting.name, meeting.meeting_date, meeting.committee_id, meeting):
                session.write(vals)
                # Units' to-dos follow the new update deadline (002 Đ21.1).
                session.activity_ids.filtered(lambda a: a.date_deadline != session.update_deadline).write(
                    {"date_deadline": session.update_deadline})

    def _month_task_session(self):
        """The committee's task session of this session's month not yet tied to a session."""
        self.ensure_one()
        first = self.meeting_date.replace(day=1)
        return self.env["ubnd.task.session"].sudo().search([
            ("committee_id", "=", self.committee_id.id), ("meeting_id", "=", False),
            ("session_date", ">=", first), ("session_date", "<", first + relativedelta(months=1)),
        ], order="session_date", limit=1)

    def _ensure_task_report_item(self, session):
        """The Office's report on the tasks is an item of every regular session (002 Đ21.2, 000 Đ40.3), put on
        the agenda with the session's task report whatever the agenda's state, presented by the Chief of Office."""
        self.ensure_one()
        Item = self.env["ubnd.meeting.item"].sudo()
        if not session or Item.search_count([("task_session_id", "=", session.id)]) or self.state == "closed":
            return
        office = self.committee_id.chief_of_office_id
        lang = office.lang or self.env.lang
        Item.create({
            "meeting_id": self.id, "task_session_id": session.id, "item_type": "task_report", "sequence": 900,
            "name": self.with_context(lang=lang).env._(
                "Report on the status and results of the tasks assigned by the committee and its Chairman"),
            "presenter_id": office.id,
        })

    @api.model
    def _demo_tie_task_sessions(self):
        """Demo: the task session the tasks demo opened becomes the one of the city's next regular session, whose
        agenda then carries the Office's task report with its workbook."""
        hp = self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)
        if not hp:
            return
        today = fields.Date.context_today(self)
        meeting = self.sudo().search([("committee_id", "=", hp.id), ("kind", "=", "regular"),
                                      ("meeting_date", ">=", today), ("state", "not in", ("closed", "cancelled"))],
                                     order="start", limit=1)
        session = self.env["ubnd.task.session"].sudo().search(
            [("committee_id", "=", hp.id), ("meeting_id", "=", False), ("session_date", ">=", today)],
            order="session_date", limit=1)
        if not meeting:
            return
        if session and not session.search_count([("meeting_id", "=", meeting.id)]):
            session.write({"meeting_id": meeting.id})
        meeting._sync_task_session()
        session = session.search([("meeting_id", "=", meeting.id)], limit=1)
        meeting._ensure_task_report_item(session)
        clerk = self.env.ref("ubnd_quyche.user_hp_office_clerk", raise_if_not_found=False)
        if session and clerk:
            session.with_user(clerk).with_context(lang=clerk.lang)._file_report_on_agenda()
