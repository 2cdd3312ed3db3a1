from odoo import models


class UbndSubmission(models.Model):
    """A dossier the Office receives is registered as incoming before it reaches the leader (001 Đ12.1;
    R-001-12.1): the hook is the Office's receipt, where the Office's own deadlines start."""

    _inherit = "ubnd.submission"

    def _reach_office(self):
        res = super()._reach_office()
        Incoming = self.env["ubnd.incoming"]
        for sub in self:
            Incoming._log_dossier(sub)
        return res
