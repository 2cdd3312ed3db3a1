from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from .tier_definition import POSITION_FIELDS, POSITION_STAGES, POSITIONS, STAGE_ORDER
from .ubnd_submission import KINDS


class UbndApprovalChain(models.Model):
    """The approval chain a committee's administrator sets for a kind of dossier (000 Đ15–18).

    Per kind of submission, field and amount, the steps in order, each held by a position (the head of the
    submitting unit, the chief of the Office, a leader), never by a named person. The chain keeps the approval
    steps of OCA tier validation (``tier.definition``) in step with it; dossiers no chain covers follow the
    default chain shipped with the suite.
    """

    _name = "ubnd.approval.chain"
    _description = "Approval chain"
    _order = "committee_id, sequence, id"

    name = fields.Char(required=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="cascade",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10, help="Among chains that fit a dossier equally well, the first applies.")
    kind = fields.Selection(KINDS, string="Kind of submission", help="Empty: every kind.")
    field_id = fields.Many2one("ubnd.field", string="Field", help="Empty: every field.")
    amount_min = fields.Float("Value from (bn VND)", help="Dossiers whose value is at least this amount.")
    amount_max = fields.Float("Value up to (bn VND)", help="Dossiers whose value is at most this amount; 0: no limit.")
    step_ids = fields.One2many("ubnd.approval.chain.step", "chain_id", string="Steps", copy=True)
    definition_ids = fields.One2many("tier.definition", "ubnd_chain_id", string="Approval steps (technical)",
                                     context={"active_test": False})
    preview = fields.Html(compute="_compute_preview", sanitize=False,
                          help="The chain a dossier of this kind goes through, step by step.")

    @api.model
    def default_get(self, fields_list):
        """A new chain starts as the default one: the unit head initials, the Office checks, the leader decides."""
        res = super().default_get(fields_list)
        if "step_ids" in fields_list and not res.get("step_ids"):
            res["step_ids"] = [
                Command.create({"sequence": index, "position": position})
                for index, position in enumerate(("unit_head", "office", "leader"), start=1)
            ]
        return res

    # --- Preview ----------------------------------------------------------------------------------
    @api.depends("step_ids.sequence", "step_ids.position", "step_ids.name", "kind", "field_id", "amount_min", "amount_max")
    def _compute_preview(self):
        for chain in self:
            steps = Markup("").join(
                Markup("<li><b>%s</b> — %s</li>") % (step.name or "", step._stage_label())
                for step in chain.step_ids.sorted("sequence")
            )
            chain.preview = Markup("<p>%s</p><ol>%s</ol>") % (chain._scope_label(), steps)

    def _scope_label(self):
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        parts = [kinds[self.kind] if self.kind else self.env._("Every kind of dossier")]
        if self.field_id:
            parts.append(self.env._("field: %s", self.field_id.name))
        low, high = (("%g" % amount).replace(".", ",") for amount in (self.amount_min, self.amount_max))
        if self.amount_min and self.amount_max:
            parts.append(self.env._("value from %(low)s to %(high)s bn VND", low=low, high=high))
        elif self.amount_min:
            parts.append(self.env._("value from %s bn VND", low))
        elif self.amount_max:
            parts.append(self.env._("value up to %s bn VND", high))
        return self.env._("Applies to: %s", "; ".join(parts))

    # --- Which chain a dossier follows --------------------------------------------------------------
    def _fits(self, submission):
        self.ensure_one()
        amount = submission.amount_bn or 0.0
        return (
            (not self.kind or self.kind == submission.kind)
            and (not self.field_id or self.field_id == submission.field_id)
            and amount >= (self.amount_min or 0.0)
            and (not self.amount_max or amount <= self.amount_max)
        )

    @api.model
    def _for_submission(self, submission):
        """The most specific active chain of the dossier's committee that fits it, or an empty recordset."""
        chains = self.sudo().search([("committee_id", "=", submission.committee_id.id)])
        fitting = chains.filtered(lambda c: c._fits(submission))
        if not fitting:
            return self.browse()
        return fitting.sorted(lambda c: (
            not c.kind, not c.field_id, not (c.amount_min or c.amount_max), c.sequence, c.id,
        ))[:1]

    # --- Checks -------------------------------------------------------------------------------------
    @api.constrains("step_ids", "amount_min", "amount_max")
    def _check_steps(self):
        for chain in self:
            steps = chain.step_ids.sorted("sequence")
            if not steps or steps[-1].position != "leader":
                raise ValidationError(self.env._(
                    "The chain “%s” ends with the leader in charge, who decides (000 Đ18.4).", chain.name))
            positions = steps.mapped("position")
            if len(positions) != len(set(positions)):
                raise ValidationError(self.env._("A position appears only once in the chain “%s”.", chain.name))
            stages = [STAGE_ORDER.index(POSITION_STAGES[p]) for p in positions]
            if stages != sorted(stages):
                raise ValidationError(self.env._(
                    "In the chain “%s” the unit head initials first, then the Office checks, then the leaders give "
                    "their opinions and the leader in charge decides (000 Đ15–18).", chain.name))
            if chain.amount_max and chain.amount_max < chain.amount_min:
                raise ValidationError(self.env._("The upper value of the chain “%s” is below its lower value.", chain.name))

    # --- The OCA approval steps kept in step with the chain ------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        chains = super().create(vals_list)
        chains._sync_definitions()
        return chains

    def write(self, vals):
        res = super().write(vals)
        self._sync_definitions()
        return res

    def unlink(self):
        # Steps already run on dossiers keep their definition (their record); it no longer applies to new ones.
        self.sudo().definition_ids.write({"active": False})
        return super().unlink()

    def _sync_definitions(self):
        """One ``tier.definition`` per step, the first step reviewed first (OCA reviews higher sequences first).
        Written as superuser after the administrator's own rights on the chain were checked."""
        model = self.env["ir.model"]._get("ubnd.submission")
        Fields = self.env["ir.model.fields"]
        for chain in self:
            chain.check_access("write")
            steps = chain.step_ids.sorted("sequence")
            for index, step in enumerate(steps):
                vals = {
                    "name": step.name,
                    "model_id": model.id,
                    "review_type": "field",
                    "reviewer_field_id": Fields._get("ubnd.submission", POSITION_FIELDS[step.position]).id,
                    "sequence": (len(steps) - index) * 10,
                    "approve_sequence": True,
                    "company_id": chain.company_id.id,
                    "notify_on_pending": False,
                    "active": chain.active,
                    "ubnd_chain_id": chain.id,
                    "ubnd_position": step.position,
                    "definition_domain": False,
                }
                if step.sudo().definition_id:
                    step.sudo().definition_id.write(vals)
                else:
                    step.sudo().definition_id = self.env["tier.definition"].sudo().create(vals)
            stale = chain.sudo().definition_ids - steps.sudo().definition_id
            stale.filtered("active").write({"active": False})


