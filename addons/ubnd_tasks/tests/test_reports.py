from datetime import date
from io import BytesIO

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestReports(UbndTaskCase):
    """Statistics in the national categories for a known data set; xlsx on the fixed template; dashboards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_field = cls.field_finance

    def _task(self, unit, assigned, deadline=None, done=None, field=None, **vals):
        task = self.make_task(lead_unit_id=unit.id, deadline=deadline, field_id=(field or self.field_construction).id, **vals)
        self.assign(task, on=assigned)
        if done:
            self.confirm(self.report(task, done, user=self.staff if unit == self.department else self.finance_staff), done)
        return task

    def _dataset(self):
        """Quarter IV/2026 runs from 21/09/2026 to 20/12/2026 (000 Đ50.3.b cut-off: the 20th)."""
        d, f = self.department, self.finance
        self._task(d, date(2026, 10, 1), date(2026, 10, 30), done=date(2026, 10, 28))        # on time
        self._task(d, date(2026, 10, 1), date(2026, 10, 30), done=date(2026, 11, 5))         # late
        self._task(d, date(2026, 10, 1), date(2026, 12, 15))                                 # overdue at cut-off
        self._task(d, date(2026, 11, 2), date(2026, 12, 31))                                 # in term
        self._task(f, date(2026, 10, 1), field=self.finance_field)                           # no deadline, open
        self._task(f, date(2026, 10, 1), done=date(2026, 11, 10), field=self.finance_field)  # no deadline, done
        self._task(f, date(2026, 9, 1), date(2026, 9, 15), done=date(2026, 9, 10), field=self.finance_field)  # before
        self._task(f, date(2026, 12, 1), date(2026, 12, 18), done=date(2026, 12, 21), field=self.finance_field)  # late after cut-off
        self._task(self.commune, date(2026, 12, 22), date(2027, 1, 15))                      # after the cut-off
        cancelled = self._task(d, date(2026, 10, 1), date(2026, 10, 30))
        cancelled.with_user(self.office_clerk)._cancel("Không còn phù hợp", direction_reference="TB 300/TB-UBND")
        self.make_task(deadline=date(2026, 10, 30))                                          # draft

    def test_statistics_by_unit_for_a_known_data_set(self):
        """R-002-18.2, R-002-19.1: the quarterly statistics count, per lead unit, the tasks completed on time or
        late and not completed within term or overdue at the cut-off, with the on-time rate."""
        self._dataset()
        rows = {r["key"]: r for r in self.Task._statistics(self.committee, date(2026, 9, 21), date(2026, 12, 20))}
        self.assertEqual(set(rows), {self.department.id, self.finance.id})
        dept, fin = rows[self.department.id], rows[self.finance.id]
        self.assertEqual((dept["total"], dept["completed"], dept["on_time"], dept["late"],
                          dept["not_completed"], dept["in_term"], dept["overdue"]), (4, 2, 1, 1, 2, 1, 1))
        self.assertEqual(dept["on_time_rate"], 33.33)
        self.assertEqual((fin["total"], fin["completed"], fin["on_time"], fin["late"],
                          fin["not_completed"], fin["in_term"], fin["overdue"]), (3, 1, 1, 0, 2, 1, 1))
        self.assertEqual(fin["on_time_rate"], 50.0)
        by_leader = {r["key"]: r["total"] for r in self.Task._statistics(
            self.committee, date(2026, 9, 21), date(2026, 12, 20), groupby="leader_id")}
        self.assertEqual(by_leader, {self.vc_urban.id: 4, self.vc_economy.id: 3})
        by_field = {r["key"]: r["total"] for r in self.Task._statistics(
            self.committee, date(2026, 9, 21), date(2026, 12, 20), groupby="field_id")}
        self.assertEqual(by_field, {self.field_construction.id: 4, self.field_finance.id: 3})

    def test_quarterly_workbook_on_the_fixed_template(self):
        """R-002-18.2: the quarterly workbook has the same sheets and columns as the other periods and holds the
        numbers of the known data set, with the totals and the overdue list."""
        self._dataset()
        wizard = self.env["ubnd.task.report.wizard"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 9, 21), date(2026, 12, 20)))
        content, ext = self.env["ir.actions.report"].with_user(self.office_clerk)._render_xlsx(
            "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
        self.assertEqual(ext, "xlsx")
        book = load_workbook(BytesIO(content))
        self.assertEqual(len(book.worksheets), 6)
        sheet = book.worksheets[0]
        rows = {row[1]: row[2:10] for row in sheet.iter_rows(min_row=9, values_only=True) if row[1]}
        self.assertEqual(rows[self.department.display_name], (4, 2, 1, 1, 2, 1, 1, 33.33))
        self.assertEqual(rows[self.finance.display_name], (3, 1, 1, 0, 2, 1, 1, 50))
        self.assertEqual(rows["Total"], (7, 3, 2, 1, 4, 2, 2, 40))
        overdue = [row for row in book.worksheets[4].iter_rows(min_row=9, values_only=True) if row[0]]
        self.assertEqual(len(overdue), 2)
        self.assertEqual(sorted(r[6] for r in overdue), [2, 5])  # days overdue at 20/12: deadlines 18/12 and 15/12

    def test_periods_use_the_profile_cut_offs(self):
        """R-002-18.2: monthly, quarterly, six-month and annual workbooks use the profile's cut-off dates."""
        Wizard = self.env["ubnd.task.report.wizard"]
        cases = {
            ("month", "2", None): (date(2026, 2, 1), date(2026, 2, 28)),
            ("quarter", None, "1"): (date(2025, 12, 21), date(2026, 3, 20)),
            ("half_year", None, None): (date(2025, 12, 21), date(2026, 6, 20)),
            ("year", None, None): (date(2025, 12, 21), date(2026, 12, 20)),
        }
        for (period, month, quarter), bounds in cases.items():
            wizard = Wizard.create({"committee_id": self.committee.id, "period_type": period, "year": 2026,
                                    "month": month or "1", "quarter": quarter or "1"})
            self.assertEqual((wizard.date_from, wizard.date_to), bounds, period)
        self.profile.report_quarter_day = 15
        wizard = Wizard.create({"committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "2"})
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 3, 16), date(2026, 6, 15)))

    def test_pivot_statistics_by_unit_leader_field(self):
        """R-002-18.2: the statistics view groups tasks by unit, leader in charge and field in the national
        categories."""
        self._dataset()
        Analysis = self.env["ubnd.task.analysis"]
        groups = Analysis._read_group(
            [("committee_id", "=", self.committee.id)], ["lead_unit_id"],
            ["task_count:sum", "on_time_count:sum", "late_count:sum", "in_term_count:sum", "overdue_count:sum"])
        counts = {unit: rest for unit, *rest in groups}
        self.assertEqual(counts[self.department], [4, 1, 1, 2, 0])
        leaders = dict(Analysis._read_group([("committee_id", "=", self.committee.id)], ["leader_id"], ["task_count:sum"]))
        self.assertEqual(leaders[self.vc_economy], 4)

    def test_unit_dashboard_lists_overdue_and_due_soon(self):
        """R-002-5.1g: a unit's dashboard lists its overdue tasks and those due within the profile's window."""
        overdue = self._task(self.department, date(2026, 11, 2), date(2026, 11, 20))
        soon = self._task(self.department, date(2026, 11, 2), date(2026, 11, 27))
        later = self._task(self.department, date(2026, 11, 2), date(2027, 3, 31))
        coordinated = self._task(self.finance, date(2026, 11, 2), date(2026, 11, 26),
                                 coordinating_unit_ids=[(6, 0, self.department.ids)])
        self.status_on(overdue, date(2026, 11, 23))
        with freeze_time(date(2026, 11, 23)):
            data = self.Task.with_user(self.staff).get_unit_dashboard()
            soon_ids = self.Task.with_user(self.staff).search([("is_due_soon", "=", True), ("is_my_unit", "=", True)])
        self.assertEqual([r["id"] for r in data["overdue"]], overdue.ids)
        self.assertEqual({r["id"] for r in data["due_soon"]}, {soon.id, coordinated.id})
        self.assertNotIn(later, soon_ids)
        self.assertEqual(set(soon_ids.ids), {soon.id, coordinated.id})
