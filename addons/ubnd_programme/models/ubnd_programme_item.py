from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    acts_as_chairman, business_fields, check_sane_dates, is_office, refuse_workflow_values, today, user_units,
)
from .ubnd_programme import FROZEN_STATES

AUTHORITIES = [
    ("committee", "The People's Committee"),
    ("chairman", "The Chairman"),
    ("council", "The People's Council"),
    ("superior_committee", "The higher-level People's Committee"),
    ("superior_chairman", "The higher-level Chairman"),
    ("central", "Government, Prime Minister or ministries"),
]
SOURCES = [
    ("higher", "Programme, direction or conclusion of a higher body"),
    ("party", "Party committee"),
    ("council", "People's Council or its Standing Committee"),
    ("proposal", "Proposal approved by the Chairman or a competent person"),
]
STATUSES = [("on_track", "On time"), ("late", "Late"), ("done", "Done"), ("dropped", "Dropped")]
# States of a submission that fulfil the item: the dossier reached the Office (000 Đ24.1.a "thời hạn trình").
FULFILLING_SUBMISSION_STATES = ("submitted", "clarification", "to_leader", "collective", "approved", "signed", "issued")
# Fields that make the programme: once the Chairman decided it, they change only through an adjustment.
PROGRAMME_FIELDS = frozenset({
    "programme_id", "sequence", "part", "name", "main_content", "deciding_authority", "lead_unit_id",
    "coordinating_unit_ids", "no_coordination", "submission_deadline", "field_id", "source", "source_reference",
    "proposal_approved_by_id", "is_session_content", "state",
})
# What the lead unit itself reports on its items (000 Đ22.2, Đ25.1; 001 Đ20.1).
PROGRESS_FIELDS = frozenset({"delay_reason", "next_steps", "progress_note", "submission_id", "session_event_id"})


