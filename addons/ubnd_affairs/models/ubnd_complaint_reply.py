from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.ubnd_quyche.tools import is_privileged


class UbndComplaintReply(models.Model):
    """An answer given to the person who complained or denounced, and the authority it was given under.

    000 Đ48.4: the Chief of Office answers complainants only when the Chairman authorised him; the grant he
    relied on is kept with the answer. Written only by the case's "Reply" action.
    """

    _name = "ubnd.complaint.reply"
    _description = "Answer to a complainant"
    _order = "date desc, id desc"

    case_id = fields.Many2one("ubnd.complaint.case", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    date = fields.Date(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Answered by", required=True, readonly=True)
    capacity = fields.Char("In the capacity of", readonly=True)
    delegation_id = fields.Many2one("ubnd.delegation", string="Authorisation relied on", readonly=True)
    text = fields.Text("Answer", required=True, readonly=True)
    document_id = fields.Many2one("ubnd.document", string="Answer document", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("An answer to a complainant is recorded only through the case's “Reply”."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("An answer given stays as it was given."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(self.env._("An answer given stays as it was given."))
        return super().unlink()
