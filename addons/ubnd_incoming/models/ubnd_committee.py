from odoo import models


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    def _incoming_directors(self):
        """Who directs incoming documents: the Chairman, the Vice-Chairmen and the Chief of Office (001 Đ7.6)."""
        self.ensure_one()
        leaders = self.member_ids.filtered(lambda m: m.active and m.role in ("chairman", "vice_chairman")).user_id
        return leaders | self.chief_of_office_id

