from odoo import api, fields, models


class HrDepartment(models.Model):
    """Units of a committee: its Office, departments and lower-level committees."""

    _inherit = "hr.department"

    ubnd_committee_id = fields.Many2one(
        "ubnd.committee", string="Committee", index=True,
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    ubnd_unit_kind = fields.Selection(
        [
            ("office", "Office of the committee"),
            ("department", "Department / specialised agency"),
            ("commune", "Lower-level committee"),
            ("other", "Other unit"),
        ],
        string="Unit kind",
    )
    ubnd_subordinate_committee_id = fields.Many2one(
        "ubnd.committee", string="Lower-level committee",
        help="For a unit that is a commune or ward committee: its own committee record.",
    )
    ubnd_code = fields.Char("Unit code", help="Short code used in document symbols, e.g. STC, VP.")

    @api.onchange("company_id")
    def _onchange_company_ubnd_committee(self):
        self.ubnd_committee_id = self.env["ubnd.committee"]._for_company(self.company_id)
