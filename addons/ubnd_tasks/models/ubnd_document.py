from odoo import fields, models
from odoo.exceptions import UserError


class UbndDocument(models.Model):
    """Tasks come from the committee's documents: directives, conclusion notices, decisions,
    programmes (002 Đ1.1). The Office enters them within the profile's working days of the
    document's issue (002 Đ6.2.a)."""

    _inherit = "ubnd.document"

    task_ids = fields.One2many("ubnd.task", "document_id", string="Assigned tasks")
    task_count = fields.Integer(compute="_compute_task_count")
    task_entry_deadline = fields.Date(
        "Tasks to be entered by", compute="_compute_task_count",
        help="002 Đ6.2.a — the Office enters the document's tasks within the profile's working days of its issue.",
    )

    def _compute_task_count(self):
        counts = dict(self.env["ubnd.task"]._read_group([("document_id", "in", self.ids)], ["document_id"], ["__count"]))
        for doc in self:
            doc.task_count = counts.get(doc, 0)
            profile = doc.committee_id.profile_id
            doc.task_entry_deadline = (
                profile.compute_deadline(doc.date, "task_entry_days", doc.company_id) if doc.date and profile else False
            )

    def action_create_task(self):
        """Open a new task prefilled from this document."""
        self.ensure_one()
        if self.state not in ("signed", "issued"):
            raise UserError(self.env._("Tasks are entered from a signed or issued document."))
        parent = self.env["ubnd.task"].search([("implementing_document_id", "=", self.id)], limit=1)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New task"),
            "res_model": "ubnd.task",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_document_id": self.id,
                "default_committee_id": self.committee_id.id,
                "default_field_id": self.field_id.id,
                "default_proposing_unit_id": self.drafting_unit_id.id,
                "default_source_kind": "directive",
                "default_parent_id": parent.id,
            },
        }

    def action_view_tasks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assigned tasks"),
            "res_model": "ubnd.task",
            "view_mode": "list,kanban,form",
            "domain": [("document_id", "=", self.id)],
            "context": {"default_document_id": self.id, "default_committee_id": self.committee_id.id},
        }
