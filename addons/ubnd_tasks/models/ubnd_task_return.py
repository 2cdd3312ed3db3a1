from odoo import api, fields, models

RETURN_REASONS = [
    ("overlap", "Overlaps another task"),
    ("functions", "Outside the unit's functions, duties or powers"),
    ("timeframe", "Unsuitable timeframe"),
]


class UbndTaskReturn(models.Model):
    """A unit returns an unsuitable task to the Office with written reasons (002 Đ6.1.c).

    Allowed within the profile's working days of receiving the document. The Office reports to the
    committee or its Chairman for direction and then adjusts the lead unit and the deadline
    (``ubnd.task.reassign.wizard``) or cancels the task.
    """

    _name = "ubnd.task.return"
    _description = "Return of an unsuitable task"
    _order = "return_date desc, id desc"

    task_id = fields.Many2one("ubnd.task", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Returning unit", required=True)
    user_id = fields.Many2one("res.users", string="Returned by", default=lambda self: self.env.user)
    reason_type = fields.Selection(RETURN_REASONS, string="Ground", required=True)
    reason = fields.Text("Written reasons", required=True)
    document_reference = fields.Char("Report number and symbol")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    receipt_date = fields.Date("Received on", required=True)
    return_deadline = fields.Date(required=True)
    return_date = fields.Date("Returned on", required=True)
    state = fields.Selection(
        [("submitted", "Awaiting direction"), ("resolved", "Resolved")], default="submitted", required=True,
    )
    direction_id = fields.Many2one("ubnd.task.direction", string="Request for direction")

    def _compute_display_name(self):
        for ret in self:
            ret.display_name = self.env._("Return of %s", ret.task_id.display_name)

    @api.model_create_multi
    def create(self, vals_list):
        returns = super().create(vals_list)
        for ret in returns:
            ret.attachment_ids.sudo().filtered(lambda a: not a.res_id).write({"res_model": ret._name, "res_id": ret.id})
            ret.direction_id = self.env["ubnd.task.direction"].sudo().create({
                "task_id": ret.task_id.id,
                "reason": "return",
                "description": ret.reason,
            })
        return returns
