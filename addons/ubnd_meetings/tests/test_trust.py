"""Attacks an ordinary user can send over RPC, each refused by the model layer with the record unchanged."""
import base64
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import SESSION_DAY, UbndMeetingsCase, at, on

SENT = date(2026, 6, 8)


class TrustCase(UbndMeetingsCase):
    """A held session with its minutes, and a written ballot: the records an attacker goes after."""

    def held(self, meeting):
        office = meeting.committee_id.chief_of_office_id
        self.open_session(meeting, office)
        item = meeting.item_ids
        speaker = meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.attendance == "present")[:1]
        self.env["ubnd.meeting.opinion"].with_user(office).create({
            "item_id": item.id, "attendee_id": speaker.id, "stance": "approve",
            "content": "Đồng ý với tờ trình, đề nghị bổ sung lộ trình."})
        item.with_user(meeting.chair_id).action_open_vote()
        for user in meeting.committee_id.member_ids.user_id[:3]:
            item.vote_ids.with_user(user)._cast("approve")
        item.vote_ids.with_user(meeting.chair_id).action_close_vote()
        with on(meeting.meeting_date):
            meeting.with_user(office).action_close()
        return meeting

    def minutes_of(self, meeting):
        action = meeting.with_user(meeting.committee_id.chief_of_office_id).action_create_minutes()
        return self.env["ubnd.meeting.minutes"].browse(action["res_id"])

    def new_ballot(self, submission=None, **vals):
        submission = submission or self.collective_submission(route="ballot")
        vals.setdefault("name", "Lấy ý kiến: %s" % submission.name)
        vals.setdefault("question", "<p>Đồng ý ban hành quyết định theo dự thảo?</p>")
        vals.setdefault("reason_no_discussion", True)
        vals.setdefault("system_secure", True)
        return self.env["ubnd.ballot"].with_user(self.chief_office).create(dict(
            vals, committee_id=self.committee.id, submission_id=submission.id))


