from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged, privileged
from odoo.addons.ubnd_quyche.tools.guards import bind_attachments, check_committee_kept, check_sane_dates, refuse_workflow_values

WORKFLOW_FIELDS = frozenset({"state", "activated_date", "ended_date", "end_reason", "last_review_date",
                             "review_due", "expiry_warned"})
# What the act fixes once it is in force; a change is a new act (000 Đ2.5: adjusting is recorded, not rewritten).
FIXED_WHEN_ACTIVE = frozenset({"kind", "grantor", "recipient_unit_id", "recipient_user_id", "scope", "legal_basis",
                               "date_start", "date_end", "act_document_id", "act_reference", "committee_id",
                               "field_ids"})
DATE_FIELDS = ("date_start", "date_end", "next_review_date")


class UbndDecentralisation(models.Model):
    """What the committee or its Chairman has decentralised (phân cấp) or authorised (ủy quyền).

    - Decentralisation (000 Đ6.3.d): to a department, a commune committee or its chair, or a public service
      unit, for continuous, regular performance; no end date is required.
    - Authorisation (000 Đ6.3.đ): from the Chairman to the head of a department, public service unit or a
      commune chair, for a defined period: both dates are required.
    - Either rests on a written act and on the law giving the task (neither is allowed where the law forbids it),
      and is monitored, assessed and promptly adjusted when ineffective (000 Đ2.5): a review is due by the next
      review date, and an authorisation nearing its end warns the Office.

    When the authorised head also signs in the Chairman's name, the signing grant stays in ubnd_quyche's grant
    register (``ubnd.delegation``, TUQ.) and is linked here, not duplicated.
    """

    _name = "ubnd.decentralisation"
    _description = "Decentralisation or authorisation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char("Tasks and powers", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("decentralisation", "Decentralisation (phân cấp)"), ("authorisation", "Authorisation (ủy quyền)")],
        required=True, default="decentralisation", tracking=True,
    )
    grantor = fields.Selection(
        [("committee", "The committee"), ("chairman", "The Chairman")], string="Granted by",
        required=True, default="chairman", tracking=True,
    )
    recipient_unit_id = fields.Many2one(
        "hr.department", string="To the unit or commune", required=True, tracking=True,
        domain="[('ubnd_committee_id', '=', committee_id), ('ubnd_unit_kind', 'in', ('department', 'commune', 'other'))]",
    )
    recipient_user_id = fields.Many2one(
        "res.users", string="To the head", tracking=True,
        help="000 Đ6.3.đ — an authorisation goes to the head of the department or unit, or to the commune's chair.",
    )
    field_ids = fields.Many2many("ubnd.field", string="Fields")
    scope = fields.Html("Scope", required=True)
    legal_basis = fields.Char(
        required=True, tracking=True,
        help="000 Đ6.3.d–đ — the law giving the task to the committee or the Chairman, under which it may be "
        "decentralised or authorised (neither is allowed where the law forbids it).",
    )
    act_document_id = fields.Many2one(
        "ubnd.document", string="Act", tracking=True, domain="[('committee_id', '=', committee_id)]",
        help="The decision of the committee or the Chairman that decentralises or authorises.",
    )
    act_reference = fields.Char("Act (number, date)", tracking=True,
                                help="When the act is not in the system: its number, symbol and date.")
    attachment_ids = fields.Many2many("ir.attachment", string="Signed act")
    delegation_id = fields.Many2one(
        "ubnd.delegation", string="Signing grant (TUQ.)", tracking=True,
        domain="[('committee_id', '=', committee_id), ('kind', '=', 'tuq')]",
        help="When the authorised head signs in the Chairman's name: the grant of the signing register.",
    )
    date_start = fields.Date("From", required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date("Until", tracking=True, help="000 Đ6.3.đ — required for an authorisation.")
    next_review_date = fields.Date(
        "Next review by", tracking=True,
        help="000 Đ2.5 — when the performance is next monitored and assessed (the act's reporting date).",
    )
    review_ids = fields.One2many("ubnd.decentralisation.review", "decentralisation_id", string="Reviews")
    last_review_date = fields.Date(readonly=True, copy=False)
    review_due = fields.Boolean("Review due", readonly=True, copy=False)
    expiry_warned = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In force"), ("ended", "Ended")],
        default="draft", required=True, readonly=True, tracking=True, copy=False,
    )
    activated_date = fields.Date(readonly=True, copy=False)
    ended_date = fields.Date("Ended on", readonly=True, copy=False, tracking=True)
    end_reason = fields.Char(readonly=True, copy=False, tracking=True)

    # --- Checks -----------------------------------------------------------------------------------
    @api.constrains("kind", "grantor", "date_start", "date_end", "recipient_user_id")
    def _check_kind_rules(self):
        for record in self:
            if record.date_end and record.date_end < record.date_start:
                raise ValidationError(self.env._("The end of the period cannot come before its start."))
            if record.kind == "authorisation":
                if not record.date_end:
                    raise ValidationError(self.env._(
                        "An authorisation covers a defined period: give its end date (000 Đ6.3.đ)."))
                if record.grantor != "chairman":
                    raise ValidationError(self.env._("An authorisation is given by the Chairman (000 Đ6.3.đ)."))
                if not record.recipient_user_id:
                    raise ValidationError(self.env._(
                        "An authorisation names the head or commune chair authorised (000 Đ6.3.đ)."))

    @api.constrains("delegation_id", "recipient_user_id", "date_start", "date_end")
    def _check_signing_grant(self):
        """The linked signing grant is the Chairman's TUQ. to the same head, within the authorisation's period."""
        for record in self.filtered("delegation_id"):
            grant = record.delegation_id
            if record.kind != "authorisation" or grant.kind != "tuq" or grant.grantee_id != record.recipient_user_id \
                    or grant.grantor_id != record.committee_id.chairman_id:
                raise ValidationError(self.env._(
                    "The linked signing grant must be the Chairman's TUQ. grant to the head authorised here."))
            if grant.date_start < record.date_start or not grant.date_end or grant.date_end > record.date_end:
                raise ValidationError(self.env._("The signing grant lies within the authorisation's period."))

    # --- What a client may write ----------------------------------------------------------------
    def _check_may_manage(self):
        user = self.env.user
        if not (self.env.su or user.has_group("ubnd_quyche.group_ubnd_office") or user.has_group("ubnd_quyche.group_ubnd_chairman")):
            raise AccessError(self.env._("The Office keeps the record of decentralisations and authorisations."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_may_manage()
        for vals in vals_list:
            check_sane_dates(self, vals, DATE_FIELDS)
        self = refuse_workflow_values(
            self, vals_list, WORKFLOW_FIELDS,
            self.env._("A decentralisation is put in force and ended only through its actions."),
        )
        records = super().create(vals_list)
        bind_attachments(records, "attachment_ids")
        return records

    def write(self, vals):
        check_sane_dates(self, vals, DATE_FIELDS)
        if not is_privileged(self, "ubnd_workflow"):
            self._check_may_manage()
            check_committee_kept(self, vals)
            if WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._("A decentralisation is put in force and ended only through its actions."))
            if self.filtered(lambda r: r.state != "draft") and FIXED_WHEN_ACTIVE & set(vals):
                raise UserError(self.env._(
                    "What the act decided stays as recorded: an adjustment is a new act, recorded as a new entry "
                    "(000 Đ2.5)."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        return res

    def unlink(self):
        if not self.env.su and self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("A decentralisation that was in force stays on record: end it instead."))
        return super().unlink()

    # --- Actions ----------------------------------------------------------------------------------
    def action_activate(self):
        self._check_may_manage()
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("Only a draft is put in force."))
            if not (record.act_document_id or (record.act_reference and record.attachment_ids)):
                raise UserError(self.env._(
                    "Name the act that decentralises or authorises: its document, or its number with the signed file."))
            if not record.next_review_date:
                raise UserError(self.env._("Set when its performance is first reviewed (000 Đ2.5)."))
            privileged(record, "ubnd_workflow").write({"state": "active", "activated_date": self.env["ubnd.workday"].today()})
        return True

    def action_end(self):
        """End it before its term: revoked or replaced after a review found it ineffective (000 Đ2.5)."""
        self._check_may_manage()
        for record in self:
            if record.state != "active":
                raise UserError(self.env._("Only a decentralisation in force is ended."))
            record._end(self.env._("Ended by the committee"))
        return True

    def _end(self, reason):
        privileged(self, "ubnd_workflow").write({
            "state": "ended", "ended_date": self.env["ubnd.workday"].today(), "end_reason": reason, "review_due": False,
        })

    @api.model
    def _cron_monitor(self):
        """000 Đ2.5, Đ6.3.đ: lapse authorisations past their end, warn the Office before it, and flag reviews due."""
        self = self.with_context(lang=self.env["ubnd.committee"]._print_lang())  # stored chatter text is Vietnamese
        today = self.env["ubnd.workday"].today()
        active = self.search([("state", "=", "active")])
        for record in active:
            if record.date_end and record.date_end < today:
                record._end(self.env._("Period ended"))
                record.message_post(body=self.env._("The authorisation's period ended on %(date)s.",
                                                    date=record.date_end.strftime("%d/%m/%Y")))
                continue
            office = record.committee_id.chief_of_office_id
            notice = record.committee_id.profile_id.decentralisation_expiry_notice_days
            if record.date_end and not record.expiry_warned and record.date_end <= today + relativedelta(days=notice):
                privileged(record, "ubnd_workflow").write({"expiry_warned": True})
                if office:
                    record.activity_schedule(
                        "mail.mail_activity_data_todo", date_deadline=record.date_end, user_id=office.id,
                        summary=self.env._("Authorisation ends soon: renew it by a new act or let it lapse"))
            due = bool(record.next_review_date and record.next_review_date <= today)
            if due != record.review_due:
                privileged(record, "ubnd_workflow").write({"review_due": due})
                if due and office:
                    record.activity_schedule(
                        "mail.mail_activity_data_todo", date_deadline=record.next_review_date, user_id=office.id,
                        summary=self.env._("Review the decentralisation's performance (000 Đ2.5)"))
        return True
