import base64
import hashlib

from odoo import api, fields, models

DOCUMENT_REPORT = "ubnd_quyche.action_report_ubnd_document"


class UbndDocument(models.Model):
    """The PDF a leader reads on his signing screen, rendered once per text.

    wkhtmltopdf takes about a second of CPU per document, while the HTML it is made from takes a few
    milliseconds: the HTML's checksum tells whether the kept PDF is still the document's, so a leader who
    reopens the screen, or finds it rendered in the background since his approval, does not wait for it.
    """

    _inherit = "ubnd.document"

    signing_preview = fields.Binary("Rendered document", attachment=True, copy=False, readonly=True,
                                    groups="base.group_system")
    signing_preview_checksum = fields.Char(copy=False, readonly=True, groups="base.group_system")

    def _signing_preview_pdf(self):
        """The document as it will be printed (PDF bytes), rendered only when its HTML changed; False where
        Odoo cannot render a PDF (no wkhtmltopdf)."""
        self.ensure_one()
        doc = self.sudo()
        report = self.env["ir.actions.report"].sudo().with_context(force_report_rendering=True)
        checksum = hashlib.sha256(report._render_qweb_html(DOCUMENT_REPORT, doc.ids)[0]).hexdigest()
        if doc.signing_preview_checksum == checksum and doc.signing_preview:
            return base64.b64decode(doc.with_context(bin_size=False).signing_preview)
        content, kind = report._render_qweb_pdf(DOCUMENT_REPORT, doc.ids)
        if kind != "pdf":
            return False
        if doc.state == "draft":  # a signed document's record is frozen; its preview is no longer read
            doc.write({"signing_preview": base64.b64encode(content), "signing_preview_checksum": checksum})
        return content

    @api.model
    def _cron_render_signing_previews(self, limit=20):
        """Render the documents of the dossiers just approved, before their leader opens the signing screen."""
        subs = self.env["ubnd.submission"].search([("state", "=", "approved")], order="write_date desc", limit=limit)
        docs = subs.filtered("document_id").document_id.sudo().filtered(
            lambda d: d.state == "draft" and not d.signing_preview_checksum)
        for doc in docs:
            doc._signing_preview_pdf()


class UbndSubmission(models.Model):
    _inherit = "ubnd.submission"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "approved":
            cron = self.env.ref("ubnd_quyche.ir_cron_render_signing_previews", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()
        return res
