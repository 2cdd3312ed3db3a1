from odoo import fields, models


class UbndComplaintParty(models.Model):
    """Who complains or denounces, kept apart from the case so the law's protection holds on every channel.

    A denunciator's identity is protected (Luật Tố cáo 2018 Đ47–48): a global record rule lets only the
    leader in charge and the case officer read it — not the Office, not other leaders, not an administrator
    working as a user. A complainant's identity follows the case. Never tracked in the chatter.
    """

    _name = "ubnd.complaint.party"
    _description = "Complainant or denunciator"

    case_id = fields.Many2one("ubnd.complaint.case", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    name = fields.Char("Full name", required=True)
    address = fields.Char()
    contact = fields.Char("Telephone / e-mail")
