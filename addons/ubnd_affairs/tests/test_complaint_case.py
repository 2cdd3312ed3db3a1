from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndAffairsCase


@tagged("post_install", "-at_install")
class TestComplaintCase(UbndAffairsCase):
    """000 Đ45–48, 001 Đ35–36: the complaints and denunciations the Chairman settles."""

    def new_case(self, user=None, **vals):
        vals.setdefault("name", "Khiếu nại quyết định thu hồi đất")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("leader_id", self.vc_urban.id)
        vals.setdefault("officer_id", self.inspector.id)
        vals.setdefault("field_id", self.field_construction.id)
        vals.setdefault("date_received", "2026-06-01")
        return self.Case.with_user(user or self.deputy_office).create(vals)

    def accept(self, case, day="2026-06-01"):
        with freeze_time(day + " 03:00:00"):
            case.with_user(self.deputy_office).action_accept()
        return case

    def tuq(self, **vals):
        """The Chairman's written authorisation of the Chief of Office (000 Đ48.4), recorded in the grant register."""
        vals.setdefault("date_end", date(2026, 12, 31))
        return self.grant(kind="tuq", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                          grantee_title="CHÁNH VĂN PHÒNG", authorising_document="15/GUQ-UBND", **vals)

    def decision(self, **vals):
        vals.setdefault("name", "Quyết định giải quyết khiếu nại")
        return self.env["ubnd.document"].create(dict({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id, "authority": "chairman",
            "field_id": self.field_construction.id,
        }, **vals))

    def test_legal_deadlines_with_real_dates(self):
        """Item 3 of issue #11: the settlement periods of the laws, as profile fields citing them (the working
        regulation 000 Đ46.3 refers to the laws and quotes none): accepted Monday 01/06/2026 — first complaint 30
        days → 01/07, complex 45 → 16/07, remote 45 → 16/07, remote and complex 60 → 31/07 (Luật Khiếu nại 2011
        Đ28); second complaint 45 → 16/07, complex 60 → 31/07, remote complex 70 → 10/08 (Đ37); acceptance within
        10 days → 11/06 (Đ27). A denunciation: accepted within 07 working days → 10/06, settled in 30 days → 01/07,
        each extension 30 more → 31/07 (Luật Tố cáo 2018 Đ24, Đ30)."""
        expected = [
            ({"kind": "complaint_first"}, date(2026, 6, 11), date(2026, 7, 1)),
            ({"kind": "complaint_first", "complex_case": True}, date(2026, 6, 11), date(2026, 7, 16)),
            ({"kind": "complaint_first", "remote_area": True}, date(2026, 6, 11), date(2026, 7, 16)),
            ({"kind": "complaint_first", "remote_area": True, "complex_case": True}, date(2026, 6, 11), date(2026, 7, 31)),
            ({"kind": "complaint_second"}, date(2026, 6, 11), date(2026, 7, 16)),
            ({"kind": "complaint_second", "complex_case": True}, date(2026, 6, 11), date(2026, 7, 31)),
            ({"kind": "complaint_second", "remote_area": True, "complex_case": True}, date(2026, 6, 11), date(2026, 8, 10)),
            ({"kind": "denunciation"}, date(2026, 6, 10), date(2026, 7, 1)),
            ({"kind": "denunciation", "complex_case": True, "extension_count": 1}, date(2026, 6, 10), date(2026, 7, 31)),
        ]
        for vals, accept_by, settle_by in expected:
            case = self.accept(self.new_case(**vals))
            self.assertEqual((case.accept_deadline, case.date_accepted, case.deadline),
                             (accept_by, date(2026, 6, 1), settle_by), vals)
        with self.assertRaises(ValidationError):
            self.new_case(kind="denunciation", extension_count=1)  # not complex
        with self.assertRaises(ValidationError):
            self.new_case(kind="denunciation", complex_case=True, extension_count=3)

    def test_leader_in_charge_is_the_chairman_or_a_vice_chairman(self):
        """Item 3 of issue #11 (000 Đ45.1, 001 Đ35.3): the Chairman settles, or assigns a Vice-Chairman."""
        with self.assertRaises(ValidationError):
            self.new_case(leader_id=self.member_finance.id)
        self.assertEqual(self.new_case(leader_id=self.chairman.id).leader_id, self.chairman)

    def test_chief_of_office_answers_only_under_the_chairmans_authorisation(self):
        """R-000-48.4: the Chief of Office answers complainants only when the Chairman authorised him (a TUQ.
        grant in force in the grant register, covering the case's field and letters); his TL. signing grant, a
        grant out of its dates or revoked, or another field give him nothing. The answer keeps the grant."""
        case = self.accept(self.new_case())
        case.with_user(self.chief_office).write({"reply_draft": "Đơn của ông đang được xác minh."})
        with freeze_time("2026-06-10 03:00:00"):
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).action_reply()  # no authorisation
            self.grant(kind="tl", grantor_id=self.chairman.id, grantee_id=self.chief_office.id,
                       grantee_title="CHÁNH VĂN PHÒNG", document_type_ids=[(6, 0, self.doctype_letter.ids)],
                       **self.TL_PROVISION)
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).action_reply()  # TL. is not an authorisation
            other_field = self.tuq(field_ids=[(6, 0, self.field_finance.ids)])
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).action_reply()
            other_field.action_revoke()
            expired = self.tuq(date_start=date(2026, 1, 1), date_end=date(2026, 5, 31))
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).action_reply()
            expired.action_revoke()
            grant = self.tuq(field_ids=[(6, 0, self.field_construction.ids)])
            case.with_user(self.chief_office).action_reply()
        reply = case.reply_ids
        self.assertEqual((reply.user_id, reply.delegation_id, reply.capacity, reply.date),
                         (self.chief_office, grant, "TUQ. CHỦ TỊCH", date(2026, 6, 10)))
        self.assertFalse(case.reply_draft)
        # Revoked, it answers no more.
        grant.action_revoke()
        case.with_user(self.chief_office).write({"reply_draft": "Thông báo lần hai"})
        with freeze_time("2026-06-11 03:00:00"), self.assertRaises(AccessError):
            case.with_user(self.chief_office).action_reply()
        # The leader in charge answers in his own name.
        case.with_user(self.vc_urban).action_reply()
        self.assertEqual(case.reply_ids[0].capacity, "KT. CHỦ TỊCH")

    def signed(self, document, signer, capacity, grant=None):
        """The document as the signing flow of ubnd_quyche leaves it: signed, dated, with its capacity."""
        document.sudo().write({"state": "signed", "signer_id": signer.id, "date": "2026-06-19",
                               "signing_capacity": capacity, "delegation_id": grant.id if grant else False})
        return document

    def test_authorised_chief_of_office_never_issues_the_decision(self):
        """R-000-48.4: the authorisation to answer never includes issuing the complaint or denunciation decision
        in the Chairman's place: a decision the Chief of Office signed TUQ. under the Chairman's grant is refused
        (so is a TL. one, an unsigned draft, or one a Vice-Chairman signed outside his field); the decision the
        Vice-Chairman in charge signed KT. (construction, his field) settles the case, whoever records it."""
        case = self.accept(self.new_case())
        grant = self.tuq()
        by_tuq = self.signed(self.decision(name="QĐ ký thừa ủy quyền"), self.chief_office, "TUQ. CHỦ TỊCH", grant)
        by_tl = self.signed(self.decision(name="QĐ ký thừa lệnh"), self.chief_office, "TL. CHỦ TỊCH")
        outside = self.signed(self.decision(name="QĐ ngoài lĩnh vực"), self.vc_economy, "KT. CHỦ TỊCH")
        draft = self.decision(name="Dự thảo")
        with freeze_time("2026-06-20 03:00:00"):
            for document, error in ((by_tuq, AccessError), (by_tl, AccessError), (outside, AccessError), (draft, UserError)):
                for user in (self.chief_office, self.chairman):
                    case.with_user(user).write({"decision_document_draft_id": document.id})
                    with self.assertRaises(error, msg=document.name):
                        case.with_user(user).action_issue_decision()
            self.assertEqual(case.state, "accepted")
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).write({"state": "settled", "decision_document_id": by_tuq.id})
            decision = self.signed(self.decision(), self.vc_urban, "KT. CHỦ TỊCH")
            case.with_user(self.inspector).write({"decision_document_draft_id": decision.id})
            case.with_user(self.chief_office).action_issue_decision()
        self.assertEqual((case.state, case.decision_document_id, case.decided_by_id, case.decision_date),
                         ("settled", decision, self.vc_urban, date(2026, 6, 19)))
        with self.assertRaises(UserError):
            case.with_user(self.deputy_office).write({"name": "Sửa"})

    def test_denunciator_identity_protected(self):
        """Item 3 of issue #11 (Luật Tố cáo 2018 Đ47–48): a denunciator's identity is seen only by the leader in
        charge and the case officer — not the Office that registered it, nor another leader; on no channel
        (the case's fields, the party model, the chatter). A complainant's name follows the case."""
        case = self.new_case(kind="denunciation", leader_id=self.chairman.id, party_name="Trần Thị Hoa",
                             party_contact="0912 345 678")
        case.invalidate_recordset()  # what the Office typed when registering is not kept in this transaction's cache
        for user in (self.deputy_office, self.vc_economy, self.chief_office):
            seen = case.with_user(user)
            self.assertNotEqual(seen.party_name, "Trần Thị Hoa")
            self.assertFalse(seen.party_contact)
            self.assertFalse(self.env["ubnd.complaint.party"].with_user(user).search([]))
            with self.assertRaises(AccessError):
                seen.write({"party_name": "Người khác"})
        for user in (self.chairman, self.inspector):
            self.assertEqual(case.with_user(user).party_name, "Trần Thị Hoa")
            self.assertEqual(case.with_user(user).party_contact, "0912 345 678")
        self.assertFalse(case.message_ids.filtered(lambda m: "Trần Thị Hoa" in (m.body or "")))
        self.assertFalse(self.env["mail.tracking.value"].sudo().search([
            ("mail_message_id", "in", case.message_ids.ids), ("new_value_char", "ilike", "Hoa")]))
        complaint = self.new_case(party_name="Nguyễn Văn Thành")
        self.assertEqual(complaint.with_user(self.deputy_office).party_name, "Nguyễn Văn Thành")

    def test_publication_backlog_review_and_overdue(self):
        """Item 3 of issue #11 (000 Đ45.1, Đ47.3; 001 Đ35.1): progress and result are published, saying where;
        a case past its deadline is marked overdue and listed first in a backlog review."""
        case = self.accept(self.new_case())  # settle by 01/07/2026
        with self.assertRaises(UserError):
            case.with_user(self.deputy_office).action_publish_progress()
        case.with_user(self.deputy_office).write({"publication_note": "Cổng thông tin điện tử"})
        with freeze_time("2026-06-15 03:00:00"):
            case.with_user(self.deputy_office).action_publish_progress()
            with self.assertRaises(UserError):
                case.with_user(self.deputy_office).action_publish_result()
        self.assertEqual(case.progress_published_date, date(2026, 6, 15))
        with self.assertRaises(AccessError):
            case.with_user(self.inspector).action_publish_progress()
        with freeze_time("2026-07-01 03:00:00"):
            self.assertEqual(self.Case._cron_mark_overdue(), 0)
        with freeze_time("2026-07-02 03:00:00"):
            self.assertEqual(self.Case._cron_mark_overdue(), 1)
        self.assertTrue(case.is_overdue)
        Review = self.env["ubnd.complaint.review"].with_user(self.deputy_office)
        defaults = Review.default_get(["case_ids"])
        self.assertIn(case.id, defaults["case_ids"][0][2])
        review = Review.create({"name": "Họp đơn thư tồn đọng", "committee_id": self.committee.id,
                                "case_ids": defaults["case_ids"]})
        self.assertEqual(review.overdue_count, 1)

    def test_attack_workflow_and_replies(self):
        """R-000-48.4 (trust): a client never writes the state, the deadline, the decision or an answer record
        itself; the case officer of another case sees nothing."""
        with self.assertRaises(AccessError):
            self.new_case(deadline="2030-01-01")
        with self.assertRaises(AccessError):
            self.new_case(state="settled")
        case = self.accept(self.new_case())
        for vals in ({"state": "settled"}, {"deadline": "2030-01-01"}, {"is_overdue": False},
                     {"decision_document_id": self.decision().id}, {"result_published_date": "2026-06-02"}):
            with self.assertRaises(AccessError):
                case.with_user(self.chief_office).with_context(ubnd_workflow=True).write(vals)
        with self.assertRaises(AccessError):
            self.env["ubnd.complaint.reply"].with_user(self.chief_office).with_context(ubnd_workflow=True).create({
                "case_id": case.id, "date": "2026-06-02", "user_id": self.chief_office.id, "text": "Giả mạo"})
        other = self.new_case(officer_id=self.staff.id)
        self.assertFalse(self.Case.with_user(self.inspector).search([("id", "=", other.id)]))
        with self.assertRaises(AccessError):
            case.with_user(self.staff).action_accept()
