import re
import subprocess
import unicodedata
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .printing import no_web_assets, pdf_text
from .test_submission import UbndSubmissionCase, on

# What a printout must never carry: the suite's internal rule citations and form placeholders.
RULE_CODE = re.compile(r"\b\d{3} Đ\d|Đ\d+\.\d")
PLACEHOLDER = "(Chữ ký)"


class PrintedPdfMixin:
    """Renders a report to a real PDF (wkhtmltopdf) and reads it back as its reader would see it."""

    def pdf(self, report, records):
        no_web_assets(self.env)
        content, report_type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            report, records.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"), "the report prints a real PDF")
        return content

    def pdf_text(self, report, records):
        """The text of the printed PDF (pdftotext -layout), NFC, runs of spaces collapsed."""
        text = pdf_text(self.pdf(report, records))
        return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFC", text))

    @staticmethod
    def pdf_fonts(content):
        return subprocess.run(["pdffonts", "-"], input=content, capture_output=True, check=True).stdout.decode()

    def assertPrinted(self, text, *expected):
        for fragment in expected:
            self.assertIn(fragment, text)

    def assertNothingInternal(self, text):
        self.assertFalse(RULE_CODE.search(text), "an internal rule citation is printed: %s" % RULE_CODE.search(text))
        self.assertNotIn(PLACEHOLDER, text)


