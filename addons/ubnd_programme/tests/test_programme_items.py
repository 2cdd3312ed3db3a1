from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestProgrammeItems(ProgrammeCase):
    """What an item states, where it comes from, who proposes it, and how the programme is evaluated."""

    def submission(self, received, state="submitted", **vals):
        sub = self.env["ubnd.submission"].create(dict({
            "name": "Tờ trình thử nghiệm", "committee_id": self.committee.id, "kind": "scheme",
            "submitting_unit_id": self.department.id,
        }, **vals))
        sub.sudo().write({"state": state, "received_date": received})
        return sub

    def test_city_item_states_the_five_fields(self):
        """R-000-24.1a-2: each item states the scheme or draft, the deciding authority, the lead drafting unit, the
        co-operating units and the submission deadline; the draft cannot go to the Chairman without them."""
        prog = self.programme(kind="year", year=2027)
        incomplete = self.item(prog, name="Đề án thiếu", deciding_authority=False, coordinating_unit_ids=[(5,)])
        self.item(prog, part="orientation", name="Định hướng", deciding_authority=False, lead_unit_id=False,
                  coordinating_unit_ids=[(5,)], submission_deadline=False)
        with self.assertRaisesRegex(ValidationError, "Đề án thiếu"):
            prog.with_user(self.deputy_office).action_submit()
        incomplete.with_user(self.deputy_office).write({"deciding_authority": "chairman"})
        with self.assertRaisesRegex(ValidationError, "Coordinating units"):
            prog.with_user(self.deputy_office).action_submit()
        incomplete.with_user(self.deputy_office).write({"no_coordination": True})
        prog.with_user(self.deputy_office).action_submit()
        self.assertEqual(prog.state, "submitted")
        self.assertFalse(self.profile.programme_item_main_content, "the city list has no main content")

    def test_ward_item_states_number_and_main_content(self):
        """R-001-19.1a-2: a ward item also states its sequence number and main content."""
        prog = self.programme(committee=self.ward, kind="year", year=2027)
        first = self.item(prog, lead_unit_id=self.ward_economy.id, coordinating_unit_ids=[(6, 0, self.ward_office.ids)],
                          sequence=1, main_content="Nội dung chính")
        second = self.item(prog, name="Kế hoạch thiếu nội dung", lead_unit_id=self.ward_economy.id,
                           coordinating_unit_ids=[(6, 0, self.ward_office.ids)], sequence=2)
        self.assertEqual((first.seq_no, second.seq_no), (1, 2))
        with self.assertRaisesRegex(ValidationError, "Main content"):
            prog.with_user(self.ward_chief_office).action_submit()
        second.with_user(self.ward_chief_office).main_content = "Chỉnh trang vỉa hè"
        prog.with_user(self.ward_chief_office).action_submit()

    def test_item_source(self):
        """R-000-23.1: an item comes from a higher body's direction or from a proposal approved by the Chairman or a
        competent person (a Vice-Chairman) — not by a specialist."""
        prog = self.programme(kind="month", year=2026, month=7)
        with self.assertRaises(ValidationError):
            self.item(prog, source="proposal", proposal_approved_by_id=self.staff.id)
        by_vc = self.item(prog, source="proposal", proposal_approved_by_id=self.vc_urban.id)
        self.assertEqual(by_vc.proposal_approved_by_id, self.vc_urban)
        self.item(prog, source="higher", source_reference="Kết luận số 15-KL/TU")

    def test_proposal_cut_off(self):
        """R-000-24.3a, R-001-19.3a, R-000-24.1a: a unit's proposal made after the cut-off (20th of the previous
        month; 25/11 for the year) is flagged for the Office."""
        prog = self.programme(kind="month", year=2026, month=5)
        with freeze_time("2026-04-17"):
            on_time = self.item(prog, user=self.unit_head)
        with freeze_time("2026-04-21"):
            late = self.item(prog, user=self.unit_head, name="Đề xuất muộn")
        self.assertEqual(prog.proposal_deadline, date(2026, 4, 20))
        self.assertFalse(on_time.proposal_late)
        self.assertTrue(late.proposal_late)
        year = self.programme(kind="year", year=2027)
        with freeze_time("2026-11-26"):
            self.assertTrue(self.item(year, user=self.unit_head).proposal_late, "after 25/11/2026")

    def test_unit_proposes_and_reports_its_own_items(self):
        """R-000-22.2, R-000-24.6: a unit proposes items of its own unit while the programme is a draft and, once the
        Chairman decided it, only reports progress or explains a delay; it never changes the programme."""
        prog = self.programme(kind="month", year=2026, month=8)
        item = self.item(prog, user=self.unit_head)
        with self.assertRaises(AccessError):
            self.item(prog, user=self.unit_head, lead_unit_id=self.finance.id,
                      coordinating_unit_ids=[(6, 0, self.department.ids)])
        self.decide(prog)
        with self.assertRaises(UserError):
            item.with_user(self.unit_head).write({"submission_deadline": date(2026, 8, 30)})
        item.with_user(self.unit_head).write({"delay_reason": "Chờ ý kiến thẩm định", "next_steps": "Trình trong tuần"})
        self.assertEqual(item.delay_reason, "Chờ ý kiến thẩm định")
        with self.assertRaises(AccessError):
            item.with_user(self.member_finance).write({"progress_note": "Không phải đơn vị chủ trì"})

    def test_evaluation_counts(self):
        """R-000-25.1, R-000-25.2, R-001-20.1, R-001-20.2: each item is on time, late, done (in time or late) or
        dropped, and the programme counts them (000 Đ25 evaluation)."""
        prog = self.programme(kind="month", year=2026, month=6)
        done = self.item(prog, name="Xong đúng hạn", submission_deadline=date(2026, 6, 10))
        done_late = self.item(prog, name="Xong muộn", submission_deadline=date(2026, 6, 10))
        late = self.item(prog, name="Chậm", submission_deadline=date(2026, 6, 12))
        on_track = self.item(prog, name="Trong hạn", submission_deadline=date(2026, 6, 30))
        dropped = self.item(prog, name="Đưa ra", submission_deadline=date(2026, 6, 20))
        with freeze_time("2026-06-15"):
            self.env["ubnd.programme.item"].search([("programme_id", "=", prog.id)])._cron_refresh_status()
            self.decide(prog)
            done.with_user(self.deputy_office).submission_id = self.submission(date(2026, 6, 9))
            done_late.with_user(self.deputy_office).submission_id = self.submission(date(2026, 6, 11))
            self.env["ubnd.programme.adjustment"].with_user(self.chairman).create({
                "programme_id": prog.id, "kind": "drop", "item_id": dropped.id, "reason": "Không còn phù hợp",
            }).action_apply()
            items = prog.item_ids
            items.invalidate_recordset()
            items._cron_refresh_status()
            self.assertEqual(late.status, "late")
            self.assertEqual(on_track.status, "on_track")
            self.assertEqual((done.status, done.done_late), ("done", False))
            self.assertEqual((done_late.status, done_late.done_late), ("done", True))
            self.assertEqual(dropped.status, "dropped")
            prog.invalidate_recordset()
            self.assertEqual(prog._evaluation(), {
                "total": 5, "on_track": 1, "late": 1, "done": 2, "done_late": 1, "dropped": 1})

    def test_returned_submission_does_not_fulfil(self):
        """R-000-25.1: an item is done when its dossier reached the Office; a returned dossier does not count."""
        prog = self.programme(kind="month", year=2026, month=9)
        item = self.item(prog, submission_deadline=date(2026, 9, 10))
        item.with_user(self.deputy_office).submission_id = self.submission(date(2026, 9, 8), state="returned")
        with freeze_time("2026-09-20"):
            item._cron_refresh_status()
            self.assertEqual(item.status, "late")

    def test_late_when_the_deadline_passes(self):
        """R-000-22.2: the daily cron turns an unfulfilled item late once its deadline has passed."""
        prog = self.programme(kind="month", year=2026, month=10)
        with freeze_time("2026-10-05"):
            item = self.item(prog, submission_deadline=date(2026, 10, 9))
            self.assertEqual(item.status, "on_track")
        with freeze_time("2026-10-12"):
            refreshed = self.env["ubnd.programme.item"]._cron_refresh_status()
            self.assertIn(item, refreshed)
            self.assertEqual(item.status, "late")

    def test_month_programme_carries_the_year_items(self):
        """R-000-24.3b, R-001-19.3c: the month programme carries the annual items due that month with its own
        additions, split by the field of the Chairman and each Vice-Chairman."""
        year = self.programme(kind="year", year=2026)
        march = self.item(year, name="Quy hoạch xây dựng", submission_deadline=date(2026, 3, 20),
                          field_id=self.field_construction.id)
        self.item(year, name="Đề án tháng 4", submission_deadline=date(2026, 4, 20))
        month = self.programme(kind="month", year=2026, month=3)
        own = self.item(month, name="Báo cáo tài chính", submission_deadline=date(2026, 3, 10),
                        field_id=self.field_finance.id)
        self.assertEqual(month.inherited_item_ids, march)
        self.assertEqual(month.all_item_ids, march | own)
        self.assertEqual(march.leader_id, self.vc_urban)
        self.assertEqual(own.leader_id, self.vc_economy)
        self.assertEqual(self.item(month, name="Không lĩnh vực").leader_id, self.chairman)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "ubnd_programme.action_report_ubnd_programme", month.ids)[0].decode()
        self.assertIn("Quy hoạch xây dựng", html)
        self.assertIn(self.vc_urban.name, html)

    def test_vice_chairman_reports_before_acceptance_in_the_ward(self):
        """R-001-20.3: in the ward, the Vice-Chairman in charge reports an item to the Chairman before its acceptance,
        approval or submission to a superior body; the city has no such step."""
        prog = self.programme(committee=self.ward, kind="month", year=2026, month=7)
        item = self.item(prog, lead_unit_id=self.ward_economy.id, coordinating_unit_ids=[(6, 0, self.ward_office.ids)],
                         main_content="Nội dung", field_id=self.field_economy.id)
        self.assertEqual(item.leader_id, self.ward_vc)
        with self.assertRaises(ValidationError):
            item.with_user(self.ward_chief_office).action_mark_done()
        with self.assertRaises(AccessError):
            item.with_user(self.ward_head).action_report_to_chairman()
        item.with_user(self.ward_vc).action_report_to_chairman()
        self.assertTrue(item.vc_report_date)
        self.assertTrue(item.message_ids.filtered(lambda m: self.ward_chairman.partner_id in m.partner_ids))
        item.with_user(self.ward_chief_office).action_mark_done()
        self.assertEqual(item.status, "done")
        city = self.item(self.programme(kind="month", year=2026, month=7), field_id=self.field_economy.id)
        city.with_user(self.deputy_office).action_mark_done()
        self.assertEqual(city.status, "done")

    def test_only_the_office_records_done(self):
        """R-000-25.2: the Office follows the programme and records an item done; a unit cannot."""
        item = self.item(self.programme(kind="month", year=2026, month=11))
        with self.assertRaises(AccessError):
            item.with_user(self.unit_head).action_mark_done()
        with self.assertRaises(AccessError):
            item.with_user(self.unit_head).write({"done_date": date(2026, 11, 2)})
