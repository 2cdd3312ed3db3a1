from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import bind_attachments, refuse_workflow_values

ITEM_STATES = [
    ("planned", "On the agenda"),
    ("postponed", "Postponed"),
    ("decided", "Decided"),
    ("not_adopted", "Not adopted: further preparation"),
    ("noted", "Reported"),
    ("withdrawn", "Withdrawn"),
]
# 000 Đ6.2 a–đ: what the Chairman decided on the committee's behalf and reports at the nearest session.
REPORT_CATEGORIES = [
    ("a", "Đ6.2.a — periodic or ad hoc reports sent to central bodies, the Party Committee or the Council"),
    ("b", "Đ6.2.b — carrying out tasks already resolved by the Party Committee or the Council"),
    ("c", "Đ6.2.c — comments on draft laws, decrees and circulars"),
    ("d", "Đ6.2.d — plans and programmes implementing higher-level documents"),
    ("dd", "Đ6.2.đ — steering committees and councils whose composition the law fixes"),
]
# What only the workflow records on an item.
WORKFLOW_FIELDS = {"state", "outcome", "decision_summary", "documents_received_date", "vote_ids"}
# Fields of an item only the Chairman changes once he has approved the agenda (000 Đ27.1).
CHAIRMAN_ITEM_FIELDS = {"name", "submission_id", "sequence", "presenter_id", "item_type", "meeting_id"}


