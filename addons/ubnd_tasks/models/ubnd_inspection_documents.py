from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class UbndInspection(models.Model):
    """What an inspection looks at: the tasks assigned (002 Đ12), or the enforcement of documents — Party documents,
    legal normative documents, the Council's resolutions, the committee's and the Chairman's decisions (000 Đ40.1–2,
    Đ40.5–6). The latter are compiled by the Office and reported at the regular session at the end of each quarter
    (000 Đ41.3), on their own sheet of the quarterly workbook."""

    _inherit = "ubnd.inspection"

    subject = fields.Selection(
        [("tasks", "Tasks assigned (002 Đ12)"), ("documents", "Enforcement of documents (000 Đ40–41)")],
        "Inspects", required=True, default="tasks", tracking=True,
    )
    document_ids = fields.Many2many(
        "ubnd.document", "ubnd_inspection_document_rel", "inspection_id", "document_id",
        string="Documents inspected", domain="[('committee_id', '=', committee_id), ('state', '=', 'issued')]",
        help="000 Đ40.1: the documents whose enforcement is inspected.",
    )

    @api.constrains("subject", "document_ids", "state")
    def _check_documents_inspected(self):
        for inspection in self:
            if inspection.subject == "documents" and inspection.state not in ("draft", "cancelled") \
                    and not inspection.document_ids:
                raise ValidationError(self.env._(
                    "An inspection of document enforcement names the documents it inspects (000 Đ40.1)."))
            if inspection.document_ids.filtered(lambda d: d.committee_id != inspection.committee_id):
                raise ValidationError(self.env._("The documents inspected are the committee's own."))

    def write(self, vals):
        if not self.env.su and {"subject", "document_ids"} & set(vals) \
                and self.filtered(lambda i: i.state not in ("draft", "cancelled")):
            raise UserError(self.env._(
                "What the inspection decision states (its subject and the documents inspected) no longer changes "
                "once decided: a change is a new decision."))
        return super().write(vals)
