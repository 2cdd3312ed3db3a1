from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, on

SENT = date(2026, 6, 8)  # Monday


@tagged("post_install", "-at_install")
class TestWrittenBallot(UbndMeetingsCase):
    def new_ballot(self, committee=None, submission=None, user=None, **vals):
        committee = committee or self.committee
        submission = submission or self.collective_submission(committee, route="ballot")
        vals.setdefault("name", "Lấy ý kiến: %s" % submission.name)
        vals.setdefault("question", "<p>Đồng ý ban hành quyết định theo dự thảo?</p>")
        vals.setdefault("reason_no_discussion", True)
        vals.setdefault("system_secure", True)
        return self.env["ubnd.ballot"].with_user(user or committee.chief_of_office_id).create(dict(
            vals, committee_id=committee.id, submission_id=submission.id))

    def send(self, ballot, day=SENT, chairman=None):
        with on(day):
            ballot.with_user(chairman or ballot.committee_id.chairman_id).action_send()
        return ballot

    def reply(self, ballot, user, choice, opinion=None, objection=False, day=SENT):
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == user)
        with on(day):
            slip.with_user(user).write({"choice": choice, "opinion": opinion, "has_objection": objection})
            slip.with_user(user)._reply()
        return slip

    def close(self, ballot, day, user=None):
        with on(day):
            ballot.with_user(user or ballot.committee_id.chief_of_office_id).action_close()
        return ballot

    # --- Who sends, on what conditions --------------------------------------------------------------------
    def test_only_the_chairman_sends(self):
        """R-000-3.2b, R-001-3.2b: only the Chairman decides to consult the members in writing and sends the ballot
        (in the ward the Office sends on his direction: his Send is that direction); the Vice-Chairman running the
        committee in his absence may."""
        ballot = self.new_ballot()
        for user in (self.chief_office, self.deputy_office, self.vc_economy, self.member_finance):
            with on(SENT), self.assertRaises(AccessError):
                ballot.with_user(user).action_send()
        self.assertEqual(ballot.state, "draft")
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=SENT, date_end=SENT, authorising_document="TB 12/TB-UBND")
        self.send(ballot, chairman=self.vc_economy)
        self.assertEqual(ballot.state, "sent")

    def test_a_matter_on_a_session_agenda_is_not_also_balloted(self):
        """R-000-29.4b, R-000-3.2b: a matter is decided in one form: not by ballot while it is on a session's agenda."""
        sub = self.collective_submission()
        self.add_item(self.new_meeting(), submission=sub)
        ballot = self.new_ballot(submission=sub, reason_urgent=True)
        with on(SENT), self.assertRaises(UserError):
            ballot.with_user(self.chairman).action_send()
        self.assertEqual(ballot.state, "draft")

    def test_session_matter_needs_a_reason(self):
        """R-000-3.2b, R-000-4.1: a matter of 000 Đ4 (here a draft Council resolution) goes to a ballot only when it
        is urgent or needs no collective discussion."""
        sub = self.collective_submission(route="ballot", kind="hdnd_resolution", name="Dự thảo Nghị quyết HĐND")
        self.assertEqual(sub.suggested_route, "session")
        ballot = self.new_ballot(submission=sub, reason_no_discussion=False, medium="paper")
        with on(SENT), self.assertRaises(UserError):
            ballot.with_user(self.chairman).action_send()
        ballot.with_user(self.chief_office).reason_urgent = True
        self.send(ballot)
        self.assertEqual(ballot.state, "sent")

    def test_electronic_consultation_conditions(self):
        """R-000-26.2, R-001-22.2: an electronic ballot replaces a session only when (a) urgent or (b) no collective
        discussion is needed, (c) the full dossier goes to every member and (d) the system is secure."""
        ballot = self.new_ballot(reason_no_discussion=False, system_secure=False)
        with on(SENT), self.assertRaises(UserError):
            ballot.with_user(self.chairman).action_send()
        ballot.with_user(self.chief_office).reason_no_discussion = True
        with on(SENT), self.assertRaises(UserError):
            ballot.with_user(self.chairman).action_send()
        ballot.with_user(self.chief_office).system_secure = True
        ballot.submission_id.component_ids.filtered(lambda c: c.code == "c").sudo().attachment_ids = False
        with on(SENT), self.assertRaises(UserError):
            ballot.with_user(self.chairman).action_send()
        self.assertFalse(ballot.dossier_complete)

    def test_full_dossier_to_every_member_never_secrets(self):
        """R-000-18.5b, R-001-3.2b: the ballot goes with the full dossier to every member, each with a reply deadline
        from the profile and an activity; a state-secret dossier is never consulted electronically."""
        ballot = self.send(self.new_ballot())
        self.assertEqual(ballot.slip_ids.member_id, self.committee.member_ids)
        self.assertEqual(ballot.member_count, 5)
        self.assertEqual(ballot.reply_deadline, date(2026, 6, 11), "3 working days after Monday 8/6")
        message = ballot.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertEqual(set(message.partner_ids.ids), set(self.committee.member_ids.user_id.partner_id.ids))
        self.assertTrue(message.attachment_ids)
        self.assertEqual(set(ballot.activity_ids.user_id.ids), set(self.committee.member_ids.user_id.ids))
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == self.member_finance).with_user(self.member_finance)
        self.assertEqual(slip.dossier_attachment_ids, ballot.dossier_attachment_ids)
        self.assertTrue(slip.summary)
        # the drafting unit's staff follow their dossier on the submission form
        self.assertEqual(ballot.submission_id.with_user(self.staff).read(["ballot_ids", "meeting_item_ids"])[0]["ballot_ids"],
                         ballot.ids)
        secret = self.collective_submission(route="ballot", confidentiality="mat", summary=False, name="Mật")
        secret.component_ids.sudo().unlink()
        ballot2 = self.new_ballot(submission=secret)
        with on(SENT), self.assertRaises(UserError):
            ballot2.with_user(self.chairman).action_send()

    # --- Outcomes (000 Đ18.5.b) --------------------------------------------------------------------------------
    def test_passed_without_objections(self):
        """R-000-18.5b-2, R-001-3.2c: a majority of all members approves and nobody differs: the dossier goes to the
        Chairman to decide (approved for signature)."""
        ballot = self.send(self.new_ballot())
        for user in (self.chairman, self.vc_economy, self.vc_urban):
            self.reply(ballot, user, "approve")
        self.close(ballot, date(2026, 6, 12))
        self.assertEqual(ballot.outcome, "passed")
        self.assertEqual(ballot.no_reply_count, 2)
        self.assertEqual(ballot.slip_ids.filtered(lambda s: s.state == "no_reply").user_id,
                         self.member_finance | self.chief_office)
        sub = ballot.submission_id
        self.assertEqual((sub.state, sub.collective_outcome), ("approved", "passed"))

    def test_passed_with_objections_forwarded_within_two_working_days(self):
        """R-000-18.5b-3: a majority approves but some members differ: the Office forwards their opinions to the
        drafting unit within 2 working days; late forwarding is recorded."""
        ballot = self.send(self.new_ballot())
        self.reply(ballot, self.chairman, "approve")
        self.reply(ballot, self.vc_economy, "approve", "Bổ sung đánh giá tác động.", objection=True)
        self.reply(ballot, self.vc_urban, "approve")
        self.reply(ballot, self.member_finance, "reject", "Chưa cân đối được vốn.")
        self.close(ballot, date(2026, 6, 12))  # Friday
        self.assertEqual(ballot.outcome, "passed_objections")
        self.assertEqual(ballot.objection_count, 2)
        self.assertEqual(ballot.objection_forward_deadline, date(2026, 6, 16), "2 working days after Friday 12/6")
        sub = ballot.submission_id
        self.assertEqual((sub.state, sub.collective_outcome), ("approved", "passed_objections"))
        self.assertIn("Chưa cân đối được vốn", sub.collective_note)
        with on(date(2026, 6, 17)):
            ballot.with_user(self.deputy_office).action_forward_objections()
        self.assertTrue(ballot.objections_forward_late)
        forwarded = ballot.message_ids.filtered(lambda m: self.unit_head.partner_id in m.partner_ids)[:1]
        self.assertIn(self.unit_head.partner_id, forwarded.partner_ids)
        self.assertIn("Bổ sung đánh giá tác động", forwarded.body)

    def test_ward_forwards_objections_immediately(self):
        """R-001-14.2b: in the ward the differing opinions go to the drafting unit immediately, at the close."""
        ward = self.build_committee(5, level="commune")
        ballot = self.send(self.new_ballot(committee=ward))
        users = ward.member_ids.user_id
        for user in users[:3]:
            self.reply(ballot, user, "approve")
        self.reply(ballot, users[3], "reject", "Không đồng ý vị trí.")
        self.close(ballot, date(2026, 6, 12))
        self.assertEqual(ballot.outcome, "passed_objections")
        self.assertEqual(ballot.objection_forward_deadline, date(2026, 6, 12))
        self.assertEqual(ballot.objections_forwarded_date, date(2026, 6, 12))
        self.assertFalse(ballot.objections_forward_late)

    def test_drafting_unit_maintains_its_position(self):
        """R-000-18.5b-4: the drafting unit maintains its position: the Office reports to the Chairman, or organises a
        meeting with the members who differ."""
        ballot = self.send(self.new_ballot())
        for user in (self.chairman, self.vc_economy, self.vc_urban):
            self.reply(ballot, user, "approve")
        self.reply(ballot, self.member_finance, "reject", "Đề nghị làm rõ.")
        self.close(ballot, date(2026, 6, 12))
        with on(date(2026, 6, 15)):
            ballot.with_user(self.deputy_office).action_forward_objections()
            with self.assertRaises(AccessError):
                ballot.with_user(self.member_finance).action_drafting_maintains()
            ballot.with_user(self.deputy_office).action_drafting_maintains()
        self.assertTrue(ballot.activity_ids.filtered(lambda a: a.user_id == self.chairman))
        with on(date(2026, 6, 15)):
            ballot.with_user(self.deputy_office).action_organise_dissent_meeting()
        meeting = ballot.dissent_meeting_id
        self.assertEqual(meeting.kind, "working")
        self.assertIn(self.member_finance, meeting.attendee_ids.user_id)
        self.assertNotIn(self.vc_urban, meeting.attendee_ids.user_id)

    def test_not_passed_then_the_chairman_decides(self):
        """R-000-18.5b-5, R-001-3.2c-2: no majority: the opinions go to the drafting unit and the Chairman decides
        whether the matter goes to a session, where it can then be put on the agenda."""
        ballot = self.send(self.new_ballot())
        self.reply(ballot, self.chairman, "approve")
        self.reply(ballot, self.vc_economy, "approve")
        for user in (self.vc_urban, self.member_finance, self.chief_office):
            self.reply(ballot, user, "reject", "Chưa đủ cơ sở.")
        self.close(ballot, date(2026, 6, 10))
        self.assertEqual(ballot.outcome, "not_passed")
        sub = ballot.submission_id
        self.assertEqual(sub.state, "collective", "the Chairman decides what follows")
        self.assertIn("Chưa đủ cơ sở", ballot.message_ids.filtered(lambda m: self.unit_head.partner_id in m.partner_ids)[:1].body)
        with self.assertRaises(AccessError):
            ballot.with_user(self.vc_economy).action_chairman_to_session()
        ballot.with_user(self.chairman).action_chairman_to_session()
        self.assertEqual(sub.route, "session")
        meeting = self.new_meeting()
        self.assertTrue(self.add_item(meeting, submission=sub))

    def test_not_passed_and_not_adopted(self):
        """R-000-18.5b-5, R-001-3.2c-2: the Chairman may also decide not to adopt it: the dossier returns."""
        ballot = self.send(self.new_ballot())
        self.reply(ballot, self.chairman, "reject", "Không phù hợp quy hoạch.")
        self.close(ballot, date(2026, 6, 12))
        ballot.with_user(self.chairman).action_chairman_not_adopt()
        self.assertEqual(ballot.submission_id.state, "returned")

    def test_non_replies_count_as_not_in_favour(self):
        """R-000-3.3, R-001-3.2c: members who do not reply are recorded as such and count as not in favour: 2
        approvals of 5 do not pass although nobody objected."""
        ballot = self.send(self.new_ballot())
        self.reply(ballot, self.chairman, "approve")
        self.reply(ballot, self.vc_economy, "approve")
        self.close(ballot, date(2026, 6, 12))
        self.assertEqual(ballot.outcome, "not_passed")
        self.assertEqual((ballot.approve_count, ballot.reject_count, ballot.no_reply_count), (2, 0, 3))
        self.assertIn("no reply 3", ballot.result_explanation)

    def test_tie_in_a_ballot_follows_the_chairman(self):
        """R-001-3.2d, R-000-3.3-2: a ballot tied 3–3 of 6 follows the Chairman's side."""
        committee = self.build_committee(6)
        ballot = self.send(self.new_ballot(committee=committee))
        users = committee.member_ids.user_id
        for user in users[:3]:
            self.reply(ballot, user, "approve")
        for user in users[3:]:
            self.reply(ballot, user, "reject", "Không đồng ý.")
        self.close(ballot, date(2026, 6, 10))
        self.assertEqual(ballot.outcome, "passed_objections")
        self.assertEqual(ballot.decided_by, "tie_chairman")

    # --- One reply, for oneself, frozen ---------------------------------------------------------------------------
    def test_one_reply_per_member_for_himself_and_frozen(self):
        """R-000-18.5b, R-000-29.4a: a member replies once, only for himself, approve or not approve; nothing changes
        after his reply or after the close; no reply after the deadline."""
        ballot = self.send(self.new_ballot())
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == self.vc_urban)
        with self.assertRaises(AccessError):
            slip.with_user(self.vc_economy).write({"choice": "reject"})
        with self.assertRaises(AccessError):
            slip.with_user(self.deputy_office).write({"choice": "reject"})
        with on(SENT), self.assertRaises(UserError):
            slip.with_user(self.vc_urban).write({"choice": "abstain"})
            slip.with_user(self.vc_urban)._reply()
        self.reply(ballot, self.vc_urban, "approve")
        with self.assertRaises(UserError):
            slip.with_user(self.vc_urban).write({"choice": "reject"})
        with on(SENT), self.assertRaises(UserError):
            slip.with_user(self.vc_urban)._reply()
        with self.assertRaises(AccessError):
            slip.with_user(self.vc_urban).write({"state": "pending"})
        with self.assertRaises(AccessError):
            self.env["ubnd.ballot.slip"].with_user(self.vc_urban).create({
                "ballot_id": ballot.id, "member_id": self.member_of(self.vc_urban).id, "user_id": self.vc_urban.id})
        late = ballot.slip_ids.filtered(lambda s: s.user_id == self.member_finance)
        with on(date(2026, 6, 12)), self.assertRaises(UserError):
            late.with_user(self.member_finance).write({"choice": "approve"})
            late.with_user(self.member_finance)._reply()
        self.close(ballot, date(2026, 6, 12))
        own = ballot.slip_ids.filtered(lambda s: s.user_id == self.member_finance)
        for user, slips in ((self.member_finance, own), (self.chief_office, ballot.slip_ids),
                            (self.deputy_office, ballot.slip_ids)):
            with self.assertRaises(UserError):
                slips.with_user(user).write({"choice": "approve"})
        with self.assertRaises(UserError):
            ballot.with_user(self.chief_office).write({"name": "Sửa"})
        self.assertEqual(slip.choice, "approve")

    def test_paper_ballot_recorded_by_the_office_with_the_signed_form(self):
        """R-000-3.2b, R-000-18.5b: a written (paper) ballot: the Office records each reply with the member's
        signed form."""
        ballot = self.send(self.new_ballot(medium="paper"))
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == self.member_finance)
        slip.with_user(self.deputy_office).write({"choice": "approve"})
        with on(SENT), self.assertRaises(UserError):
            slip.with_user(self.deputy_office).action_record_paper_reply()
        scan = self.env["ir.attachment"].with_user(self.deputy_office).create({"name": "phieu.pdf", "raw": b"%PDF-1.4"})
        slip.with_user(self.deputy_office).write({"scan_attachment_ids": [(6, 0, scan.ids)]})
        with on(SENT):
            slip.with_user(self.deputy_office).action_record_paper_reply()
        self.assertEqual((slip.state, slip.recorded_by_id), ("replied", self.deputy_office))

    def test_reply_needs_re_authentication(self):
        """R-000-18.5b, R-000-3.2b: the reply button is wrapped in Odoo's identity check: outside an interactive HTTP
        session it records nothing."""
        ballot = self.send(self.new_ballot())
        slip = ballot.slip_ids.filtered(lambda s: s.user_id == self.chairman)
        slip.with_user(self.chairman).choice = "approve"
        with self.assertRaises(UserError):
            slip.with_user(self.chairman).action_send_reply()
        self.assertEqual(slip.state, "pending")

    def test_reminders_and_closing_at_the_deadline(self):
        """R-000-18.5b, R-001-3.2b: members who have not replied are reminded before the deadline; after it the
        ballot closes by itself and the non-replies are recorded."""
        ballot = self.send(self.new_ballot())
        self.reply(ballot, self.chairman, "approve")
        with on(date(2026, 6, 9)):
            self.env["ubnd.ballot"]._cron_ballots()
        self.assertFalse(ballot.slip_ids.filtered("reminder_count"))
        with on(date(2026, 6, 10)):
            self.env["ubnd.ballot"]._cron_ballots()
            self.env["ubnd.ballot"]._cron_ballots()
        reminded = ballot.slip_ids.filtered("reminder_count")
        self.assertEqual(reminded.user_id, self.committee.member_ids.user_id - self.chairman)
        self.assertEqual(set(reminded.mapped("reminder_count")), {1})
        with on(date(2026, 6, 12)):
            self.env["ubnd.ballot"]._cron_ballots()
        self.assertEqual(ballot.state, "closed")
        self.assertEqual(ballot.no_reply_count, 4)

    # --- Announced at the nearest session -------------------------------------------------------------------------
    def test_result_announced_at_the_nearest_session(self):
        """R-000-29.5, R-001-25.5d, R-001-3.2c: the result of a closed ballot is put on the agenda of the next session
        that opens and announced there: by the Office in the city, by the Chairman in the ward."""
        ballot = self.send(self.new_ballot())
        for user in (self.chairman, self.vc_economy, self.vc_urban):
            self.reply(ballot, user, "approve")
        self.close(ballot, date(2026, 6, 12))
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids.filtered(lambda i: i.item_type == "ballot_result")
        self.assertEqual(item.ballot_id, ballot)
        self.assertEqual(item.presenter_id, self.chief_office)
        self.assertEqual(ballot.announced_meeting_id, meeting)
        meeting.item_ids.filtered(lambda i: i.item_type == "decision").with_user(self.chairman).action_open_vote()
        vote = meeting.vote_ids
        vote.with_user(self.chairman).action_close_vote()
        with on(SESSION_DAY):
            meeting.with_user(self.chairman).action_close()
        self.assertEqual(ballot.announced_date, SESSION_DAY)
        self.assertEqual(item.state, "noted")
        ward = self.build_committee(5, level="commune")
        ward_ballot = self.send(self.new_ballot(committee=ward))
        for user in ward.member_ids.user_id[:3]:
            self.reply(ward_ballot, user, "approve")
        self.close(ward_ballot, date(2026, 6, 12))
        ward_meeting = self.open_session(self.ready_session(committee=ward, office=ward.chief_of_office_id),
                                         ward.chief_of_office_id)
        self.assertEqual(ward_meeting.item_ids.filtered(lambda i: i.item_type == "ballot_result").presenter_id,
                         ward.chairman_id)
