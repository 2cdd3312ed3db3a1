from odoo import api, fields, models


class HrDepartment(models.Model):
    """Units carry their task focal officer (002 Đ22.2) and their procedure count (004 Đ2.1.a)."""

    _inherit = "hr.department"

    ubnd_task_focal_user_id = fields.Many2one(
        "res.users", string="Task focal officer", tracking=True,
        help="002 Đ22.2 — the officer the unit appoints to update its task results on the System. A change is "
        "notified to the Office. Not the same role as the focal officer for administrative-procedure control "
        "(seed 004, catalogue A-15).",
    )
    ubnd_procedure_count = fields.Integer(
        "Administrative procedures managed",
        help="004 Đ2.1.a — the number of administrative procedures in the unit's field decides how many "
        "focal officers it may appoint.",
    )
    ubnd_task_count = fields.Integer("Tasks led", compute="_compute_ubnd_task_count")
    ubnd_focal_officer_ids = fields.One2many("ubnd.focal.officer", "unit_id", string="Focal officers (TTHC)")

    def _compute_ubnd_task_count(self):
        counts = dict(self.env["ubnd.task"]._read_group(
            [("lead_unit_id", "in", self.ids)], ["lead_unit_id"], ["__count"],
        ))
        for unit in self:
            unit.ubnd_task_count = counts.get(unit, 0)

    def write(self, vals):
        changed = self.filtered(lambda u: u.ubnd_task_focal_user_id.id != vals.get("ubnd_task_focal_user_id"))
        res = super().write(vals)
        if "ubnd_task_focal_user_id" in vals:
            changed._notify_office_of_focal_change()
        return res

    def _notify_office_of_focal_change(self):
        """002 Đ22.2 — when the focal officer changes, the unit notifies the Office."""
        for unit in self:
            office = unit.ubnd_committee_id.office_unit_id
            if not office or unit == office:
                continue
            body = self.env._(
                "%(unit)s changed its task focal officer to %(user)s (002 Đ22.2).",
                unit=unit.name, user=unit.ubnd_task_focal_user_id.name or self.env._("nobody"),
            )
            office.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    @api.model
    def _ubnd_office_units(self, committee):
        """The Office and its own sections (phòng thuộc Văn phòng), which track tasks (002 Đ5.1.d)."""
        office = committee.office_unit_id
        if not office:
            return self.browse()
        return self.search([("id", "child_of", office.id)])

    def _focal_list_changed(self):
        """004 Đ2.3 — a change of the unit's focal officers reopens its approved list."""
        lists = self.env["ubnd.focal.list"].sudo().search([("unit_id", "in", self.ids)])
        lists._reopen_after_change()
