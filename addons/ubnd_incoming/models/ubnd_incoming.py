import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.models.ubnd_document import CONFIDENTIALITY, URGENCY
from odoo.addons.ubnd_quyche.tools import is_privileged, privileged

STATES = [
    ("received", "Received"),
    ("registered", "Registered"),
    ("presented", "Awaiting direction"),
    ("handling", "Being handled"),
    ("done", "Handled"),
]
SENDER_KINDS = [
    ("government", "Government / Prime Minister"),
    ("ministry", "Ministry or central body"),
    ("superior", "Superior body (Party committee, People's Council, city or provincial committee)"),
    ("unit", "Department, agency or lower-level committee"),
    ("other", "Other organisation or citizen"),
]
# Written only by the document's own steps (registration, presentation, direction, closing) under the server's
# privilege: a client never sends them, so a registered number, its date and the leader's direction never change.
WORKFLOW_FIELDS = frozenset({
    "state", "number", "year", "series", "registered_at", "registered_by_id", "registered_late", "presented_at",
    "direction_note", "directed_by_id", "directed_at", "direction_date", "done_date", "origin", "submission_id",
})
# The facts of receipt, fixed once the document is in the register (Decree 30/2020 Đ22.2–3).
REGISTERED_FIELDS = frozenset({"received_at", "committee_id", "confidentiality", "medium"})
# Decree 30/2020 PL I P.II §I.2: a digitised paper document is a PDF scanned at 200 dpi at least.
MIN_SCAN_DPI = 200
URGENT = ("khan", "thuong_khan", "hoa_toc")


