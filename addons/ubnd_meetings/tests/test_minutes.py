from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, on


@tagged("post_install", "-at_install")
class TestMinutesAndConclusions(UbndMeetingsCase):
    def held(self, meeting, office=None, voters=None, opinion=True):
        """Open the meeting, discuss and vote its matter, close it."""
        office = office or meeting.committee_id.chief_of_office_id
        self.open_session(meeting, office)
        for item in meeting.item_ids.filtered(lambda i: i.item_type == "decision"):
            if opinion:
                speaker = meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.attendance == "present")[:1]
                self.env["ubnd.meeting.opinion"].with_user(office).create({
                    "item_id": item.id, "attendee_id": speaker.id, "stance": "approve",
                    "content": "Đồng ý với tờ trình, đề nghị bổ sung lộ trình."})
            if meeting.is_session:
                item.with_user(meeting.chair_id).action_open_vote()
                for user in voters or meeting.committee_id.member_ids.user_id[:3]:
                    item.vote_ids.with_user(user)._cast("approve")
                item.vote_ids.with_user(meeting.chair_id).action_close_vote()
        with on(meeting.meeting_date):
            meeting.with_user(office).action_close()
        return meeting

    def minutes_of(self, meeting, office=None):
        action = meeting.with_user(office or meeting.committee_id.chief_of_office_id).action_create_minutes()
        return self.env["ubnd.meeting.minutes"].browse(action["res_id"])

    def test_minutes_record_opinions_course_conclusions_and_votes(self):
        """R-000-30.1: the Office keeps minutes with all opinions expressed, the course of the session, the chair's
        conclusions and the vote results; the chair approves them, the Office locks them and they never change."""
        meeting = self.held(self.ready_session())
        minutes = self.minutes_of(meeting)
        self.assertIn("Members present", minutes.opening)
        with self.assertRaises(UserError):
            minutes.with_user(self.chairman).action_approve()
        minutes.with_user(self.chief_office).write({
            "course": "<p>Phiên họp bắt đầu lúc 8 giờ; Văn phòng báo cáo chương trình.</p>",
            "conclusions": "<p>Thống nhất thông qua đề án; giao Sở Xây dựng hoàn thiện hồ sơ.</p>",
        })
        with self.assertRaises(AccessError):
            minutes.with_user(self.member_finance).action_approve()
        with self.assertRaises(AccessError):
            minutes.with_user(self.member_finance).write({"course": "<p>Sửa</p>"})
        minutes.with_user(self.chairman).action_approve()
        with self.assertRaises(UserError):
            minutes.with_user(self.chief_office).write({"course": "<p>Sửa sau phê duyệt</p>"})
        with self.assertRaises(AccessError):
            minutes.with_user(self.chairman).action_lock()
        minutes.with_user(self.deputy_office).action_lock()
        self.assertEqual(minutes.state, "locked")
        pdf = minutes.pdf_attachment_id
        self.assertEqual((pdf.res_model, pdf.res_id), ("ubnd.meeting", meeting.id))
        with self.assertRaises(UserError):  # no way back to draft: a correction is a new act
            minutes.sudo().write({"state": "draft"})
        with self.assertRaises(UserError):
            minutes.sudo().write({"conclusions": "<p>x</p>"})
        with self.assertRaises(UserError):
            self.env["ubnd.meeting.opinion"].with_user(self.deputy_office).create({
                "item_id": meeting.item_ids.id, "attendee_id": meeting.attendee_ids[:1].id, "stance": "approve",
                "content": "Thêm sau khi khóa"})

    def test_minutes_need_the_opinions_on_each_decided_matter(self):
        """R-000-30.1, R-000-29.3b: a matter decided without any recorded opinion keeps the minutes in draft."""
        meeting = self.held(self.ready_session(), opinion=False)
        minutes = self.minutes_of(meeting)
        minutes.with_user(self.chief_office).write({"course": "<p>Diễn biến</p>", "conclusions": "<p>Kết luận</p>"})
        with self.assertRaises(UserError):
            minutes.with_user(self.chairman).action_approve()

    def test_ward_minutes_confirmed_by_the_chief_of_office(self):
        """R-001-25.7a: the ward's minutes bear the Chief of Office's confirming signature before approval."""
        ward = self.build_committee(6, level="commune")
        office = ward.chief_of_office_id
        meeting = self.held(self.ready_session(committee=ward, office=office), office)
        minutes = self.minutes_of(meeting, office)
        minutes.with_user(office).write({"course": "<p>Diễn biến</p>", "conclusions": "<p>Kết luận</p>"})
        with self.assertRaises(UserError):
            minutes.with_user(ward.chairman_id).action_approve()
        with self.assertRaises(AccessError):
            minutes.with_user(ward.chairman_id).action_confirm_chief_office()
        minutes.with_user(office).action_confirm_chief_office()
        minutes.with_user(ward.chairman_id).action_approve()
        html = self.env["ir.actions.report"]._render_qweb_html("ubnd_meetings.action_report_minutes", minutes.ids)[0]
        self.assertIn("XÁC NHẬN CỦA CHÁNH VĂN PHÒNG", html.decode())

    def test_online_session_keeps_electronic_minutes(self):
        """R-000-26.4d: for an online session the Office keeps electronic minutes, confirms the vote results and
        stores them with the session's data."""
        meeting = self.held(self.ready_session(meeting_form="online", videocall_url="https://meet.example.gov.vn/ubnd"))
        minutes = self.minutes_of(meeting)
        self.assertTrue(minutes.electronic)
        minutes.with_user(self.chief_office).write({"course": "<p>Họp trực tuyến</p>", "conclusions": "<p>Kết luận</p>"})
        with self.assertRaises(UserError):
            minutes.with_user(self.chairman).action_approve()
        with self.assertRaises(AccessError):
            meeting.vote_ids.with_user(self.chairman).action_confirm_results()
        meeting.vote_ids.with_user(self.deputy_office).action_confirm_results()
        minutes.with_user(self.chairman).action_approve()
        minutes.with_user(self.deputy_office).action_lock()
        self.assertIn(minutes.pdf_attachment_id, self.env["ir.attachment"].search(
            [("res_model", "=", "ubnd.meeting"), ("res_id", "=", meeting.id)]))

    def test_working_meeting_minutes_with_the_recording_the_chair_directed(self):
        """R-000-32.2dd: the Office keeps minutes of each working meeting, with an audio recording when the chair
        directs it."""
        meeting = self.new_meeting("working", chair_id=self.vc_urban.id)
        meeting.with_user(self.deputy_office).action_send_invitations()
        meeting.with_user(self.vc_urban).recording_requested = True
        self.member_attendee(meeting, self.vc_urban).with_user(self.deputy_office).action_mark_present()
        with on(SESSION_DAY):
            meeting.with_user(self.vc_urban).action_open()
            meeting.with_user(self.deputy_office).write({"course": "<p>Làm việc với Sở Xây dựng</p>",
                                                         "conclusion": "<p>Giao Sở hoàn thiện.</p>"})
            meeting.with_user(self.vc_urban).action_close()
        minutes = self.minutes_of(meeting, self.deputy_office)
        with self.assertRaises(UserError):
            minutes.with_user(self.vc_urban).action_approve()
        recording = self.env["ir.attachment"].create({"name": "ghi-am.mp3", "raw": b"ID3"})
        meeting.sudo().recording_attachment_ids = recording
        minutes.with_user(self.vc_urban).action_approve()
        self.assertEqual(minutes.state, "approved")

    def test_minutes_in_the_decree_30_layout(self):
        """R-000-30.1, R-001-25.7a: the PDF follows Decree 30/2020 Mẫu 1.9: national motto, the committee's name,
        number, the type name BIÊN BẢN, the course, the vote results with the rule, and the Secretary and Chair
        signature blocks with the recipients under the Secretary."""
        meeting = self.held(self.ready_session())
        minutes = self.minutes_of(meeting)
        minutes.with_user(self.chief_office).write({"course": "<p>Diễn biến phiên họp</p>",
                                                    "conclusions": "<p>Kết luận của Chủ tịch</p>"})
        minutes.with_user(self.chairman).action_approve()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "ubnd_meetings.action_report_minutes", minutes.ids)[0].decode()
        for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN", "/BB-UBND",
                     "THƯ KÝ", "CHỦ TỌA", "Nơi nhận:", "Lưu: VT, Hồ sơ.", "Thời gian bắt đầu: 08 giờ 00, ngày 17 tháng 6 năm 2026",
                     "Diễn biến phiên họp", "Kết luận của Chủ tịch", "more than half of all 5 members",
                     "Đồng ý với tờ trình", "o_ubnd_nd30_first_hidden"):
            self.assertIn(text, html)
        paperformat = self.env.ref("ubnd_meetings.paperformat_nd30")
        self.assertEqual((paperformat.format, paperformat.margin_left, paperformat.margin_right), ("A4", 30, 15))

    def test_conclusion_notice_signed_by_the_chief_of_office_within_three_days(self):
        """R-000-32.2e, R-000-30.2, R-001-25.7b: the Office issues the notice of the chair's conclusions within 3 days
        of a working meeting, as a document of the core (Thông báo) signed TL. the Chairman by the Chief of Office;
        the city also reports it to the standing committees."""
        meeting = self.new_meeting("working", chair_id=self.chairman.id, heads_scope="field_heads")
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.member_attendee(meeting, self.chairman).with_user(self.deputy_office).action_mark_present()
        with on(SESSION_DAY):
            meeting.with_user(self.chairman).action_open()
            meeting.with_user(self.deputy_office).conclusion = "<p>Giao Sở Xây dựng trình đề án trước 30/6.</p>"
            meeting.with_user(self.chairman).action_close()
        action = meeting.with_user(self.deputy_office).action_create_conclusion_notice()
        notice = self.env["ubnd.document"].browse(action["res_id"])
        self.assertEqual(notice.document_type_id, self.env.ref("ubnd_quyche.doctype_tb"))
        self.assertEqual((notice.authority, notice.meeting_id), ("chairman", meeting))
        self.assertIn("Giao Sở Xây dựng", notice.body)
        step = meeting.step_ids.filtered(lambda s: s.code == "conclusion")
        self.assertEqual(step.deadline, date(2026, 6, 20))
        with on(date(2026, 6, 18)), self.assertRaises(AccessError):
            notice.with_user(self.chief_office).action_sign()
        self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                   grantee_title="CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_notice.ids)],
                   **self.TL_PROVISION)
        with on(date(2026, 6, 18)):
            notice.with_user(self.chief_office).action_sign()
        self.assertIn("TL. CHỦ TỊCH", notice.signature_block)
        self.assertIn("/TB-UBND", notice.reference)
        with on(date(2026, 6, 19)):
            notice.with_user(self.deputy_office).action_issue()
        self.assertEqual(step.done_date, date(2026, 6, 19))
        self.assertFalse(step.late)

    def test_session_conclusions_reported_to_standing_committees_in_the_city_only(self):
        """R-000-30.2, R-001-25.7b: after each session the Chief of Office notifies the chair's conclusions to members
        and bodies concerned; the city also reports them to the Party and Council standing committees."""
        meeting = self.held(self.ready_session())
        notice = self.env["ubnd.document"].browse(
            meeting.with_user(self.deputy_office).action_create_conclusion_notice()["res_id"])
        self.assertIn("Standing Committee of the Party Committee", notice.recipients)
        self.assertIn("Members of the People's Committee", notice.recipients)
        ward = self.build_committee(5, level="commune")
        office = ward.chief_of_office_id
        ward_meeting = self.held(self.ready_session(committee=ward, office=office), office)
        ward_notice = self.env["ubnd.document"].browse(
            ward_meeting.with_user(office).action_create_conclusion_notice()["res_id"])
        self.assertNotIn("Standing Committee of the Party Committee", ward_notice.recipients)
        self.assertEqual(ward_meeting.step_ids.filtered(lambda s: s.code == "conclusion").responsible_id, office)
