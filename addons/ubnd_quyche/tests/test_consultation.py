from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestConsultation(UbndSubmissionCase):
    def new_consultation(self, **vals):
        vals.setdefault("name", "Lấy ý kiến dự thảo quy định giá dịch vụ")
        vals.setdefault("committee_id", self.committee.id)
        vals.setdefault("requesting_unit_id", self.department.id)
        vals.setdefault("content", "<p>Đề nghị góp ý.</p>")
        vals.setdefault("line_ids", [(0, 0, {"unit_id": self.office.id}), (0, 0, {"unit_id": self.commune.id})])
        return self.env["ubnd.consultation"].create(vals)

    def test_reply_window_three_to_seven_working_days(self):
        """R-000-12.3a: the reply deadline lies between 3 and 7 working days after sending, across Tết, unless the
        work is urgent, important or complex."""
        too_short = self.new_consultation(deadline=date(2026, 2, 23))  # sent 13/2: 1 working day
        with self.assertRaises(ValidationError), on(date(2026, 2, 13)):
            too_short.action_send()
        self.assertEqual(too_short.state, "draft")
        ok = self.new_consultation()
        with on(date(2026, 2, 13)):
            ok.action_send()
        self.assertEqual(ok.deadline, date(2026, 3, 3))  # the 7th working day after Tết
        urgent = self.new_consultation(deadline=date(2026, 2, 23), exception_reason="Khẩn: thiên tai")
        with on(date(2026, 2, 13)):
            urgent.action_send()
        self.assertEqual(urgent.state, "sent")

    def test_silence_and_late_reply_are_agreement(self):
        """R-000-12.3b: at the city a unit that replies late or not at all is deemed to agree; non-responders are
        reported to the Chairman; a reply is in writing."""
        consultation = self.new_consultation()
        with on(date(2026, 3, 2)):
            consultation.action_send()
        office_line, commune_line = consultation.line_ids
        with self.assertRaises(UserError), on(date(2026, 3, 5)):
            office_line.action_reply()
        office_line.write({"reply": "Đề nghị sửa Điều 3.", "opinion": "disagree"})
        with on(date(2026, 3, 5)):
            office_line.action_reply()
        self.assertEqual((office_line.state, office_line.opinion), ("replied", "disagree"))
        with on(date(2026, 3, 12)):
            self.env["ubnd.consultation"]._cron_deem_agreement()
        self.assertEqual(commune_line.state, "deemed_agreed")
        self.assertIn(self.chairman.partner_id, consultation.message_ids[0].partner_ids)
        late = self.new_consultation()
        with on(date(2026, 3, 2)):
            late.action_send()
        late.line_ids[0].write({"reply": "Không đồng ý.", "opinion": "disagree"})
        with on(date(2026, 3, 13)):
            late.line_ids[0].action_reply()
        self.assertEqual((late.line_ids[0].state, late.line_ids[0].opinion), ("deemed_agreed", "agree"))

    def test_ward_requester_sets_the_deadline_and_silence_is_not_agreement(self):
        """R-001-21.2-2: on the ward's regulation the consulted unit answers in writing within the deadline the
        requester set: there is no 3–7 working-day window, a consultation without a deadline is refused, and a
        late or missing reply is not turned into agreement."""
        ward = self.env.ref("ubnd_quyche.profile_preset_trian")
        self.assertFalse(ward.consultation_window or ward.consultation_deemed_agreement)
        self.profile.write({"consultation_window": False, "consultation_deemed_agreement": False})
        no_deadline = self.new_consultation()
        with self.assertRaises(UserError), on(date(2026, 3, 2)):
            no_deadline.action_send()
        self.assertEqual(no_deadline.state, "draft")
        past = self.new_consultation(deadline=date(2026, 3, 2))
        with self.assertRaises(ValidationError), on(date(2026, 3, 2)):
            past.action_send()
        self.assertEqual(past.state, "draft")
        short = self.new_consultation(deadline=date(2026, 3, 3))  # 1 working day, no exception: the city would refuse
        with on(date(2026, 3, 2)):
            short.action_send()
        self.assertEqual((short.state, short.deadline), ("sent", date(2026, 3, 3)))
        office_line, commune_line = short.line_ids
        office_line.write({"reply": "Không đồng ý Điều 2.", "opinion": "disagree"})
        with on(date(2026, 3, 5)):
            office_line.action_reply()
            self.env["ubnd.consultation"]._cron_deem_agreement()
        self.assertEqual((office_line.state, office_line.opinion, office_line.late), ("replied", "disagree", True))
        self.assertEqual(commune_line.state, "waiting", "silence is not agreement at the ward")
        self.assertEqual(short.non_responder_count, 0)

    def test_replies_are_the_consulted_units_own(self):
        """R-000-12.3b: each consulted unit answers for itself, in writing, once; the consultation that was sent and
        its replies stay as they were (a client cannot mark it closed, nor a reply given, nor drop a unit)."""
        consultation = self.new_consultation()
        with on(date(2026, 3, 2)):
            consultation.action_send()
        office_line, commune_line = consultation.line_ids
        before = (consultation.state, consultation.deadline, str(consultation.content), commune_line.state)
        with self.assertRaises(AccessError):
            consultation.with_user(self.staff).write({"state": "closed"})
        with self.assertRaises(UserError):
            consultation.with_user(self.staff).write({"deadline": date(2026, 4, 30)})
        with self.assertRaises(UserError):
            consultation.with_user(self.deputy_office).unlink()
        with self.assertRaises(AccessError):
            commune_line.with_user(self.staff).write({"state": "replied"})
        with self.assertRaises(AccessError):  # the department does not answer for the Office
            office_line.with_user(self.staff).write({"reply": "Đồng ý.", "opinion": "agree"})
        with self.assertRaises(UserError):
            commune_line.with_user(self.deputy_office).unlink()
        self.assertEqual((consultation.state, consultation.deadline, str(consultation.content), commune_line.state),
                         before)
        office_line.with_user(self.deputy_office).write({"reply": "Đề nghị sửa Điều 3.", "opinion": "disagree"})
        with on(date(2026, 3, 5)):
            office_line.with_user(self.deputy_office).action_reply()
        with self.assertRaises(UserError):
            office_line.with_user(self.deputy_office).write({"reply": "Đồng ý toàn bộ.", "opinion": "agree"})
        self.assertEqual((office_line.state, office_line.opinion, office_line.reply),
                         ("replied", "disagree", "Đề nghị sửa Điều 3."))
