import base64
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .common import DEFAULT_TZ


class UbndProgrammeDemo(models.AbstractModel):
    """Builds the demo programmes, weekly schedule and reporting calendar by walking the real workflow as the
    demo users (dates relative to today)."""

    _name = "ubnd.programme.demo"
    _description = "Demo data builder: programmes, schedule, reports"

    @api.model
    def _u(self, xmlid):
        return self.env.ref("ubnd_quyche.%s" % xmlid)

    @api.model
    def _as(self, model, xmlid):
        return self.env[model].with_user(self._u(xmlid))

    @api.model
    def _utc(self, day, hour, minute=0):
        """A local (Vietnam) time as the naive UTC datetime Odoo stores."""
        local = pytz.timezone(DEFAULT_TZ).localize(datetime.combine(day, time(hour, minute)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _load_programme_demo(self):
        # The demo users work in Vietnamese: messages and reminders are written in their language.
        if self.env["res.lang"]._lang_get("vi_VN"):
            self = self.with_context(lang="vi_VN")
        now = fields.Date.context_today(self)
        self._load_programmes(now)
        self._load_week(now)
        self._load_reporting(now)
        self._load_ward(now)

    # --- Programmes -----------------------------------------------------------------------------------------
    @api.model
    def _load_programmes(self, now):
        hp = self.env.ref("ubnd_quyche.committee_haiphong")
        unit = {x: self.env.ref("ubnd_quyche.unit_hp_%s" % x) for x in
                ("office", "finance", "construction", "justice", "home", "education", "hongbang", "cathai")}
        fld = {x: self.env.ref("ubnd_quyche.field_%s" % x) for x in
               ("finance", "construction", "education", "justice", "economy", "land")}
        office, chairman = "user_hp_chief_office", "user_hp_chairman"
        Programme = self._as("ubnd.programme", office)

        # The annual programme, adopted at last year's December session and issued.
        year = Programme.create({"committee_id": hp.id, "kind": "year", "year": now.year,
                                 "note": "<p>Tập trung hoàn thiện thể chế, đẩy mạnh chuyển đổi số, cải thiện môi trường "
                                         "đầu tư; bảo đảm an sinh xã hội.</p>"})
        session = self.env["calendar.event"].create({
            "name": "Phiên họp UBND thành phố thường kỳ tháng 12/%s" % (now.year - 1),
            "start": self._utc(date(now.year - 1, 12, 28), 8), "stop": self._utc(date(now.year - 1, 12, 28), 11),
            "user_id": self._u(office).id,
            "partner_ids": [(6, 0, (hp.chairman_id | hp.vice_chairman_ids).partner_id.ids)],
        })
        Item = self._as("ubnd.programme.item", office)
        common = {"programme_id": year.id, "deciding_authority": "committee", "source": "proposal",
                  "proposal_approved_by_id": self._u(chairman).id}
        Item.create({"programme_id": year.id, "part": "orientation", "source": "higher", "sequence": 1,
                     "name": "Thực hiện Nghị quyết của Thành ủy về phát triển kinh tế biển",
                     "source_reference": "Nghị quyết số 12-NQ/TU"})
        items = {}
        specs = [
            ("done", "Đề án sắp xếp, xử lý nhà, đất dôi dư sau sắp xếp đơn vị hành chính", "finance", ["construction", "justice"],
             now + timedelta(days=10), "finance"),
            ("done_office", "Báo cáo tổng kết 5 năm thực hiện Chương trình chuyển đổi số", "home", ["education"],
             now - timedelta(days=40), "economy"),
            ("late", "Quy định phân cấp quản lý quy hoạch đô thị trên địa bàn thành phố", "construction", ["justice"],
             now - timedelta(days=20), "construction"),
            ("late_explained", "Quyết định ban hành bảng giá đất điều chỉnh", "finance", ["construction"],
             now - timedelta(days=8), "land"),
            ("on_track", "Kế hoạch phát triển mạng lưới trường học giai đoạn 2026–2030", "education", ["finance", "home"],
             now + timedelta(days=30), "education"),
            ("on_track_2", "Đề án nâng cao chất lượng hoạt động trợ giúp pháp lý", "justice", ["home"],
             now + timedelta(days=20), "justice"),
            ("dropped", "Đề án thành lập Trung tâm hội nghị thành phố", "construction", ["finance"],
             now + timedelta(days=45), "construction"),
        ]
        year_end = date(now.year, 12, 31)
        for seq, (key, name, lead, coord, deadline, field) in enumerate(specs, start=2):
            deadline = min(deadline, year_end) if deadline > now else deadline
            items[key] = Item.create(dict(
                common, sequence=seq * 10, name=name, lead_unit_id=unit[lead].id,
                coordinating_unit_ids=[(6, 0, [unit[c].id for c in coord])], submission_deadline=deadline,
                field_id=fld[field].id,
            ))
        year.action_send_for_comment()
        year.action_submit()
        year.with_user(self._u(chairman)).action_approve()
        year.adoption_event_id = session
        year.action_record_adoption()
        year.action_issue()
        year.sudo().write({
            "draft_sent_date": year.draft_deadline, "submitted_date": date(now.year - 1, 12, 18),
            "approved_date": date(now.year - 1, 12, 21), "issued_date": year.issue_deadline, "issued_late": False,
        })

        # Execution: a submission fulfils one item, the Office records another, a unit explains a delay.
        submission = self.env["ubnd.submission"].search([
            ("committee_id", "=", hp.id), ("state", "not in", ("draft", "withdrawn", "returned")),
            ("received_date", "!=", False)], limit=1, order="id")
        if submission:
            items["done"].submission_id = submission
        else:
            items["done"].action_mark_done()
        items["done_office"].action_mark_done()
        items["done_office"].sudo().write({"done_date": items["done_office"].submission_deadline - timedelta(days=3)})
        items["late_explained"].with_user(self._u("user_hp_finance")).write({
            "delay_reason": "Chờ ý kiến thẩm định của Hội đồng thẩm định bảng giá đất.",
            "next_steps": "Trình UBND thành phố trong tháng tới.",
        })
        # The Chairman drops an item, on the proposal of the Department of Construction.
        Adjustment = self._as("ubnd.programme.adjustment", "user_hp_construction_head")
        drop = Adjustment.create({
            "programme_id": year.id, "kind": "drop", "item_id": items["dropped"].id,
            "proposing_unit_id": unit["construction"].id,
            "reason": "Chủ trương đầu tư chưa được Thành ủy thông qua; chuyển sang chương trình năm sau.",
        })
        drop.with_user(self._u(chairman)).action_apply()
        # ... and moves a deadline, decided directly.
        move = self._as("ubnd.programme.adjustment", chairman).create({
            "programme_id": year.id, "kind": "reschedule", "item_id": items["on_track_2"].id,
            "new_deadline": min(now + timedelta(days=35), date(now.year, 12, 31)),
            "reason": "Bổ sung ý kiến của Bộ Tư pháp về mô hình trợ giúp pháp lý lưu động.",
        })
        move.with_user(self._u(chairman)).action_apply()

        # The quarter and month programmes of the current period, issued; next month's in draft.
        for vals in (Programme._period_vals("quarter", now), Programme._period_vals("month", now)):
            prog = Programme.create(dict(vals, committee_id=hp.id))
            if prog.kind == "month":
                Item.create({"programme_id": prog.id, "name": "Báo cáo tình hình kinh tế – xã hội tháng %s" % now.month,
                             "deciding_authority": "committee", "lead_unit_id": unit["finance"].id,
                             "no_coordination": True, "submission_deadline": now + timedelta(days=3),
                             "field_id": fld["finance"].id, "is_session_content": True, "source": "higher",
                             "source_reference": "000 Đ4.1.d"})
            prog.action_submit()
            prog.with_user(self._u(chairman)).action_approve()
            prog.action_issue()
            prog.sudo().write({"issued_date": min(prog.issue_deadline, now), "issued_late": False})
        next_month = (now.replace(day=1) + timedelta(days=32)).replace(day=1)
        nxt = Programme.create(dict(Programme._period_vals("month", next_month), committee_id=hp.id))
        Item.with_user(self._u("user_hp_finance")).create({
            "programme_id": nxt.id, "name": "Quyết định giao dự toán bổ sung cho các phường",
            "deciding_authority": "committee", "lead_unit_id": unit["finance"].id,
            "coordinating_unit_ids": [(6, 0, unit["home"].ids)],
            "submission_deadline": next_month + timedelta(days=14), "field_id": fld["finance"].id,
            "source": "proposal", "proposal_approved_by_id": self._u("user_hp_vc_economy").id,
        })

    # --- The week ----------------------------------------------------------------------------------------------
    @api.model
    def _load_week(self, now):
        hp = self.env.ref("ubnd_quyche.committee_haiphong")
        company = hp.company_id
        workday = self.env["ubnd.workday"]
        monday = now - timedelta(days=now.weekday())
        days = [monday + timedelta(days=i) for i in range(6) if workday.is_working_day(monday + timedelta(days=i), company)]
        days = days or [monday]

        def day(i):
            return days[min(i, len(days) - 1)]
        office = "user_hp_chief_office"
        Entry = self._as("ubnd.schedule.entry", office)
        chairman, vc_economy, vc_urban, vc_social = (self._u(x) for x in (
            "user_hp_chairman", "user_hp_vc_economy", "user_hp_vc_urban", "user_hp_vc_social"))
        finance, construction = self.env.ref("ubnd_quyche.unit_hp_finance"), self.env.ref("ubnd_quyche.unit_hp_construction")

        # A session period of the People's Council, recorded by the Office.
        council = Entry.create({
            "name": "Kỳ họp chuyên đề HĐND thành phố", "kind": "session", "session_body": "council",
            "start": self._utc(day(2), 7, 30), "stop": self._utc(day(3), 17), "location": "Hội trường Thành ủy",
            "committee_id": hp.id,
        })
        council.action_confirm()
        # The Chairman's citizen-reception day (000 Đ45.3).
        citizen = Entry.create({
            "name": "Chủ tịch UBND thành phố tiếp công dân định kỳ", "kind": "citizen_reception",
            "start": self._utc(day(4), 8), "stop": self._utc(day(4), 11, 30), "location": "Trụ sở Tiếp công dân thành phố",
            "leader_ids": [(6, 0, chairman.ids)], "committee_id": hp.id,
        })
        citizen.action_confirm()
        # A trip to a central ministry, with the Chairman's consent (000 Đ44.2).
        trip = self._as("ubnd.schedule.entry", "user_hp_vc_urban").create({
            "name": "Làm việc với Bộ Xây dựng về quy hoạch chung thành phố", "kind": "trip",
            "traveller_id": vc_urban.id, "destination_type": "central", "destination": "Hà Nội",
            "leader_ids": [(6, 0, vc_urban.ids)], "start": self._utc(day(0), 7), "stop": self._utc(day(1), 17),
            "purpose": "Báo cáo Bộ Xây dựng tiến độ điều chỉnh quy hoạch chung thành phố đến năm 2045.",
            "committee_id": hp.id,
        })
        trip.action_request()
        trip.with_user(chairman).action_accept()
        # A trip that falls in the council's session: waiting for the Chairman (000 Đ44.6).
        pending = self._as("ubnd.schedule.entry", "user_hp_vc_economy").create({
            "name": "Dự hội nghị xúc tiến đầu tư tại TP. Hồ Chí Minh", "kind": "trip",
            "traveller_id": vc_economy.id, "destination_type": "other_locality", "destination": "TP. Hồ Chí Minh",
            "leader_ids": [(6, 0, vc_economy.ids)], "start": self._utc(day(3), 7), "stop": self._utc(day(3), 20),
            "purpose": "Giới thiệu các dự án kêu gọi đầu tư của thành phố.", "committee_id": hp.id,
        })
        pending.action_request()
        # A reception requested in time and accepted (000 Đ42.2, Đ42.3.a).
        reception_day = day(4)
        reception = self._as("ubnd.schedule.entry", "user_hp_finance_staff").create({
            "name": "Tiếp Tập đoàn Điện lực Việt Nam", "kind": "reception", "reception_form": "working",
            "guest_count": 8, "location": "Phòng khách số 1, trụ sở UBND thành phố",
            "description": "Làm việc về tiến độ các dự án lưới điện 220 kV trên địa bàn.",
            "guest_programme": "Khảo sát trạm biến áp 220 kV Dương Kinh.",
            "requesting_unit_id": finance.id, "request_reference": "Công văn số 845/STC-QLG",
            "request_date": workday.subtract_working_days(reception_day, 5, company=company),
            "leader_ids": [(6, 0, chairman.ids)], "start": self._utc(reception_day, 14), "stop": self._utc(reception_day, 16),
            "committee_id": hp.id,
        })
        reception.action_request()
        reception.with_user(chairman).action_accept()
        # A department registers to work with the Vice-Chairman in charge (000 Đ24.4.b).
        work = self._as("ubnd.schedule.entry", "user_hp_construction_head").create({
            "name": "Sở Xây dựng báo cáo phương án cải tạo chung cư cũ", "kind": "work_request",
            "requesting_unit_id": construction.id, "request_reference": "Văn bản số 1203/SXD-QLN",
            "request_date": workday.subtract_working_days(day(1), 2, company=company),
            "leader_ids": [(6, 0, vc_urban.ids)], "start": self._utc(day(1), 14), "stop": self._utc(day(1), 16),
            "location": "Phòng họp số 2", "committee_id": hp.id,
        })
        work.action_request()
        work.with_user(vc_urban).action_accept()
        # A meeting created in the calendar (as the meetings addon does), with the leaders as attendees.
        self.env["calendar.event"].create({
            "name": "Phiên họp UBND thành phố thường kỳ", "start": self._utc(day(4), 8), "stop": self._utc(day(4), 11),
            "location": "Phòng họp tầng 3", "user_id": self._u(office).id,
            "partner_ids": [(6, 0, (chairman | vc_economy | vc_urban | vc_social).partner_id.ids)],
        })
        self.env["calendar.event"].create({
            "name": "Giao ban Chủ tịch, các Phó Chủ tịch", "start": self._utc(day(0), 8), "stop": self._utc(day(0), 9, 30),
            "location": "Phòng họp tầng 2", "user_id": self._u(office).id,
            "partner_ids": [(6, 0, (chairman | vc_economy | vc_social).partner_id.ids)],
        })
        # The week's programme: decided by the Chairman and published to staff.
        Programme = self._as("ubnd.programme", office)
        week = Programme.create(dict(Programme._period_vals("week", now), committee_id=hp.id))
        week.action_submit()
        week.with_user(chairman).action_approve()
        week.action_issue()
        week.sudo().write({"issued_date": min(week.issue_deadline, now), "issued_late": False})
        # Next week's, being drafted, with a foreign delegation's request waiting for the Chairman.
        next_monday = monday + timedelta(days=7)
        Programme.create(dict(Programme._period_vals("week", next_monday), committee_id=hp.id))
        foreign_day = workday.working_day_on_or_after(next_monday + timedelta(days=1), company=company)
        foreign = self._as("ubnd.schedule.entry", "user_hp_finance_staff").create({
            "name": "Tiếp Đoàn công tác tỉnh Quảng Tây (Trung Quốc)", "kind": "reception_foreign",
            "reception_form": "courtesy", "guest_count": 12, "guest_country_id": self.env.ref("base.cn").id,
            "guest_composition": "Phó Chủ tịch Chính phủ Khu tự trị Quảng Tây và 11 thành viên.",
            "guest_programme": "Thăm cảng Lạch Huyện, làm việc với UBND thành phố.", "has_proposals": True,
            "proposals": "Hợp tác phát triển logistics qua cảng biển.",
            "description": "Tiếp xã giao, trao đổi hợp tác kinh tế, thương mại.", "location": "Phòng khách quốc tế",
            "requesting_unit_id": finance.id, "request_reference": "Công văn số 901/STC-HTQT",
            "request_date": min(now, workday.subtract_working_days(foreign_day, 3, company=company)),
            "leader_ids": [(6, 0, chairman.ids)], "start": self._utc(foreign_day, 9), "stop": self._utc(foreign_day, 10, 30),
            "committee_id": hp.id,
        })
        foreign.action_request()

    # --- Reporting calendar ----------------------------------------------------------------------------------------
    @api.model
    def _load_reporting(self, now):
        hp = self.env.ref("ubnd_quyche.committee_haiphong")
        unit = {x: self.env.ref("ubnd_quyche.unit_hp_%s" % x) for x in
                ("office", "finance", "construction", "justice")}
        Obligation = self._as("ubnd.report.obligation", "user_hp_chief_office")
        office_partner = hp.office_unit_id.manager_id.user_id.partner_id
        common = {"committee_id": hp.id, "recipient_partner_ids": [(6, 0, office_partner.ids)]}
        obligations = Obligation.create([
            dict(common, name="Báo cáo quý về tình hình công tác, quản lý, điều hành", frequency="quarterly",
                 topic="work", unit_scope="departments_communes", legal_basis="000 Đ50.3.b",
                 recipient="Văn phòng UBND thành phố và các cơ quan liên quan"),
            dict(common, name="Báo cáo 6 tháng", frequency="half_yearly", topic="work",
                 unit_scope="departments_communes", legal_basis="000 Đ50.3.b", recipient="Văn phòng UBND thành phố"),
            dict(common, name="Báo cáo năm", frequency="annual", topic="work", unit_scope="departments_communes",
                 legal_basis="000 Đ50.3.b", recipient="Văn phòng UBND thành phố"),
            dict(common, name="Báo cáo tháng về chỉ đạo, điều hành của UBND thành phố", frequency="monthly",
                 topic="direction", unit_scope="units", unit_ids=[(6, 0, unit["office"].ids)],
                 responsible_user_id=hp.chief_of_office_id.id, legal_basis="000 Đ50.1.b",
                 recipient="Văn phòng Chính phủ; Ban Thường vụ Thành ủy; Thường trực HĐND; thành viên UBND"),
            dict(common, name="Kết quả thực hiện chương trình công tác", frequency="monthly", topic="programme_review",
                 unit_scope="units", unit_ids=[(6, 0, (unit["finance"] | unit["construction"] | unit["justice"]).ids)],
                 legal_basis="000 Đ25.1", recipient="Văn phòng UBND thành phố"),
            dict(common, name="Báo cáo tình hình thực hiện kế hoạch tại phiên họp thường kỳ", frequency="monthly",
                 topic="plan", unit_scope="units", unit_ids=[(6, 0, unit["finance"].ids)], legal_basis="000 Đ50.4",
                 recipient="UBND thành phố (phiên họp thường kỳ)"),
            dict(common, name="Báo cáo tình hình an toàn giao thông hằng ngày", frequency="daily", topic="security",
                 unit_scope="units", unit_ids=[(6, 0, unit["construction"].ids)], legal_basis="000 Đ50.5",
                 include_days_off=True, recipient="Chủ tịch UBND thành phố"),
            dict(common, name="Báo cáo đột xuất về thiệt hại do mưa lũ", frequency="ad_hoc", topic="other",
                 unit_scope="units", unit_ids=[(6, 0, (unit["construction"] | unit["finance"]).ids)],
                 legal_basis="000 Đ50.3.b", recipient="Chủ tịch UBND thành phố"),
        ])
        for obligation in obligations:
            if obligation.frequency == "daily":
                monday = now - timedelta(days=now.weekday())
                obligation._generate(monday, monday + timedelta(days=6))
            elif obligation.frequency != "ad_hoc":
                obligation._generate(date(now.year, 1, 1), date(now.year, 12, 31))
        adhoc = obligations.filtered(lambda o: o.frequency == "ad_hoc")
        self.env["ubnd.report"].create([{
            "obligation_id": adhoc.id, "unit_id": u.id, "period_start": now, "period_end": now,
            "period_label": now.strftime("%d/%m/%Y"), "due_date": self.env["ubnd.workday"].add_working_days(now, 2),
        } for u in (unit["construction"] | unit["finance"])])

        # The past of the year: most reports sent on time, some late, a few still missing.
        pdf = self.env["ir.attachment"].create({"name": "bao-cao.pdf", "datas": base64.b64encode(b"%PDF-1.4 bao cao demo")})
        past = self.env["ubnd.report"].search([("committee_id", "=", hp.id), ("due_date", "<", now),
                                               ("state", "=", "pending")], order="due_date, id")
        for index, report in enumerate(past):
            if index % 17 == 8 and report.unit_id != unit["office"]:
                continue  # still missing: overdue
            late = index % 5 == 3
            sent = report.due_date + timedelta(days=3) if late else report.due_date - timedelta(days=index % 3)
            report.sudo().write({"attachment_ids": [(6, 0, pdf.ids)], "state": "submitted", "submitted_date": sent,
                                 "submitted_by_id": (report.responsible_user_id or hp.chief_of_office_id).id})
        self.env["ubnd.report"]._cron_refresh_timeliness()
        self.env["ubnd.report"]._send_reminders()

    # --- The ward -------------------------------------------------------------------------------------------------
    @api.model
    def _load_ward(self, now):
        ta = self.env.ref("ubnd_quyche.committee_trian")
        economy, culture = self.env.ref("ubnd_quyche.unit_ta_economy"), self.env.ref("ubnd_quyche.unit_ta_culture")
        office = "user_ta_chief_office"
        Programme = self._as("ubnd.programme", office).with_company(ta.company_id)
        month = Programme.create(dict(Programme._period_vals("month", now), committee_id=ta.id))
        self._as("ubnd.programme.item", office).with_company(ta.company_id).create([
            {"programme_id": month.id, "name": "Kế hoạch chỉnh trang đô thị khu phố 3",
             "main_content": "Lát vỉa hè, bổ sung chiếu sáng công cộng và cây xanh.",
             "deciding_authority": "committee", "lead_unit_id": economy.id, "coordinating_unit_ids": [(6, 0, culture.ids)],
             "submission_deadline": now + timedelta(days=7), "source": "higher", "source_reference": "Nghị quyết Đảng ủy phường"},
            {"programme_id": month.id, "name": "Báo cáo công tác bảo trợ xã hội",
             "main_content": "Kết quả chi trả trợ cấp xã hội và hỗ trợ hộ nghèo.",
             "deciding_authority": "chairman", "lead_unit_id": culture.id, "no_coordination": True,
             "submission_deadline": now - timedelta(days=5), "source": "higher", "source_reference": "Kế hoạch của UBND thành phố"},
        ])
        Obligation = self._as("ubnd.report.obligation", office).with_company(ta.company_id)
        office_unit = ta.office_unit_id
        for frequency in ("monthly", "quarterly", "half_yearly", "annual"):
            Obligation.create({
                "committee_id": ta.id, "name": "Báo cáo kiểm điểm công tác chỉ đạo, điều hành của UBND phường",
                "frequency": frequency, "topic": "direction", "unit_scope": "units", "unit_ids": [(6, 0, office_unit.ids)],
                "responsible_user_id": ta.chief_of_office_id.id, "legal_basis": "001 Đ34.3",
                "recipient": "UBND thành phố; thành viên UBND phường; Thủ trưởng các cơ quan, đơn vị",
            })._generate(date(now.year, 1, 1), date(now.year, 12, 31))
