from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SESSION_DAY, UbndMeetingsCase, on


@tagged("post_install", "-at_install")
class TestAgendaAndAttendance(UbndMeetingsCase):
    def test_agenda_decided_by_the_chairman_only(self):
        """R-000-27.1, R-000-27.2b, R-001-23.3b: the Office submits; only the Chairman approves the content, agenda,
        time and guests, and the members are notified; once approved, only he changes the agenda."""
        meeting = self.new_meeting()
        self.add_item(meeting)
        meeting.with_user(self.deputy_office).action_submit_agenda()
        for user in (self.vc_economy, self.deputy_office, self.member_finance):
            with self.assertRaises(AccessError):
                meeting.with_user(user).action_approve_agenda()
        meeting.with_user(self.chairman).action_approve_agenda()
        self.assertEqual(meeting.state, "agenda_approved")
        notice = meeting.message_ids[:1]
        self.assertIn(self.member_finance.partner_id, notice.partner_ids)
        with self.assertRaises(AccessError):
            self.add_item(meeting, user=self.deputy_office)
        self.add_item(meeting, user=self.chairman, requested_by="route")
        self.assertEqual(len(meeting.item_ids), 2)
        with self.assertRaises(AccessError):
            meeting.attendee_ids.filtered(lambda a: a.role == "guest")[:1].with_user(self.deputy_office).unlink()

    def test_standing_delegates_invited_to_every_session(self):
        """R-000-28.3a, R-001-24.5: the Party and Council standing committees (and in the city the National
        Assembly delegation) are invited to every session; the invitations cannot go without them."""
        meeting = self.new_meeting()
        self.assertEqual(set(meeting.attendee_ids.guest_category_id.mapped("code")),
                         {"party_standing", "council_standing", "na_delegation"})
        ward = self.build_committee(5, level="commune")
        ward_meeting = self.new_meeting(committee=ward, user=ward.chief_of_office_id)
        self.assertEqual(set(ward_meeting.attendee_ids.guest_category_id.mapped("code")),
                         {"party_standing", "council_standing"})
        self.add_item(meeting)
        meeting.with_user(self.chairman).action_approve_agenda()
        meeting.attendee_ids.filtered(lambda a: a.guest_category_id == self.cat_na).with_user(self.chairman).unlink()
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()

    def test_related_delegates_only_with_related_items(self):
        """R-000-28.3b, R-001-24.5: the Fatherland Front and other 'related' delegates are invited only for a
        related item of the agenda."""
        meeting = self.new_meeting()
        item = self.add_item(meeting)
        partner = self.env["res.partner"].create({"name": "Chủ tịch UBMTTQ"})
        Attendee = self.env["ubnd.meeting.attendee"].with_user(self.deputy_office)
        with self.assertRaises(ValidationError):
            Attendee.create({"meeting_id": meeting.id, "role": "guest", "partner_id": partner.id,
                             "guest_category_id": self.cat_front.id})
        guest = Attendee.create({"meeting_id": meeting.id, "role": "guest", "partner_id": partner.id,
                                 "guest_category_id": self.cat_front.id, "related_item_ids": [(6, 0, item.ids)]})
        self.assertFalse(guest.can_vote)

    def test_members_attend_absence_approved_by_the_chairman(self):
        """R-000-28.1, R-001-6.6, R-003-p11: every member is invited and must attend; an absence is reported with
        its reason and approved by the Chairman, not by another leader."""
        meeting = self.ready_session(present=0)
        self.assertEqual(meeting.attendee_ids.filtered(lambda a: a.role == "member").member_id,
                         self.committee.member_ids)
        line = self.member_attendee(meeting, self.member_finance)
        with self.assertRaises(UserError):
            line.with_user(self.member_finance).action_request_absence()
        line.with_user(self.member_finance).write({"absence_reason": "Đi công tác Hà Nội"})
        with self.assertRaises(AccessError):
            line.with_user(self.vc_economy).write({"absence_reason": "x"})
        line.with_user(self.member_finance).action_request_absence()
        self.assertEqual(line.absence_state, "requested")
        for user in (self.vc_economy, self.deputy_office, self.member_finance):
            with self.assertRaises(AccessError):
                line.with_user(user).action_approve_absence()
        line.with_user(self.chairman).action_approve_absence()
        self.assertEqual((line.absence_state, line.attendance), ("approved", "absent"))

    def test_city_substitute_only_for_heads_of_agencies(self):
        """R-000-28.1-2, R-000-28.1-3: at a city session only a member heading the military, the police or a
        specialised agency may, for force majeure and with the Chairman's consent, send someone; the substitute
        is registered as a session-proxy grant and speaks but does not vote."""
        meeting = self.ready_session(present=4)
        line = self.member_attendee(meeting, self.chief_office)
        line.with_user(self.chief_office).write({"absence_reason": "Ốm", "substitute_user_id": self.deputy_office.id})
        line.with_user(self.chief_office).action_request_absence()
        with self.assertRaises(UserError):
            line.with_user(self.chairman).action_approve_absence()
        self.member_of(self.chief_office).heads_agency = True
        with self.assertRaises(UserError):
            line.with_user(self.chairman).action_approve_absence()
        line.sudo().force_majeure = True
        line.with_user(self.chairman).action_approve_absence()
        substitute = meeting.attendee_ids.filtered(lambda a: a.role == "substitute")
        self.assertEqual(substitute.user_id, self.deputy_office)
        self.assertEqual(substitute.substitute_for_id, line)
        grant = substitute.delegation_id
        self.assertEqual((grant.kind, grant.state, grant.grantor_id, grant.grantee_id),
                         ("session_proxy", "active", self.chief_office, self.deputy_office))
        self.assertEqual((grant.date_start, grant.date_end), (SESSION_DAY, SESSION_DAY))
        substitute.with_user(self.deputy_office).action_mark_present()
        self.open_session(meeting)
        meeting.item_ids.with_user(self.chairman).action_open_vote()
        with self.assertRaises(AccessError):
            meeting.item_ids.vote_ids.with_user(self.deputy_office)._cast("approve")
        self.assertEqual(meeting.present_member_count, 4, "a substitute does not count for the quorum")

    def test_ward_substitute_any_member_with_the_chairs_consent(self):
        """R-001-24.3: in the ward any member (not only a head of agency) absent with the session chair's consent
        may send his own deputy — the deputy recorded for him in the committee's members — and no one else: not
        a colleague of the ward who is not his deputy; the deputy attends as a substitute, without a vote."""
        ward = self.build_committee(6, level="commune")
        office = ward.chief_of_office_id
        meeting = self.ready_session(committee=ward, office=office, present=5)
        ordinary = ward.member_ids.filtered(lambda m: m.role == "member" and m.user_id != office)[:1]
        self.assertFalse(ordinary.heads_agency)

        def ward_user(login):
            return new_test_user(self.env, login=login, groups="ubnd_quyche.group_ubnd_staff",
                                 company_id=ward.company_id.id, company_ids=[Command.set(ward.company_id.ids)])
        deputy, colleague = ward_user("t_ward_deputy"), ward_user("t_ward_colleague")
        ordinary.deputy_user_ids = deputy
        with self.assertRaises(ValidationError):
            ordinary.deputy_user_ids = self.staff  # of another committee
        line = self.member_attendee(meeting, ordinary.user_id)
        line.with_user(ordinary.user_id).write({"absence_reason": "Họp tại tỉnh", "substitute_user_id": colleague.id})
        line.with_user(ordinary.user_id).action_request_absence()
        with self.assertRaises(UserError):
            line.with_user(meeting.chair_id).action_approve_absence()
        self.assertFalse(meeting.attendee_ids.filtered(lambda a: a.user_id == colleague))
        line.with_user(meeting.chair_id).action_refuse_absence()
        line.with_user(ordinary.user_id).write({"substitute_user_id": deputy.id})
        line.with_user(ordinary.user_id).action_request_absence()
        line.with_user(meeting.chair_id).action_approve_absence()
        substitute = meeting.attendee_ids.filtered(lambda a: a.role == "substitute" and a.user_id == deputy)
        self.assertTrue(substitute)
        self.assertFalse(substitute.can_vote)

    def test_proxy_votes_only_where_allowed_and_within_a_grant(self):
        """R-000-28.1-3, R-000-28.1-2: with the preset the substitute never votes; where a profile allows a proxy
        vote it counts for the member it replaces, only under a session-proxy grant in force."""
        self.profile.proxy_may_vote = True
        meeting = self.ready_session(present=4)
        line = self.member_attendee(meeting, self.chief_office)
        self.member_of(self.chief_office).heads_agency = True
        line.with_user(self.chief_office).write({"absence_reason": "Ốm", "force_majeure": True,
                                                 "substitute_user_id": self.deputy_office.id})
        line.with_user(self.chief_office).action_request_absence()
        line.with_user(self.chairman).action_approve_absence()
        substitute = meeting.attendee_ids.filtered(lambda a: a.role == "substitute")
        substitute.with_user(self.deputy_office).action_mark_present()
        self.open_session(meeting)
        meeting.item_ids.with_user(self.chairman).action_open_vote()
        vote = meeting.item_ids.vote_ids
        substitute.delegation_id.sudo().action_revoke()
        with self.assertRaises(AccessError):
            vote.with_user(self.deputy_office)._cast("approve")
        grant = line._session_proxy_grant()
        substitute.sudo().delegation_id = grant
        vote.with_user(self.deputy_office)._cast("approve")
        self.assertEqual(vote.line_ids.member_id, self.member_of(self.chief_office))
        self.assertEqual(vote.line_ids.voter_id, self.deputy_office)
        self.assertEqual(vote.line_ids.delegation_id, grant)

    def test_working_meeting_absence_needs_a_competent_substitute(self):
        """R-000-32.4a, R-000-37.1: whoever cannot attend a working meeting names a competent substitute and gets
        the chair's consent; the substitute reports back."""
        meeting = self.new_meeting("working", chair_id=self.vc_urban.id, user=self.vc_urban)
        guest = self.env["ubnd.meeting.attendee"].with_user(self.deputy_office).create({
            "meeting_id": meeting.id, "role": "guest", "user_id": self.unit_head.id})
        guest.with_user(self.unit_head).write({"absence_reason": "Trùng lịch tiếp dân"})
        with self.assertRaises(UserError):
            guest.with_user(self.unit_head).action_request_absence()
        guest.with_user(self.unit_head).write({"substitute_user_id": self.staff.id})
        guest.with_user(self.unit_head).action_request_absence()
        with self.assertRaises(AccessError):
            guest.with_user(self.chairman).action_approve_absence()
        guest.with_user(self.vc_urban).action_approve_absence()
        substitute = meeting.attendee_ids.filtered(lambda a: a.role == "substitute")
        self.assertEqual(substitute.user_id, self.staff)
        self.assertFalse(substitute.delegation_id, "outside sessions no session-proxy grant is needed")
        substitute.with_user(self.staff).write({"report_back_note": "Đã tiếp thu kết luận của Phó Chủ tịch."})
        substitute.with_user(self.staff).action_report_back()
        self.assertTrue(substitute.report_back_done)

    def test_opening_report(self):
        """R-001-25.1: at the opening (000 Đ29.1 alike) the Chief of Office reports members present and absent,
        substitutes, delegates and the agenda."""
        ward = self.build_committee(6, level="commune")
        office = ward.chief_of_office_id
        meeting = self.ready_session(committee=ward, office=office, present=5)
        guest = meeting.attendee_ids.filtered(lambda a: a.role == "guest")[:1]
        guest.with_user(office).action_mark_present()
        self.open_session(meeting, office)
        report = meeting.opening_report
        self.assertEqual(meeting.opening_reporter_id, office)
        self.assertIn("5/6", report)
        absent = meeting.attendee_ids.filtered(lambda a: a.role == "member" and a.attendance != "present")
        self.assertIn(absent.partner_id.name, report)
        self.assertIn(guest.partner_id.name, report)
        self.assertIn(meeting.item_ids.name, report)


