from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    working_regulation_act = fields.Char(
        "Act issuing the working regulation", tracking=True,
        help="Number and symbol of the decision issuing the committee's working regulation, e.g. 25/2025/QĐ-UBND. "
        "A TL. grant rests on an article of this regulation or of the records-management one (Decree 30/2020 Đ13.4).",
    )
    records_regulation_act = fields.Char(
        "Act issuing the records-management regulation", tracking=True,
        help="Number and symbol of the decision issuing the committee's records-management (văn thư) regulation.",
    )

    def _regulation_act(self, regulation):
        self.ensure_one()
        return {"working": self.working_regulation_act, "records": self.records_regulation_act}.get(regulation)


class UbndDelegation(models.Model):
    """R-ND30-13.4-2: a TL. grant rests on the committee's own working or records-management regulation: once the
    committee records the acts issuing them, the grant's act is one of those, not any number typed in."""

    _inherit = "ubnd.delegation"

    @api.onchange("regulation", "committee_id")
    def _onchange_regulation_act(self):
        for grant in self.filtered(lambda g: g.regulation and g.committee_id):
            grant.regulation_act = grant.committee_id._regulation_act(grant.regulation) or grant.regulation_act

    @api.constrains("kind", "parent_id", "regulation", "regulation_act", "committee_id")
    def _check_regulation_act_is_the_committees(self):
        for grant in self.filtered(lambda g: g.kind == "tl" and not g.parent_id and g.regulation):
            committee = grant.committee_id
            if not (committee.working_regulation_act or committee.records_regulation_act):
                continue  # not configured yet: the act's number and symbol are still checked (ubnd_delegation)
            expected = committee._regulation_act(grant.regulation)
            if not expected or (grant.regulation_act or "").strip().upper() != expected.strip().upper():
                raise ValidationError(self.env._(
                    "A TL. grant rests on the committee's own regulation: %(regulation)s of %(committee)s was issued "
                    "by %(act)s (Decree 30/2020 Art. 13.4).",
                    regulation=dict(grant._fields["regulation"]._description_selection(self.env))[grant.regulation],
                    committee=committee.name, act=expected or self.env._("no act recorded on the committee")))
