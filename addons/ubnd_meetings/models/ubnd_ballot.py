from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.addons.base.models.res_users import check_identity
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    VN_TZ, VOTE_CHOICES, bind_attachments, check_committee_kept, check_sane_dates, local_datetime_to_utc,
    refuse_workflow_values,
)

# What the Chairman and the Office prepare on a draft ballot; everything else is recorded by the workflow.
DRAFT_FIELDS = {"name", "submission_id", "question", "medium", "reason_urgent", "reason_no_discussion", "system_secure",
                "attachment_ids", "reply_deadline", "committee_id"}
CHATTER_FIELDS = {"message_follower_ids", "message_ids", "activity_ids", "activity_user_id", "activity_date_deadline"}
# What still happens to a closed ballot (000 Đ18.5.b ¶3–4, Đ29.5): each recorded once. Its replies, tally and
# outcome never change.
AFTER_CLOSE_FIELDS = {"objections_forwarded_date", "objections_forward_late", "drafting_response", "dissent_meeting_id",
                      "chairman_decision", "announced_meeting_id", "announced_date", "announced_by_id"}

OUTCOMES = [
    ("passed", "Passed without objections"),
    ("passed_objections", "Passed with objections"),
    ("not_passed", "Not passed"),
]


class UbndBallot(models.Model):
    """A written or electronic ballot of the members (phiếu ghi ý kiến, phiếu biểu quyết điện tử).

    000 Đ3.2.b, Đ5, Đ18.5.b, Đ26.2, Đ29.5; 001 Đ3.2.b–d, Đ14.2.b, Đ22.2, Đ25.5.d:

    - only the Chairman decides and sends it (000 Đ3.2.b; in the ward the Office sends on his direction,
      001 Đ3.2.b: his "Send" is that direction); for a matter of 000 Đ4 he gives the reason: urgent or no
      collective discussion needed;
    - an electronic ballot needs the conditions of 000 Đ26.2 / 001 Đ22.2: (a) urgent or (b) no collective
      discussion needed, and (c) the full dossier sent to every member and (d) a secure system (000 A6:
      read as "(a or b) and c and d"); a state-secret dossier never goes electronically (000 Đ18.5.b ¶1);
    - the questions fixed by the Office with the drafting unit are sent with the full dossier to every
      member with a reply deadline (the regulation gives none, 000 A4: the profile proposes one) and
      reminders; each member replies once, for himself, after re-authenticating; nothing changes after
      the close;
    - members who did not reply are recorded as such and count as not in favour (the regulation is
      silent, 000 A4); the outcome follows the committee's majority and tie rules (``ubnd.vote.rule``);
    - three outcomes (000 Đ18.5.b): passed without objections (the dossier goes to the Chairman to
      decide); passed with objections (forwarded to the drafting unit within the profile's working days,
      000 Đ18.5.b ¶3 — the ward at once, 001 Đ14.2.b — then, if the unit maintains its position, the
      Chairman decides or the Office meets the dissenting members, ¶3); not passed (opinions forwarded to
      the drafting unit and the Chairman decides, ¶4 — in the ward whether to put it to a session, 001
      Đ3.2.c);
    - the result is announced at the nearest session (000 Đ29.5, 001 Đ25.5.d).
    """

    _name = "ubnd.ballot"
    _description = "Written ballot of the members"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    profile_id = fields.Many2one(related="committee_id.profile_id")
    submission_id = fields.Many2one(
        "ubnd.submission", string="Submission", required=True, index=True, ondelete="restrict", tracking=True,
        domain="[('committee_id', '=', committee_id), ('state', '=', 'collective')]",
    )
    summary = fields.Text(related="submission_id.summary")
    drafting_unit_id = fields.Many2one(related="submission_id.submitting_unit_id", string="Drafting unit")
    question = fields.Html(
        "Questions to the members", required=True,
        help="000 Đ18.5.b ¶1: the Office fixes the questions with the drafting unit.",
    )
    medium = fields.Selection(
        [("electronic", "Electronic ballot"), ("paper", "Written form (paper)")], required=True,
        default="electronic", tracking=True,
    )
    reason_urgent = fields.Boolean("Urgent matter", tracking=True, help="000 Đ3.2.b, Đ26.2.a; 001 Đ22.2.a, Đ25.5.d.")
    reason_no_discussion = fields.Boolean("No collective discussion needed", tracking=True,
                                          help="000 Đ3.2.b, Đ26.2.b; 001 Đ22.2.b, Đ25.5.d.")
    system_secure = fields.Boolean(
        "System meets the security and storage requirements", tracking=True,
        help="000 Đ26.2.d, Đ3.2.b; 001 Đ22.2.d: the Office attests that the technical system is safe and stores the data.",
    )
    dossier_complete = fields.Boolean(compute="_compute_dossier", help="000 Đ26.2.c: the full dossier goes to every member.")
    dossier_attachment_ids = fields.Many2many("ir.attachment", compute="_compute_dossier", string="Dossier")
    attachment_ids = fields.Many2many("ir.attachment", "ubnd_ballot_attachment_rel", "ballot_id", "attachment_id",
                                      string="Other documents")
    state = fields.Selection(
        [("draft", "Being prepared"), ("sent", "Collecting replies"), ("closed", "Closed"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, index=True, copy=False,
    )
    sent_at = fields.Datetime(readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reply_deadline = fields.Date(tracking=True, copy=False,
                                 help="Proposed from the profile's reply time when the ballot is sent (000 A4).")
    closed_at = fields.Datetime(readonly=True, copy=False)
    closed_date = fields.Date(readonly=True, copy=False)
    slip_ids = fields.One2many("ubnd.ballot.slip", "ballot_id", string="Replies", readonly=True)
    member_count = fields.Integer("Members consulted", readonly=True, copy=False)
    replied_count = fields.Integer(compute="_compute_counts")
    approve_count = fields.Integer("In favour", readonly=True, copy=False)
    reject_count = fields.Integer("Not in favour", readonly=True, copy=False)
    abstain_count = fields.Integer("Abstentions", readonly=True, copy=False)
    no_reply_count = fields.Integer("No reply", readonly=True, copy=False)
    objection_count = fields.Integer("Differing opinions", readonly=True, copy=False)
    threshold = fields.Integer("In favour needed", readonly=True, copy=False)
    outcome = fields.Selection(OUTCOMES, readonly=True, copy=False, tracking=True)
    decided_by = fields.Char(readonly=True, copy=False)
    result_explanation = fields.Text("Tally and rule", readonly=True, copy=False)
    objection_forward_deadline = fields.Date(readonly=True, copy=False,
                                             help="000 Đ18.5.b ¶3, 001 Đ14.2.b: profile.ballot_objection_forward_days.")
    objections_forwarded_date = fields.Date(readonly=True, copy=False)
    objections_forward_late = fields.Boolean(readonly=True, copy=False)
    drafting_response = fields.Selection(
        [("accepted", "The drafting unit takes the objections on board"),
         ("maintained", "The drafting unit maintains its position")],
        readonly=True, copy=False, tracking=True,
    )
    dissent_meeting_id = fields.Many2one("ubnd.meeting", string="Meeting with dissenting members", readonly=True,
                                         copy=False)
    chairman_decision = fields.Selection(
        [("session", "Put to a session"), ("not_adopted", "Not adopted"), ("decided", "Decided by the Chairman")],
        readonly=True, copy=False, tracking=True,
    )
    announced_meeting_id = fields.Many2one("ubnd.meeting", string="Announced at", readonly=True, copy=False)
    announced_date = fields.Date(readonly=True, copy=False)
    announced_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    my_slip_id = fields.Many2one("ubnd.ballot.slip", compute="_compute_my_slip")

    # --- Computations -------------------------------------------------------------------------------------
    @api.depends("submission_id.component_ids.provided", "submission_id.component_ids.attachment_ids", "attachment_ids")
    def _compute_dossier(self):
        for ballot in self:
            sub = ballot.sudo().submission_id
            # The dossier's files follow the dossier: shown only to whoever may open the submission.
            readable = sub and (self.env.su or ballot.submission_id.has_access("read"))
            files = sub.component_ids.attachment_ids if readable else self.env["ir.attachment"]
            ballot.dossier_attachment_ids = files | ballot.attachment_ids
            ballot.dossier_complete = bool(sub) and not sub.missing_components and bool(sub.component_ids.attachment_ids)

    @api.depends("slip_ids.state")
    def _compute_counts(self):
        for ballot in self:
            ballot.replied_count = len(ballot.sudo().slip_ids.filtered(lambda s: s.state == "replied"))

    def _compute_my_slip(self):
        for ballot in self:
            ballot.my_slip_id = ballot.sudo().slip_ids.filtered(lambda s: s.user_id == self.env.user)[:1]

    # --- Constraints and protection -----------------------------------------------------------------------
    @api.constrains("submission_id", "committee_id")
    def _check_submission(self):
        for ballot in self:
            sub = ballot.sudo().submission_id
            if sub.committee_id != ballot.committee_id:
                raise ValidationError(self.env._("The submission belongs to another committee."))
            others = self.search([("submission_id", "=", sub.id), ("id", "!=", ballot.id),
                                  ("state", "in", ("draft", "sent"))])
            if others:
                raise ValidationError(self.env._("This submission already has a ballot in progress."))

    def write(self, vals):
        written = set(vals) - CHATTER_FIELDS
        if written:
            self._check_final(written, vals)
        check_sane_dates(self, vals, ("reply_deadline",))
        check_committee_kept(self, vals)
        if written and not self.env.su:
            if written - DRAFT_FIELDS:
                raise AccessError(self.env._("Replies, results and dates of a ballot are recorded by the workflow."))
            for ballot in self:
                if ballot.state != "draft":
                    raise UserError(self.env._(
                        "A ballot that was sent cannot be changed: its questions, dossier and replies stay as sent."))
            if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                self._check_chairman()
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        return res

    def _check_final(self, written, vals):
        """A closed or cancelled ballot is final, even for the server: only what follows the result (forwarding
        the objections, the Chairman's decision, the announcement) is added, once."""
        for ballot in self.filtered(lambda b: b.state in ("closed", "cancelled")):
            after = written & AFTER_CLOSE_FIELDS if ballot.state == "closed" else set()
            if written - after or any(ballot[name] and ballot[name] != vals[name]
                                      for name in after if name != "objections_forward_late"):
                raise UserError(self.env._(
                    "A closed ballot is final: its questions, replies and result never change (000 Đ18.5.b)."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(
            self, vals_list, set(self._fields) - DRAFT_FIELDS - CHATTER_FIELDS - {"message_main_attachment_id"},
            self.env._("Replies, results and dates of a ballot are recorded by the workflow."))
        for vals in vals_list:
            check_sane_dates(self, vals, ("reply_deadline",))
        ballots = super().create(vals_list)
        if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            ballots._check_chairman()
        bind_attachments(ballots, "attachment_ids")
        return ballots

    def unlink(self):
        if self.filtered(lambda b: b.state != "draft"):
            raise UserError(self.env._("A ballot that was sent stays on the record."))
        return super().unlink()

    # --- Helpers -----------------------------------------------------------------------------------------
    def _today(self):
        return fields.Date.context_today(self)

    def _tz(self):
        return self.company_id.partner_id.tz or VN_TZ

    def _check_chairman(self):
        for ballot in self:
            if not (self.env.su or ballot.committee_id._is_chairman(self.env.user, self._today())):
                raise AccessError(self.env._(
                    "Only the Chairman decides that members vote by written or electronic ballot and sends it "
                    "(000 Đ3.2.b, 001 Đ3.2.b, Đ25.5.d)."
                ))

    def _check_office_or_chairman(self):
        for ballot in self:
            if not (self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")
                    or ballot.committee_id._is_chairman(self.env.user, self._today())):
                raise AccessError(self.env._("Only the Office or the Chairman handles this step."))

    def _check_office(self):
        if not (self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")):
            raise AccessError(self.env._("Only the Office handles this step."))

    # --- Sending -----------------------------------------------------------------------------------------
    def action_send(self):
        """The Chairman sends the ballot with the full dossier to every member (000 Đ3.2.b, Đ18.5.b ¶1)."""
        self._check_chairman()
        today = self._today()
        for ballot in self:
            if ballot.state != "draft":
                raise UserError(self.env._("The ballot was already sent."))
            sub = ballot.sudo().submission_id
            if sub.state != "collective":
                raise UserError(self.env._("The submission is not awaiting the committee's decision."))
            on_agenda = sub.meeting_item_ids.filtered(
                lambda i: i.state == "planned" and i.meeting_id.state not in ("closed", "cancelled"))
            if on_agenda:
                raise UserError(self.env._(
                    "“%(name)s” is on the agenda of %(meeting)s: a matter is decided in one form (000 Đ29.4.b).",
                    name=sub.name, meeting=on_agenda[0].meeting_id.name))
            if not (ballot.question and Markup(ballot.question).striptags().strip()):
                raise UserError(self.env._("Write the questions the members answer (000 Đ18.5.b ¶1)."))
            if sub.suggested_route == "session" and not (ballot.reason_urgent or ballot.reason_no_discussion):
                raise UserError(self.env._(
                    "This is a matter for a session (%(reason)s). The Chairman sends it to a ballot only when it is "
                    "urgent or needs no collective discussion (000 Đ3.2.b).", reason=sub.suggested_route_reason,
                ))
            if ballot.medium == "electronic":
                if sub.confidentiality != "normal":
                    raise UserError(self.env._(
                        "A dossier with state secrets is not consulted electronically (000 Đ18.5.b ¶1)."))
                if not (ballot.reason_urgent or ballot.reason_no_discussion):
                    raise UserError(self.env._(
                        "An electronic ballot replaces a session only for an urgent matter or one that needs no "
                        "collective discussion (000 Đ26.2.a–b, 001 Đ22.2.a–b)."
                    ))
                if not ballot.dossier_complete:
                    raise UserError(self.env._(
                        "The full dossier must go to every member: the submission's required components are "
                        "missing (000 Đ26.2.c, 001 Đ22.2.c)."
                    ))
                if not ballot.system_secure:
                    raise UserError(self.env._(
                        "The Office must attest that the system meets the security and storage requirements "
                        "(000 Đ26.2.d, 001 Đ22.2.d)."
                    ))
            members = ballot.committee_id.member_ids.filtered("active")
            deadline = ballot.reply_deadline or ballot.profile_id.compute_deadline(
                today, "ballot_reply_days", ballot.company_id)
            if deadline < today:
                raise UserError(self.env._("The reply deadline cannot be in the past."))
            if sub.route != "ballot":
                sub.write({"route": "ballot"})
            ballot.sudo().write({
                "state": "sent", "sent_at": fields.Datetime.now(), "sent_by_id": self.env.user.id,
                "reply_deadline": deadline, "member_count": len(members),
                "slip_ids": [Command.create({"member_id": m.id, "user_id": m.user_id.id}) for m in members],
            })
            ballot.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=Markup("<p>%s</p>%s") % (
                    self.env._("Written ballot sent to every member with the full dossier; reply by %s.",
                               deadline.strftime("%d/%m/%Y")), ballot.question),
                partner_ids=members.user_id.partner_id.ids, subtype_xmlid="mail.mt_comment",
                attachment_ids=ballot.dossier_attachment_ids.ids if ballot.medium == "electronic" else [],
            )
            for slip in ballot.slip_ids:
                ballot.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=deadline, user_id=slip.user_id.id,
                    summary=self.env._("Reply to the written ballot: %s", ballot.name),
                )
        return True

    def action_cancel(self):
        self._check_chairman()
        for ballot in self:
            if ballot.state != "draft":
                raise UserError(self.env._("Only a ballot not yet sent can be cancelled."))
            ballot.sudo().state = "cancelled"
        return True

    # --- Closing and outcome --------------------------------------------------------------------------------
    def action_close(self):
        """Close the ballot: at the deadline, or earlier once every member has replied."""
        self._check_office_or_chairman()
        for ballot in self:
            if ballot.state != "sent":
                raise UserError(self.env._("Only a ballot collecting replies can be closed."))
            pending = ballot.sudo().slip_ids.filtered(lambda s: s.state == "pending")
            if pending and self._today() <= ballot.reply_deadline:
                raise UserError(self.env._(
                    "%(count)s member(s) have not replied and the deadline (%(date)s) has not passed.",
                    count=len(pending), date=ballot.reply_deadline.strftime("%d/%m/%Y")))
            ballot.sudo()._close()
        return True

    def _close(self):
        self.ensure_one()
        now = fields.Datetime.now()
        today = self._today()
        slips = self.slip_ids
        slips.filtered(lambda s: s.state == "pending").write({"state": "no_reply"})
        replied = slips.filtered(lambda s: s.state == "replied")
        counts = {c: len(replied.filtered(lambda s, c=c: s.choice == c)) for c in ("approve", "reject", "abstain")}
        objections = replied.filtered(lambda s: s.choice == "reject" or s.has_objection)
        chairman_slip = replied.filtered(lambda s: s.member_id.role == "chairman")
        rules = {"majority_basis": self.profile_id.majority_basis, "tie_break": self.profile_id.tie_break}
        decision = self.env["ubnd.vote.rule"].decide(
            rules, self.member_count, self.member_count, counts["approve"], counts["reject"],
            chairman_slip.choice if chairman_slip else False,
        )
        if not decision["passed"]:
            outcome = "not_passed"
        else:
            outcome = "passed_objections" if objections else "passed"
        no_reply = len(slips.filtered(lambda s: s.state == "no_reply"))
        tally = self.env._(
            "In favour %(yes)s, not in favour %(no)s, abstaining %(abstain)s, no reply %(none)s (counted as not in "
            "favour) — of %(total)s members consulted.",
            yes=counts["approve"], no=counts["reject"], abstain=counts["abstain"], none=no_reply,
            total=self.member_count,
        )
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        vals = {
            "state": "closed", "closed_at": now, "closed_date": today, "approve_count": counts["approve"],
            "reject_count": counts["reject"], "abstain_count": counts["abstain"], "no_reply_count": no_reply,
            "objection_count": len(objections), "threshold": decision["threshold"], "outcome": outcome,
            "decided_by": decision["decided_by"],
            "result_explanation": "%s\n%s\n%s" % (labels[outcome], tally, decision["explanation"]),
        }
        if outcome == "passed_objections":
            vals["objection_forward_deadline"] = self.profile_id.compute_deadline(
                today, "ballot_objection_forward_days", self.company_id)
        self.write(vals)
        self.activity_ids.action_feedback(feedback=self.env._("The ballot is closed."))
        self.message_post(body=self.result_explanation)
        sub = self.submission_id
        if outcome == "passed":
            # 000 Đ18.5.b ¶2, 001 Đ3.2.c: the Office and the drafting unit finalise, the Chairman decides.
            sub._apply_collective_outcome("passed", self.env._("Written ballot “%s”: passed without objections.", self.name))
        elif outcome == "passed_objections":
            sub._apply_collective_outcome("passed_objections", self._objections_text())
            if self.profile_id.ballot_objection_forward_days == 0:
                self._forward_objections()  # 001 Đ14.2.b: immediately
            else:
                self.activity_schedule(
                    "mail.mail_activity_data_todo", date_deadline=self.objection_forward_deadline,
                    user_id=(self.committee_id.chief_of_office_id or self.env.user).id,
                    summary=self.env._("Forward the differing opinions to the drafting unit (000 Đ18.5.b ¶3)"),
                )
        else:
            # 000 Đ18.5.b ¶4: opinions to the drafting unit; the Chairman decides (001 Đ3.2.c: whether to a session).
            self._forward_objections(all_opinions=True)
            self.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=today, user_id=self.committee_id.chairman_id.id,
                summary=self.env._("Ballot not passed: decide whether to put it to a session"),
            )

    def _objections_text(self, all_opinions=False):
        slips = self.slip_ids.filtered(lambda s: s.state == "replied")
        if not all_opinions:
            slips = slips.filtered(lambda s: s.choice == "reject" or s.has_objection)
        labels = dict(self.env["ubnd.ballot.slip"]._fields["choice"]._description_selection(self.env))
        return "\n".join("- %s (%s): %s" % (s.member_id.name, labels.get(s.choice, ""), s.opinion or "")
                         for s in slips)

    def _forward_objections(self, all_opinions=False):
        """Send the members' differing opinions (or all opinions) to the drafting unit."""
        self.ensure_one()
        sub = self.submission_id.sudo()
        partners = (sub.unit_head_user_id | sub.submitter_id).partner_id
        text = self._objections_text(all_opinions)
        body = Markup("<p>%s</p><pre>%s</pre>") % (
            self.env._("Opinions of the members on the written ballot “%s”, forwarded to the drafting unit:",
                       self.name), text)
        self.message_post(body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")
        sub.message_post(body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")
        today = self._today()
        if not all_opinions:
            self.write({
                "objections_forwarded_date": today,
                "objections_forward_late": bool(self.objection_forward_deadline and today > self.objection_forward_deadline),
            })
            self.activity_ids.filtered(lambda a: a.date_deadline == self.objection_forward_deadline).action_feedback(
                feedback=self.env._("Forwarded."))

    def action_forward_objections(self):
        """000 Đ18.5.b ¶3: the Office forwards the differing opinions within the profile's working days."""
        self._check_office()
        for ballot in self:
            if ballot.outcome != "passed_objections" or ballot.objections_forwarded_date:
                raise UserError(self.env._("There are no differing opinions left to forward."))
            ballot.sudo()._forward_objections()
        return True

    def action_drafting_accepts(self):
        self._check_office()
        for ballot in self:
            if not ballot.objections_forwarded_date:
                raise UserError(self.env._("Forward the differing opinions first."))
            ballot.sudo().drafting_response = "accepted"
        return True

    def action_drafting_maintains(self):
        """000 Đ18.5.b ¶3: the drafting unit keeps its position: the Office reports to the Chairman."""
        self._check_office()
        for ballot in self:
            if not ballot.objections_forwarded_date:
                raise UserError(self.env._("Forward the differing opinions first."))
            ballot.sudo().drafting_response = "maintained"
            ballot.sudo().activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=self._today(), user_id=ballot.committee_id.chairman_id.id,
                summary=self.env._("The drafting unit maintains its position: decide, or have the Office meet the "
                                   "dissenting members (000 Đ18.5.b ¶3)"),
            )
        return True

    def action_organise_dissent_meeting(self):
        """000 Đ18.5.b ¶3: the Office organises a meeting with the members who differ."""
        self._check_office()
        self.ensure_one()
        if self.drafting_response != "maintained":
            raise UserError(self.env._("A meeting with the dissenting members follows when the drafting unit "
                                       "maintains its position."))
        dissenters = self.slip_ids.filtered(lambda s: s.state == "replied" and (s.choice == "reject" or s.has_objection))
        today = self._today()
        # The invitation notice of a working meeting, or the next working day where the regulation sets none.
        day = self.profile_id.compute_deadline(today, "working_meeting_invitation_days", self.company_id) \
            or self.env["ubnd.workday"].add_working_days(today, 1, company=self.company_id)
        chairman = self.committee_id.chairman_id
        meeting = self.env["ubnd.meeting"].sudo().create({
            "name": self.env._("Meeting with the dissenting members on “%s”", self.name),
            "committee_id": self.committee_id.id, "kind": "working", "chair_id": chairman.id,
            "start": local_datetime_to_utc(day, 8, 0, self._tz()),
            "lead_unit_id": self.drafting_unit_id.id,
        })
        existing = meeting.attendee_ids.partner_id
        for slip in dissenters.filtered(lambda s: s.user_id.partner_id not in existing):
            meeting.attendee_ids.sudo().create({
                "meeting_id": meeting.id, "role": "member", "member_id": slip.member_id.id,
                "user_id": slip.user_id.id, "partner_id": slip.user_id.partner_id.id,
            })
        self.sudo().dissent_meeting_id = meeting
        return {"type": "ir.actions.act_window", "res_model": "ubnd.meeting", "res_id": meeting.id,
                "view_mode": "form", "target": "current"}

    def action_chairman_to_session(self):
        """001 Đ3.2.c ¶2, 000 Đ18.5.b ¶4: the Chairman puts a matter the ballot did not pass to a session."""
        self._check_chairman()
        for ballot in self:
            if ballot.outcome != "not_passed" or ballot.chairman_decision:
                raise UserError(self.env._("The Chairman decides this after a ballot that did not pass."))
            ballot.submission_id.sudo().write({"route": "session"})
            ballot.sudo().chairman_decision = "session"
            ballot.sudo().activity_ids.action_feedback(feedback=self.env._("Put to a session."))
        return True

    def action_chairman_not_adopt(self):
        self._check_chairman()
        for ballot in self:
            if ballot.outcome != "not_passed" or ballot.chairman_decision:
                raise UserError(self.env._("The Chairman decides this after a ballot that did not pass."))
            ballot.submission_id.sudo()._apply_collective_outcome(
                "not_passed", self.env._("Written ballot “%(name)s” not passed:\n%(opinions)s", name=ballot.name,
                                         opinions=ballot._objections_text(all_opinions=True)))
            ballot.sudo().chairman_decision = "not_adopted"
            ballot.sudo().activity_ids.action_feedback(feedback=self.env._("Not adopted."))
        return True

    # --- Reminders and the deadline ---------------------------------------------------------------------------
    @api.model
    def _cron_ballots(self):
        """Remind members who have not replied; close ballots whose deadline has passed."""
        today = fields.Date.context_today(self)
        Workday = self.env["ubnd.workday"]
        for ballot in self.sudo().search([("state", "=", "sent")]):
            if today > ballot.reply_deadline:
                ballot._close()
                continue
            remind_from = Workday.subtract_working_days(
                ballot.reply_deadline, ballot.profile_id.ballot_reminder_days, company=ballot.company_id)
            if today < remind_from:
                continue
            for slip in ballot.slip_ids.filtered(lambda s: s.state == "pending" and s.last_reminder_date != today):
                ballot.message_post(
                    body=self.env._("Reminder: please reply to the written ballot “%(name)s” by %(date)s.",
                                    name=ballot.name, date=ballot.reply_deadline.strftime("%d/%m/%Y")),
                    partner_ids=slip.user_id.partner_id.ids, subtype_xmlid="mail.mt_comment",
                )
                slip.write({"last_reminder_date": today, "reminder_count": slip.reminder_count + 1})
        return True


class UbndBallotSlip(models.Model):
    """The ballot paper of one member: one per member (UNIQUE), replied once, for himself, and frozen."""

    _name = "ubnd.ballot.slip"
    _description = "Member's ballot paper"
    _order = "ballot_id desc, id"

    ballot_id = fields.Many2one("ubnd.ballot", required=True, ondelete="cascade", index=True, readonly=True)
    company_id = fields.Many2one(related="ballot_id.company_id", store=True)
    member_id = fields.Many2one("ubnd.committee.member", string="Member", required=True, ondelete="restrict",
                                readonly=True)
    user_id = fields.Many2one("res.users", string="Member's user", required=True, index=True, readonly=True)
    state = fields.Selection(
        [("pending", "Awaiting reply"), ("replied", "Replied"), ("no_reply", "No reply")],
        default="pending", required=True, readonly=True, index=True,
    )
    choice = fields.Selection(VOTE_CHOICES)
    opinion = fields.Text("Opinion")
    has_objection = fields.Boolean("I have a differing opinion",
                                   help="000 Đ18.5.b ¶3: an approval with a differing opinion is forwarded to the "
                                   "drafting unit.")
    replied_at = fields.Datetime(readonly=True)
    recorded_by_id = fields.Many2one("res.users", readonly=True)
    scan_attachment_ids = fields.Many2many("ir.attachment", "ubnd_ballot_slip_scan_rel", "slip_id", "attachment_id",
                                           string="Signed paper form")
    last_reminder_date = fields.Date(readonly=True)
    reminder_count = fields.Integer(readonly=True)
    # The dossier, read on the same screen (leaders on the phone)
    ballot_name = fields.Char(related="ballot_id.name")
    ballot_state = fields.Selection(related="ballot_id.state", string="Ballot status")
    question = fields.Html(related="ballot_id.question")
    reply_deadline = fields.Date(related="ballot_id.reply_deadline")
    medium = fields.Selection(related="ballot_id.medium")
    submission_id = fields.Many2one(related="ballot_id.submission_id")
    summary = fields.Text(related="ballot_id.submission_id.summary")
    drafting_unit_id = fields.Many2one(related="ballot_id.submission_id.submitting_unit_id")
    dossier_attachment_ids = fields.Many2many(related="ballot_id.dossier_attachment_ids")
    vote_options = fields.Selection(related="ballot_id.profile_id.vote_options")
    is_mine = fields.Boolean(compute="_compute_is_mine")

    _member_unique = models.Constraint(
        "UNIQUE(ballot_id, member_id)", "A member receives one ballot paper and replies once."
    )

    def _compute_is_mine(self):
        for slip in self:
            slip.is_mine = slip.user_id == self.env.user

    @api.depends("ballot_id.name", "user_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The paper is named after its ballot and its member (breadcrumbs, links), never "ubnd.ballot.slip,3".
        for slip in self.sudo():
            slip.display_name = self.env._("Ballot paper of %(member)s: %(ballot)s",
                                           member=slip.user_id.name, ballot=slip.ballot_id.name)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Ballot papers are issued by the Chairman's sending of the ballot."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - {"choice", "opinion", "has_objection", "scan_attachment_ids"}:
            raise AccessError(self.env._("Only the reply of a ballot paper can be filled in."))
        # A returned paper, and every paper of a closed ballot, is final, even for the server.
        if self.filtered(lambda s: s.state == "replied" or s.sudo().ballot_id.state in ("closed", "cancelled")):
            raise UserError(self.env._("This ballot paper was returned or its ballot is closed: it never changes."))
        if not self.env.su:
            for slip in self:
                slip._check_may_fill()
                if "scan_attachment_ids" in vals and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                    raise AccessError(self.env._("The Office files the signed paper form."))
        res = super().write(vals)
        if "scan_attachment_ids" in vals:
            bind_attachments(self, "scan_attachment_ids")
        return res

    def unlink(self):
        raise UserError(self.env._("A ballot paper stays on the record."))

    def _check_may_fill(self):
        """Only the member fills in his own paper, electronically; the Office files a signed paper reply."""
        self.ensure_one()
        ballot = self.sudo().ballot_id
        if ballot.state != "sent":
            raise UserError(self.env._("The ballot is closed: the replies can no longer change."))
        if self.state != "pending":
            raise UserError(self.env._("This ballot paper was already returned: a member replies once."))
        user = self.env.user
        if user == self.user_id:
            return
        if ballot.medium == "paper" and user.has_group("ubnd_quyche.group_ubnd_office"):
            return
        raise AccessError(self.env._("A member replies to the ballot only for himself."))

    def _reply(self):
        """Return the paper: the only way a reply is recorded."""
        self.ensure_one()
        self._check_may_fill()
        slip = self.sudo()
        ballot = slip.ballot_id
        if fields.Date.context_today(self) > ballot.reply_deadline:
            raise UserError(self.env._("The reply deadline (%s) has passed.", ballot.reply_deadline.strftime("%d/%m/%Y")))
        allowed = ("approve", "reject", "abstain") if slip.vote_options == "three" else ("approve", "reject")
        if slip.choice not in allowed:
            if slip.vote_options == "two":
                raise UserError(self.env._("Choose 'approve' or 'not approve' (000 Đ29.4.a, 001 Đ25.5.a)."))
            raise UserError(self.env._("Choose approve, not approve or abstain."))
        if slip.has_objection and not (slip.opinion or "").strip():
            raise UserError(self.env._("Write the differing opinion."))
        if self.env.user != slip.user_id and not slip.scan_attachment_ids:
            raise UserError(self.env._("Attach the member's signed paper form."))
        self.env.flush_all()
        # Conditional update: under concurrent submission only one transaction returns its paper.
        self.env.cr.execute(
            "UPDATE ubnd_ballot_slip SET state = 'replied', replied_at = NOW() AT TIME ZONE 'UTC', "
            "recorded_by_id = %s WHERE id = %s AND state = 'pending' RETURNING id",
            (self.env.user.id, slip.id),
        )
        if not self.env.cr.fetchone():
            raise UserError(self.env._("This ballot paper was already returned: a member replies once."))
        slip.invalidate_recordset(["state", "replied_at", "recorded_by_id"])
        ballot.activity_ids.filtered(lambda a: a.user_id == slip.user_id).action_feedback(
            feedback=self.env._("Replied."))
        return True

    @check_identity
    def action_send_reply(self):
        for slip in self:
            slip._reply()
        return {"type": "ir.actions.act_window", "res_model": "ubnd.ballot.slip", "res_id": self[:1].id,
                "view_mode": "form", "target": "current"}

    def action_record_paper_reply(self):
        """The Office records a reply the member signed on paper (written ballot)."""
        for slip in self:
            if slip.sudo().ballot_id.medium != "paper":
                raise UserError(self.env._("Electronic ballots are returned by the member himself."))
            slip._reply()
        return True