class UbndMeetingItem(models.Model):
    """An item of a meeting's agenda: a collective matter (a submission sent to the committee), the
    announcement of a written ballot's result, or a report. Each collective matter is discussed with
    its presenter and documents, members state their opinion, the chair concludes and takes the vote,
    and the decision is recorded back on the submission (000 Đ29.3–29.4, 001 Đ25.3–25.5)."""

    _name = "ubnd.meeting.item"
    _description = "Agenda item"
    _inherit = ["mail.thread"]
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one("ubnd.meeting", required=True, ondelete="cascade", index=True)
    committee_id = fields.Many2one(related="meeting_id.committee_id", store=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_state = fields.Selection(related="meeting_id.state", string="Meeting status")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, tracking=True)
    item_type = fields.Selection(
        [("decision", "Matter for decision"), ("ballot_result", "Result of a written ballot"),
         ("report", "Report of the Chairman's decisions (000 Đ6.2)"), ("information", "Information")],
        required=True, default="decision", tracking=True,
    )
    submission_id = fields.Many2one(
        "ubnd.submission", string="Submission", index=True, ondelete="restrict", tracking=True,
        domain="[('committee_id', '=', committee_id), ('state', '=', 'collective')]",
    )
    ballot_id = fields.Many2one("ubnd.ballot", string="Written ballot", ondelete="restrict")
    report_category = fields.Selection(REPORT_CATEGORIES)
    requested_by = fields.Selection(
        [("route", "The leader sent it to a session"), ("chairman", "The Chairman"),
         ("members", "At least a third of the members")],
        default="route", required=True,
        help="000 Đ4.1.g: a matter is discussed at a session when the Chairman or at least one third of all "
        "members request it, even if it was meant for a written ballot.",
    )
    requesting_member_ids = fields.Many2many("ubnd.committee.member", "ubnd_meeting_item_request_rel", "item_id",
                                             "member_id", string="Members requesting")
    summary = fields.Text(related="submission_id.summary")
    field_id = fields.Many2one(related="submission_id.field_id")
    presenting_unit_id = fields.Many2one(related="submission_id.submitting_unit_id", string="Lead unit")
    presenter_id = fields.Many2one("res.users", string="Presenter", tracking=True,
                                   help="The head of the lead unit presents the matter (000 Đ29.3.a).")
    chaired_by_id = fields.Many2one(
        "res.users", string="Chaired by", tracking=True,
        help="000 Đ26.5–26.6: the Chairman, or the one Vice-Chairman he assigned, chairs the discussion of the item.",
    )
    attachment_ids = fields.Many2many("ir.attachment", "ubnd_meeting_item_attachment_rel", "item_id",
                                      "attachment_id", string="Session documents")
    dossier_attachment_ids = fields.Many2many("ir.attachment", compute="_compute_dossier_attachments",
                                              string="Dossier")
    documents_received_date = fields.Date("Documents received by the Office", readonly=True, copy=False)
    documents_deadline = fields.Date(compute="_compute_documents_deadline")
    documents_late = fields.Boolean(compute="_compute_documents_deadline")
    vote_mode = fields.Selection(
        [("open", "Open vote"), ("secret", "Secret ballot")], default="open", required=True, tracking=True,
        help="000 Đ29.4.b, 001 Đ25.5.b: one form of vote per matter, chosen when the vote is opened.",
    )
    vote_ids = fields.One2many("ubnd.vote", "item_id", string="Vote")
    vote_id = fields.Many2one("ubnd.vote", string="Current vote", compute="_compute_vote_id")
    opinion_ids = fields.One2many("ubnd.meeting.opinion", "item_id", string="Opinions")
    state = fields.Selection(ITEM_STATES, default="planned", required=True, readonly=True, tracking=True)
    outcome = fields.Selection(
        [("passed", "Passed"), ("not_passed", "Not passed"), ("not_adopted", "Not adopted"),
         ("postponed", "Postponed"), ("noted", "Reported")], readonly=True, copy=False, tracking=True,
    )
    decision_summary = fields.Text("Decision", readonly=True, copy=False)
    conclusion = fields.Text("Chair's conclusion on the item", tracking=True)

    # --- Computations -------------------------------------------------------------------------------------
    @api.depends("submission_id.component_ids.attachment_ids", "ballot_id")
    def _compute_dossier_attachments(self):
        for item in self:
            # The dossier's files follow the dossier: shown only to whoever may open the submission.
            sub = item.sudo().submission_id
            readable = sub and (self.env.su or item.submission_id.has_access("read"))
            item.dossier_attachment_ids = sub.component_ids.attachment_ids if readable else False

    @api.depends("meeting_id.step_ids.deadline", "documents_received_date")
    def _compute_documents_deadline(self):
        today = fields.Date.context_today(self)
        for item in self:
            step = item.meeting_id.step_ids.filtered(lambda s: s.code == "documents" and s.item_id == item)[:1]
            item.documents_deadline = step.deadline
            done = item.documents_received_date
            item.documents_late = bool(step.deadline) and ((done or today) > step.deadline)

    def _compute_vote_id(self):
        for item in self:
            item.vote_id = item.vote_ids[:1]

    # --- Constraints -----------------------------------------------------------------------------------------
    @api.constrains("submission_id", "requested_by", "requesting_member_ids", "meeting_id")
    def _check_submission(self):
        Rule = self.env["ubnd.vote.rule"]
        for item in self.filtered("submission_id"):
            sub = item.submission_id.sudo()
            meeting = item.meeting_id
            if sub.committee_id != meeting.committee_id:
                raise ValidationError(self.env._("The submission belongs to another committee."))
            if sub.state != "collective" and item.state == "planned":
                raise ValidationError(self.env._(
                    "Only a submission a leader sent to the committee can be put on the agenda: “%s” is not "
                    "awaiting the committee.", sub.name))
            if not meeting.is_session:
                raise ValidationError(self.env._("Collective matters are decided at a session (000 Đ4)."))
            if sub.route == "ballot":
                if item.requested_by == "members":
                    committee = meeting.committee_id
                    members = item.requesting_member_ids.filtered(lambda m: m.active and m.committee_id == committee)
                    required = Rule.request_required(meeting.profile_id, committee.voting_member_count)
                    if len(members) < required:
                        raise ValidationError(self.env._(
                            "A matter sent to a written ballot comes to a session at the request of at least "
                            "%(required)s of the %(total)s members (000 Đ4.1.g); %(count)s asked.",
                            required=required, total=committee.voting_member_count, count=len(members),
                        ))
                elif item.requested_by != "chairman":
                    raise ValidationError(self.env._(
                        "The Chairman sent this matter to a written ballot: it comes to a session only at his "
                        "request or at the request of a third of the members (000 Đ4.1.g)."
                    ))
            others = self.search([
                ("submission_id", "=", sub.id), ("id", "!=", item.id), ("state", "=", "planned"),
                ("meeting_id.state", "not in", ("cancelled", "closed")),
            ])
            if others:
                raise ValidationError(self.env._(
                    "“%(name)s” is already on the agenda of %(meeting)s.", name=sub.name, meeting=others[0].meeting_id.name))

    @api.constrains("chaired_by_id", "meeting_id")
    def _check_chaired_by(self):
        """000 Đ26.5: the chair, or the one Vice-Chairman the Chairman assigned, chairs an item."""
        for item in self.filtered("chaired_by_id"):
            meeting = item.meeting_id
            if item.chaired_by_id not in (meeting.chair_id | meeting.deputy_chair_id):
                raise ValidationError(self.env._(
                    "An item is chaired by the session's chair or the one Vice-Chairman assigned to chair some "
                    "items (000 Đ26.5)."
                ))

    @api.constrains("item_type", "ballot_id", "submission_id")
    def _check_type(self):
        for item in self:
            if item.item_type == "ballot_result" and not item.ballot_id:
                raise ValidationError(self.env._("Choose the written ballot whose result is announced."))
            if item.ballot_id and item.ballot_id.sudo().committee_id != item.meeting_id.committee_id:
                raise ValidationError(self.env._("The written ballot belongs to another committee."))
            if item.item_type != "decision" and item.submission_id:
                raise ValidationError(self.env._("Only a matter for decision is linked to a submission."))

    # --- Who changes the agenda (000 Đ27.1) ------------------------------------------------------------------
    def _check_agenda_change(self, meetings, fields_written=None):
        if self.env.su:
            return
        user = self.env.user
        for meeting in meetings:
            if meeting.state in ("closed", "cancelled"):
                raise UserError(self.env._("The agenda of a closed or cancelled meeting cannot be changed."))
            is_chairman = meeting.committee_id._is_chairman(user, meeting.meeting_date)
            if meeting.is_session and meeting.state in ("agenda_approved", "invited", "open") and not is_chairman and (
                fields_written is None or fields_written & CHAIRMAN_ITEM_FIELDS
            ):
                raise AccessError(self.env._(
                    "Only the Chairman changes the agenda he approved (000 Đ27.1)."
                ))
            if not (is_chairman or user.has_group("ubnd_quyche.group_ubnd_office") or (
                not meeting.is_session and user == meeting.chair_id
            )):
                raise AccessError(self.env._("Only the Office prepares the agenda."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._(
            "The item's decision and dates are recorded by the workflow, not written directly."))
        meetings = self.env["ubnd.meeting"].browse([v.get("meeting_id") for v in vals_list])
        self._check_agenda_change(meetings)
        for vals in vals_list:
            if vals.get("requested_by") == "chairman":
                meeting = self.env["ubnd.meeting"].browse(vals["meeting_id"])
                if not (self.env.su or meeting.committee_id._is_chairman(self.env.user, meeting.meeting_date)):
                    raise AccessError(self.env._("Only the Chairman requests a matter for the session himself (000 Đ4.1.g)."))
        items = super().create(vals_list)
        bind_attachments(items, "attachment_ids")
        for item in items:
            if item.submission_id and not item.presenter_id:
                item.sudo().presenter_id = item.submission_id.sudo().unit_head_user_id
        items.meeting_id._sync_steps()
        return items

    def write(self, vals):
        protected = set(vals) - {"message_follower_ids", "message_ids", "activity_ids"}
        if protected & WORKFLOW_FIELDS and not self.env.su:
            raise AccessError(self.env._("The item's decision and dates are recorded by the workflow, not written directly."))
        if protected and not self.env.su:
            self._check_agenda_change(self.meeting_id, protected)
            if vals.get("requested_by") == "chairman":
                self.meeting_id._check_chairman()
        if protected and self.sudo().meeting_id.minutes_ids.filtered(lambda m: m.state != "draft"):
            raise UserError(self.env._(
                "The minutes of this meeting are approved: its items and decisions never change afterwards "
                "(000 Đ30.1)."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        if "submission_id" in vals or "item_type" in vals:
            self.meeting_id._sync_steps()
        return res

    def unlink(self):
        self._check_agenda_change(self.meeting_id)
        if self.filtered(lambda i: i.state != "planned" or i.vote_ids):
            raise UserError(self.env._("An item that was discussed stays on the record; postpone it instead."))
        meetings = self.meeting_id
        res = super().unlink()
        meetings._sync_steps()
        return res

    # --- Preparation -----------------------------------------------------------------------------------------
    def action_documents_received(self):
        """000 Đ27.3.b: the Office records when the lead unit's documents arrived."""
        self.meeting_id._check_office()
        for item in self:
            item.sudo().documents_received_date = fields.Date.context_today(self)
        self.meeting_id._refresh_step_completion()
        return True

    def action_postpone(self):
        """001 Đ23.3.b: a dossier not ready is postponed by the Chairman; it stays with the committee for a
        later session."""
        for item in self:
            item.meeting_id._check_chairman(self.env._("Only the Chairman postpones an item (001 Đ23.3.b)."))
            if item.state != "planned" or item.vote_ids:
                raise UserError(self.env._("Only an item not yet voted on can be postponed."))
            item.sudo().write({"state": "postponed", "outcome": "postponed",
                               "decision_summary": item.conclusion or self.env._("Postponed by the Chairman.")})
        self.meeting_id._sync_steps()
        return True

    def _check_conducts(self):
        for item in self:
            meeting = item.meeting_id
            user = self.env.user
            if not (self.env.su or user in (meeting.chair_id | item.chaired_by_id)
                    or user.has_group("ubnd_quyche.group_ubnd_office")):
                raise AccessError(self.env._("Only the chair of the item or the Office conducts it."))
            if meeting.state != "open":
                raise UserError(self.env._("The meeting is not in progress."))

    def action_not_adopt(self):
        """000 Đ29.3.d, 001 Đ25.3.e: the matter is not clear enough; the chair proposes not adopting it and the
        lead unit prepares it further. The submission goes back to the unit."""
        self._check_conducts()
        for item in self:
            if item.item_type != "decision" or item.state != "planned" or item.vote_ids:
                raise UserError(self.env._("Only a matter not yet voted on can be left unadopted."))
            note = item.conclusion or self.env._("The chair proposed not to adopt it yet: further preparation required.")
            item.sudo().write({"state": "not_adopted", "outcome": "not_adopted", "decision_summary": note})
            item.submission_id.sudo()._apply_collective_outcome(
                "not_passed", self.env._("%(meeting)s — not adopted (000 Đ29.3.d): %(note)s",
                                         meeting=item.meeting_id.name, note=note))
        return True

    def action_note(self):
        """A report or an announcement is taken note of."""
        self._check_conducts()
        for item in self:
            if item.item_type == "decision":
                raise UserError(self.env._("A matter for decision is voted on."))
            item.sudo().write({"state": "noted", "outcome": "noted",
                               "decision_summary": item.conclusion or self.env._("Reported to the committee.")})
        return True

    def action_open_vote(self):
        """The chair takes the vote (000 Đ29.3.d, 001 Đ25.3.e) after checking the quorum (000 Đ28.2)."""
        self._check_conducts()
        self.ensure_one()
        if self.item_type != "decision" or self.state != "planned":
            raise UserError(self.env._("Only a matter on the agenda is voted on."))
        if self.vote_ids:
            raise UserError(self.env._("This matter already has its vote (000 Đ29.4.b: one form per matter)."))
        vote = self.env["ubnd.vote"].sudo()._open_for(self)
        return vote._action_view()

    def action_view_vote(self):
        self.ensure_one()
        return self.vote_ids[:1]._action_view()

    def _apply_vote_result(self, vote):
        """Record the decision on the item and back on the submission (000 Đ18.5.a)."""
        self.ensure_one()
        outcome = "passed" if vote.result == "passed" else "not_passed"
        self.sudo().write({"state": "decided", "outcome": outcome, "decision_summary": vote.result_explanation})
        if self.submission_id:
            note = self.env._("%(meeting)s: %(result)s", meeting=self.meeting_id.name, result=vote.result_explanation)
            self.submission_id.sudo()._apply_collective_outcome(outcome, note)
