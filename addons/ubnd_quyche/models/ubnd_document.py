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
    "series", "publication_state", "signing_preview",
})
CORRECTION_KINDS = [
    ("amend", "Amends or supplements (sửa đổi, bổ sung)"),
    ("replace", "Replaces (thay thế)"),
    ("repeal", "Repeals (bãi bỏ)"),
    ("correct", "Corrects an error (đính chính)"),
]


def _is_trail_field(name):
    """The chatter of a record (messages, followers, activities): it grows after signing, it is not the act."""
    return name.startswith(("message_", "activity_")) or name in ("website_message_ids", "rating_ids")


class UbndDocument(models.Model):
    """An outgoing document of the committee: signed in a lawful capacity, numbered and issued.

    Decree 30/2020: the number is assigned after signing, in the same transaction (Đ15.2);
    numbers restart at 01 on 1 January (Đ15.1); number + symbol is unique within the body and
    the year (Đ15.1); confidential documents have their own series (Đ15.2). The Office issues
    a signed document within the profile's deadline (000 Đ20.1, 001 Đ16.1). Directive documents
    and conclusion notices are the source of assigned tasks.

    A signed document is the legal record: it is never deleted and nothing of it changes (number, date,
    committee, text, files, recipients, signer...). A correction is a new document that amends, replaces,
    repeals or corrects it (Decree 30/2020 Đ10, App. I), linked to it and tracked.
    """

    _name = "ubnd.document"
    _description = "Outgoing document"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, number desc, id desc"
    _rec_name = "display_reference"
    _rec_names_search = ["reference", "name"]  # display_reference is computed, not searchable

    name = fields.Char("Summary (trích yếu)", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict", tracking=True,
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    document_type_id = fields.Many2one("ubnd.document.type", required=True, ondelete="restrict", tracking=True)
    authority = fields.Selection(
        [("committee", "The committee (collective)"), ("chairman", "The Chairman")],
        required=True, default="committee", tracking=True,
        help="Whose competence the document exercises: the committee's (TM. ỦY BAN NHÂN DÂN) or the Chairman's own.",
    )
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True)
    drafting_unit_id = fields.Many2one("hr.department", string="Drafting unit", tracking=True)
    confidentiality = fields.Selection(CONFIDENTIALITY, required=True, default="normal", tracking=True)
    urgency = fields.Selection(URGENCY, required=True, default="normal", tracking=True)
    number = fields.Integer(readonly=True, copy=False, tracking=True)
    year = fields.Integer(readonly=True, copy=False, index=True, tracking=True)
    symbol = fields.Char(compute="_compute_symbol", store=True, readonly=False, copy=False, tracking=True)
    reference = fields.Char("Number and symbol", readonly=True, copy=False, index=True, tracking=True)
    display_reference = fields.Char(compute="_compute_display_reference")
    date = fields.Date("Document date", readonly=True, copy=False, tracking=True)
    signer_id = fields.Many2one("res.users", string="Signed by", readonly=True, copy=False, tracking=True)
    signing_capacity = fields.Char(readonly=True, copy=False)
    signature_block = fields.Text(readonly=True, copy=False)
    delegation_id = fields.Many2one(
        "ubnd.delegation", string="Under grant", readonly=True, copy=False, ondelete="restrict", tracking=True,
    )
    signed_at = fields.Datetime(readonly=True, copy=False)
    issue_deadline = fields.Date(readonly=True, copy=False, help="000 Đ20.1 — issued within the profile's deadline after signing.")
    issued_at = fields.Datetime(readonly=True, copy=False)
    issued_late = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("issued", "Issued"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False,
    )
    is_legal_normative = fields.Boolean(
        "Legal normative document", tracking=True,
        help="000 Đ20.3, Đ52.1, 001 Đ16.2: legal normative documents are posted on the committee's portal "
        "and sent to the official gazette, except state secrets.",
    )
    concerns_citizens = fields.Boolean(
        tracking=True,
        help="000 Đ20.2: a document bearing directly on citizens' rights and obligations is notified to them.",
    )
    publication_state = fields.Selection(
        [("not_required", "Not required"), ("to_publish", "To publish"), ("published", "Published")],
        compute="_compute_publication_state", store=True, index=True,
    )
    published_at = fields.Datetime(readonly=True, copy=False)
    recipients = fields.Text("Recipients (Nơi nhận)", tracking=True)
    body = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Files", tracking=True)
    corrected_document_id = fields.Many2one(
        "ubnd.document", string="Amends / replaces", index=True, ondelete="restrict", copy=False, tracking=True,
        domain="[('committee_id', '=', committee_id), ('state', 'in', ('signed', 'issued'))]",
        help="Decree 30/2020: a signed document is corrected only by a new document that amends, supplements, "
        "replaces, repeals or corrects it. This is the document it corrects.",
    )
    correction_kind = fields.Selection(CORRECTION_KINDS, string="Kind of correction", copy=False, tracking=True)
    correction_ids = fields.One2many("ubnd.document", "corrected_document_id", string="Amended / replaced by")

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

    # Printing (Decree 30/2020 App. I): ubnd_document_print.py.

    # --- Numbering ------------------------------------------------------------------------------
    def _series(self):
        """Confidential documents have their own series (Decree 30/2020 Đ15.2)."""
        self.ensure_one()
        return self.series

    def _sequence(self, on_date=None):
        self.ensure_one()
        code = "ubnd.document.%s.%s" % (self.committee_id.id, self._series())
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search([("code", "=", code)], limit=1)
        if not sequence or (on_date and not sequence.date_range_ids.filtered(
                lambda r: r.date_from <= on_date <= r.date_to)):
            self._serialize_new_series()
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

    def _serialize_new_series(self):
        """The first signature of a series (or of a year) creates its sequence: two signatures at once would
        each create one and both take number 01. Touching the committee's row makes the later of two such
        transactions fail to serialise, and the RPC layer retries it, now seeing the series the first made."""
        self.env.cr.execute(
            "UPDATE ubnd_committee SET write_date = write_date WHERE id = %s", [self.committee_id.id],
        )

    def _assign_number(self, on_date):
        self.ensure_one()
        number = int(self._sequence(on_date).next_by_id(sequence_date=on_date))
        self.write({
            "number": number,
            "year": on_date.year,
            "date": on_date,
            "reference": "%02d/%s" % (number, self.symbol),
        })

    # --- Signing and issuance --------------------------------------------------------------------
    def action_open_sign(self):
        """The signing screen: the signer reads the document and the capacity he signs it in, then confirms."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft document can be signed."))
        return self.env["ubnd.sign.confirm"]._action_open(self)

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
        self._note_on_corrected_documents()
        return True

    def action_cancel(self):
        for doc in self:
            if doc.state != "draft":
                raise UserError(self.env._(
                    "A signed document keeps its number: correct it by an amending or replacing document."
                ))
        self.sudo().write({"state": "cancelled"})
        return True

    # --- Corrections (Decree 30/2020: a new document amends, replaces or corrects) ------------------
    @api.constrains("corrected_document_id", "correction_kind", "committee_id")
    def _check_correction(self):
        for doc in self.filtered("corrected_document_id"):
            original = doc.corrected_document_id
            if original == doc or original.committee_id != doc.committee_id:
                raise ValidationError(self.env._(
                    "A correcting document corrects another document of the same committee."
                ))
            if original.state not in ("signed", "issued"):
                raise ValidationError(self.env._(
                    "Only a signed or issued document is amended, replaced or corrected by a new document; "
                    "a draft is simply edited."
                ))
            if not doc.correction_kind:
                raise ValidationError(self.env._(
                    "Say whether the new document amends, replaces, repeals or corrects %(reference)s.",
                    reference=original.display_reference,
                ))

    def _note_on_corrected_documents(self):
        """The corrected document keeps its text; its chatter says which document amended or replaced it."""
        _ = self.env._
        sentences = {
            "amend": _("This document is amended or supplemented by %(reference)s."),
            "replace": _("This document is replaced by %(reference)s."),
            "repeal": _("This document is repealed by %(reference)s."),
            "correct": _("This document is corrected by %(reference)s."),
        }
        for doc in self.filtered("corrected_document_id"):
            sentence = sentences.get(doc.correction_kind) or sentences["amend"]
            doc.corrected_document_id.sudo().message_post(body=sentence % {"reference": doc.display_reference})

    # --- The legal record -------------------------------------------------------------------------
    def _check_committee_allowed(self, committee_id):
        """A document is drafted for a committee the user works for, never moved to another one."""
        if committee_id and not self.env.su:
            committee = self.env["ubnd.committee"].browse(committee_id)
            if not committee.exists() or committee.company_id not in self.env.user.company_ids:
                raise AccessError(self.env._("You can only draft documents of your own committee."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in PROTECTED_FIELDS:
                    vals.pop(fname, None)
                self._check_committee_allowed(vals.get("committee_id"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if PROTECTED_FIELDS & set(vals):
                raise AccessError(self.env._(
                    "A document's number, signature and status change only by signing and issuing it."
                ))
            changed = {name for name in vals if not _is_trail_field(name)}
            if changed and self.filtered(lambda d: d.state != "draft"):
                raise ValidationError(self.env._(
                    "A signed, issued or cancelled document is never altered (number, date, committee, text, "
                    "files, recipients, signer): a correction is a new document that amends, replaces or corrects "
                    "it (Decree 30/2020)."
                ))
            if "committee_id" in vals:
                self._check_committee_allowed(vals["committee_id"])
        return super().write(vals)

    def unlink(self):
        """The register has no gaps: a signed or numbered document is never deleted (Decree 30/2020 Đ15)."""
        if self.filtered(lambda d: d.state in ("signed", "issued") or d.number or d.reference):
            raise UserError(self.env._(
                "A signed or numbered document stays in the register: it is never deleted. Correct it by a new "
                "document that amends, replaces or repeals it (Decree 30/2020)."
            ))
        return super().unlink()


class IrAttachment(models.Model):
    """The files of a signed document, or of a grant that was put in force, are part of the record."""

    _inherit = "ir.attachment"

    def _ubnd_frozen_owner(self):
        if not self.ids:
            return False
        if self.env["ubnd.document"].sudo().search_count(
                [("attachment_ids", "in", self.ids), ("state", "!=", "draft")], limit=1):
            return True
        return bool(self.env["ubnd.delegation"].sudo().search_count(
            [("attachment_ids", "in", self.ids), ("state", "!=", "draft")], limit=1))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._ubnd_check_not_added_to_signed_documents(vals_list)
        return super().create(vals_list)

    @api.model
    def _ubnd_check_not_added_to_signed_documents(self, vals_list):
        """A signed document carries the files it was signed with: no file is slipped in afterwards, not even
        through its chatter (a correction is a new document)."""
        ids = {vals.get("res_id") for vals in vals_list if vals.get("res_model") == "ubnd.document" and vals.get("res_id")}
        if ids and self.env["ubnd.document"].sudo().search_count(
                [("id", "in", list(ids)), ("state", "!=", "draft")], limit=1):
            raise AccessError(self.env._(
                "This document is signed: no file is added to it. A correction is a new document that amends or "
                "replaces it (Decree 30/2020)."
            ))

    def write(self, vals):
        if not self.env.su and {"res_model", "res_id"} & set(vals):
            self._ubnd_check_not_added_to_signed_documents([
                {"res_model": vals.get("res_model", att.res_model), "res_id": vals.get("res_id", att.res_id)}
                for att in self.sudo()
            ])
        if not self.env.su and set(vals) - {"access_token"} and self._ubnd_frozen_owner():
            raise AccessError(self.env._(
                "This file belongs to a signed document or to a grant that was put in force: it never changes."
            ))
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self._ubnd_frozen_owner():
            raise AccessError(self.env._(
                "This file belongs to a signed document or to a grant that was put in force: it is never deleted."
            ))
        return super().unlink()
