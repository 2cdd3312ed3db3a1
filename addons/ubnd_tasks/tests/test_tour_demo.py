import json
from io import BytesIO
from urllib.parse import unquote, urlencode

from openpyxl import load_workbook

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTaskDemoTours(HttpCase):
    """The journeys of issue #12, item 8, walked in the browser on the Vietnamese demo as its users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = cls.env.ref("ubnd_quyche.user_hp_office_clerk", raise_if_not_found=False)
        cls.finance_staff = cls.env.ref("ubnd_quyche.user_hp_finance_staff", raise_if_not_found=False)
        cls.task = cls.env["ubnd.task"].search([("name", "=", "Đề xuất cơ chế hỗ trợ nhà thầu tiếp cận vốn vay")], limit=1)

    def setUp(self):
        super().setUp()
        if not (self.clerk and self.finance_staff and self.task):
            self.skipTest("the Vietnamese demo data is not installed")
        self.browser_size = "1440x900"

    def test_unit_reports_and_office_confirms_the_opened_report(self):
        """R-002-6.1a, R-002-6.1a-2: the Department of Finance's focal officer reports progress and then completion
        with the e-files of its report documents; the Office opens the completion report, reads it and confirms it
        there — the task is completed — then opens and confirms the progress report."""
        url = "/odoo/ubnd.task/%d" % self.task.id
        self.start_tour(url, "ubnd_task_unit_reports_progress_and_completion", login="chuyenvien.stc.hp")
        updates = self.task.update_ids.filtered(lambda u: u.report_reference in ("251/BC-STC", "252/BC-STC"))
        self.assertEqual(sorted(updates.mapped("kind")), ["completion", "progress"])
        self.assertTrue(all(update.attachment_ids for update in updates))
        self.assertEqual(self.task.state, "reported")
        self.start_tour(url, "ubnd_task_office_confirms_opened_report", login="chuyenvien.vp.hp")
        self.assertEqual(self.task.state, "done")
        self.assertEqual(set(updates.mapped("state")), {"confirmed"})
        self.assertEqual(updates.confirmed_by_id, self.clerk)

    def test_statistics_workbook_downloaded_from_the_wizard(self):
        """R-002-18.2, R-000-50.3b: the Office opens the statistics workbook on the quarter under way (the year
        reads 2026) and downloads it; the file carries a Vietnamese name and the figures of the statistics."""
        self.start_tour("/odoo/action-ubnd_tasks.ubnd_task_action", "ubnd_task_statistics_xlsx", login="chuyenvien.vp.hp")
        wizard = self.env["ubnd.task.report.wizard"].search([("create_uid", "=", self.clerk.id)], order="id desc", limit=1)
        self.assertEqual((wizard.period_type, wizard.quarter), ("quarter", str((wizard.date_to.month - 1) // 3 + 1)))
        self.authenticate("chuyenvien.vp.hp", "chuyenvien.vp.hp")
        report_url = "/report/xlsx/ubnd_tasks.task_statistics_xlsx/%d?%s" % (
            wizard.id, urlencode({"context": json.dumps({"lang": "vi_VN"})}))
        response = self.url_open("/report/download?" + urlencode({
            "data": json.dumps([report_url, "xlsx"]), "context": json.dumps({"lang": "vi_VN"}),
        }))
        self.assertEqual(response.status_code, 200)
        disposition = unquote(response.headers["Content-Disposition"])
        expected = wizard.with_context(lang="vi_VN").file_name
        self.assertTrue(expected.startswith("Báo cáo tình hình thực hiện nhiệm vụ - Quý "), expected)
        self.assertIn("%s.xlsx" % expected, disposition)
        book = load_workbook(BytesIO(response.content))
        rows = self.env["ubnd.task"]._statistics(wizard.committee_id, wizard.date_from, wizard.date_to)
        sheet = [row for row in book.worksheets[0].iter_rows(min_row=9, values_only=True) if row[1]]
        total = sheet[-1]
        for col, key in enumerate(("total", "completed", "on_time", "late", "not_completed", "in_term", "overdue"), 2):
            self.assertEqual(total[col], sum(row[key] for row in rows), key)
        self.assertEqual(len(sheet) - 1, len(rows))
