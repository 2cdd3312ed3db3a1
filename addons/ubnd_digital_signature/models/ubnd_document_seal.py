import os

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import pades

SEAL_FIELD = "Seal"
SEAL_FIELDS = {"ubnd_seal_summary", "ubnd_sealed_attachment_ids"}


class UbndDocument(models.Model):
    """The committee's digital signature at issuance (Decree 30/2020 Đ5.1: signed by the competent person *and*
    by the body; PL I §II.8).

    When the Office's văn thư issues the document, the issued PDF (the one the leader signed, else the printout)
    receives the committee's signature through the seal certificate's PKCS#11 token, its seal image over a third
    of the leader's signature; each attachment filed as a separate PDF receives it too, as a text stamp at the top
    right of its first page. Only the Office of that committee may apply it; the seal's key stays in the token.

    A committee without a seal token on the server (no seal certificate naming a PKCS#11 module and token) issues
    as before, the file unsealed, and the document's history says so: the body's digital signature is then applied
    outside the suite. A configured token that fails (PIN missing, certificate expired) refuses the issuance.
    """

    _inherit = "ubnd.document"

    ubnd_seal_summary = fields.Char("Committee's digital signature", readonly=True, copy=False)
    ubnd_sealed_attachment_ids = fields.Many2many(
        "ir.attachment", "ubnd_document_sealed_attachment_rel", "document_id", "attachment_id",
        string="Signed attachments", readonly=True, copy=False,
        help="The attachments in separate files, each signed by the committee at issuance.")

    def write(self, vals):
        if not self.env.su and SEAL_FIELDS & set(vals):
            raise AccessError(self.env._("The committee's digital signature is applied by issuing the document."))
        return super().write(vals)

    def _ubnd_seal_certificate(self):
        """The committee's seal certificate whose key is in a token reachable from the server (PKCS#11 module and
        token label set), one that counts now first; empty when the committee has none."""
        self.ensure_one()
        certificates = self.env["certificate.certificate"].sudo().search([
            ("scope", "=", "ubnd_seal"), ("ubnd_committee_id", "=", self.committee_id.id),
            ("ubnd_pkcs11_module", "!=", False), ("ubnd_pkcs11_token_label", "!=", False)])
        return (certificates.filtered(lambda c: not c._ubnd_problem()) or certificates)[:1]

    def _ubnd_apply_committee_signature(self, content, summary):
        """Sign the issued file (and the separate attachments) with the committee's seal; ``(content, summary)``
        of the issued file. Called by issuance with the acting user's rights."""
        self.ensure_one()
        certificate = self._ubnd_seal_certificate()
        if not certificate:
            self.sudo().message_post(body=self.env._(
                "Issued without the committee's digital signature: no seal token is configured on the server for %s.",
                self.committee_id.name))
            return content, summary
        self._ubnd_check_seal_actor()
        service = self.env["ubnd.signature.service"]
        if not service._ubnd_is_pdf(content):
            return content, summary  # a test run fixes the HTML of the printout: nothing to sign
        committee = self.committee_id
        placement = service._ubnd_seal_placement(content, committee, signer_name=self.sudo().signer_id.name)
        sealed, verdict = service._sign_with_token(
            content, certificate, field_name=SEAL_FIELD, placement=placement,
            reason=self.env._("Issuing document no. %s", self.reference or self.name))
        self._ubnd_seal_separate_files(certificate)
        self.sudo().write({"ubnd_seal_summary": verdict.summary})
        return sealed, "; ".join(line for line in (summary, verdict.summary) if line)

    def _ubnd_check_seal_actor(self):
        """Only the Office (văn thư) of the document's committee applies its seal (ND30 Đ32-33)."""
        user = self.env.user
        if self.env.su:
            return
        if not (user.has_group("ubnd_quyche.group_ubnd_office")
                and self.committee_id.company_id in user.company_ids):
            raise UserError(self.env._("Only the Office (văn thư) of %s applies its digital signature.",
                                       self.committee_id.name))

    def _ubnd_seal_separate_files(self, certificate):
        """Each attachment in a separate PDF file gets the committee's signature with the text stamp at the top
        right of its first page (ND30 PL I §II.8.b); the signed copies are kept on the document."""
        service = self.env["ubnd.signature.service"]
        sealed = self.env["ir.attachment"]
        for attachment in self._ubnd_separate_files():
            raw = attachment.raw
            placement = service._ubnd_attachment_placement(raw, self.reference or self.name, self.committee_id)
            signed, _verdict = service._sign_with_token(
                raw, certificate, field_name=SEAL_FIELD, placement=placement,
                reason=self.env._("Attachment of document no. %s", self.reference or self.name))
            stem, _extension = os.path.splitext(attachment.name or "attachment.pdf")
            sealed |= self.env["ir.attachment"].sudo().create({
                "name": self.env._("%s (digitally signed).pdf", stem), "raw": signed,
                "mimetype": "application/pdf", "res_model": self._name, "res_id": self.id,
            })
        if sealed:
            self.sudo().write({"ubnd_sealed_attachment_ids": [fields.Command.set(sealed.ids)]})

    def _ubnd_separate_files(self):
        """The attachments and appendices in separate PDF files: the document's files, except the draft it was
        signed from (the dossier's component "c", carried to the document) and files that are not readable PDFs."""
        self.ensure_one()
        drafts = self.env["ubnd.submission"].sudo().search([("document_id", "=", self.id)]).component_ids.filtered(
            lambda component: component.code == "c").attachment_ids
        return (self.sudo().attachment_ids - drafts).filtered(
            lambda attachment: attachment.mimetype == "application/pdf" and pades.is_pdf(attachment.raw))


class IrAttachment(models.Model):
    """The attachments signed at issuance are part of the record, frozen like the issued file."""

    _inherit = "ir.attachment"

    def _ubnd_frozen_owner(self):
        return super()._ubnd_frozen_owner() or bool(self.ids and self.env["ubnd.document"].sudo().search_count(
            [("ubnd_sealed_attachment_ids", "in", self.ids)], limit=1))
