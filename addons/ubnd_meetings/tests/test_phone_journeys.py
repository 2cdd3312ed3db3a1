from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestLeaderOnThePhone(HttpCase):
    """A leader's day on his phone (390x844, touch), on the Vietnamese demo data, as the demo users log in: he
    answers a written ballot and casts his vote at a session, every screen read without scrolling sideways."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ref = cls.env.ref
        cls.hp = cls.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)

    def setUp(self):
        super().setUp()
        if not self.hp or not self.env["ubnd.ballot"].search_count([("committee_id", "=", self.hp.id)]):
            self.skipTest("needs the demo data")
        self.browser_size = "390x844"
        self.touch_enabled = True

    def test_leader_answers_a_written_ballot(self):
        """R-000-18.5b, R-000-3.2b: a Vice-Chairman opens the demo's written ballot (phiếu ghi ý kiến) from his
        ballots, reads the question, approves with an opinion and confirms his identity in Vietnamese; the paper,
        named after its ballot and its member, is returned once (issue #12 item 9)."""
        vc = self.ref("ubnd_quyche.user_hp_vc_economy")
        slip = self.env["ubnd.ballot.slip"].search([("user_id", "=", vc.id), ("state", "=", "pending")])
        self.assertEqual(len(slip), 1)
        self.assertEqual(slip.with_user(vc).with_context(lang="vi_VN").display_name,
                         "Phiếu ghi ý kiến của %s: %s" % (vc.name, slip.ballot_id.name))
        self.start_tour("/odoo/action-ubnd_meetings.ubnd_ballot_slip_action_mine",
                        "ubnd_meetings_leader_answers_ballot_phone", login=vc.login)
        self.assertEqual((slip.state, slip.choice, slip.recorded_by_id), ("replied", "approve", vc))
        self.assertIn("công khai", slip.opinion)

    def test_leader_casts_a_vote_at_the_session(self):
        """R-000-29.4a, R-000-28.2: at the demo's next session, opened with its quorum, the Chairman finds the
        matter put to the vote among his votes to cast, approves it and confirms his identity in Vietnamese; his
        one vote is recorded (issue #12 item 9)."""
        office = self.ref("ubnd_quyche.user_hp_deputy_office")
        chairman = self.ref("ubnd_quyche.user_hp_chairman")
        meeting = self.env["ubnd.meeting"].search([
            ("committee_id", "=", self.hp.id), ("state", "=", "draft"), ("kind", "=", "regular")], limit=1)
        self.assertTrue(meeting.item_ids, "the demo's next session has its agenda")
        meeting.with_user(office).action_submit_agenda()
        meeting.with_user(chairman).action_approve_agenda()
        meeting.with_user(office).action_send_invitations()
        for attendee in meeting.attendee_ids.filtered(lambda a: a.role == "member"):
            attendee.with_user(office).action_mark_present()
        meeting.with_user(office).action_open()
        item = meeting.item_ids[:1]
        item.with_user(chairman).action_open_vote()
        self.start_tour("/odoo/action-ubnd_meetings.ubnd_vote_action_to_cast", "ubnd_meetings_leader_votes_phone",
                        login=chairman.login)
        line = item.vote_ids.line_ids
        self.assertEqual((len(line), line.member_id.user_id, line.voter_id), (1, chairman, chairman))
        if item.vote_ids.mode == "open":
            self.assertEqual(line.choice, "approve")