@tagged("post_install", "-at_install")
class TestApprovedMinutesAreFinal(TrustCase):
    """Approved minutes, with their opinions, attendance and votes, never change; a correction is a new act."""

    def approved(self):
        meeting = self.held(self.ready_session())
        minutes = self.minutes_of(meeting)
        minutes.with_user(self.chief_office).write({"course": "<p>Diễn biến</p>", "conclusions": "<p>Kết luận</p>"})
        minutes.with_user(self.chairman).action_approve()
        return meeting, minutes

    def test_opinion_not_rewritten_after_the_chair_approved_the_minutes(self):
        """R-000-30.1: the minutes record all opinions expressed; once the chair approved them, no one — the Office,
        the chair, not even the server — rewrites, deletes or adds an opinion, and the Office cannot put the
        minutes back to draft to do so."""
        meeting, minutes = self.approved()
        opinion = meeting.item_ids.opinion_ids
        said = opinion.content
        for user in (self.deputy_office, self.chief_office, self.chairman):
            with self.assertRaises(UserError):
                opinion.with_user(user).write({"content": "Không đồng ý (sửa sau phê duyệt)"})
            with self.assertRaises(UserError):
                opinion.with_user(user).unlink()
        with self.assertRaises(UserError):
            opinion.sudo().write({"stance": "reject"})
        with self.assertRaises(UserError):
            self.env["ubnd.meeting.opinion"].with_user(self.deputy_office).create({
                "item_id": meeting.item_ids.id, "attendee_id": opinion.attendee_id.id, "stance": "reject",
                "content": "Ý kiến thêm sau phê duyệt"})
        self.assertFalse(hasattr(minutes, "action_reset_draft"), "approved minutes have no way back to draft")
        with self.assertRaises(UserError):
            minutes.sudo().write({"state": "draft"})
        with self.assertRaises(UserError):
            minutes.with_user(self.deputy_office).unlink()
        self.assertEqual((opinion.content, opinion.stance, minutes.state), (said, "approve", "approved"))

    def test_attendance_and_votes_of_approved_minutes_never_change(self):
        """R-000-30.1: the attendance and the votes recorded in approved minutes are final: a vote cast
        is neither changed nor deleted, a closed vote keeps its result, an attendee stays as recorded."""
        meeting, _minutes = self.approved()
        vote = meeting.vote_ids
        line = vote.line_ids[:1]
        attendee = self.member_attendee(meeting, line.voter_id)
        with self.assertRaises(UserError):
            attendee.with_user(self.deputy_office).write({"attendance": "absent"})
        with self.assertRaises(UserError):
            attendee.sudo().write({"attendance": "absent"})
        with self.assertRaises(UserError):
            attendee.sudo().unlink()
        with self.assertRaises(AccessError):
            line.with_user(self.chairman).write({"choice": "reject"})
        with self.assertRaises(AccessError):
            line.with_user(self.deputy_office).unlink()
        with self.assertRaises(UserError):
            line.sudo().write({"choice": "reject"})
        with self.assertRaises(UserError):
            line.sudo().unlink()
        with self.assertRaises(AccessError):
            vote.with_user(self.deputy_office).write({"result": "not_passed"})
        with self.assertRaises(UserError):
            vote.sudo().write({"result": "not_passed", "approve_count": 0})
        with self.assertRaises(UserError):
            vote.sudo().unlink()
        self.assertEqual((attendee.attendance, line.choice, vote.result, vote.state),
                         ("present", "approve", "passed", "closed"))

    def test_a_correction_is_a_new_act_that_keeps_the_approved_text(self):
        """R-000-30.1: a member's opinion wrongly transcribed is corrected by the Office with a reasoned, tracked
        correction; the approved opinion keeps its text and the correction itself never changes."""
        meeting, minutes = self.approved()
        opinion = meeting.item_ids.opinion_ids
        said = opinion.content
        Correction = self.env["ubnd.meeting.minutes.correction"]
        values = {"minutes_id": minutes.id, "opinion_id": opinion.id, "original_text": "forged",
                  "corrected_text": "Đồng ý, đề nghị bổ sung lộ trình đến năm 2030.",
                  "reason": "Thư ký ghi thiếu mốc năm theo băng ghi âm."}
        with self.assertRaises(AccessError):
            Correction.with_user(self.member_finance).create(values)
        with self.assertRaises(UserError):
            Correction.with_user(self.deputy_office).create(dict(values, reason=" "))
        correction = Correction.with_user(self.deputy_office).create(values)
        self.assertEqual(correction.original_text, said, "what the minutes say comes from the record")
        self.assertEqual(correction.recorded_by_id, self.deputy_office)
        self.assertEqual(opinion.content, said)
        self.assertIn(correction, minutes.correction_ids)
        self.assertIn("Thư ký ghi thiếu", minutes.message_ids[:1].body)
        with self.assertRaises(UserError):
            correction.with_user(self.deputy_office).write({"corrected_text": "khác"})
        with self.assertRaises(UserError):
            correction.sudo().unlink()
        minutes.with_user(self.deputy_office).action_lock()
        later = Correction.with_user(self.deputy_office).create(dict(values, corrected_text="Bản sửa thứ hai"))
        self.assertEqual(later.original_text, said)

    def test_approval_and_state_cannot_be_forged_on_create(self):
        """Nothing a client sends grants a right: minutes, meetings and agenda items created over RPC with their
        workflow facts (state, approver) as values are refused; as ``default_`` context keys they are ignored."""
        meeting = self.held(self.ready_session())
        Minutes = self.env["ubnd.meeting.minutes"].with_user(self.deputy_office)
        with self.assertRaises(AccessError):
            Minutes.create({"meeting_id": meeting.id, "state": "approved", "approved_by_id": self.chairman.id})
        minutes = Minutes.with_context(default_state="approved", default_approved_by_id=self.chairman.id).create(
            {"meeting_id": meeting.id})
        self.assertEqual((minutes.state, minutes.approved_by_id), ("draft", self.env["res.users"]))
        Meeting = self.Meeting.with_user(self.deputy_office)
        values = {"name": "Phiên giả", "kind": "working", "committee_id": self.committee.id,
                  "chair_id": self.chairman.id, "start": at(date(2026, 7, 1)), "stop": at(date(2026, 7, 1), 11)}
        with self.assertRaises(AccessError):
            Meeting.create(dict(values, state="closed", closed_at=datetime(2026, 7, 1, 4)))
        self.assertEqual(Meeting.with_context(default_state="closed").create(values).state, "draft")
        with self.assertRaises(AccessError):
            self.env["ubnd.meeting.item"].with_user(self.deputy_office).create({
                "meeting_id": meeting.id, "name": "Mục giả", "item_type": "information", "state": "decided",
                "outcome": "passed"})
        with self.assertRaises(AccessError):
            self.env["ubnd.meeting.attendee"].with_user(self.deputy_office).create({
                "meeting_id": Meeting.create(values).id, "role": "guest", "partner_id": self.staff.partner_id.id,
                "absence_state": "approved"})


