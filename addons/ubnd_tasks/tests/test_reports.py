import ast
from datetime import date
from io import BytesIO

from freezegun import freeze_time
from lxml import etree
from openpyxl import load_workbook

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

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

    @freeze_time("2026-12-28")
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

    @freeze_time("2026-12-28")
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
        self.assertEqual(len(book.worksheets), 7, "4 statistics, overdue, inspections of tasks, of document enforcement")
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

    # --- The wizard as the Office meets it (issue #12, item 8) ------------------------------------------
    def _render(self, wizard, user=None):
        content, _ext = self.env["ir.actions.report"].with_user(user or self.office_clerk)._render_xlsx(
            "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
        return load_workbook(BytesIO(content))

    def test_default_period_is_the_one_under_way(self):
        """R-000-50.3b, R-002-18.2: the workbook opens on the period under way by the profile's cut-offs: on
        06/12/2026 the fourth quarter (21/09–20/12/2026), December, the year 2026 and its first six months (the last
        six-month report); after the annual cut-off of 20/12, on 25/12/2026, the first quarter and the year 2027."""
        Wizard = self.env["ubnd.task.report.wizard"].with_user(self.office_clerk)
        cases = {
            "2026-12-06": {"quarter": (2026, "4"), "month": (2026, "12"), "half_year": (2026, None), "year": (2026, None)},
            "2026-12-25": {"quarter": (2027, "1"), "month": (2026, "12"), "year": (2027, None)},
            "2026-03-21": {"quarter": (2026, "2"), "month": (2026, "3"), "half_year": (2026, None)},
        }
        for today, expected in cases.items():
            with freeze_time(today):
                with Form(Wizard) as form:
                    self.assertEqual((form.period_type, form.year, form.quarter), ("quarter", *expected["quarter"]), today)
                    for period, (year, number) in expected.items():
                        form.period_type = period
                        self.assertEqual(form.year, year, (today, period))
                        if period in ("month", "quarter"):
                            self.assertEqual(form[period], number, (today, period))
        with freeze_time("2026-12-06"):
            wizard = Wizard.create({"committee_id": self.committee.id})
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 9, 21), date(2026, 12, 20)))

    def test_years_shown_without_thousands_separator(self):
        """Issue #12, item 8: a year reads "2026", not "2.026": every form and list of the tasks app that shows a
        year field turns the number formatting off."""
        models = ["ubnd.task.report.wizard", "ubnd.unit.report", "ubnd.inspection.plan", "ubnd.focal.report",
                  "ubnd.focal.plan"]
        models = [name for name in models if name in self.env]
        views = self.env["ir.ui.view"].search([("model", "in", models), ("type", "in", ("form", "list"))])
        checked = 0
        for view in views:
            arch = etree.fromstring(self.env[view.model].get_view(view.id, view.type)["arch"])
            for node in arch.iter("field"):
                if node.get("name") == "year" and self.env[view.model]._fields["year"].type == "integer":
                    options = ast.literal_eval(node.get("options") or "{}")
                    self.assertIs(options.get("enable_formatting"), False, "%s: %s" % (view.xml_id, etree.tostring(node)))
                    checked += 1
        self.assertGreaterEqual(checked, 7)
        wizard_arch = self.env["ubnd.task.report.wizard"].get_view(
            self.env.ref("ubnd_tasks.ubnd_task_report_wizard_view_form").id)["arch"]
        self.assertIn("enable_formatting", wizard_arch)

    def test_overdue_counted_to_today_before_the_cut_off(self):
        """R-002-5.1g, R-002-18.2: while the period runs, the figures are taken today, not at the cut-off ahead: on
        06/12/2026 the fourth-quarter workbook (cut-off 20/12) counts a task due 09/12 in term, as its own status
        says, not "overdue by 11 days"; a task due 01/12 is overdue by 5 days (not 19); a completion reported by
        its deadline of 03/12 and awaiting the Office's confirmation is in term."""
        due_later = self._task(self.department, date(2026, 11, 2), date(2026, 12, 9))
        due_past = self._task(self.department, date(2026, 11, 2), date(2026, 12, 1))
        reported = self._task(self.department, date(2026, 11, 2), date(2026, 12, 3))
        self.report(reported, date(2026, 12, 2))
        for task in (due_later, due_past, reported):
            self.status_on(task, date(2026, 12, 6))
        self.assertEqual((due_later.status, due_past.status, reported.status), ("in_term", "overdue", "in_term"))
        with freeze_time("2026-12-06"):
            rows = self.Task._statistics(self.committee, date(2026, 9, 21), date(2026, 12, 20))
            wizard = self.env["ubnd.task.report.wizard"].with_user(self.office_clerk).create({
                "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
            self.assertEqual((wizard.date_to, wizard.as_of), (date(2026, 12, 20), date(2026, 12, 6)))
            book = self._render(wizard)
        dept = {row["key"]: row for row in rows}[self.department.id]
        self.assertEqual((dept["total"], dept["in_term"], dept["overdue"]), (3, 2, 1))
        sheet_rows = {row[1]: row[2:10] for row in book.worksheets[0].iter_rows(min_row=9, values_only=True) if row[1]}
        self.assertEqual(sheet_rows[self.department.display_name], (3, 0, 0, 0, 3, 2, 1, 0))
        overdue = [row for row in book.worksheets[4].iter_rows(min_row=9, values_only=True) if row[0]]
        self.assertEqual([(row[5].date(), row[6]) for row in overdue], [(date(2026, 12, 1), 5)])
        self.assertIn("06/12/2026", book.worksheets[0].cell(6, 1).value)
        # After the cut-off the figures are the cut-off's: the task due 09/12 is then overdue by 11 days.
        with freeze_time("2026-12-28"):
            wizard = self.env["ubnd.task.report.wizard"].with_user(self.office_clerk).create({
                "committee_id": self.committee.id, "period_type": "quarter", "year": 2026, "quarter": "4"})
            book = self._render(wizard)
        overdue = {row[5].date(): row[6] for row in book.worksheets[4].iter_rows(min_row=9, values_only=True) if row[0]}
        self.assertEqual(overdue, {date(2026, 12, 1): 19, date(2026, 12, 9): 11})

    def test_workbook_named_in_vietnamese(self):
        """Issue #12, item 8: the workbook downloads under a Vietnamese name that says what and which period it is."""
        if not self.env["res.lang"]._lang_get("vi_VN"):
            self.skipTest("Vietnamese is not installed")
        report = self.env.ref("ubnd_tasks.action_report_task_statistics_xlsx")
        Wizard = self.env["ubnd.task.report.wizard"].with_user(self.office_clerk).with_context(lang="vi_VN")
        names = {
            ("quarter", "4"): "Báo cáo tình hình thực hiện nhiệm vụ - Quý IV năm 2026",
            ("month", "12"): "Báo cáo tình hình thực hiện nhiệm vụ - Tháng 12 năm 2026",
            ("half_year", None): "Báo cáo tình hình thực hiện nhiệm vụ - 6 tháng đầu năm 2026",
            ("year", None): "Báo cáo tình hình thực hiện nhiệm vụ - Năm 2026",
        }
        for (period, number), name in names.items():
            values = {"committee_id": self.committee.id, "period_type": period, "year": 2026}
            if number:
                values[period] = number
            wizard = Wizard.create(values)
            self.assertEqual(safe_eval(report.print_report_name, {"object": wizard}), name)
