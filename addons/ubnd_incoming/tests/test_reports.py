import re
import subprocess

from odoo.tests import tagged

from odoo.addons.ubnd_quyche.tests.printing import no_web_assets

from .common import IncomingCase, vn


@tagged("post_install", "-at_install")
class TestIncomingPrints(IncomingCase):
    """Issue #11 item 1: the registers print per Decree 30/2020 PL IV (nd30_reference §7.2, §7.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)

    def setUp(self):
        super().setUp()
        self.doc = self.presented(signer_info="Thứ trưởng Nguyễn Văn Sinh")
        self.direct(self.doc, self.vc_urban, supporting_line_ids=[(0, 0, {"unit_id": self.finance.id,
                                                                          "deadline": "2026-12-15"})])
        self.second = self.register(self.receive(at=vn(2026, 12, 3, 9, 0), document_number="88/STC-QLNS",
                                                 sender="Sở Tài chính", name="Về việc phân bổ dự toán"),
                                    vn(2026, 12, 3, 9, 30))

    def render(self, xmlid, docs):
        content, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            xmlid, docs.ids)
        self.assertEqual(kind, "pdf")
        # Raw order (cell after cell) rather than the page layout: a wrapped column heading stays whole.
        text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=content, capture_output=True, check=True).stdout
        return re.sub(r"\s+", " ", text.decode())

    def test_incoming_register_has_the_ten_columns_of_pl_iv(self):
        """Issue #11 item 1 (PL IV §VI; nd30_reference §7.2): the Sổ đăng ký văn bản đến prints its cover lines
        (year, from date to date, from number to number) and the ten columns, one row per document in number
        order, on A4 landscape."""
        report = self.env.ref("ubnd_incoming.action_report_incoming_register")
        self.assertEqual(report.paperformat_id.orientation, "Landscape")
        text = self.render("ubnd_incoming.action_report_incoming_register", self.second | self.doc)
        for label in ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Năm: 2026", "Từ ngày 01/12/2026 đến ngày 03/12/2026",
                      "Từ số 1 đến số 2", "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
                      "Tên loại và trích yếu", "Đơn vị hoặc", "Ngày chuyển", "Ký nhận", "Ghi chú", "(10)",
                      "Bộ Xây dựng", "5120/BXD-QLN", "88/STC-QLNS", "Sở Xây dựng (chủ trì)", "02/12/2026"):
            self.assertIn(label, text)
        self.assertLess(text.index("5120/BXD-QLN"), text.index("88/STC-QLNS"))

    def test_follow_up_register_has_the_seven_columns_of_pl_iv(self):
        """Issue #11 item 1 (PL IV §VIII; nd30_reference §7.3): the Sổ theo dõi giải quyết văn bản đến prints the
        seven columns with the units, the deadline of each, the progress and the reply document."""
        reply = self.issued_directive("Công văn trả lời Bộ Xây dựng", 31, vn(2026, 12, 10, 9, 0).date())
        self.doc.with_user(self.office_clerk).reply_document_id = reply
        text = self.render("ubnd_incoming.action_report_incoming_followup", self.doc | self.second)
        for label in ("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", "Số đến", "Tên loại, số, ký hiệu", "Đơn vị hoặc",
                      "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "Ghi chú", "(7)",
                      "Công văn số 5120/BXD-QLN ngày 25/11/2026 của Bộ Xây dựng", "Sở Xây dựng: 15/12/2026",
                      "31/CT-UBND"):
            self.assertIn(label, text)

    def test_handling_slip_carries_the_leader_direction(self):
        """Issue #11 item 1 (PL IV §VII): the phiếu giải quyết văn bản đến names the document, then the leader's
        opinion — lead unit, supporting units, the deadline of each, the direction, its date and the leader — and
        leaves the unit leader's and the handler's blocks to be filled in."""
        text = self.render("ubnd_incoming.action_report_incoming_slip", self.doc)
        for label in ("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", "Công văn số 5120/BXD-QLN ngày 25/11/2026 của Bộ Xây dựng",
                      "1. Ý kiến của lãnh đạo cơ quan, tổ chức", "Giao đơn vị chủ trì: Sở Xây dựng",
                      "thời hạn giải quyết: 15/12/2026", "Sở Tài chính (thời hạn: 15/12/2026)",
                      "Giao Sở Xây dựng chủ trì", "ngày 02 tháng 12 năm 2026", self.vc_urban.name,
                      "2. Ý kiến của lãnh đạo đơn vị", "3. Ý kiến đề xuất của người giải quyết"):
            self.assertIn(label, text)
