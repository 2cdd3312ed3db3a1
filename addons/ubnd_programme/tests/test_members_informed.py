from datetime import date, timedelta

from odoo.tests import tagged

from .common import ProgrammeCase

MONDAY = date(2026, 6, 1)


@tagged("post_install", "-at_install")
class TestMembersInformed(ProgrammeCase):
    """Members are informed by the Office of the activities of the committee and its leaders (000 Đ8.4)."""

    def test_members_get_the_leaders_week_from_the_office(self):
        """R-000-8.4: when the Office issues the week's programme — the activities of the Chairman and the
        Vice-Chairmen — every member of the committee receives it in his inbox, from the Office, the same day;
        and each member reads the published activities of every leader, not only his own."""
        self.env["calendar.event"].create({
            "name": "Chủ tịch làm việc với Sở Xây dựng", "start": self.utc(MONDAY, 8), "stop": self.utc(MONDAY, 10),
            "partner_ids": [(6, 0, self.chairman.partner_id.ids)]})
        self.env["calendar.event"].create({
            "name": "Phó Chủ tịch kiểm tra công trình", "start": self.utc(MONDAY + timedelta(days=1), 14),
            "stop": self.utc(MONDAY + timedelta(days=1), 16), "partner_ids": [(6, 0, self.vc_urban.partner_id.ids)]})
        week = self.programme(kind="week", week_start=MONDAY)
        week.with_user(self.deputy_office).action_submit()
        week.with_user(self.chairman).action_approve()
        week.with_user(self.deputy_office).action_issue()

        message = week.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        members = self.committee.member_ids.filtered("active").user_id
        self.assertTrue(members)
        for member in members:
            with self.subTest(member=member.name):
                self.assertIn(member.partner_id, message.notified_partner_ids | message.partner_ids)
        self.assertEqual(message.author_id, week._office_author())
        self.assertEqual(message.date.date(), week.issued_date)

        member = self.member_finance  # an ordinary member, neither Chairman nor Vice-Chairman
        lines = self.env["ubnd.schedule.line"].with_user(member).search([
            ("committee_id", "=", self.committee.id), ("date", ">=", MONDAY), ("date", "<=", MONDAY + timedelta(days=6))])
        self.assertEqual(set(lines.mapped("name")),
                         {"Chủ tịch làm việc với Sở Xây dựng", "Phó Chủ tịch kiểm tra công trình"})
