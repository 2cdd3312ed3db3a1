from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import UbndMeetingsCase


def gaps_by_rule(gaps):
    result = {}
    for gap in gaps:
        result.setdefault(gap["rule"], []).append(gap)
    return result


@tagged("post_install", "-at_install")
class TestMeetingSchedule(UbndMeetingsCase):
    def test_city_schedule(self):
        """R-000-26.1, R-000-34.1, R-000-34.2: the committee checks the meetings its regulation requires: a regular
        session every month, a meeting of the Chairman or an assigned Vice-Chairman with all heads and commune chairs
        every year, and one of the Chairman and of each Vice-Chairman with the heads of his field every quarter."""
        self.new_meeting(day=date(2026, 4, 15), name="Phiên tháng 4")
        self.new_meeting(day=date(2026, 5, 13), name="Phiên tháng 5")
        self.new_meeting("working", day=date(2026, 5, 20), chair_id=self.chairman.id, heads_scope="field_heads")
        self.new_meeting("working", day=date(2026, 6, 3), chair_id=self.vc_economy.id, heads_scope="field_heads")
        gaps = gaps_by_rule(self.committee._schedule_gaps(date(2026, 4, 1), date(2026, 6, 30)))
        self.assertEqual([g["period_start"] for g in gaps["regular_session"]], [date(2026, 6, 1)])
        self.assertEqual({g["leader_id"] for g in gaps["field_heads"]}, {self.vc_urban.id})
        self.assertNotIn("all_heads", gaps, "the year is not over")
        year = gaps_by_rule(self.committee._schedule_gaps(date(2026, 1, 1), date(2026, 12, 31)))
        self.assertEqual(len(year["all_heads"]), 1)
        self.new_meeting("working", day=date(2026, 7, 8), chair_id=self.vc_economy.id, heads_scope="all_heads")
        year = gaps_by_rule(self.committee._schedule_gaps(date(2026, 1, 1), date(2026, 12, 31)))
        self.assertNotIn("all_heads", year)
        self.assertNotIn("dialogue", year, "the city text has no yearly dialogue")

    def test_ward_schedule(self):
        """R-001-22.1, R-001-26.1, R-001-27.1, R-001-4.3l: the ward holds a regular session each month, the
        Chairman's giao ban with the Vice-Chairmen and his meeting with the heads of units every week, and a dialogue
        conference every year."""
        ward = self.build_committee(6, level="commune")
        office = ward.chief_of_office_id
        monday = date(2026, 6, 1)
        for week in range(3):
            day = monday + timedelta(days=7 * week + 1)
            self.new_meeting("briefing", day=day, committee=ward, user=office, name="Giao ban")
            self.new_meeting("working", day=day + timedelta(days=1), committee=ward, user=office,
                             heads_scope="unit_heads", name="Họp thủ trưởng")
        self.new_meeting(day=date(2026, 6, 17), committee=ward, user=office)
        gaps = gaps_by_rule(ward._schedule_gaps(monday, date(2026, 6, 28)))
        self.assertEqual([g["period_start"] for g in gaps["briefing"]], [date(2026, 6, 22)])
        self.assertEqual([g["period_start"] for g in gaps["unit_heads"]], [date(2026, 6, 22)])
        self.assertNotIn("regular_session", gaps)
        self.assertNotIn("field_heads", gaps, "000 Đ34.2 is a city rule")
        year = gaps_by_rule(ward._schedule_gaps(date(2026, 1, 1), date(2026, 12, 31)))
        self.assertIn("dialogue", year)
        self.new_meeting("conference", day=date(2026, 9, 9), committee=ward, user=office, conference_period="dialogue")
        year = gaps_by_rule(ward._schedule_gaps(date(2026, 1, 1), date(2026, 12, 31)))
        self.assertNotIn("dialogue", year)
        ward.with_user(office).action_check_meeting_schedule()
        self.assertTrue(ward.message_ids.filtered(lambda m: "Weekly briefing" in (m.body or "")))

    def test_dialogue_when_ten_percent_of_voters_request_it(self):
        """R-001-4.3l-2: a dialogue conference is due when at least 10% of the ward's voters request it."""
        ward = self.build_committee(5, level="commune")
        meeting = self.new_meeting("conference", committee=ward, user=ward.chief_of_office_id,
                                   conference_period="dialogue", voters_registered=12000, voters_requesting=1199)
        self.assertFalse(meeting.dialogue_required)
        meeting.with_user(ward.chief_of_office_id).voters_requesting = 1200
        self.assertTrue(meeting.dialogue_required)
        city = self.new_meeting("conference", conference_period="dialogue", voters_registered=100, voters_requesting=50)
        self.assertFalse(city.dialogue_required, "the city text has no such rule")

    def test_conferences(self):
        """R-000-31.1: conferences every year, six months, quarter or when needed; the Office sends the invitations
        ahead like a working meeting's."""
        for period, day in (("annual", date(2026, 1, 14)), ("half_year", date(2026, 7, 15)),
                            ("quarterly", date(2026, 4, 8)), ("ad_hoc", date(2026, 6, 17))):
            meeting = self.new_meeting("conference", day=day, conference_period=period, name="Hội nghị %s" % period)
            self.assertEqual(meeting.conference_period, period)
            invitation = meeting.step_ids.filtered(lambda s: s.code == "invitation")
            self.assertEqual(self.env["ubnd.workday"].count_working_days(invitation.deadline, day, company=self.company),
                             self.profile.working_meeting_invitation_days)

    def test_unit_meetings_inviting_other_units(self):
        """R-001-31, R-001-31-2: a unit's annual review that invites other units' leaders needs the consent of the
        Chairman or the Vice-Chairman in charge; a training or rollout meeting inviting other heads needs the
        Chairman's consent."""
        self.member_of(self.vc_urban).area_unit_ids = [(4, self.department.id)]
        review = self.new_meeting("unit", user=self.unit_head, chair_id=self.unit_head.id, unit_meeting_type="review",
                                  host_unit_id=self.department.id, invited_unit_ids=[(6, 0, self.commune.ids)],
                                  name="Tổng kết năm của Sở Xây dựng")
        self.assertTrue(review.consent_needed)
        with self.assertRaises(UserError):
            review.with_user(self.unit_head).action_send_invitations()
        with self.assertRaises(AccessError):
            review.with_user(self.vc_economy).action_give_consent()
        review.with_user(self.vc_urban).action_give_consent()
        review.with_user(self.unit_head).action_send_invitations()
        self.assertEqual(review.state, "invited")
        training = self.new_meeting("unit", day=date(2026, 6, 18), user=self.unit_head, chair_id=self.unit_head.id,
                                    unit_meeting_type="training", host_unit_id=self.department.id,
                                    invited_unit_ids=[(6, 0, self.commune.ids)], name="Tập huấn")
        with self.assertRaises(AccessError):
            training.with_user(self.vc_urban).action_give_consent()
        training.with_user(self.chairman).action_give_consent()
        self.assertEqual(training.consent_by_id, self.chairman)
        internal = self.new_meeting("unit", day=date(2026, 6, 19), user=self.unit_head, chair_id=self.unit_head.id,
                                    unit_meeting_type="training", host_unit_id=self.department.id, name="Họp nội bộ")
        self.assertFalse(internal.consent_needed)
