from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .ubnd_task import check_tasks_of_committee


class UbndInspectionFinding(models.Model):
    """A conclusion on one task or unit (002 Đ16.3.b): where a task was not done, done wrongly or
    incompletely, it states the nature, extent, cause and responsibility."""

    _name = "ubnd.inspection.finding"
    _inherit = ["ubnd.inspection.child"]
    _description = "Inspection finding"

    inspection_id = fields.Many2one("ubnd.inspection", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    task_id = fields.Many2one("ubnd.task")

    @api.constrains("task_id", "inspection_id")
    def _check_task_committee(self):
        for finding in self:
            check_tasks_of_committee(self.env, finding.task_id, finding.inspection_id.committee_id)
    unit_id = fields.Many2one("hr.department", string="Unit")
    result = fields.Selection(
        [("done", "Done as assigned"), ("partly", "Done incompletely"), ("not_done", "Not done"),
         ("wrong", "Done wrongly"), ("unlawful_provision", "Unlawful or outdated provision found")],
        required=True, default="done",
        help="001 Đ17.3 — heads report unlawful or outdated provisions to the Chairman or the Vice-Chairman in charge.",
    )
    assessment = fields.Text()
    nature = fields.Text()
    extent = fields.Text()
    cause = fields.Text()
    responsibility = fields.Text()

    @api.constrains("result", "nature", "extent", "cause", "responsibility")
    def _check_failure_elements(self):
        for finding in self:
            if finding.result in ("partly", "not_done", "wrong") and not (
                finding.nature and finding.extent and finding.cause and finding.responsibility
            ):
                raise ValidationError(self.env._(
                    "Where a task was not done or done wrongly or incompletely, the conclusion states its nature, "
                    "extent, cause and responsibility (002 Đ16.3.b)."
                ))
