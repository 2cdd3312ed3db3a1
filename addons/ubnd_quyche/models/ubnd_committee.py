from odoo import api, fields, models
from odoo.addons.base.models.res_partner import _tz_get
from odoo.exceptions import ValidationError

from .ubnd_regulation_profile import LEVELS


class UbndCommittee(models.Model):
    """A People's Committee (Ủy ban nhân dân), one per company.

    Its level decides which regulation preset applies (a province or centrally-run city,
    or a commune, ward or special zone); its members are the Chairman, the Vice-Chairmen
    with their portfolios and the other members; its units are ``hr.department`` records.
    """

    _name = "ubnd.committee"
    _description = "People's Committee"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "level, name"

    name = fields.Char(required=True, tracking=True)
    place_name = fields.Char(
        "Place name", help="Địa danh printed before the date of documents (Decree 30/2020 App. I §II.4), e.g. Hải Phòng.",
    )
    issuer_code = fields.Char(
        "Issuer code", required=True, default="UBND",
        help="Code of the issuing body in document symbols (Decree 30/2020 App. I §II.3), e.g. QĐ-UBND.",
    )
    company_id = fields.Many2one("res.company", required=True, ondelete="restrict", default=lambda self: self.env.company)
    level = fields.Selection(LEVELS, required=True, default="province", tracking=True)
    parent_id = fields.Many2one(
        "ubnd.committee", string="Higher-level committee", index=True, ondelete="restrict",
        help="The committee this one answers to (a ward's provincial or city committee).",
    )
    child_ids = fields.One2many("ubnd.committee", "parent_id", string="Lower-level committees")
    profile_id = fields.Many2one(
        "ubnd.regulation.profile", string="Regulation profile", required=True, ondelete="restrict", tracking=True,
        domain=[("is_preset", "=", False)],
        help="Every number of this committee's working regulation. A copy of the preset of its level is made "
        "when the committee is created.",
    )
    member_ids = fields.One2many("ubnd.committee.member", "committee_id", string="Members")
    unit_ids = fields.One2many("hr.department", "ubnd_committee_id", string="Units")
    office_unit_id = fields.Many2one(
        "hr.department", string="Office", domain="[('ubnd_committee_id', '=', id)]",
        help="The Office (Văn phòng) that receives, checks and tracks the committee's work.",
    )
    chief_of_office_id = fields.Many2one(
        "res.users", string="Chief of Office", tracking=True,
        help="Signs TL. the Chairman the documents the working regulation assigns (001 Đ15.3).",
    )
    chairman_id = fields.Many2one("res.users", compute="_compute_chairman", store=True, string="Chairman")
    vice_chairman_ids = fields.Many2many("res.users", compute="_compute_vice_chairmen", string="Vice-Chairmen")
    standing_deputy_id = fields.Many2one(
        "res.users", string="Vice-Chairman running the committee in the Chairman's absence", tracking=True,
        help="000 Đ6.3.h, 001 Đ4.3.k — the Chairman designates exactly one Vice-Chairman to run the committee "
        "while he is absent. Acting-chair grants for a period of absence go to this Vice-Chairman by default.",
    )
    voting_member_count = fields.Integer(
        compute="_compute_voting_member_count", string="Total members",
        help="The total membership against which quorum and majorities are counted (000 Đ3.3, Đ28.2).",
    )
    foreign_affairs_unit_id = fields.Many2one(
        "hr.department", string="Department of Foreign Affairs", domain="[('ubnd_committee_id', '=', id)]",
        help="000 Đ43.5 — where the committee has no Department of Foreign Affairs, leave empty: the Office "
        "performs its protocol and logistics duties for foreign guests and trips abroad.",
    )
    tz = fields.Selection(
        _tz_get, string="Time zone", required=True, default="Asia/Ho_Chi_Minh", tracking=True,
        help="The committee's days: \"today\", deadlines, meeting times and signing times. Its users get it "
        "when they are created.",
    )
    active = fields.Boolean(default=True)

    _company_unique = models.Constraint("UNIQUE(company_id)", "A company holds exactly one People's Committee.")

    def _active_members_with_role(self, role):
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.active and m.role == role)

    @api.depends("member_ids.role", "member_ids.user_id", "member_ids.active")
    def _compute_chairman(self):
        for committee in self:
            committee.chairman_id = committee._active_members_with_role("chairman")[:1].user_id

    @api.depends("member_ids.role", "member_ids.user_id", "member_ids.active")
    def _compute_vice_chairmen(self):
        for committee in self:
            committee.vice_chairman_ids = committee._active_members_with_role("vice_chairman").user_id

    @api.depends("member_ids.active")
    def _compute_voting_member_count(self):
        for committee in self:
            committee.voting_member_count = len(committee.member_ids.filtered("active"))

    @api.constrains("standing_deputy_id", "member_ids")
    def _check_standing_deputy(self):
        for committee in self:
            if committee.standing_deputy_id and committee.standing_deputy_id not in committee.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "Only a Vice-Chairman of this committee can run it in the Chairman's absence (000 Đ6.3.h)."
                ))

    @api.constrains("profile_id")
    def _check_own_profile(self):
        """Each committee has its own copy of the regulation: a preset, or another committee's profile, is never
        linked (its administrators would otherwise change the other committee's numbers)."""
        for committee in self.filtered("profile_id"):
            shared = self.sudo().with_context(active_test=False).search_count(
                [("profile_id", "=", committee.profile_id.id), ("id", "!=", committee.id)], limit=1)
            if committee.sudo().profile_id.is_preset or shared:
                raise ValidationError(self.env._(
                    "A committee has its own regulation profile: a preset or another committee's profile cannot be used."
                ))

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A committee cannot be its own higher-level committee."))

    @api.model
    def _preset_for_level(self, level):
        xmlid = "ubnd_quyche.profile_preset_haiphong" if level == "province" else "ubnd_quyche.profile_preset_trian"
        return self.env.ref(xmlid, raise_if_not_found=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("profile_id"):
                preset = self._preset_for_level(vals.get("level", "province"))
                if preset:
                    vals["profile_id"] = preset.copy({"name": vals.get("name")}).id
        committees = super().create(vals_list)
        committees.company_id._ubnd_use_emblem()
        committees._sync_system_tz()
        return committees

    def write(self, vals):
        res = super().write(vals)
        if "tz" in vals:
            self._sync_system_tz()
        return res

    def _settle_users(self):
        """Settle the committee users of each committee's company (see ``res.users._ubnd_settle_in``);
        the users a committee's company gets later are settled when they are created."""
        for committee in self:
            users = self.env["res.users"].sudo().search([("company_id", "=", committee.company_id.id)])
            users.filtered(lambda u: u._ubnd_is_committee_user())._ubnd_settle_in(committee)
        return True

    def _sync_system_tz(self):
        """The company's time zone is its committee's; and scheduled jobs run as the system user: give it the
        committee's time zone, so that the "today" of a reminder or an overdue mark is the committee's, not UTC's."""
        for committee in self:
            committee.company_id.partner_id.sudo().tz = committee.tz
        for committee in self[-1:]:
            self.env.ref("base.user_root").sudo().tz = committee.tz

    @api.model
    def _for_company(self, company=None):
        return self.search([("company_id", "=", (company or self.env.company).id)], limit=1)

    def _nd30_issuer_lines(self):
        """The issuing body's name on two upper-case lines: ỦY BAN NHÂN DÂN / THÀNH PHỐ HẢI PHÒNG."""
        self.ensure_one()
        name = (self.name or "").strip()
        prefix = "Ủy ban nhân dân"
        if name.lower().startswith(prefix.lower()):
            return ["ỦY BAN NHÂN DÂN", name[len(prefix):].strip().upper()]
        return [name.upper()]

    def _print_lang(self):
        """Printed documents are in Vietnamese whatever the reader's interface language (Decree 30/2020)."""
        return self.env["res.lang"]._get_code("vi_VN") or self.env.lang

    def _office_users(self):
        """People of the Office who receive dossiers and issue documents: its head first."""
        self.ensure_one()
        users = self.chief_of_office_id | self.office_unit_id.member_ids.user_id
        return users.filtered(lambda u: u.has_group("ubnd_quyche.group_ubnd_office"))

    def _protocol_unit(self):
        """The unit in charge of foreign guests and trips abroad (000 Đ43.5)."""
        self.ensure_one()
        return self.foreign_affairs_unit_id or self.office_unit_id

    def _member_of(self, user):
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.active and m.user_id == user)[:1]
