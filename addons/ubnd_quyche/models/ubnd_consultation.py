from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import is_privileged, privileged

# Written by the consultation's own steps only.
CONSULTATION_WORKFLOW_FIELDS = frozenset({"state", "date_sent"})
LINE_WORKFLOW_FIELDS = frozenset({"state", "reply_date", "late"})
# What the consulted unit writes as its answer, while the consultation waits for it.
LINE_REPLY_FIELDS = frozenset({"reply", "opinion", "attachment_ids"})


class UbndConsultation(models.Model):
    """A written inter-agency consultation (000 Đ12.3; 001 Đ21.2).

    The requester states the content and a reply deadline between the profile's minimum and
    maximum number of working days after sending, unless the work is urgent, important or complex
    (recorded). A consulted unit that does not reply by the deadline, or replies late, is deemed to
    agree; the requester reports non-responders to the Chairman.

    A ward (001 Đ21.2 ¶2) has neither rule: the requester sets the deadline, and a late or missing
    reply stays what it is. The profile's ``consultation_window`` and ``consultation_deemed_agreement``
    say which regime applies.
    """

    _name = "ubnd.consultation"
    _description = "Inter-agency consultation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_sent desc, id desc"

    name = fields.Char("Subject", required=True, tracking=True)
    committee_id = fields.Many2one("ubnd.committee", required=True, index=True, ondelete="restrict",
                                   default=lambda self: self.env["ubnd.committee"]._for_company())
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    requesting_unit_id = fields.Many2one("hr.department", string="Requesting unit", required=True)
    submission_id = fields.Many2one("ubnd.submission", string="Dossier", index=True)
    content = fields.Html(required=True)
    exception_reason = fields.Char(
        "Urgent, important or complex",
        help="000 Đ12.3.a: outside the usual reply window only for urgent, important or complex work; say why.",
    )
    consultation_window = fields.Boolean(related="committee_id.profile_id.consultation_window")
    date_sent = fields.Date(readonly=True, copy=False, tracking=True)
    deadline = fields.Date("Reply deadline", tracking=True)
    line_ids = fields.One2many("ubnd.consultation.line", "consultation_id", string="Consulted units")
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("closed", "Closed")],
        default="draft", required=True, readonly=True, tracking=True, copy=False,
    )
    non_responder_count = fields.Integer(compute="_compute_counts")
    reply_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.state")
    def _compute_counts(self):
        for consultation in self:
            consultation.reply_count = len(consultation.line_ids.filtered(lambda l: l.state == "replied"))
            consultation.non_responder_count = len(consultation.line_ids.filtered(lambda l: l.state == "deemed_agreed"))

    # --- What a client may write ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_workflow"):
            for vals in vals_list:
                for fname in CONSULTATION_WORKFLOW_FIELDS:
                    vals.pop(fname, None)
        return super().create(vals_list)

    def write(self, vals):
        if not is_privileged(self, "ubnd_workflow"):
            if CONSULTATION_WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._("A consultation is sent and closed only through its actions."))
            if self.filtered(lambda c: c.state != "draft") and set(vals) - {"message_main_attachment_id"}:
                raise UserError(self.env._(
                    "A consultation that was sent is not changed: the units answer what they received (000 Đ12.3)."
                ))
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("A consultation that was sent stays on record."))
        return super().unlink()

    def _reply_window(self, on_date):
        self.ensure_one()
        profile, workday = self.committee_id.profile_id, self.env["ubnd.workday"]
        earliest = workday.add_working_days(on_date, profile.consultation_reply_min_days, company=self.company_id)
        latest = workday.add_working_days(on_date, profile.consultation_reply_max_days, company=self.company_id)
        return earliest, latest

    def action_send(self):
        """Send to the consulted units with a checked reply deadline (000 Đ12.3.a; 001 Đ21.2 ¶2)."""
        today = fields.Date.context_today(self)
        for consultation in self:
            if consultation.state != "draft":
                raise UserError(self.env._("This consultation has already been sent."))
            if not consultation.line_ids:
                raise UserError(self.env._("Name at least one unit to consult."))
            deadline = consultation._checked_deadline(today)
            privileged(consultation, "ubnd_workflow").write({"state": "sent", "date_sent": today, "deadline": deadline})
            for line in consultation.line_ids:
                head = line.unit_id.manager_id.user_id
                if head:
                    consultation.activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline, user_id=head.id,
                                                   summary=self.env._("Reply to the consultation"))
        return True

    def _checked_deadline(self, today):
        """The reply deadline to send with: within the regulation's window (000 Đ12.3.a), or the one the
        requester set where the regulation leaves it to him (001 Đ21.2 ¶2)."""
        self.ensure_one()
        if not self.committee_id.profile_id.consultation_window:
            if not self.deadline:
                raise UserError(self.env._("Set the reply deadline: the working regulation leaves it to the requester."))
            if self.deadline <= today:
                raise ValidationError(self.env._("The reply deadline must fall after the day the consultation is sent."))
            return self.deadline
        earliest, latest = self._reply_window(today)
        deadline = self.deadline or latest
        if not (earliest <= deadline <= latest) and not self.exception_reason:
            raise ValidationError(self.env._(
                "The reply deadline must fall between %(earliest)s and %(latest)s (000 Đ12.3.a), "
                "unless the work is urgent, important or complex: say why.",
                earliest=earliest.strftime("%d/%m/%Y"), latest=latest.strftime("%d/%m/%Y"),
            ))
        return deadline

    @api.model
    def _cron_deem_agreement(self):
        """000 Đ12.3.b: past the deadline, silence is agreement; non-responders are reported to the Chairman.
        Where the regulation has no such rule (001 Đ21.2 ¶2) the missing replies stay missing."""
        today = fields.Date.context_today(self)
        late_lines = self.env["ubnd.consultation.line"].search([
            ("state", "=", "waiting"), ("consultation_id.state", "=", "sent"), ("consultation_id.deadline", "<", today),
            ("consultation_id.committee_id.profile_id.consultation_deemed_agreement", "=", True),
        ])
        privileged(late_lines, "ubnd_workflow").write({"state": "deemed_agreed"})
        for consultation in late_lines.consultation_id:
            consultation._report_non_responders(late_lines.filtered(lambda l: l.consultation_id == consultation))
        return len(late_lines)

    def _report_non_responders(self, lines):
        self.ensure_one()
        chairman = self.committee_id.chairman_id
        self.message_post(
            body=self.env._("Deemed to agree (no reply by %(date)s): %(units)s.",
                            date=self.deadline.strftime("%d/%m/%Y"), units=", ".join(lines.unit_id.mapped("name"))),
            partner_ids=chairman.partner_id.ids,
        )