class UbndApprovalChainStep(models.Model):
    """One step of an approval chain: who (by position) and in which order."""

    _name = "ubnd.approval.chain.step"
    _description = "Approval chain step"
    _order = "chain_id, sequence, id"

    chain_id = fields.Many2one("ubnd.approval.chain", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    position = fields.Selection(POSITIONS, required=True, string="Reviewer (by position)")
    name = fields.Char("Step", compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    definition_id = fields.Many2one("tier.definition", readonly=True, ondelete="set null", copy=False)

    @api.depends("position")
    def _compute_name(self):
        labels = dict(self._fields["position"]._description_selection(self.env))
        for step in self:
            step.name = labels.get(step.position, step.name)

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        steps.chain_id._sync_definitions()
        return steps

    def write(self, vals):
        res = super().write(vals)
        if set(vals) - {"definition_id"}:
            self.chain_id._sync_definitions()
        return res

    def unlink(self):
        chains = self.chain_id
        res = super().unlink()
        chains.exists()._sync_definitions()
        return res

    def _stage_label(self):
        self.ensure_one()
        return {
            "unit": self.env._("initials before the dossier leaves the unit (Ký nháy)"),
            "office": self.env._("checks the dossier and forwards it to the leader"),
            "opinion": self.env._("gives an opinion before the decision"),
            "decide": self.env._("decides"),
        }[POSITION_STAGES[self.position]] if self.position else ""
