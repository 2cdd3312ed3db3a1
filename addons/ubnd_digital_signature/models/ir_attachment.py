from odoo import models


class IrAttachment(models.Model):
    """An issued file is part of the record too: never changed nor deleted outside superuser mode."""

    _inherit = "ir.attachment"

    def _ubnd_frozen_owner(self):
        return super()._ubnd_frozen_owner() or bool(self.ids and self.env["ubnd.document"].sudo().search_count(
            [("ubnd_issued_attachment_id", "in", self.ids)], limit=1))
