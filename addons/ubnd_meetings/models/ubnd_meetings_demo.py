from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models

from .common import local_datetime_to_utc


class UbndMeetingsDemo(models.AbstractModel):
    """Demo data built through the workflow itself: a past session of Hải Phòng with its agenda, attendance,
    opinions, votes and approved minutes; an open written ballot; an upcoming session and briefing; the standing
    delegates of both committees."""

    _name = "ubnd.meetings.demo"
    _description = "Meetings demo data"

    @api.model
    def _populate(self):
        hp = self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)
        ta = self.env.ref("ubnd_quyche.committee_trian", raise_if_not_found=False)
        if not hp or self.env["ubnd.meeting"].sudo().search_count([("committee_id", "=", hp.id)]):
            return
        if self.env["res.lang"]._lang_get("vi_VN"):
            # The demo story is Vietnamese: the texts the workflow writes (reports, tallies) too.
            self.env["ir.module.module"]._load_module_terms(["ubnd_meetings"], ["vi_VN"])
            self = self.with_context(lang="vi_VN")
            hp, ta = hp.with_env(self.env), ta.with_env(self.env) if ta else ta
        self._standing_delegates(hp, [
            ("party_standing", "Ban Thường vụ Thành ủy Hải Phòng"),
            ("council_standing", "Thường trực HĐND thành phố Hải Phòng"),
            ("na_delegation", "Đoàn đại biểu Quốc hội thành phố Hải Phòng"),
        ])
        if ta:
            self._standing_delegates(ta, [
                ("party_standing", "Ban Thường vụ Đảng ủy phường Trị An"),
                ("council_standing", "Thường trực HĐND phường Trị An"),
            ])
        self._past_session(hp)
        self._open_ballot(hp)
        self._upcoming(hp, ta)

    # --- Helpers ---------------------------------------------------------------------------------------------
    def _standing_delegates(self, committee, rows):
        Category = self.env["ubnd.meeting.guest.category"]
        for code, name in rows:
            partner = self.env["res.partner"].create({"name": name, "is_company": True,
                                                      "email": "%s.%s@example.gov.vn" % (code, committee.id)})
            self.env["ubnd.committee.guest"].create({
                "committee_id": committee.id, "category_id": Category.search([("code", "=", code)]).id,
                "partner_id": partner.id,
            })

    def _submission(self, committee, name, unit_xmlid, route, summary, **vals):
        unit = self.env.ref(unit_xmlid)
        sub = self.env["ubnd.submission"].sudo().create(dict(
            vals, name=name, committee_id=committee.id, submitting_unit_id=unit.id, summary=summary,
            addressee="committee", kind=vals.get("kind", "committee_decision"),
        ))
        self.env["ubnd.demo"]._complete(sub, self.env.user)  # real PDFs of a few pages, as units file them
        sub.write({"state": "collective", "route": route})
        return sub

    def _day(self, day, forward=True):
        Workday = self.env["ubnd.workday"]
        return Workday.working_day_on_or_after(day) if forward else Workday.roll_back_to_working_day(day)

    # --- The past session ----------------------------------------------------------------------------------------
    def _past_session(self, hp):
        ref = self.env.ref
        office = ref("ubnd_quyche.user_hp_deputy_office")
        chairman = ref("ubnd_quyche.user_hp_chairman")
        chief = ref("ubnd_quyche.user_hp_chief_office")
        today = fields.Date.context_today(self)
        day = self._day((today - relativedelta(months=1)).replace(day=15), forward=False)
        sub1 = self._submission(
            hp, "Đề án phát triển giao thông thông minh thành phố Hải Phòng giai đoạn 2026–2030",
            "ubnd_quyche.unit_hp_construction", "session",
            "Đầu tư hệ thống điều hành giao thông thông minh, camera giám sát và dữ liệu mở; tổng vốn 1.250 tỷ đồng.",
            field_id=ref("ubnd_quyche.field_construction").id, matter_type="session_matter")
        sub2 = self._submission(
            hp, "Kế hoạch thu hút đầu tư vào các khu công nghiệp năm 2026", "ubnd_quyche.unit_hp_finance", "session",
            "Danh mục dự án kêu gọi đầu tư và các giải pháp hỗ trợ nhà đầu tư tại các khu công nghiệp.",
            field_id=ref("ubnd_quyche.field_economy").id, matter_type="session_matter")
        Meeting = self.env["ubnd.meeting"].with_user(office)
        meeting = Meeting.create({
            "name": "Phiên họp thường kỳ tháng %s/%s" % (day.month, day.year), "committee_id": hp.id,
            "kind": "regular", "start": local_datetime_to_utc(day, 8), "stop": local_datetime_to_utc(day, 11, 30),
            "location": "Phòng họp số 1, trụ sở UBND thành phố", "chair_id": chairman.id, "secretary_id": office.id,
            "deputy_chair_id": ref("ubnd_quyche.user_hp_vc_economy").id,
        })
        Item = self.env["ubnd.meeting.item"].with_user(office)
        item1 = Item.create({"meeting_id": meeting.id, "submission_id": sub1.id, "name": sub1.name, "sequence": 1,
                             "presenter_id": ref("ubnd_quyche.user_hp_construction_head").id})
        item2 = Item.create({"meeting_id": meeting.id, "submission_id": sub2.id, "name": sub2.name, "sequence": 2,
                             "presenter_id": ref("ubnd_quyche.user_hp_finance").id, "vote_mode": "secret",
                             "chaired_by_id": ref("ubnd_quyche.user_hp_vc_economy").id})
        police = meeting.attendee_ids.filtered(lambda a: a.user_id == ref("ubnd_quyche.user_hp_police"))
        police.with_user(police.user_id).write({"absence_reason": "Chỉ đạo bảo đảm an ninh sự kiện cấp quốc gia."})
        meeting.with_user(office).action_submit_agenda()
        police.with_user(police.user_id).action_request_absence()
        police.with_user(chairman).action_approve_absence()
        meeting.with_user(chairman).action_approve_agenda()
        meeting.with_user(office).action_send_invitations()
        for attendee in meeting.attendee_ids.filtered(lambda a: a.absence_state != "approved"):
            attendee.with_user(office).action_mark_present()
        item1.with_user(office).action_documents_received()
        item2.with_user(office).action_documents_received()
        meeting.with_user(office).action_open()
        meeting.with_user(office).write({
            "course": Markup("<p>8 giờ 00: Phó Chánh Văn phòng báo cáo thành phần, nội dung và chương trình. "
                             "Chủ tịch chủ tọa phiên họp; Phó Chủ tịch Thường trực chủ trì nội dung 2.</p>"),
            "conclusion": Markup("<p>Thông qua Đề án giao thông thông minh; giao Sở Xây dựng hoàn thiện hồ sơ, "
                                 "trình ký trong tháng. Thông qua Kế hoạch thu hút đầu tư; giao Sở Tài chính tổ chức "
                                 "hội nghị xúc tiến đầu tư trong quý.</p>"),
        })
        Opinion = self.env["ubnd.meeting.opinion"].with_user(office)

        def attendee(xmlid):
            return meeting.attendee_ids.filtered(lambda a: a.user_id == ref(xmlid))

        Opinion.create([
            {"item_id": item1.id, "attendee_id": attendee("ubnd_quyche.user_hp_vc_urban").id, "stance": "approve",
             "content": "Tán thành; đề nghị ưu tiên các nút giao trọng điểm."},
            {"item_id": item1.id, "attendee_id": attendee("ubnd_quyche.user_hp_finance").id, "stance": "reject",
             "content": "Chưa tán thành phương án vốn năm đầu; đề nghị phân kỳ đầu tư."},
            {"item_id": item1.id, "attendee_id": meeting.attendee_ids.filtered(
                lambda a: a.guest_category_id.code == "council_standing").id, "stance": "comment",
             "content": "Đề nghị báo cáo HĐND tại kỳ họp gần nhất."},
            {"item_id": item2.id, "attendee_id": attendee("ubnd_quyche.user_hp_justice").id, "stance": "approve",
             "content": "Tán thành; rà soát thẩm quyền ưu đãi đầu tư."},
        ])
        item1.with_user(chairman).action_open_vote()
        members = hp.member_ids.user_id - ref("ubnd_quyche.user_hp_police")
        for user in members:
            item1.vote_ids.with_user(user)._cast("reject" if user == ref("ubnd_quyche.user_hp_finance") else "approve")
        item1.vote_ids.with_user(chairman).action_close_vote()
        item2.with_user(chairman).action_open_vote()
        for user in members:
            item2.vote_ids.with_user(user)._cast(
                "reject" if user in (ref("ubnd_quyche.user_hp_military"), ref("ubnd_quyche.user_hp_justice"))
                else "approve")
        item2.vote_ids.with_user(chairman).action_close_vote()
        meeting.with_user(chairman).action_close()
        # The demo session took place last month: date its steps as they happened then (before the minutes are
        # approved: afterwards its items never change).
        (item1 | item2).sudo().write({"documents_received_date": day - timedelta(days=9)})
        minutes = self.env["ubnd.meeting.minutes"].browse(meeting.with_user(office).action_create_minutes()["res_id"])
        minutes.with_user(chairman).action_approve()
        # The Office notifies the chair's conclusions, signed TL. the Chairman by the Chief of Office (000 Đ30.2,
        # 001 Đ15.3): the demo's TL. document.
        notice = self.env["ubnd.document"].browse(meeting.with_user(office).action_create_conclusion_notice()["res_id"])
        notice.with_user(chief).action_sign()
        notice.with_user(office).action_issue()
        meeting.sudo().write({
            "agenda_submitted_date": day - timedelta(days=7), "agenda_approved_date": day - timedelta(days=6),
            "invitation_sent_date": day - timedelta(days=5),
            "opened_at": local_datetime_to_utc(day, 8), "closed_at": local_datetime_to_utc(day, 11, 20),
        })
        for step in meeting.sudo().step_ids.filtered("done_date"):
            step.write({"done_date": min(step.deadline, step.done_date), "late": False})
        return meeting

    # --- The open written ballot ---------------------------------------------------------------------------------
    def _open_ballot(self, hp):
        ref = self.env.ref
        chairman = ref("ubnd_quyche.user_hp_chairman")
        sub = self._submission(
            hp, "Quyết định mua sắm trang thiết bị y tế cho Trung tâm Kiểm soát bệnh tật thành phố (45 tỷ đồng)",
            "ubnd_quyche.unit_hp_finance", "ballot",
            "Mua sắm tài sản cố định từ nguồn ngân sách thành phố, dự toán 45 tỷ đồng (000 Đ5.3.e).",
            matter_type="asset", amount_bn=45, field_id=ref("ubnd_quyche.field_health").id)
        ballot = self.env["ubnd.ballot"].with_user(ref("ubnd_quyche.user_hp_chief_office")).create({
            "name": "Lấy ý kiến thành viên UBND: mua sắm trang thiết bị y tế", "committee_id": hp.id,
            "submission_id": sub.id, "medium": "electronic", "reason_no_discussion": True, "system_secure": True,
            "question": Markup("<p>Đồng chí có tán thành việc mua sắm trang thiết bị y tế theo dự thảo Quyết định "
                               "kèm theo hồ sơ không?</p>"),
        })
        ballot.with_user(chairman).action_send()
        for xmlid, choice, opinion, objection in (
            ("ubnd_quyche.user_hp_chairman", "approve", False, False),
            ("ubnd_quyche.user_hp_vc_social", "approve", "Tán thành.", False),
            ("ubnd_quyche.user_hp_finance", "approve", "Đề nghị bổ sung báo giá thứ ba.", True),
        ):
            user = ref(xmlid)
            slip = ballot.slip_ids.filtered(lambda s, user=user: s.user_id == user)
            slip.with_user(user).write({"choice": choice, "opinion": opinion, "has_objection": objection})
            slip.with_user(user)._reply()
        return ballot

    # --- What comes next -----------------------------------------------------------------------------------------
    def _upcoming(self, hp, ta):
        ref = self.env.ref
        office = ref("ubnd_quyche.user_hp_deputy_office")
        today = fields.Date.context_today(self)
        day = self._day((today + relativedelta(months=1)).replace(day=15))
        sub = self._submission(
            hp, "Quy hoạch chi tiết tỷ lệ 1/2000 khu đô thị mới Bắc sông Cấm (280 ha)", "ubnd_quyche.unit_hp_construction",
            "session", "Điều chỉnh quy hoạch phân khu; diện tích 280 ha.",
            matter_type="planning", area_ha=280, field_id=ref("ubnd_quyche.field_construction").id)
        meeting = self.env["ubnd.meeting"].with_user(office).create({
            "name": "Phiên họp thường kỳ tháng %s/%s" % (day.month, day.year), "committee_id": hp.id,
            "kind": "regular", "start": local_datetime_to_utc(day, 8), "stop": local_datetime_to_utc(day, 11, 30),
            "location": "Phòng họp số 1, trụ sở UBND thành phố", "chair_id": ref("ubnd_quyche.user_hp_chairman").id,
            "secretary_id": office.id,
        })
        self.env["ubnd.meeting.item"].with_user(office).create({
            "meeting_id": meeting.id, "submission_id": sub.id, "name": sub.name,
            "presenter_id": ref("ubnd_quyche.user_hp_construction_head").id,
        })
        monday = today - timedelta(days=today.weekday())
        briefing_day = self._day(monday + timedelta(days=7))
        self.env["ubnd.meeting"].with_user(office).create({
            "name": "Giao ban Chủ tịch và các Phó Chủ tịch", "committee_id": hp.id, "kind": "briefing",
            "start": local_datetime_to_utc(briefing_day, 14), "stop": local_datetime_to_utc(briefing_day, 16),
            "location": "Phòng họp giao ban", "chair_id": ref("ubnd_quyche.user_hp_chairman").id,
            "synthesis_note": Markup("<p>Tình hình thực hiện nhiệm vụ trong tuần; các hồ sơ chờ ý kiến.</p>"),
        })
        if ta:
            ward_office = ref("ubnd_quyche.user_ta_chief_office")
            ward_day = self._day((today + relativedelta(months=1)).replace(day=10))
            self.env["ubnd.meeting"].with_user(ward_office).create({
                "name": "Phiên họp thường kỳ tháng %s/%s" % (ward_day.month, ward_day.year), "committee_id": ta.id,
                "kind": "regular", "start": local_datetime_to_utc(ward_day, 8),
                "stop": local_datetime_to_utc(ward_day, 11), "location": "Hội trường UBND phường",
                "chair_id": ref("ubnd_quyche.user_ta_chairman").id,
            })
