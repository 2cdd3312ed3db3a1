from datetime import date

from odoo.tests import tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestReports(UbndSubmissionCase):
    """Printed outputs follow the Decree 30/2020 layout."""

    def render(self, report, records):
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)
        return html.decode()

    def test_document_first_page(self):
        """R-ND30-13.2, R-ND30-15.1: the issued document shows the national heading, the body's name, its number
        with a leading zero, the place and date, and the signature block of its capacity."""
        self.committee.place_name = "Thử Nghiệm"
        doc = self.env["ubnd.document"].create({
            "name": "Về việc phê duyệt kế hoạch chuyển đổi số", "committee_id": self.committee.id,
            "document_type_id": self.doctype_decision.id, "authority": "committee", "field_id": self.field_finance.id,
            "body": "<p>Điều 1. Phê duyệt kế hoạch.</p>", "recipients": "- Như Điều 3;\n- Lưu: VT, STC.",
        })
        with on(date(2026, 2, 5)):
            doc.with_user(self.vc_economy).action_sign()
        html = self.render("ubnd_quyche.report_ubnd_document", doc)
        for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                         "THÀNH PHỐ THỬ NGHIỆM", "Số: 01/QĐ-UBND", "Thử Nghiệm, ngày 05 tháng 02 năm 2026",
                         "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nơi nhận:", "- Lưu: VT, STC."):
            self.assertIn(expected, html)

    def test_date_line_months_three_to_nine_without_zero(self):
        """Decree 30/2020 App. I §II.4: months 3–9 are printed without a leading zero."""
        doc = self.env["ubnd.document"].new({"committee_id": self.committee.id, "date": date(2026, 9, 4)})
        self.committee.place_name = "Hải Phòng"
        self.assertEqual(doc._nd30_date_line(), "Hải Phòng, ngày 04 tháng 9 năm 2026")

    def test_submission_slip(self):
        """R-000-15.2: the printed phiếu trình lists the dossier, its components and each step's opinion."""
        sub = self.submit(self.complete(self.new_submission(summary="Đề nghị phê duyệt.")), date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 3))  # the unit head initialled at submission
        html = self.render("ubnd_quyche.report_ubnd_submission_slip", sub)
        self.assertIn("PHIẾU TRÌNH GIẢI QUYẾT HỒ SƠ, CÔNG VIỆC", html)
        self.assertIn(sub.reference, html)
        self.assertIn("Đề nghị phê duyệt.", html)
        self.assertIn(self.unit_head.name, html)


@tagged("post_install", "-at_install")
class TestDemoStory(UbndSubmissionCase):
    def test_demo_has_submissions_in_every_state(self):
        """The demo tells the story of both committees with submissions in every state."""
        committee = self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False)
        if not committee:
            self.skipTest("demo data not installed")
        states = set(self.env["ubnd.submission"].search([("committee_id", "=", committee.id)]).mapped("state"))
        self.assertEqual(states, {s for s, _l in self.env["ubnd.submission"]._fields["state"].selection})
        self.assertEqual(self.env.ref("ubnd_quyche.committee_trian").voting_member_count, 6)
        self.assertEqual(committee.voting_member_count, 9)
