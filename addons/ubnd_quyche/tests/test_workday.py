from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestWorkday(UbndCommonCase):
    """The one working-day engine: Vietnamese holidays, swapped days, year boundaries."""

    def test_tet_2026_is_skipped(self):
        """Tết Bính Ngọ 2026: Monday 16/2 to Friday 20/2 are days off, so 3 working days after
        Friday 13/2 fall on Wednesday 25/2 (the counting used by R-000-18.1, R-000-18.4)."""
        wd = self.Workday
        for day in range(16, 21):
            self.assertFalse(wd.is_working_day(date(2026, 2, day)), "Tết day %s/2 must be off" % day)
        self.assertEqual(wd.add_working_days(date(2026, 2, 13), 3), date(2026, 2, 25))
        self.assertEqual(wd.count_working_days(date(2026, 2, 13), date(2026, 2, 25)), 3)
        self.assertEqual(wd.next_working_day(date(2026, 2, 13)), date(2026, 2, 23))

    def test_reunification_and_labour_day(self):
        """30/4 and 1/5/2026 (Thursday, Friday) are off: 2 working days after Wednesday 29/4 is Tuesday 5/5."""
        wd = self.Workday
        self.assertFalse(wd.is_working_day(date(2026, 4, 30)))
        self.assertFalse(wd.is_working_day(date(2026, 5, 1)))
        self.assertEqual(wd.add_working_days(date(2026, 4, 29), 2), date(2026, 5, 5))
        # Hùng Vương 10/3 lunar falls on Sunday 26/4/2026 and is observed on Monday 27/4.
        self.assertFalse(wd.is_working_day(date(2026, 4, 27)))

    def test_national_day_and_swapped_saturday(self):
        """2/9/2026 and its adjacent day 1/9 are off; Monday 31/8 is a day off swapped with Saturday 22/8, which is worked."""
        wd = self.Workday
        self.assertFalse(wd.is_working_day(date(2026, 9, 1)))
        self.assertFalse(wd.is_working_day(date(2026, 9, 2)))
        self.assertFalse(wd.is_working_day(date(2026, 8, 31)))
        self.assertTrue(wd.is_working_day(date(2026, 8, 22)), "the swapped Saturday is a working day")
        self.assertEqual(wd.add_working_days(date(2026, 8, 28), 1), date(2026, 9, 3))
        self.assertEqual(wd.add_working_days(date(2026, 8, 21), 1), date(2026, 8, 22))

    def test_year_boundary(self):
        """From Wednesday 30/12/2026, 1/1/2027 is New Year's Day: 2 working days later is Monday 4/1/2027."""
        wd = self.Workday
        self.assertEqual(wd.add_working_days(date(2026, 12, 30), 2), date(2027, 1, 4))
        self.assertEqual(wd.count_working_days(date(2026, 12, 30), date(2027, 1, 4)), 2)
        self.assertEqual(wd.subtract_working_days(date(2027, 1, 4), 2), date(2026, 12, 30))
        self.assertEqual(wd.previous_working_day(date(2027, 1, 4)), date(2026, 12, 31))

    def test_roll_back_to_previous_working_day(self):
        """001 Đ19.2.c, Đ19.3.c (R-001-19.3c): a 25th that is a day off moves back to the previous working day.
        25/4/2026 is a Saturday, so the cut-off is Friday 24/4; 25/2/2026 is a Wednesday and stays."""
        wd = self.Workday
        self.assertEqual(wd.roll_back_to_working_day(date(2026, 4, 25)), date(2026, 4, 24))
        self.assertEqual(wd.roll_back_to_working_day(date(2026, 2, 25)), date(2026, 2, 25))
        # 25/1/2026 is a Sunday: Friday 23/1.
        self.assertEqual(wd.roll_back_to_working_day(date(2026, 1, 25)), date(2026, 1, 23))

    def test_zero_days_and_event_on_day_off(self):
        """Day 0 is the event itself; counting from a day off starts at the next working day."""
        wd = self.Workday
        self.assertEqual(wd.add_working_days(date(2026, 2, 17), 0), date(2026, 2, 17))
        self.assertEqual(wd.add_working_days(date(2026, 2, 17), 1), date(2026, 2, 23))
        self.assertEqual(wd.count_working_days(date(2026, 2, 25), date(2026, 2, 13)), -3)

    def test_negative_amount_refused(self):
        """A negative number of days is refused with a clear message."""
        with self.assertRaises(UserError):
            self.Workday.add_working_days(date(2026, 3, 2), -1)

    def test_admin_adds_day_off_and_worked_saturday(self):
        """An administrator's local day off and worked Saturday change the engine at once."""
        Holiday = self.env["ubnd.holiday"]
        self.assertTrue(self.Workday.is_working_day(date(2026, 3, 3)))
        Holiday.create({"name": "Ngày nghỉ địa phương", "date": date(2026, 3, 3), "company_id": self.company.id})
        self.assertFalse(self.Workday.is_working_day(date(2026, 3, 3), company=self.company))
        # Other committees are not affected by a local day off.
        other = self.env["res.company"].create({"name": "UBND khác"})
        self.assertTrue(self.Workday.is_working_day(date(2026, 3, 3), company=other))
        Holiday.create({"name": "Làm bù", "date": date(2026, 3, 7), "kind": "worked_day"})
        self.assertTrue(self.Workday.is_working_day(date(2026, 3, 7)))
        with self.assertRaises(ValidationError):
            Holiday.create({"name": "Sai", "date": date(2026, 3, 9), "kind": "worked_day"})

    def test_archived_generated_holiday_is_a_working_day(self):
        """Archiving a generated holiday (the Government changed it) makes the day a working day again."""
        self.env["ubnd.holiday"]._generate_years([2026])
        holiday = self.env["ubnd.holiday"].search([("date", "=", date(2026, 11, 24)), ("kind", "=", "day_off")])
        self.assertTrue(holiday)
        self.assertFalse(self.Workday.is_working_day(date(2026, 11, 24)))
        holiday.active = False
        self.assertTrue(self.Workday.is_working_day(date(2026, 11, 24)))

    def test_far_year_generated_on_demand(self):
        """A year not stored yet is generated on first use (Tết 2031 falls on 23/1)."""
        self.assertFalse(self.Workday.is_working_day(date(2031, 1, 23)))
