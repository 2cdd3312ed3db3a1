from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestWeeklyScheduleTour(HttpCase, ProgrammeCase):
    """A member of staff reads this week's published schedule on a phone (375 px wide)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["ubnd.programme"])
        monday = today - timedelta(days=today.weekday())
        entry = cls.entry(name="Tour: tiếp công dân", kind="citizen_reception", location="Trụ sở tiếp công dân",
                          leader_ids=[(6, 0, cls.chairman.ids)], start=cls.utc(today, 8), stop=cls.utc(today, 11))
        entry.action_confirm()
        cls.week = cls.programme(kind="week", week_start=monday)
        cls.decide(cls.week)
        cls.week.with_user(cls.deputy_office).action_issue()

    def test_weekly_schedule_on_a_phone(self):
        """R-000-24.4a, R-000-21.2d: the published weekly schedule is readable on a phone, day by day."""
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_programme.ubnd_schedule_line_action", "ubnd_weekly_schedule_phone",
                        login="t_staff")

    def test_chairman_consents_to_a_trip_on_a_phone(self):
        """R-000-44.2: the Chairman consents to a Vice-Chairman's trip to a central ministry from his phone, one tap
        in "My work"."""
        day = fields.Date.context_today(self.env["ubnd.programme"]) + timedelta(days=10)
        trip = self.entry(user=self.vc_urban, name="Tour: công tác Bộ Xây dựng", kind="trip", traveller_id=self.vc_urban.id,
                          destination_type="central", destination="Hà Nội", purpose="Báo cáo quy hoạch",
                          start=self.utc(day, 7), stop=self.utc(day, 18))
        trip.with_user(self.vc_urban).action_request()
        self.assertEqual(trip.state, "requested")
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_programme.ubnd_schedule_to_decide_action", "ubnd_trip_consent_phone",
                        login="t_chairman")
        self.assertEqual((trip.state, trip.chairman_consent_id), ("confirmed", self.chairman))


@tagged("post_install", "-at_install")
class TestLeaderReadsTheWeek(HttpCase):
    """The Chairman reads this week's schedule of the Vietnamese demo on his phone (390x844, touch)."""

    def test_leader_reads_the_week_on_a_phone(self):
        """R-000-21.2d: the weekly schedule shows each leader's activities day by day — on the phone as one card
        per activity, with the full names of all its leaders (the demo's regular session once, not once per
        leader), time and place, read from top to bottom without scrolling sideways (issue #12 item 9)."""
        chairman = self.env.ref("ubnd_quyche.user_hp_chairman", raise_if_not_found=False)
        if not chairman or not self.env["ubnd.schedule.entry"].search_count([]):
            self.skipTest("needs the demo data")
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_programme.ubnd_schedule_line_action", "ubnd_leader_reads_the_week_phone",
                        login=chairman.login)
