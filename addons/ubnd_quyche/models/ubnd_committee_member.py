from odoo import api, fields, models
from odoo.exceptions import ValidationError

ROLE_TITLES = {
    "chairman": "CHỦ TỊCH",
    "vice_chairman": "PHÓ CHỦ TỊCH",
    "member": "ỦY VIÊN",
}


class UbndCommitteeMember(models.Model):
    """A member of the committee: the Chairman, a Vice-Chairman with a portfolio, or a member.

    A Vice-Chairman's portfolio (fields and areas/units) decides what he signs KT. the
    Chairman (000 Đ7.2.e, 001 Đ5.2.a, Đ15.2, 003 ¶10) and which submissions reach him.
    """

    _name = "ubnd.committee.member"
    _description = "Committee member"
    _inherit = ["mail.thread"]
    _order = "committee_id, sequence, id"

    committee_id = fields.Many2one("ubnd.committee", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    user_id = fields.Many2one("res.users", required=True, ondelete="restrict", index=True, tracking=True)
    name = fields.Char(related="user_id.name", string="Name")
    role = fields.Selection(
        [("chairman", "Chairman"), ("vice_chairman", "Vice-Chairman"), ("member", "Member")],
        required=True, default="member", tracking=True,
    )
    position = fields.Char(
        help="The post the member holds, e.g. 'Giám đốc Sở Tài chính' for a member who heads a department.",
    )
    signing_title = fields.Char(
        compute="_compute_signing_title", store=True, readonly=False,
        help="Title printed under the signing capacity in signature blocks (Decree 30/2020 Đ13), e.g. PHÓ CHỦ TỊCH.",
    )
    field_ids = fields.Many2many("ubnd.field", string="Fields in charge")
    area_unit_ids = fields.Many2many(
        "hr.department", string="Areas and units in charge",
        help="Units, communes or areas a Vice-Chairman follows (001 Đ5.2.a, 003 ¶10).",
    )
    sequence = fields.Integer(default=10)
    date_start = fields.Date()
    date_end = fields.Date()
    active = fields.Boolean(default=True)

    _user_committee_unique = models.Constraint(
        "UNIQUE(committee_id, user_id)", "This person is already a member of the committee."
    )

    @api.depends("role")
    def _compute_signing_title(self):
        for member in self:
            member.signing_title = ROLE_TITLES.get(member.role)

    @api.constrains("role", "active", "committee_id")
    def _check_one_chairman(self):
        for committee in self.committee_id:
            chairmen = committee.member_ids.filtered(lambda m: m.active and m.role == "chairman")
            if len(chairmen) > 1:
                raise ValidationError(self.env._("A committee has exactly one Chairman."))

    @api.constrains("role", "field_ids", "area_unit_ids")
    def _check_vice_chairman_portfolio(self):
        for member in self:
            if member.active and member.role == "vice_chairman" and not (member.field_ids or member.area_unit_ids):
                raise ValidationError(self.env._(
                    "A Vice-Chairman must be assigned at least one field or area (001 Đ5.2.a)."
                ))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_start and member.date_end and member.date_end < member.date_start:
                raise ValidationError(self.env._("The end of a term cannot come before its start."))

    def _covers_field(self, field):
        """Whether the member's portfolio covers ``field`` (an ``ubnd.field``)."""
        self.ensure_one()
        return bool(field) and field in self.field_ids

    def _covers_area(self, area):
        """Whether ``area`` (an ``hr.department``: unit, commune or locality) is assigned to the member."""
        self.ensure_one()
        return bool(area) and area in self.area_unit_ids