class UbndIncoming(models.Model):
    """An incoming document (văn bản đến) of the committee, from its receipt to the end of its handling.

    Decree 30/2020: received on paper or electronically (Đ20–21), registered with a number consecutive in the
    order of receipt within the year, the same series for paper and electronic documents (Đ22.2), on the day it
    arrives or at the latest on the next working day, urgent ones at once (Đ4.2.b), presented to the leader who
    directs its handling on the phiếu giải quyết (Đ23, PL IV §VII), distributed to the lead and supporting units
    with a deadline each, and followed until its reply (Đ24, PL IV §VIII). Its metadata are those of PL VI
    P.II §II; a confidential document keeps only its register entry (Đ22.4; 000 Đ16.2, 001 Đ12.1: state-secret
    documents are handled on paper, outside the electronic system).
    """

    _name = "ubnd.incoming"
    _description = "Incoming document"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "received_at desc, id desc"
    _rec_names_search = ["name", "document_number", "sender"]
    # Units a document is distributed to comment on it without editing it.
    _mail_post_access = "read"
    _check_company_auto = True

    # --- PL VI P.II §II, fields 3–11: the document as sent -----------------------------------------------
    name = fields.Char(
        "Summary (trích yếu)", required=True, tracking=True,
        help="PL VI P.II §II.8. For a confidential document only a neutral title naming its number and sender is "
        "kept (Decree 30/2020 Đ22.4).",
    )
    committee_id = fields.Many2one(
        "ubnd.committee", string="Receiving committee", required=True, index=True, ondelete="restrict",
        tracking=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True, precompute=True)
    origin = fields.Selection(
        [("external", "Document received"), ("dossier", "Dossier submitted to the leaders")],
        required=True, default="external", readonly=True,
        help="001 Đ12.1 — every dossier submitted to the Chairman or a Vice-Chairman goes through the Office and "
        "is registered as incoming on the electronic system; it is then handled along its own approval chain.",
    )
    submission_id = fields.Many2one("ubnd.submission", string="Dossier", readonly=True, index="btree_not_null")
    sender = fields.Char(
        "Issuing body", required=True, tracking=True,
        help="PL VI P.II §II.7 (OrganName) — column “Tác giả” of the incoming register.",
    )
    sender_kind = fields.Selection(
        SENDER_KINDS, string="Kind of issuing body", required=True, default="superior", tracking=True,
        help="A task a direction assigns from a document of the Government or the Prime Minister is a Government "
        "task (002 Đ3.2).",
    )
    document_type_id = fields.Many2one("ubnd.document.type", string="Document type", tracking=True,
                                       help="PL VI P.II §II.3 (TypeName).")
    document_number = fields.Char(
        "Number and symbol", tracking=True, index="trigram",
        help="PL VI P.II §II.4–5 (CodeNumber, CodeNotation) as printed on the document, e.g. 1234/BXD-QLN.",
    )
    document_date = fields.Date("Document date", tracking=True, help="PL VI P.II §II.6 (IssuedDate).")
    signer_info = fields.Char("Signed by", help="PL VI P.II §II.14 (SignerInfo): position and full name of the signer.")
    page_count = fields.Integer("Pages", help="PL VI P.II §II.10 (PageAmount).")
    note = fields.Text("Notes", help="PL VI P.II §II.11 (Description) — column “Ghi chú” of the register.")
    urgency = fields.Selection(
        URGENCY, required=True, default="normal", tracking=True,
        help="PL VI P.II §II.15. Urgent documents (Khẩn, Thượng khẩn, Hỏa tốc) are registered, presented and "
        "handed over as soon as they arrive (Decree 30/2020 Đ4.2.b).",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY, required=True, default="normal", tracking=True,
        help="Decree 30/2020 Đ22.4; 000 Đ16.2; 001 Đ12.1 — a document marked Mật, Tối mật or Tuyệt mật is handled "
        "on paper under the state-secrets law: only its register entry (own number series, sender, number, "
        "date, units it goes to) is kept here, without its summary, files or the text of the direction.",
    )

    # --- Reception (Decree 30/2020 Đ20–21) --------------------------------------------------------------
    medium = fields.Selection(
        [("electronic", "Electronic"), ("paper", "Paper")], required=True, default="electronic", tracking=True,
    )
    scan_dpi = fields.Integer(
        "Scan resolution (dpi)",
        help="Decree 30/2020 PL I P.II §I.2 — a paper document is digitised as a PDF at 200 dpi at least.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", "ubnd_incoming_attachment_rel", "incoming_id", "attachment_id", string="Files",
        help="The electronic document, or the scan of the paper one.",
    )
    received_at = fields.Datetime(
        "Received at", required=True, default=fields.Datetime.now, tracking=True,
        help="PL VI P.II §II.12 (ArrivalDate) — the date and time written on the “ĐẾN” stamp.",
    )
    received_date = fields.Date(
        "Date received", compute="_compute_received_date", store=True, index=True,
        help="The day of receipt in the committee's time zone — column (1) of the incoming register.",
    )
    registration_deadline = fields.Date(
        "Registration deadline", compute="_compute_registration_deadline", store=True,
        help="Decree 30/2020 Đ4.2.b — the day of receipt, at the latest the profile's working days after it; "
        "the day itself for an urgent document.",
    )

    # --- Registration (Decree 30/2020 Đ22; PL IV §V–VI) ------------------------------------------------
    state = fields.Selection(STATES, required=True, default="received", readonly=True, tracking=True, index=True,
                             copy=False)
    series = fields.Selection(
        [("normal", "Incoming documents"), ("secret", "Confidential incoming documents")],
        readonly=True, copy=False,
        help="Decree 30/2020 Đ22.2, Đ22.4 — one series for paper and electronic documents; confidential ones are "
        "registered in their own.",
    )
    number = fields.Integer(
        "Incoming number", readonly=True, copy=False, tracking=True,
        help="PL VI P.II §II.13 (ArrivalNumber) — consecutive in the order of receipt, from 1 on 1 January each "
        "year (Decree 30/2020 Đ22.2). It never changes once given.",
    )
    year = fields.Integer(readonly=True, copy=False, index=True)
    registered_at = fields.Datetime("Registered at", readonly=True, copy=False)
    registered_by_id = fields.Many2one("res.users", string="Registered by", readonly=True, copy=False)
    registered_late = fields.Boolean(
        "Registered late", readonly=True, copy=False, tracking=True,
        help="Registered after the registration deadline (Decree 30/2020 Đ4.2.b).",
    )
    file_code = fields.Char("Case file number and symbol", tracking=True,
                            help="Line “Số và ký hiệu HS” of the “ĐẾN” stamp (PL IV §V).")
    duplicate_id = fields.Many2one(
        "ubnd.incoming", string="Possible duplicate", compute="_compute_duplicate_id",
        help="Decree 30/2020 PL VI §III.1.h — the Office is warned when the same number, symbol and issuing body "
        "are already in the register.",
    )

    # --- Presentation and direction (Decree 30/2020 Đ23–24; PL IV §VII; 001 Đ7.6) ------------------------
    leader_id = fields.Many2one(
        "res.users", string="Presented to", tracking=True, index=True,
        help="The Chairman or the Vice-Chairman in charge who directs the handling, or the Chief of Office, who "
        "assigns incoming documents himself (001 Đ7.6).",
    )
    director_ids = fields.Many2many("res.users", string="Who may be presented to", compute="_compute_director_ids")
    presented_at = fields.Datetime("Presented at", readonly=True, copy=False)
    direction_note = fields.Text("Direction", readonly=True, copy=False, tracking=True,
                                 help="The leader's opinion on the phiếu giải quyết văn bản đến (PL IV §VII, block 1).")
    directed_by_id = fields.Many2one("res.users", string="Directed by", readonly=True, copy=False, tracking=True)
    directed_at = fields.Datetime("Directed at", readonly=True, copy=False)
    direction_date = fields.Date("Direction date", readonly=True, copy=False)
    assignment_ids = fields.One2many("ubnd.incoming.assignment", "incoming_id", string="Distribution", readonly=True)
    lead_unit_id = fields.Many2one(
        "hr.department", string="Lead unit", compute="_compute_lead", store=True, index=True,
        help="The unit that leads the handling (chủ trì) — line “Chuyển” of the “ĐẾN” stamp.",
    )
    handling_deadline = fields.Date(
        "Handling deadline", compute="_compute_lead", store=True, index=True,
        help="PL VI P.II §II.18 (DueDate) — the lead unit's deadline.",
    )
    task_ids = fields.One2many("ubnd.task", "incoming_id", string="Assigned tasks")
    task_count = fields.Integer(compute="_compute_task_count")

    # --- Follow-up (PL IV §VIII) ----------------------------------------------------------------------------
    reply_document_id = fields.Many2one(
        "ubnd.document", string="Reply document", tracking=True, check_company=True,
        domain="[('committee_id', '=', committee_id), ('state', 'in', ('signed', 'issued'))]",
        help="The committee's outgoing document that answers or settles this one (PL IV §VIII).",
    )
    result_note = fields.Text("Handling result", tracking=True)
    done_date = fields.Date("Handled on", readonly=True, copy=False)
    is_overdue = fields.Boolean("Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    progress = fields.Char("Progress", compute="_compute_progress",
                           help="Column “Tiến độ giải quyết” of the handling follow-up register (PL IV §VIII).")
    user_may_direct = fields.Boolean("May direct", compute="_compute_user_may_direct")

    _number_unique = models.Constraint(
        "UNIQUE(committee_id, year, series, number)",
        "An incoming number is given once per committee, year and series (Decree 30/2020 Đ22.2).",
    )
    _scan_dpi_positive = models.Constraint("CHECK(scan_dpi >= 0)", "The scan resolution cannot be negative.")
    _page_count_positive = models.Constraint("CHECK(page_count >= 0)", "The number of pages cannot be negative.")

    # ------------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------------
    @api.depends("received_at", "committee_id.tz")
    def _compute_received_date(self):
        for doc in self:
            doc.received_date = doc._local_date(doc.received_at)

    def _local_date(self, moment):
        """The committee's calendar day of the UTC datetime ``moment``."""
        if not moment:
            return False
        tz = pytz.timezone(self.committee_id.tz or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(moment).astimezone(tz).date()

    @api.depends("received_date", "urgency", "committee_id.profile_id.incoming_registration_days")
    def _compute_registration_deadline(self):
        for doc in self:
            profile = doc.committee_id.profile_id
            if not doc.received_date or not profile:
                doc.registration_deadline = False
            elif doc.urgency in URGENT:
                doc.registration_deadline = doc.received_date
            else:
                doc.registration_deadline = profile.compute_deadline(
                    doc.received_date, "incoming_registration_days", doc.company_id)

    @api.depends("assignment_ids.role", "assignment_ids.unit_id", "assignment_ids.deadline")
    def _compute_lead(self):
        for doc in self:
            lead = doc.assignment_ids.filtered(lambda a: a.role == "lead")[:1]
            doc.lead_unit_id = lead.unit_id
            doc.handling_deadline = lead.deadline

    @api.depends("committee_id")
    def _compute_director_ids(self):
        for doc in self:
            doc.director_ids = doc.committee_id.sudo()._incoming_directors() if doc.committee_id else False

    def _compute_task_count(self):
        for doc in self:
            doc.task_count = len(doc.task_ids)

    @api.depends("document_number", "sender", "committee_id")
    @api.depends_context("uid")
    def _compute_duplicate_id(self):
        office = self.env.user.has_group("ubnd_quyche.group_ubnd_office")
        for doc in self:
            duplicate = self.browse()
            if office and doc.document_number and doc.sender:
                duplicate = self.sudo().search([
                    ("committee_id", "=", doc.committee_id.id), ("id", "!=", doc._origin.id or 0),
                    ("document_number", "=ilike", doc.document_number.strip()), ("sender", "=ilike", doc.sender.strip()),
                ], limit=1)
            doc.duplicate_id = duplicate.sudo(False)

    def _compute_is_overdue(self):
        today = self._today()
        for doc in self:
            doc.is_overdue = bool(doc.state == "handling" and doc.handling_deadline and doc.handling_deadline < today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [("state", "=", "handling"), ("handling_deadline", "<", fields.Date.to_string(self._today()))]
        return domain if (operator == "=") == value else ["!", "&"] + domain

    @api.depends("state", "handling_deadline", "done_date", "reply_document_id", "submission_id.state")
    def _compute_progress(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        today = self._today()
        for doc in self:
            if doc.origin == "dossier" and doc.submission_id:
                sub = doc.submission_id.sudo()
                doc.progress = dict(sub._fields["state"]._description_selection(self.env)).get(sub.state)
            elif doc.state == "done":
                doc.progress = self.env._("Handled on %s", doc.done_date.strftime("%d/%m/%Y")) if doc.done_date \
                    else states["done"]
            elif doc.state == "handling" and doc.handling_deadline:
                doc.progress = (self.env._("Overdue") if doc.handling_deadline < today
                                else self.env._("Being handled, within the deadline"))
            else:
                doc.progress = states.get(doc.state)

    @api.depends_context("uid")
    def _compute_user_may_direct(self):
        for doc in self:
            doc.user_may_direct = doc.state == "presented" and doc._may_direct(self.env.user)

    # ------------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------------
    @api.constrains("confidentiality", "attachment_ids", "medium")
    def _check_confidential_register_only(self):
        for doc in self.filtered(lambda d: d.confidentiality != "normal"):
            if doc.attachment_ids or doc.medium != "paper":
                raise ValidationError(self.env._(
                    "A confidential document is received and handled on paper under the state-secrets law: only "
                    "its register entry is kept here, without its files (Decree 30/2020 Đ22.4; 000 Đ16.2)."
                ))

    @api.constrains("leader_id", "committee_id")
    def _check_leader(self):
        for doc in self.filtered("leader_id"):
            if doc.leader_id not in doc.committee_id.sudo()._incoming_directors():
                raise ValidationError(self.env._(
                    "An incoming document is presented to the Chairman, a Vice-Chairman or the Chief of Office "
                    "of the committee (Decree 30/2020 Đ23; 001 Đ7.6)."
                ))

    @api.constrains("scan_dpi", "medium")
    def _check_scan_dpi(self):
        for doc in self.filtered(lambda d: d.medium == "paper" and d.scan_dpi and d.confidentiality == "normal"):
            if doc.scan_dpi < MIN_SCAN_DPI:
                raise ValidationError(self.env._(
                    "A paper document is scanned at %(dpi)s dpi at least (Decree 30/2020 PL I P.II §I.2); "
                    "this scan is %(scan)s dpi.", dpi=MIN_SCAN_DPI, scan=doc.scan_dpi,
                ))

    # ------------------------------------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_incoming_workflow"):
            defaults = {key[len("default_"):]: value for key, value in self.env.context.items()
                        if key.startswith("default_")}
            for vals in vals_list:
                self._check_workflow_values({**defaults, **vals})
        for vals in vals_list:
            self._check_linked_files(vals.get("attachment_ids"))
        docs = super().create(vals_list)
        docs._enforce_confidential_title()
        docs._adopt_files()
        return docs

    def write(self, vals):
        if not is_privileged(self, "ubnd_incoming_workflow"):
            self._check_workflow_values(vals)
            frozen = REGISTERED_FIELDS & set(vals)
            if frozen and self.filtered(lambda d: d.state != "received"):
                raise UserError(self.env._(
                    "%s: fixed once the document is in the register (Decree 30/2020 Đ22).",
                    ", ".join(sorted(self._fields[name]._description_string(self.env) for name in frozen)),
                ))
            if self.filtered(lambda d: d.state == "done") and set(vals) - {"file_code"} \
                    and not all(name.startswith(("message_", "activity_")) for name in vals):
                raise UserError(self.env._("A handled incoming document is part of the record and does not change."))
        self._check_linked_files(vals.get("attachment_ids"))
        res = super().write(vals)
        if {"name", "confidentiality", "document_number", "sender"} & set(vals):
            self._enforce_confidential_title()
        if "attachment_ids" in vals:
            self._adopt_files()
        return res

    @api.model
    def _check_linked_files(self, commands):
        """A file is linked only by someone who may read it: nobody adopts another person's upload by its id."""
        if commands and not self.env.su:
            self.env["ubnd.task"]._check_linked_attachments(commands)

    def _adopt_files(self):
        """The uploaded scan or e-file belongs to the document from now on: whoever may read the document may
        open it (the leader, the units it is distributed to), and nobody else."""
        for doc in self:
            files = doc.sudo().attachment_ids.filtered(lambda a: not a.res_id)
            files.write({"res_model": self._name, "res_id": doc.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unregistered(self):
        if self.filtered(lambda d: d.state != "received"):
            raise UserError(self.env._(
                "A registered incoming document is never deleted: its number stays in the register "
                "(Decree 30/2020 Đ22.2)."
            ))

    @api.model
    def _check_workflow_values(self, vals):
        forged = [name for name in WORKFLOW_FIELDS & set(vals)
                  if vals[name] and not (name == "state" and vals[name] == "received")
                  and not (name == "origin" and vals[name] == "external")]
        if forged:
            raise AccessError(self.env._(
                "%(fields)s of an incoming document are set only by its steps: the Office registers and presents "
                "it, the leader directs it (Decree 30/2020 Đ22–24).",
                fields=", ".join(sorted(self._fields[name]._description_string(self.env) for name in forged)),
            ))

    def _enforce_confidential_title(self):
        for doc in self.filtered(lambda d: d.confidentiality != "normal"):
            title = self.env._("Confidential document %(number)s of %(sender)s",
                               number=doc.document_number or "", sender=doc.sender or "")
            if doc.name != title:
                super(UbndIncoming, doc).write({"name": title})

    # ------------------------------------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _today(self):
        return self.env["ubnd.workday"].today()

    def _check_office(self):
        for doc in self:
            if not self.env.su and not (self.env.user.has_group("ubnd_quyche.group_ubnd_office")
                                        and doc.company_id in self.env.user.company_ids):
                raise AccessError(self.env._(
                    "Only the Office of the committee receives, registers and presents incoming documents "
                    "(Decree 30/2020 Đ20–23; 001 Đ7.6)."
                ))

    def _substitutes_of(self, leader):
        """Who may act today for ``leader`` under a grant in force (000 Đ6.3.h, Đ9.3.a)."""
        self.ensure_one()
        grants = self.env["ubnd.delegation"].sudo().search([
            ("grantor_id", "=", leader.id), ("committee_id", "=", self.committee_id.id), ("state", "=", "active"),
            ("kind", "in", ("acting_chair", "unit_deputy", "kt")), ("parent_id", "=", False),
        ])._in_force_on(self._today())
        return grants.grantee_id - leader

    def _may_direct(self, user):
        """The leader the document is presented to, or whoever acts for him today under a grant."""
        self.ensure_one()
        leader = self.leader_id
        return bool(leader) and (user == leader or user in self._substitutes_of(leader))

    def _check_may_direct(self):
        for doc in self:
            if doc.state != "presented":
                raise UserError(self.env._("Only a document presented to a leader is directed."))
            if not self.env.su and not doc._may_direct(self.env.user):
                raise AccessError(self.env._(
                    "Only the leader the document is presented to, or his lawful substitute, directs its handling "
                    "(Decree 30/2020 Đ23–24; 001 Đ7.6)."
                ))

    # ------------------------------------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------------------------------------
    def _workflow(self):
        return privileged(self.sudo(), "ubnd_incoming_workflow")

    @api.model
    def _next_number(self, committee, year, series):
        """The next number of the committee's series for ``year``: the committee's row is locked so two clerks
        registering at the same moment take consecutive numbers."""
        self.flush_model(["committee_id", "year", "series", "number"])
        self.env.cr.execute("SELECT id FROM ubnd_committee WHERE id = %s FOR UPDATE", [committee.id])
        self.env.cr.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM ubnd_incoming WHERE committee_id = %s AND year = %s AND series = %s",
            [committee.id, year, series],
        )
        return self.env.cr.fetchone()[0]

    def action_register(self):
        """The Office enters the document in the register: its incoming number and the “ĐẾN” stamp data
        (Decree 30/2020 Đ22; PL IV §V)."""
        self._check_office()
        for doc in self:
            if doc.state != "received":
                raise UserError(self.env._("This document is already in the register."))
            doc._check_receivable()
            doc._enter_in_register()
        return True

    def _check_receivable(self):
        self.ensure_one()
        if self.confidentiality != "normal":
            return
        if not self.attachment_ids:
            raise UserError(self.env._(
                "Attach the electronic document, or the scan of the paper document, before registering it "
                "(Decree 30/2020 Đ21–22)."
            ))
        if self.medium == "paper":
            if self.scan_dpi < MIN_SCAN_DPI:
                raise UserError(self.env._(
                    "Give the resolution of the scan: a paper document is digitised at %s dpi at least "
                    "(Decree 30/2020 PL I P.II §I.2).", MIN_SCAN_DPI,
                ))
            if self.attachment_ids.filtered(lambda a: a.mimetype != "application/pdf"):
                raise UserError(self.env._("A scanned paper document is filed as PDF (Decree 30/2020 PL I P.II §I.2)."))

    def _enter_in_register(self):
        self.ensure_one()
        now = fields.Datetime.now()
        today = self._local_date(now)
        series = "normal" if self.confidentiality == "normal" else "secret"
        self._workflow().write({
            "state": "registered",
            "series": series,
            "year": today.year,
            "number": self._next_number(self.committee_id, today.year, series),
            "registered_at": now,
            "registered_by_id": self.env.user.id,
            "registered_late": bool(self.registration_deadline and today > self.registration_deadline),
        })

    def action_present(self):
        """The Office presents the registered document to the leader who directs it (Decree 30/2020 Đ23.2)."""
        self._check_office()
        for doc in self:
            if doc.state != "registered" or doc.origin != "external":
                raise UserError(self.env._("Only a registered document is presented to a leader."))
            if not doc.leader_id:
                raise UserError(self.env._("Choose the leader the document is presented to."))
            doc._workflow().write({"state": "presented", "presented_at": fields.Datetime.now()})
            doc.sudo().message_subscribe(partner_ids=doc.leader_id.partner_id.ids)
            doc.sudo().activity_schedule(
                "mail.mail_activity_data_todo", user_id=doc.leader_id.id, date_deadline=doc._today(),
                summary=self.env._("Direct the handling of incoming document No. %s", doc.number),
            )
        return True

    def action_open_direct_wizard(self):
        self.ensure_one()
        self._check_may_direct()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Direct the handling"),
            "res_model": "ubnd.incoming.direct.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_incoming_id": self.id},
        }

    def _direct(self, note, lines, assigns_task):
        """Record the leader's direction (PL IV §VII block 1), distribute the document to the units with their
        deadlines and, when the direction assigns work, create the assigned task from it (002 Đ3, Đ6.2.a)."""
        self.ensure_one()
        self._check_may_direct()
        if len([line for line in lines if line["role"] == "lead"]) != 1:
            raise UserError(self.env._("A direction names exactly one lead unit (000 Đ2.4)."))
        confidential = self.confidentiality != "normal"
        now = fields.Datetime.now()
        workflow = self._workflow()
        workflow.write({
            "state": "handling",
            "direction_note": False if confidential else note,
            "directed_by_id": self.env.user.id,
            "directed_at": now,
            "direction_date": self._today(),
            "assignment_ids": [(0, 0, line) for line in lines],
        })
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._distribute()
        if assigns_task:
            self._create_task(note)
        return True

    def _distribute(self):
        """Each unit the document goes to follows it and finds it in its to-do list (Decree 30/2020 Đ23.3)."""
        self.ensure_one()
        for line in self.assignment_ids:
            users = line._recipients()
            self.sudo().message_subscribe(partner_ids=users.partner_id.ids)
            for user in users:
                self.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", user_id=user.id,
                    date_deadline=line.deadline or self._today(),
                    summary=(self.env._("Lead the handling of incoming document No. %s", self.number)
                             if line.role == "lead" else
                             self.env._("Support the handling of incoming document No. %s", self.number)),
                )
        self.sudo().message_post(
            body=self.env._("Distributed to: %s.", ", ".join(
                "%s (%s)" % (line.unit_id.name, dict(line._fields["role"]._description_selection(self.env))[line.role])
                for line in self.assignment_ids)),
            subtype_xmlid="mail.mt_note",
        )

    def _create_task(self, note):
        """The assigned task, with this document as its source, so a superior body's task is tracked from its
        arrival (002 Đ1.1, Đ5.1.a)."""
        self.ensure_one()
        lead = self.assignment_ids.filtered(lambda a: a.role == "lead")
        supporting = self.assignment_ids.filtered(lambda a: a.role == "support")
        committee = self.committee_id
        vals = {
            "name": (self.name or "")[:250],
            "committee_id": committee.id,
            "kind": "government" if self.sender_kind == "government" else "committee",
            "source_kind": "directive",
            "source_name": self.document_type_id.name or self.env._("Incoming document"),
            "source_number": self.document_number or self.env._("Incoming No. %s", self.number),
            "source_summary": self.name,
            "source_date": self.document_date or self.received_date,
            "source_signer": self.signer_info,
            "proposing_body": self.sender,
            "confidentiality": self.confidentiality,
            "lead_unit_id": lead.unit_id.id,
            "coordinating_unit_ids": [(6, 0, supporting.unit_id.ids)],
            "deadline": lead.deadline,
            "deadline_kind": "complete" if lead.deadline else False,
            "tracking_unit_id": committee.office_unit_id.id,
            "incoming_id": self.id,
        }
        if lead.user_id:
            vals["lead_user_id"] = lead.user_id.id
        if self.confidentiality == "normal":
            vals["content"] = "<p>%s</p>" % (note or self.name)
        Task = privileged(self.env["ubnd.task"].sudo(), "ubnd_incoming_workflow")
        task = Task.create(vals)
        try:
            with self.env.cr.savepoint():
                task.action_assign()
        except UserError as error:
            task.message_post(body=self.env._("Not assigned yet: %s", error.args[0]), subtype_xmlid="mail.mt_note")
        self.sudo().message_post(
            body=self.env._("Task created from the direction: %s", task.display_name), subtype_xmlid="mail.mt_note",
        )
        return task

    def action_done(self):
        """The Office closes the follow-up with the reply document or the result (PL IV §VIII)."""
        self._check_office()
        for doc in self:
            if doc.state != "handling":
                raise UserError(self.env._("Only a document being handled is closed."))
            if not doc.reply_document_id and not doc.result_note:
                raise UserError(self.env._("Give the reply document or the result of the handling."))
            doc._workflow().write({"state": "done", "done_date": doc._today()})
            doc.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_view_tasks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assigned tasks"),
            "res_model": "ubnd.task",
            "view_mode": "list,form",
            "domain": [("incoming_id", "=", self.id)],
        }

    # ------------------------------------------------------------------------------------------------
    # Dossiers submitted to the leaders (001 Đ12.1)
    # ------------------------------------------------------------------------------------------------
    @api.model
    def _log_dossier(self, submission, received_at=None):
        """Register the dossier the Office received as incoming, before it reaches the leader (001 Đ12.1);
        state-secret dossiers stay outside the electronic system."""
        if submission.confidentiality != "normal" or self.sudo().search_count([("submission_id", "=", submission.id)]):
            return self.browse()
        sub = submission.sudo()
        doc = privileged(self.sudo(), "ubnd_incoming_workflow").create({
            "origin": "dossier",
            "submission_id": sub.id,
            "committee_id": sub.committee_id.id,
            "name": sub.name,
            "sender": sub.submitting_unit_id.name or sub.submitter_id.name,
            "sender_kind": "unit",
            "document_number": sub.reference,
            "document_date": sub.received_date or fields.Date.context_today(self),
            "urgency": sub.urgency,
            "medium": "electronic",
            "received_at": received_at or fields.Datetime.now(),
            "leader_id": sub.leader_id.id if sub.leader_id in sub.committee_id._incoming_directors() else False,
        })
        doc._enter_in_register()
        return doc

