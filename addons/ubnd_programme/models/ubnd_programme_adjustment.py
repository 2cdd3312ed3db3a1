from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import acts_as_chairman, business_fields, check_sane_dates, refuse_workflow_values

# What the Chairman's decision records: never sent by a client.
DECISION_FIELDS = {"state", "decided_by_id", "decided_date", "old_value", "new_value", "notified_partner_ids",
                   "notified_date", "proposed_by_id"}
from .ubnd_programme import FROZEN_STATES
from .ubnd_programme_item import AUTHORITIES

KINDS = [
    ("add", "Add an item"),
    ("drop", "Drop an item"),
    ("reschedule", "Change the submission deadline"),
    ("change", "Change the content or scope"),
    ("other", "Other adjustment"),
]
ITEM_KINDS = ("drop", "reschedule", "change")


class UbndProgrammeAdjustment(models.Model):
    """The change log of a decided work programme: who proposed what, why, and the Chairman's decision.

    - Only the Chairman (or the Vice-Chairman running the committee in his absence) decides an adjustment,
      on the proposals of the bodies or the needs of direction (000 Đ24.6, 001 Đ19.5, Đ19.7, Đ20.2). In the ward
      (profile ``field_vc_decides_draft_change``, 001 Đ21.2) the Vice-Chairman in charge of the field may also
      decide a change of a draft's content, scope or submission time.
    - Every adjustment keeps its reason, the old and the new value, and cannot be changed once decided.
    - The Office then notifies the members and the heads of the units at once (000 Đ22.3, 001 Đ19.5).
    """

    _name = "ubnd.programme.adjustment"
    _description = "Programme adjustment"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _mail_post_access = "read"

    programme_id = fields.Many2one("ubnd.programme", required=True, index=True, ondelete="cascade")
    committee_id = fields.Many2one(related="programme_id.committee_id", store=True, index=True)
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, default="reschedule", tracking=True)
    state = fields.Selection(
        [("proposed", "Proposed"), ("applied", "Decided and applied"), ("rejected", "Rejected")],
        default="proposed", required=True, readonly=True, tracking=True, copy=False,
    )
    item_id = fields.Many2one("ubnd.programme.item", string="Item", index=True, ondelete="restrict",
                              domain="[('committee_id', '=', committee_id)]")
    reason = fields.Text(required=True, tracking=True, help="000 Đ24.6 — the proposal of the body or the need of direction.")
    proposing_unit_id = fields.Many2one("hr.department", string="Proposed by unit",
                                        domain="[('ubnd_committee_id', '=', committee_id)]")
    proposed_by_id = fields.Many2one("res.users", string="Proposed by", default=lambda self: self.env.user, readonly=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    decided_date = fields.Date("Decided on", readonly=True, copy=False)
    decision_note = fields.Text("Decision note", tracking=True)
    old_value = fields.Text("Before", readonly=True, copy=False)
    new_value = fields.Text("After", readonly=True, copy=False)
    notified_partner_ids = fields.Many2many("res.partner", string="Notified", readonly=True, copy=False)
    notified_date = fields.Datetime("Notified on", readonly=True, copy=False)

    # The change itself (new item, new deadline, new content)
    new_name = fields.Char("New name", tracking=True)
    new_main_content = fields.Text("New main content")
    new_deadline = fields.Date("New submission deadline", tracking=True)
    new_deciding_authority = fields.Selection(AUTHORITIES, "New deciding authority")
    new_lead_unit_id = fields.Many2one("hr.department", string="New lead unit",
                                       domain="[('ubnd_committee_id', '=', committee_id)]")
    new_coordinating_unit_ids = fields.Many2many("hr.department", string="New coordinating units",
                                                 domain="[('ubnd_committee_id', '=', committee_id)]")
    new_field_id = fields.Many2one("ubnd.field", string="New field")

    @api.depends("kind", "item_id.name", "new_name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for adj in self:
            adj.display_name = "%s: %s" % (labels.get(adj.kind, ""), adj.item_id.name or adj.new_name or "")

    # --- Guards -------------------------------------------------------------------------------------------
    @api.constrains("programme_id", "item_id", "kind")
    def _check_item(self):
        for adj in self:
            if adj.kind in ITEM_KINDS and not adj.item_id:
                raise ValidationError(self.env._("Choose the item to adjust."))
            if adj.item_id and adj.item_id not in adj.programme_id.all_item_ids:
                raise ValidationError(self.env._("The item is not part of this programme."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, DECISION_FIELDS, self.env._(
            "Only the Chairman decides an adjustment, with the button."))
        for vals in vals_list:
            check_sane_dates(self, vals, ("new_deadline",))
        adjustments = super().create(vals_list)
        for adj in adjustments:
            if adj.programme_id.state not in FROZEN_STATES:
                raise UserError(self.env._(
                    "“%(name)s” is still being built: the Office edits it directly; adjustments are for a programme "
                    "the Chairman has decided.", name=adj.programme_id.display_name))
        return adjustments

    def write(self, vals):
        fields_written = business_fields(vals)
        # A decided adjustment is final, even for the server: only its notification is added once.
        if fields_written and any(adj.state != "proposed" for adj in self) and (
            fields_written - {"notified_partner_ids", "notified_date"} or any(adj.notified_date for adj in self)
        ):
            raise UserError(self.env._("A decided adjustment is part of the programme's history and is not changed."))
        if not self.env.su and DECISION_FIELDS & fields_written:
            raise AccessError(self.env._("Only the Chairman decides an adjustment, with the button."))
        check_sane_dates(self, vals, ("new_deadline",))
        return super().write(vals)

    def unlink(self):
        if any(adj.state != "proposed" for adj in self):
            raise UserError(self.env._("A decided adjustment is part of the programme's history and is not deleted."))
        return super().unlink()

    def _check_may_decide(self):
        """000 Đ24.6, 001 Đ19.5: only the Chairman; 001 Đ21.2: the field's Vice-Chairman for a draft's content,
        scope or submission time when the profile says so."""
        for adj in self:
            committee = adj.committee_id
            if acts_as_chairman(self.env, committee):
                continue
            if (committee.profile_id.field_vc_decides_draft_change and adj.kind in ("reschedule", "change")
                    and adj.item_id.field_id):
                member = self.env.user.sudo()._ubnd_membership(committee)
                if member.role == "vice_chairman" and member._covers_field(adj.item_id.field_id):
                    continue
            raise AccessError(self.env._("Only the Chairman adjusts the work programme (000 Đ24.6, 001 Đ19.5)."))

    # --- Decision -----------------------------------------------------------------------------------------
    def action_apply(self):
        """The Chairman decides the adjustment: it is applied, logged with its reason and notified."""
        for adj in self:
            if adj.state != "proposed":
                raise UserError(self.env._("This adjustment has already been decided."))
        self._check_may_decide()
        for adj in self:
            old, new = adj.sudo()._apply_change()
            adj.sudo().write({
                "state": "applied", "decided_by_id": self.env.user.id, "decided_date": fields.Date.context_today(self),
                "old_value": old, "new_value": new,
            })
            adj.sudo()._notify()
        return True

    def action_reject(self):
        for adj in self:
            if adj.state != "proposed":
                raise UserError(self.env._("This adjustment has already been decided."))
        self._check_may_decide()
        self.sudo().write({"state": "rejected", "decided_by_id": self.env.user.id,
                           "decided_date": fields.Date.context_today(self)})
        for adj in self:
            adj.message_post(body=self.env._("Rejected: %(note)s", note=adj.decision_note or "—"),
                             partner_ids=adj.proposed_by_id.partner_id.ids, subtype_xmlid="mail.mt_comment")
        return True

    def _describe(self, item):
        if not item:
            return ""
        deadline = item.submission_deadline and item.submission_deadline.strftime("%d/%m/%Y") or "—"
        return self.env._("%(name)s — lead: %(unit)s — deadline: %(deadline)s",
                          name=item.name, unit=item.lead_unit_id.name or "—", deadline=deadline)

    def _apply_change(self):
        """Apply the change to the items, as the system (the decision was checked); returns (before, after)."""
        self.ensure_one()
        item = self.item_id
        before = self._describe(item)
        if self.kind == "add":
            if not (self.new_name and self.new_deadline and self.new_lead_unit_id):
                raise ValidationError(self.env._(
                    "A new item needs its name, lead unit and submission deadline (000 Đ24.1.a)."))
            item = self.env["ubnd.programme.item"].create({
                "programme_id": self.programme_id.id, "name": self.new_name, "main_content": self.new_main_content,
                "deciding_authority": self.new_deciding_authority, "lead_unit_id": self.new_lead_unit_id.id,
                "coordinating_unit_ids": [(6, 0, self.new_coordinating_unit_ids.ids)],
                "no_coordination": not self.new_coordinating_unit_ids,
                "submission_deadline": self.new_deadline, "field_id": self.new_field_id.id,
                "source": "proposal", "proposal_approved_by_id": self.env.uid,
                "sequence": max(self.programme_id.item_ids.mapped("sequence") or [0]) + 10,
            })
            self.item_id = item
        elif self.kind == "drop":
            item.state = "dropped"
        elif self.kind == "reschedule":
            if not self.new_deadline:
                raise ValidationError(self.env._("Give the new submission deadline."))
            item.submission_deadline = self.new_deadline
        elif self.kind == "change":
            vals = {}
            if self.new_name:
                vals["name"] = self.new_name
            if self.new_main_content:
                vals["main_content"] = self.new_main_content
            if self.new_deciding_authority:
                vals["deciding_authority"] = self.new_deciding_authority
            if self.new_lead_unit_id:
                vals["lead_unit_id"] = self.new_lead_unit_id.id
            if self.new_coordinating_unit_ids:
                vals["coordinating_unit_ids"] = [(6, 0, self.new_coordinating_unit_ids.ids)]
            if self.new_field_id:
                vals["field_id"] = self.new_field_id.id
            if self.new_deadline:
                vals["submission_deadline"] = self.new_deadline
            if not vals:
                raise ValidationError(self.env._("Give the new content of the item."))
            item.write(vals)
        after = self._describe(item) if self.kind != "drop" else self.env._("Dropped from the programme")
        if item:
            item.message_post(body=self.env._("Adjusted by decision of %(user)s: %(reason)s",
                                              user=self.env.user.name, reason=self.reason))
        return before, after

    def _notify(self):
        """000 Đ22.3, 001 Đ19.5: the Office promptly notifies the members and the heads of the units."""
        self.ensure_one()
        programme = self.programme_id
        extra = (self.item_id.lead_unit_id | self.item_id.coordinating_unit_ids).manager_id.user_id.partner_id
        body = self.env._(
            "Adjustment of %(programme)s decided by %(user)s — %(kind)s: %(after)s. Reason: %(reason)s",
            programme=programme.display_name, user=self.decided_by_id.name,
            kind=dict(self._fields["kind"]._description_selection(self.env)).get(self.kind),
            after=self.new_value or "", reason=self.reason,
        )
        partners = programme._notify_members_and_heads(body, extra_partners=extra)
        self.write({"notified_partner_ids": [(6, 0, partners.ids)], "notified_date": fields.Datetime.now()})