@tagged("post_install", "-at_install")
class TestVotesAtSession(UbndMeetingsCase):
    def test_open_vote_decides_and_records_on_the_submission(self):
        """R-000-3.3, R-000-29.3b, R-000-29.4a: members state their opinion, vote approve / not approve; 3 of 5
        in favour passes and the decision goes back on the submission with the tally and the rule."""
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids
        member = self.member_attendee(meeting, self.member_finance)
        Opinion = self.env["ubnd.meeting.opinion"].with_user(self.deputy_office)
        with self.assertRaises(ValidationError):
            Opinion.create({"item_id": item.id, "attendee_id": member.id, "stance": "comment", "content": "Ý kiến"})
        Opinion.create({"item_id": item.id, "attendee_id": member.id, "stance": "reject",
                        "content": "Chưa rõ nguồn vốn."})
        guest = meeting.attendee_ids.filtered(lambda a: a.role == "guest")[:1]
        with self.assertRaises(ValidationError):
            Opinion.create({"item_id": item.id, "attendee_id": guest.id, "stance": "approve", "content": "Đồng ý"})
        item.with_user(self.chairman).action_open_vote()
        vote = item.vote_ids
        for user in (self.chairman, self.vc_economy, self.vc_urban):
            vote.with_user(user)._cast("approve")
        vote.with_user(self.member_finance)._cast("reject")
        vote.with_user(self.chairman).action_close_vote()
        self.assertEqual(vote.result, "passed")
        self.assertEqual((vote.approve_count, vote.reject_count, vote.not_voted_count), (3, 1, 1))
        self.assertIn("more than half of all 5 members", vote.result_explanation)
        sub = item.submission_id
        self.assertEqual((sub.state, sub.collective_outcome), ("approved", "passed"))
        self.assertIn(meeting.name, sub.collective_note)
        self.assertEqual(item.outcome, "passed")
        with self.assertRaises(UserError):
            vote.with_user(self.chief_office)._cast("approve")

    def test_one_vote_form_per_matter(self):
        """R-000-29.4b, R-001-25.5b: one vote per matter, in the form chosen when it opens."""
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids
        item.with_user(self.chairman).action_open_vote()
        with self.assertRaises(UserError):
            item.with_user(self.chairman).action_open_vote()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["ubnd.vote"].sudo().create({"item_id": item.id, "mode": "secret"})
            self.env.flush_all()

    def test_secret_vote_reveals_no_choice(self):
        """R-000-29.4b, R-001-25.5b: in a secret ballot the lines record only who took part; the counts are
        unreadable until the close; the result is the same rule."""
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids
        item.sudo().vote_mode = "secret"
        item.with_user(self.chairman).action_open_vote()
        vote = item.vote_ids
        vote.with_user(self.vc_economy)._cast("reject")
        for user in (self.chairman, self.vc_urban, self.member_finance):
            vote.with_user(user)._cast("approve")
        self.assertFalse(any(vote.sudo().line_ids.mapped("choice")))
        with self.assertRaises(AccessError):
            vote.with_user(self.chief_office).read(["secret_approve_count"])
        with self.assertRaises(AccessError):
            vote.with_user(self.deputy_office).read(["secret_chairman_choice"])
        self.assertFalse(vote.with_user(self.vc_economy).my_choice, "not even the voter reads it back")
        self.assertTrue(vote.with_user(self.vc_economy).my_has_voted)
        vote.with_user(self.chairman).action_close_vote()
        self.assertEqual((vote.approve_count, vote.reject_count, vote.result), (3, 1, "passed"))
        messages = " ".join((vote.message_ids | item.message_ids).mapped("body"))
        self.assertNotIn(self.vc_economy.name, messages)

    def test_not_adopted_needs_more_preparation(self):
        """R-000-29.3d, R-001-25.3e: the chair proposes not adopting an unclear matter: no vote, the dossier goes
        back to the lead unit for further work."""
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids
        with self.assertRaises(AccessError):
            item.with_user(self.member_finance).action_not_adopt()
        item.with_user(self.chairman).write({"conclusion": "Chưa rõ phương án tài chính."})
        item.with_user(self.chairman).action_not_adopt()
        sub = item.submission_id
        self.assertEqual((item.state, sub.state, sub.collective_outcome), ("not_adopted", "returned", "not_passed"))
        self.assertIn("Chưa rõ phương án tài chính", sub.return_reason)

    def test_chairman_postpones_an_item_not_ready(self):
        """R-001-23.3b-2: a dossier not ready is postponed by the Chairman and stays with the committee for a later
        session."""
        meeting = self.new_meeting()
        item = self.add_item(meeting)
        with self.assertRaises(AccessError):
            item.with_user(self.deputy_office).action_postpone()
        item.with_user(self.chairman).action_postpone()
        self.assertEqual(item.state, "postponed")
        self.assertEqual(item.submission_id.state, "collective")
        later = self.new_meeting("thematic", day=date(2026, 6, 24))
        self.add_item(later, submission=item.submission_id)
        self.assertFalse(meeting.step_ids.filtered(lambda s: s.item_id == item))

    def test_chair_and_one_vice_chairman_for_some_items(self):
        """R-000-26.5, R-001-24.1: the Chairman chairs; he may assign exactly one Vice-Chairman to chair some items;
        another leader chairs only in his absence: the Vice-Chairman in charge of the field or the one he
        authorised."""
        with self.assertRaises(ValidationError):
            self.new_meeting(deputy_chair_id=self.member_finance.id)
        meeting = self.new_meeting(deputy_chair_id=self.vc_urban.id)
        item = self.add_item(meeting)
        item.with_user(self.deputy_office).chaired_by_id = self.vc_urban
        with self.assertRaises(ValidationError):
            item.with_user(self.deputy_office).chaired_by_id = self.vc_economy
        meeting.with_user(self.deputy_office).chair_id = self.vc_economy
        meeting.with_user(self.chairman).action_approve_agenda()
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()
        chairman_line = self.member_attendee(meeting, self.chairman)
        chairman_line.with_user(self.chairman).write({"absence_reason": "Công tác"})
        chairman_line.with_user(self.chairman).action_request_absence()
        chairman_line.with_user(self.chairman).action_approve_absence()
        meeting.with_user(self.chairman).chair_id = self.vc_urban  # chairs some items, not authorised for the session
        meeting.with_user(self.chairman).deputy_chair_id = False
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()
        meeting.with_user(self.chairman).chair_id = self.vc_economy  # the standing deputy
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.assertEqual(meeting.state, "invited")

    def test_ward_field_vice_chairman_chairs_when_the_chairman_is_absent(self):
        """R-001-24.1: in the Chairman's absence the Vice-Chairman in charge of the matter's field chairs."""
        ward = self.build_committee(6, level="commune")
        office = ward.chief_of_office_id
        vc_field = ward.member_ids.filtered(lambda m: m.role == "vice_chairman" and self.field_construction in m.field_ids)
        meeting = self.new_meeting(committee=ward, user=office, chair_id=vc_field.user_id.id)
        sub = self.collective_submission(ward, field_id=self.field_construction.id)
        self.add_item(meeting, submission=sub, user=office)
        line = self.member_attendee(meeting, ward.chairman_id)
        line.with_user(ward.chairman_id).write({"absence_reason": "Họp tỉnh"})
        line.with_user(ward.chairman_id).action_request_absence()
        line.with_user(ward.chairman_id).action_approve_absence()
        meeting.with_user(ward.chairman_id).action_approve_agenda()
        meeting.with_user(office).action_send_invitations()
        self.assertEqual(meeting.state, "invited")

    def test_matter_sent_to_a_ballot_comes_to_a_session_on_request(self):
        """R-000-4.1g: a matter the Chairman sent to a written ballot is discussed at a session when he or at least
        one third of all members request it."""
        meeting = self.new_meeting()
        sub = self.collective_submission(route="ballot")
        with self.assertRaises(ValidationError):
            self.add_item(meeting, submission=sub)
        with self.assertRaises(ValidationError):
            self.add_item(meeting, submission=sub, requested_by="members",
                          requesting_member_ids=[(6, 0, self.member_of(self.member_finance).ids)])
        with self.assertRaises(AccessError):
            self.add_item(meeting, submission=sub, requested_by="chairman")
        item = self.add_item(meeting, submission=sub, requested_by="members", requesting_member_ids=[
            (6, 0, (self.member_of(self.member_finance) | self.member_of(self.vc_urban)).ids)])
        self.assertTrue(item)
        other = self.collective_submission(route="ballot", name="Đề án khác")
        self.assertTrue(self.add_item(meeting, submission=other, requested_by="chairman", user=self.chairman))

    def test_chairman_reports_his_decisions_at_the_nearest_session(self):
        """R-000-6.2: what the Chairman decided on the committee's behalf (categories a–đ) is reported at the nearest
        session, compiled by the Office: a report item, taken note of without a vote."""
        meeting = self.ready_session()
        item = self.env["ubnd.meeting.item"].with_user(self.chairman).create({
            "meeting_id": meeting.id, "item_type": "report", "report_category": "c",
            "name": "Góp ý dự thảo Nghị định về quản lý đô thị", "presenter_id": self.chief_office.id})
        self.open_session(meeting)
        item.with_user(self.chief_office).action_note()
        self.assertEqual((item.state, item.outcome), ("noted", "noted"))
        with self.assertRaises(UserError):
            item.with_user(self.chairman).action_open_vote()

    def test_briefing_chaired_by_the_chairman_or_one_assigned_vice_chairman(self):
        """R-000-33.1, R-001-26.1: the Chairman's briefing with the Vice-Chairmen; in his absence exactly one
        Vice-Chairman he assigned chairs."""
        meeting = self.new_meeting("briefing", name="Giao ban tuần 25")
        self.assertEqual(meeting.attendee_ids.filtered(lambda a: a.role == "member").user_id,
                         self.chairman | self.vc_economy | self.vc_urban)
        line = self.member_attendee(meeting, self.chairman)
        line.with_user(self.chairman).write({"absence_reason": "Đi công tác"})
        line.with_user(self.chairman).action_request_absence()
        line.with_user(self.chairman).action_approve_absence()
        meeting.with_user(self.chairman).write({"chair_id": self.vc_urban.id, "deputy_chair_id": self.vc_economy.id})
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()
        meeting.with_user(self.chairman).write({"deputy_chair_id": self.vc_urban.id})
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.assertEqual(meeting.state, "invited")

    def test_member_chairs_a_meeting_only_by_the_chairmans_authorisation(self):
        """R-000-36.1: the Chairman may authorise one member to chair a meeting on work submitted to him."""
        meeting = self.new_meeting("working", chair_id=self.member_finance.id)
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()
        with self.assertRaises(AccessError):
            meeting.with_user(self.vc_economy).action_authorise_chair()
        meeting.with_user(self.chairman).action_authorise_chair()
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.assertTrue(meeting.chair_authorised)

    def test_state_secret_meeting(self):
        """R-000-37.3: a meeting with state-secret content is held in person and needs its content, attendees,
        venue and protection plan before the invitations; staff who do not attend do not see it."""
        with self.assertRaises(ValidationError):
            self.new_meeting("working", chair_id=self.vc_economy.id, confidentiality="mat", meeting_form="online")
        meeting = self.new_meeting("working", chair_id=self.vc_economy.id, confidentiality="mat")
        with self.assertRaises(UserError):
            meeting.with_user(self.deputy_office).action_send_invitations()
        meeting.with_user(self.deputy_office).protection_plan = "Kiểm tra thiết bị; không mang điện thoại."
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.assertFalse(self.Meeting.with_user(self.staff).search([("id", "=", meeting.id)]))
        self.assertTrue(self.Meeting.with_user(self.member_finance).search([("id", "=", meeting.id)]))

    def test_media_reporting_only_when_directed(self):
        """R-000-37.4: discussions are not reported to the media unless the Chairman or the chair directs it; the
        invitation says so."""
        meeting = self.new_meeting("working", chair_id=self.vc_urban.id)
        with self.assertRaises(AccessError):
            meeting.with_user(self.deputy_office).media_disclosure = True
        meeting.with_user(self.deputy_office).action_send_invitations()
        self.assertIn("000 Đ37.4", meeting.message_ids[:1].body)
        meeting.with_user(self.vc_urban).media_disclosure = True
        self.assertTrue(meeting.media_disclosure)

    def test_workflow_facts_cannot_be_written_by_a_client(self):
        """R-000-28.1, R-000-29.4b, R-000-27.1: whatever a client sends, the state of a meeting, an item's decision, an
        approved absence or a ballot's result are recorded only by the workflow."""
        meeting = self.open_session(self.ready_session())
        item = meeting.item_ids
        line = self.member_attendee(meeting, self.member_finance)
        for record, vals, user in (
            (meeting, {"state": "closed"}, self.chairman),
            (meeting, {"quorum_report": "ok"}, self.deputy_office),
            (item, {"outcome": "passed", "state": "decided"}, self.chairman),
            (line, {"absence_state": "approved"}, self.deputy_office),
        ):
            with self.assertRaises(AccessError):
                record.with_user(user).write(vals)
        self.assertEqual((meeting.state, item.state, line.absence_state), ("open", "planned", "none"))
        sub = self.collective_submission(route="ballot")
        ballot = self.env["ubnd.ballot"].with_user(self.chief_office).create({
            "name": "Phiếu", "committee_id": self.committee.id, "submission_id": sub.id, "question": "<p>?</p>"})
        with self.assertRaises(AccessError):
            ballot.with_user(self.chief_office).write({"outcome": "passed"})
        with self.assertRaises(AccessError):
            ballot.with_user(self.chief_office).write({"state": "closed"})
