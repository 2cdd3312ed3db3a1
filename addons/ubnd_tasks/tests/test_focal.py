from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestFocalOfficers(UbndTaskCase):
    """The network of focal officers for administrative-procedure control (seed 004)."""

    def _officer(self, unit, category, name, **vals):
        values = {"committee_id": self.committee.id, "unit_id": unit.id, "category": category, "name": name}
        values.update(vals)
        return self.env["ubnd.focal.officer"].with_user(self.office_clerk).create(values)

    def test_two_levels(self):
        """R-004-1.2: focal officers are city-level (the Office, departments) or commune-level (communes, wards)."""
        city = self._officer(self.department, "unit_leader", "Lãnh đạo Sở")
        commune = self._officer(self.commune, "commune_leader", "Phó Chủ tịch phường")
        self.assertEqual((city.level, commune.level), ("city", "commune"))
        self.assertEqual(len(self.env["ubnd.focal.officer"]._fields["level"].selection), 2)

    def test_office_composition_one_deputy(self):
        """R-004-2.1a: the Office's focal officers are the Chief of Office, exactly one Deputy Chief and the
        leaders and specialists of the service centre (no overall cap)."""
        self._officer(self.office, "chief_of_office", "Chánh Văn phòng")
        self._officer(self.office, "deputy_chief_of_office", "Phó Chánh Văn phòng")
        for index in range(4):
            self._officer(self.office, "centre_specialist", "Chuyên viên %s" % index)
        with self.assertRaises(ValidationError):
            self._officer(self.office, "deputy_chief_of_office", "Phó Chánh Văn phòng thứ hai")

    def test_department_below_threshold_three_officers(self):
        """R-004-2.1a-2: a department managing fewer than 300 procedures has at most 3 focal officers; exactly 300
        is not covered by the text and gets the lower cap."""
        self.department.ubnd_procedure_count = 120
        for index in range(3):
            self._officer(self.department, "unit_specialist", "Cán bộ %s" % index)
        with self.assertRaises(ValidationError):
            self._officer(self.department, "unit_specialist", "Cán bộ thứ tư")
        self.department.ubnd_procedure_count = 300
        with self.assertRaises(ValidationError):
            self._officer(self.department, "unit_specialist", "Cán bộ thứ tư")

    def test_department_above_threshold_four_officers(self):
        """R-004-2.1a-3: a department managing more than 300 procedures has at most 4 focal officers."""
        self.department.ubnd_procedure_count = 320
        for index in range(4):
            self._officer(self.department, "unit_specialist", "Cán bộ %s" % index)
        with self.assertRaises(ValidationError):
            self._officer(self.department, "unit_specialist", "Cán bộ thứ năm")

    def test_department_list_includes_unit_leader_and_office_leader(self):
        """R-004-2.1a-4, R-004-7.2: a department's list includes one leader of the unit and one leader of its
        office; the Office submits it and the Chairman approves it."""
        focal_list = self.env["ubnd.focal.list"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "unit_id": self.department.id})
        self._officer(self.department, "unit_leader", "Phó Giám đốc Sở")
        with self.assertRaises(UserError):
            focal_list.with_user(self.office_clerk).action_submit()
        self._officer(self.department, "unit_office_leader", "Chánh Văn phòng Sở")
        focal_list.with_user(self.office_clerk).action_submit()
        self.assertEqual(focal_list.approver_id, self.chairman)
        with self.assertRaises(AccessError):
            focal_list.with_user(self.chief_office).action_approve()
        focal_list.with_user(self.chairman).action_approve()
        self.assertEqual(focal_list.state, "approved")

    def test_commune_three_officers_of_given_posts(self):
        """R-004-2.1b: a commune has at most 3 focal officers: one commune leader, one leader and one specialist
        of its service centre."""
        self._officer(self.commune, "commune_leader", "Phó Chủ tịch")
        self._officer(self.commune, "commune_centre_leader", "Giám đốc Trung tâm")
        with self.assertRaises(ValidationError):
            self._officer(self.commune, "commune_leader", "Chủ tịch")
        with self.assertRaises(ValidationError):
            self._officer(self.commune, "unit_specialist", "Cán bộ khác")
        self._officer(self.commune, "commune_centre_specialist", "Chuyên viên Trung tâm")
        self.assertEqual(self.env["ubnd.focal.officer"]._max_for_unit(self.commune), 3)

    def test_commune_chairman_approves_and_sends_to_office(self):
        """R-004-8.2: the commune chairman approves the commune's list and sends it to the Office."""
        for category in ("commune_leader", "commune_centre_leader", "commune_centre_specialist"):
            self._officer(self.commune, category, category)
        focal_list = self.env["ubnd.focal.list"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "unit_id": self.commune.id})
        focal_list.with_user(self.office_clerk).action_submit()
        self.assertEqual(focal_list.approver_id, self.ward_chairman)
        with self.assertRaises(AccessError):
            focal_list.with_user(self.chairman).action_approve()
        with freeze_time(date(2026, 11, 25)):
            focal_list.with_user(self.ward_chairman).action_approve()
        self.assertEqual(focal_list.sent_to_office_date, date(2026, 11, 25))

    def test_change_of_officer_notified_to_office(self):
        """R-004-2.3: the head decides the focal officers and reports them through the Office; a change reopens
        the approved list and notifies the Office."""
        leader = self._officer(self.department, "unit_leader", "Phó Giám đốc Sở")
        self._officer(self.department, "unit_office_leader", "Chánh Văn phòng Sở")
        focal_list = self.env["ubnd.focal.list"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "unit_id": self.department.id})
        focal_list.with_user(self.office_clerk).action_submit()
        focal_list.with_user(self.chairman).action_approve()
        leader.with_user(self.office_clerk).write({"name": "Giám đốc Sở", "user_id": self.unit_head.id})
        self.assertEqual(focal_list.state, "draft")
        message = focal_list.sudo().message_ids[:1]
        self.assertIn(self.chief_office.partner_id, message.partner_ids)

    def test_concurrent_role_under_the_head_with_allowance(self):
        """R-004-2.4: the role is held concurrently, under the unit head, with a support allowance."""
        officer = self._officer(self.department, "unit_specialist", "Chuyên viên")
        self.assertTrue(officer.concurrent and officer.allowance)
        self.assertEqual(officer.head_id, self.unit_head)

    def test_nine_duties_and_ten_activity_groups(self):
        """R-004-3, R-004-4: a focal officer has nine duties (Đ3.1–3.9); activities fall into ten groups (Đ4.1–4.10)."""
        duties = self.env["ubnd.focal.duty"].search([])
        self.assertEqual(sorted(duties.mapped("code"), key=lambda c: int(c.split(".")[1])),
                         ["3.%s" % i for i in range(1, 10)])
        self.assertEqual(self._officer(self.department, "unit_specialist", "Chuyên viên").duty_ids, duties)
        groups = [key for key, _label in self.env["ubnd.focal.activity"]._fields["group"].selection]
        self.assertEqual(groups, ["4.%s" % i for i in range(1, 11)])

    def test_three_annual_plans(self):
        """R-004-4.1a: each unit builds an annual control plan, review plan and inspection plan."""
        Plan = self.env["ubnd.focal.plan"]
        Plan.create({"unit_id": self.department.id, "year": 2026, "kind": "control", "reference": "10/KH-SXD"})
        self.assertEqual(Plan._missing_plans(self.department, 2026), ["review", "inspection"])
        with self.assertRaises(Exception):
            with self.cr.savepoint(), self.env.cr.savepoint():
                from odoo.tools import mute_logger  # noqa: PLC0415
                with mute_logger("odoo.sql_db"):
                    Plan.create({"unit_id": self.department.id, "year": 2026, "kind": "control"})

    def test_draft_legal_documents_and_national_database_are_city_level(self):
        """R-004-4.2, R-004-4.4d: only city-level officers control procedures in draft legal documents and enter
        the procedures of each publication decision in the National Database."""
        city = self._officer(self.department, "unit_specialist", "Chuyên viên Sở")
        commune = self._officer(self.commune, "commune_leader", "Phó Chủ tịch phường")
        Activity = self.env["ubnd.focal.activity"]
        Activity.create({"officer_id": city.id, "group": "4.2", "name": "Góp ý dự thảo quyết định"})
        Activity.create({"officer_id": city.id, "group": "4.4", "name": "Nhập CSDL quốc gia", "national_db_entry": True})
        with self.assertRaises(ValidationError):
            Activity.create({"officer_id": commune.id, "group": "4.2", "name": "Góp ý dự thảo"})
        with self.assertRaises(ValidationError):
            Activity.create({"officer_id": commune.id, "group": "4.4", "name": "Nhập CSDL", "national_db_entry": True})

    def test_iso_process_models(self):
        """R-004-4.3: focal officers help build process models under ISO 9001:2015."""
        officer = self._officer(self.department, "unit_specialist", "Chuyên viên")
        activity = self.env["ubnd.focal.activity"].create({
            "officer_id": officer.id, "group": "4.3", "name": "Xây dựng quy trình nội bộ TTHC mới", })
        self.assertEqual(activity.process_standard, "ISO 9001:2015")

    def test_commune_proposes_publication_in_writing(self):
        """R-004-4.3b: a commune focal officer proposes in writing, to the competent department or the Office,
        the publication of new, amended, replaced or abolished procedures."""
        officer = self._officer(self.commune, "commune_leader", "Phó Chủ tịch phường")
        Activity = self.env["ubnd.focal.activity"]
        with self.assertRaises(ValidationError):
            Activity.create({"officer_id": officer.id, "group": "4.3", "name": "Đề nghị công bố TTHC",
                             "recipient_unit_id": self.department.id})
        with self.assertRaises(ValidationError):
            Activity.create({"officer_id": officer.id, "group": "4.3", "name": "Đề nghị công bố TTHC",
                             "document_reference": "15/UBND", "recipient_unit_id": self.commune.id})
        Activity.create({"officer_id": officer.id, "group": "4.3", "name": "Đề nghị công bố TTHC",
                         "document_reference": "15/UBND", "recipient_unit_id": self.department.id})

    def test_review_dossier_quality_checked_by_office(self):
        """R-004-4.5b: a procedure review dossier goes to the Office for quality control before it is submitted
        for approval."""
        officer = self._officer(self.department, "unit_specialist", "Chuyên viên")
        review = self.env["ubnd.focal.activity"].with_user(self.staff).create({
            "officer_id": officer.id, "group": "4.5", "name": "Rà soát TTHC lĩnh vực xây dựng"})
        with self.assertRaises(UserError):
            review.with_user(self.staff).action_submit_review()
        review.with_user(self.staff).action_send_review_to_office()
        with self.assertRaises(AccessError):
            review.with_user(self.staff).action_quality_check()
        review.with_user(self.office_clerk).action_quality_check()
        review.with_user(self.staff).action_submit_review()
        self.assertEqual(review.review_state, "submitted")

    def test_review_meeting_in_june_and_december_by_the_office(self):
        """R-004-5: city and commune focal officers meet every 6 months, in the last month of Q2 and of Q4,
        organised by the Office."""
        Meeting = self.env["ubnd.focal.meeting"]
        values = {"name": "Giao ban cán bộ đầu mối", "committee_id": self.committee.id, "organiser_unit_id": self.office.id}
        Meeting.create(dict(values, date=date(2026, 6, 25)))
        Meeting.create(dict(values, date=date(2026, 12, 18)))
        with self.assertRaises(ValidationError):
            Meeting.create(dict(values, date=date(2026, 9, 25)))
        with self.assertRaises(ValidationError):
            Meeting.create(dict(values, date=date(2026, 12, 18), organiser_unit_id=self.department.id))

    def test_reports_quarterly_and_annual_approved_by_head(self):
        """R-004-6.3: department and commune focal officers compile quarterly and annual reports, approved by the
        unit head and sent to the committee through the Office."""
        periods = dict(self.env["ubnd.focal.report"]._fields["period_type"].selection)
        self.assertEqual(set(periods), {"quarter", "year", "adhoc"})
        report = self.env["ubnd.focal.report"].with_user(self.staff).create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "period_type": "quarter",
            "year": 2026, "quarter": "4", "control": "<p>Đã rà soát 45 TTHC.</p>"})
        report.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            report.with_user(self.staff).action_send()
        with self.assertRaises(AccessError):
            report.with_user(self.staff).action_approve()
        report.with_user(self.unit_head).action_approve()
        report.with_user(self.staff).action_send()
        self.assertEqual((report.state, report.approved_by_id), ("sent", self.unit_head))

    def test_focal_regulation_in_force(self):
        """R-004-QD2: the focal-officer regulation applies from 01/11/2025 and replaces QĐ 10/2018/QĐ-UBND."""
        self.assertEqual(self.profile.focal_regulation_effective_date, date(2025, 11, 1))
        self.assertIn("10/2018/QĐ-UBND", self.profile.focal_regulation_replaces)
