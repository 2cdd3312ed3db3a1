from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import IncomingCase, vn


@tagged("post_install", "-at_install")
class TestDirection(IncomingCase):
    """Item 1 of issue #11: presentation, the leader's direction on the phiếu giải quyết, distribution, tasks from
    the direction and follow-up to the reply (Decree 30/2020 Đ23–24, PL IV §VII–VIII; 001 Đ7.6; 002 Đ1.1)."""

    def test_direction_distributes_to_lead_and_supporting_units_with_deadlines(self):
        """Issue #11 item 1 (PL IV §VII block 1): the leader names one lead unit and the supporting units, a
        deadline each, and his opinion; each unit's people follow the document and find it in their to-do list."""
        doc = self.presented()
        self.assertEqual(doc.state, "presented")
        self.assertIn(self.vc_urban, doc.activity_ids.user_id)
        self.direct(doc, self.vc_urban, supporting_line_ids=[(0, 0, {"unit_id": self.finance.id,
                                                                     "deadline": "2026-12-10"})])
        self.assertEqual(doc.state, "handling")
        self.assertEqual((doc.lead_unit_id, doc.handling_deadline), (self.department, date(2026, 12, 15)))
        support = doc.assignment_ids.filtered(lambda a: a.role == "support")
        self.assertEqual((support.unit_id, support.deadline), (self.finance, date(2026, 12, 10)))
        self.assertEqual((doc.directed_by_id, doc.direction_date), (self.vc_urban, date(2026, 12, 2)))
        self.assertIn("chủ trì", doc.direction_note)
        self.assertNotIn(self.vc_urban, doc.activity_ids.user_id)
        self.assertTrue({self.unit_head, self.member_finance} <= set(doc.activity_ids.user_id))
        self.assertIn(self.unit_head.partner_id, doc.message_partner_ids)
        # The unit sees what was distributed to it; before that it saw nothing.
        self.assertIn(doc, self.Incoming.with_user(self.staff).search([]))

    def test_each_supporting_unit_has_its_own_deadline(self):
        """Issue #11 item 1 (PL IV §VII block 1, "deadline each"): the leader gives each supporting unit its own
        deadline; each reaches that unit's distribution line and its people's to-do. Seeds 000/001 set no order
        between a supporting unit's deadline and the lead unit's, so none is imposed; a unit named twice or a
        deadline in the past is refused and nothing is recorded."""
        doc = self.presented()
        with self.assertRaises(UserError):
            self.direct(doc, self.vc_urban, supporting_line_ids=[
                (0, 0, {"unit_id": self.finance.id, "deadline": "2026-12-09"}),
                (0, 0, {"unit_id": self.finance.id, "deadline": "2026-12-11"})])
        with self.assertRaises(UserError):
            self.direct(doc, self.vc_urban, supporting_line_ids=[
                (0, 0, {"unit_id": self.finance.id, "deadline": "2026-12-01"})])
        self.assertEqual((doc.state, doc.assignment_ids), ("presented", self.env["ubnd.incoming.assignment"]))
        self.direct(doc, self.vc_urban, supporting_line_ids=[
            (0, 0, {"unit_id": self.finance.id, "deadline": "2026-12-09"}),
            (0, 0, {"unit_id": self.office.id, "deadline": "2026-12-11"})])
        deadlines = {line.unit_id: (line.role, line.deadline) for line in doc.assignment_ids}
        self.assertEqual(deadlines, {self.department: ("lead", date(2026, 12, 15)),
                                     self.finance: ("support", date(2026, 12, 9)),
                                     self.office: ("support", date(2026, 12, 11))})
        todo = {activity.user_id: activity.date_deadline for activity in doc.activity_ids}
        self.assertEqual((todo[self.unit_head], todo[self.member_finance], todo[self.chief_office]),
                         (date(2026, 12, 15), date(2026, 12, 9), date(2026, 12, 11)))

    def test_supporting_unit_without_a_deadline_is_refused(self):
        """Issue #11 item 1 (PL IV §VII block 1, "deadline each"): a supporting unit is named with its deadline (the
        screen proposes the lead unit's); one without is refused and the document stays presented."""
        doc = self.presented()
        with self.assertRaises(UserError):
            self.direct(doc, self.vc_urban, supporting_line_ids=[(0, 0, {"unit_id": self.finance.id})])
        self.assertEqual(doc.state, "presented")

    def test_direction_names_exactly_one_lead_unit(self):
        """Issue #11 item 1 (000 Đ2.4, PL IV §VII): a direction names exactly one lead unit, which is not also a
        supporting unit; nothing is recorded otherwise."""
        doc = self.presented()
        with self.assertRaises(UserError):
            self.direct(doc, self.vc_urban, supporting_line_ids=[(0, 0, {"unit_id": self.department.id,
                                                                         "deadline": "2026-12-10"})])
        with self.assertRaises(UserError):
            doc.with_user(self.vc_urban)._direct("x", [
                {"role": "lead", "unit_id": self.department.id}, {"role": "lead", "unit_id": self.finance.id}], False)
        self.assertEqual(doc.state, "presented")

    def test_direction_that_assigns_work_creates_the_task_with_its_source(self):
        """R-002-1.1: a direction that assigns work creates the assigned task in task tracking, with
        the incoming document as its source (number, date, issuing body, signer), the lead unit and its head,
        the supporting units and the deadline, entered and sent to the unit on the direction day, so a task of a
        superior body is tracked from its arrival; a document of the Prime Minister gives a Government task."""
        doc = self.presented(signer_info="Thứ trưởng Nguyễn Văn Sinh")
        self.direct(doc, self.vc_urban, supporting_line_ids=[(0, 0, {"unit_id": self.finance.id,
                                                                     "deadline": "2026-12-15"})], assigns_task=True)
        task = doc.task_ids
        self.assertEqual(len(task), 1)
        self.assertEqual((task.incoming_id, task.state, task.kind), (doc, "in_progress", "committee"))
        self.assertEqual((task.source_number, task.source_date, task.proposing_body, task.source_signer),
                         ("5120/BXD-QLN", date(2026, 11, 25), "Bộ Xây dựng", "Thứ trưởng Nguyễn Văn Sinh"))
        self.assertEqual((task.lead_unit_id, task.lead_user_id, task.deadline), (self.department, self.unit_head,
                                                                                 date(2026, 12, 15)))
        self.assertEqual(task.coordinating_unit_ids, self.finance)
        self.assertEqual(task.assign_date, date(2026, 12, 2))
        # Entered on the direction day: on time, whatever the date of the Ministry's letter (002 Đ6.2.a).
        self.assertEqual((task.entry_deadline, task.entered_late), (date(2026, 12, 3), False))
        self.assertIn("chủ trì", task.content)
        government = self.presented(sender="Thủ tướng Chính phủ", sender_kind="government",
                                    document_number="12/CT-TTg", leader=self.chairman)
        self.direct(government, self.chairman, assigns_task=True)
        self.assertEqual(government.task_ids.kind, "government")
        # A direction that assigns no work creates no task.
        plain = self.presented(document_number="7/BXD-VP")
        self.direct(plain, self.vc_urban)
        self.assertFalse(plain.task_ids)

    def test_chief_of_office_assigns_incoming_documents(self):
        """R-001-7.6: the Chief of Office assigns the handling of incoming documents on the system; a paper
        document may first go to the Chairman or the Vice-Chairman in charge. A specialist of the Office cannot
        be the one presented to."""
        doc = self.presented(leader=self.chief_office)
        self.direct(doc, self.chief_office)
        self.assertEqual((doc.state, doc.directed_by_id), ("handling", self.chief_office))
        paper = self.presented(leader=self.chairman, medium="paper", scan_dpi=300, document_number="8/BXD-VP")
        with self.assertRaises(AccessError):
            self.direct(paper, self.chief_office)
        self.direct(paper, self.chairman)
        self.assertEqual(paper.directed_by_id, self.chairman)
        other = self.register(self.receive(document_number="9/BXD-VP"))
        with self.assertRaises(Exception):
            other.with_user(self.office_clerk).write({"leader_id": self.deputy_office.id})
            other.flush_recordset()

    def test_substitute_directs_under_a_grant(self):
        """R-000-6.3h: a Vice-Chairman running the committee under the Chairman's grant directs the documents
        presented to the Chairman; another Vice-Chairman does not."""
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2026, 12, 1), date_end=date(2026, 12, 10))
        doc = self.presented(leader=self.chairman)
        with self.assertRaises(AccessError):
            self.direct(doc, self.vc_urban)
        self.direct(doc, self.vc_economy)
        self.assertEqual(doc.directed_by_id, self.vc_economy)

    def test_default_handling_deadline_from_the_profile(self):
        """Issue #11 item 1 (profile field incoming_handling_days, the committee's own choice): the direction
        proposes the deadline that many working days from today; 0 proposes none."""
        doc = self.presented()
        Wizard = self.env["ubnd.incoming.direct.wizard"].with_user(self.vc_urban).with_context(default_incoming_id=doc.id)
        with freeze_time(vn(2026, 12, 4, 9, 0)):
            self.assertFalse(Wizard.new({})._default_deadline())
            self.profile.incoming_handling_days = 5
            self.assertEqual(Wizard._default_deadline(), date(2026, 12, 11))

    def test_follow_up_to_the_reply_document(self):
        """Issue #11 item 1 (PL IV §VIII): the handling is followed — overdue after the lead unit's deadline — and
        closed by the Office with the committee's reply document."""
        doc = self.presented()
        self.direct(doc, self.vc_urban)
        with freeze_time(vn(2026, 12, 16, 9, 0)):
            doc.invalidate_recordset(["is_overdue", "progress"])
            self.assertTrue(doc.is_overdue)
            self.assertIn(doc, self.Incoming.search([("is_overdue", "=", True)]))
        with self.assertRaises(UserError):
            doc.with_user(self.office_clerk).action_done()
        reply = self.issued_directive("Công văn trả lời Bộ Xây dựng về nhà ở xã hội", 30, date(2026, 12, 14))
        doc.with_user(self.office_clerk).reply_document_id = reply
        with freeze_time(vn(2026, 12, 14, 15, 0)):
            doc.with_user(self.office_clerk).action_done()
        self.assertEqual((doc.state, doc.done_date), ("done", date(2026, 12, 14)))
        self.assertFalse(doc.is_overdue)
        with self.assertRaises(UserError):
            doc.with_user(self.office_clerk).write({"result_note": "sửa lại"})
