from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, on

QUORUM = {5: 4, 6: 4, 7: 5, 8: 6, 9: 6, 10: 7, 11: 8}
MAJORITY = {5: 3, 6: 4, 7: 4, 8: 5, 9: 5, 10: 6, 11: 6}


@tagged("post_install", "-at_install")
class TestQuorum(UbndMeetingsCase):
    def test_quorum_table(self):
        """R-000-28.2, R-001-24.4: at least two thirds of ALL members, rounded up ('ít nhất'): 5→4, 6→4, 7→5,
        8→6, 9→6, 10→7, 11→8."""
        Rule = self.env["ubnd.vote.rule"]
        for size, required in QUORUM.items():
            self.assertEqual(Rule.quorum_required(self.profile, size), required, size)

    def test_quorum_end_to_end_for_5_to_11_members(self):
        """R-000-28.2, R-001-24.4: for committees of 5 to 11 members, a session with one member fewer than the
        quorum cannot proceed nor vote; with the quorum it opens."""
        for size, required in QUORUM.items():
            committee = self.build_committee(size, level="commune" if size % 2 else "province")
            office = committee.chief_of_office_id
            meeting = self.ready_session(committee=committee, office=office, present=required - 1)
            self.assertEqual(meeting.member_count, size)
            self.assertEqual(meeting.quorum_required, required)
            self.assertFalse(meeting.quorum_met)
            with on(SESSION_DAY), self.assertRaises(UserError):
                meeting.with_user(office).action_open()
            self.assertEqual(meeting.state, "invited")
            absent = meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.attendance != "present")[:1]
            absent.with_user(office).action_mark_present()
            self.assertTrue(meeting.quorum_met)
            self.open_session(meeting, office)
            self.assertEqual(meeting.state, "open")
            self.assertIn("%s/%s" % (required, size), meeting.opening_report.replace(" ", ""))

    def test_quorum_counts_all_members_not_those_invited(self):
        """R-000-28.2, R-001-24.4: the quorum is computed against the total membership, not the members
        invited: every invited member present is not enough when only 3 of 5 were invited."""
        meeting = self.new_meeting()
        self.add_item(meeting)
        for attendee in meeting.attendee_ids.filtered(lambda a: a.role == "member")[3:]:
            attendee.with_user(self.deputy_office).unlink()
        with on(SESSION_DAY.replace(day=1)):
            meeting.with_user(self.deputy_office).action_submit_agenda()
            meeting.with_user(self.chairman).action_approve_agenda()
            meeting.with_user(self.deputy_office).action_send_invitations()
        for attendee in meeting.attendee_ids.filtered(lambda a: a.role == "member"):
            attendee.with_user(self.deputy_office).action_mark_present()
        self.assertEqual((meeting.present_member_count, meeting.member_count, meeting.quorum_required), (3, 5, 4))
        with on(SESSION_DAY), self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_open()

    def test_no_vote_without_quorum(self):
        """R-000-28.2: a member leaving during the session below the quorum stops the votes."""
        meeting = self.open_session(self.ready_session(present=4))
        self.member_attendee(meeting, self.member_finance).with_user(self.deputy_office).action_mark_absent()
        with self.assertRaises(UserError):
            meeting.item_ids.with_user(self.chairman).action_open_vote()
        self.assertFalse(meeting.vote_ids)


