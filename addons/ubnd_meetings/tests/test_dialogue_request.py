from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import UbndMeetingsCase


@tagged("post_install", "-at_install")
class TestDialogueRequest(UbndMeetingsCase):
    """Voters' requests for a dialogue conference with the ward Chairman (001 Đ4.3.l)."""

    def test_ten_percent_of_the_wards_voters_oblige_the_chairman(self):
        """R-001-4.3l-2: the ward records its number of voters (12,000); a request signed by 1,199 voters (9.99 %)
        obliges nothing; one signed by 1,200 (10 %) makes the dialogue due: the Chairman gets the duty as an
        activity, and the request stays due until the Office links the dialogue conference held, which closes the
        duty. The city profile has no such rule; only the Office records requests; the count is the committee's."""
        ward = self.build_committee(5, level="commune")
        office, chairman = ward.chief_of_office_id, ward.chairman_id
        self.assertEqual(ward.profile_id.dialogue_voter_request_pct, 10)
        ward.voter_count = 12000
        Request = self.env["ubnd.dialogue.request"]
        below = Request.with_user(office).create({"committee_id": ward.id, "name": "Kiến nghị tổ dân phố 3",
                                                  "voters_requesting": 1199, "date": date(2026, 6, 1)})
        self.assertEqual((below.state, below.voter_count), ("below", 12000))
        self.assertFalse(below.activity_ids)
        due = Request.with_user(office).create({"committee_id": ward.id, "name": "Kiến nghị về dự án chỉnh trang",
                                                "voters_requesting": 1200, "date": date(2026, 6, 2)})
        self.assertEqual((due.state, round(due.share_pct, 2)), ("due", 10.0))
        self.assertEqual(due.activity_ids.user_id, chairman)
        with self.assertRaises(AccessError):
            Request.with_user(chairman).create({"committee_id": ward.id, "name": "X", "voters_requesting": 5000})
        with self.assertRaises(ValidationError):
            Request.with_user(office).create({"committee_id": ward.id, "name": "X", "voters_requesting": 12001})
        with self.assertRaises(Exception):
            due.with_user(office).write({"voter_count": 100000})

        session = self.new_meeting(committee=ward, user=office)
        with self.assertRaises(ValidationError):
            due.with_user(office).meeting_id = session  # a session is not the dialogue conference
        dialogue = self.new_meeting("conference", committee=ward, user=office, conference_period="dialogue")
        due.with_user(office).meeting_id = dialogue
        self.assertEqual(due.state, "held")
        self.assertFalse(due.activity_ids)

        self.committee.voter_count = 100
        city = Request.with_user(self.deputy_office).create(
            {"committee_id": self.committee.id, "name": "Kiến nghị", "voters_requesting": 50})
        self.assertEqual(city.state, "below", "the city text has no such rule (profile 0 %)")
