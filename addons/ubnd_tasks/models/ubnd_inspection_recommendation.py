from odoo import api, fields, models
from odoo.exceptions import UserError

from .ubnd_task import check_tasks_of_committee


class UbndInspectionRecommendation(models.Model):
    """A recommendation of the result report (002 Đ16.3.c): urging and directing measures, an
    adjustment of the task, measures for violations — or a new task. Recommendations become tasks
    (drafts for the Office to enter) or requests for the committee's direction."""

    _name = "ubnd.inspection.recommendation"
    _inherit = ["ubnd.inspection.child"]
    _description = "Inspection recommendation"

    inspection_id = fields.Many2one("ubnd.inspection", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    kind = fields.Selection(
        [("urging", "Urging and directing measures"), ("adjust", "Adjust the assigned task"),
         ("violation", "Measures for violations"), ("new_task", "New task")],
        required=True, default="new_task",
    )
    description = fields.Text(required=True)
    task_id = fields.Many2one("ubnd.task", string="Task concerned")
    unit_id = fields.Many2one("hr.department", string="Unit")
    deadline = fields.Date()
    new_task_id = fields.Many2one("ubnd.task", readonly=True)
    direction_id = fields.Many2one("ubnd.task.direction", readonly=True)

    @api.constrains("task_id", "inspection_id")
    def _check_task_committee(self):
        for rec in self:
            check_tasks_of_committee(self.env, rec.task_id, rec.inspection_id.committee_id)

    def action_create_task(self):
        """Turn the recommendation into a draft task, or into a request for direction when it asks to adjust
        an assigned task (the adjustment itself follows the committee's direction, 002 Đ6.1.c)."""
        for rec in self:
            if rec.new_task_id or rec.direction_id:
                raise UserError(self.env._("This recommendation was already acted on."))
            inspection = rec.inspection_id
            if rec.kind == "adjust":
                rec.sudo().direction_id = self.env["ubnd.task.direction"].create({
                    "task_id": rec.task_id.id,
                    "committee_id": inspection.committee_id.id,
                    "reason": "adjustment",
                    "description": rec.description,
                })
                continue
            unit = rec.unit_id or rec.task_id.lead_unit_id
            if not unit:
                raise UserError(self.env._("Say which unit carries out the recommendation."))
            rec.sudo().new_task_id = self.env["ubnd.task"].create({
                "name": rec.description[:200],
                "committee_id": inspection.committee_id.id,
                "source_kind": "directive",
                "source_name": self.env._("Inspection result report"),
                "source_number": inspection.decision_reference or inspection.name,
                "source_summary": inspection.name,
                "source_date": inspection.report_date,
                "lead_unit_id": unit.id,
                "field_id": rec.task_id.field_id.id,
                "content": rec.description,
                "deadline": rec.deadline,
                "deadline_kind": "complete" if rec.deadline else False,
                "parent_id": rec.task_id.id,
            })
        return True
