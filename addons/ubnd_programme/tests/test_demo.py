from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    """The demo tells the whole story: this year's programme in every state, this week's schedule, the year's
    reports."""

    def setUp(self):
        super().setUp()
        self.committee = self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)
        self.year = self.committee and self.env["ubnd.programme"].search([
            ("committee_id", "=", self.committee.id), ("kind", "=", "year"),
            ("year", "=", fields.Date.context_today(self.env["ubnd.programme"]).year)], limit=1)
        if not self.year:
            self.skipTest("demo data not loaded")

    def test_programme_items_in_every_state(self):
        """R-000-25.2, R-000-24.6: the demo year programme has items on time, late, done and dropped, and an
        adjustment decided by the Chairman with its reason."""
        self.assertEqual(self.year.state, "issued")
        self.assertEqual(set(self.year.item_ids.mapped("status")), {"on_track", "late", "done", "dropped"})
        self.assertTrue(self.year.adjustment_ids.filtered(lambda a: a.state == "applied" and a.reason))

    def test_week_and_reports(self):
        """R-000-21.2d, R-000-44.6, R-000-45.3, R-000-50.3b: this week's schedule holds a session period, a trip, a
        reception and the Chairman's citizen-reception day; the reporting calendar holds the year."""
        today = fields.Date.context_today(self.env["ubnd.programme"])
        week = self.env["ubnd.programme"].search([("committee_id", "=", self.committee.id), ("kind", "=", "week"),
                                                  ("date_start", "<=", today), ("date_end", ">=", today)])
        self.assertEqual(week.state, "issued")
        kinds = set(week.schedule_line_ids.mapped("kind"))
        self.assertLessEqual({"session", "trip", "reception", "citizen_reception", "meeting"}, kinds)
        reports = self.env["ubnd.report"].search([("committee_id", "=", self.committee.id)])
        self.assertLessEqual({"on_time", "late", "overdue", "pending"}, set(reports.mapped("timeliness")))
