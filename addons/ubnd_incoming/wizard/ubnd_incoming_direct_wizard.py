from odoo import api, fields, models
from odoo.exceptions import UserError


class UbndIncomingDirectWizard(models.TransientModel):
    """The leader's opinion on the phiếu giải quyết văn bản đến (PL IV §VII, block 1): the lead unit, the
    supporting units, the deadline of each, and his direction — on one phone screen."""

    _name = "ubnd.incoming.direct.wizard"
    _description = "Direct an incoming document"

    incoming_id = fields.Many2one("ubnd.incoming", required=True, ondelete="cascade")
    committee_id = fields.Many2one(related="incoming_id.committee_id")
    confidential = fields.Boolean(compute="_compute_confidential")
    lead_unit_id = fields.Many2one(
        "hr.department", string="Lead unit", required=True, domain="[('ubnd_committee_id', '=', committee_id)]",
        help="Exactly one unit leads (chủ trì) and answers for the handling (000 Đ2.4).",
    )
    lead_user_id = fields.Many2one("res.users", string="Person in charge",
                                   help="Optional: by default the head of the lead unit.")
    lead_deadline = fields.Date("Deadline of the lead unit", default=lambda self: self._default_deadline())
    supporting_line_ids = fields.One2many(
        "ubnd.incoming.direct.wizard.line", "wizard_id", string="Supporting units",
        help="Each supporting unit (phối hợp) with its own deadline; by default the lead unit's.",
    )
    note = fields.Text("Direction")
    assigns_task = fields.Boolean(
        "Assign as a task to track",
        help="The direction assigns work: the task is created in task tracking with this document as its source "
        "(002 Đ1.1, Đ5.1.a) and assigned to the lead unit.",
    )

    @api.model
    def _default_deadline(self):
        incoming = self.env["ubnd.incoming"].browse(self.env.context.get("default_incoming_id"))
        profile = incoming.exists().committee_id.profile_id
        if not profile or not profile.incoming_handling_days:
            return False
        return profile.compute_deadline(self.env["ubnd.workday"].today(), "incoming_handling_days", incoming.company_id)

    @api.depends("incoming_id.confidentiality")
    def _compute_confidential(self):
        for wizard in self:
            wizard.confidential = wizard.incoming_id.confidentiality != "normal"

    def action_direct(self):
        self.ensure_one()
        incoming = self.incoming_id
        supporting = self.supporting_line_ids
        if self.lead_unit_id in supporting.unit_id:
            raise UserError(self.env._("The lead unit is not also a supporting unit."))
        if len(supporting.unit_id) != len(supporting):
            raise UserError(self.env._("Each supporting unit is named once."))
        units = self.lead_unit_id | supporting.unit_id
        if units.filtered(lambda u: u.sudo().ubnd_committee_id != incoming.committee_id):
            raise UserError(self.env._("A document is distributed to units of its own committee."))
        if not all(supporting.mapped("deadline")):
            raise UserError(self.env._("Give each supporting unit its deadline."))
        today = self.env["ubnd.workday"].today()
        if any(deadline and deadline < today for deadline in [self.lead_deadline, *supporting.mapped("deadline")]):
            raise UserError(self.env._("A handling deadline cannot be in the past."))
        lines = [{"role": "lead", "unit_id": self.lead_unit_id.id, "user_id": self.lead_user_id.id,
                  "deadline": self.lead_deadline}]
        lines += [{"role": "support", "unit_id": line.unit_id.id, "deadline": line.deadline} for line in supporting]
        incoming._direct(self.note, lines, self.assigns_task)
        return {"type": "ir.actions.act_window_close"}
