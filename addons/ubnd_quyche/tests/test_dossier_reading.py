import base64

from lxml import etree

from odoo.tests import HttpCase, tagged

from .printing import pdf_text
from .test_submission import UbndSubmissionCase


@tagged("post_install", "-at_install")
class TestDossierReading(UbndSubmissionCase):
    """Issue #12 item 5: the leader reads a dossier's files in the app, on the desktop and on the phone."""

    def test_demo_dossier_files_are_real_vietnamese_pdfs(self):
        """R-000-15.2: the demo builder files the phiếu trình, the tờ trình and the draft as three real PDFs of
        several pages in Vietnamese, each naming the dossier, instead of byte stubs no viewer opens."""
        sub = self.new_submission(name="Quyết định phê duyệt kế hoạch chỉnh trang đô thị",
                                  summary="Chỉnh trang vỉa hè và chiếu sáng 12 tuyến phố trung tâm.")
        self.env["ubnd.demo"]._complete(sub, self.staff)
        required = sub.component_ids.filtered("required")
        self.assertEqual(required.mapped("provided"), [True, True, True])
        self.assertEqual(len(required.attachment_ids), 3, "one file per component")
        for component, heading in zip(required.sorted("sequence"), ("PHIẾU TRÌNH", "TỜ TRÌNH", "DỰ THẢO")):
            file = component.attachment_ids
            self.assertEqual(file.mimetype, "application/pdf")
            self.assertEqual((file.res_model, file.res_id), ("ubnd.submission", sub.id))
            data = base64.b64decode(file.datas)
            self.assertTrue(data.startswith(b"%PDF-"))
            text = pdf_text(data)
            self.assertGreaterEqual(text.count("\f"), 2, "a few pages")
            self.assertIn(heading, text)
            self.assertIn("Quyết định phê duyệt kế hoạch chỉnh trang đô thị", " ".join(text.split()))

    def test_the_component_table_shows_full_names_and_previews_files(self):
        """Issue #12 item 5: the components are cards on the phone (their name in full) and a list on the
        desktop; in both the files open in Odoo's file viewer rather than only downloading."""
        arch = etree.fromstring(self.env["ubnd.submission"].get_views([(False, "form")])["views"]["form"]["arch"])
        components = arch.xpath("//field[@name='component_ids']")[0]
        for view in ("list", "kanban", "form"):
            self.assertTrue(components.xpath("./%s//field[@name='attachment_ids'][@widget='ubnd_file_preview']" % view),
                            "%s: files open in the viewer" % view)
        self.assertTrue(components.xpath("./kanban//field[@name='code'][contains(@class, 'text-wrap')]"))


@tagged("post_install", "-at_install")
class TestLeaderReadsDossierTour(HttpCase):
    """Issue #12 item 5, in the browser on the demo at phone width."""

    def test_vice_chairman_previews_a_file_on_his_phone(self):
        """R-000-15.2: the Vice-Chairman for urban affairs opens the dossier waiting for his decision on his phone,
        reads the components' names in full and opens the phiếu trình in the viewer."""
        sub = self.env["ubnd.submission"].search([("name", "=", "Quyết định phê duyệt giá khởi điểm đấu giá khu đất số 3")])
        if not sub:
            self.skipTest("needs the suite's demo data")
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/ubnd.submission/%d" % sub.id, "ubnd_leader_reads_dossier", login="pct.dothi.hp")
