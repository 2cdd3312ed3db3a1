from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CONFIDENTIALITY = [
    ("normal", "Not confidential"),
    ("mat", "Confidential (Mật)"),
    ("toi_mat", "Secret (Tối mật)"),
    ("tuyet_mat", "Top secret (Tuyệt mật)"),
]
URGENCY = [
    ("normal", "Normal"),
    ("khan", "Urgent (Khẩn)"),
    ("thuong_khan", "Very urgent (Thượng khẩn)"),
    ("hoa_toc", "Immediate (Hỏa tốc)"),
]


# Written only by signing, numbering, issuing and publishing: never directly by a caller.
PROTECTED_FIELDS = frozenset({
    "state", "number", "year", "reference", "date", "signer_id", "signing_capacity", "signature_block",
    "delegation_id", "signed_at", "issue_deadline", "issued_at", "issued_late", "published_at",
})


class UbndDocument(models.Model):
    """An outgoing document of the committee: signed in a lawful capacity, numbered and issued.

    Decree 30/2020: the number is assigned after signing, in the same transaction (Đ15.2);
    numbers restart at 01 on 1 January (Đ15.1); number + symbol is unique within the body and
    the year (Đ15.1); confidential documents have their own series (Đ15.2). The Office issues
    a signed document within the profile's deadline (000 Đ20.1, 001 Đ16.1). Directive documents
    and conclusion notices are the source of assigned tasks.
    """

    _name = "ubnd.document"
    _description = "Outgoing document"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, number desc, id desc"
    _rec_name = "display_reference"

    name = fields.Char("Summary (trích yếu)", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    document_type_id = fields.Many2one("ubnd.document.type", required=True, ondelete="restrict", tracking=True)
    authority = fields.Selection(
        [("committee", "The committee (collective)"), ("chairman", "The Chairman")],
        required=True, default="committee",
        help="Whose competence the document exercises: the committee's (TM. ỦY BAN NHÂN DÂN) or the Chairman's own.",
    )
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True)
    drafting_unit_id = fields.Many2one("hr.department", string="Drafting unit")
    confidentiality = fields.Selection(CONFIDENTIALITY, required=True, default="normal", tracking=True)
    urgency = fields.Selection(URGENCY, required=True, default="normal")
    number = fields.Integer(readonly=True, copy=False, tracking=True)
    year = fields.Integer(readonly=True, copy=False, index=True)
    symbol = fields.Char(compute="_compute_symbol", store=True, readonly=False, copy=False)
    reference = fields.Char("Number and symbol", readonly=True, copy=False, index=True)
    display_reference = fields.Char(compute="_compute_display_reference")
    date = fields.Date("Document date", readonly=True, copy=False)
    signer_id = fields.Many2one("res.users", string="Signed by", readonly=True, copy=False, tracking=True)
    signing_capacity = fields.Char(readonly=True, copy=False)
    signature_block = fields.Text(readonly=True, copy=False)
    delegation_id = fields.Many2one("ubnd.delegation", string="Under grant", readonly=True, copy=False)
    signed_at = fields.Datetime(readonly=True, copy=False)
    issue_deadline = fields.Date(readonly=True, copy=False, help="000 Đ20.1 — issued within the profile's deadline after signing.")
    issued_at = fields.Datetime(readonly=True, copy=False)
    issued_late = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("issued", "Issued"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False,
    )
    is_legal_normative = fields.Boolean(
        "Legal normative document",
        help="000 Đ20.3, Đ52.1, 001 Đ16.2: legal normative documents are posted on the committee's portal "
        "and sent to the official gazette, except state secrets.",
    )
    concerns_citizens = fields.Boolean(
        help="000 Đ20.2: a document bearing directly on citizens' rights and obligations is notified to them.",
    )
    publication_state = fields.Selection(
        [("not_required", "Not required"), ("to_publish", "To publish"), ("published", "Published")],
        compute="_compute_publication_state", store=True, index=True,
    )
    published_at = fields.Datetime(readonly=True, copy=False)
    recipients = fields.Text("Recipients (Nơi nhận)")
    body = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Files")

    series = fields.Selection(
        [("normal", "Normal"), ("confidential", "Confidential")], compute="_compute_series", store=True,
        help="Decree 30/2020 Đ15.2: confidential documents are numbered and registered in their own series.",
    )

    _reference_unique = models.Constraint(
        "UNIQUE(committee_id, year, series, number, symbol)",
        "This number and symbol is already used by the committee this year (Decree 30/2020 Art. 15).",
    )

    @api.depends("confidentiality")
    def _compute_series(self):
        for doc in self:
            doc.series = "confidential" if doc.confidentiality != "normal" else "normal"

    @api.depends("document_type_id", "committee_id.issuer_code", "drafting_unit_id.ubnd_code")
    def _compute_symbol(self):
        for doc in self:
            issuer = doc.committee_id.issuer_code or "UBND"
            code = doc.document_type_id.code
            if code:
                doc.symbol = "%s-%s" % (code, issuer)
            else:  # Công văn: issuer and drafting unit (Decree 30/2020 App. I §II.3)
                unit = doc.drafting_unit_id.ubnd_code
                doc.symbol = "%s-%s" % (issuer, unit) if unit else issuer

    @api.depends("reference", "name")
    def _compute_display_reference(self):
        for doc in self:
            doc.display_reference = "%s %s" % (doc.reference, doc.name) if doc.reference else doc.name

    @api.depends("state", "is_legal_normative", "concerns_citizens", "confidentiality", "published_at")
    def _compute_publication_state(self):
        for doc in self:
            if doc.published_at:
                doc.publication_state = "published"
            elif (doc.state == "issued" and doc.confidentiality == "normal"
                  and (doc.is_legal_normative or doc.concerns_citizens)):
                doc.publication_state = "to_publish"
            else:
                doc.publication_state = "not_required"

    def action_publish(self):
        """The Office posts an issued document on the portal (000 Đ20.2–20.3, Đ52.1; 001 Đ16.2); never a state secret."""
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise UserError(self.env._("Only the Office publishes documents."))
        for doc in self:
            if doc.confidentiality != "normal":
                raise UserError(self.env._("A state-secret document is never published (000 Đ20.3)."))
            if doc.state != "issued":
                raise UserError(self.env._("Only an issued document can be published."))
        self.sudo().write({"published_at": fields.Datetime.now()})
        return True

    # --- Printing (Decree 30/2020 App. I) -------------------------------------------------------
    def _nd30_date_line(self):
        """'Hải Phòng, ngày 05 tháng 3 năm 2026': days below 10 and months 1–2 take a leading zero."""
        self.ensure_one()
        day = self.date
        if not day:
            return "%s, ngày      tháng      năm %s" % (self.committee_id.place_name or "", fields.Date.context_today(self).year)
        month = "%02d" % day.month if day.month <= 2 else str(day.month)
        return "%s, ngày %02d tháng %s năm %s" % (self.committee_id.place_name or "", day.day, month, day.year)

    def _nd30_number_line(self):
        self.ensure_one()
        if self.number:
            return "Số: %02d/%s" % (self.number, self.symbol)
        return "Số:       /%s" % (self.symbol or "")

    # --- Numbering ------------------------------------------------------------------------------
    def _series(self):
        """Confidential documents have their own series (Decree 30/2020 Đ15.2)."""
        self.ensure_one()
        return self.series

    def _sequence(self):
        self.ensure_one()
        code = "ubnd.document.%s.%s" % (self.committee_id.id, self._series())
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search([("code", "=", code)], limit=1)
        if not sequence:
            sequence = Sequence.create({
                "name": "%s – %s" % (self.committee_id.name, self._series()),
                "code": code,
                "company_id": self.committee_id.company_id.id,
                "padding": 2,
                "use_date_range": True,  # one range per year: restarts at 01 on 1 January
                "implementation": "no_gap",
            })
        return sequence

    def _assign_number(self, on_date):
        self.ensure_one()
        number = int(self._sequence().next_by_id(sequence_date=on_date))
        self.write({
            "number": number,
            "year": on_date.year,
            "date": on_date,
            "reference": "%02d/%s" % (number, self.symbol),
        })

    # --- Signing and issuance --------------------------------------------------------------------
    def action_sign(self):
        """Sign in a capacity the delegation register allows, then number the document at once."""
        today = fields.Date.context_today(self)
        for doc in self:
            if doc.state != "draft":
                raise UserError(self.env._("Only a draft document can be signed."))
            capacity = self.env["ubnd.signing"].check_signing_capacity(
                self.env.user, doc.committee_id, doc.authority, doc.document_type_id, doc.field_id, today,
                area=doc.drafting_unit_id if doc.drafting_unit_id.ubnd_unit_kind == "commune" else None,
            )
            doc.sudo()._record_signature(capacity, today)
        return True

    def _record_signature(self, capacity, on_date):
        self.ensure_one()
        profile = self.committee_id.profile_id
        self.write({
            "state": "signed",
            "signer_id": capacity["signer_id"],
            "signing_capacity": capacity["code"],
            "signature_block": "\n".join(capacity["lines"]),
            "delegation_id": capacity["grant_id"],
            "signed_at": fields.Datetime.now(),
            "issue_deadline": profile.compute_deadline(on_date, "issuance_days", self.company_id),
        })
        self._assign_number(on_date)

    def action_issue(self):
        """The Office issues the signed document (000 Đ20.1, 001 Đ16.1)."""
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise UserError(self.env._("Only the Office issues documents."))
        today = fields.Date.context_today(self)
        for doc in self:
            if doc.state != "signed":
                raise UserError(self.env._("Only a signed document can be issued."))
            doc.sudo().write({
                "state": "issued",
                "issued_at": fields.Datetime.now(),
                "issued_late": bool(doc.issue_deadline and today > doc.issue_deadline),
            })
        return True

    def action_cancel(self):
        for doc in self:
            if doc.state != "draft":
                raise UserError(self.env._(
                    "A signed document keeps its number: correct it by an amending or replacing document."
                ))
        self.sudo().write({"state": "cancelled"})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in PROTECTED_FIELDS:
                    vals.pop(fname, None)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and PROTECTED_FIELDS & set(vals):
            raise AccessError(self.env._("A document's number, signature and status change only by signing and issuing it."))
        protected = {"name", "document_type_id", "authority", "field_id", "confidentiality", "body", "symbol"}
        if not self.env.su and protected & set(vals) and self.filtered(lambda d: d.state in ("signed", "issued")):
            raise ValidationError(self.env._("A signed document cannot be changed."))
        return super().write(vals)
