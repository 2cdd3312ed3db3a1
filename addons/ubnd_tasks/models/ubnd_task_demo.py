import base64
from datetime import timedelta

from odoo import api, fields, models


class UbndTaskDemo(models.AbstractModel):
    """Builds the demo story of assigned tasks by walking real tasks through the flow as the real
    demo users, then moving their dates into the past so every status appears."""

    _name = "ubnd.task.demo"
    _description = "Demo data builder (tasks)"

    # --- helpers ------------------------------------------------------------------------------------
    @api.model
    def _ref(self, xmlid):
        return self.env.ref(xmlid if "." in xmlid else "ubnd_quyche.%s" % xmlid)

    @api.model
    def _day(self, offset):
        return fields.Date.context_today(self) + timedelta(days=offset)

    @api.model
    def _document(self, committee, doctype, number, summary, offset, signer, **vals):
        values = {
            "name": summary, "committee_id": committee.id, "document_type_id": self._ref(doctype).id,
            "state": "issued", "number": number, "year": self._day(offset).year, "date": self._day(offset),
            "signer_id": signer.id, "authority": "chairman",
        }
        values.update(vals)
        doc = self.env["ubnd.document"].sudo().create(values)
        doc.sudo().reference = "%02d/%s" % (number, doc.symbol)
        return doc

    @api.model
    def _pdf(self, user, name):
        return self.env["ir.attachment"].with_user(user).create({
            "name": name, "datas": base64.b64encode(b"%PDF-1.4\n% bao cao demo\n"),
        })

    @api.model
    def _task(self, office_user, assigned_offset=None, **vals):
        """Create a task as the Office; assign it ``assigned_offset`` days from today when given."""
        task = self.env["ubnd.task"].with_user(office_user).create(vals)
        if assigned_offset is not None:
            task.with_user(office_user).action_assign()
            day = self._day(assigned_offset)
            task.sudo().write({"assign_date": day, "receipt_date": day})
        return task

    @api.model
    def _report(self, task, user, offset, kind="completion", reference=None, note=""):
        update = self.env["ubnd.task.update"].with_user(user).create({
            "task_id": task.id, "kind": kind, "written_report": True, "note": note,
            "report_reference": reference or "%s/BC" % (40 + task.id), "report_date": fields.Date.context_today(self),
            "attachment_ids": [(6, 0, self._pdf(user, "bao-cao-%s.pdf" % task.id).ids)],
        })
        day = self._day(offset)
        update.sudo().write({"report_date": day, "entry_date": day})
        if kind == "completion":
            task.sudo().reported_date = day
        return update

    @api.model
    def _confirm(self, update, office_user, offset, quality="meets"):
        update.with_user(office_user).action_confirm()
        day = self._day(offset)
        update.sudo().confirmed_date = day
        update.task_id.sudo().write({"confirmed_date": day, "quality": quality})

    @api.model
    def _return(self, task, user, offset, reason_type, reason):
        wizard = self.env["ubnd.task.return.wizard"].with_user(user).create({
            "task_id": task.id, "reason_type": reason_type, "reason": reason, "document_reference": "%s/CV" % (80 + task.id),
        })
        wizard.action_return()
        task.return_ids.sudo().write({"return_date": self._day(offset)})

    # --- the story -------------------------------------------------------------------------------------
    @api.model
    def _load_task_story(self):
        self._load_haiphong()
        self._load_trian()
        self.env["ubnd.task"]._cron_mark_overdue()
        self.env["ubnd.task"]._cron_flag_no_result()

    @api.model
    def _load_haiphong(self):
        hp = self._ref("committee_haiphong")
        chairman, clerk = self._ref("user_hp_chairman"), self._ref("user_hp_office_clerk")
        deputy = self._ref("user_hp_deputy_office")
        finance, construction = self._ref("unit_hp_finance"), self._ref("unit_hp_construction")
        justice, office, hongbang = self._ref("unit_hp_justice"), self._ref("unit_hp_office"), self._ref("unit_hp_hongbang")
        finance_staff, construction_head = self._ref("user_hp_finance_staff"), self._ref("user_hp_construction_head")
        justice_head = self._ref("user_hp_justice")
        f_fin, f_con, f_jus, f_edu = (self._ref("field_%s" % x) for x in ("finance", "construction", "justice", "education"))
        finance.ubnd_task_focal_user_id = finance_staff
        construction.ubnd_task_focal_user_id = construction_head
        hp.task_gov_focal_user_id = deputy

        directive = self._document(
            hp, "doctype_ct", 118, "Chỉ thị về đẩy mạnh giải ngân vốn đầu tư công và tháo gỡ khó khăn cho các dự án "
            "trọng điểm năm 2026", -75, chairman, field_id=f_fin.id, drafting_unit_id=office.id,
            body="<p>Năm 2026, tỷ lệ giải ngân vốn đầu tư công của thành phố đến hết quý III mới đạt 41% kế hoạch, "
                 "thấp hơn bình quân cả nước; nhiều dự án trọng điểm chậm bồi thường, giải phóng mặt bằng.</p>"
                 "<p>Để hoàn thành kế hoạch giải ngân năm 2026, Chủ tịch Ủy ban nhân dân thành phố chỉ thị:</p>"
                 "<p>1. Sở Tài chính rà soát các dự án giải ngân dưới 30% kế hoạch, tham mưu điều chuyển vốn sang các "
                 "dự án có khả năng giải ngân tốt.</p>"
                 "<p>2. Sở Tư pháp thẩm định dự thảo Quyết định phân cấp quản lý dự án đầu tư công.</p>"
                 "<p>3. Chủ tịch Ủy ban nhân dân các phường tập trung giải phóng mặt bằng các dự án trọng điểm, báo "
                 "cáo kết quả hằng tháng về Văn phòng Ủy ban nhân dân thành phố.</p>"
                 "<p>Thủ trưởng các sở, ngành, Chủ tịch Ủy ban nhân dân các phường nghiêm túc thực hiện Chỉ thị "
                 "này./.</p>",
            recipients="- Bộ Tài chính;\n- TT Thành ủy, TT HĐND thành phố;\n- Chủ tịch, các Phó Chủ tịch UBND "
                       "thành phố;\n- Các sở, ban, ngành thành phố;\n- UBND các phường;\n- Lưu: VT.")
        notice = self._document(
            hp, "doctype_tb", 245, "Thông báo kết luận của Chủ tịch UBND thành phố tại cuộc họp về tiến độ các "
            "công trình giao thông trọng điểm", -40, chairman, field_id=f_con.id, drafting_unit_id=office.id,
            body="<p>Ngày 27 tháng 10 năm 2026, Chủ tịch Ủy ban nhân dân thành phố chủ trì cuộc họp về tiến độ các "
                 "công trình giao thông trọng điểm. Sau khi nghe Sở Xây dựng báo cáo và ý kiến của các đơn vị, Chủ "
                 "tịch Ủy ban nhân dân thành phố kết luận:</p>"
                 "<p>1. Sở Xây dựng chỉ đạo nhà thầu tăng ca, bảo đảm thông xe cầu Rào 2 trước ngày 30 tháng 12 năm "
                 "2026.</p>"
                 "<p>2. Ủy ban nhân dân phường Hồng Bàng hoàn thành bàn giao mặt bằng còn lại trong tháng 11 năm "
                 "2026.</p>"
                 "<p>Văn phòng Ủy ban nhân dân thành phố thông báo để các cơ quan, đơn vị biết, thực hiện./.</p>",
            recipients="- Sở Xây dựng;\n- UBND phường Hồng Bàng;\n- Chủ tịch, các Phó Chủ tịch UBND thành phố;"
                       "\n- Lưu: VT.")
        secret = self._document(
            hp, "doctype_kh", 97, "Kế hoạch bảo đảm an ninh, trật tự dịp Tết Nguyên đán", -20, chairman,
            confidentiality="mat", drafting_unit_id=office.id)
        # The signed plan's scan, filed with it at issuance (only its readers may open it).
        secret.attachment_ids = self.env["ir.attachment"].sudo().create({
            "name": "97-KH-UBND-an-ninh-Tet.pdf", "res_model": "ubnd.document", "res_id": secret.id,
            "datas": base64.b64encode(b"%PDF-1.4\n% ke hoach mat\n"), "mimetype": "application/pdf",
        })
        common = {"committee_id": hp.id, "tracking_unit_id": office.id, "tracking_user_id": clerk.id}

        # Completed on time: the Department of Finance re-allocated the slow projects' capital.
        on_time = self._task(clerk, -74, document_id=directive.id, lead_unit_id=finance.id, field_id=f_fin.id,
                             name="Rà soát, điều chuyển vốn của các dự án chậm giải ngân",
                             content="<p>Rà soát các dự án giải ngân dưới 30% kế hoạch, tham mưu điều chuyển vốn.</p>",
                             deadline=self._day(-30), deadline_kind="report",
                             coordinating_unit_ids=[(6, 0, construction.ids)], **common)
        self._confirm(self._report(on_time, finance_staff, -33, reference="215/BC-STC"), clerk, -31)

        # Completed late: the Department of Justice appraised the draft a few days after its deadline.
        late = self._task(clerk, -74, document_id=directive.id, lead_unit_id=justice.id, field_id=f_jus.id,
                          name="Thẩm định dự thảo Quyết định phân cấp quản lý dự án đầu tư công",
                          content="<p>Thẩm định và gửi báo cáo thẩm định về Văn phòng UBND thành phố.</p>",
                          deadline=self._day(-20), deadline_kind="complete", **common)
        self._confirm(self._report(late, justice_head, -15, reference="88/BC-STP"), clerk, -14, quality="partly")

        # Without deadline: the monthly disbursement report, with progress updates.
        monthly = self._task(clerk, -74, document_id=directive.id, lead_unit_id=finance.id, field_id=f_fin.id,
                             name="Báo cáo tình hình giải ngân vốn đầu tư công hằng tháng",
                             content="<p>Báo cáo định kỳ trước ngày 25 hằng tháng.</p>", **common)
        first = self._report(monthly, finance_staff, -35, kind="progress", reference="190/BC-STC",
                             note="Giải ngân đạt 41% kế hoạch vốn.")
        first.with_user(clerk).action_confirm()
        first.sudo().confirmed_date = self._day(-34)
        self._report(monthly, finance_staff, -5, kind="progress", reference="236/BC-STC",
                     note="Giải ngân đạt 58% kế hoạch vốn.")

        # Overdue: the Nguyễn Trãi bridge, with a coordinating department that has not given its input.
        overdue = self._task(clerk, -39, document_id=notice.id, lead_unit_id=construction.id, field_id=f_con.id,
                             name="Đẩy nhanh tiến độ thi công cầu Nguyễn Trãi, bảo đảm thông xe trong quý",
                             content="<p>Chỉ đạo nhà thầu tăng ca, báo cáo tiến độ hằng tuần.</p>",
                             deadline=self._day(-10), deadline_kind="complete",
                             coordinating_unit_ids=[(6, 0, finance.ids)], **common)
        self._report(overdue, construction_head, -12, kind="progress", reference="512/SXD-QLCL",
                     note="Đã hoàn thành 85% khối lượng; vướng mặt bằng nhánh cầu dẫn.")

        # In term and due soon: the ward clears the site.
        self._task(clerk, -39, document_id=notice.id, lead_unit_id=hongbang.id, field_id=f_con.id,
                   lead_user_id=self._ref("user_hp_vc_urban").id,
                   name="Hoàn thành giải phóng mặt bằng nút giao Hồng Bàng – Lạch Tray",
                   content="<p>Bàn giao mặt bằng sạch cho chủ đầu tư.</p>",
                   deadline=self._day(3), deadline_kind="complete",
                   coordinating_unit_ids=[(6, 0, construction.ids)], **common)

        # Reported, awaiting the Office's confirmation.
        reported = self._task(clerk, -39, document_id=notice.id, lead_unit_id=construction.id, field_id=f_con.id,
                              name="Báo cáo phương án tổ chức giao thông trong thời gian thi công",
                              content="<p>Trình UBND thành phố phương án phân luồng.</p>",
                              deadline=self._day(20), deadline_kind="report", **common)
        self._report(reported, construction_head, -2, reference="530/BC-SXD")

        # Returned as outside the unit's functions, awaiting the leaders' direction.
        returned = self._task(clerk, 0, document_id=notice.id, lead_unit_id=justice.id, field_id=f_con.id,
                              name="Xây dựng cơ sở dữ liệu công trình giao thông",
                              content="<p>Xây dựng và vận hành cơ sở dữ liệu.</p>",
                              deadline=self._day(60), deadline_kind="complete", **common)
        self._return(returned, justice_head, 0, "functions",
                     "Nhiệm vụ thuộc chức năng của Sở Xây dựng (quản lý kết cấu hạ tầng giao thông).")

        # Cancelled on the leaders' direction.
        cancelled = self._task(clerk, -39, document_id=notice.id, lead_unit_id=construction.id, field_id=f_con.id,
                               name="Tổ chức hội nghị sơ kết công tác bảo trì đường bộ",
                               content="<p>Tổ chức hội nghị sơ kết.</p>", deadline=self._day(15),
                               deadline_kind="complete", **common)
        cancelled.with_user(clerk)._cancel("Lồng ghép vào hội nghị tổng kết năm.",
                                           direction_reference="Ý kiến chỉ đạo của Phó Chủ tịch UBND thành phố")

        # Reassigned on the Chairman's direction, with its history.
        moved = self._task(clerk, -30, document_id=directive.id, lead_unit_id=justice.id, field_id=f_fin.id,
                           name="Đề xuất cơ chế hỗ trợ nhà thầu tiếp cận vốn vay",
                           content="<p>Đề xuất cơ chế, trình UBND thành phố.</p>", deadline=self._day(25),
                           deadline_kind="report", **common)
        self.env["ubnd.task.reassign.wizard"].with_user(clerk).create({
            "task_id": moved.id, "lead_unit_id": finance.id, "deadline": self._day(40),
            "direction_reference": "Thông báo 260/TB-UBND", "reason": "Chủ tịch giao Sở Tài chính chủ trì, gia hạn 15 ngày.",
        }).action_apply()

        # Confidential: only points a–e and g of 002 Đ5.1 are recorded.
        self._task(clerk, -19, document_id=secret.id, lead_unit_id=justice.id, field_id=f_jus.id,
                   content=False, deadline=self._day(30), deadline_kind="complete", **common)

        # Draft, still being entered.
        self._task(clerk, None, document_id=notice.id, lead_unit_id=construction.id, field_id=f_con.id,
                   name="Kiểm tra an toàn các công trình cầu yếu trước mùa mưa bão",
                   content="<p>Kiểm tra, báo cáo danh mục cầu yếu.</p>", deadline=self._day(45),
                   deadline_kind="report", **common)

        # A task without result for more than six months: flagged for inspection (002 Đ8.1.e).
        self._task(clerk, -200, lead_unit_id=construction.id, field_id=f_con.id,
                   source_name="Kế hoạch", source_number="65/KH-UBND", source_date=self._day(-201),
                   source_summary="Kế hoạch cải tạo chung cư cũ", source_signer=chairman.name,
                   name="Lập đề án cải tạo các chung cư cũ xuống cấp",
                   content="<p>Lập đề án, trình UBND thành phố.</p>", **common)

        # Government tasks (002 Đ6.2.b).
        gov_common = dict(common, kind="government", source_kind="directive", source_signer="Thủ tướng Chính phủ")
        gov = self._task(clerk, -60, lead_unit_id=finance.id, field_id=f_fin.id, source_name="Công điện",
                         source_number="125/CĐ-TTg", source_date=self._day(-62),
                         source_summary="Công điện về thúc đẩy giải ngân vốn đầu tư công",
                         proposing_body="Bộ Tài chính", name="Thúc đẩy giải ngân vốn đầu tư công theo Công điện 125/CĐ-TTg",
                         content="<p>Đề xuất văn bản chỉ đạo của UBND thành phố.</p>", **gov_common)
        gov.implementing_document_id = directive
        gov_done = self._task(clerk, -90, lead_unit_id=self._ref("unit_hp_education").id, field_id=f_edu.id,
                              lead_user_id=self._ref("user_hp_vc_social").id,
                              source_name="Nghị quyết", source_number="01/NQ-CP", source_date=self._day(-95),
                              source_summary="Nghị quyết về nhiệm vụ, giải pháp chủ yếu năm 2026",
                              nature="specific", name="Báo cáo kết quả sắp xếp mạng lưới trường học",
                              content="<p>Báo cáo Chính phủ kết quả sắp xếp.</p>", deadline=self._day(-40),
                              deadline_kind="report", **gov_common)
        self._confirm(self._report(gov_done, self._ref("user_hp_vc_social"), -42, reference="310/BC-UBND"), clerk, -41)
        gov_done.with_user(deputy).action_mark_gov_database_updated()

        # Urging, feedback, weekly report, session, periodic report, inspection, focal officers.
        self.env["ubnd.task.urging"].with_user(clerk).create({
            "committee_id": hp.id, "form": "document", "level": "2", "document_reference": "4120/UBND-GT",
            "task_ids": [(6, 0, overdue.ids)], "unit_ids": [(6, 0, construction.ids)], "date": self._day(-5),
            "note": "Đề nghị Sở Xây dựng báo cáo nguyên nhân chậm tiến độ cầu Nguyễn Trãi.",
        })
        overdue._urge("1")
        self.env["ubnd.task.feedback"].with_user(clerk).create({
            "committee_id": hp.id, "task_id": overdue.id, "from_unit_id": hongbang.id,
            "about_unit_id": construction.id, "received_date": self._day(-3),
            "content": "Việc chậm hoàn thành cầu gây ùn tắc kéo dài trên địa bàn phường.",
        })
        self.env["ubnd.task.weekly.report"]._prepare_for(construction, self.env["ubnd.task.weekly.report"]._report_day_of_week(
            hp.profile_id, self._day(0)))
        session = self.env["ubnd.task.session"].with_user(clerk).create({
            "name": "Phiên họp thường kỳ UBND thành phố tháng %s" % self._day(7).month,
            "committee_id": hp.id, "session_date": self.env["ubnd.workday"].working_day_on_or_after(self._day(7)),
        })
        session.with_user(clerk).action_notify_units()
        self.env["ubnd.unit.report"].sudo().create({
            "committee_id": hp.id, "unit_id": finance.id, "topic": "tasks", "period_type": "quarter",
            "year": self._day(0).year, "period_number": (self._day(0).month - 1) // 3 + 1,
            "content": "<p>Quý này Sở được giao 12 nhiệm vụ, hoàn thành đúng hạn 9.</p>",
        })
        self._load_haiphong_inspection(hp, overdue, construction, chairman, deputy, clerk)
        self._load_haiphong_focal(hp, office, finance, hongbang)

    @api.model
    def _load_haiphong_inspection(self, hp, task, unit, chairman, deputy, clerk):
        plan = self.env["ubnd.inspection.plan"].sudo().create({
            "name": "Kế hoạch kiểm tra việc thực hiện nhiệm vụ UBND thành phố giao năm %s" % self._day(0).year,
            "committee_id": hp.id, "year": self._day(0).year,
        })
        plan.with_user(chairman).action_approve()
        inspection = self.env["ubnd.inspection"].with_user(clerk).create({
            "name": "Kiểm tra việc thực hiện nhiệm vụ tại Sở Xây dựng",
            "committee_id": hp.id, "inspection_type": "periodic", "plan_id": plan.id, "organiser": "chairman",
            "legal_basis": "Quyết định số 150/2025/QĐ-UBND; Kế hoạch kiểm tra năm %s" % self._day(0).year,
            "scope": "Các nhiệm vụ UBND thành phố giao Sở Xây dựng từ đầu năm",
            "date_start": self._day(-12), "date_end": self._day(-4),
            "unit_ids": [(6, 0, unit.ids)], "task_ids": [(6, 0, task.ids)],
            "member_ids": [(0, 0, {"user_id": deputy.id, "role": "head"}),
                           (0, 0, {"user_id": clerk.id, "role": "member"})],
        })
        inspection.with_user(chairman).action_decide()
        inspection.with_user(deputy).action_start()
        inspection.with_user(deputy).action_end(ended_date=self._day(-4))
        self.env["ubnd.inspection.finding"].sudo().create({
            "inspection_id": inspection.id, "task_id": task.id, "unit_id": unit.id, "result": "not_done",
            "nature": "Chậm tiến độ so với kết luận của Chủ tịch", "extent": "Quá hạn 10 ngày",
            "cause": "Chưa giải quyết dứt điểm mặt bằng nhánh cầu dẫn", "responsibility": "Lãnh đạo Sở Xây dựng",
        })
        self.env["ubnd.inspection.recommendation"].sudo().create({
            "inspection_id": inspection.id, "kind": "new_task", "task_id": task.id, "unit_id": unit.id,
            "description": "Lập kế hoạch chi tiết hoàn thành cầu dẫn, báo cáo hằng tuần", "deadline": self._day(14),
        })
        inspection.sudo().write({
            "evaluation": "<p>Sở đã triển khai nhiệm vụ nhưng chưa bảo đảm tiến độ.</p>",
            "conclusion": "<p>Nhiệm vụ chậm 10 ngày; trách nhiệm thuộc lãnh đạo Sở.</p>",
            "recommendations": "<p>Yêu cầu lập kế hoạch chi tiết; kiểm điểm trách nhiệm.</p>",
        })

    @api.model
    def _load_haiphong_focal(self, hp, office, finance, hongbang):
        Officer = self.env["ubnd.focal.officer"].sudo()
        finance.ubnd_procedure_count = 182
        Officer.create([
            {"committee_id": hp.id, "unit_id": office.id, "category": "chief_of_office",
             "user_id": self._ref("user_hp_chief_office").id, "position": "Chánh Văn phòng"},
            {"committee_id": hp.id, "unit_id": office.id, "category": "deputy_chief_of_office",
             "user_id": self._ref("user_hp_deputy_office").id, "position": "Phó Chánh Văn phòng"},
            {"committee_id": hp.id, "unit_id": finance.id, "category": "unit_leader",
             "user_id": self._ref("user_hp_finance").id, "position": "Giám đốc Sở", "appointment_reference": "112/QĐ-STC"},
            {"committee_id": hp.id, "unit_id": finance.id, "category": "unit_office_leader",
             "name": "Trần Văn Nam", "position": "Chánh Văn phòng Sở", "appointment_reference": "112/QĐ-STC"},
            {"committee_id": hp.id, "unit_id": finance.id, "category": "unit_specialist",
             "user_id": self._ref("user_hp_finance_staff").id, "position": "Chuyên viên"},
            {"committee_id": hp.id, "unit_id": hongbang.id, "category": "commune_leader",
             "name": "Nguyễn Văn Hòa", "position": "Phó Chủ tịch UBND phường"},
        ])
        focal_list = self.env["ubnd.focal.list"].sudo().create({"committee_id": hp.id, "unit_id": finance.id})
        focal_list.action_submit()
        focal_list.with_user(self._ref("user_hp_chairman")).action_approve()
        today = self._day(0)
        month = 6 if today.month <= 6 else 12
        self.env["ubnd.focal.meeting"].sudo().create({
            "name": "Giao ban cán bộ đầu mối kiểm soát TTHC 6 tháng", "committee_id": hp.id,
            "date": today.replace(month=month, day=18), "organiser_unit_id": office.id,
        })

    @api.model
    def _load_trian(self):
        ta = self._ref("committee_trian")
        chairman, chief = self._ref("user_ta_chairman"), self._ref("user_ta_chief_office")
        clerk = self._ref("user_ta_clerk")
        economy, culture, office = self._ref("unit_ta_economy"), self._ref("unit_ta_culture"), self._ref("unit_ta_office")
        economy.ubnd_task_focal_user_id = clerk
        f_con, f_cul = self._ref("field_construction"), self._ref("field_culture")
        directive = self._document(ta, "doctype_ct", 5, "Chỉ thị về chỉnh trang đô thị, bảo đảm mỹ quan các tuyến "
                                   "đường chính của phường", -50, chairman, field_id=f_con.id, drafting_unit_id=office.id,
                                   body="<p>Để bảo đảm mỹ quan đô thị, trật tự lòng đường, vỉa hè trên các tuyến "
                                        "đường chính của phường, Chủ tịch Ủy ban nhân dân phường chỉ thị:</p>"
                                        "<p>1. Phòng Kinh tế, Hạ tầng và Đô thị tổ chức ra quân dọn dẹp vỉa hè tuyến "
                                        "đường Nguyễn Văn Trị, báo cáo kết quả.</p>"
                                        "<p>2. Phòng Văn hóa - Xã hội tuyên truyền, vận động hộ kinh doanh chấp hành "
                                        "quy định về sử dụng vỉa hè.</p>"
                                        "<p>Các đơn vị nghiêm túc thực hiện Chỉ thị này./.</p>",
                                   recipients="- Chủ tịch, các Phó Chủ tịch UBND phường;\n- Các phòng chuyên môn;"
                                              "\n- Lưu: VT.")
        common = {"committee_id": ta.id, "document_id": directive.id, "tracking_unit_id": office.id,
                  "tracking_user_id": chief.id}
        eco = dict(common, lead_unit_id=economy.id, lead_user_id=clerk.id, field_id=f_con.id)
        cul = dict(common, lead_unit_id=culture.id, lead_user_id=self._ref("user_ta_vc_social").id, field_id=f_cul.id)

        done = self._task(chief, -49, name="Ra quân dọn dẹp vỉa hè tuyến đường Nguyễn Văn Trị",
                          content="<p>Tổ chức ra quân, báo cáo kết quả.</p>", deadline=self._day(-30),
                          deadline_kind="complete", **eco)
        self._confirm(self._report(done, clerk, -31, reference="12/BC-KT"), chief, -30)
        late = self._task(chief, -49, name="Lập danh sách hộ kinh doanh lấn chiếm lòng đường",
                          content="<p>Lập danh sách, đề xuất xử lý.</p>", deadline=self._day(-25),
                          deadline_kind="report", **eco)
        self._confirm(self._report(late, clerk, -21, reference="15/BC-KT"), chief, -20, quality="partly")
        self._task(chief, -49, name="Thay thế biển quảng cáo không đúng quy định", content="<p>Vận động, xử lý.</p>",
                   deadline=self._day(-7), deadline_kind="complete", **eco)
        self._task(chief, -49, name="Tuyên truyền nếp sống văn minh đô thị", content="<p>Tuyên truyền trên loa phát thanh.</p>",
                   **cul)
        self._task(chief, -10, name="Trang trí cờ, hoa chào mừng ngày lễ", content="<p>Trang trí các tuyến chính.</p>",
                   deadline=self._day(5), deadline_kind="complete", **cul)
        reported = self._task(chief, -20, name="Sơn sửa dải phân cách đường Đồng Khởi", content="<p>Sơn sửa.</p>",
                              deadline=self._day(10), deadline_kind="complete", **eco)
        self._report(reported, clerk, -1, reference="18/BC-KT")
        returned = self._task(chief, 0, name="Cấp phép xây dựng nhà ở riêng lẻ trên tuyến chính",
                              content="<p>Rà soát hồ sơ cấp phép.</p>", deadline=self._day(30), deadline_kind="complete", **cul)
        self._return(returned, self._ref("user_ta_vc_social"), 0, "functions",
                     "Cấp phép xây dựng thuộc Phòng Kinh tế, Hạ tầng và Đô thị.")
        cancelled = self._task(chief, -30, name="Tổ chức liên hoan văn nghệ đường phố", content="<p>Tổ chức.</p>",
                               deadline=self._day(20), deadline_kind="complete", **cul)
        cancelled.with_user(chief)._cancel("Dừng theo chỉ đạo tiết kiệm chi.", direction_reference="Thông báo 31/TB-UBND")
        self._task(chief, None, name="Lắp đặt camera giám sát trật tự đô thị", content="<p>Khảo sát, lắp đặt.</p>",
                   deadline=self._day(40), deadline_kind="complete", **eco)
