from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestCoordinationMeeting(UbndSubmissionCase):
    """001 Đ4.3.e, Đ28.2: the Chief of Office meets units that disagree on a dossier; the lead unit finalises it
    within the ward's 2 working days after the meeting ends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        chief = cls.env["hr.employee"].with_company(cls.company).create({
            "name": "Chánh Văn phòng", "user_id": cls.chief_office.id, "department_id": cls.office.id,
            "company_id": cls.company.id})
        cls.office.manager_id = chief
        # The committee works under the Trị An preset's rule (seed 001 Đ28.2).
        ward = cls.env.ref("ubnd_quyche.profile_preset_trian")
        cls.profile.write({"coordination_finalise_set": ward.coordination_finalise_set,
                           "coordination_finalise_days": ward.coordination_finalise_days})

    def plan(self, sub, chair, day, user=None):
        return self.env["ubnd.coordination.meeting"].with_user(user or self.deputy_office).create({
            "submission_id": sub.id, "chair_id": chair.id, "meeting_date": day,
            "unit_ids": [(6, 0, (self.department | self.commune).ids)],
            "disagreement": "Sở Xây dựng và UBND phường Một khác nhau về phạm vi điều chỉnh.",
        })

    def test_lead_unit_finalises_within_two_working_days_of_the_meeting(self):
        """R-001-28.2: the meeting ends Wednesday 29/4/2026; 30/4 and 1/5 are off, so the lead unit finalises by
        Tuesday 5/5 (2 working days, read from the ward profile through ubnd.workday); its head gets the to-do;
        finalising on 6/5 is recorded late and shown late in the list; the dossier's chatter keeps the outcome."""
        self.assertEqual(self.env.ref("ubnd_quyche.profile_preset_trian").coordination_finalise_days, 2)
        sub = self.submit(self.complete(self.new_submission()), date(2026, 4, 27))
        meeting = self.plan(sub, self.chief_office, date(2026, 4, 29))
        with on(date(2026, 4, 29)):
            with self.assertRaises(UserError):  # no agreed option recorded
                meeting.with_user(self.chief_office).action_end()
            meeting.with_user(self.chief_office).conclusion = "Thống nhất phương án của Sở Xây dựng, bổ sung ý kiến phường."
            meeting.with_user(self.chief_office).action_end()
        self.assertEqual((meeting.state, meeting.ended_date), ("held", date(2026, 4, 29)))
        self.assertEqual(meeting.finalise_deadline, date(2026, 5, 5))
        self.assertEqual(meeting.finalise_deadline,
                         self.Workday.add_working_days(date(2026, 4, 29), 2, company=self.company))
        todo = meeting.activity_ids
        self.assertEqual((todo.user_id, todo.date_deadline), (self.unit_head, date(2026, 5, 5)))
        with on(date(2026, 5, 5)):
            self.assertFalse(meeting.finalise_late)
        with on(date(2026, 5, 6)):
            meeting.invalidate_recordset(["finalise_late"])
            self.assertTrue(meeting.finalise_late)
            self.assertIn(meeting, meeting.search([("finalise_late", "=", True)]))
            with self.assertRaises(AccessError):  # another unit does not finalise the lead unit's dossier
                meeting.with_user(self.deputy_office).action_finalise()
            meeting.with_user(self.unit_head).action_finalise()
        self.assertEqual((meeting.state, meeting.finalised_date, meeting.late_recorded), ("finalised", date(2026, 5, 6), True))
        self.assertFalse(meeting.activity_ids)
        self.assertIn(meeting, meeting.search([("finalise_late", "=", True)]))
        self.assertIn("Thống nhất phương án", "".join(sub.message_ids.mapped("body")))

    def test_on_time_and_where_the_regulation_sets_no_deadline(self):
        """R-001-28.2: finalised on the second working day is on time; a committee whose regulation sets no such
        deadline (the city text) gets none computed and is never late."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        meeting = self.plan(sub, self.chief_office, date(2026, 3, 3))
        meeting.with_user(self.chief_office).conclusion = "Thống nhất."
        with on(date(2026, 3, 3)):
            meeting.with_user(self.chief_office).action_end()
        with on(date(2026, 3, 5)):
            meeting.with_user(self.unit_head).action_finalise()
        self.assertFalse(meeting.late_recorded or meeting.finalise_late)
        self.profile.write({"coordination_finalise_set": False, "coordination_finalise_days": 0})
        other = self.plan(self.submit(self.complete(self.new_submission()), date(2026, 3, 2)), self.chief_office,
                          date(2026, 3, 3))
        other.with_user(self.chief_office).conclusion = "Thống nhất."
        with on(date(2026, 3, 3)):
            other.with_user(self.chief_office).action_end()
        self.assertFalse(other.finalise_deadline or other.deadline_set)
        with on(date(2026, 4, 30)):
            self.assertFalse(other.finalise_late)
            other.with_user(self.unit_head).action_finalise()
        self.assertFalse(other.late_recorded)

    def test_only_the_chief_of_office_or_his_deputy_by_the_register_chairs(self):
        """R-001-4.3e, R-001-28.2: the Chief of Office chairs; his deputy only under a grant in force that day
        (the register of delegations); a Vice-Chairman, a unit head or the deputy without a grant is refused, and
        only the chair ends the meeting; the meeting is held on a dossier the Office still holds."""
        sub = self.submit(self.complete(self.new_submission()), date(2026, 3, 2))
        for intruder in (self.vc_economy, self.unit_head, self.deputy_office):
            with self.assertRaises(ValidationError):
                self.plan(sub, intruder, date(2026, 3, 4))
        with self.assertRaises(AccessError):  # a unit does not plan it: the Office does
            self.plan(sub, self.chief_office, date(2026, 3, 4), user=self.unit_head)
        self.grant(kind="unit_deputy", grantor_id=self.chief_office.id, grantee_id=self.deputy_office.id,
                   date_start=date(2026, 3, 2), date_end=date(2026, 3, 6))
        with self.assertRaises(ValidationError):  # the grant is not in force on the 9th
            self.plan(sub, self.deputy_office, date(2026, 3, 9))
        meeting = self.plan(sub, self.deputy_office, date(2026, 3, 4))
        meeting.conclusion = "Thống nhất."
        with on(date(2026, 3, 4)):
            with self.assertRaises(AccessError):
                meeting.with_user(self.chief_office).action_end()  # not the chair of this meeting
            with self.assertRaises(AccessError):
                meeting.with_user(self.deputy_office).write({"state": "held"})
            meeting.with_user(self.deputy_office).action_end()
        self.assertEqual(meeting.finalise_deadline, date(2026, 3, 6))
        # Seen by whoever sees the dossier: the lead unit, the Office; not a member outside the portfolio.
        Meeting = self.env["ubnd.coordination.meeting"]
        self.assertIn(meeting, Meeting.with_user(self.unit_head).search([]))
        self.assertIn(meeting, Meeting.with_user(self.staff).search([]))
        self.assertNotIn(meeting, Meeting.with_user(self.member_finance).search([]))
        self.forward(sub, date(2026, 3, 9))
        with self.assertRaises(ValidationError):  # the dossier went on to the leader
            self.plan(sub, self.chief_office, date(2026, 3, 10))
