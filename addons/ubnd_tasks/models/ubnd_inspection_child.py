from odoo import api, models
from odoo.exceptions import UserError


class UbndInspectionChild(models.AbstractModel):
    """A part of an inspection's record (team, findings, recommendations, dossier documents).

    It follows its inspection's access (record rules) and stops changing once the inspection reached
    ``_locked_states``: the result report and the closed dossier are the record of the inspection
    (002 Đ16.3, Đ17)."""

    _name = "ubnd.inspection.child"
    _description = "Part of an inspection's record"
    _locked_states = ("reported", "closed")

    def _check_inspection_open(self, inspections):
        if self.env.su:
            return
        if inspections.sudo().filtered(lambda i: i.state in self._locked_states):
            raise UserError(self.env._(
                "The inspection was reported or its dossier closed: its team, findings, recommendations and dossier "
                "are part of the record and no longer change (002 Đ16.3, Đ17)."
            ))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_inspection_open(self.env["ubnd.inspection"].browse(
            {vals["inspection_id"] for vals in vals_list if vals.get("inspection_id")}))
        return super().create(vals_list)

    def write(self, vals):
        inspections = self.inspection_id
        if vals.get("inspection_id"):
            inspections |= self.env["ubnd.inspection"].browse(vals["inspection_id"])
        self._check_inspection_open(inspections)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_inspection_open(self):
        self._check_inspection_open(self.inspection_id)
