import base64
import logging
import secrets
from io import BytesIO

from odoo import api, models

from odoo.addons.ubnd_quyche.models.ubnd_document_print import DOCUMENT_REPORT

from ..tools import demo_images, pades, test_pki

_logger = logging.getLogger(__name__)
DEMO_DOCUMENTS = 4


class UbndSignatureDemo(models.AbstractModel):
    """Demo data of digital signatures: documents that open with visible, valid signatures.

    When the addon is installed with demo data (post-init hook), a throw-away PKI is made in memory: a demo CA
    registered as trust anchor, a certificate for each leader who signed an issued demo document, a seal certificate
    per committee, and the signature and seal images (generated PNGs). Those documents are printed, signed by their
    signer and by the committee, fixed as their issued file and entered in the register. The private keys live only
    in this method and are discarded: nothing can sign with them afterwards, and the seal certificates name no
    token, so the demo's Office issues new documents without the committee's signature (README, "The committee's
    signature at issuance")."""

    _name = "ubnd.signature.demo"
    _description = "Digital signature demo data"

    @api.model
    def _build(self):
        documents = self._documents()
        if not documents:
            return
        self.env["ubnd.demo"]._load_vietnamese("ubnd_digital_signature")
        report_url = self.env["ir.config_parameter"].sudo().get_param("report.url")
        # wkhtmltopdf would fetch the web assets from a server that is not running during the install; the
        # printout needs none (inline styles, system fonts).
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        try:
            ca_key = test_pki.make_key()
            ca = test_pki.make_certificate("Demo CA - Ban Cơ yếu Chính phủ (thử nghiệm)", ca_key, ca=True,
                                           organization="UBND demo")
            self._register_certificate(ca, "ubnd_trust_anchor", documents[0].committee_id.company_id,
                           name="Demo CA (thử nghiệm)")
            signers, seals = {}, {}
            self._add_appendix(documents[0])
            for doc in documents:
                if doc.signer_id not in signers:
                    signers[doc.signer_id] = self._signer(doc.signer_id, doc.committee_id, ca, ca_key)
                if doc.committee_id not in seals:
                    seals[doc.committee_id] = self._seal(doc.committee_id, ca, ca_key)
                self._sign_and_issue(doc, signers[doc.signer_id], seals[doc.committee_id], ca)
        finally:
            self.env["ir.config_parameter"].sudo().set_param("report.url", report_url or False)

    @api.model
    def _documents(self):
        """Issued demo documents without an issued file yet (those the core demo issued before this addon was
        installed; other addons' demos installed later issue theirs themselves), the Chairmen's first."""
        issued = self.env["ubnd.document"].sudo().search(
            [("state", "=", "issued"), ("ubnd_issued_attachment_id", "=", False), ("signer_id", "!=", False)],
            order="id")
        return issued.sorted(lambda d: d.signer_id != d.committee_id.chairman_id)[:DEMO_DOCUMENTS]

    @api.model
    def _add_appendix(self, doc):
        """An appendix in a separate PDF file, so that the demo shows the committee's text stamp on it."""
        from reportlab.pdfgen import canvas
        from ..tools import appearance
        out = BytesIO()
        pdf = canvas.Canvas(out, pagesize=(595.28, 841.89))
        font = appearance.register_font()
        pdf.setFont(font, 13)
        pdf.drawCentredString(297.6, 740, "PHỤ LỤC")
        pdf.drawCentredString(297.6, 722, "Danh mục nhiệm vụ kèm theo văn bản số %s" % (doc.reference or ""))
        pdf.setFont(font, 12)
        for row, line in enumerate(("1. Sở Tài chính: rà soát, báo cáo kết quả hằng tháng.",
                                    "2. Sở Xây dựng: kiểm tra tiến độ các dự án trọng điểm.",
                                    "3. Ủy ban nhân dân các phường: tổng hợp, báo cáo Văn phòng.")):
            pdf.drawString(85, 680 - row * 20, line)
        pdf.showPage()
        pdf.save()
        annex = self.env["ir.attachment"].sudo().create({
            "name": "Phu-luc-%s.pdf" % (doc.reference or doc.name).replace("/", "-"), "raw": out.getvalue(),
            "mimetype": "application/pdf", "res_model": doc._name, "res_id": doc.id,
        })
        doc.sudo().write({"attachment_ids": [(4, annex.id)]})

    @api.model
    def _register_certificate(self, certificate, scope, company, name=None, user=None, committee=None):
        return self.env["certificate.certificate"].sudo().create({
            "name": name or certificate.subject.rfc4514_string(),
            "content": base64.b64encode(test_pki.der(certificate)),
            "scope": scope,
            "company_id": company.id,
            "ubnd_user_id": user and user.id,
            "ubnd_committee_id": committee and committee.id,
        })

    @api.model
    def _signer(self, user, committee, ca, ca_key):
        key = test_pki.make_key()
        cert = test_pki.make_certificate(user.name, key, ca, ca_key, organization=committee.name)
        self._register_certificate(cert, "ubnd_signer", committee.company_id, name=user.name, user=user)
        user.sudo().ubnd_signature_image = base64.b64encode(demo_images.signature_png(user.name))
        return test_pki.software_signer(key, cert, [ca])

    @api.model
    def _seal(self, committee, ca, ca_key):
        key = test_pki.make_key()
        cert = test_pki.make_certificate(committee.name, key, ca, ca_key, organization=committee.name)
        self._register_certificate(cert, "ubnd_seal", committee.company_id, name=committee.name, committee=committee)
        committee.sudo().ubnd_seal_image = base64.b64encode(
            demo_images.seal_png(committee.name, committee.place_name or ""))
        return test_pki.software_signer(key, cert, [ca])

    @api.model
    def _sign_and_issue(self, doc, signer, seal, ca):
        """Print, sign as the signer (his image at box 7c), sign as the committee (its seal over a third of the
        signature; each separate PDF attachment with the text stamp), then fix and register the issued file."""
        # Written as the signer, in the committee's language, its verdicts posted as his notes (tracking would be
        # finalised at commit by the install's superuser, in English).
        lang = doc.committee_id._print_lang()
        doc = doc.with_user(doc.signer_id).sudo().with_context(lang=lang, tracking_disable=True)
        service = self.env["ubnd.signature.service"].sudo().with_context(lang=lang)
        doc.write({"ubnd_verify_token": secrets.token_urlsafe(32)})  # the printout carries its QR code
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True,
                                                            lang=doc.committee_id._print_lang())
        content, kind = report._render_qweb_pdf(DOCUMENT_REPORT, doc.ids)
        if kind != "pdf":
            _logger.warning("demo: %s could not be printed as a PDF, left without a signed file", doc.reference)
            doc.write({"ubnd_verify_token": False})
            return
        signed = pades.sign_pdf(content, signer, "Signer", placement=service._ubnd_signer_placement(
            content, doc.signer_id))
        sealed = pades.sign_pdf(signed, seal, "Seal", placement=service._ubnd_seal_placement(signed, doc.committee_id))
        signer_verdict = service._validate_pdf(sealed, user=doc.signer_id, field_name="Signer",
                                               capacity=doc._ubnd_capacity_line())
        seal_verdict = service._validate_pdf(sealed, committee=doc.committee_id, field_name="Seal")
        attachments = self.env["ir.attachment"]
        for annex in doc._ubnd_separate_files():
            placement = service._ubnd_attachment_placement(annex.raw, doc.reference or doc.name, doc.committee_id)
            attachments |= attachments.create({
                "name": "%s (đã ký số).pdf" % annex.name.rsplit(".", 1)[0],
                "raw": pades.sign_pdf(annex.raw, seal, "Seal", placement=placement),
                "mimetype": "application/pdf", "res_model": doc._name, "res_id": doc.id,
            })
        issued = self.env["ir.attachment"].create({
            "name": "%s.pdf" % (doc.reference or doc.name).replace("/", "-"), "raw": sealed,
            "mimetype": "application/pdf", "res_model": doc._name, "res_id": doc.id,
        })
        entry = self.env["ubnd.signature.register"].sudo()._append(
            doc.committee_id, doc.reference or doc.name, sealed, res_model=doc._name, res_id=doc.id,
            signature_summary="; ".join((signer_verdict.summary, seal_verdict.summary)))
        vals = {
            "ubnd_issued_attachment_id": issued.id,
            "ubnd_issued_sha256": entry.file_sha256,
            "ubnd_register_entry_id": entry.id,
            "ubnd_seal_summary": seal_verdict.summary,
            "ubnd_sealed_attachment_ids": [(6, 0, attachments.ids)],
        }
        if "ubnd_signature_state" in doc._fields:  # the verdict kept on the document (signing flow)
            vals.update(ubnd_signature_state="valid" if signer_verdict.valid else "invalid",
                        ubnd_signature_summary=signer_verdict.summary)
        doc.write(vals)
        doc.message_post(body=signer_verdict.summary, author_id=doc.signer_id.partner_id.id,
                         subtype_xmlid="mail.mt_note")
        if not (signer_verdict.valid and seal_verdict.valid):
            _logger.warning("demo: the signatures of %s do not validate: %s; %s", doc.reference,
                            signer_verdict.summary, seal_verdict.summary)
