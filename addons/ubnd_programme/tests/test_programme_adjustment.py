from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestProgrammeAdjustment(ProgrammeCase):
    """Only the Chairman adjusts a decided programme; every change keeps its reason and is notified."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prog = cls.programme(kind="quarter", year=2026, quarter="3")
        cls.item_a = cls.item(cls.prog, name="Quy định quản lý cây xanh đô thị", submission_deadline=date(2026, 8, 14),
                              field_id=cls.field_construction.id)
        cls.item_b = cls.item(cls.prog, name="Đề án chợ đầu mối", submission_deadline=date(2026, 9, 11))
        cls.decide(cls.prog)

    def adjustment(self, user, **vals):
        return self.env["ubnd.programme.adjustment"].with_user(user).create(dict({
            "programme_id": self.prog.id, "kind": "reschedule", "item_id": self.item_a.id,
            "new_deadline": date(2026, 9, 25), "reason": "Chờ kết quả lấy ý kiến Bộ Xây dựng",
        }, **vals))

    def test_only_the_chairman_adjusts(self):
        """R-000-24.6, R-001-19.5: the Office or a unit may propose an adjustment, a Vice-Chairman may not decide it
        — only the Chairman, through the server call a phone or an RPC client makes."""
        proposal = self.adjustment(self.unit_head, proposing_unit_id=self.department.id)
        self.assertEqual(proposal.state, "proposed")
        for user in (self.deputy_office, self.chief_office, self.vc_urban, self.vc_economy, self.unit_head):
            with self.assertRaises(AccessError, msg=user.login):
                proposal.with_user(user).action_apply()
        self.assertEqual(self.item_a.submission_deadline, date(2026, 8, 14))
        proposal.with_user(self.chairman).action_apply()
        self.assertEqual(self.item_a.submission_deadline, date(2026, 9, 25))
        self.assertEqual(proposal.decided_by_id, self.chairman)
        # The decision cannot be rewritten afterwards.
        with self.assertRaises(UserError):
            proposal.with_user(self.chairman).write({"reason": "Khác"})
        with self.assertRaises(UserError):
            proposal.with_user(self.chairman).unlink()

    def test_decided_programme_is_frozen(self):
        """R-000-24.6, R-001-19.5: once the Chairman decided the programme, neither the Office nor a unit changes,
        adds or deletes an item directly, nor forces the programme's state by a raw write."""
        office = self.item_a.with_user(self.deputy_office)
        with self.assertRaises(UserError):
            office.write({"submission_deadline": date(2026, 9, 30)})
        with self.assertRaises(UserError):
            office.write({"state": "dropped"})
        with self.assertRaises(UserError):
            office.unlink()
        with self.assertRaises(UserError):
            self.item(self.prog, name="Thêm trực tiếp")
        with self.assertRaises(AccessError):
            self.prog.with_user(self.deputy_office).write({"state": "draft"})
        with self.assertRaises(UserError):
            self.env["ubnd.programme.adjustment"].with_user(self.chairman).create({
                "programme_id": self.programme(kind="quarter", year=2026, quarter="4").id, "kind": "other",
                "reason": "Chương trình còn là dự thảo"})

    def test_adjustment_keeps_its_history(self):
        """R-000-24.6, R-000-22.3: the Chairman adds and drops items; each change keeps its reason, the value before
        and after, the decider and the date, and the item's chatter tells it."""
        add = self.adjustment(self.chairman, kind="add", item_id=False, new_name="Đề án giao thông thông minh",
                              new_lead_unit_id=self.department.id, new_deadline=date(2026, 9, 18),
                              new_deciding_authority="committee", reason="Chỉ đạo của Thường trực Thành ủy")
        add.action_apply()
        self.assertEqual(add.item_id.name, "Đề án giao thông thông minh")
        self.assertEqual(add.item_id.programme_id, self.prog)
        self.assertEqual(add.item_id.proposal_approved_by_id, self.chairman, "000 Đ23.1: approved by the Chairman")
        drop = self.adjustment(self.chairman, kind="drop", item_id=self.item_b.id, new_deadline=False,
                               reason="Đã giao cho UBND phường thực hiện")
        drop.action_apply()
        self.assertEqual(self.item_b.status, "dropped")
        self.assertIn("Đề án chợ đầu mối", drop.old_value)
        self.assertTrue(drop.new_value)
        self.assertEqual(drop.reason, "Đã giao cho UBND phường thực hiện")
        self.assertEqual(self.prog.adjustment_ids, add | drop)
        self.assertTrue(self.item_b.message_ids.filtered(lambda m: "Đã giao cho UBND phường" in (m.body or "")))

    def test_office_notifies_members_and_heads(self):
        """R-000-22.3, R-001-19.5: on an adjustment the Office promptly notifies the members and the heads of the
        units concerned."""
        adj = self.adjustment(self.chairman)
        adj.action_apply()
        members = self.committee.member_ids.user_id.partner_id
        heads = (self.department | self.office | self.finance | self.commune).manager_id.user_id.partner_id
        self.assertLessEqual(members | heads, adj.notified_partner_ids)
        self.assertTrue(adj.notified_date)
        message = self.prog.message_ids.filtered(lambda m: m.partner_ids >= members | heads)[:1]
        self.assertTrue(message, "the notice reaches every member and head")
        self.assertEqual(message.author_id, self.chief_office.partner_id, "sent by the Office")

    def test_acting_chair_adjusts(self):
        """R-000-24.6: while the Chairman is away, the Vice-Chairman running the committee decides in his place
        (000 Đ6.3.h)."""
        self.grant(kind="acting_chair", grantor_id=self.chairman.id, grantee_id=self.vc_economy.id,
                   date_start=date(2020, 1, 1), date_end=date(2099, 12, 31))
        adj = self.adjustment(self.deputy_office)
        adj.with_user(self.vc_economy).action_apply()
        self.assertEqual(adj.state, "applied")
        with self.assertRaises(AccessError):
            self.adjustment(self.deputy_office).with_user(self.vc_urban).action_apply()

    def test_ward_field_vice_chairman_changes_a_draft(self):
        """R-001-21.2, R-001-19.5: in the ward the Vice-Chairman in charge of the field may decide a change of a
        draft's content, scope or submission time; adding or dropping items stays the Chairman's, and in the city
        (R-000-24.6) the field's Vice-Chairman cannot decide at all."""
        prog = self.programme(committee=self.ward, kind="month", year=2026, month=9)
        item = self.item(prog, lead_unit_id=self.ward_economy.id, coordinating_unit_ids=[(6, 0, self.ward_office.ids)],
                         main_content="Nội dung", field_id=self.field_economy.id, submission_deadline=date(2026, 9, 10))
        other = self.item(prog, name="Lĩnh vực khác", lead_unit_id=self.ward_economy.id, no_coordination=True,
                          coordinating_unit_ids=[(5,)], main_content="Nội dung", field_id=self.field_justice.id)
        self.decide(prog)
        Adjustment = self.env["ubnd.programme.adjustment"]
        move = Adjustment.with_user(self.ward_head).create({
            "programme_id": prog.id, "kind": "reschedule", "item_id": item.id, "new_deadline": date(2026, 9, 24),
            "reason": "Bổ sung số liệu khảo sát"})
        move.with_user(self.ward_vc).action_apply()
        self.assertEqual(item.submission_deadline, date(2026, 9, 24))
        for kind, target in (("drop", item), ("reschedule", other)):
            adj = Adjustment.with_user(self.ward_head).create({
                "programme_id": prog.id, "kind": kind, "item_id": target.id, "new_deadline": date(2026, 9, 28),
                "reason": "Đề xuất"})
            with self.assertRaises(AccessError):
                adj.with_user(self.ward_vc).action_apply()
            adj.with_user(self.ward_chairman).action_apply()
        self.assertTrue(self.ward_profile.field_vc_decides_draft_change)
        self.assertFalse(self.profile.field_vc_decides_draft_change)
        with self.assertRaises(AccessError):
            self.adjustment(self.unit_head).with_user(self.vc_urban).action_apply()

    def test_refusal_is_in_vietnamese(self):
        """R-000-24.6: the refusal reaches a Vietnamese user in Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        adj = self.adjustment(self.unit_head)
        with self.assertRaisesRegex(AccessError, "Chỉ Chủ tịch"):
            adj.with_user(self.vc_urban).with_context(lang="vi_VN").action_apply()
