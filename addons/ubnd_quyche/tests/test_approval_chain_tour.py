import base64

from odoo.tests import HttpCase, tagged

SUBJECT = "Tờ trình mua sắm thiết bị y tế (chuỗi)"


@tagged("post_install", "-at_install")
class TestApprovalChainTours(HttpCase):
    """Issue #12 items 1, 2 and 6 in the browser, on the suite's Vietnamese demo, as its users."""

    def setUp(self):
        super().setUp()
        self.committee = self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)
        self.staff = self.env.ref("ubnd_quyche.user_hp_finance_staff", raise_if_not_found=False)
        if not (self.committee and self.staff and self.staff.login == "chuyenvien.stc.hp"):
            self.skipTest("needs the suite's demo data")

    def dossier(self, name=SUBJECT, complete=True):
        """A Chairman's decision drafted by the Finance specialist, its required files attached if ``complete``."""
        sub = self.env["ubnd.submission"].with_user(self.staff).create({
            "name": name, "committee_id": self.committee.id, "kind": "chairman_decision",
            "field_id": self.env.ref("ubnd_quyche.field_finance").id,
            "submitting_unit_id": self.env.ref("ubnd_quyche.unit_hp_finance").id,
            "summary": "Điều chỉnh dự toán mua sắm thiết bị y tế giữa các bệnh viện tuyến thành phố.",
        })
        if complete:
            pdf = self.env["ir.attachment"].with_user(self.staff).create({
                "name": "to-trinh.pdf", "datas": base64.b64encode(b"%PDF-1.4 demo"),
                "res_model": "ubnd.submission", "res_id": sub.id, "mimetype": "application/pdf"})
            for component in sub.with_user(self.staff).component_ids.filtered("required"):
                component.attachment_ids = [(4, pdf.id)]
        return sub

    def test_administrator_configures_a_chain(self):
        """Issue #12 item 1 (R-000-18.4): quantri.hp sets, in Vietnamese, the chain of the Chairman's decisions from
        10 bn VND by position, sees its preview, and saves it; the approval steps are kept on the server."""
        self.start_tour("/odoo/action-ubnd_quyche.ubnd_approval_chain_action", "ubnd_admin_configures_chain",
                        login="quantri.hp")
        chain = self.env["ubnd.approval.chain"].search([("name", "=", "Quyết định của Chủ tịch từ 10 tỷ đồng")])
        self.assertEqual((chain.committee_id, chain.kind, chain.amount_min), (self.committee, "chairman_decision", 10))
        self.assertEqual(chain.step_ids.sorted("sequence").mapped("position"),
                         ["unit_head", "office", "field_vice_chairman", "leader"])
        self.assertEqual(chain.definition_ids.sorted("sequence", reverse=True).mapped("ubnd_position"),
                         ["unit_head", "office", "field_vice_chairman", "leader"])

    def test_unit_head_initials_then_the_office_forwards(self):
        """Issue #12 item 2 (R-000-15.3, R-000-16.3, R-000-18.1): the Director of Finance finds the dossier his
        specialist submitted and initials it with the one control of his step; the chief of the Office then finds
        it among the dossiers to handle, checks it and forwards it to the leader, who is asked only then."""
        sub = self.dossier()
        sub.with_user(self.staff).action_submit()
        self.assertEqual(sub.state, "initialling")
        inbox = "/odoo/action-ubnd_quyche.ubnd_submission_inbox_action"
        self.start_tour(inbox, "ubnd_unit_head_initials", login="giamdoc.stc.hp")
        self.assertEqual(sub.state, "submitted")
        self.assertFalse(sub.sudo().activity_ids.filtered(lambda a: a.user_id == sub.leader_id))
        self.start_tour(inbox, "ubnd_office_checks_and_forwards", login="chanhvp.hp")
        self.assertEqual(sub.state, "to_leader")
        self.assertEqual(sub.sudo().activity_ids.user_id, sub.leader_id)
        self.assertEqual(sub.review_ids.filtered(lambda r: r.status == "approved").done_by.mapped("login"),
                         ["giamdoc.stc.hp", "chanhvp.hp"])

    def test_specialist_submits_complete_and_is_refused_incomplete(self):
        """Issue #12 item 6 (R-000-15.2): chuyenvien.stc.hp is refused an incomplete dossier with the missing
        components named in Vietnamese, and submits a complete one, which waits for her Director's initials."""
        incomplete = self.dossier(name="Tờ trình thiếu thành phần (chuỗi)", complete=False)
        self.start_tour("/odoo/ubnd.submission/%d" % incomplete.id, "ubnd_specialist_refused_incomplete",
                        login="chuyenvien.stc.hp")
        self.assertEqual(incomplete.state, "draft")
        complete = self.dossier()
        self.start_tour("/odoo/ubnd.submission/%d" % complete.id, "ubnd_specialist_submits_complete",
                        login="chuyenvien.stc.hp")
        self.assertEqual(complete.state, "initialling")
