from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ubnd_quyche.tests.test_print_documents import PrintedPdfMixin

from . import test_minutes
from .common import SESSION_DAY, UbndMeetingsCase, on


@tagged("post_install", "-at_install")
class TestPrintedMinutesAndNotices(PrintedPdfMixin, UbndMeetingsCase):
    """Issue #12 item 4: the minutes and the conclusion notice print per Decree 30/2020, numbered once approved or
    signed, with the attendance once, a space to sign, and nothing internal."""

    held = test_minutes.TestMinutesAndConclusions.held
    minutes_of = test_minutes.TestMinutesAndConclusions.minutes_of

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user, name in ((cls.chairman, "Trần Minh Quang"), (cls.vc_economy, "Vũ Anh Tuấn"),
                           (cls.vc_urban, "Phạm Đức Thắng"), (cls.member_finance, "Đỗ Văn Hải"),
                           (cls.chief_office, "Bùi Quang Minh"), (cls.deputy_office, "Nguyễn Thu Trang"),
                           (cls.unit_head, "Trịnh Văn Bình")):
            user.name = name

    def approved_minutes(self, kind="regular"):
        meeting = self.held(self.ready_session(kind))
        minutes = self.minutes_of(meeting)
        minutes.with_user(self.chief_office).write({
            "course": "<p>8 giờ 00: Văn phòng báo cáo thành phần, nội dung và chương trình phiên họp.</p>",
            "conclusions": "<p>Thông qua đề án; giao Sở Xây dựng hoàn thiện hồ sơ, trình ký trong tháng.</p>",
        })
        return minutes

    def test_minutes_numbered_on_approval_in_the_decree_30_layout(self):
        """R-000-30.1, R-001-25.7a, R-ND30-15.1: draft minutes print the blank "Số: /BB-UBND"; the chair's approval
        numbers them 01/BB-UBND of the year, then 02 for the next; the printout lists the attendance once, the
        opinions, the vote result without rule citations, the conclusions and the closing "./.", and signs THƯ KÝ and
        CHỦ TỌA over a blank space with "Nơi nhận" under the Secretary."""
        minutes = self.approved_minutes()
        text = self.pdf_text("ubnd_meetings.action_report_minutes", minutes)
        self.assertRegex(text, r"Số:\s+/BB-UBND")
        with on(SESSION_DAY):
            minutes.with_user(self.chairman).action_approve()
        self.assertEqual((minutes.number, minutes.year, minutes.reference), (1, 2026, "01/BB-UBND"))
        text = self.pdf_text("ubnd_meetings.action_report_minutes", minutes)
        self.assertPrinted(
            text, "ỦY BAN NHÂN DÂN", "THÀNH PHỐ THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Số: 01/BB-UBND", "BIÊN BẢN", minutes.meeting_id.name,
            "Thời gian bắt đầu: 08 giờ 00, ngày 17 tháng 6 năm 2026", "Thành phần tham dự:",
            "Đồng ý với tờ trình", "Kết quả biểu quyết",
            "Văn phòng báo cáo thành phần", "giao Sở Xây dựng hoàn thiện hồ sơ", "./.", "THƯ KÝ", "CHỦ TỌA",
            minutes.secretary_id.name, self.chairman.name, "Nơi nhận:", "- Lưu: VT, Hồ sơ.",
        )
        self.assertEqual(text.count("Thành viên có mặt"), 1, "the attendance is printed once")
        self.assertNothingInternal(text)
        self.assertNotIn("(Chữ ký", text)

        other = self.approved_minutes("thematic")
        with self.assertRaises(AccessError):  # the number is the approval's, never the Office's input
            other.with_user(self.chief_office).write({"number": 5, "reference": "05/BB-UBND"})
        with on(SESSION_DAY):
            other.with_user(self.chairman).action_approve()
        self.assertEqual(other.reference, "02/BB-UBND")

    def test_conclusion_notice_prints_tl_block_body_and_recipients(self):
        """R-000-30.2, R-001-25.7b, R-001-15.3: the conclusion notice of a session prints its number, the chair's
        conclusions and decisions without the rule citations of the vote tallies, its recipients and the block
        TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG with the Chief of Office's name."""
        meeting = self.held(self.ready_session())
        meeting.sudo().conclusion = "<p>Giao Sở Xây dựng hoàn thiện đề án, trình ký trước ngày 30/6.</p>"
        notice = self.env["ubnd.document"].browse(
            meeting.with_user(self.deputy_office).action_create_conclusion_notice()["res_id"])
        self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                   grantee_title="CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)],
                   **self.TL_PROVISION)
        with on(date(2026, 6, 18)):
            notice.with_user(self.chief_office).action_sign()
            notice.with_user(self.deputy_office).action_issue()
        text = self.pdf_text("ubnd_quyche.report_ubnd_document", notice)
        self.assertPrinted(text, "Số: 01/TB-UBND", "THÔNG BÁO", "ngày 18 tháng 6 năm 2026",
                           "Giao Sở Xây dựng hoàn thiện đề án", "Nơi nhận:", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG",
                           self.chief_office.name)
        self.assertGreater(len(notice._nd30_recipient_lines()), 2)
        for line in notice._nd30_recipient_lines():
            self.assertIn(line.split(";")[0].strip("- .")[:20], text)
        self.assertNothingInternal(text)
