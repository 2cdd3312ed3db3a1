from datetime import date

from odoo.tests import tagged

from odoo.addons.ubnd_tasks.tests.common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestReportTaskFigures(UbndTaskCase):
    def test_periodic_report_carries_task_statistics(self):
        """R-002-18.2, R-002-19.1, R-000-40.3: the periodic report of a period carries the task statistics in the
        national categories (completed on time or late, not completed within term or overdue, on-time rate)."""
        on_time = self.assign(self.make_task(name="Nhiệm vụ đúng hạn", deadline=date(2026, 11, 20)))
        self.confirm(self.report(on_time, date(2026, 11, 18)), date(2026, 11, 19))
        overdue = self.assign(self.make_task(name="Nhiệm vụ quá hạn", deadline=date(2026, 11, 10)))
        self.assign(self.make_task(name="Nhiệm vụ trong hạn", deadline=date(2026, 12, 15)))
        figures = self.env["ubnd.report"]._get_period_figures(self.committee, date(2026, 11, 1), date(2026, 11, 30))
        values = {key: value for key, _label, value in figures["tasks"]["values"]}
        self.assertEqual((values["total"], values["completed"], values["on_time"], values["late"]), (3, 1, 1, 0))
        self.assertEqual((values["in_term"], values["overdue"]), (1, 1))
        self.assertEqual(values["on_time_rate"], 50.0)
        self.assertIn("programme", figures, "the programme's own sections stay")
        unit_figures = self.env["ubnd.report"]._get_period_figures(
            self.committee, date(2026, 11, 1), date(2026, 11, 30), unit=self.finance)
        self.assertEqual(dict((k, v) for k, _l, v in unit_figures["tasks"]["values"])["total"], 0)
        self.assertTrue(overdue)
