import base64
from datetime import timedelta

from markupsafe import escape

from odoo import api, fields, models

from ..tools import privileged
from ..tools.demo_pdf import demo_pdf


class UbndDemo(models.AbstractModel):
    """Builds the demo story by walking real submissions through the workflow as real users."""

    _name = "ubnd.demo"
    _description = "Demo data builder"

    @api.model
    def _user(self, xmlid):
        return self.env.ref("ubnd_quyche.%s" % xmlid)

    @api.model
    def _new(self, user, **vals):
        Submission = self.env["ubnd.submission"].with_user(self._user(user))
        vals.setdefault("committee_id", self.env.ref("ubnd_quyche.committee_haiphong").id)
        return Submission.create(vals)

    @api.model
    def _complete(self, submission, user):
        """``user`` (an xmlid of the demo or a user) files each required component as a real PDF of a few pages."""
        user = self._user(user) if isinstance(user, str) else user
        sub = submission.with_user(user)
        for component in sub.component_ids.filtered("required"):
            heading, pages = self._component_text(submission, component.code)
            pdf = self.env["ir.attachment"].with_user(user).create({
                "name": "%s %s.pdf" % (heading.capitalize(), submission.reference.replace("/", "-")),
                "datas": base64.b64encode(demo_pdf(
                    [escape(submission.committee_id.name.upper()), escape(submission.submitting_unit_id.name)],
                    heading, escape(submission.name), pages,
                )),
                "mimetype": "application/pdf",
                "res_model": "ubnd.submission", "res_id": submission.id,
            })
            component.attachment_ids = [(4, pdf.id)]
        return submission

    @api.model
    def _component_text(self, submission, code):
        """The heading and pages of a demo component file (000 Đ15.2 a, b, c)."""
        subject, summary = escape(submission.name), escape(submission.summary or "")
        unit = escape(submission.submitting_unit_id.name)
        grounds = [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Quy chế làm việc của Ủy ban nhân dân thành phố;",
            "Xét đề nghị của %s." % unit,
        ]
        detail = [
            "Nội dung đề xuất đã được rà soát về sự phù hợp với quy hoạch, kế hoạch và dự toán ngân sách được giao; "
            "ý kiến của các cơ quan liên quan đã được tiếp thu, giải trình đầy đủ.",
            "Tổ chức thực hiện: %s chủ trì, phối hợp với các sở, ngành và Ủy ban nhân dân các phường triển khai; "
            "định kỳ hằng quý báo cáo kết quả thực hiện về Ủy ban nhân dân thành phố." % unit,
            "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác.",
        ]
        if code == "a":
            return "PHIẾU TRÌNH GIẢI QUYẾT HỒ SƠ, CÔNG VIỆC", [
                ["Kính gửi: Lãnh đạo Ủy ban nhân dân thành phố.", "Trích yếu nội dung: %s." % subject,
                 "Đơn vị trình: %s." % unit, summary or detail[0]],
                ["Ý kiến của Văn phòng: hồ sơ đầy đủ thành phần theo Điều 15 Quy chế làm việc; đề nghị lãnh đạo "
                 "xem xét, quyết định."] + detail[1:],
            ]
        if code == "b":
            return "TỜ TRÌNH", [
                grounds + ["%s kính trình Ủy ban nhân dân thành phố xem xét: %s." % (unit, subject), summary or detail[0]],
                ["I. SỰ CẦN THIẾT"] + detail[:1] + ["II. NỘI DUNG ĐỀ XUẤT"] + detail[1:],
                ["III. KIẾN NGHỊ", "Kính trình Ủy ban nhân dân thành phố xem xét, quyết định./."],
            ]
        return "DỰ THẢO VĂN BẢN TRÌNH KÝ", [
            grounds + ["Điều 1. Phê duyệt nội dung: %s." % subject, summary or detail[0]],
            ["Điều 2. " + detail[1], "Điều 3. " + detail[2],
             "Điều 4. Chánh Văn phòng Ủy ban nhân dân thành phố, Thủ trưởng các cơ quan, đơn vị có liên quan chịu "
             "trách nhiệm thi hành văn bản này./."],
        ]

    @api.model
    def _initial(self, submission):
        """The head of the submitting unit initials the dossier, which reaches the Office (000 Đ15.3, Đ17.1)."""
        for review in submission.review_ids.filtered(lambda r: r.status == "pending"):
            if submission.state == "initialling" and review.definition_id._ubnd_stage() == "unit":
                submission.with_user(review.nominal_reviewer_ids[:1] or review.reviewer_ids[:1]).action_initial()

    @api.model
    def _chain(self, submission):
        """The steps before the leader's decision, each by its holder: the unit head's initials, the Office's check
        and forwarding, the leaders' opinions (the leader in charge decides afterwards)."""
        self._initial(submission)
        if submission.state in ("submitted", "clarification"):
            step = submission.review_ids.filtered(lambda r: r.status == "pending")[:1]
            office = step.nominal_reviewer_ids[:1] or submission.committee_id._office_users()[:1]
            submission.with_user(office).action_forward_to_leader()
        for review in submission.review_ids.sorted("sequence"):
            if review.status == "pending" and review.definition_id._ubnd_stage() == "opinion":
                submission.with_user(review.nominal_reviewer_ids[:1]).action_give_opinion()

    @api.model
    def _load_submission_story(self):
        finance, construction = self.env.ref("ubnd_quyche.unit_hp_finance"), self.env.ref("ubnd_quyche.unit_hp_construction")
        f_fin, f_con, f_edu = (self.env.ref("ubnd_quyche.field_%s" % x) for x in ("finance", "construction", "education"))
        office = "user_hp_office_clerk"

        # Draft: still being prepared by the Department of Finance.
        self._new("user_hp_finance_staff", name="Dự thảo Quyết định giao dự toán bổ sung năm 2026 cho các phường",
                  kind="committee_decision", field_id=f_fin.id, submitting_unit_id=finance.id,
                  summary="Bổ sung dự toán chi thường xuyên cho 12 phường để thực hiện chính sách an sinh xã hội.")

        # Submitted four working days ago and not yet checked: overdue at the Office.
        late = self._complete(self._new("user_hp_finance_staff", name="Tờ trình phê duyệt phương án sắp xếp trụ sở làm việc dôi dư",
                                        kind="scheme", field_id=f_fin.id, submitting_unit_id=finance.id,
                                        summary="Phương án xử lý 18 cơ sở nhà, đất dôi dư sau sắp xếp đơn vị hành chính."),
                              "user_hp_finance_staff")
        late.with_user(self._user("user_hp_finance_staff")).action_submit()
        self._initial(late)  # the Director of Finance initialled it
        past = self.env["ubnd.workday"].subtract_working_days(fields.Date.context_today(self), 5)
        late.sudo().write({"received_date": past, "office_deadline": late._deadline(past, "office_intake_days")})
        self.env["ubnd.submission"]._cron_mark_overdue()

        # Being clarified by the Department of Construction.
        clar = self._complete(self._new("user_hp_construction_head", name="Điều chỉnh cục bộ quy hoạch phân khu ven sông Lạch Tray",
                                        kind="scheme", field_id=f_con.id, submitting_unit_id=construction.id,
                                        matter_type="planning", area_ha=12),
                              "user_hp_construction_head")
        clar.with_user(self._user("user_hp_construction_head")).action_submit()
        clar.sudo().clarification_unit_id = construction
        clar.with_user(self._user(office)).action_ask_clarification()

        # With the Vice-Chairman in charge of urban affairs, chain under way.
        pending = self._complete(self._new("user_hp_construction_head", name="Quyết định phê duyệt giá khởi điểm đấu giá khu đất số 3",
                                           kind="chairman_decision", field_id=f_con.id, submitting_unit_id=construction.id,
                                           **self._draft_text("Quyết định phê duyệt giá khởi điểm đấu giá khu đất số 3")),
                                 "user_hp_construction_head")
        pending.with_user(self._user("user_hp_construction_head")).action_submit()  # his submission is his initials
        self._chain(pending)  # checked and forwarded by the chief of the Office: now the Vice-Chairman's turn

        # Submitted by a specialist of Finance, waiting for her Director's initials before it reaches the Office.
        initials = self._complete(self._new("user_hp_finance_staff", name="Tờ trình điều chỉnh dự toán mua sắm thiết bị y tế năm 2026",
                                            kind="chairman_decision", field_id=f_fin.id, submitting_unit_id=finance.id,
                                            summary="Điều chỉnh 8,5 tỷ đồng dự toán mua sắm thiết bị y tế giữa các bệnh viện tuyến thành phố."),
                                  "user_hp_finance_staff")
        initials.with_user(self._user("user_hp_finance_staff")).action_submit()

        # A collective matter waiting for the session: sale of public assets worth 120 bn VND.
        collective = self._complete(self._new("user_hp_finance_staff", name="Phương án bán trụ sở cũ Sở Tài chính (120 tỷ đồng)",
                                              kind="committee_decision", addressee="committee", field_id=f_fin.id,
                                              submitting_unit_id=finance.id, matter_type="asset", amount_bn=120),
                                    "user_hp_finance_staff")
        collective.with_user(self._user("user_hp_finance_staff")).action_submit()
        self._chain(collective)
        collective.with_user(collective.leader_id).action_send_to_session()

        # Approved, signed and issued ones.
        for name, field, unit, user, stop in (
            ("Quyết định ban hành Kế hoạch chuyển đổi số năm 2027", f_fin, finance, "user_hp_finance_staff", "approved"),
            ("Quyết định phê duyệt chỉ giới đường đỏ tuyến đường Hồ Sen – Cầu Rào 2", f_con, construction, "user_hp_construction_head", "signed"),
            ("Quyết định phân bổ kinh phí sửa chữa trường học trước mùa mưa bão", f_fin, finance, "user_hp_finance_staff", "issued"),
            ("Quyết định phê duyệt danh mục công trình chỉnh trang đô thị năm 2027", f_con, construction, "user_hp_construction_head", "issued"),
        ):
            sub = self._complete(self._new(user, name=name, kind="chairman_decision", field_id=field.id, submitting_unit_id=unit.id,
                                           **self._draft_text(name)), user)
            sub.with_user(self._user(user)).action_submit()
            self._chain(sub)
            leader = sub.leader_id
            sub.with_user(leader).write({"decision_note": "Đồng ý, trình ký ban hành."})
            sub.with_user(leader).action_approve()
            if stop in ("signed", "issued"):
                sub.with_user(leader).action_sign()
            if stop == "issued":
                sub.with_user(self._user(office)).action_issue()

        # Returned with reasons, transferred, withdrawn.
        ret = self._complete(self._new("user_hp_finance_staff", name="Đề nghị hỗ trợ kinh phí tổ chức lễ hội", kind="other",
                                       field_id=self.env.ref("ubnd_quyche.field_culture").id, submitting_unit_id=finance.id),
                             "user_hp_finance_staff")
        ret.with_user(self._user("user_hp_finance_staff")).action_submit()
        self._initial(ret)
        ret.sudo().return_reason = ("Thiếu ý kiến của Sở Văn hóa và Thể thao (cơ quan liên quan); đề nghị bổ sung "
                                    "theo Điều 15.2.đ Quy chế.")
        ret.with_user(self._user(office)).action_return()
        tra = self._complete(self._new("user_hp_construction_head", name="Đề nghị cấp phép khai thác cát lòng sông", kind="other",
                                       field_id=f_con.id, submitting_unit_id=construction.id), "user_hp_construction_head")
        tra.with_user(self._user("user_hp_construction_head")).action_submit()
        tra.sudo().write({"transfer_to": "Bộ Nông nghiệp và Môi trường", "return_reason": "Thuộc thẩm quyền cấp Bộ."})
        tra.with_user(self._user(office)).action_transfer()
        wd = self._new("user_hp_finance_staff", name="Báo cáo tình hình thu ngân sách tháng 10", kind="report",
                       field_id=f_fin.id, submitting_unit_id=finance.id)
        wd.with_user(self._user("user_hp_finance_staff")).action_withdraw()

        # A state-secret dossier: register entry only.
        self._new("user_hp_finance_staff", name="Hồ sơ mật về phương án bảo đảm an ninh kinh tế", kind="other",
                  field_id=self.env.ref("ubnd_quyche.field_internal").id, submitting_unit_id=finance.id,
                  confidentiality="mat")

        # The ward: a dossier with its Vice-Chairman for education.
        ward = self.env.ref("ubnd_quyche.committee_trian")
        ta = self.env["ubnd.submission"].with_user(self._user("user_ta_clerk")).create({
            "name": "Kế hoạch sửa chữa Trường Tiểu học Trị An", "committee_id": ward.id, "kind": "scheme",
            "field_id": f_edu.id, "submitting_unit_id": self.env.ref("ubnd_quyche.unit_ta_economy").id,
        })
        self._complete(ta, "user_ta_clerk")
        ta.with_user(self._user("user_ta_clerk")).action_submit()
        self._chain(ta)
        self._load_ward_issued_decision(ward)
        self._load_coordination_story(ward)
        return True

    @api.model
    def _load_coordination_story(self, ward):
        """The ward's units disagree on a dossier: the Chief of Office held a coordination meeting four working days
        ago and the lead unit, due to finalise within 2 working days (001 Đ4.3.e, Đ28.2), is late."""
        clerk, chief = self._user("user_ta_clerk"), self._user("user_ta_chief_office")
        disputed = self.env["ubnd.submission"].with_user(clerk).create({
            "name": "Phương án bố trí điểm tập kết rác thải sinh hoạt khu phố 3", "committee_id": ward.id,
            "kind": "scheme", "field_id": self.env.ref("ubnd_quyche.field_construction").id,
            "submitting_unit_id": self.env.ref("ubnd_quyche.unit_ta_economy").id,
            "summary": "Di dời điểm tập kết rác tạm thời tại ngã ba khu phố 3 về bãi đất trống cạnh nhà văn hóa.",
        })
        self._complete(disputed, "user_ta_clerk")
        disputed.with_user(clerk).action_submit()
        self._initial(disputed)
        Workday = self.env["ubnd.workday"]
        today = fields.Date.context_today(self)
        received, day = (Workday.subtract_working_days(today, n, company=ward.company_id) for n in (6, 4))
        privileged(disputed.sudo(), "ubnd_workflow").write({
            "received_date": received, "office_return_deadline": disputed._deadline(received, "office_return_days")})
        meeting = self.env["ubnd.coordination.meeting"].with_user(chief).create({
            "submission_id": disputed.id, "chair_id": chief.id, "meeting_date": day,
            "unit_ids": [(6, 0, (self.env.ref("ubnd_quyche.unit_ta_economy") | self.env.ref("ubnd_quyche.unit_ta_culture")).ids)],
            "disagreement": "Phòng Kinh tế đề xuất vị trí cạnh nhà văn hóa; Phòng Văn hóa - Xã hội đề nghị giữ khoảng cách "
                            "tối thiểu 50 m với nhà văn hóa và điểm sinh hoạt của trẻ em.",
            "conclusion": "Thống nhất bố trí tại góc phía đông bãi đất, cách nhà văn hóa 60 m, có tường rào và cây xanh "
                          "cách ly; Phòng Kinh tế hoàn chỉnh hồ sơ, bổ sung sơ đồ vị trí.",
        })
        meeting._end(day)  # held four working days ago: its deadline (2 working days) has passed

    @api.model
    def _load_vietnamese(self, module):
        """The demo story is told in Vietnamese, its chatter, activities and stored names included. Odoo loads a
        module's translated terms only after its demo data: load them before the story, and forget the English
        names (of models, of selections) already read in this transaction."""
        self.env["ir.module.module"]._load_module_terms([module], ["vi_VN"])
        self.env.invalidate_all()
        return True

    @api.model
    def _quiet_mail(self):
        """The demo database has no mail server. Its internal users are notified inside Odoo; the emails the
        story queued for people outside it (guests invited to a session, Odoo's sample contacts) are cancelled
        rather than left to the mail queue to fail on, and Odoo's sample "failed delivery" notifications are
        dropped: nobody lands on delivery failures. Odoo's own demo users, outside the committees, are notified
        inside Odoo too (their scheduled reminders would otherwise fail to be emailed)."""
        self.env["res.users"].sudo().search([("share", "=", False), ("notification_type", "=", "email")]) \
            .notification_type = "inbox"
        queued = self.env["mail.mail"].sudo().search([("state", "=", "outgoing")])
        queued.cancel()
        Notification = self.env["mail.notification"].sudo()
        Notification.search([("mail_mail_id", "in", queued.ids)]).write({"notification_status": "canceled"})
        Notification.search([("notification_status", "in", ("exception", "bounce"))]).unlink()
        return True

    @api.model
    def _load_ward_issued_decision(self, ward):
        """A ward decision through the whole chain: drafted by the economy unit, signed KT. by the Vice-Chairman for
        the economy and issued by the ward's Office (so that the ward, too, has an issued document to show)."""
        name = "Quyết định phê duyệt kế hoạch chỉnh trang vỉa hè các tuyến phố phường Trị An năm 2027"
        sub = self.env["ubnd.submission"].with_user(self._user("user_ta_clerk")).create({
            "name": name, "committee_id": ward.id, "kind": "chairman_decision",
            "field_id": self.env.ref("ubnd_quyche.field_economy").id,
            "submitting_unit_id": self.env.ref("ubnd_quyche.unit_ta_economy").id,
            **self._draft_text(name, authority="CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TRỊ AN"),
        })
        self._complete(sub, "user_ta_clerk")
        sub.with_user(self._user("user_ta_clerk")).action_submit()
        self._chain(sub)
        leader = sub.leader_id
        sub.with_user(leader).write({"decision_note": "Đồng ý, trình ký ban hành."})
        sub.with_user(leader).action_approve()
        sub.with_user(leader).action_sign()
        sub.with_user(ward._office_users()[:1]).action_issue()

    # --- The drafts' text and recipients (the document each dossier proposes, Decree 30/2020 Mẫu 1.2) ----------
    @api.model
    def _draft_text(self, name, authority="CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"):
        """The body and "Nơi nhận" the unit drafts for the Chairman's decision of the demo dossier ``name``."""
        authority = '<p class="text-center"><b>%s</b></p>' % authority
        decide = '<p class="text-center"><b>QUYẾT ĐỊNH:</b></p>'
        local_government = "<p><i>Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;</i></p>"
        leaders = "- Chủ tịch, các Phó Chủ tịch UBND thành phố;"
        drafts = {
            "Quyết định ban hành Kế hoạch chuyển đổi số năm 2027": (
                [local_government,
                 "<p><i>Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt "
                 "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;</i></p>",
                 "<p><i>Theo đề nghị của Giám đốc Sở Tài chính.</i></p>", decide,
                 "<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2027 của thành phố "
                 "Hải Phòng.</p>",
                 "<p><b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký.</p>",
                 "<p><b>Điều 3.</b> Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Tài chính, Thủ trưởng các "
                 "sở, ban, ngành và Chủ tịch Ủy ban nhân dân các phường chịu trách nhiệm thi hành Quyết định này./.</p>"],
                ["- Như Điều 3;", "- Bộ Khoa học và Công nghệ;", "- TT Thành ủy, TT HĐND thành phố;", leaders,
                 "- Cổng Thông tin điện tử thành phố;", "- Lưu: VT, STC."],
            ),
            "Quyết định phê duyệt chỉ giới đường đỏ tuyến đường Hồ Sen – Cầu Rào 2": (
                [local_government,
                 "<p><i>Căn cứ Luật Quy hoạch đô thị và nông thôn ngày 26 tháng 11 năm 2024;</i></p>",
                 "<p><i>Theo đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 412/TTr-SXD.</i></p>", decide,
                 "<p><b>Điều 1.</b> Phê duyệt chỉ giới đường đỏ tuyến đường Hồ Sen – Cầu Rào 2, đoạn từ nút giao Hồ "
                 "Sen đến cầu Rào 2, với các nội dung chính sau:</p>",
                 "<p>1. Chiều dài tuyến khoảng 2,4 km; mặt cắt ngang điển hình 50,5 m (lòng đường 2 x 11,25 m, dải "
                 "phân cách giữa 3,0 m, hè đường 2 x 12,5 m).</p>",
                 "<p>2. Tọa độ, cao độ các mốc chỉ giới đường đỏ theo hồ sơ bản vẽ kèm theo Quyết định này.</p>",
                 "<p><b>Điều 2.</b> Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các phường Lê Chân, An Biên "
                 "công bố công khai chỉ giới đường đỏ và cắm mốc ngoài thực địa trong thời hạn 30 ngày kể từ ngày "
                 "ký.</p>",
                 "<p><b>Điều 3.</b> Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Xây dựng, Chủ tịch Ủy ban "
                 "nhân dân các phường Lê Chân, An Biên và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
                 "Quyết định này./.</p>"],
                ["- Như Điều 3;", leaders, "- Sở Tài chính, Sở Nông nghiệp và Môi trường;", "- Lưu: VT, SXD."],
            ),
            "Quyết định phân bổ kinh phí sửa chữa trường học trước mùa mưa bão": (
                [local_government,
                 "<p><i>Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;</i></p>",
                 "<p><i>Căn cứ Nghị quyết của Hội đồng nhân dân thành phố về dự toán ngân sách địa phương năm "
                 "2026;</i></p>",
                 "<p><i>Theo đề nghị của Giám đốc Sở Tài chính.</i></p>", decide,
                 "<p><b>Điều 1.</b> Phân bổ 18.500 triệu đồng (Mười tám tỷ năm trăm triệu đồng) từ nguồn dự phòng "
                 "ngân sách thành phố để sửa chữa, chống xuống cấp 27 trường học trước mùa mưa bão (chi tiết tại Phụ "
                 "lục kèm theo).</p>",
                 "<p><b>Điều 2.</b> Sở Giáo dục và Đào tạo, Ủy ban nhân dân các phường được giao kinh phí sử dụng đúng "
                 "mục đích, thanh toán, quyết toán theo quy định và hoàn thành việc sửa chữa trước mùa mưa bão.</p>",
                 "<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân thành "
                 "phố, Giám đốc các Sở: Tài chính, Giáo dục và Đào tạo; Chủ tịch Ủy ban nhân dân các phường có tên tại "
                 "Phụ lục chịu trách nhiệm thi hành Quyết định này./.</p>"],
                ["- Như Điều 3;", "- TT Thành ủy, TT HĐND thành phố (để báo cáo);", leaders, "- Lưu: VT, STC."],
            ),
            "Quyết định phê duyệt giá khởi điểm đấu giá khu đất số 3": (
                [local_government,
                 "<p><i>Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;</i></p>",
                 "<p><i>Theo đề nghị của Giám đốc Sở Xây dựng.</i></p>", decide,
                 "<p><b>Điều 1.</b> Phê duyệt giá khởi điểm để đấu giá quyền sử dụng đất khu đất số 3 (diện tích "
                 "12.450 m²) là 36.700.000 đồng/m².</p>",
                 "<p><b>Điều 2.</b> Sở Xây dựng phối hợp với đơn vị tổ chức đấu giá thực hiện việc đấu giá theo quy "
                 "định.</p>",
                 "<p><b>Điều 3.</b> Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc các Sở: Xây dựng, Tài chính và "
                 "các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.</p>"],
                ["- Như Điều 3;", leaders, "- Lưu: VT, SXD."],
            ),
            "Quyết định phê duyệt danh mục công trình chỉnh trang đô thị năm 2027": (
                [local_government,
                 "<p><i>Căn cứ Luật Quy hoạch đô thị và nông thôn ngày 26 tháng 11 năm 2024;</i></p>",
                 "<p><i>Theo đề nghị của Giám đốc Sở Xây dựng.</i></p>", decide,
                 "<p><b>Điều 1.</b> Phê duyệt danh mục 14 công trình chỉnh trang đô thị năm 2027 với tổng mức đầu tư "
                 "dự kiến 212.000 triệu đồng (chi tiết tại Phụ lục kèm theo).</p>",
                 "<p><b>Điều 2.</b> Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các phường lập, trình phê "
                 "duyệt hồ sơ từng công trình và hoàn thành trước ngày 31 tháng 12 năm 2027.</p>",
                 "<p><b>Điều 3.</b> Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc các Sở: Xây dựng, Tài chính, "
                 "Chủ tịch Ủy ban nhân dân các phường có tên tại Phụ lục chịu trách nhiệm thi hành Quyết định "
                 "này./.</p>"],
                ["- Như Điều 3;", leaders, "- Lưu: VT, SXD."],
            ),
            "Quyết định phê duyệt kế hoạch chỉnh trang vỉa hè các tuyến phố phường Trị An năm 2027": (
                [local_government,
                 "<p><i>Căn cứ Quy chế làm việc của Ủy ban nhân dân phường Trị An;</i></p>",
                 "<p><i>Theo đề nghị của Trưởng phòng Kinh tế.</i></p>", decide,
                 "<p><b>Điều 1.</b> Phê duyệt kế hoạch chỉnh trang vỉa hè 6 tuyến phố trên địa bàn phường năm 2027, "
                 "kinh phí dự kiến 4.800 triệu đồng từ ngân sách phường.</p>",
                 "<p><b>Điều 2.</b> Phòng Kinh tế chủ trì tổ chức thực hiện, báo cáo kết quả hằng quý.</p>",
                 "<p><b>Điều 3.</b> Chánh Văn phòng HĐND và UBND phường, Trưởng phòng Kinh tế và các tổ chức, cá nhân "
                 "có liên quan chịu trách nhiệm thi hành Quyết định này./.</p>"],
                ["- Như Điều 3;", "- TT Đảng ủy, TT HĐND phường;", "- Chủ tịch, các Phó Chủ tịch UBND phường;",
                 "- Lưu: VT, KT."],
            ),
        }
        body, recipients = drafts.get(name, ([], []))
        return {"draft_body": authority + "".join(body) if body else False,
                "draft_recipients": "\n".join(recipients) or False}

