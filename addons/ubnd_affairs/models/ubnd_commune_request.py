from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged, privileged
from odoo.addons.ubnd_quyche.tools.guards import bind_attachments, check_committee_kept, check_sane_dates, refuse_workflow_values

# Written by the request's own steps only.
WORKFLOW_FIELDS = frozenset({
    "state", "deadline", "is_late", "reply_date", "replied_by_id", "answered_late",
    "escalated_date", "escalated_by_id", "escalated_to_id",
})
# What the agency writes as its answer while the request waits for it, and the head's explanation of a delay.
REPLY_FIELDS = frozenset({"reply_text", "reply_document_id"})
EXPLANATION_FIELDS = frozenset({"delay_explanation"})
DATE_FIELDS = ("date_received", "urgent_deadline", "session_date")


class UbndCommuneRequest(models.Model):
    """A request from a commune council or committee to a department of the city (000 Đ13), or a department's
    consultation of a commune's chair, answered within the same limits (Đ13.6).

    The department answers within the profile's days from receipt: 07, or 15 when other agencies must be
    consulted, earlier when the commune asks so for an urgent matter (Đ13.1; "ngày", calendar days). A chair
    asking to work with the department's head sends his documents at least 03 working days ahead (Đ13.4).
    A request left unanswered past its deadline is marked late; the commune chair may then report it to the
    Chairman or the Vice-Chairman in charge, and the department's head answers for the delay (Đ13.1).
    """

    _name = "ubnd.commune.request"
    _description = "Commune request to a department"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"

    name = fields.Char("Subject", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    commune_id = fields.Many2one(
        "hr.department", string="Commune", required=True, tracking=True,
        domain="[('ubnd_committee_id', '=', committee_id), ('ubnd_unit_kind', '=', 'commune')]",
    )
    requesting_body = fields.Selection(
        [("council", "People's Council (HĐND)"), ("committee", "People's Committee (UBND)")],
        string="Requesting body", required=True, default="committee", tracking=True,
    )
    agency_id = fields.Many2one(
        "hr.department", string="Department asked", required=True, tracking=True,
        domain="[('ubnd_committee_id', '=', committee_id), ('ubnd_unit_kind', 'in', ('department', 'office'))]",
    )
    agency_head_id = fields.Many2one(related="agency_id.manager_id.user_id", string="Head of the department")
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True)
    direction = fields.Selection(
        [("to_agency", "A commune asks a department"), ("to_commune", "A department consults the commune's chair")],
        required=True, default="to_agency", tracking=True,
        help="000 Đ13.6 — when a department consults a commune's chair, the chair answers within the same limits.",
    )
    kind = fields.Selection(
        [("written", "Written request"), ("working_session", "Request to work with the department's head")],
        required=True, default="written", tracking=True,
    )
    incoming_reference = fields.Char("Number and symbol of the request", tracking=True)
    date_received = fields.Date(
        "Received on", required=True, default=fields.Date.context_today, tracking=True,
        help="000 Đ13.1 — the reply period runs from the day the department receives the written request.",
    )
    needs_consultation = fields.Boolean(
        "Other agencies must be consulted", tracking=True,
        help="000 Đ13.1 — the reply period is then the profile's longer one (15 days).",
    )
    urgent = fields.Boolean(
        "Urgent", tracking=True,
        help="000 Đ13.1 — an urgent, pressing request is answered earlier, by the date the commune asks.",
    )
    urgent_deadline = fields.Date("Reply asked by", tracking=True)
    session_date = fields.Date(
        "Proposed working day", tracking=True,
        help="000 Đ13.4 — the documents reach the department at least 03 working days before.",
    )
    content = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Request and documents")
    state = fields.Selection(
        [("waiting", "Awaiting reply"), ("answered", "Answered")],
        default="waiting", required=True, readonly=True, tracking=True, copy=False,
    )
    deadline = fields.Date("Reply deadline", readonly=True, copy=False, tracking=True)
    is_late = fields.Boolean("Late", readonly=True, copy=False, tracking=True,
                             help="Unanswered past its deadline (000 Đ13.1).")
    reply_text = fields.Text("Reply")
    reply_document_id = fields.Many2one(
        "ubnd.document", string="Reply document", domain="[('committee_id', '=', committee_id)]",
    )
    reply_date = fields.Date("Answered on", readonly=True, copy=False, tracking=True)
    replied_by_id = fields.Many2one("res.users", string="Answered by", readonly=True, copy=False)
    answered_late = fields.Boolean(readonly=True, copy=False, tracking=True)
    escalated_date = fields.Date("Reported to the leader on", readonly=True, copy=False, tracking=True)
    escalated_by_id = fields.Many2one("res.users", string="Reported by", readonly=True, copy=False)
    escalated_to_id = fields.Many2one("res.users", string="Reported to", readonly=True, copy=False, tracking=True)
    delay_explanation = fields.Text(
        "Head's explanation of the delay", tracking=True,
        help="000 Đ13.1 — the department's head answers for the late reply.",
    )

    user_may_register = fields.Boolean(compute="_compute_user_may")
    user_may_reply = fields.Boolean(compute="_compute_user_may")
    user_may_report = fields.Boolean(compute="_compute_user_may")
    user_may_explain = fields.Boolean(compute="_compute_user_may")

    @api.depends_context("uid")
    @api.depends("agency_id", "commune_id")
    def _compute_user_may(self):
        """What the form offers the current user; the actions check the same on the server."""
        office = self._is_office()
        units = self.env.user.employee_ids.department_id
        for request in self:
            request.user_may_register = office
            request.user_may_reply = office or request._answering_unit() in units
            request.user_may_report = request.direction == "to_agency" and (
                office or request.commune_id.manager_id.user_id == self.env.user)
            request.user_may_explain = office or request.agency_head_id == self.env.user

    # --- What a client may write ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sane_dates(self, vals, DATE_FIELDS)
        self = refuse_workflow_values(
            self, vals_list, WORKFLOW_FIELDS,
            self.env._("A request's deadline, reply and escalation are recorded only through its actions."),
        )
        requests = super().create(vals_list)
        bind_attachments(requests, "attachment_ids")
        for request in requests:
            privileged(request, "ubnd_workflow").write({"deadline": request._compute_reply_deadline()})
        return requests

    def write(self, vals):
        check_sane_dates(self, vals, DATE_FIELDS)
        if not is_privileged(self, "ubnd_workflow"):
            check_committee_kept(self, vals)
            if WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._(
                    "A request's deadline, reply and escalation are recorded only through its actions."
                ))
            changed = set(vals) - {"message_main_attachment_id"}
            if changed & EXPLANATION_FIELDS:
                self._check_may_explain()
            if self.filtered(lambda r: r.state != "waiting") and changed - EXPLANATION_FIELDS:
                raise UserError(self.env._("An answered request stays as it was answered."))
            if changed - REPLY_FIELDS - EXPLANATION_FIELDS and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("Only the Office changes how a request was registered."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        if set(vals) & {"date_received", "needs_consultation", "urgent", "urgent_deadline", "kind", "session_date", "direction"}:
            for request in self:
                privileged(request, "ubnd_workflow").write({"deadline": request._compute_reply_deadline()})
        return res

    def unlink(self):
        if not self.env.su and self.filtered(lambda r: r.state != "waiting" or r.escalated_date):
            raise UserError(self.env._("An answered or reported request stays in the register."))
        return super().unlink()

    # --- Deadlines --------------------------------------------------------------------------------
    def _compute_reply_deadline(self):
        """000 Đ13.1: 07 days from receipt, 15 when other agencies are consulted, or earlier as the commune asks
        for an urgent matter; a working-session request is answered by the proposed day (Đ13.4)."""
        self.ensure_one()
        profile = self.committee_id.profile_id
        if self.kind == "working_session":
            self._check_session_notice()
            return self.session_date
        field_name = "commune_request_consulted_reply_days" if self.needs_consultation else "commune_request_reply_days"
        deadline = profile.compute_deadline(self.date_received, field_name, company=self.company_id)
        if self.urgent:
            if not self.urgent_deadline:
                raise ValidationError(self.env._("An urgent request says by which day the commune asks for the reply."))
            if not self.date_received <= self.urgent_deadline <= deadline:
                raise ValidationError(self.env._(
                    "An urgent request is answered earlier than the usual deadline (%(deadline)s), not later "
                    "(000 Đ13.1).", deadline=deadline.strftime("%d/%m/%Y"),
                ))
            return self.urgent_deadline
        return deadline

    @api.constrains("direction", "kind")
    def _check_direction(self):
        for request in self:
            if request.direction == "to_commune" and request.kind != "written":
                raise ValidationError(self.env._(
                    "A department consults a commune's chair in writing (000 Đ13.6); working sessions are asked by "
                    "the commune (000 Đ13.4)."))

    def _check_session_notice(self):
        """000 Đ13.4: the chair's documents reach the department at least 03 working days before the working day."""
        self.ensure_one()
        if not self.session_date:
            raise ValidationError(self.env._("A request to work with the department's head gives the proposed day."))
        latest = self.committee_id.profile_id.compute_advance_deadline(
            self.session_date, "commune_work_request_days", company=self.company_id)
        if self.date_received > latest:
            raise ValidationError(self.env._(
                "The documents must reach the department at least %(days)s working days before the working day: "
                "by %(latest)s for %(day)s (000 Đ13.4).",
                days=self.committee_id.profile_id.commune_work_request_days,
                latest=latest.strftime("%d/%m/%Y"), day=self.session_date.strftime("%d/%m/%Y"),
            ))

    # --- Who acts ---------------------------------------------------------------------------------
    def _is_office(self):
        return self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")

    def _answering_unit(self):
        """The department asked (000 Đ13.1), or the commune whose chair a department consults (000 Đ13.6)."""
        self.ensure_one()
        return self.commune_id if self.direction == "to_commune" else self.agency_id

    def _check_may_reply(self):
        """The unit asked answers (its staff, for its head), or the Office records the answer it sent."""
        if self._is_office():
            return
        units = self.env.user.employee_ids.department_id
        for request in self:
            if request._answering_unit() not in units:
                raise AccessError(self.env._("Only %(unit)s answers this request.", unit=request._answering_unit().name))

    def _check_may_explain(self):
        """000 Đ13.1: the department's head answers for the delay."""
        if self._is_office():
            return
        for request in self:
            if request.agency_head_id != self.env.user:
                raise AccessError(self.env._("Only the head of %(unit)s explains the delay.", unit=request.agency_id.name))

    def _check_may_report(self):
        """000 Đ13.1: the commune's chair reports the late answer; the Office records the report he sent."""
        if self._is_office():
            return
        for request in self:
            if request.commune_id.manager_id.user_id != self.env.user:
                raise AccessError(self.env._("Only the chair of %(commune)s, or the Office for him, reports this delay.",
                                             commune=request.commune_id.name))

    # --- Actions ----------------------------------------------------------------------------------
    def action_reply(self):
        """Record the department's answer (a document or a text); an answer after the deadline stays marked late."""
        self._check_may_reply()
        today = self.env["ubnd.workday"].today()
        for request in self:
            if request.state != "waiting":
                raise UserError(self.env._("This request has already been answered."))
            if not (request.reply_text or request.reply_document_id):
                raise UserError(self.env._("Write the reply or choose the reply document."))
            late = today > request.deadline
            privileged(request, "ubnd_workflow").write({
                "state": "answered", "reply_date": today, "replied_by_id": self.env.uid,
                "answered_late": late, "is_late": late,
            })
            request.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _leader_in_charge(self):
        """The Vice-Chairman following the department (or its field), else the Chairman (000 Đ13.1)."""
        self.ensure_one()
        for member in self.committee_id.member_ids.filtered(lambda m: m.role == "vice_chairman" and m.active):
            if member._covers_area(self.agency_id) or member._covers_field(self.field_id):
                return member.user_id
        return self.committee_id.chairman_id

    def action_report_chairman(self):
        """000 Đ13.1: a request unanswered past its deadline is reported to the Chairman (or the Vice-Chairman in
        charge); the department's head is asked to explain the delay."""
        self._check_may_report()
        today = self.env["ubnd.workday"].today()
        for request in self:
            if request.direction != "to_agency":
                raise UserError(self.env._(
                    "Only a commune's request left unanswered by a department is reported to the Chairman (000 Đ13.1)."))
            if request.state != "waiting" or today <= request.deadline:
                raise UserError(self.env._(
                    "Only a request still unanswered after its deadline is reported to the Chairman (000 Đ13.1)."
                ))
            if request.escalated_date:
                raise UserError(self.env._("This delay has already been reported."))
            leader = request._leader_in_charge()
            privileged(request, "ubnd_workflow").write({
                "escalated_date": today, "escalated_by_id": self.env.uid, "escalated_to_id": leader.id, "is_late": True,
            })
            head = request.agency_head_id
            request.message_post(
                body=self.env._(
                    "Reported to %(leader)s: %(agency)s has not answered the request of %(commune)s due on %(date)s "
                    "(000 Đ13.1). The head of the department answers for the delay.",
                    leader=leader.name, agency=request.agency_id.name, commune=request.commune_id.name,
                    date=request.deadline.strftime("%d/%m/%Y"),
                ),
                partner_ids=(leader | head).partner_id.ids,
            )
            if leader:
                request.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=today, user_id=leader.id,
                    summary=self.env._("Late answer to a commune reported"),
                )
            if head:
                request.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=today, user_id=head.id,
                    summary=self.env._("Explain the late answer to the commune"),
                )
        return True

    @api.model
    def _cron_mark_late(self):
        """Mark the requests unanswered past their deadline and tell the department's head and the commune's chair."""
        self = self.with_context(lang=self.env["ubnd.committee"]._print_lang())  # stored chatter text is Vietnamese
        today = self.env["ubnd.workday"].today()
        late = self.search([("state", "=", "waiting"), ("is_late", "=", False), ("deadline", "<", today)])
        privileged(late, "ubnd_workflow").write({"is_late": True})
        for request in late:
            answering_head = request._answering_unit().manager_id.user_id
            recipients = request.agency_head_id | request.commune_id.manager_id.user_id
            if request.direction == "to_agency":
                body = self.env._(
                    "The reply was due on %(date)s and has not been recorded. The commune's chair may report it to "
                    "the Chairman (000 Đ13.1).", date=request.deadline.strftime("%d/%m/%Y"))
                summary = self.env._("Answer the commune's request (late)")
            else:
                body = self.env._("The commune's reply was due on %(date)s and has not been recorded (000 Đ13.6).",
                                  date=request.deadline.strftime("%d/%m/%Y"))
                summary = self.env._("Answer the department's consultation (late)")
            request.message_post(body=body, partner_ids=recipients.partner_id.ids)
            if answering_head:
                request.activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=today, user_id=answering_head.id, summary=summary,
                )
        return len(late)
