from odoo import fields, models


class UbndIncomingDirectWizardLine(models.TransientModel):
    """One supporting unit (phối hợp) on the leader's phiếu giải quyết, with its own deadline (PL IV §VII block 1).
    The deadline proposed is the lead unit's; the leader may set each unit's."""

    _name = "ubnd.incoming.direct.wizard.line"
    _description = "Supporting unit of a direction"

    wizard_id = fields.Many2one("ubnd.incoming.direct.wizard", required=True, ondelete="cascade")
    committee_id = fields.Many2one(related="wizard_id.committee_id")
    unit_id = fields.Many2one("hr.department", string="Supporting unit", required=True,
                              domain="[('ubnd_committee_id', '=', committee_id)]")
    # Required on the screen; action_direct refuses a line without one in words the leader reads.
    deadline = fields.Date()
