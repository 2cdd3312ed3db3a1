from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import is_privileged

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
# The unit changes its files while it prepares the dossier, after it was returned, and when the Office asked for
# clarification (000 Đ18.2); once submitted, the files are those the Office and the leaders read.
FILES_OPEN_STATES = ("draft", "returned", "clarification")
FROZEN_FIELDS = frozenset({"attachment_ids", "code", "submission_id", "required"})


class UbndSubmissionComponent(models.Model):
    """One component of a dossier (000 Đ15.2 a–i) with its files.

    a, b and c are always required; h is required for one-stop administrative-procedure
    dossiers; the others are provided "if any" (000 Đ15.2).
    """

    _name = "ubnd.submission.component"
    _description = "Dossier component"
    _order = "submission_id, sequence, id"
    _ubnd_parent_field = "submission_id"  # read and changed only by those who may read and change the dossier

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

    @api.model_create_multi
    def create(self, vals_list):
        components = super().create(vals_list)
        components._check_files_open()
        components._bind_files()
        return components

    def write(self, vals):
        if FROZEN_FIELDS & set(vals):
            self._check_files_open()
        res = super().write(vals)
        if "attachment_ids" in vals or "submission_id" in vals:
            self._bind_files()
        return res

    def unlink(self):
        self._check_files_open()
        return super().unlink()

    def _check_files_open(self):
        """The files of a submitted dossier are frozen, except while the Office's clarification request is open."""
        if is_privileged(self, "ubnd_workflow"):
            return
        if any(c.submission_id.state not in FILES_OPEN_STATES + ("offline",) for c in self.sudo()):
            raise AccessError(self.env._(
                "The dossier has been submitted: its files can no longer be added, removed or replaced, unless the "
                "Office asks for clarification (000 Đ18.2)."
            ))

    def _bind_files(self):
        """The dossier's files belong to the dossier: an attachment linked here without a record of its own
        (an upload, a file created over RPC) is attached to the submission, so that Odoo's attachment
        access follows the submission's. A file already attached to another record stays where it is,
        with that record's access; one the user could not read is refused."""
        for component in self:
            files = component.attachment_ids
            if not files:
                continue
            files.check_access("read")
            unbound = files.sudo().filtered(lambda a: not a.res_id or a.res_model == self._name)
            if unbound:
                unbound.write({"res_model": "ubnd.submission", "res_id": component.submission_id.id, "res_field": False})

    @api.depends("attachment_ids")
    def _compute_provided(self):
        for component in self:
            component.provided = bool(component.attachment_ids)


class IrAttachment(models.Model):
    """A file of a submitted dossier is not rewritten or deleted behind its component (000 Đ18.2)."""

    _inherit = "ir.attachment"

    def _ubnd_in_frozen_dossier(self):
        if not self.ids:
            return False
        return bool(self.env["ubnd.submission.component"].sudo().search_count([
            ("attachment_ids", "in", self.ids),
            ("submission_id.state", "not in", FILES_OPEN_STATES + ("offline",)),
        ], limit=1))

    def write(self, vals):
        if not self.env.su and set(vals) - {"access_token"} and self._ubnd_in_frozen_dossier():
            raise AccessError(self.env._(
                "This file belongs to a submitted dossier: it is not changed, unless the Office asks for "
                "clarification (000 Đ18.2)."
            ))
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self._ubnd_in_frozen_dossier():
            raise AccessError(self.env._(
                "This file belongs to a submitted dossier: it is not deleted, unless the Office asks for "
                "clarification (000 Đ18.2)."
            ))
        return super().unlink()
