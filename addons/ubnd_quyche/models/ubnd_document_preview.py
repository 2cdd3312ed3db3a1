import hashlib

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError

from .ubnd_document_print import DOCUMENT_REPORT

PREVIEW_FIELD = "signing_preview"
PREVIEW_LOCK = 20613  # advisory lock class of "rendering this document's preview"


class UbndDocument(models.Model):
    """The PDF a leader reads on his signing screen, rendered once per text.

    wkhtmltopdf takes about a second of CPU per document, while the HTML it is made from takes a few
    milliseconds: the HTML's checksum names the kept PDF, so a leader who reopens the screen, or finds it
    rendered in the background since his approval, does not wait for it. Each rendering is a new hidden
    attachment named by its checksum, never an update of the document's row: the cron and the leader may
    render the same document at once without either transaction failing on the other.
    """

    _inherit = "ubnd.document"

    signing_preview = fields.Binary("Rendered document", attachment=True, copy=False, readonly=True,
                                    groups="base.group_system")

    def _signing_preview_pdf(self, wait=True):
        """The document as it will be printed (PDF bytes), rendered only when its HTML changed; False where
        Odoo cannot render a PDF (no wkhtmltopdf)."""
        self.ensure_one()
        report = self._preview_report()
        checksum = hashlib.sha256(report._render_qweb_html(DOCUMENT_REPORT, self.ids)[0]).hexdigest()
        kept = self._signing_previews().filtered(lambda a: a.description == checksum)[:1]
        if kept:
            return kept.raw
        if not wait:
            if not self._lock_preview(wait=False):
                return False  # someone renders it right now
        else:
            # The cron may be rendering this very document: wait for it rather than render it a second time.
            self._lock_preview(wait=True)
            content = self._committed_preview(checksum)
            if content:
                return content
        content, kind = report._render_qweb_pdf(DOCUMENT_REPORT, self.ids)
        if kind != "pdf":
            return False
        if self.state == "draft":  # a signed document's record is frozen; its preview is no longer read
            self._signing_previews().filtered(lambda a: a.description != checksum).unlink()
            self.env["ir.attachment"].sudo().create({
                "name": "%s.pdf" % checksum[:16], "description": checksum, "raw": content,
                "mimetype": "application/pdf", "res_model": self._name, "res_id": self.id, "res_field": PREVIEW_FIELD,
            })
        return content

    def _preview_report(self):
        """The report rendered in the committee's language and time zone, whoever asks (the leader in his
        session or the cron as OdooBot): the same text gives the same HTML, hence the same checksum."""
        committee = self.committee_id
        return self.env["ir.actions.report"].with_env(self.env(su=True, context={
            "lang": committee._print_lang(), "tz": committee.tz, "force_report_rendering": True,
        }))

    def _lock_preview(self, wait):
        """One renderer per document at a time (held until the transaction ends)."""
        if wait:
            self.env.cr.execute("SELECT pg_advisory_xact_lock(%s, %s)", [PREVIEW_LOCK, self.id])
            return True
        self.env.cr.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [PREVIEW_LOCK, self.id])
        return self.env.cr.fetchone()[0]

    def _committed_preview(self, checksum):
        """The PDF another transaction committed while this one waited (its snapshot cannot see it)."""
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["ubnd.document"].browse(self.id)._signing_previews().filtered(
                lambda a: a.description == checksum)[:1].raw

    def _signing_previews(self):
        return self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id), ("res_field", "=", PREVIEW_FIELD),
        ], order="id desc")

    @api.model
    def _cron_render_signing_previews(self, limit=10):
        """Render the documents of the dossiers just approved, before their leader opens the signing screen;
        each one is committed as soon as it is rendered."""
        subs = self.env["ubnd.submission"].search([("state", "=", "approved")], order="write_date desc", limit=limit)
        docs = subs.document_id.filtered(lambda d: d.state == "draft")
        for doc in docs:
            doc._signing_preview_pdf(wait=False)
            if self.env.context.get("ir_cron_progress_id"):  # run by the scheduler, not called in a transaction
                self.env["ir.cron"]._commit_progress(1)


class UbndSubmission(models.Model):
    _inherit = "ubnd.submission"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "approved":
            cron = self.env.ref("ubnd_quyche.ir_cron_render_signing_previews", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()
        return res


class IrAttachment(models.Model):
    """Only the server renders what a signer reads: nobody, an administrator included, slips a PDF in its place."""

    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("res_field") == PREVIEW_FIELD and vals.get("res_model") == "ubnd.document"
                                   for vals in vals_list):
            raise AccessError(self.env._("Only the server renders the document a leader signs."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and (vals.get("res_field") == PREVIEW_FIELD or self.sudo().filtered(
                lambda a: a.res_field == PREVIEW_FIELD and a.res_model == "ubnd.document")):
            raise AccessError(self.env._("Only the server renders the document a leader signs."))
        return super().write(vals)
