from odoo.tests import HttpCase, tagged

from .common import UbndMeetingsCase


@tagged("post_install", "-at_install")
class TestMeetingTours(HttpCase, UbndMeetingsCase):
    def test_session_in_the_browser(self):
        """R-000-28.2, R-000-29.4a, R-000-3.3, R-000-30.1: in headless Chromium the Office opens a session and
        checks the quorum, a member votes on the item after re-authenticating, the vote and the session close with
        the tally and the rule shown, and the minutes are produced."""
        meeting = self.ready_session()
        self.start_tour("/odoo/ubnd.meeting/%d" % meeting.id, "ubnd_meetings_session_open_and_vote",
                        login="t_chief_office")
        vote = meeting.vote_ids
        self.assertEqual(vote.line_ids.member_id.user_id, self.chief_office)
        for user in (self.chairman, self.vc_economy):
            vote.with_user(user)._cast("approve")
        self.start_tour("/odoo/ubnd.vote/%d" % vote.id, "ubnd_meetings_session_close_and_minutes",
                        login="t_chief_office")
        self.assertEqual((vote.result, meeting.state), ("passed", "closed"))
        self.assertEqual(meeting.minutes_ids.state, "draft")
        self.assertEqual(meeting.item_ids.submission_id.state, "approved")

    def test_member_replies_to_a_written_ballot_on_the_phone(self):
        """R-000-18.5b, R-000-3.2b, R-001-3.2b: a member reads the dossier and replies to the written ballot in one
        screen at phone width, re-authenticating before the reply is recorded."""
        sub = self.collective_submission(route="ballot", name="Tour ballot dossier")
        ballot = self.env["ubnd.ballot"].with_user(self.chief_office).create({
            "name": "Tour ballot", "committee_id": self.committee.id, "submission_id": sub.id,
            "question": "<p>Đồng ý ban hành quyết định theo dự thảo?</p>", "reason_urgent": True,
            "system_secure": True,
        })
        ballot.with_user(self.chairman).action_send()
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_meetings.ubnd_ballot_slip_action_mine", "ubnd_meetings_ballot_on_phone",
                        login="t_member_finance")
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == self.member_finance)
        self.assertEqual((slip.state, slip.choice), ("replied", "approve"))
        self.assertIn("công khai", slip.opinion)
