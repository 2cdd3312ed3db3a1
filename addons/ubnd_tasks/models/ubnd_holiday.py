from datetime import timedelta

from odoo import api, models


class UbndHoliday(models.Model):
    """A day off added or removed moves the effective deadlines of the tasks due around it."""

    _inherit = "ubnd.holiday"

    @api.model_create_multi
    def create(self, vals_list):
        holidays = super().create(vals_list)
        holidays._recompute_task_deadlines()
        return holidays

    def write(self, vals):
        before = self.mapped("date")
        res = super().write(vals)
        self._recompute_task_deadlines(extra_dates=before)
        return res

    def unlink(self):
        dates = self.mapped("date")
        res = super().unlink()
        self.browse()._recompute_task_deadlines(extra_dates=dates)
        return res

    def _recompute_task_deadlines(self, extra_dates=()):
        dates = list(self.mapped("date")) + list(extra_dates)
        if not dates or "ubnd.task" not in self.env:
            return
        Task = self.env["ubnd.task"].sudo().with_context(active_test=False)
        # A deadline rolls forward over at most a run of consecutive days off (Tết: about ten days).
        tasks = Task.search([("deadline", ">=", min(dates) - timedelta(days=15)), ("deadline", "<=", max(dates))])
        if tasks:
            self.env.add_to_compute(Task._fields["effective_deadline"], tasks)
