import base64

from odoo import fields, models
from odoo.tools.misc import file_open

EMBLEM_PATH = "ubnd_quyche/static/img/emblem.png"


class ResCompany(models.Model):
    _inherit = "res.company"

    ubnd_committee_ids = fields.One2many("ubnd.committee", "company_id", string="People's Committee")

    def _ubnd_use_emblem(self):
        """A committee's company shows the emblem (red disc, gold star) instead of Odoo's "Your logo"
        placeholder, in the web client and on the login page. A logo of its own is kept."""
        with file_open(EMBLEM_PATH, "rb") as emblem:
            logo = base64.b64encode(emblem.read())
        self.filtered("uses_default_logo").sudo().write({"logo": logo})
