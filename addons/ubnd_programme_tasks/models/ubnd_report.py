from odoo import models


class UbndReport(models.Model):
    """Periodic reports carry the task statistics of their period (000 Đ50; 002 Đ18.2, Đ19–20)."""

    _inherit = "ubnd.report"

    def _get_period_figures(self, committee, date_from, date_to, unit=None):
        figures = super()._get_period_figures(committee, date_from, date_to, unit=unit)
        rows = self.env["ubnd.task"]._statistics(committee, date_from, date_to, groupby="lead_unit_id")
        if unit:
            rows = [row for row in rows if row["key"] == unit.id]
        totals = {key: sum(row[key] for row in rows) for key in
                  ("total", "completed", "on_time", "late", "not_completed", "in_term", "overdue")}
        due = totals["completed"] + totals["overdue"]
        rate = round(100.0 * totals["on_time"] / due, 2) if due else None
        labels = (
            ("total", self.env._("Tasks")),
            ("completed", self.env._("Completed")),
            ("on_time", self.env._("Completed on time")),
            ("late", self.env._("Completed late")),
            ("in_term", self.env._("Not completed, within term")),
            ("overdue", self.env._("Not completed, overdue")),
        )
        values = [(key, label, totals[key]) for key, label in labels]
        values.append(("on_time_rate", self.env._("On-time rate (%)"), rate))
        figures["tasks"] = {"label": self.env._("Assigned tasks"), "values": values}
        return figures