class UbndConsultationLine(models.Model):
    """One consulted unit's answer (000 Đ12.3.b; 001 Đ21.2)."""

    _name = "ubnd.consultation.line"
    _description = "Consulted unit"

    consultation_id = fields.Many2one("ubnd.consultation", required=True, ondelete="cascade", index=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True)
    state = fields.Selection(
        [("waiting", "Waiting"), ("replied", "Replied"), ("deemed_agreed", "Deemed to agree")],
        default="waiting", required=True, readonly=True,
    )
    opinion = fields.Selection([("agree", "Agrees"), ("disagree", "Has other views")])
    reply = fields.Text()
    reply_date = fields.Date(readonly=True)
    late = fields.Boolean(readonly=True, help="Replied after the deadline; counts as agreement where the regulation says so (000 Đ12.3.b).")
    attachment_ids = fields.Many2many("ir.attachment", string="Reply document")

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not is_privileged(self, "ubnd_workflow"):
            if lines.consultation_id.filtered(lambda c: c.state != "draft"):
                raise UserError(self.env._("Units are consulted before the consultation is sent."))
            lines._bind_reply_files()
        return lines

    def write(self, vals):
        if not is_privileged(self, "ubnd_workflow"):
            if LINE_WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._("A reply is recorded only through “Reply”."))
            if set(vals) - LINE_REPLY_FIELDS and self.consultation_id.filtered(lambda c: c.state != "draft"):
                raise UserError(self.env._("The units consulted are fixed once the consultation is sent."))
            if LINE_REPLY_FIELDS & set(vals):
                self._check_may_reply()
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._bind_reply_files()
        return res

    def unlink(self):
        if not self.env.su and self.consultation_id.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("A consulted unit stays on record once the consultation is sent."))
        return super().unlink()

    def _check_may_reply(self):
        """Only the consulted unit answers for itself, and only while its answer is awaited."""
        if is_privileged(self, "ubnd_workflow"):
            return
        units = self.env.user.employee_ids.department_id
        for line in self:
            if line.consultation_id.state == "draft":
                continue
            if line.state != "waiting":
                raise UserError(self.env._("This unit has already answered: its reply stays as given."))
            if line.unit_id not in units:
                raise AccessError(self.env._("Only %(unit)s answers for itself.", unit=line.unit_id.name))

    def _bind_reply_files(self):
        """A reply's files belong to the reply, so they follow its access."""
        for line in self:
            loose = line.sudo().attachment_ids.filtered(lambda a: not a.res_id)
            loose.write({"res_model": self._name, "res_id": line.id})

    def action_reply(self):
        """The unit answers in writing; an answer after the deadline counts as agreement where the regulation
        says so (000 Đ12.3.b), otherwise it keeps its opinion and is marked late (001 Đ21.2 ¶2)."""
        today = fields.Date.context_today(self)
        self._check_may_reply()
        for line in self:
            if line.consultation_id.state != "sent" or line.state != "waiting":
                raise UserError(self.env._("This consultation is not waiting for this unit's reply."))
            if not (line.reply or line.attachment_ids):
                raise UserError(self.env._("Write the reply or attach the reply document."))
            late = today > line.consultation_id.deadline
            deemed = late and line.consultation_id.committee_id.profile_id.consultation_deemed_agreement
            privileged(line, "ubnd_workflow").write({
                "state": "deemed_agreed" if deemed else "replied",
                "reply_date": today,
                "late": late,
                "opinion": "agree" if deemed else line.opinion or "agree",
            })
        return True