@tagged("post_install", "-at_install")
class TestPrintedDocuments(PrintedPdfMixin, UbndSubmissionCase):
    """Issue #12 item 4: issued documents print per Decree 30/2020 with the text and recipients entered at
    drafting, the full signature block of their capacity and their number, and nothing internal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee.place_name = "Thử Nghiệm"
        cls.department.ubnd_code = "SXD"
        cls.office.ubnd_code = "VP"
        for user, name in ((cls.chairman, "Trần Minh Quang"), (cls.vc_urban, "Phạm Đức Thắng"),
                           (cls.member_finance, "Đỗ Văn Hải"), (cls.chief_office, "Bùi Quang Minh"),
                           (cls.deputy_office, "Nguyễn Thu Trang")):
            user.name = name

    def document(self, **vals):
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("document_type_id", self.doctype_decision.id)
        return self.env["ubnd.document"].create(vals)

    def sign_and_issue(self, doc, signer, day=date(2026, 3, 4)):
        with on(day):
            doc.with_user(signer).action_sign()
            doc.with_user(self.deputy_office).action_issue()
        self.assertEqual(doc.state, "issued")
        return doc

    def test_draft_text_and_recipients_reach_the_signed_kt_document(self):
        """R-000-15.2, R-ND30-13.2, R-001-15.2, R-ND30-15.1: the text and recipients the unit enters with its dossier
        become the document's; the Vice-Chairman of the field signs KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, and the printout
        carries the text, the recipients, the block, the number and the date, without repeating the type name in
        the summary."""
        sub = self.new_submission(
            name="Quyết định phê duyệt chỉ giới đường đỏ tuyến đường số 5",
            draft_body="<p>Điều 1. Phê duyệt chỉ giới đường đỏ tuyến đường số 5, chiều dài 2,4 km.</p>"
                       "<p>Điều 2. Sở Xây dựng công bố công khai chỉ giới đường đỏ đã được phê duyệt.</p>",
            draft_recipients="- Như Điều 3;\n- Chủ tịch, các Phó Chủ tịch;\n- Lưu: VT, SXD.",
        )
        self.submit(self.complete(sub), date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 3))
        self.approve_chain(sub, date(2026, 3, 4))
        self.assertIn("Phê duyệt chỉ giới đường đỏ", sub.document_id.body)
        with on(date(2026, 3, 5)):
            sub.with_user(self.vc_urban).action_sign()
            sub.with_user(self.deputy_office).action_issue()
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", sub.document_id)
        self.assertPrinted(
            text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ THỬ NGHIỆM", "Số: 01/QĐ-UBND", "Thử Nghiệm, ngày 05 tháng 3 năm 2026", "QUYẾT ĐỊNH",
            "Phê duyệt chỉ giới đường đỏ tuyến đường số 5", "Điều 1. Phê duyệt chỉ giới đường đỏ",
            "Điều 2. Sở Xây dựng công bố", "Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các Phó Chủ tịch;",
            "- Lưu: VT, SXD.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", self.vc_urban.name,
        )
        self.assertNotIn("Quyết định phê duyệt", text, "the summary does not repeat the type name")
        self.assertNothingInternal(text)

    def test_collective_document_signed_tm_and_own_competence_by_the_chairman(self):
        """R-ND30-13.2, R-001-15.1a, R-001-15.1b: a collective document prints TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH; the
        Chairman's own decision prints CHỦ TỊCH alone; both with the name, the text and the recipients."""
        collective = self.sign_and_issue(self.document(
            name="Về việc ban hành Kế hoạch chuyển đổi số năm 2027", authority="committee",
            field_id=self.field_economy.id,
            body="<p>Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2027.</p>",
            recipients="- Như Điều 3;\n- Thường trực HĐND thành phố;\n- Lưu: VT, VP."), self.chairman)
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", collective)
        self.assertPrinted(text, "Số: 01/QĐ-UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", self.chairman.name,
                           "Ban hành kèm theo Quyết định này", "- Thường trực HĐND thành phố;", "- Lưu: VT, VP.")
        self.assertNothingInternal(text)

        own = self.sign_and_issue(self.document(
            name="Về việc khen thưởng tập thể có thành tích xuất sắc", authority="chairman",
            field_id=self.field_economy.id, body="<p>Điều 1. Tặng Bằng khen cho 05 tập thể.</p>",
            recipients="- Như Điều 2;\n- Lưu: VT."), self.chairman)
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", own)
        self.assertPrinted(text, "Số: 02/QĐ-UBND", "CHỦ TỊCH", self.chairman.name, "Tặng Bằng khen cho 05 tập thể")
        self.assertNotIn("TM. ỦY BAN NHÂN DÂN", text)
        self.assertNothingInternal(text)

    def test_notice_signed_tl_by_the_chief_of_office_and_tl_kt_by_his_deputy(self):
        """R-001-15.3, R-ND30-13.4: a conclusion notice prints TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG, and under the deputy's
        grant TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG, with the text, the recipients and the
        number; the summary under THÔNG BÁO does not start with "Thông báo" again."""
        tl = self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                        grantee_title="CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)],
                        **self.TL_PROVISION)
        self.grant(kind="kt", parent_id=tl.id, grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                   grantee_title="PHÓ CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)])
        notice = self.sign_and_issue(self.document(
            name="Thông báo kết luận của Chủ tịch tại cuộc họp về tiến độ các công trình giao thông",
            document_type_id=self.doctype_notice.id, authority="chairman", drafting_unit_id=self.office.id,
            body="<p>Ngày 02/3/2026, Chủ tịch chủ trì cuộc họp về tiến độ các công trình giao thông trọng điểm.</p>"
                 "<p>1. Giao Sở Xây dựng đôn đốc nhà thầu hoàn thành cầu Nguyễn Trãi trong quý II./.</p>",
            recipients="- Chủ tịch, các Phó Chủ tịch;\n- Sở Xây dựng;\n- Lưu: VT, VP."), self.chief_office)
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", notice)
        self.assertPrinted(text, "Số: 01/TB-UBND", "THÔNG BÁO", "Kết luận của Chủ tịch tại cuộc họp",
                           "Giao Sở Xây dựng đôn đốc nhà thầu", "- Sở Xây dựng;", "- Lưu: VT, VP.",
                           "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", self.chief_office.name)
        self.assertNotIn("Thông báo kết luận", text)
        self.assertNothingInternal(text)

        by_deputy = self.sign_and_issue(self.document(
            name="Kết luận của Phó Chủ tịch tại buổi làm việc với Sở Xây dựng", document_type_id=self.doctype_notice.id,
            authority="chairman", drafting_unit_id=self.office.id, body="<p>Giao Sở Xây dựng báo cáo./.</p>",
            recipients="- Sở Xây dựng;\n- Lưu: VT, VP."), self.deputy_office)
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", by_deputy)
        self.assertPrinted(text, "Số: 02/TB-UBND", "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
                           self.deputy_office.name)
        self.assertNothingInternal(text)

    def test_letter_signed_tuq_prints_vv_under_its_number(self):
        """R-ND30-13.3, R-ND30-13.3-3: a công văn signed TUQ. prints TUQ. CHỦ TỊCH / GIÁM ĐỐC SỞ TÀI CHÍNH under the
        committee's own header, its "V/v …" under the number and no type name. It is the authorising body's form:
        the header names the committee (ỦY BAN NHÂN DÂN / THÀNH PHỐ THỬ NGHIỆM), never the signer's department,
        which appears only in his title; the number is taken from the committee's register and symbol (UBND-…);
        the document belongs to the committee, whose seal the Office affixes (its digital seal: ubnd_digital_signature)."""
        self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.member_finance.id,
                   grantee_title="GIÁM ĐỐC SỞ TÀI CHÍNH", authorising_document="Giấy ủy quyền 7/GUQ-UBND",
                   field_ids=[(6, 0, self.field_finance.ids)], document_type_ids=[(6, 0, self.doctype_letter.ids)],
                   date_start=date(2026, 3, 1), date_end=date(2026, 3, 31))
        letter = self.sign_and_issue(self.document(
            name="Hướng dẫn lập dự toán ngân sách năm 2027", document_type_id=self.doctype_letter.id,
            authority="chairman", field_id=self.field_finance.id, drafting_unit_id=self.department.id,
            body="<p>Thực hiện Luật Ngân sách nhà nước, UBND thành phố hướng dẫn các cơ quan lập dự toán năm 2027.</p>",
            recipients="- Các sở, ban, ngành;\n- Lưu: VT, SXD."), self.member_finance, day=date(2026, 3, 16))
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", letter)
        self.assertPrinted(text, "Số: 01/UBND-SXD", "V/v hướng dẫn lập dự toán ngân sách",
                           "Thực hiện Luật Ngân sách nhà nước", "- Các sở, ban, ngành;", "TUQ. CHỦ TỊCH",
                           "GIÁM ĐỐC SỞ TÀI CHÍNH", self.member_finance.name, "ỦY BAN NHÂN DÂN")
        self.assertNotIn("CÔNG VĂN", text)
        header = text[:text.index("Số: 01/UBND-SXD")]
        self.assertIn("ỦY BAN NHÂN DÂN", header)
        self.assertIn("THÀNH PHỐ THỬ NGHIỆM", header)
        self.assertNotIn("SỞ TÀI CHÍNH", header, "the header is the authorising body's, not the signer's department")
        self.assertEqual(text.count("SỞ TÀI CHÍNH"), 1, "the department appears only in the signer's title")
        signature = text[text.index("TUQ. CHỦ TỊCH"):]
        self.assertLess(signature.index("GIÁM ĐỐC SỞ TÀI CHÍNH"), signature.index(self.member_finance.name))
        self.assertEqual((letter.committee_id, letter.company_id), (self.committee, self.company))
        self.assertNothingInternal(text)

    def test_document_entered_as_signed_gets_its_block_from_the_signing_engine(self):
        """R-ND30-13.2, R-001-15.1b: a document recorded as already signed (no stored block, as the notice
        245/TB-UBND of the demo) still prints its signer's capacity and title above his name, an archive line in
        its recipients, and no internal citation from a workflow text."""
        notice = self.env["ubnd.document"].sudo().create({
            "name": "Thông báo kết luận của Chủ tịch tại cuộc họp giao ban", "committee_id": self.committee.id,
            "document_type_id": self.doctype_notice.id, "authority": "chairman", "state": "issued",
            "number": 245, "year": 2026, "date": date(2026, 3, 4), "signer_id": self.chairman.id,
            "reference": "245/TB-UBND", "drafting_unit_id": self.office.id,
            "body": "<p>Thông qua: 7 tán thành, quá nửa tổng số 9 thành viên (ít nhất 5) — 000 Đ3.3, 001 Đ25.5.c.</p>",
        })
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", notice)
        self.assertPrinted(text, "Số: 245/TB-UBND", "THÔNG BÁO", "Kết luận của Chủ tịch tại cuộc họp giao ban",
                           "CHỦ TỊCH", self.chairman.name, "- Lưu: VT, VP.", "quá nửa tổng số 9 thành viên (ít nhất 5).")
        self.assertNothingInternal(text)

    def test_printed_in_times_new_roman_or_its_metric_twin(self):
        """Issue #12 item 4: printouts use Times New Roman (Decree 30/2020 App. I §I) or, where it is not installed,
        the metric-compatible Liberation Serif; never another font."""
        doc = self.document(name="Về việc thử phông chữ", authority="committee", field_id=self.field_economy.id,
                            body="<p>Nội dung.</p>")
        fonts = self.pdf_fonts(self.pdf("ubnd_quyche.report_ubnd_document", doc))
        names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
        self.assertTrue(names)
        for name in names:
            self.assertRegex(name, r"^(TimesNewRoman|Times-|LiberationSerif)", "unexpected font %s" % name)

    def test_submission_slip_dated_and_signed(self):
        """R-000-15.2, R-000-18.4: the printed phiếu trình is dated "ngày … tháng … năm …", addressed to the leader,
        lists the dossier and each step's opinion, and carries the Office's signature block and the leader's
        opinion with his date, title and name."""
        sub = self.submit(self.complete(self.new_submission(summary="Đề nghị phê duyệt chỉ giới đường đỏ.")),
                          date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 3))
        sub.with_user(self.vc_urban).decision_note = "Đồng ý, trình ký ban hành."
        self.approve_chain(sub, date(2026, 3, 4))
        text = self.pdf_text("ubnd_quyche.report_ubnd_submission_slip", sub)
        self.assertPrinted(
            text, "ỦY BAN NHÂN DÂN", "THÀNH PHỐ THỬ NGHIỆM", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hồ sơ số: %s" % sub.reference, "Thử Nghiệm, ngày 03 tháng 3 năm 2026",
            "PHIẾU TRÌNH GIẢI QUYẾT HỒ SƠ, CÔNG VIỆC", "Kính gửi: Phó Chủ tịch %s" % self.vc_urban.name,
            "Đề nghị phê duyệt chỉ giới đường đỏ.", "CHÁNH VĂN PHÒNG", self.chief_office.name,
            "Ý KIẾN CỦA LÃNH ĐẠO", "Đồng ý, trình ký ban hành.", "ngày 04 tháng 3 năm 2026", "PHÓ CHỦ TỊCH",
            self.vc_urban.name,
        )
        self.assertNothingInternal(text)