@tagged("post_install", "-at_install")
class TestClosedBallotIsFinal(TrustCase):
    def closed_ballot(self):
        ballot = self.new_ballot()
        with on(SENT):
            ballot.with_user(self.chairman).action_send()
            for slip in ballot.slip_ids:
                slip.with_user(slip.user_id).write({"choice": "approve"})
                slip.with_user(slip.user_id)._reply()
            ballot.with_user(self.chief_office).action_close()
        return ballot

    def test_closed_ballot_and_its_papers_never_change(self):
        """R-000-18.5b: once closed, a ballot's questions, replies and outcome stay as they were — for the Office,
        the Chairman and the server alike; its papers are neither rewritten nor deleted."""
        ballot = self.closed_ballot()
        slip = ballot.slip_ids[:1]
        with self.assertRaises(UserError):
            ballot.with_user(self.chief_office).write({"question": "<p>Câu hỏi khác</p>"})
        with self.assertRaises(UserError):
            ballot.sudo().write({"outcome": "not_passed", "approve_count": 0})
        with self.assertRaises(UserError):
            ballot.with_user(self.chief_office).unlink()
        with self.assertRaises(UserError):
            slip.sudo().write({"choice": "reject"})
        with self.assertRaises(UserError):
            slip.sudo().unlink()
        self.assertEqual((ballot.state, ballot.outcome, slip.choice, len(ballot.slip_ids)),
                         ("closed", "passed", "approve", len(self.committee.member_ids)))

    def test_ballot_result_cannot_be_forged_on_create(self):
        """R-000-18.5b, R-000-3.2b: the Office cannot create a ballot already closed and passed."""
        submission = self.collective_submission(route="ballot")
        with self.assertRaises(AccessError):
            self.new_ballot(submission=submission, state="closed", outcome="passed")
        ballot = self.env["ubnd.ballot"].with_user(self.chief_office).with_context(
            default_state="closed", default_outcome="passed").create({
                "name": "Phiếu", "committee_id": self.committee.id, "submission_id": submission.id,
                "question": "<p>?</p>"})
        self.assertEqual((ballot.state, ballot.outcome), ("draft", False))

    def test_uploaded_files_follow_the_ballot(self):
        """Files uploaded into the ballot follow its access (bound to it); someone else's unbound file cannot be
        attached to make it readable."""
        ballot = self.new_ballot()
        mine = self.env["ir.attachment"].with_user(self.chief_office).create(
            {"name": "phu-luc.pdf", "datas": base64.b64encode(b"%PDF-1.4 annex")})
        ballot.with_user(self.chief_office).write({"attachment_ids": [(4, mine.id)]})
        self.assertEqual((mine.res_model, mine.res_id), ("ubnd.ballot", ballot.id))
        foreign = self.env["ir.attachment"].with_user(self.chairman).create(
            {"name": "rieng.pdf", "datas": base64.b64encode(b"%PDF-1.4 private")})
        with self.assertRaises(AccessError):
            ballot.with_user(self.chief_office).write({"attachment_ids": [(4, foreign.id)]})
        self.assertFalse(foreign.res_id)


    def test_ballot_on_a_secret_dossier_follows_the_dossier(self):
        """A ballot follows its dossier: staff and unit heads do not read a ballot on a dossier with state secrets;
        the members consulted do, and the Office sees the dossier's files through the ballot."""
        dossier = self.collective_submission(route="ballot", confidentiality="mat", summary=False, name="Mật")
        dossier.component_ids.sudo().unlink()  # a state-secret dossier is kept on paper (000 Đ15.4)
        secret = self.new_ballot(submission=dossier, medium="paper")
        for user in (self.staff, self.unit_head):
            with self.assertRaises(AccessError, msg=user.login):
                secret.with_user(user).read(["question"])
        self.assertIn("Đồng ý", secret.with_user(self.member_finance).read(["question"])[0]["question"])
        normal = self.new_ballot()
        self.assertTrue(normal.with_user(self.chief_office).dossier_attachment_ids)


