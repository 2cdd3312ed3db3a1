from odoo import api, fields, models

# 000 Đ15.2 a–i: the components of a dossier submitted to the committee or its leaders.
COMPONENTS = [
    ("a", "Submission slip (Phiếu trình giải quyết hồ sơ, công việc)"),
    ("b", "Tờ trình or report of the lead agency"),
    ("c", "Draft document for signature and issuance"),
    ("d", "Appraisal report (if any)"),
    ("dd", "Opinions of related agencies (if any)"),
    ("e", "Summary of comments and explanations on the draft (if any)"),
    ("g", "Draft implementing-guidance documents (if any)"),
    ("h", "Administrative-procedure time-control slip (one-stop dossiers)"),
    ("i", "Other documents required by law"),
]
ALWAYS_REQUIRED = ("a", "b", "c")


class UbndSubmissionComponent(models.Model):
    """One component of a dossier (000 Đ15.2 a–i) with its files.

    a, b and c are always required; h is required for one-stop administrative-procedure
    dossiers; the others are provided "if any" (000 Đ15.2).
    """

    _name = "ubnd.submission.component"
    _description = "Dossier component"
    _order = "submission_id, sequence, id"

    submission_id = fields.Many2one("ubnd.submission", required=True, ondelete="cascade", index=True)
    code = fields.Selection(COMPONENTS, required=True, string="Component")
    sequence = fields.Integer(default=10)
    required = fields.Boolean(readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    note = fields.Char()
    provided = fields.Boolean(compute="_compute_provided", store=True)

    def _label(self):
        """The component's name in the record's language (used by the printed phiếu trình)."""
        self.ensure_one()
        return dict(self._fields["code"]._description_selection(self.env))[self.code]

    @api.depends("attachment_ids")
    def _compute_provided(self):
        for component in self:
            component.provided = bool(component.attachment_ids)