class UbndProgrammeItem(models.Model):
    """A scheme, draft or matter of a work programme (000 Đ24.1.a, 001 Đ19.1.a, Đ21.1).

    It states the name of the scheme or draft, the deciding authority, the lead drafting unit, the coordinating
    units and the submission deadline (city, R-000-24.1a-2); the ward adds its sequence number and main content
    (R-001-19.1a-2, profile ``programme_item_main_content``). It comes from a higher body's direction or from a
    proposal approved by the Chairman or a competent person (000 Đ23.1).

    Evaluation (000 Đ25, 001 Đ20): *done* when the submission that fulfils it has reached the Office (or the Office
    records it done), *late* when its deadline has passed without that, *dropped* when the Chairman took it out of
    the programme, otherwise *on time*. A late or unfinished item is explained by its lead unit (000 Đ22.2).
    """

    _name = "ubnd.programme.item"
    _description = "Programme item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "programme_id, sequence, id"
    _mail_post_access = "read"

    programme_id = fields.Many2one("ubnd.programme", required=True, index=True, ondelete="cascade", tracking=True)
    committee_id = fields.Many2one(related="programme_id.committee_id", store=True, index=True)
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    programme_kind = fields.Selection(related="programme_id.kind", store=True, string="Programme kind")
    programme_state = fields.Selection(related="programme_id.state", string="Programme state")
    sequence = fields.Integer(default=10)
    seq_no = fields.Integer("No.", compute="_compute_seq_no", help="001 Đ19.1.a — the item's sequence number.")
    part = fields.Selection(
        [("orientation", "Part one: orientations, tasks and solutions"),
         ("submission", "Part two: matters to submit")],
        default="submission", required=True,
        help="000 Đ21.2.a, 001 Đ18.2.a — the annual programme has two parts.",
    )
    is_session_content = fields.Boolean(
        "Regular-session content", help="000 Đ21.2.a–c — the programme lists the contents of the regular sessions.",
    )
    name = fields.Char("Scheme or draft", required=True, tracking=True)
    main_content = fields.Text("Main content", tracking=True)
    deciding_authority = fields.Selection(AUTHORITIES, "Deciding authority", tracking=True)
    lead_unit_id = fields.Many2one("hr.department", string="Lead drafting unit", index=True, tracking=True,
                                   domain="[('ubnd_committee_id', '=', committee_id)]")
    coordinating_unit_ids = fields.Many2many("hr.department", string="Coordinating units",
                                             domain="[('ubnd_committee_id', '=', committee_id)]")
    no_coordination = fields.Boolean("No coordinating unit",
                                     help="Tick when the lead unit drafts alone, so the list is stated explicitly.")
    submission_deadline = fields.Date("Submission deadline", index=True, tracking=True,
                                      help="000 Đ24.1.a thời hạn trình; 001 Đ19.1.a thời gian trình.")
    field_id = fields.Many2one("ubnd.field", string="Field", tracking=True)
    leader_id = fields.Many2one(
        "res.users", string="Leader in charge", compute="_compute_leader_id", store=True, index=True,
        help="000 Đ24.3.b, 001 Đ19.3.b — the monthly programme is split by the fields of the Chairman and each "
        "Vice-Chairman: the Vice-Chairman whose portfolio covers the field, or the Chairman.",
    )
    source = fields.Selection(SOURCES, required=True, default="proposal", tracking=True,
                              help="000 Đ23.1 — where the item comes from.")
    source_reference = fields.Char("Source document")
    proposal_approved_by_id = fields.Many2one(
        "res.users", string="Proposal approved by", tracking=True,
        help="000 Đ23.1 — a proposal enters the programme once the Chairman or a competent person approves it.",
    )
    proposed_by_id = fields.Many2one("res.users", string="Proposed by", default=lambda self: self.env.user, readonly=True)
    proposal_date = fields.Date("Proposed on", default=fields.Date.context_today, readonly=True)
    proposal_late = fields.Boolean(
        "Proposed after the cut-off", compute="_compute_proposal_late", store=True,
        help="000 Đ24.1.a, 24.2.a, 24.3.a; 001 Đ19.1.a–19.3.a — proposals reach the Office by the programme's cut-off.",
    )

    # --- Execution and evaluation ------------------------------------------------------------------
    submission_id = fields.Many2one("ubnd.submission", string="Fulfilling submission", index=True, tracking=True,
                                    domain="[('committee_id', '=', committee_id)]")
    session_event_id = fields.Many2one("calendar.event", string="Taken at session", tracking=True,
                                       help="The session that takes the item (a calendar event of the meetings addon).")
    state = fields.Selection([("active", "In the programme"), ("dropped", "Dropped")], default="active",
                             required=True, readonly=True, tracking=True, copy=False)
    done_date = fields.Date("Recorded done on", readonly=True, copy=False, tracking=True,
                            help="Set by the Office for an item fulfilled without a submission here "
                            "(accepted, approved or sent to a superior body).")
    fulfilled_date = fields.Date(compute="_compute_fulfilled_date", store=True, string="Fulfilled on")
    status = fields.Selection(STATUSES, compute="_compute_status", store=True, index=True, tracking=True)
    done_late = fields.Boolean("Done after the deadline", compute="_compute_status", store=True)
    delay_reason = fields.Text("Reason for delay", tracking=True,
                               help="000 Đ22.2, 001 Đ20.1 — the head explains an item that is late or not completed.")
    next_steps = fields.Text("Next steps", help="000 Đ25.1 — backlog and the next steps.")
    progress_note = fields.Text("Progress", help="001 Đ21.1 — the progress of the draft.")
    vc_report_date = fields.Date(
        "Reported to the Chairman", readonly=True, copy=False, tracking=True,
        help="001 Đ20.3 — the Vice-Chairman in charge reports to the Chairman before acceptance, approval or "
        "submission to a superior body.",
    )
    adjustment_ids = fields.One2many("ubnd.programme.adjustment", "item_id", string="Adjustments")
    my_unit = fields.Boolean("Led by my unit", compute="_compute_my_unit", search="_search_my_unit")

    # --- Computations -----------------------------------------------------------------------------------
    @api.depends("programme_id.item_ids.sequence")
    def _compute_seq_no(self):
        for item in self:
            siblings = item.programme_id.item_ids.sorted(lambda i: (i.sequence, i.id or 0))
            item.seq_no = (siblings.ids.index(item.id) + 1) if item.id in siblings.ids else 0

    @api.depends_context("uid")
    def _compute_my_unit(self):
        mine = user_units(self.env)
        for item in self:
            item.my_unit = item.lead_unit_id in mine

    def _search_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        return [("lead_unit_id", "in" if positive else "not in", user_units(self.env).ids)]

    @api.depends("field_id", "committee_id.member_ids.field_ids", "committee_id.chairman_id")
    def _compute_leader_id(self):
        for item in self:
            committee = item.committee_id
            vice = committee.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman" and item.field_id and item.field_id in m.field_ids
            )[:1]
            item.leader_id = vice.user_id or committee.chairman_id

    @api.depends("proposal_date", "programme_id.proposal_deadline")
    def _compute_proposal_late(self):
        for item in self:
            deadline = item.programme_id.proposal_deadline
            item.proposal_late = bool(deadline and item.proposal_date and item.proposal_date > deadline)

    @api.depends("submission_id.state", "submission_id.received_date", "done_date")
    def _compute_fulfilled_date(self):
        for item in self:
            sub = item.submission_id
            if sub and sub.state in FULFILLING_SUBMISSION_STATES and sub.received_date:
                item.fulfilled_date = min(sub.received_date, item.done_date) if item.done_date else sub.received_date
            else:
                item.fulfilled_date = item.done_date

    @api.depends("state", "fulfilled_date", "submission_deadline")
    def _compute_status(self):
        now = today(self)
        for item in self:
            item.done_late = bool(item.fulfilled_date and item.submission_deadline
                                  and item.fulfilled_date > item.submission_deadline)
            if item.state == "dropped":
                item.status = "dropped"
            elif item.fulfilled_date:
                item.status = "done"
            elif item.submission_deadline and now > item.submission_deadline:
                item.status = "late"
            else:
                item.status = "on_track"

    @api.model
    def _cron_refresh_status(self):
        """Items whose deadline passed yesterday become late (the status depends on the date)."""
        now = today(self)
        items = self.search([("status", "=", "on_track"), ("submission_deadline", "<", now)])
        items |= self.search([("status", "=", "late"), ("submission_deadline", ">=", now)])
        if items:
            self.env.add_to_compute(self._fields["status"], items)
            self.env.add_to_compute(self._fields["done_late"], items)
            items.flush_recordset(["status", "done_late"])
        return items

    def _missing_fields(self):
        """What this item lacks of 000 Đ24.1.a / 001 Đ19.1.a, as a sentence (empty when complete)."""
        self.ensure_one()
        if self.part == "orientation":
            return ""
        labels = []
        for name in ("deciding_authority", "lead_unit_id", "submission_deadline"):
            if not self[name]:
                labels.append(self._fields[name]._description_string(self.env))
        if not self.coordinating_unit_ids and not self.no_coordination:
            labels.append(self._fields["coordinating_unit_ids"]._description_string(self.env))
        if self.committee_id.profile_id.programme_item_main_content and not self.main_content:
            labels.append(self._fields["main_content"]._description_string(self.env))
        if not labels:
            return ""
        return self.env._("“%(item)s” must state: %(fields)s (000 Đ24.1.a, 001 Đ19.1.a).",
                          item=self.name, fields=", ".join(labels))

    # --- Constraints --------------------------------------------------------------------------------------
    @api.constrains("source", "proposal_approved_by_id", "committee_id")
    def _check_source(self):
        """000 Đ23.1: a proposal enters the programme only once the Chairman or a competent person approved it."""
        for item in self:
            if item.source != "proposal" or not item.proposal_approved_by_id:
                continue
            member = item.proposal_approved_by_id.sudo()._ubnd_membership(item.committee_id)
            if member.role not in ("chairman", "vice_chairman"):
                raise ValidationError(self.env._(
                    "A proposal is approved into the programme by the Chairman or a competent person "
                    "(a Vice-Chairman) (000 Đ23.1)."))

    @api.constrains("submission_id", "committee_id")
    def _check_submission_committee(self):
        for item in self.sudo().filtered("submission_id"):
            if item.submission_id.committee_id != item.committee_id:
                raise ValidationError(self.env._("The fulfilling submission belongs to another committee."))

    @api.constrains("lead_unit_id", "coordinating_unit_ids")
    def _check_units(self):
        for item in self:
            if item.lead_unit_id and item.lead_unit_id in item.coordinating_unit_ids:
                raise ValidationError(self.env._("The lead unit is not also a coordinating unit (000 Đ2.4)."))

    # --- Access ---------------------------------------------------------------------------------------------
    def _check_may_edit(self, vals_fields, creating=False):
        """Server-side rules of who changes what (a record rule alone does not stop an RPC call).

        - Once the programme is decided, its items change only by an adjustment the Chairman decides
          (000 Đ24.6, 001 Đ19.5): the adjustment applies its change as the system (``sudo``).
        - The Office builds the draft; a unit head proposes and reports on his own unit's items only.
        """
        if self.env.su:
            return
        office = is_office(self.env)
        mine = user_units(self.env)
        for item in self:
            programme = item.programme_id
            if programme.state in FROZEN_STATES and (vals_fields & PROGRAMME_FIELDS or creating):
                raise UserError(self.env._(
                    "The Chairman has decided this programme: only he adjusts it, with a reason "
                    "(000 Đ24.6, 001 Đ19.5). Use “Adjust”."))
            if office:
                continue
            if item.lead_unit_id not in mine:
                raise AccessError(self.env._("A unit reports on and proposes its own programme items only."))
            if vals_fields & PROGRAMME_FIELDS and programme.state != "draft":
                raise AccessError(self.env._("Units propose items while the programme is a draft."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, {"state", "done_date", "vc_report_date", "proposed_by_id",
                                                        "proposal_date"},
                                      self.env._("Use the buttons to record an item done, reported or dropped."))
        for vals in vals_list:
            check_sane_dates(self, vals, ("submission_deadline",))
        items = super().create(vals_list)
        items._check_may_edit(set().union(*(v.keys() for v in vals_list)) if vals_list else set(), creating=True)
        return items

    def write(self, vals):
        fields_written = business_fields(vals)
        if not self.env.su and {"done_date", "vc_report_date", "proposed_by_id", "proposal_date"} & fields_written:
            raise AccessError(self.env._("Use the buttons to record an item done or reported."))
        check_sane_dates(self, vals, ("submission_deadline",))
        if fields_written:
            self._check_may_edit(fields_written)
        return super().write(vals)

    def unlink(self):
        if not self.env.su and any(i.programme_id.state in FROZEN_STATES for i in self):
            raise UserError(self.env._(
                "An item of a decided programme is not deleted: the Chairman drops it by an adjustment (000 Đ24.6)."))
        return super().unlink()

    # --- Actions ----------------------------------------------------------------------------------------------
    def action_report_to_chairman(self):
        """001 Đ20.3: the Vice-Chairman in charge reports the item to the Chairman before its acceptance."""
        for item in self:
            if self.env.user != item.leader_id and not acts_as_chairman(self.env, item.committee_id):
                raise AccessError(self.env._("The Vice-Chairman in charge of the item reports it to the Chairman."))
            item.sudo().write({"vc_report_date": today(self)})
            chairman = item.committee_id.chairman_id
            item.message_post(
                body=self.env._("Reported to the Chairman before acceptance, approval or submission to a superior body "
                                "(001 Đ20.3)."),
                partner_ids=chairman.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_mark_done(self):
        """The Office records an item fulfilled: accepted, approved or sent to a superior body."""
        if not is_office(self.env):
            raise AccessError(self.env._("The Office records programme items done (000 Đ25.2)."))
        for item in self:
            if item.state == "dropped":
                raise UserError(self.env._("A dropped item is not done."))
            profile = item.committee_id.profile_id
            if (profile.programme_vc_report_before_acceptance and item.leader_id
                    and item.leader_id != item.committee_id.chairman_id and not item.vc_report_date):
                raise ValidationError(self.env._(
                    "The Vice-Chairman in charge reports “%(item)s” to the Chairman before its acceptance, approval "
                    "or submission to a superior body (001 Đ20.3).", item=item.name))
            item.sudo().write({"done_date": today(self)})
        return True

    def action_reopen(self):
        if not is_office(self.env):
            raise AccessError(self.env._("The Office records programme items done (000 Đ25.2)."))
        self.sudo().write({"done_date": False})
        return True