@tagged("post_install", "-at_install")
class TestMeetingInputAndIsolation(TrustCase):
    def test_absurd_meeting_dates_refused_clearly(self):
        """A meeting in year 0100 or 9999, or one ending before it starts, is refused with a clear message before
        the working-day engine is reached; nothing is written."""
        Meeting = self.Meeting.with_user(self.deputy_office)
        values = {"name": "Phiên họp", "kind": "working", "committee_id": self.committee.id,
                  "chair_id": self.chairman.id}
        for start in ("0100-06-17 01:00:00", "9999-06-17 01:00:00", "2026-02-30 01:00:00"):
            with self.assertRaises(ValidationError):
                Meeting.create(dict(values, start=start))
        with self.assertRaises(ValidationError):
            Meeting.create(dict(values, start=at(SESSION_DAY, 14), stop=at(SESSION_DAY, 8)))
        meeting = Meeting.create(dict(values, start=at(SESSION_DAY, 8), stop=at(SESSION_DAY, 11)))
        with self.assertRaises(ValidationError):
            meeting.write({"start": "0100-01-01 00:00:00"})
        self.assertEqual(meeting.start, at(SESSION_DAY, 8))

    def test_quorum_fraction_in_the_profile_must_be_meaningful(self):
        """R-000-28.2: the quorum is a fraction of all members in (0, 1]; 0/3 or 4/3 is refused."""
        for numerator, denominator in ((0, 3), (4, 3), (2, 0)):
            with self.assertRaises(ValidationError):
                self.profile.write({"quorum_numerator": numerator, "quorum_denominator": denominator})
        with self.assertRaises(ValidationError):
            self.profile.write({"extraordinary_request_numerator": 0})
        self.assertEqual((self.profile.quorum_numerator, self.profile.quorum_denominator), (2, 3))

    def test_records_of_a_confidential_meeting_follow_the_meeting(self):
        """R-000-37.3: a meeting with state-secret content is seen by its attendees only; its agenda, attendance,
        opinions and votes follow it, for a staff member reading them by id."""
        meeting = self.new_meeting("working", chair_id=self.chairman.id, confidentiality="mat",
                                   protection_plan="Phòng họp bảo mật, không mang điện thoại.")
        item = self.env["ubnd.meeting.item"].with_user(self.deputy_office).create({
            "meeting_id": meeting.id, "name": "Nội dung mật", "item_type": "information"})
        for record in (meeting, item, meeting.attendee_ids[:1], meeting.step_ids[:1]):
            if record:
                with self.assertRaises(AccessError):
                    record.with_user(self.staff).read(["display_name"])
        meeting.sudo().attendee_ids = [(0, 0, {"role": "guest", "partner_id": self.staff.partner_id.id,
                                               "user_id": self.staff.id})]
        self.assertEqual(item.with_user(self.staff).read(["name"])[0]["name"], "Nội dung mật")

    def test_records_stay_with_their_committee_and_shared_catalogues_with_the_system(self):
        """The Office cannot move a meeting or a ballot to another committee; the guest categories shared by every
        committee are changed by the system administrator only, not by a committee's admin."""
        ward = self.build_committee(5, level="commune")
        meeting = self.new_meeting("working", chair_id=self.chairman.id)
        with self.assertRaises(AccessError):
            meeting.with_user(self.deputy_office).write({"committee_id": ward.id})
        ballot = self.new_ballot()
        with self.assertRaises(AccessError):
            ballot.with_user(self.chief_office).write({"committee_id": ward.id})
        committee_admin = new_test_user(self.env, login="t_committee_admin", groups="ubnd_quyche.group_ubnd_admin",
                                        company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        with self.assertRaises(AccessError):
            self.cat_party.with_user(committee_admin).write({"invite_rule": "chairman"})
        self.assertEqual((meeting.committee_id, ballot.committee_id, self.cat_party.invite_rule),
                         (self.committee, self.committee, "always"))

    def test_public_rule_methods_refuse_what_rpc_may_send(self):
        """R-000-28.2: the decision rules, public methods an RPC client may call, answer a clear error
        for values that are not a profile or a number of members, instead of crashing."""
        Rule = self.env["ubnd.vote.rule"]
        self.assertEqual(Rule.quorum_required(self.profile.id, 8), 6)
        for attack in (
            lambda: Rule.quorum_required(0, 8),
            lambda: Rule.quorum_required(self.profile.id, "8"),
            lambda: Rule.request_required(self.profile.id, -3),
            lambda: Rule.decide({"majority_basis": "all_members", "tie_break": "chairman_side"}, 2**70, 5, 3, 0, False),
            lambda: Rule.decide("all_members", 5, 5, 3, 0, False),
        ):
            with self.assertRaises(UserError):
                attack()

    def test_meeting_schedule_check_posts_only_for_its_own_committee(self):
        """The check of the meetings held posts on the committee: staff, and the Office of another committee, are
        refused."""
        ward = self.build_committee(5, level="commune")
        messages = len(self.committee.message_ids)
        with self.assertRaises(AccessError):
            self.committee.with_user(self.staff).action_check_meeting_schedule()
        with self.assertRaises(AccessError):
            self.committee.with_user(ward.chief_of_office_id).action_check_meeting_schedule()
        self.assertEqual(len(self.committee.message_ids), messages)
        self.committee.with_user(self.deputy_office).action_check_meeting_schedule()

    def test_document_cannot_be_passed_off_as_a_conclusion_notice(self):
        """The conclusion notice is drafted from its meeting; a client cannot link another document to a meeting
        (which would mark the notice issued)."""
        meeting = self.new_meeting("working", chair_id=self.chairman.id)
        document = self.env["ubnd.document"].sudo().create({
            "name": "Công văn khác", "committee_id": self.committee.id,
            "document_type_id": self.doctype_letter.id, "drafting_unit_id": self.office.id})
        with self.assertRaises(AccessError):
            document.with_user(self.deputy_office).write({"meeting_id": meeting.id})
        self.assertFalse(document.meeting_id)
