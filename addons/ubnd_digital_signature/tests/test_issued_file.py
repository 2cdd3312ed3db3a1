import base64
import hashlib
import io
import re
import subprocess
from datetime import date

from PIL import Image

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.ubnd_quyche.tools.privilege import privileged
from odoo.addons.ubnd_quyche.tests.test_submission import UbndSubmissionCase, on
from odoo.addons.ubnd_quyche.tests.printing import no_web_assets

from ..tools import test_pki

REPORT = "ubnd_quyche.action_report_ubnd_document"


def qr_difference(png_a, png_b):
    """Share of the pixels that differ between two QR images (black or white). reportlab's anti-aliasing may shift
    a few edge pixels from one drawing to the next; QR codes of values differing by one character differ on several
    per cent of their pixels (7.5 % measured)."""
    a, b = (Image.open(io.BytesIO(png)).convert("L") for png in (png_a, png_b))
    assert a.size == b.size
    pixels = list(zip(a.getdata(), b.getdata()))
    return sum((x < 128) != (y < 128) for x, y in pixels) / len(pixels)


class IssuedFileCase(UbndSubmissionCase):
    """A committee's documents signed by the Chairman and issued by the Office (wkhtmltopdf kept away from the
    test server: the printout needs no web assets)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)

    def issue(self, pdf=True, **vals):
        vals.setdefault("name", "Về việc khen thưởng tập thể có thành tích xuất sắc")
        doc = self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": self.field_economy.id,
            "body": "<p>Điều 1. Tặng Bằng khen cho 05 tập thể.</p>", "recipients": "- Như Điều 2;\n- Lưu: VT.",
            **vals,
        })
        with on(date(2026, 3, 4)):
            doc.with_user(self.chairman).action_sign()
            doc.with_user(self.deputy_office).with_context(force_report_rendering=pdf).action_issue()
        self.assertEqual(doc.state, "issued")
        return doc

    def tamper(self, doc):
        """Change the stored file's bytes behind the application's back (filestore or database)."""
        attachment = doc.ubnd_issued_attachment_id.sudo()
        attachment.raw = attachment.raw.replace(b"%%EOF", b"%%EOF\n% altered", 1) + b"\n"


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestIssuedFile(IssuedFileCase):
    """Issue #10: the issued file is fixed once, entered in the tamper-evident register and checkable."""

    def test_issuing_fixes_the_pdf_and_appends_its_hash(self):
        """R-000-20.1, issue #10: when the Office issues a signed document, the printout is rendered once as a PDF,
        kept on the document, and the register of signed documents gains an entry whose SHA-256 is that file's and
        whose chain hash follows the previous entry."""
        first = self.issue(name="Về việc khen thưởng tập thể lần một")
        doc = self.issue()
        attachment = doc.ubnd_issued_attachment_id
        self.assertEqual((attachment.res_model, attachment.res_id, attachment.mimetype),
                         ("ubnd.document", doc.id, "application/pdf"))
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        entry = doc.ubnd_register_entry_id
        sha256 = hashlib.sha256(attachment.raw).hexdigest()
        self.assertEqual(doc.ubnd_issued_sha256, sha256)
        self.assertEqual(entry.sudo().file_sha256, sha256)
        self.assertEqual((entry.res_model, entry.res_id, entry.name), ("ubnd.document", doc.id, doc.reference))
        self.assertEqual(entry.sequence, first.ubnd_register_entry_id.sequence + 1)
        self.assertEqual(entry.previous_hash, first.ubnd_register_entry_id.chain_hash)
        self.assertTrue(self.env["ubnd.signature.register"].verify_register(self.committee.id)["ok"])
        check = doc._ubnd_verification()
        self.assertTrue(check["stored_file_intact"] and check["chain_intact"] and check["register_matches"])
        self.assertIn("/ubnd/verify/", doc.ubnd_verify_url)
        self.assertGreaterEqual(len(doc.sudo().ubnd_verify_token), 40)

    def test_signed_pdf_of_the_signature_flow_is_the_issued_file(self):
        """Issue #10: a document signed through the signature flow is issued with that signed PDF, unchanged, and
        the register keeps its verdict."""
        doc = self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": self.field_economy.id, "name": "Về việc ký số",
        })
        signed = test_pki.make_pdf(1) + b"% signed stand-in\n"
        with on(date(2026, 3, 4)):
            doc.with_user(self.chairman).action_sign()
            # The external-signing flow's outcome (its cryptography is tested in test_external_signing).
            privileged(self.env["ubnd.signature.request"].sudo(), "ubnd_signature_request").create({
                "user_id": self.chairman.id, "state": "signed", "res_model": "ubnd.document", "res_id": doc.id,
                "signed_pdf": base64.b64encode(signed), "summary": "Chữ ký số hợp lệ: Chủ tịch",
            })
            doc.with_user(self.deputy_office).action_issue()
        self.assertEqual(doc.ubnd_issued_attachment_id.raw, signed)
        self.assertEqual(doc.ubnd_issued_sha256, hashlib.sha256(signed).hexdigest())
        self.assertEqual(doc.ubnd_register_entry_id.signature_summary, "Chữ ký số hợp lệ: Chủ tịch")

    def test_altered_stored_file_is_detected(self):
        """Issue #10 ("changing any byte of an issued PDF is detected"): once the stored file's bytes change, its
        SHA-256 no longer matches the register and the verification says so; the file itself refuses a
        change through the application."""
        doc = self.issue()
        with self.assertRaises(AccessError):
            doc.ubnd_issued_attachment_id.with_user(self.deputy_office).write({"raw": b"%PDF-1.4 forged"})
        with self.assertRaises(AccessError):
            doc.ubnd_issued_attachment_id.with_user(self.deputy_office).unlink()
        self.tamper(doc)
        check = doc._ubnd_verification()
        self.assertFalse(check["stored_file_intact"])
        self.assertTrue(check["chain_intact"])
        self.assertFalse(doc._ubnd_file_matches(doc.ubnd_issued_attachment_id.raw))

    def test_issued_fields_are_not_written_by_hand(self):
        """Issue #10: nobody sets a document's issued file, hash, register entry or token by hand."""
        doc = self.issue(pdf=False)
        for vals in ({"ubnd_issued_sha256": "0" * 64}, {"ubnd_verify_token": "guess"}):
            with self.assertRaises(AccessError):
                doc.with_user(self.deputy_office).write(vals)

    def test_printout_carries_the_verification_qr(self):
        """Issue #10: the issued printout carries the QR code of the verification page and its address (the QR
        image encodes that same address); wkhtmltopdf's text layer carries the address too."""
        doc = self.issue(pdf=False)
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, doc.ids)[0].decode()
        self.assertIn(doc.ubnd_verify_url, html)
        self.assertIn('class="o_ubnd_verify_qr"', html)
        printed = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]{200,})"', html)
        self.assertTrue(printed, "no inline QR image")
        # The printed image is Odoo's QR code of exactly that address, not of another one.
        Report = self.env["ir.actions.report"]
        printed_png = base64.b64decode(printed.group(1))
        qr_of = lambda value: Report.barcode("QR", value, width=200, height=200, barBorder=0)  # noqa: E731
        self.assertLess(qr_difference(printed_png, qr_of(doc.ubnd_verify_url)), 0.02)
        self.assertGreater(qr_difference(printed_png, qr_of(doc.ubnd_verify_url[:-1] + "x")), 0.05)
        self.assertTrue(doc.ubnd_verify_url.endswith("/ubnd/verify/" + doc.sudo().ubnd_verify_token))
        # The fixed file (HTML in a run without forced rendering) is that same printout.
        self.assertIn(doc.ubnd_verify_url.encode(), doc.ubnd_issued_attachment_id.raw)
        pdf = self.issue(name="Về việc khen thưởng lần hai")
        text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf.ubnd_issued_attachment_id.raw,
                              capture_output=True, check=True).stdout.decode()
        self.assertIn(pdf.sudo().ubnd_verify_token[:20], re.sub(r"\s", "", text))


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestVerificationPage(IssuedFileCase, HttpCase):
    """Issue #10: the public page the QR code leads to, without login."""

    def page(self, doc_or_token, files=None):
        """The page as anyone sees it: no session, no login."""
        token = doc_or_token if isinstance(doc_or_token, str) else doc_or_token.sudo().ubnd_verify_token
        if files is None:
            return self.url_open("/ubnd/verify/%s" % token)
        return self.url_open("/ubnd/verify/%s" % token, files=files)

    def test_public_page_shows_the_issued_metadata(self):
        """R-000-20.1, issue #10: without logging in, the page shows number and symbol, date, issuing body, type,
        summary, the SHA-256 of the issued file, an intact register chain, in Vietnamese."""
        doc = self.issue(pdf=False)
        response = self.page(doc)
        self.assertEqual(response.status_code, 200)
        html = response.text
        for fragment in (doc.reference, "04/03/2026", self.committee.name, doc.document_type_id.name, doc.name,
                         doc.ubnd_issued_sha256, "Xác thực văn bản"):
            self.assertIn(fragment, html)
        self.assertIn("Chuỗi sổ đăng ký còn nguyên vẹn", html)
        self.assertIn("Tệp lưu trữ khớp với sổ đăng ký", html)

    def test_confidential_document_shows_no_content(self):
        """R-000-20.1 (secret documents follow state-secret rules), issue #10: for a confidential document the
        public page shows only number, date and issuer (and the hash), never its type nor its summary."""
        doc = self.issue(pdf=False, confidentiality="mat", name="Về phương án bảo vệ mục tiêu trọng yếu")
        html = self.page(doc).text
        self.assertIn(doc.reference, html)
        self.assertIn(self.committee.name, html)
        self.assertIn("Văn bản mật: nội dung không công bố", html)
        self.assertNotIn("bảo vệ mục tiêu", html)
        self.assertNotIn("Điều 1", html)
        self.assertNotIn(doc.document_type_id.name, html)

    def test_unknown_token_reveals_nothing(self):
        """Issue #10: an unknown or guessed token gets a Vietnamese not-found page naming no document; so does the
        token of a document that is not issued."""
        doc = self.issue(pdf=False)
        real = doc.sudo().ubnd_verify_token
        near = real[:-1] + ("B" if real.endswith("A") else "A")  # one character off (never the token itself)
        for token in ("x" * 43, near, "1"):
            response = self.page(token)
            self.assertEqual(response.status_code, 404)
            self.assertIn("Không tìm thấy văn bản", response.text)
            self.assertNotIn(doc.reference, response.text)
            self.assertNotIn(self.committee.name, response.text)

    def test_uploaded_file_is_compared_with_the_issued_one(self):
        """Issue #10: the issued file uploaded on the page matches; a file with one byte changed does not."""
        doc = self.issue(pdf=False)
        issued = doc.ubnd_issued_attachment_id.raw
        html = self.page(doc, files={"file": ("van-ban.pdf", issued, "application/pdf")}).text
        self.assertIn("Tệp trùng khớp với bản phát hành", html)
        modified = issued[:-1] + bytes([issued[-1] ^ 1])
        html = self.page(doc, files={"file": ("van-ban.pdf", modified, "application/pdf")}).text
        self.assertIn("Tệp KHÔNG trùng khớp với bản phát hành", html)

    def test_altered_stored_file_shows_on_the_page(self):
        """Issue #10: after the stored file is altered, the public page says it no longer matches the register."""
        doc = self.issue()
        self.tamper(doc)
        html = self.page(doc).text
        self.assertIn("Tệp lưu trữ đã bị thay đổi sau khi phát hành", html)
