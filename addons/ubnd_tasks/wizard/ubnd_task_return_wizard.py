from odoo import fields, models
from odoo.exceptions import UserError

from ..models.ubnd_task_return import RETURN_REASONS


class UbndTaskReturnWizard(models.TransientModel):
    """The lead unit returns an unsuitable task with written reasons (002 Đ6.1.c)."""

    _name = "ubnd.task.return.wizard"
    _description = "Return a task"

    task_id = fields.Many2one("ubnd.task", required=True)
    return_deadline = fields.Date(related="task_id.return_deadline")
    reason_type = fields.Selection(RETURN_REASONS, string="Ground", required=True)
    reason = fields.Text("Written reasons", required=True)
    document_reference = fields.Char("Report number and symbol")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")

    def action_return(self):
        self.ensure_one()
        task = self.task_id
        task._check_lead_unit()
        if task.state != "in_progress":
            raise UserError(self.env._("Only a task in progress is returned."))
        today = task._today()
        if task.return_deadline and today > task.return_deadline:
            raise UserError(self.env._(
                "The time to return this task ended on %(day)s (002 Đ6.1.c). Report the difficulties to the "
                "Office in writing instead (002 Đ19.2).",
                day=task.return_deadline.strftime("%d/%m/%Y"),
            ))
        if not (self.document_reference or self.attachment_ids):
            raise UserError(self.env._("A task is returned with a written report: give its number or attach it (002 Đ6.1.c)."))
        # The return is written in sudo: its files must be the returning user's own or readable by him.
        task._check_linked_attachments([(6, 0, self.attachment_ids.ids)])
        self.env["ubnd.task.return"].sudo().create({
            "task_id": task.id,
            "unit_id": task.lead_unit_id.id,
            "user_id": self.env.user.id,
            "reason_type": self.reason_type,
            "reason": self.reason,
            "document_reference": self.document_reference,
            "attachment_ids": [(6, 0, self.attachment_ids.ids)],
            "receipt_date": task.receipt_date,
            "return_deadline": task.return_deadline,
            "return_date": today,
        })
        task.sudo().write({"state": "returned"})
        task.sudo().message_post(
            body=self.env._("Task returned to the Office: %s", self.reason), subtype_xmlid="mail.mt_comment",
        )
        task._schedule(
            task.tracking_user_id or task.committee_id.chief_of_office_id,
            self.env._("Returned task: report to the leaders for direction"),
        )
        return {"type": "ir.actions.act_window_close"}
