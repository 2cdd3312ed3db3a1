import base64
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.ubnd_quyche.tools import privileged
from odoo.addons.ubnd_quyche.tools.demo_pdf import demo_pdf


class UbndIncomingDemo(models.AbstractModel):
    """Builds the demo story of incoming documents by walking the real flow as the demo users (the Office
    receives and registers, the leader directs), then moving the dates into the past.

    Hải Phòng: the Ministry of Construction's letter on social housing, directed into a task; the Prime
    Minister's directive on public investment, directed to the Department of Finance and now overdue; the city
    Party committee's letter, answered by the committee's reply; a Ministry of Home Affairs letter awaiting the
    Chairman's direction; a Ministry of Finance letter received today, to register; a confidential document kept
    as a register entry only; and the dossiers the Office received, logged as incoming (001 Đ12.1).
    Trị An ward: the city's letter on urban order, directed into a ward task."""

    _name = "ubnd.incoming.demo"
    _description = "Demo data builder (incoming documents)"

    @api.model
    def _ref(self, xmlid):
        return self.env.ref(xmlid if "." in xmlid else "ubnd_quyche.%s" % xmlid)

    @api.model
    def _day(self, offset):
        return fields.Date.context_today(self) + timedelta(days=offset)

    @api.model
    def _moment(self, offset, hour=8, minute=30):
        """A UTC datetime ``offset`` days from today at ``hour``:``minute`` in Vietnam."""
        local = pytz.timezone("Asia/Ho_Chi_Minh").localize(datetime.combine(self._day(offset), time(hour, minute)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _file(self, user, name, sender, number, title, paragraphs):
        return self.env["ir.attachment"].with_user(user).create({
            "name": name, "mimetype": "application/pdf",
            "datas": base64.b64encode(demo_pdf([sender.upper(), "Số: %s" % number], title, "", [paragraphs])),
        })

    @api.model
    def _receive(self, clerk, offset, hour, title_paragraphs=None, **vals):
        """The Office receives the document ``offset`` days ago at ``hour`` (with its file unless confidential)."""
        Incoming = self.env["ubnd.incoming"].with_user(clerk)
        vals.setdefault("medium", "electronic")
        if vals.get("confidentiality", "normal") == "normal":
            attachment = self._file(clerk, "%s.pdf" % vals["document_number"].replace("/", "-"), vals["sender"],
                                    vals["document_number"], vals["name"], title_paragraphs or [vals["name"]])
            vals["attachment_ids"] = [(6, 0, attachment.ids)]
        doc = Incoming.create({**vals, "received_at": self._moment(offset, hour)})
        return doc

    @api.model
    def _enter_in_register(self, doc, clerk, offset, hour):
        doc.with_user(clerk).action_register()
        doc.sudo()._workflow().write({"registered_at": self._moment(offset, hour), "registered_late": False})

    @api.model
    def _present(self, doc, clerk, leader, offset, hour=10):
        doc.with_user(clerk).write({"leader_id": leader.id})
        doc.with_user(clerk).action_present()
        doc.sudo()._workflow().write({"presented_at": self._moment(offset, hour)})

    @api.model
    def _direct(self, doc, leader, offset, lead, deadline, note, supporting=None, assigns_task=False, lead_user=None):
        wizard = self.env["ubnd.incoming.direct.wizard"].with_user(leader).with_context(
            default_incoming_id=doc.id).create({
                "incoming_id": doc.id, "lead_unit_id": lead.id, "lead_deadline": self._day(max(deadline, 0)),
                "lead_user_id": lead_user.id if lead_user else False,
                "supporting_line_ids": [(0, 0, {"unit_id": unit.id, "deadline": self._day(max(deadline, 0))})
                                        for unit in supporting or lead.browse()], "note": note,
                "assigns_task": assigns_task,
            })
        wizard.action_direct()
        day = self._day(offset)
        doc.sudo()._workflow().write({"direction_date": day, "directed_at": self._moment(offset, 14)})
        privileged(doc.assignment_ids.sudo(), "ubnd_incoming_workflow").write({"deadline": self._day(deadline)})
        for task in doc.task_ids.filtered(lambda t: t.state != "draft"):
            task.sudo().write({"assign_date": day, "receipt_date": day, "deadline": self._day(deadline)})

    @api.model
    def _load_incoming_story(self):
        self._load_haiphong()
        self._load_trian()
        self.env["ubnd.task"]._cron_mark_overdue()

    @api.model
    def _load_haiphong(self):
        hp = self._ref("committee_haiphong")
        clerk, chairman = self._ref("user_hp_office_clerk"), self._ref("user_hp_chairman")
        vc_urban = self._ref("user_hp_vc_urban")
        construction, finance = self._ref("unit_hp_construction"), self._ref("unit_hp_finance")
        justice, home = self._ref("unit_hp_justice"), self._ref("unit_hp_home")
        cv, ct = self._ref("doctype_cv"), self._ref("doctype_ct")
        common = {"committee_id": hp.id}

        party = self._receive(
            clerk, -20, 9, sender="Thành ủy Hải Phòng", sender_kind="superior", document_type_id=cv.id,
            document_number="1586-CV/TU", document_date=self._day(-21), signer_info="Phó Bí thư Thường trực Thành ủy",
            page_count=2, name="Về việc báo cáo kết quả thực hiện Nghị quyết về cải cách hành chính năm 2026",
            title_paragraphs=["Ban Thường vụ Thành ủy đề nghị Ban cán sự đảng UBND thành phố chỉ đạo báo cáo kết quả "
                              "thực hiện Nghị quyết về cải cách hành chính năm 2026, gửi về Văn phòng Thành ủy."],
            **common)
        ministry = self._receive(
            clerk, -9, 8, sender="Bộ Xây dựng", sender_kind="ministry", document_type_id=cv.id,
            document_number="5120/BXD-QLN", document_date=self._day(-11), signer_info="Thứ trưởng Nguyễn Văn Sinh",
            page_count=3, name="Về việc rà soát, báo cáo tình hình phát triển nhà ở xã hội năm 2026",
            title_paragraphs=["Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh, thành phố rà soát tiến độ các dự án nhà ở "
                              "xã hội, báo cáo kết quả và kiến nghị tháo gỡ vướng mắc về Bộ Xây dựng."],
            **common)
        directive = self._receive(
            clerk, -30, 15, sender="Thủ tướng Chính phủ", sender_kind="government", document_type_id=ct.id,
            document_number="12/CT-TTg", document_date=self._day(-32), signer_info="Thủ tướng Chính phủ",
            page_count=5, urgency="khan",
            name="Về các nhiệm vụ, giải pháp trọng tâm thúc đẩy giải ngân vốn đầu tư công năm 2026",
            title_paragraphs=["Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
                              "trung ương rà soát, điều chuyển vốn của các dự án chậm giải ngân, báo cáo kết quả về "
                              "Bộ Tài chính."],
            **common)
        home_letter = self._receive(
            clerk, -1, 14, sender="Bộ Nội vụ", sender_kind="ministry", document_type_id=cv.id,
            document_number="7345/BNV-CQĐP", document_date=self._day(-3), signer_info="Thứ trưởng Bộ Nội vụ",
            page_count=2, urgency="khan",
            name="Về việc báo cáo tình hình vận hành chính quyền địa phương hai cấp",
            title_paragraphs=["Bộ Nội vụ đề nghị Ủy ban nhân dân các tỉnh, thành phố báo cáo tình hình vận hành chính "
                              "quyền địa phương hai cấp, khó khăn, vướng mắc và kiến nghị."],
            **common)
        secret = self._receive(
            clerk, -4, 10, sender="Công an thành phố Hải Phòng", sender_kind="unit", document_type_id=cv.id,
            document_number="215/CAHP-PA03", document_date=self._day(-5), medium="paper", confidentiality="mat",
            name="-", page_count=4, **common)

        # The Office registers in the order of receipt: the numbers follow it (Decree 30/2020 Đ22.2).
        received = [(directive, -30, 15), (party, -20, 9), (ministry, -9, 8), (secret, -4, 10), (home_letter, -1, 14)]
        dossiers = self.env["ubnd.submission"].sudo().search(
            [("committee_id", "=", hp.id), ("received_date", "!=", False), ("confidentiality", "=", "normal")])
        entries = [(doc.received_at, "doc", doc, offset, hour) for doc, offset, hour in received]
        entries += [(self._moment((sub.received_date - self._day(0)).days, 11), "dossier", sub, 0, 0) for sub in dossiers]
        for moment, kind, record, offset, hour in sorted(entries, key=lambda e: (e[0], e[2].id)):
            if kind == "doc":
                self._enter_in_register(record, clerk, offset, hour + 1)
            else:
                logged = self.env["ubnd.incoming"]._log_dossier(record, received_at=moment)
                logged.sudo()._workflow().write({"registered_at": moment, "registered_late": False})

        # The Prime Minister's directive: the Chairman directs it to the Department of Finance; overdue now.
        self._present(directive, clerk, chairman, -30, 16)
        self._direct(directive, chairman, -29, finance, -3,
                     "Giao Sở Tài chính chủ trì, phối hợp Sở Xây dựng rà soát, tham mưu điều chuyển vốn các dự án chậm "
                     "giải ngân; báo cáo UBND thành phố trước thời hạn.", supporting=construction)
        # The Party committee's letter: the Department of Home Affairs drafts the report; answered.
        self._present(party, clerk, chairman, -20, 10)
        self._direct(party, chairman, -19, home, -8,
                     "Giao Sở Nội vụ chủ trì tham mưu báo cáo Ban Thường vụ Thành ủy.", supporting=justice)
        reply = self.env["ubnd.task.demo"]._document(
            hp, "doctype_bc", 301, "Báo cáo kết quả thực hiện Nghị quyết về cải cách hành chính năm 2026", -10,
            chairman, drafting_unit_id=home.id)
        party.with_user(clerk).write({"reply_document_id": reply.id, "result_note": "Đã báo cáo Ban Thường vụ Thành ủy."})
        party.with_user(clerk).action_done()
        party.sudo()._workflow().write({"done_date": self._day(-10)})
        # The Ministry of Construction's letter: the Vice-Chairman for urban affairs assigns it as a task.
        self._present(ministry, clerk, vc_urban, -9, 10)
        self._direct(ministry, vc_urban, -8, construction, 12,
                     "Giao Sở Xây dựng chủ trì rà soát các dự án nhà ở xã hội, phối hợp Sở Tài chính; dự thảo văn bản "
                     "trả lời Bộ Xây dựng, trình UBND thành phố.", supporting=finance, assigns_task=True)
        # The Ministry of Home Affairs' urgent letter waits for the Chairman's direction.
        self._present(home_letter, clerk, chairman, -1, 15)
        # The Ministry of Finance's letter arrived this morning on paper: to register.
        self._receive(
            clerk, 0, 8, sender="Bộ Tài chính", sender_kind="ministry", document_type_id=cv.id,
            document_number="10245/BTC-ĐT", document_date=self._day(-4), medium="paper", scan_dpi=300,
            signer_info="Thứ trưởng Bộ Tài chính", page_count=2,
            name="Về việc quyết toán vốn đầu tư công niên độ năm 2025",
            title_paragraphs=["Bộ Tài chính hướng dẫn Ủy ban nhân dân các tỉnh, thành phố lập báo cáo quyết toán vốn "
                              "đầu tư công niên độ năm 2025."],
            **common)

    @api.model
    def _load_trian(self):
        ward = self._ref("committee_trian")
        clerk, chairman = self._ref("user_ta_chief_office"), self._ref("user_ta_chairman")
        economy = self._ref("unit_ta_economy")
        letter = self._receive(
            clerk, -6, 9, committee_id=ward.id, sender="Ủy ban nhân dân thành phố Hải Phòng", sender_kind="superior",
            document_type_id=self._ref("doctype_cv").id, document_number="4821/UBND-ĐT", document_date=self._day(-7),
            signer_info="Phó Chủ tịch UBND thành phố", page_count=2,
            name="Về việc chấn chỉnh trật tự đô thị, lòng đường, vỉa hè trên địa bàn các phường",
            title_paragraphs=["Ủy ban nhân dân thành phố yêu cầu Chủ tịch Ủy ban nhân dân các phường ra quân lập lại "
                              "trật tự lòng đường, vỉa hè, báo cáo kết quả về Sở Xây dựng."])
        self._enter_in_register(letter, clerk, -6, 10)
        self._present(letter, clerk, chairman, -6, 11)
        self._direct(letter, chairman, -5, economy, 8,
                     "Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp Công an phường ra quân lập lại trật tự "
                     "lòng đường, vỉa hè; báo cáo kết quả.", assigns_task=True, lead_user=self._ref("user_ta_clerk"))