@tagged("post_install", "-at_install")
class TestMajorityAndTie(UbndMeetingsCase):
    def decide(self, total, yes, no, chairman, tie_break="chairman_side", basis="all_members", present=None):
        return self.env["ubnd.vote.rule"].decide(
            {"majority_basis": basis, "tie_break": tie_break}, total, present or total, yes, no, chairman)

    def test_majority_of_all_members_table(self):
        """R-000-3.3, R-001-25.5c: more than half of ALL members in favour: 5→3, 6→4, 7→4, 8→5, 9→5, 10→6, 11→6;
        one fewer fails even if nobody is against."""
        for size, needed in MAJORITY.items():
            self.assertTrue(self.decide(size, needed, 0, "approve")["passed"], size)
            result = self.decide(size, needed - 1, 0, "approve")
            self.assertFalse(result["passed"], size)
            self.assertEqual(result["threshold"], needed)
            self.assertEqual(result["decided_by"], "no_majority")

    def test_absent_members_count_against_the_majority(self):
        """R-000-3.3, R-001-25.5c: of 9 members with 3 absent, 4 in favour and 2 against is not passed: 5 of all
        members are needed, not a majority of those present."""
        result = self.decide(9, 4, 2, "approve")
        self.assertFalse(result["passed"])
        self.assertIn("5", result["explanation"])
        self.assertTrue(self.decide(9, 4, 2, "approve", basis="present", present=6)["passed"],
                        "with a profile counting those present, 4 of 6 pass")

    def test_tie_four_four_of_eight(self):
        """R-000-3.3-2, R-001-3.2d: 4–4 of 8, all present. The Chairman's side prevails ('chairman_side'); with
        'chairman_side_with_majority' his side lacks more than half of all members; 'fails' never passes a tie."""
        passed = self.decide(8, 4, 4, "approve")
        self.assertTrue(passed["passed"])
        self.assertEqual(passed["decided_by"], "tie_chairman")
        against = self.decide(8, 4, 4, "reject")
        self.assertFalse(against["passed"])
        self.assertEqual(against["decided_by"], "tie_chairman")
        strict = self.decide(8, 4, 4, "approve", tie_break="chairman_side_with_majority")
        self.assertFalse(strict["passed"])
        self.assertEqual(strict["decided_by"], "tie_needs_majority")
        self.assertFalse(self.decide(8, 4, 4, "approve", tie_break="fails")["passed"])

    def test_tie_with_absent_members(self):
        """R-000-3.3-2, R-001-3.2d, R-000-3.3: 3–3 of 8 with 2 absent: 'chairman_side' still applies the tie-break
        (his side wins with 3 of 8); 'chairman_side_with_majority' does not pass it."""
        self.assertTrue(self.decide(8, 3, 3, "approve")["passed"])
        self.assertFalse(self.decide(8, 3, 3, "approve", tie_break="chairman_side_with_majority")["passed"])
        self.assertFalse(self.decide(8, 3, 3, "reject")["passed"])

    def test_tie_with_the_chairman_absent(self):
        """R-000-3.3-2, R-001-3.2d: a tie where the Chairman did not vote cannot be broken; the majority rule
        alone decides it: not passed, whatever the profile's tie-break."""
        for tie_break in ("chairman_side", "chairman_side_with_majority", "fails"):
            result = self.decide(9, 4, 4, False, tie_break=tie_break)
            self.assertFalse(result["passed"], tie_break)
        self.assertEqual(self.decide(9, 4, 4, False)["decided_by"], "tie_no_chairman")

    def test_nobody_voting_is_not_a_tie(self):
        """R-000-3.3: 0–0 is not a tie; nothing passes without a majority of all members."""
        result = self.decide(5, 0, 0, False)
        self.assertFalse(result["passed"])
        self.assertEqual(result["decided_by"], "no_majority")

    def test_provincial_model_decides_by_majority(self):
        """R-003-p3: the provincial model decides by majority: its preset counts more than half of all members."""
        preset = self.env.ref("ubnd_quyche.profile_preset_province")
        self.assertEqual(preset.majority_basis, "all_members")
        result = self.env["ubnd.vote.rule"].decide(
            {"majority_basis": preset.majority_basis, "tie_break": preset.tie_break}, 7, 7, 4, 3, "approve")
        self.assertTrue(result["passed"])

    def cast_all(self, meeting, approve_users, reject_users, mode="open"):
        item = meeting.item_ids[:1]
        item.sudo().vote_mode = mode
        item.with_user(meeting.chair_id).action_open_vote()
        vote = item.vote_ids
        for user in approve_users:
            vote.with_user(user)._cast("approve")
        for user in reject_users:
            vote.with_user(user)._cast("reject")
        vote.with_user(meeting.chair_id).action_close_vote()
        return vote

    def test_end_to_end_four_four_of_eight_open_and_secret(self):
        """R-000-3.3-2, R-001-3.2d, R-001-25.5c: a session of 8 votes 4–4 with the Chairman in favour: passed by
        the tie-break, and the tally says so; the same in a secret ballot, where only the Chairman's choice is
        kept for the tie."""
        committee = self.build_committee(8)
        office = committee.chief_of_office_id
        users = committee.member_ids.user_id
        for mode in ("open", "secret"):
            meeting = self.ready_session(committee=committee, office=office, day=SESSION_DAY.replace(day=15 if mode == "open" else 22),
                                         kind="regular" if mode == "open" else "thematic")
            self.open_session(meeting, office)
            vote = self.cast_all(meeting, users[:4], users[4:], mode)
            self.assertEqual((vote.approve_count, vote.reject_count), (4, 4))
            self.assertEqual(vote.result, "passed")
            self.assertEqual(vote.decided_by, "tie_chairman")
            self.assertIn("4–4", vote.result_explanation)
            self.assertEqual(meeting.item_ids.submission_id.state, "approved")
            self.assertEqual(meeting.item_ids.submission_id.collective_outcome, "passed")

    def test_end_to_end_tie_with_chairman_absent(self):
        """R-000-3.3-2, R-001-3.2d, R-001-24.1: the Chairman is absent, his standing Vice-Chairman chairs; 4–4 of 9
        members is not passed."""
        committee = self.build_committee(9)
        office = committee.chief_of_office_id
        vc = committee.standing_deputy_id
        meeting = self.new_meeting(committee=committee, user=office, chair_id=vc.id)
        self.add_item(meeting, user=office)
        chairman_line = self.member_attendee(meeting, committee.chairman_id)
        chairman_line.with_user(committee.chairman_id).write({"absence_reason": "Công tác nước ngoài"})
        with on(SESSION_DAY.replace(day=1)):
            chairman_line.with_user(committee.chairman_id).action_request_absence()
            chairman_line.with_user(committee.chairman_id).action_approve_absence()
            meeting.with_user(office).action_submit_agenda()
            meeting.with_user(committee.chairman_id).action_approve_agenda()
            meeting.with_user(office).action_send_invitations()
        for attendee in meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.absence_state != "approved"):
            attendee.with_user(office).action_mark_present()
        self.open_session(meeting, office)
        others = (committee.member_ids.user_id - committee.chairman_id)
        vote = self.cast_all(meeting, others[:4], others[4:])
        self.assertEqual(vote.result, "not_passed")
        self.assertEqual(vote.decided_by, "tie_no_chairman")
        self.assertEqual(meeting.item_ids.submission_id.state, "returned")

    def test_two_options_unless_the_profile_allows_abstention(self):
        """R-000-29.4a, R-001-25.5a: a member votes approve or not approve; abstaining is refused unless the
        profile allows three options, and an abstention counts as not in favour."""
        meeting = self.open_session(self.ready_session())
        meeting.item_ids.with_user(self.chairman).action_open_vote()
        vote = meeting.item_ids.vote_ids
        with self.assertRaises(UserError):
            vote.with_user(self.vc_economy)._cast("abstain")
        self.assertFalse(vote.line_ids)
        vote.sudo().vote_options = "three"
        vote.with_user(self.vc_economy)._cast("abstain")
        for user in (self.chairman, self.vc_urban):
            vote.with_user(user)._cast("approve")
        vote.with_user(self.chairman).action_close_vote()
        self.assertEqual((vote.approve_count, vote.abstain_count, vote.not_voted_count), (2, 1, 2))
        self.assertEqual(vote.result, "not_passed", "2 of 5 is not more than half; the abstention is not in favour")

    def test_only_members_vote_for_themselves(self):
        """R-000-28.4, R-001-25.5a: an invited delegate, a staff member or the Office cannot vote; a member votes
        only his own vote and only once."""
        meeting = self.open_session(self.ready_session())
        meeting.item_ids.with_user(self.chairman).action_open_vote()
        vote = meeting.item_ids.vote_ids
        for user in (self.deputy_office, self.staff, self.unit_head):
            with self.assertRaises(AccessError):
                vote.with_user(user)._cast("approve")
        vote.with_user(self.vc_urban)._cast("reject")
        with self.assertRaises(UserError):
            vote.with_user(self.vc_urban)._cast("approve")
        self.assertEqual(len(vote.line_ids), 1)
        self.assertEqual(vote.line_ids.member_id.user_id, self.vc_urban)
        self.assertEqual(vote.line_ids.voter_id, self.vc_urban)
