from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged, privileged
from odoo.addons.ubnd_quyche.tools.guards import check_committee_kept, check_sane_dates, refuse_workflow_values

KINDS = [
    ("complaint_first", "Complaint (first time)"),
    ("complaint_second", "Complaint (second time)"),
    ("denunciation", "Denunciation"),
]
STATES = [
    ("received", "Received"),
    ("accepted", "Accepted"),
    ("verifying", "Verifying"),
    ("settled", "Decision issued"),
]
# Written by the case's own steps only.
WORKFLOW_FIELDS = frozenset({
    "state", "date_accepted", "accept_deadline", "deadline", "is_overdue", "decision_document_id", "decision_date",
    "decided_by_id", "progress_published_date", "result_published_date",
})
IDENTITY_FIELDS = ("party_name", "party_address", "party_contact")
# Signing capacities in which the Chairman's settlement is decided: his own, or a Vice-Chairman's KT. within his
# field or while running the committee. Never TL. or TUQ. (000 Đ48.4).
DECIDING_CAPACITIES = ("own", "tm", "kt")


class UbndComplaintCase(models.Model):
    """A complaint or denunciation the committee or its Chairman settles (000 Đ45–48; 001 Đ35–36).

    Not an inspectorate's file: what the working regulation asks of the committee — the legal deadline, the
    leader in charge (the Chairman, or the Vice-Chairman he assigns, 001 Đ35.3), the state of the settlement,
    the reviews of backlog cases (000 Đ45.1, 001 Đ35.1), publication of progress and result (000 Đ45.1),
    and the answers to the complainant, which the Chief of Office gives only under the Chairman's
    authorisation, never deciding in his place (000 Đ48.4). A denunciator's identity is seen only by the
    leader in charge and the case officer.
    """

    _name = "ubnd.complaint.case"
    _description = "Complaint or denunciation case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"

    name = fields.Char("Subject", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, default="complaint_first", tracking=True)
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True)
    leader_id = fields.Many2one(
        "res.users", string="Leader in charge", required=True, tracking=True, index=True,
        help="000 Đ45.1, 001 Đ35.3 — the Chairman, or the Vice-Chairman he assigns to settle the case.",
    )
    officer_id = fields.Many2one("res.users", string="Case officer", tracking=True, index=True)
    lead_unit_id = fields.Many2one(
        "hr.department", string="Unit verifying", tracking=True,
        domain="[('ubnd_committee_id', '=', committee_id)]",
        help="000 Đ47.1 — usually the Inspectorate; the unit that verifies and proposes the settlement.",
    )
    incoming_reference = fields.Char("Letter received (number, date)", tracking=True)
    date_received = fields.Date("Received on", required=True, default=fields.Date.context_today, tracking=True)
    complex_case = fields.Boolean("Complex", tracking=True)
    remote_area = fields.Boolean(
        "Remote, hard-to-reach area", tracking=True,
        help="Luật Khiếu nại 2011 Đ28, Đ37 — longer settlement periods for remote areas. Complaints only.",
    )
    extension_count = fields.Integer(
        "Extensions", tracking=True,
        help="Luật Tố cáo 2018 Đ30 — a complex denunciation may be extended once, an especially complex one "
        "twice, 30 days each.",
    )
    summary = fields.Html("Content")
    state = fields.Selection(STATES, default="received", required=True, readonly=True, tracking=True, copy=False)
    accept_deadline = fields.Date("Accept by", readonly=True, copy=False)
    date_accepted = fields.Date("Accepted on", readonly=True, copy=False, tracking=True)
    deadline = fields.Date("Settle by", readonly=True, copy=False, tracking=True)
    is_overdue = fields.Boolean("Overdue", readonly=True, copy=False, tracking=True)
    decision_document_id = fields.Many2one("ubnd.document", string="Settlement decision", readonly=True, copy=False)
    decision_date = fields.Date("Decided on", readonly=True, copy=False, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    progress_published_date = fields.Date("Progress published on", readonly=True, copy=False, tracking=True)
    result_published_date = fields.Date("Result published on", readonly=True, copy=False, tracking=True)
    publication_note = fields.Char("Where published", tracking=True,
                                   help="000 Đ45.1 — progress and results are made public for the people to follow.")
    reply_ids = fields.One2many("ubnd.complaint.reply", "case_id", string="Answers to the complainant")
    reply_draft = fields.Text("Answer to give")
    reply_document_draft_id = fields.Many2one(
        "ubnd.document", string="Answer document to give", domain="[('committee_id', '=', committee_id)]",
    )
    decision_document_draft_id = fields.Many2one(
        "ubnd.document", string="Decision document", domain="[('committee_id', '=', committee_id)]",
    )
    party_ids = fields.One2many("ubnd.complaint.party", "case_id")
    identity_visible = fields.Boolean(compute="_compute_identity")
    party_name = fields.Char("Complainant / denunciator", compute="_compute_identity", inverse="_inverse_identity")
    party_address = fields.Char("Address", compute="_compute_identity", inverse="_inverse_identity")
    party_contact = fields.Char("Telephone / e-mail", compute="_compute_identity", inverse="_inverse_identity")

    user_may_handle = fields.Boolean(compute="_compute_user_may")
    user_may_register = fields.Boolean(compute="_compute_user_may")

    @api.depends_context("uid")
    @api.depends("leader_id", "officer_id")
    def _compute_user_may(self):
        """What the form offers the current user; the actions check the same on the server."""
        office = self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")
        registrar = self._is_office_or_leader()
        for case in self:
            case.user_may_handle = office or self.env.user in case.leader_id | case.officer_id | case.committee_id.chairman_id
            case.user_may_register = registrar

    # --- Identity ---------------------------------------------------------------------------------
    def _may_see_identity(self):
        self.ensure_one()
        return self.env.su or self.kind != "denunciation" or self.env.user in (self.leader_id | self.officer_id)

    @api.depends_context("uid")
    @api.depends("kind", "leader_id", "officer_id")
    def _compute_identity(self):
        for case in self:
            party = case.sudo().party_ids[:1]
            visible = case._may_see_identity()
            case.identity_visible = visible
            case.party_name = party.name if visible else (party and self.env._("(protected)"))
            case.party_address = party.address if visible else False
            case.party_contact = party.contact if visible else False

    def _inverse_identity(self):
        """The identity is entered when the letter is registered, and changed afterwards only by those who may see it."""
        for case in self:
            party = case.sudo().party_ids[:1]
            if party and not case._may_see_identity():
                raise AccessError(self.env._("The denunciator's identity is protected: only the leader in charge "
                                             "and the case officer see or change it."))
            vals = {"name": case.party_name, "address": case.party_address, "contact": case.party_contact}
            if party:
                party.write(vals)
            elif case.party_name:
                party.create(dict(vals, case_id=case.id))

    # --- What a client may write ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sane_dates(self, vals, ("date_received",))
        self = refuse_workflow_values(
            self, vals_list, WORKFLOW_FIELDS,
            self.env._("A case's state, deadlines, decision and publication are recorded only through its actions."),
        )
        cases = super().create(vals_list)
        for case in cases:
            case._check_leader()
            privileged(case, "ubnd_workflow").write({"accept_deadline": case._accept_deadline()})
        return cases

    def write(self, vals):
        check_sane_dates(self, vals, ("date_received",))
        if not is_privileged(self, "ubnd_workflow"):
            check_committee_kept(self, vals)
            if WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._(
                    "A case's state, deadlines, decision and publication are recorded only through its actions."
                ))
            if self.filtered(lambda c: c.state == "settled") and set(vals) - {"publication_note", "message_main_attachment_id"}:
                raise UserError(self.env._("A settled case stays as it was decided."))
            if {"leader_id", "kind", "date_received"} & set(vals) and not self._is_office_or_leader():
                raise AccessError(self.env._("Only the Office or the leaders change how a case was registered."))
        res = super().write(vals)
        if "leader_id" in vals:
            self._check_leader()
        if not is_privileged(self, "ubnd_workflow") and {"date_received", "kind", "complex_case", "remote_area",
                                                         "extension_count"} & set(vals):
            for case in self:
                updates = {"accept_deadline": case._accept_deadline()}
                if case.date_accepted:
                    updates["deadline"] = case._settlement_deadline()
                privileged(case, "ubnd_workflow").write(updates)
        return res

    def unlink(self):
        if not self.env.su and self.filtered(lambda c: c.state != "received"):
            raise UserError(self.env._("An accepted case stays in the register."))
        return super().unlink()

    def _is_office_or_leader(self):
        user = self.env.user
        return self.env.su or user.has_group("ubnd_quyche.group_ubnd_office") or user.has_group("ubnd_quyche.group_ubnd_vice_chairman")

    @api.constrains("extension_count", "kind", "complex_case")
    def _check_extensions(self):
        for case in self:
            if case.extension_count and (case.kind != "denunciation" or not case.complex_case):
                raise ValidationError(self.env._("Only a complex denunciation is extended (Luật Tố cáo 2018 Đ30)."))
            if not 0 <= case.extension_count <= 2:
                raise ValidationError(self.env._(
                    "A denunciation is extended at most twice, 30 days each time (Luật Tố cáo 2018 Đ30)."))

    def _check_leader(self):
        """000 Đ45.1, 001 Đ35.3: the Chairman settles, or assigns a Vice-Chairman."""
        for case in self:
            if case.leader_id not in case.committee_id.chairman_id | case.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "The leader in charge of a case is the Chairman or a Vice-Chairman he assigns (000 Đ45.1)."))

    # --- Deadlines --------------------------------------------------------------------------------
    def _accept_deadline(self):
        self.ensure_one()
        profile = self.committee_id.profile_id
        name = "denunciation_accept_days" if self.kind == "denunciation" else "complaint_accept_days"
        return profile.compute_deadline(self.date_received, name, company=self.company_id)

    def _settlement_field(self):
        """The profile's period for this case: Luật Khiếu nại 2011 Đ28 (first), Đ37 (second); Luật Tố cáo 2018 Đ30."""
        self.ensure_one()
        if self.kind == "denunciation":
            return "denunciation_days"
        name = "complaint_first" if self.kind == "complaint_first" else "complaint_second"
        return name + ("_remote" if self.remote_area else "") + ("_complex" if self.complex_case else "") + "_days"

    def _settlement_deadline(self):
        self.ensure_one()
        profile = self.committee_id.profile_id
        deadline = profile.compute_deadline(self.date_accepted, self._settlement_field(), company=self.company_id)
        if self.kind == "denunciation" and self.extension_count:
            extension = profile.denunciation_extension_days * self.extension_count
            deadline = self.env["ubnd.workday"].add_calendar_days(deadline, extension)
        return deadline

    # --- Who acts ---------------------------------------------------------------------------------
    def _check_may_handle(self):
        """The Office, the Chairman, the leader in charge and the case officer move the case along."""
        if self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            return
        for case in self:
            if self.env.user not in case.leader_id | case.officer_id | case.committee_id.chairman_id:
                raise AccessError(self.env._("Only the Office, the leader in charge or the case officer handles this case."))

    def _reply_authority(self):
        """In which capacity the current user may answer the complainant, and the grant relied on (000 Đ48.4).

        The Chairman and the leader in charge answer in their own name; anyone else — the Chief of Office
        first — only under a TUQ. grant of the Chairman in force today covering the case's field and letters
        (the grant register of ubnd_quyche). Nobody else answers in the committee's name."""
        self.ensure_one()
        user, committee = self.env.user, self.committee_id
        if user == committee.chairman_id:
            return "CHỦ TỊCH", self.env["ubnd.delegation"]
        if user == self.leader_id:
            return "KT. CHỦ TỊCH", self.env["ubnd.delegation"]
        today = self.env["ubnd.workday"].today()
        letter = self.env.ref("ubnd_quyche.doctype_cv", raise_if_not_found=False)
        for grant in self.env["ubnd.delegation"]._grants_of(user, committee, "tuq", today):
            if grant.grantor_id == committee.chairman_id and grant._covers(letter, self.field_id or None):
                return "TUQ. " + grant.authority_title, grant
        raise AccessError(self.env._(
            "%(user)s may answer this complainant only under the Chairman's authorisation in force, covering "
            "this field (000 Đ48.4).", user=user.name,
        ))

    def _check_may_decide(self, document):
        """000 Đ48.4: the settlement decision is the Chairman's own act — signed by him, or KT. by a Vice-Chairman
        within his portfolio or while running the committee — never under an authorisation (TUQ.) or by order
        (TL.). The grant register says, for the signer and the signing date, in which capacity he could sign;
        whoever records the signed decision (the Office, the leader in charge) issues nothing himself."""
        self.ensure_one()
        if document.committee_id != self.committee_id or document.state not in ("signed", "issued") \
                or not document.signer_id:
            raise UserError(self.env._("The settlement decision is recorded once the document is signed."))
        capacity = self.env["ubnd.signing"].sudo().signing_capacity(
            document.signer_id, self.committee_id, "chairman", document.document_type_id or None,
            self.field_id or None, document.date)
        signed_under_grant = document.delegation_id.kind in ("tuq", "tl") \
            or (document.signing_capacity or "").upper().startswith(("TUQ", "TL"))
        if not capacity or capacity["code"] not in DECIDING_CAPACITIES or signed_under_grant:
            raise AccessError(self.env._(
                "A complaint or denunciation decision is issued by the Chairman, or a Vice-Chairman signing on his "
                "behalf; an authorisation to answer complainants never includes it (000 Đ48.4)."
            ))

    # --- Actions ----------------------------------------------------------------------------------
    def action_accept(self):
        """Accept the case (thụ lý): the settlement period runs from today."""
        self._check_may_handle()
        today = self.env["ubnd.workday"].today()
        for case in self:
            if case.state != "received":
                raise UserError(self.env._("Only a received case is accepted."))
            privileged(case, "ubnd_workflow").write({"state": "accepted", "date_accepted": today})
            privileged(case, "ubnd_workflow").write({"deadline": case._settlement_deadline()})
            if case.officer_id:
                case.activity_schedule("mail.mail_activity_data_todo", date_deadline=case.deadline,
                                       user_id=case.officer_id.id, summary=self.env._("Verify and propose the settlement"))
        return True

    def action_start_verification(self):
        self._check_may_handle()
        for case in self:
            if case.state != "accepted":
                raise UserError(self.env._("Only an accepted case goes to verification."))
            privileged(case, "ubnd_workflow").write({"state": "verifying"})
        return True

    def action_reply(self):
        """Give the complainant an answer (000 Đ48.4), kept with the capacity and the grant it rests on."""
        today = self.env["ubnd.workday"].today()
        for case in self:
            if not (case.reply_draft or case.reply_document_draft_id):
                raise UserError(self.env._("Write the answer or choose the answer document."))
            capacity, grant = case._reply_authority()
            privileged(self.env["ubnd.complaint.reply"].sudo(), "ubnd_workflow").create({
                "case_id": case.id, "date": today, "user_id": self.env.uid, "capacity": capacity,
                "delegation_id": grant.id, "text": case.reply_draft or case.reply_document_draft_id.name,
                "document_id": case.reply_document_draft_id.id,
            })
            case.message_post(body=self.env._("Answer given to the complainant (%(capacity)s).", capacity=capacity))
            privileged(case, "ubnd_workflow").write({"reply_draft": False, "reply_document_draft_id": False})
        return True

    def action_issue_decision(self):
        """Record the signed settlement decision: the Chairman's, or a Vice-Chairman's for him (000 Đ48.4)."""
        today = self.env["ubnd.workday"].today()
        for case in self:
            if case.state not in ("accepted", "verifying"):
                raise UserError(self.env._("Only an accepted case is settled."))
            document = case.decision_document_draft_id
            if not document:
                raise UserError(self.env._("Choose the settlement decision document."))
            case._check_may_handle()
            case._check_may_decide(document)
            privileged(case, "ubnd_workflow").write({
                "state": "settled", "decision_document_id": document.id, "decision_date": document.date or today,
                "decided_by_id": document.signer_id.id, "is_overdue": False,
            })
            case.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_publish_progress(self):
        """000 Đ45.1, 001 Đ35.1: progress is made public for the people to follow."""
        self._check_may_publish()
        privileged(self, "ubnd_workflow").write({"progress_published_date": self.env["ubnd.workday"].today()})
        return True

    def action_publish_result(self):
        self._check_may_publish()
        if self.filtered(lambda c: c.state != "settled"):
            raise UserError(self.env._("The result is published once the decision is issued."))
        privileged(self, "ubnd_workflow").write({"result_published_date": self.env["ubnd.workday"].today()})
        return True

    def _check_may_publish(self):
        if not self._is_office_or_leader():
            raise AccessError(self.env._("The Office publishes the progress and results of cases."))
        if self.filtered(lambda c: not c.publication_note):
            raise UserError(self.env._("Say where it is published (the portal, the notice board)."))

    @api.model
    def _cron_mark_overdue(self):
        """Cases past their settlement deadline: marked, the leader in charge and the officer told."""
        self = self.with_context(lang=self.env["ubnd.committee"]._print_lang())  # stored chatter text is Vietnamese
        today = self.env["ubnd.workday"].today()
        late = self.search([("state", "in", ("accepted", "verifying")), ("is_overdue", "=", False), ("deadline", "<", today)])
        privileged(late, "ubnd_workflow").write({"is_overdue": True})
        for case in late:
            case.message_post(
                body=self.env._("The settlement deadline (%(date)s) has passed.", date=case.deadline.strftime("%d/%m/%Y")),
                partner_ids=(case.leader_id | case.officer_id).partner_id.ids,
            )
        return len(late)
