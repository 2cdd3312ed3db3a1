import base64
from datetime import timedelta

from odoo import api, models

from odoo.addons.ubnd_quyche.tools.demo_pdf import demo_pdf


class UbndAffairsDemo(models.AbstractModel):
    """The demo story of the Hải Phòng committee, told by walking the real flow as the demo users: a commune's
    request answered late after its chair reported it to the Chairman, another one still waiting past its
    deadline, a working-session request; a land complaint past its settlement deadline answered by the Chief of
    Office under the Chairman's authorisation, a denunciation whose author is protected; a decentralisation to a
    ward and an authorisation to the Director of Construction, with their monitoring."""

    _name = "ubnd.affairs.demo"
    _description = "Demo story: communes, complaints, decentralisation"

    def _user(self, xmlid):
        return self.env.ref("ubnd_quyche.%s" % xmlid)

    def _ref(self, xmlid):
        return self.env.ref("ubnd_quyche.%s" % xmlid)

    @api.model
    def _load_affairs_story(self):
        today = self.env["ubnd.workday"].today()
        self._load_commune_requests(today)
        self._load_complaints(today)
        self._load_decentralisation(today)
        return True

    def _load_commune_requests(self, today):
        office = self._user("user_hp_chief_office")
        Request = self.env["ubnd.commune.request"].with_user(office)
        hongbang, cathai = self._ref("unit_hp_hongbang"), self._ref("unit_hp_cathai")
        construction, finance = self._ref("unit_hp_construction"), self._ref("unit_hp_finance")
        answered = Request.create({
            "name": "Đề nghị hướng dẫn cấp phép xây dựng nhà ở riêng lẻ trong khu vực chỉnh trang đô thị",
            "commune_id": hongbang.id, "agency_id": construction.id, "requesting_body": "committee",
            "incoming_reference": "215/UBND-QLĐT", "date_received": today - timedelta(days=16),
            "field_id": self._ref("field_construction").id,
            "content": "<p>UBND phường Hồng Bàng đề nghị Sở Xây dựng hướng dẫn thẩm quyền, hồ sơ cấp giấy phép xây "
                       "dựng nhà ở riêng lẻ trong khu vực thực hiện dự án chỉnh trang đô thị.</p>",
        })
        waiting = Request.create({
            "name": "Đề nghị hỗ trợ kinh phí sửa chữa trường mầm non Hoa Phượng",
            "commune_id": hongbang.id, "agency_id": finance.id, "requesting_body": "council",
            "incoming_reference": "48/HĐND", "date_received": today - timedelta(days=20), "needs_consultation": True,
            "field_id": self._ref("field_finance").id,
        })
        Request.create({
            "name": "Đề nghị làm việc với Giám đốc Sở Tài chính về dự toán ngân sách đặc khu năm sau",
            "commune_id": cathai.id, "agency_id": finance.id, "kind": "working_session",
            "incoming_reference": "102/UBND-TCKH", "date_received": today,
            "session_date": self.env["ubnd.workday"].add_working_days(today, 5),
        })
        (answered | waiting).sudo()._cron_mark_late()
        answered.with_user(office).action_report_chairman()
        answered.with_user(self._user("user_hp_construction_head")).write({
            "reply_text": "Sở Xây dựng hướng dẫn: nhà ở riêng lẻ trong khu vực chỉnh trang đô thị do UBND phường cấp "
                          "phép theo quy hoạch chi tiết đã duyệt; hồ sơ gồm đơn, bản vẽ thiết kế và giấy tờ về đất.",
            "delay_explanation": "Phải lấy thêm ý kiến quy hoạch của phòng chuyên môn nên trả lời chậm; Sở rút kinh nghiệm.",
        })
        answered.with_user(self._user("user_hp_construction_head")).action_reply()

    def _load_complaints(self, today):
        chairman, office = self._user("user_hp_chairman"), self._user("user_hp_chief_office")
        committee = self._ref("committee_haiphong")
        land = self._ref("field_land")
        # The Chairman authorises the Chief of Office to answer complainants in land matters (000 Đ48.4).
        grant = self.env["ubnd.delegation"].with_user(chairman).create({
            "kind": "tuq", "grantor_id": chairman.id, "grantee_id": office.id, "committee_id": committee.id,
            "grantee_title": "CHÁNH VĂN PHÒNG", "field_ids": [(6, 0, land.ids)],
            "date_start": today - timedelta(days=60), "date_end": today + timedelta(days=300),
            "authorising_document": "15/GUQ-UBND",
            "note": "Trả lời đương sự có đơn khiếu nại, tố cáo lĩnh vực đất đai (Điều 48 khoản 4 Quy chế làm việc).",
        })
        grant.with_user(chairman).action_activate()
        Case = self.env["ubnd.complaint.case"].with_user(office)
        complaint = Case.create({
            "name": "Khiếu nại quyết định thu hồi đất thực hiện dự án mở rộng đường Hồ Sen – Cầu Rào 2",
            "kind": "complaint_first", "field_id": land.id, "leader_id": self._user("user_hp_vc_urban").id,
            "officer_id": self._user("user_hp_deputy_office").id, "incoming_reference": "Đơn ngày " +
            (today - timedelta(days=45)).strftime("%d/%m/%Y"), "date_received": today - timedelta(days=45),
            "party_name": "Nguyễn Văn Thành", "party_address": "Số 12 ngõ 45 Hồ Sen, phường Lê Chân",
            "summary": "<p>Ông Nguyễn Văn Thành khiếu nại mức bồi thường, hỗ trợ khi thu hồi 86 m² đất ở.</p>",
        })
        complaint.with_user(office).action_accept()
        # Accepted 40 days ago in the story: the 30 days of Luật Khiếu nại 2011 Đ28 have run out.
        complaint.sudo().write({"date_accepted": today - timedelta(days=40)})
        complaint.sudo().write({"deadline": complaint._settlement_deadline()})
        complaint.with_user(office).action_start_verification()
        complaint.sudo()._cron_mark_overdue()
        complaint.with_user(office).write({
            "reply_draft": "Văn phòng UBND thành phố thông báo: đơn của ông đang được Thanh tra thành phố xác minh; "
                           "kết quả giải quyết sẽ được gửi đến ông theo quy định.",
            "publication_note": "Cổng thông tin điện tử thành phố, mục Tiếp công dân",
        })
        complaint.with_user(office).action_reply()
        complaint.with_user(office).action_publish_progress()
        denunciation = Case.create({
            "name": "Tố cáo cán bộ địa chính gây khó khăn khi giải quyết hồ sơ cấp giấy chứng nhận",
            "kind": "denunciation", "field_id": land.id, "leader_id": chairman.id,
            "officer_id": self._user("user_hp_deputy_office").id, "date_received": today - timedelta(days=3),
            "party_name": "Trần Thị Hoa", "party_contact": "0912 345 678",
        })
        denunciation.with_user(office).action_accept()
        review = self.env["ubnd.complaint.review"].with_user(office).create({
            "name": "Họp giải quyết đơn thư khiếu nại, tố cáo tồn đọng quý IV",
            "kind": "backlog_meeting", "chair_id": chairman.id, "date": today,
            "case_ids": [(6, 0, (complaint | denunciation).ids)],
        })
        review.conclusion = "<p>Giao Thanh tra thành phố hoàn thành xác minh vụ việc ông Nguyễn Văn Thành trong 10 ngày.</p>"

    def _load_decentralisation(self, today):
        office = self._user("user_hp_chief_office")
        Record = self.env["ubnd.decentralisation"].with_user(office)
        act = self.env["ir.attachment"].with_user(office).create({
            "name": "QD-phan-cap-cap-phep-xay-dung.pdf", "mimetype": "application/pdf",
            "datas": base64.b64encode(demo_pdf(
                ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], "QUYẾT ĐỊNH",
                "Về việc phân cấp cấp giấy phép xây dựng cho Ủy ban nhân dân phường",
                [["Phân cấp cho Ủy ban nhân dân phường Hồng Bàng cấp giấy phép xây dựng công trình cấp III, cấp IV "
                  "trên địa bàn; định kỳ 06 tháng báo cáo kết quả thực hiện."]])),
        })
        decentralised = Record.create({
            "name": "Cấp giấy phép xây dựng công trình cấp III, cấp IV trên địa bàn phường",
            "kind": "decentralisation", "grantor": "committee", "recipient_unit_id": self._ref("unit_hp_hongbang").id,
            "field_ids": [(6, 0, self._ref("field_construction").ids)],
            "scope": "<p>Cấp, điều chỉnh, gia hạn giấy phép xây dựng công trình cấp III, cấp IV.</p>",
            "legal_basis": "Luật Xây dựng; Luật Tổ chức chính quyền địa phương (phân cấp được phép)",
            "act_reference": "25/2026/QĐ-UBND ngày 05/01/2026", "attachment_ids": [(6, 0, act.ids)],
            "date_start": today - timedelta(days=200), "next_review_date": today - timedelta(days=20),
        })
        decentralised.with_user(office).action_activate()
        authorised = Record.create({
            "name": "Phê duyệt quyết toán vốn đầu tư dự án nhóm C sử dụng vốn ngân sách thành phố",
            "kind": "authorisation", "grantor": "chairman", "recipient_unit_id": self._ref("unit_hp_construction").id,
            "recipient_user_id": self._user("user_hp_construction_head").id,
            "field_ids": [(6, 0, self._ref("field_construction").ids)],
            "scope": "<p>Phê duyệt quyết toán vốn đầu tư hoàn thành các dự án nhóm C do Sở Xây dựng quản lý.</p>",
            "legal_basis": "Luật Đầu tư công; Nghị định 99/2021/NĐ-CP",
            "act_reference": "1234/QĐ-UBND ngày 02/01/2026", "attachment_ids": [(6, 0, act.copy({"res_id": 0, "res_model": False, "name": "QD-uy-quyen-quyet-toan-von.pdf"}).ids)],
            "date_start": today - timedelta(days=150), "date_end": today + timedelta(days=10),
            "next_review_date": today + timedelta(days=30),
        })
        authorised.with_user(office).action_activate()
        self.env["ubnd.decentralisation"].sudo()._cron_monitor()
