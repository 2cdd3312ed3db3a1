from odoo import api, fields, models
from odoo.exceptions import ValidationError

FOCAL_CATEGORIES = [
    ("chief_of_office", "Chief of Office"),
    ("deputy_chief_of_office", "Deputy Chief of Office"),
    ("centre_leader", "Leader of the Public Administration Service Centre"),
    ("centre_specialist", "Specialist of the Public Administration Service Centre"),
    ("unit_leader", "Leader of the unit"),
    ("unit_office_leader", "Leader of the unit's office or equivalent"),
    ("unit_specialist", "Other officer of the unit"),
    ("commune_leader", "Commune leader (administrative reform, ISO, IT)"),
    ("commune_centre_leader", "Leader of the commune service centre"),
    ("commune_centre_specialist", "Specialist of the commune service centre"),
]
CITY_UNIT_KINDS = ("office", "department", "other")


class UbndFocalOfficer(models.Model):
    """A focal officer for administrative-procedure (TTHC) control (seed 004).

    Two levels (004 Đ1.2): city officers in the Office and the departments, commune officers in the
    communes and wards. The unit head or commune chairman appoints them and reports them to the
    committee through the Office (004 Đ2.3); the role is held concurrently with another post, under
    the unit head, with a support allowance (004 Đ2.4). The numbers per unit come from the profile
    (004 Đ2.1). Not the focal officer who updates assigned tasks (002 Đ22.2, catalogue A-15).
    """

    _name = "ubnd.focal.officer"
    _description = "Focal officer for administrative-procedure control"
    _inherit = ["mail.thread"]
    _order = "unit_id, category, id"

    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True, index=True, tracking=True)
    user_id = fields.Many2one("res.users", string="User", tracking=True)
    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    position = fields.Char()
    category = fields.Selection(FOCAL_CATEGORIES, required=True, tracking=True)
    level = fields.Selection(
        [("city", "City level"), ("commune", "Commune level")], compute="_compute_level", store=True,
        help="004 Đ1.2 — city officers (the Office, departments) and commune officers (communes, wards).",
    )
    concurrent = fields.Boolean(
        "Held concurrently", default=True, readonly=True,
        help="004 Đ2.4 — the role is held concurrently (kiêm nhiệm) with the officer's post.",
    )
    head_id = fields.Many2one(
        "res.users", string="Answers to", compute="_compute_head_id",
        help="004 Đ2.4 — the officer answers to the head of the unit.",
    )
    allowance = fields.Boolean("Receives the support allowance", default=True, help="004 Đ2.4, Đ8.3")
    appointment_reference = fields.Char("Appointment decision")
    date_start = fields.Date()
    date_end = fields.Date()
    duty_ids = fields.Many2many(
        "ubnd.focal.duty", string="Duties", default=lambda self: self.env["ubnd.focal.duty"].search([]),
        help="004 Đ3 — the nine duties of a focal officer.",
    )
    active = fields.Boolean(default=True, tracking=True)

    @api.depends("user_id")
    def _compute_name(self):
        for officer in self:
            officer.name = officer.user_id.name or officer.name

    @api.depends("unit_id.ubnd_unit_kind")
    def _compute_level(self):
        for officer in self:
            officer.level = "commune" if officer.unit_id.ubnd_unit_kind == "commune" else "city"

    @api.depends("unit_id")
    def _compute_head_id(self):
        for officer in self:
            unit = officer.sudo().unit_id
            officer.head_id = unit.ubnd_subordinate_committee_id.chairman_id or unit.manager_id.user_id

    @api.constrains("unit_id", "category")
    def _check_category_level(self):
        office_only = {"chief_of_office", "deputy_chief_of_office", "centre_leader", "centre_specialist"}
        commune_only = {"commune_leader", "commune_centre_leader", "commune_centre_specialist"}
        for officer in self:
            kind = officer.unit_id.ubnd_unit_kind
            if officer.category in office_only and kind != "office":
                raise ValidationError(self.env._("This category belongs to the Office's focal officers (004 Đ2.1.a)."))
            if officer.category in commune_only and kind != "commune":
                raise ValidationError(self.env._("This category belongs to commune focal officers (004 Đ2.1.b)."))
            if kind == "commune" and officer.category not in commune_only:
                raise ValidationError(self.env._(
                    "A commune's focal officers are a commune leader and a leader and a specialist of its service "
                    "centre (004 Đ2.1.b)."
                ))

    @api.constrains("unit_id", "active", "category")
    def _check_limits(self):
        for unit in self.unit_id:
            unit_officers = self.search([("unit_id", "=", unit.id)])
            unit_officers._check_unit_limit(unit)

    def _max_for_unit(self, unit):
        """004 Đ2.1 — the cap of focal officers of a department (by procedure count) or a commune; the Office
        has no overall cap. A department with exactly the threshold is not covered by the text (catalogue
        A-12): it gets the lower cap."""
        profile = unit.ubnd_committee_id.profile_id
        if unit.ubnd_unit_kind == "commune":
            return profile.focal_commune_max
        if unit.ubnd_unit_kind == "office":
            return None
        if unit.ubnd_procedure_count > profile.focal_procedure_threshold:
            return profile.focal_department_max_large
        return profile.focal_department_max_small

    def _check_unit_limit(self, unit):
        profile = unit.ubnd_committee_id.profile_id
        cap = self._max_for_unit(unit)
        if cap is not None and len(self) > cap:
            raise ValidationError(self.env._(
                "%(unit)s may have at most %(cap)s focal officers (004 Đ2.1).", unit=unit.name, cap=cap,
            ))
        deputies = self.filtered(lambda o: o.category == "deputy_chief_of_office")
        if unit.ubnd_unit_kind == "office" and len(deputies) > profile.focal_office_deputy_count:
            raise ValidationError(self.env._(
                "The Office's focal officers include %s Deputy Chief of Office (004 Đ2.1.a).",
                profile.focal_office_deputy_count,
            ))
        if unit.ubnd_unit_kind == "commune":
            for category in ("commune_leader", "commune_centre_leader", "commune_centre_specialist"):
                if len(self.filtered(lambda o: o.category == category)) > 1:
                    raise ValidationError(self.env._(
                        "A commune has one commune leader, one centre leader and one centre specialist as focal "
                        "officers (004 Đ2.1.b)."
                    ))

    @api.model_create_multi
    def create(self, vals_list):
        officers = super().create(vals_list)
        officers.unit_id._focal_list_changed()
        return officers

    def write(self, vals):
        units = self.unit_id
        res = super().write(vals)
        if {"unit_id", "user_id", "category", "active"} & set(vals):
            (units | self.unit_id)._focal_list_changed()
        return res


class UbndFocalDuty(models.Model):
    """004 Đ3 — the nine duties of a focal officer."""

    _name = "ubnd.focal.duty"
    _description = "Focal officer duty"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
