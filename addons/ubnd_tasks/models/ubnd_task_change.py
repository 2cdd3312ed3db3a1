from odoo import api, fields, models
from odoo.exceptions import UserError


class UbndTaskChange(models.Model):
    """The history of every change of a task's lead unit, lead person or deadline, and of its
    cancellation, with the reason and the leaders' direction it follows (002 Đ6.1.c: the Office
    adjusts the lead unit and the deadline on the System following the committee's direction).
    Rows are never edited or deleted."""

    _name = "ubnd.task.change"
    _description = "Change of lead unit or deadline"
    _order = "create_date desc, id desc"

    task_id = fields.Many2one("ubnd.task", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    change_type = fields.Selection(
        [("reassign", "Lead unit changed"), ("deadline", "Deadline changed"),
         ("both", "Lead unit and deadline changed"), ("cancel", "Cancelled")],
        required=True,
    )
    user_id = fields.Many2one("res.users", string="Changed by", default=lambda self: self.env.user, required=True)
    change_date = fields.Date(default=lambda self: self.env["ubnd.task"]._today(), required=True)
    old_lead_unit_id = fields.Many2one("hr.department", string="Previous lead unit")
    new_lead_unit_id = fields.Many2one("hr.department", string="New lead unit")
    old_lead_user_id = fields.Many2one("res.users", string="Previous lead person")
    new_lead_user_id = fields.Many2one("res.users", string="New lead person")
    old_deadline = fields.Date("Previous deadline")
    new_deadline = fields.Date("New deadline")
    reason = fields.Text(required=True)
    direction_id = fields.Many2one("ubnd.task.direction", string="Direction followed")
    direction_reference = fields.Char(
        "Direction document", help="The committee's or the Chairman's document or instruction the change follows.",
    )
    return_id = fields.Many2one("ubnd.task.return", string="Return resolved")

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The history of a task cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("The history of a task cannot be deleted."))
