from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestRegulationProfile(UbndCommonCase):
    """Presets hold the numbers of each regulation; each committee edits its own copy."""

    def setUp(self):
        super().setUp()
        self.city = self.env.ref("ubnd_quyche.profile_preset_haiphong")
        self.ward = self.env.ref("ubnd_quyche.profile_preset_trian")
        self.province = self.env.ref("ubnd_quyche.profile_preset_province")

    def test_city_preset_submission_numbers(self):
        """R-000-18.1, R-000-18.2, R-000-18.3, R-000-18.4, R-000-20.1, R-000-19.1a, R-000-19.1b, R-000-19.2a,
        R-000-19.2b, R-000-19.2c, R-000-19.2c-2, R-000-19.2d, R-000-12.3a, R-000-42.2,
        R-000-43.2: the Hải Phòng preset holds the city's deadlines (the commune-request periods of 000 Đ13 are
        proved where they are used, ubnd_affairs TestCommuneRequest)."""
        p = self.city
        self.assertEqual((p.office_intake_days, p.leader_decision_days, p.issuance_days), (3, 3, 2))
        self.assertEqual(p.office_return_days, 3, "000 Đ18.3")
        self.assertTrue(p.issuance_in_working_days)
        self.assertEqual((p.legal_registration_days, p.legal_proposal_advice_days, p.legal_review_days), (7, 7, 7))
        self.assertEqual((p.legal_supplement_request_days, p.legal_reconciliation_days,
                          p.legal_disagreement_report_days, p.legal_leader_opinion_days), (3, 5, 3, 3))
        self.assertEqual((p.consultation_reply_min_days, p.consultation_reply_max_days), (3, 7))
        self.assertEqual((p.commune_request_reply_days, p.commune_request_consulted_reply_days), (7, 15))
        self.assertEqual((p.commune_work_request_days, p.reception_request_days), (3, 3))

    def test_city_preset_session_numbers(self):
        """R-000-28.2, R-000-3.3, R-000-3.3-2, R-000-29.4a, R-000-26.1, R-000-26.1-2, R-000-27.3b, R-000-27.2b,
        R-000-27.2d, R-000-32.2b, R-000-32.2c, R-000-32.2e, R-000-18.5b-3: quorum, majority and session deadlines."""
        p = self.city
        self.assertEqual((p.quorum_numerator, p.quorum_denominator), (2, 3))
        self.assertEqual(p.majority_basis, "all_members")
        self.assertEqual(p.tie_break, "chairman_side")
        self.assertEqual(p.vote_options, "two")
        self.assertEqual(p.regular_sessions_per_month, 1)
        self.assertEqual((p.extraordinary_request_numerator, p.extraordinary_request_denominator), (1, 3))
        self.assertEqual((p.session_documents_days, p.session_agenda_days, p.session_invitation_days), (5, 3, 2))
        self.assertEqual(p.extraordinary_invitation_days, 0)
        self.assertEqual((p.working_meeting_invitation_days, p.working_meeting_synthesis_days), (3, 1))
        self.assertEqual((p.conclusion_notice_days, p.ballot_objection_forward_days), (3, 2))

    def test_city_preset_task_programme_report_numbers(self):
        """R-002-6.2a, R-002-6.1b, R-002-6.1c, R-002-6.1d, R-002-21.1, R-002-8.1e, R-002-16.1, R-002-16.2,
        R-002-18.5, R-002-23.1, R-004-2.1a-2, R-004-2.1a-3, R-004-2.1b, R-000-24.1a, R-000-24.1b, R-000-24.1c,
        R-000-24.1d, R-000-24.2a, R-000-24.2b, R-000-24.3a, R-000-24.3b, R-000-24.4a, R-000-50.3b,
        R-000-50.3b-2, R-000-50.3b-3, R-000-45.3: the city's task, programme and report calendar."""
        p = self.city
        self.assertEqual((p.task_entry_days, p.task_update_days, p.task_return_days, p.pre_session_update_days), (1, 1, 1, 1))
        self.assertEqual(p.slow_coordination_report_weekday, "3")  # Thursday
        self.assertEqual((p.no_result_inspection_months, p.inspection_report_days, p.feedback_urging_days), (6, 7, 7))
        self.assertEqual((p.task_regulation_report_day, p.task_regulation_report_month), (25, 12))
        self.assertEqual((p.focal_procedure_threshold, p.focal_department_max_small, p.focal_department_max_large,
                          p.focal_commune_max), (300, 3, 4, 3))
        self.assertEqual((p.annual_list_day, p.annual_list_month), (25, 11))
        self.assertEqual((p.annual_draft_comment_days, p.annual_reply_days, p.annual_issue_days), (5, 5, 3))
        self.assertEqual((p.quarter_proposal_day, p.quarter_issue_day, p.month_proposal_day, p.month_issue_day), (20, 25, 20, 25))
        self.assertEqual(p.weekly_programme_weekday, "4")  # Friday
        self.assertFalse(p.programme_roll_back, "the city text has no roll-back")
        self.assertEqual((p.report_quarter_day, p.report_half_year_day, p.report_half_year_month), (20, 20, 6))
        self.assertEqual((p.report_annual_day, p.report_annual_month), (20, 12))
        self.assertEqual(p.citizen_reception_days_per_month, 1)

    def test_ward_preset_differs_where_the_ward_text_differs(self):
        """R-001-12.2a, R-001-13.2, R-001-16.1, R-001-23.3b, R-001-23.3d, R-001-23.3d-2, R-001-24.4, R-001-25.5c,
        R-001-25.5a, R-001-3.2d, R-001-14.2b, R-001-19.1c, R-001-19.2c, R-001-19.3c, R-001-19.1a, R-001-19.4,
        R-001-28.2: the Trị An preset holds the ward's values."""
        p = self.ward
        self.assertEqual(p.level, "commune")
        self.assertEqual((p.office_return_days, p.leader_decision_days), (2, 2))
        self.assertEqual(p.issuance_days, 2)
        self.assertFalse(p.issuance_in_working_days, "Đ16.1 says 'ngày', not 'ngày làm việc'")
        self.assertEqual((p.session_agenda_days, p.session_invitation_days, p.extraordinary_invitation_days), (2, 2, 1))
        self.assertEqual((p.quorum_numerator, p.quorum_denominator, p.majority_basis, p.tie_break, p.vote_options),
                         (2, 3, "all_members", "chairman_side", "two"))
        self.assertEqual(p.ballot_objection_forward_days, 0, "objections are forwarded immediately")
        self.assertEqual((p.annual_reply_days, p.annual_issue_days), (3, 0))
        self.assertTrue(p.programme_roll_back)
        self.assertEqual((p.annual_list_day, p.annual_list_month, p.weekly_programme_weekday), (25, 11, "4"))
        self.assertEqual(p.coordination_finalise_days, 2)
        self.assertFalse(p.consultation_window or p.consultation_deemed_agreement, "001 Đ21.2 ¶2")

    def test_ward_preset_marks_what_the_ward_text_does_not_set(self):
        """R-001-12.2a, R-001-21.2-2 (issue #11 item 7): where seed 001 is silent the ward preset does not pass city
        values off as the ward's: its notes name each one as the committee's own choice, and the fields' help says
        the ward text is silent; 001 Đ12.2.a is read as a deadline to return, not to forward."""
        p = self.ward
        self.assertTrue(self.city.consultation_window and self.city.consultation_deemed_agreement)
        self.assertIn("lựa chọn của UBND phường", p.notes)
        for article in ("Đ23.2", "000 Đ27.3.b", "000 Đ19.2", "000 Đ32.2", "Đ21.2", "Đ12.2.a"):
            self.assertIn(article, p.notes)
        Profile = self.env["ubnd.regulation.profile"]
        for name in ("session_documents_days", "legal_review_days", "legal_supplement_request_days",
                     "legal_leader_opinion_days", "working_meeting_invitation_days",
                     "working_meeting_synthesis_days", "conclusion_notice_days", "office_intake_days"):
            self.assertIn("committee's own choice", Profile._fields[name].help, name)
        self.assertIn("Đ12.2.a", Profile._fields["office_return_days"].help)
        # Empty, not the city's number: no deadline is computed from a period the ward text does not set.
        silent = ("office_intake_days", "session_documents_days", "legal_review_days", "legal_supplement_request_days",
                  "legal_leader_opinion_days", "working_meeting_invitation_days", "working_meeting_synthesis_days",
                  "conclusion_notice_days")
        day = date(2026, 3, 2)
        for name in silent:
            self.assertFalse(p.sets_period(name), name)
            self.assertEqual(p[name], 0, name)
            self.assertFalse(p.compute_deadline(day, name), name)
            self.assertFalse(p.compute_advance_deadline(day, name), name)
            self.assertTrue(self.city.sets_period(name), name)
            self.assertTrue(self.city.compute_deadline(day, name), name)
        # What the ward text does set stays: return within 2 WD (Đ12.2.a), finalising 2 WD (Đ28.2).
        self.assertEqual(p.compute_deadline(day, "office_return_days"), date(2026, 3, 4))
        self.assertEqual(p.compute_deadline(day, "coordination_finalise_days"), date(2026, 3, 4))
        self.assertFalse(self.city.compute_deadline(day, "coordination_finalise_days"), "000 sets none")

    def test_province_preset_says_it_is_silent(self):
        """R-003-p3: the provincial model decides by majority and is silent on numbers; its preset says so."""
        p = self.province
        self.assertEqual(p.majority_basis, "all_members")
        self.assertIn("Quy chế mẫu", p.notes)
        self.assertTrue(self.city.notes and self.ward.notes)

    def test_each_field_help_cites_its_article(self):
        """Every numeric rule of the profile carries its article in its help text; a number that is a design
        choice rather than a rule says so."""
        Profile = self.env["ubnd.regulation.profile"]
        for name in Profile._numeric_field_names():
            help_text = Profile._fields[name].help or ""
            self.assertRegex(help_text, r"(000|001|002|003|004) Đ|Đ\d|Design choice",
                             "field %s has no article in its help" % name)

    def test_committee_gets_its_own_copy_of_its_level_preset(self):
        """Editing one committee's profile changes neither the preset nor another committee."""
        self.assertFalse(self.profile.is_preset)
        self.assertNotEqual(self.profile, self.city)
        self.assertEqual(self.profile.office_intake_days, 3)
        ward_company = self.env["res.company"].create({"name": "UBND phường Thử"})
        ward = self.env["ubnd.committee"].create({"name": "UBND phường Thử", "company_id": ward_company.id, "level": "commune"})
        self.assertEqual(ward.profile_id.office_return_days, 2)
        ward.profile_id.office_return_days = 1
        self.assertEqual(self.ward.office_return_days, 2)

    def test_negative_and_impossible_values_refused(self):
        """A negative deadline, an impossible day of month or a quorum above 1 is refused in Vietnamese."""
        with self.assertRaises(ValidationError):
            self.profile.office_intake_days = -1
        with self.assertRaises(ValidationError):
            self.profile.quarter_issue_day = 32
        with self.assertRaises(ValidationError):
            self.profile.write({"quorum_numerator": 4, "quorum_denominator": 3})
        with self.assertRaises(ValidationError):
            self.profile.write({"consultation_reply_min_days": 8})
        self.env["res.lang"]._activate_lang("vi_VN")
        with self.assertRaises(ValidationError) as caught:
            self.profile.with_context(lang="vi_VN").leader_decision_days = -3
        self.assertIn("không được âm", str(caught.exception))

    def test_deadline_uses_working_or_calendar_days_as_the_article_says(self):
        """R-000-20.1 vs R-001-16.1: issuance within 2 working days (city) or 2 days (ward) of signing,
        computed by the one engine; R-000-32.2e: a conclusion notice within 3 calendar days."""
        friday = date(2026, 2, 13)  # the last working day before Tết 2026
        self.assertEqual(self.city.compute_deadline(friday, "issuance_days"), date(2026, 2, 24))
        self.assertEqual(self.ward.compute_deadline(friday, "issuance_days"), date(2026, 2, 15))
        self.assertEqual(self.city.compute_deadline(friday, "conclusion_notice_days"), date(2026, 2, 16))
        # Documents at least 5 working days before a session on Thursday 26/2/2026 (R-000-27.3b).
        self.assertEqual(self.city.compute_advance_deadline(date(2026, 2, 26), "session_documents_days"), date(2026, 2, 12))
