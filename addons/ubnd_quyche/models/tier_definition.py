from odoo import api, fields, models

# The positions an approval step of a dossier names its reviewers by (never a named person): each is read from a
# field of the dossier, and acts at one stage of the workflow (000 Đ15–18): the unit head initials before the
# dossier leaves the unit, the Office checks it before it reaches the leader, leaders give opinions, and the leader
# in charge decides last.
POSITIONS = [
    ("unit_head", "Head of the submitting unit: initials"),
    ("office", "Chief of the Office: checks and forwards"),
    ("field_vice_chairman", "Vice-Chairman in charge of the field: opinion"),
    ("chairman", "Chairman: opinion"),
    ("leader", "Leader in charge: decides"),
]
POSITION_FIELDS = {
    "unit_head": "unit_head_user_id",
    "office": "office_reviewer_id",
    "field_vice_chairman": "field_vice_chairman_id",
    "chairman": "chairman_user_id",
    "leader": "leader_id",
}
POSITION_STAGES = {
    "unit_head": "unit",
    "office": "office",
    "field_vice_chairman": "opinion",
    "chairman": "opinion",
    "leader": "decide",
}
STAGE_ORDER = ("unit", "office", "opinion", "decide")


class TierDefinition(models.Model):
    """A step of a dossier's approval chain: the default chain (data) or one an administrator configured."""

    _inherit = "tier.definition"

    ubnd_chain_id = fields.Many2one("ubnd.approval.chain", string="Approval chain", index="btree_not_null",
                                    ondelete="set null", readonly=True)
    ubnd_position = fields.Selection(POSITIONS, string="Position", readonly=True)

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + ["ubnd.submission"]

    @api.model
    def _ubnd_name_default_steps(self):
        """The default chain's last step is the leader's decision: its name says so in every language (the
        definitions are not updated from data once loaded)."""
        step = self.env.ref("ubnd_quyche.tier_submission_leader", raise_if_not_found=False)
        name = "Lãnh đạo phụ trách quyết định"
        if step and step.name != name:
            step.write({"name": name})
            langs = [code for code, _name in self.env["res.lang"].get_installed()]
            step.update_field_translations("name", dict.fromkeys(langs, name))

    def _ubnd_position(self):
        """The position of the step; the default chain's steps are known by the dossier field they read."""
        self.ensure_one()
        if self.ubnd_position:
            return self.ubnd_position
        by_field = {fname: position for position, fname in POSITION_FIELDS.items()}
        return by_field.get(self.sudo().reviewer_field_id.name, "field_vice_chairman")

    def _ubnd_stage(self):
        self.ensure_one()
        return POSITION_STAGES[self._ubnd_position()]