@tagged("post_install", "-at_install")
class TestDraftText(UbndSubmissionCase):
    """Issue #12 item 4: who writes the draft text and recipients of a dossier, and when."""

    def test_unit_writes_office_finalises_then_the_document_holds_it(self):
        """R-000-15.2: the unit writes its draft until it submits; then only the Office (or the leader in charge)
        edits it; once approved the text is the document's and the dossier's draft no longer changes."""
        sub = self.complete(self.new_submission())
        sub.with_user(self.staff).write({"draft_body": "<p>Điều 1.</p>", "draft_recipients": "- Lưu: VT."})
        self.submit(sub, date(2026, 3, 2))
        self.assertFalse(sub.with_user(self.staff).can_edit_draft)
        self.assertTrue(sub.with_user(self.deputy_office).can_edit_draft)
        with self.assertRaises(AccessError):
            sub.with_user(self.staff).draft_body = "<p>Điều 1 sửa.</p>"
        sub.with_user(self.deputy_office).draft_body = "<p>Điều 1 (Văn phòng hoàn thiện).</p>"
        self.forward(sub, date(2026, 3, 3))
        sub.with_user(self.vc_urban).draft_recipients = "- Như Điều 3;\n- Lưu: VT."
        self.approve_chain(sub, date(2026, 3, 4))
        self.assertIn("Văn phòng hoàn thiện", sub.document_id.body)
        self.assertEqual(sub.document_id.recipients, "- Như Điều 3;\n- Lưu: VT.")
        self.assertFalse(sub.with_user(self.deputy_office).can_edit_draft)
        with self.assertRaises(UserError):
            sub.with_user(self.deputy_office).draft_body = "<p>Sau khi duyệt.</p>"

    def test_state_secret_dossier_keeps_no_draft_text(self):
        """R-000-15.4-2: a state-secret dossier keeps only its register entry, not its draft text."""
        with self.assertRaises(ValidationError):
            self.new_submission(confidentiality="mat", draft_body="<p>Nội dung mật.</p>")
