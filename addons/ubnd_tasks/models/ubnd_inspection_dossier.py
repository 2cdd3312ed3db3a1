from odoo import api, fields, models

# 002 Đ17 — the eight components of a closed inspection dossier.
DOSSIER_COMPONENTS = [
    ("decision", "1. Decision setting up the inspection team"),
    ("assigning_documents", "2. Assigning documents and related documents (if any)"),
    ("urging_documents", "3. Tracking and urging documents (if any)"),
    ("reports", "4. Reports and documents on implementation"),
    ("plan", "5. Inspection plan or directing document"),
    ("minutes", "6. Minutes and documents on the inspection content"),
    ("result_report", "7. Inspection result report"),
    ("other", "8. Other related documents"),
]


class UbndInspectionDossier(models.Model):
    _name = "ubnd.inspection.dossier"
    _inherit = ["ubnd.inspection.child"]
    # Dossier documents are gathered after the result report, until the dossier is closed (002 Đ17).
    _locked_states = ("closed",)
    _description = "Inspection dossier document"
    _order = "component, id"

    inspection_id = fields.Many2one("ubnd.inspection", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    component = fields.Selection(DOSSIER_COMPONENTS, required=True)
    name = fields.Char(required=True)
    document_id = fields.Many2one("ubnd.document", string="Committee document")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self.env["ubnd.task"]._check_linked_attachments(vals.get("attachment_ids"))
        documents = super().create(vals_list)
        documents._attach_files()
        return documents

    def write(self, vals):
        if not self.env.su:
            self.env["ubnd.task"]._check_linked_attachments(vals.get("attachment_ids"))
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_files()
        return res

    def _attach_files(self):
        """The files follow the dossier's access rules, so the Office and the team read what a member uploaded."""
        for document in self:
            document.attachment_ids.sudo().filtered(lambda a: not a.res_id).write(
                {"res_model": document._name, "res_id": document.id})
