from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestTaskRecord(UbndTaskCase):
    """The task record: the data points of 002 Đ5.1 a–h and their limits."""

    def test_non_confidential_task_records_eight_groups(self):
        """R-002-5.1: a task from a non-secret document records the source document (name, number and
        symbol, summary, issue date, signer), the proposing body, the assigned bodies, the tracking Office
        unit, the content, the deadline, the status and the other information."""
        task = self.make_task(proposing_unit_id=self.department.id, other_info="Phối hợp với Công an thành phố.")
        # a) the assigning document, copied from the committee's document
        self.assertEqual(task.source_name, self.env.ref("ubnd_quyche.doctype_ct").name)
        self.assertEqual(task.source_number, "12/CT-UBND")
        self.assertEqual(task.source_summary, self.directive.name)
        self.assertEqual(task.source_date, date(2026, 11, 2))
        self.assertEqual(task.source_signer, self.chairman.name)
        # b) proposing body, c) assigned bodies, d) tracking Office unit
        self.assertEqual(task.proposing_unit_id, self.department)
        self.assertEqual(task.lead_unit_id, self.department)
        self.assertEqual(task.tracking_unit_id, self.office_section)
        # đ) content, e) deadline, g) status, h) other information
        self.assertIn("Rà soát", task.content)
        self.assertEqual(task.deadline, date(2026, 11, 27))
        self.assertEqual(task.status, "draft")
        self.assertEqual(task.other_info, "Phối hợp với Công an thành phố.")

    def test_external_document_data_kept_in_char_fields(self):
        """R-002-5.1: a Government document from outside the committee is recorded by its data (002 Đ5.1.a)."""
        task = self.make_task(
            document_id=False, kind="government", nature="legal", source_kind="legal",
            source_name="Nghị định", source_number="15/2026/NĐ-CP", source_summary="Quy định chi tiết ...",
            source_date=date(2026, 10, 30), source_signer="Thủ tướng Chính phủ", proposing_body="Bộ Xây dựng",
        )
        self.assertEqual((task.source_number, task.proposing_body), ("15/2026/NĐ-CP", "Bộ Xây dựng"))

    def test_lead_and_coordinating_units_are_distinct(self):
        """R-002-5.1c: the assigned bodies distinguish the lead body from the coordinating bodies."""
        task = self.make_task(coordinating_unit_ids=[(6, 0, self.finance.ids)])
        self.assertEqual(task.lead_unit_id, self.department)
        self.assertEqual(task.coordinating_unit_ids, self.finance)
        with self.assertRaises(ValidationError):
            task.write({"coordinating_unit_ids": [(4, self.department.id)]})

    def test_exactly_one_lead_unit_and_one_lead_person(self):
        """R-000-2.4, R-001-2.3: every task has exactly one lead unit and one lead individual; the head of the
        lead unit by default, and a task cannot be assigned without its lead person."""
        task = self.make_task()
        self.assertEqual(task.lead_user_id, self.unit_head, "the head of the lead unit leads by default")
        self.assertEqual(len(task.lead_unit_id), 1)
        self.assertEqual(task._fields["lead_unit_id"].type, "many2one")
        self.assertEqual(task._fields["lead_user_id"].type, "many2one")
        orphan = self.make_task(lead_unit_id=self.finance.id)
        orphan.lead_user_id = False
        with self.assertRaises(UserError):
            self.assign(orphan)
        self.assertTrue(self.Task._fields["lead_unit_id"].required)

    def test_tracking_office_unit_is_required_to_assign(self):
        """R-002-5.1d: a task records the Office unit that tracks, urges and inspects it."""
        task = self.make_task(tracking_unit_id=False)
        with self.assertRaises(UserError):
            self.assign(task)
        task.tracking_unit_id = self.office_section
        self.assign(task)
        self.assertEqual(task.state, "in_progress")

    def test_deadline_is_to_report_or_to_complete(self):
        """R-002-5.1e: the deadline is to report or submit, or to complete the task; it may be empty."""
        kinds = dict(self.Task._fields["deadline_kind"].selection)
        self.assertEqual(set(kinds), {"report", "complete"})
        with self.assertRaises(ValidationError):
            self.make_task(deadline_kind=False)
        self.assertFalse(self.make_task(deadline=False).deadline)

    def test_two_kinds_of_task(self):
        """R-002-4: a task has a deadline or has none — two kinds."""
        self.assertEqual(len(self.Task._fields["deadline_type"].selection), 2)
        self.assertEqual(self.make_task().deadline_type, "with")
        self.assertEqual(self.make_task(deadline=False).deadline_type, "without")

    def test_status_values_of_the_regulation(self):
        """R-002-5.1g: the status says done, in progress, or not done within the deadline or overdue, with an
        assessment of quality and effectiveness against the direction."""
        statuses = dict(self.Task._fields["status"].selection)
        for key in ("done_on_time", "done_late", "done", "in_term", "in_progress", "overdue"):
            self.assertIn(key, statuses)
        self.assertEqual(set(dict(self.Task._fields["quality"].selection)), {"meets", "partly", "fails"})

    def test_confidential_task_keeps_six_points_only(self):
        """R-002-5.2: a task of a secret document records only points a, b, c, d, e and g — no content (đ) and
        no other information (h); its title only names the document."""
        secret = self.env["ubnd.document"].create({
            "name": "Kế hoạch bảo đảm an ninh", "committee_id": self.committee.id,
            "document_type_id": self.env.ref("ubnd_quyche.doctype_kh").id, "confidentiality": "mat",
            "state": "issued", "number": 3, "year": 2026, "reference": "03/KH-UBND", "date": date(2026, 11, 2),
            "signer_id": self.chairman.id,
        })
        task = self.make_task(document_id=secret.id, content=False, name=None)
        self.assertEqual(task.confidentiality, "mat")
        self.assertNotIn("an ninh", task.name)
        self.assertIn("03/KH-UBND", task.name)
        with self.assertRaises(ValidationError):
            task.content = "<p>Nội dung mật</p>"
        with self.assertRaises(ValidationError):
            task.other_info = "Ghi chú"
        self.assign(task)  # a secret task is assigned without content
        self.assertEqual(task.state, "in_progress")

    def test_three_levels_of_secrecy(self):
        """R-002-5.2-2: a secret document is mật, tối mật or tuyệt mật."""
        levels = [k for k, _label in self.Task._fields["confidentiality"].selection if k != "normal"]
        self.assertEqual(levels, ["mat", "toi_mat", "tuyet_mat"])

    def test_scope_of_tracked_documents(self):
        """R-002-1.1: tracked tasks come from legal normative documents, work programmes and directive documents
        of the Government, the Prime Minister, the committee or its Chairman; a legal-document task set by a
        Government decree is a Government task."""
        self.assertEqual(set(dict(self.Task._fields["source_kind"].selection)), {"legal", "programme", "directive"})
        self.assertEqual(set(dict(self.Task._fields["kind"].selection)), {"committee", "government"})
        with self.assertRaises(ValidationError):
            self.make_task(nature="legal", kind="committee")

    def test_leader_in_charge_from_portfolio(self):
        """R-000-40.2: the leader in charge of a task is the Vice-Chairman whose portfolio covers its field,
        else its area, else the Chairman."""
        self.assertEqual(self.make_task().leader_id, self.vc_urban)
        self.assertEqual(self.make_task(field_id=self.field_finance.id).leader_id, self.vc_economy)
        self.assertEqual(self.make_task(field_id=self.field_justice.id).leader_id, self.chairman)
        self.assertEqual(self.make_task(field_id=self.field_justice.id, lead_unit_id=self.commune.id).leader_id,
                         self.vc_urban)
