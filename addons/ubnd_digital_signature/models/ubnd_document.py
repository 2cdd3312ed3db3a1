import base64
import hashlib
import secrets

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ubnd_quyche.models.ubnd_document_print import DOCUMENT_REPORT

ISSUED_FILE_FIELDS = {"ubnd_issued_attachment_id", "ubnd_issued_sha256", "ubnd_register_entry_id", "ubnd_verify_token"}


class UbndDocument(models.Model):
    """The issued file of a document: fixed once at issuance, entered in the register of signed documents and
    verifiable by anyone holding the paper or the file (QR code -> public page ``/ubnd/verify/<token>``)."""

    _inherit = "ubnd.document"

    ubnd_issued_attachment_id = fields.Many2one(
        "ir.attachment", string="Issued file", readonly=True, copy=False,
        help="The file fixed when the Office issued the document; its SHA-256 is in the register.")
    ubnd_issued_sha256 = fields.Char("SHA-256 of the issued file", readonly=True, copy=False)
    ubnd_register_entry_id = fields.Many2one("ubnd.signature.register", string="Register entry", readonly=True,
                                             copy=False)
    ubnd_register_sequence = fields.Integer(related="ubnd_register_entry_id.sequence", string="Register no.")
    ubnd_verify_token = fields.Char("Verification token", readonly=True, copy=False, index="btree_not_null",
                                    groups="base.group_user")
    ubnd_verify_url = fields.Char("Verification page", compute="_compute_ubnd_verify_url")

    def _compute_ubnd_verify_url(self):
        for doc in self:
            token = doc.sudo().ubnd_verify_token
            doc.ubnd_verify_url = token and "%s/ubnd/verify/%s" % (doc.get_base_url(), token)

    def write(self, vals):
        if not self.env.su and ISSUED_FILE_FIELDS & set(vals):
            raise AccessError(self.env._("The issued file and its verification are fixed by issuing the document."))
        return super().write(vals)

    def action_issue(self):
        result = super().action_issue()
        for doc in self:
            doc._ubnd_fix_issued_file()
        return result

    # ------------------------------------------------------------------ issuance
    def _ubnd_fix_issued_file(self):
        """Fix the issued file: the PDF signed through the signature flow if there is one, else the printout
        rendered once now (carrying the QR code of its verification page), then append it to the register."""
        self.ensure_one()
        doc = self.sudo()
        doc._ubnd_ensure_verify_token()
        request = doc._ubnd_signed_request()
        if request:
            content, mimetype, extension = base64.b64decode(request.signed_pdf), "application/pdf", "pdf"
        else:
            content, mimetype, extension = doc._ubnd_render_issued_file()
        # The committee's digital signature (models/ubnd_document_seal.py), applied as the acting Office.
        content, summary = self._ubnd_apply_committee_signature(content, request.summary if request else False)
        name = "%s.%s" % ((doc.reference or doc.name).replace("/", "-"), extension)
        attachment = self.env["ir.attachment"].sudo().create({
            "name": name, "raw": content, "mimetype": mimetype, "res_model": doc._name, "res_id": doc.id,
        })
        entry = self.env["ubnd.signature.register"]._append(
            doc.committee_id, doc.reference or doc.name, content, res_model=doc._name, res_id=doc.id,
            signature_summary=summary)
        doc.write({
            "ubnd_issued_attachment_id": attachment.id,
            "ubnd_issued_sha256": entry.sudo().file_sha256,
            "ubnd_register_entry_id": entry.id,
        })

    def _ubnd_ensure_verify_token(self):
        """The verification page's token, drawn once: before the final PDF is signed, so that the signed file
        carries its QR code (the page answers only once the document is issued)."""
        for doc in self.sudo().filtered(lambda d: not d.ubnd_verify_token):
            doc.ubnd_verify_token = secrets.token_urlsafe(32)

    def _ubnd_render_final_pdf(self):
        """The final PDF a signer signs: number, date, signature block and the QR code of the verification page.
        Rendered as a PDF even in a test run, since it is what the signature covers."""
        self.ensure_one()
        self._ubnd_ensure_verify_token()
        content, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            DOCUMENT_REPORT, self.ids)
        if kind != "pdf":
            raise UserError(self.env._("The document could not be printed as a PDF to sign."))
        return content

    def _ubnd_signed_request(self):
        return self.env["ubnd.signature.request"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id), ("state", "=", "signed"),
        ], order="id desc", limit=1).filtered("signed_pdf")

    def _ubnd_render_issued_file(self):
        """The printout as a PDF. Odoo renders HTML instead in a test run unless forced
        (``force_report_rendering``): then the HTML is what is fixed, so that tests need no wkhtmltopdf."""
        content, kind = self.env["ir.actions.report"]._render_qweb_pdf(DOCUMENT_REPORT, self.ids)
        if kind == "pdf":
            return content, "application/pdf", "pdf"
        return content, "text/html", "html"

    def _ubnd_qr_data_uri(self):
        """The QR code of the verification page, inline (wkhtmltopdf fetches nothing)."""
        png = self.env["ir.actions.report"].barcode("QR", self.ubnd_verify_url, width=200, height=200,
                                                     barBorder=0)
        return "data:image/png;base64,%s" % base64.b64encode(png).decode()

    # ------------------------------------------------------------------ verification
    def _ubnd_verification(self):
        """What the public page proves about an issued document, without its content."""
        self.ensure_one()
        doc = self.sudo()
        entry = doc.ubnd_register_entry_id
        stored = doc.ubnd_issued_attachment_id.raw or b""
        stored_sha256 = hashlib.sha256(stored).hexdigest() if doc.ubnd_issued_attachment_id else False
        register = self.env["ubnd.signature.register"].sudo().verify_register(doc.committee_id.id) if entry else {}
        chain_ok = bool(entry) and (register.get("ok") or register.get("broken_sequence", 0) > entry.sequence)
        return {
            "sha256": doc.ubnd_issued_sha256,
            "register_sequence": entry.sequence,
            "register_matches": bool(entry) and entry.file_sha256 == doc.ubnd_issued_sha256,
            "stored_file_intact": bool(stored_sha256) and stored_sha256 == doc.ubnd_issued_sha256,
            "chain_intact": chain_ok,
            "chain_hash": entry.chain_hash,
            "signature_summary": entry.signature_summary,
        }

    def _ubnd_local_time(self, value):
        """A moment in the committee's time zone, with its offset (as on the signature line)."""
        local = fields.Datetime.context_timestamp(self.with_context(tz=self.committee_id.tz), value)
        offset = local.strftime("%z")
        return "%s %s:%s" % (local.strftime("%H:%M:%S %d/%m/%Y"), offset[:3], offset[3:])

    def _ubnd_file_matches(self, content):
        """Whether ``content`` is byte for byte the issued file."""
        self.ensure_one()
        issued = self.sudo().ubnd_issued_sha256
        return bool(issued) and hashlib.sha256(content or b"").hexdigest() == issued
