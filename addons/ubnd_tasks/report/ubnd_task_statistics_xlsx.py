from odoo import models
from odoo.tools import SQL

# Fixed columns of the statistics template, in the national categories (catalogue A2).
COLUMN_KEYS = ("total", "completed", "on_time", "late", "not_completed", "in_term", "overdue", "on_time_rate")
DETAIL_BATCH = 5000


class UbndTaskStatisticsXlsx(models.AbstractModel):
    """The task statistics workbook on a fixed template: the same sheets and columns for the monthly,
    quarterly, six-month and annual reports, with the period's cut-off dates.

    Sheets: by lead unit, by leader in charge, by field, by origin (committee / Government), the
    list of overdue tasks at the cut-off, the inspections of tasks ended in the period, and the inspections of
    document enforcement that the Office reports at the quarter-end session (000 Đ41.3).
    Aggregates are computed in SQL and the overdue list is streamed in batches in constant-memory
    mode, so the cost stays flat in memory whatever the number of tasks.
    """

    _name = "report.ubnd_tasks.task_statistics_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Task statistics workbook"

    def get_workbook_options(self):
        return {"constant_memory": True, "default_date_format": "dd/mm/yyyy"}

    def _formats(self, workbook):
        return {
            "bold_center": workbook.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}),
            "title": workbook.add_format({"bold": True, "align": "center", "font_size": 13}),
            "italic_center": workbook.add_format({"italic": True, "align": "center"}),
            "header": workbook.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                                           "text_wrap": True, "bg_color": "#DDEBF7"}),
            "cell": workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
            "number": workbook.add_format({"border": 1, "align": "center"}),
            "total": workbook.add_format({"border": 1, "bold": True, "align": "center"}),
            "date": workbook.add_format({"border": 1, "num_format": "dd/mm/yyyy", "align": "center"}),
        }

    def _write_heading(self, sheet, fmt, wizard, title, width):
        committee = wizard.committee_id
        sheet.merge_range(0, 0, 0, 2, committee.name.upper(), fmt["bold_center"])
        sheet.merge_range(0, 3, 0, width, self.env._("SOCIALIST REPUBLIC OF VIETNAM"), fmt["bold_center"])
        sheet.merge_range(1, 3, 1, width, self.env._("Independence - Freedom - Happiness"), fmt["bold_center"])
        sheet.merge_range(3, 0, 3, width, title, fmt["title"])
        sheet.merge_range(4, 0, 4, width, wizard._period_label(), fmt["title"])
        if wizard.as_of < wizard.date_to:
            data_line = self.env._(
                "Data from %(start)s to %(end)s, figures as of %(as_of)s",
                start=wizard.date_from.strftime("%d/%m/%Y"), end=wizard.date_to.strftime("%d/%m/%Y"),
                as_of=wizard.as_of.strftime("%d/%m/%Y"),
            )
        else:
            data_line = self.env._(
                "Data from %(start)s to %(end)s",
                start=wizard.date_from.strftime("%d/%m/%Y"), end=wizard.date_to.strftime("%d/%m/%Y"),
            )
        sheet.merge_range(5, 0, 5, width, data_line, fmt["italic_center"])

    def _columns(self):
        return list(zip(COLUMN_KEYS, (
            self.env._("Total tasks"),
            self.env._("Completed"),
            self.env._("Completed on time"),
            self.env._("Completed late"),
            self.env._("Not completed"),
            self.env._("Not completed, within term"),
            self.env._("Not completed, overdue"),
            self.env._("On-time rate (%)"),
        )))

    def _write_table(self, sheet, fmt, first_label, rows, names):
        columns = self._columns()
        header_row = 7
        sheet.write(header_row, 0, self.env._("No."), fmt["header"])
        sheet.write(header_row, 1, first_label, fmt["header"])
        for col, (_key, label) in enumerate(columns, start=2):
            sheet.write(header_row, col, label, fmt["header"])
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 40)
        sheet.set_column(2, len(columns) + 1, 13)
        totals = dict.fromkeys([k for k in COLUMN_KEYS if k != "on_time_rate"], 0)
        row = header_row + 1
        for index, data in enumerate(sorted(rows, key=lambda r: names.get(r["key"], "")), start=1):
            sheet.write(row, 0, index, fmt["number"])
            sheet.write(row, 1, names.get(data["key"], self.env._("(not set)")), fmt["cell"])
            for col, key in enumerate(COLUMN_KEYS, start=2):
                value = data[key]
                sheet.write(row, col, value if value is not None else "", fmt["number"])
                if key in totals:
                    totals[key] += value
            row += 1
        sheet.write(row, 1, self.env._("Total"), fmt["total"])
        due = totals["completed"] + totals["overdue"]
        totals["on_time_rate"] = round(100.0 * totals["on_time"] / due, 2) if due else ""
        for col, key in enumerate(COLUMN_KEYS, start=2):
            sheet.write(row, col, totals[key], fmt["total"])
        return row

    def _names(self, model, keys):
        records = self.env[model].sudo().browse([k for k in keys if k])
        return {r.id: r.display_name for r in records}

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        wizard._check_reader()
        fmt = self._formats(workbook)
        Task = self.env["ubnd.task"]
        committee = wizard.committee_id
        title = self.env._("REPORT ON THE IMPLEMENTATION OF ASSIGNED TASKS")
        groupings = [
            ("lead_unit_id", "hr.department", self.env._("By lead unit"), self.env._("Lead unit")),
            ("leader_id", "res.users", self.env._("By leader in charge"), self.env._("Leader in charge")),
            ("field_id", "ubnd.field", self.env._("By field"), self.env._("Field")),
        ]
        for column, model, sheet_name, label in groupings:
            sheet = workbook.add_worksheet(sheet_name)
            self._write_heading(sheet, fmt, wizard, title, len(COLUMN_KEYS) + 1)
            rows = Task._statistics(committee, wizard.date_from, wizard.date_to, groupby=column)
            self._write_table(sheet, fmt, label, rows, self._names(model, [r["key"] for r in rows]))
        sheet = workbook.add_worksheet(self.env._("By origin"))
        self._write_heading(sheet, fmt, wizard, title, len(COLUMN_KEYS) + 1)
        kinds = dict(Task._fields["kind"]._description_selection(self.env))
        rows = Task._statistics(committee, wizard.date_from, wizard.date_to, groupby="kind")
        self._write_table(sheet, fmt, self.env._("Assigned by"), rows, kinds)
        self._write_overdue_sheet(workbook, fmt, wizard)
        self._write_inspection_sheet(workbook, fmt, wizard)
        self._write_inspection_sheet(workbook, fmt, wizard, subject="documents")

    def _write_overdue_sheet(self, workbook, fmt, wizard):
        """The tasks not completed and overdue on the day the figures are taken (the earlier of today and the
        cut-off), with their days overdue on that day, streamed in batches."""
        sheet = workbook.add_worksheet(self.env._("Overdue tasks"))
        headers = [self.env._("No."), self.env._("Assigning document"), self.env._("Task"), self.env._("Lead unit"),
                   self.env._("Leader in charge"), self.env._("Deadline"), self.env._("Days overdue")]
        self._write_heading(sheet, fmt, wizard, self.env._("OVERDUE TASKS"), len(headers) - 1)
        for col, label in enumerate(headers):
            sheet.write(7, col, label, fmt["header"])
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 22)
        sheet.set_column(2, 2, 50)
        sheet.set_column(3, 4, 28)
        sheet.set_column(5, 6, 12)
        cr = self.env.cr
        units = {}
        leaders = {}
        as_of = wizard.as_of
        overdue = self.env["ubnd.task"]._overdue_sql(as_of)
        row, last_id = 8, 0
        while True:
            cr.execute(SQL("""
                SELECT t.id, t.source_number, t.name, t.lead_unit_id, t.leader_id, t.effective_deadline
                  FROM ubnd_task t
                 WHERE t.committee_id = %(committee)s AND t.active
                   AND t.state IN ('in_progress', 'reported', 'done')
                   AND t.assign_date <= %(to)s
                   AND NOT (t.state = 'done' AND t.completion_date <= %(to)s)
                   AND %(overdue)s
                   AND t.id > %(last_id)s
              ORDER BY t.id
                 LIMIT %(batch)s
            """, committee=wizard.committee_id.id, to=wizard.date_to, overdue=overdue, last_id=last_id,
                batch=DETAIL_BATCH))
            batch = cr.fetchall()
            if not batch:
                break
            missing_units = {r[3] for r in batch} - units.keys()
            units.update(self._names("hr.department", missing_units))
            missing_leaders = {r[4] for r in batch} - leaders.keys()
            leaders.update(self._names("res.users", missing_leaders))
            for task_id, number, name, unit_id, leader_id, deadline in batch:
                sheet.write(row, 0, row - 7, fmt["number"])
                sheet.write(row, 1, number or "", fmt["cell"])
                sheet.write(row, 2, name or "", fmt["cell"])
                sheet.write(row, 3, units.get(unit_id, ""), fmt["cell"])
                sheet.write(row, 4, leaders.get(leader_id, ""), fmt["cell"])
                sheet.write_datetime(row, 5, deadline, fmt["date"])
                sheet.write(row, 6, (as_of - deadline).days, fmt["number"])
                row += 1
            last_id = batch[-1][0]

    def _write_inspection_sheet(self, workbook, fmt, wizard, subject="tasks"):
        """Inspections ended in the period, one sheet per subject: of the tasks assigned (002 Đ16, Đ18), and of
        the enforcement of documents, which the Office compiles and reports at the regular session at the end of
        each quarter (000 Đ41.2–41.3), listing the documents inspected."""
        _ = self.env._
        if subject == "documents":
            name, title = _("Document enforcement"), _("INSPECTIONS OF DOCUMENT ENFORCEMENT (000 Đ41.3)")
        else:
            name, title = _("Inspections"), _("INSPECTIONS ENDED IN THE PERIOD")
        sheet = workbook.add_worksheet(name)
        headers = [_("No."), _("Inspection"), _("Form"), _("Ended on"), _("Result report"), _("Reported late")]
        if subject == "documents":
            headers.append(_("Documents inspected"))
        self._write_heading(sheet, fmt, wizard, title, len(headers) - 1)
        for col, label in enumerate(headers):
            sheet.write(7, col, label, fmt["header"])
        sheet.set_column(1, 1, 50)
        sheet.set_column(2, 5, 16)
        sheet.set_column(6, 6, 50)
        inspections = self.env["ubnd.inspection"].sudo().search([
            ("committee_id", "=", wizard.committee_id.id), ("subject", "=", subject),
            ("ended_date", ">=", wizard.date_from), ("ended_date", "<=", wizard.date_to),
        ], order="ended_date, id")
        forms = dict(inspections._fields["inspection_type"]._description_selection(self.env))
        for row, inspection in enumerate(inspections, start=8):
            sheet.write(row, 0, row - 7, fmt["number"])
            sheet.write(row, 1, inspection.name, fmt["cell"])
            sheet.write(row, 2, forms[inspection.inspection_type], fmt["cell"])
            sheet.write_datetime(row, 3, inspection.ended_date, fmt["date"])
            if inspection.report_date:
                sheet.write_datetime(row, 4, inspection.report_date, fmt["date"])
            else:
                sheet.write(row, 4, "", fmt["cell"])
            sheet.write(row, 5, self.env._("Yes") if inspection.report_late else "", fmt["cell"])
            if subject == "documents":
                sheet.write(row, 6, "; ".join(inspection.document_ids.mapped("display_reference")), fmt["cell"])
