from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestProgrammeTimeline(ProgrammeCase):
    """Build timelines of the four programmes from the profile and the working-day engine (000 Đ24, 001 Đ19)."""

    def test_four_kinds_of_programme(self):
        """R-000-21.1: work programmes exist for the year, the quarter, the month and the week (ward: 001 Đ18.1)."""
        kinds = dict(self.env["ubnd.programme"]._fields["kind"].selection)
        self.assertEqual(set(kinds), {"year", "quarter", "month", "week"})
        year = self.programme(kind="year", year=2027)
        quarter = self.programme(kind="quarter", year=2027, quarter="1")
        month = self.programme(kind="month", year=2027, month=2)
        week = self.programme(kind="week", week_start=date(2027, 1, 6))
        self.assertEqual((year.date_start, year.date_end), (date(2027, 1, 1), date(2027, 12, 31)))
        self.assertEqual((quarter.date_start, quarter.date_end), (date(2027, 1, 1), date(2027, 3, 31)))
        self.assertEqual((month.date_start, month.date_end), (date(2027, 2, 1), date(2027, 2, 28)))
        self.assertEqual((week.date_start, week.date_end), (date(2027, 1, 4), date(2027, 1, 10)),
                         "a week runs Monday to Sunday")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.programme(kind="month", year=2027, month=2)

    def test_annual_timeline_city(self):
        """R-000-24.1a, R-000-24.1b, R-000-24.1c, R-000-24.1d: lists by 25/11, the draft within 05 working days
        (counted from the cut-off, A11), comments within 05 working days of receipt, issue within 03 working days
        of adoption — New Year's Day 1/1/2027 skipped."""
        prog = self.programme(kind="year", year=2027)
        self.assertEqual(prog.proposal_deadline, date(2026, 11, 25))
        # Wed 25/11/2026 + 5 working days = Wed 2/12/2026.
        self.assertEqual(prog.draft_deadline, date(2026, 12, 2))
        self.assertEqual(prog.comment_deadline, date(2026, 12, 9))
        self.assertFalse(prog.issue_deadline, "the issue deadline runs from the adoption")
        # The draft actually went out on Thu 3/12: comments are counted from there.
        prog.sudo().draft_sent_date = date(2026, 12, 3)
        self.assertEqual(prog.comment_deadline, date(2026, 12, 10))
        prog.sudo().adoption_date = date(2026, 12, 31)
        self.assertEqual(prog.issue_deadline, date(2027, 1, 6), "Thu 31/12 + 3 working days, 1/1 off")

    def test_annual_timeline_ward(self):
        """R-001-19.1a, R-001-19.1c: the ward's lists are due 25/11 too; comments within 03 working days."""
        prog = self.programme(committee=self.ward, kind="year", year=2027)
        self.assertEqual(prog.proposal_deadline, date(2026, 11, 25))
        self.assertEqual(self.ward_profile.annual_reply_days, 3)
        self.assertEqual(prog.comment_deadline, date(2026, 12, 7), "Wed 2/12 + 3 working days = Mon 7/12")

    def test_quarter_deadlines_both_presets(self):
        """R-000-24.2a, R-000-24.2b, R-001-19.2a, R-001-19.2c: proposals by the 20th and the programme by the
        25th of the previous quarter's last month; 25/9/2027 is a Saturday: the ward moves back to Friday 24/9,
        the city text is silent and keeps the 25th."""
        city = self.programme(kind="quarter", year=2027, quarter="4")
        ward = self.programme(committee=self.ward, kind="quarter", year=2027, quarter="4")
        self.assertEqual(city.proposal_deadline, date(2027, 9, 20))
        self.assertEqual(ward.proposal_deadline, date(2027, 9, 20))
        self.assertFalse(self.profile.programme_roll_back)
        self.assertEqual(city.issue_deadline, date(2027, 9, 25))
        self.assertEqual(ward.issue_deadline, date(2027, 9, 24))
        # The first quarter is prepared in December of the year before.
        q1 = self.programme(committee=self.ward, kind="quarter", year=2027, quarter="1")
        self.assertEqual((q1.proposal_deadline, q1.issue_deadline), (date(2026, 12, 20), date(2026, 12, 25)))

    def test_month_deadlines_around_tet(self):
        """R-000-24.3a, R-000-24.3b, R-001-19.3a, R-001-19.3c: the February 2026 programme is due by 25/1/2026,
        a Sunday: Friday 23/1 for the ward, the 25th for the city. The March proposals fall on 20/2/2026, in Tết:
        no text moves a day-20 cut-off, so it stays (catalogue §10.2)."""
        feb_city = self.programme(kind="month", year=2026, month=2)
        feb_ward = self.programme(committee=self.ward, kind="month", year=2026, month=2)
        self.assertEqual(feb_city.issue_deadline, date(2026, 1, 25))
        self.assertEqual(feb_ward.issue_deadline, date(2026, 1, 23))
        self.assertEqual(feb_ward.proposal_deadline, date(2026, 1, 20))
        mar_city = self.programme(kind="month", year=2026, month=3)
        mar_ward = self.programme(committee=self.ward, kind="month", year=2026, month=3)
        self.assertFalse(self.Workday.is_working_day(date(2026, 2, 20)), "20/2/2026 is a Tết day off")
        self.assertEqual(mar_city.proposal_deadline, date(2026, 2, 20))
        self.assertEqual(mar_ward.proposal_deadline, date(2026, 2, 20))
        self.assertEqual(mar_ward.issue_deadline, date(2026, 2, 25), "Wed 25/2/2026 is a working day after Tết")

    def test_month_deadlines_around_30_4_and_1_5(self):
        """R-001-19.3c, R-000-24.3b: the May 2026 programme is due 25/4/2026, a Saturday before the Hùng Vương,
        30/4 and 1/5 holidays: Friday 24/4 for the ward, the 25th for the city. With a local day off on 24/4 the
        ward goes back to Thursday 23/4; 25/10/2026 (Sunday) gives Friday 23/10."""
        may_city = self.programme(kind="month", year=2026, month=5)
        may_ward = self.programme(committee=self.ward, kind="month", year=2026, month=5)
        self.assertEqual(may_city.issue_deadline, date(2026, 4, 25))
        self.assertEqual(may_ward.issue_deadline, date(2026, 4, 24))
        self.env["ubnd.holiday"].create({"name": "Nghỉ bù địa phương", "date": date(2026, 4, 24),
                                         "company_id": self.ward_company.id})
        june_ward = self.programme(committee=self.ward, kind="month", year=2026, month=6)
        self.assertEqual(june_ward.issue_deadline, date(2026, 5, 25), "Monday 25/5 is a working day")
        self.assertEqual(may_ward._timeline()["issue"], date(2026, 4, 23))
        self.assertEqual(may_city._timeline()["issue"], date(2026, 4, 25), "the ward's day off is not the city's")
        nov_ward = self.programme(committee=self.ward, kind="month", year=2026, month=11)
        self.assertEqual(nov_ward.issue_deadline, date(2026, 10, 23))

    def test_weekly_programme_friday_before(self):
        """R-000-24.4a, R-001-19.4: next week's programme is notified by Friday of the week before — for the week
        of Monday 4/5/2026 that is Friday 1/5, a holiday: no text moves it (the Office issues earlier)."""
        for committee in (self.committee, self.ward):
            week = self.programme(committee=committee, kind="week", week_start=date(2026, 5, 6))
            self.assertEqual(week.date_start, date(2026, 5, 4))
            self.assertEqual(week.issue_deadline, date(2026, 5, 1))
        self.profile.weekly_programme_weekday = "3"
        other = self.programme(kind="week", week_start=date(2026, 5, 11))
        self.assertEqual(other.issue_deadline, date(2026, 5, 7), "the weekday comes from the profile")

    def test_issue_late_flag(self):
        """R-000-24.3b: the Office sends next month's programme by the 25th; issuing after it is flagged."""
        prog = self.programme(kind="month", year=2026, month=5)
        self.item(prog)
        self.decide(prog)
        prog.with_user(self.deputy_office).action_issue()
        self.assertEqual(prog.state, "issued")
        self.assertTrue(prog.issued_late, "issued today, long after 25/4/2026")

    def test_annual_adoption_at_year_end_session(self):
        """R-000-24.1c-2, R-001-19.1c-2: the annual programme is adopted at the year's last regular session, after
        the Chairman decided to table it; a session held in the programme's own year, or before the units' lists,
        is not the year-end session."""
        prog = self.programme(kind="year", year=2027)
        self.item(prog, submission_deadline=date(2027, 3, 31))
        office = prog.with_user(self.deputy_office)
        office.action_send_for_comment()
        self.assertEqual(prog.state, "consultation")
        office.action_submit()
        event = self.env["calendar.event"].create({
            "name": "Phiên họp thường kỳ tháng 12", "start": self.utc(date(2026, 12, 29), 8),
            "stop": self.utc(date(2026, 12, 29), 11)})
        office.adoption_event_id = event
        with self.assertRaises(UserError):
            office.action_record_adoption()  # the Chairman has not decided to table it yet
        prog.with_user(self.chairman).action_approve()
        wrong = self.env["calendar.event"].create({
            "name": "Phiên họp tháng 1", "start": self.utc(date(2027, 1, 12), 8), "stop": self.utc(date(2027, 1, 12), 11)})
        office.adoption_event_id = wrong
        with self.assertRaises(ValidationError):
            office.action_record_adoption()
        office.adoption_event_id = event
        office.action_record_adoption()
        self.assertEqual((prog.state, prog.adoption_date), ("adopted", date(2026, 12, 29)))
        self.assertEqual(prog.issue_deadline, date(2027, 1, 4), "Tue 29/12 + 3 working days, 1/1 off")
        office.action_issue()
        self.assertEqual(prog.state, "issued")
