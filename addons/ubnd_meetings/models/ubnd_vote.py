from odoo import api, fields, models
from odoo.addons.base.models.res_users import check_identity
from odoo.exceptions import AccessError, UserError

from odoo.addons.ubnd_quyche.tools import is_privileged

from .common import VOTE_CHOICES

CHATTER_FIELDS = {"message_follower_ids", "message_ids", "activity_ids"}
# What the Office adds to a closed vote of an online session (000 Đ26.4.d): once.
CONFIRMATION_FIELDS = {"results_confirmed_by_id", "results_confirmed_at"}


class UbndVote(models.Model):
    """The vote of the committee on one agenda item at a session (000 Đ29.4, 001 Đ25.5).

    - One vote per matter, in one form chosen when it opens: open or secret (000 Đ29.4.b, 001 Đ25.5.b).
    - It opens only with the quorum present (000 Đ28.2, 001 Đ24.4).
    - Only members present vote, each for himself (000 Đ28.4, 001 Đ25.5.a); a substitute may speak but
      not vote (000 Đ28.1 ¶2) unless the profile allows a proxy vote within a session-proxy grant in force.
    - A member votes once: the database refuses a second line for the same member (UNIQUE(vote_id,
      member_id)), so two concurrent transactions cannot both count; nobody votes after the close.
    - Choices: approve / not approve (000 Đ29.4.a); abstain only if the profile allows three options.
    - Secret votes keep no link between a member and his choice: the line records only that he took
      part, and the choices are counters nobody can read (``groups=NO_ACCESS``) until the vote closes.
      Because a tie follows the Chairman's side (000 Đ3.3, 001 Đ3.2.d), the Chairman's own secret choice
      is kept, unreadable, and only used (and so revealed) when the votes tie.
    - The result and the rule that decided it come from ``ubnd.vote.rule``; the decision is recorded on
      the item and on the submission.
    - Before a vote is recorded the member re-authenticates (Odoo's identity check).
    """

    _name = "ubnd.vote"
    _description = "Vote at a session"
    _inherit = ["mail.thread"]
    _order = "opened_at desc, id desc"

    item_id = fields.Many2one("ubnd.meeting.item", required=True, ondelete="restrict", index=True, readonly=True)
    name = fields.Char(related="item_id.name")
    meeting_id = fields.Many2one(related="item_id.meeting_id", store=True, index=True)
    committee_id = fields.Many2one(related="item_id.committee_id", store=True, index=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)
    submission_id = fields.Many2one(related="item_id.submission_id")
    summary = fields.Text(related="item_id.submission_id.summary")
    dossier_attachment_ids = fields.Many2many(related="item_id.dossier_attachment_ids")
    session_attachment_ids = fields.Many2many(related="item_id.attachment_ids")
    mode = fields.Selection([("open", "Open vote"), ("secret", "Secret ballot")], required=True, readonly=True)
    state = fields.Selection([("open", "Voting"), ("closed", "Closed")], default="open", required=True,
                             readonly=True, index=True, tracking=True)
    opened_at = fields.Datetime(readonly=True)
    opened_by_id = fields.Many2one("res.users", readonly=True)
    closed_at = fields.Datetime(readonly=True)
    closed_by_id = fields.Many2one("res.users", readonly=True)
    member_count = fields.Integer("Total members", readonly=True)
    present_count = fields.Integer("Members present", readonly=True)
    quorum_required = fields.Integer(readonly=True)
    vote_options = fields.Selection(
        [("two", "Approve / not approve"), ("three", "Approve / not approve / abstain")], readonly=True)
    majority_basis = fields.Selection(
        [("all_members", "More than half of all members"), ("present", "More than half of members present")],
        readonly=True)
    tie_break = fields.Selection(
        [("chairman_side", "The Chairman's side wins"),
         ("chairman_side_with_majority", "The Chairman's side wins only with a majority of all members"),
         ("fails", "Not passed")], readonly=True)
    line_ids = fields.One2many("ubnd.vote.line", "vote_id", string="Votes cast", readonly=True)
    cast_count = fields.Integer("Votes cast so far", compute="_compute_cast_count")
    secret_approve_count = fields.Integer(groups=fields.NO_ACCESS, readonly=True)
    secret_reject_count = fields.Integer(groups=fields.NO_ACCESS, readonly=True)
    secret_abstain_count = fields.Integer(groups=fields.NO_ACCESS, readonly=True)
    secret_chairman_choice = fields.Selection(VOTE_CHOICES, groups=fields.NO_ACCESS, readonly=True)
    approve_count = fields.Integer("In favour", readonly=True)
    reject_count = fields.Integer("Against", readonly=True)
    abstain_count = fields.Integer("Abstentions", readonly=True)
    not_voted_count = fields.Integer("Present, did not vote", readonly=True)
    absent_count = fields.Integer("Not present", readonly=True)
    threshold = fields.Integer("In favour needed", readonly=True)
    result = fields.Selection([("passed", "Passed"), ("not_passed", "Not passed")], readonly=True, tracking=True)
    decided_by = fields.Selection(
        [("majority", "Majority"), ("no_majority", "No majority"), ("tie_chairman", "Tie: the Chairman's side"),
         ("tie_no_chairman", "Tie without the Chairman's vote"),
         ("tie_needs_majority", "Tie: the Chairman's side lacks a majority"), ("tie_fails", "Tie: not passed")],
        readonly=True,
    )
    result_explanation = fields.Text("Tally and rule", readonly=True)
    results_confirmed_by_id = fields.Many2one(
        "res.users", readonly=True, tracking=True,
        help="000 Đ26.4.d: for an online or hybrid session the Office confirms the voting results.")
    results_confirmed_at = fields.Datetime(readonly=True)
    my_can_vote = fields.Boolean(compute="_compute_my_vote")
    my_has_voted = fields.Boolean(compute="_compute_my_vote")
    my_choice = fields.Selection(VOTE_CHOICES, compute="_compute_my_vote")

    _item_unique = models.Constraint(
        "UNIQUE(item_id)", "A matter is voted on once, in one form (000 Đ29.4.b)."
    )

    # --- Computations -------------------------------------------------------------------------------------
    def _compute_cast_count(self):
        for vote in self:
            vote.cast_count = len(vote.sudo().line_ids)

    def _compute_my_vote(self):
        for vote in self:
            member, _attendee, _grant, error = vote._voter_for(self.env.user)
            line = vote.sudo().line_ids.filtered(lambda l: l.member_id == member) if member else False
            vote.my_has_voted = bool(line)
            vote.my_can_vote = bool(member) and not error and not line and vote.state == "open"
            vote.my_choice = line.choice if line and vote.mode == "open" else False

    # --- Protection -----------------------------------------------------------------------------------------
    # A vote is opened, cast and closed only by the methods below; once closed it is final (000 Đ29.4).
    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A vote is opened by the chair with the agenda item's button."))
        return super().create(vals_list)

    def write(self, vals):
        written = set(vals) - CHATTER_FIELDS
        if written and not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("Votes and their results are recorded by the voting itself, never written."))
        for vote in self.filtered(lambda v: v.state == "closed"):
            if written - CONFIRMATION_FIELDS or (written and vote.results_confirmed_by_id):
                raise UserError(self.env._("A closed vote is final: its votes and result never change (000 Đ29.4)."))
        return super().write(vals)

    def unlink(self):
        if self.filtered(lambda v: v.state == "closed" or v.sudo().line_ids):
            raise UserError(self.env._("A vote that was cast stays on the record."))
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A vote stays on the record."))
        return super().unlink()

    # --- Opening ------------------------------------------------------------------------------------------
    @api.model
    def _open_for(self, item):
        meeting = item.meeting_id
        if not meeting.is_session:
            raise UserError(self.env._("The committee votes at its sessions; other meetings conclude without a vote."))
        if meeting.state != "open":
            raise UserError(self.env._("The session is not in progress."))
        if not meeting.quorum_met:
            raise UserError(self.env._(
                "No vote without the quorum: %(present)s of %(total)s members are present, at least %(required)s are "
                "needed (000 Đ28.2, 001 Đ24.4).",
                present=meeting.present_member_count, total=meeting.member_count, required=meeting.quorum_required,
            ))
        profile = meeting.profile_id
        vote = self.create({
            "item_id": item.id,
            "mode": item.vote_mode,
            "opened_at": fields.Datetime.now(),
            "opened_by_id": self.env.user.id,
            "member_count": meeting.member_count,
            "present_count": meeting.present_member_count,
            "quorum_required": meeting.quorum_required,
            "vote_options": profile.vote_options,
            "majority_basis": profile.majority_basis,
            "tie_break": profile.tie_break,
        })
        item.message_post(body=self.env._("Vote opened (%s).", dict(self._fields["mode"]._description_selection(
            self.env))[vote.mode]))
        return vote

    def _action_view(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "res_model": "ubnd.vote", "res_id": self.id,
            "view_mode": "form", "target": "current",
        }

    # --- Casting ------------------------------------------------------------------------------------------
    def _voter_for(self, user):
        """(member, attendee, grant, error) for ``user`` on this vote: the member whose vote he casts."""
        self.ensure_one()
        meeting = self.sudo().meeting_id
        committee = meeting.committee_id
        membership = user._ubnd_membership(committee)
        attendees = meeting.attendee_ids
        if membership:
            attendee = attendees.filtered(lambda a: a.role == "member" and a.member_id == membership)[:1]
            if not attendee or attendee.attendance != "present":
                return membership, attendee, False, self.env._(
                    "Only members present at the session vote (000 Đ28.2, 001 Đ25.5.a).")
            return membership, attendee, False, False
        attendee = attendees.filtered(lambda a: a.user_id == user and a.attendance == "present")[:1]
        if attendee.role == "substitute":
            if not meeting.profile_id.proxy_may_vote:
                return False, attendee, False, self.env._(
                    "A person attending in a member's place may speak but not vote (000 Đ28.1 ¶2).")
            grant = attendee.delegation_id
            absent = attendee.substitute_for_id
            if not (grant and grant.kind == "session_proxy" and grant.grantee_id == user
                    and grant.grantor_id == absent.user_id and grant._in_force_on(meeting.meeting_date)):
                return False, attendee, False, self.env._(
                    "A proxy votes only within a session-proxy grant in force on the day of the session.")
            return absent.member_id, attendee, grant, False
        return False, attendee, False, self.env._(
            "Only members of the committee vote; invited delegates may speak but not vote (000 Đ28.4, 001 Đ25.5.a).")

    def _cast(self, choice):
        """Record the current user's vote. The only way a vote is recorded."""
        self.ensure_one()
        vote = self.sudo()
        if vote.state != "open" or vote.meeting_id.state != "open":
            raise UserError(self.env._("The vote is closed: no vote can be recorded after the close."))
        allowed = ("approve", "reject", "abstain") if vote.vote_options == "three" else ("approve", "reject")
        if choice not in allowed:
            if vote.vote_options == "two":
                raise UserError(self.env._("A member votes 'approve' or 'not approve' (000 Đ29.4.a, 001 Đ25.5.a)."))
            raise UserError(self.env._("Unknown choice."))
        user = self.env.user
        member, _attendee, grant, error = vote._voter_for(user)
        if error:
            raise AccessError(error)
        if vote.line_ids.filtered(lambda l: l.member_id == member):
            raise UserError(self.env._("%s has already voted on this matter: a vote is cast once.", member.name))
        self.env["ubnd.vote.line"].sudo().create({
            "vote_id": vote.id,
            "member_id": member.id,
            "voter_id": user.id,
            "delegation_id": grant.id if grant else False,
            "choice": choice if vote.mode == "open" else False,
            "cast_at": fields.Datetime.now(),
        })
        if vote.mode == "secret":
            column = {"approve": "secret_approve_count", "reject": "secret_reject_count",
                      "abstain": "secret_abstain_count"}[choice]
            self.env.cr.execute(
                "UPDATE ubnd_vote SET %s = COALESCE(%s, 0) + 1 WHERE id = %%s" % (column, column), (vote.id,)
            )
            if member.role == "chairman":
                self.env.cr.execute("UPDATE ubnd_vote SET secret_chairman_choice = %s WHERE id = %s",
                                    (choice, vote.id))
            vote.invalidate_recordset(["secret_approve_count", "secret_reject_count", "secret_abstain_count",
                                       "secret_chairman_choice"])
        self.env.flush_all()
        return True

    @check_identity
    def action_vote_approve(self):
        self._cast("approve")
        return self._action_view()

    @check_identity
    def action_vote_reject(self):
        self._cast("reject")
        return self._action_view()

    @check_identity
    def action_vote_abstain(self):
        self._cast("abstain")
        return self._action_view()

    # --- Closing ------------------------------------------------------------------------------------------
    def action_close_vote(self):
        for vote in self:
            vote.item_id._check_conducts()
            if vote.state != "open":
                raise UserError(self.env._("The vote is already closed."))
            vote.sudo()._close()
        return True

    def _close(self):
        self.ensure_one()
        meeting = self.meeting_id
        lines = self.line_ids
        if self.mode == "open":
            counts = {c: len(lines.filtered(lambda l, c=c: l.choice == c)) for c in ("approve", "reject", "abstain")}
            chairman_line = lines.filtered(lambda l: l.member_id.role == "chairman")
            chairman_choice = chairman_line.choice if chairman_line else False
        else:
            counts = {"approve": self.secret_approve_count or 0, "reject": self.secret_reject_count or 0,
                      "abstain": self.secret_abstain_count or 0}
            chairman_choice = self.secret_chairman_choice or False
        present = meeting._present_members()
        not_voted = len(present - lines.member_id)
        rules = {"majority_basis": self.majority_basis, "tie_break": self.tie_break}
        decision = self.env["ubnd.vote.rule"].decide(
            rules, self.member_count, self.present_count, counts["approve"], counts["reject"], chairman_choice,
        )
        tally = self.env._(
            "In favour %(yes)s, against %(no)s, abstaining %(abstain)s, present without voting %(nv)s, not present "
            "%(absent)s — of %(total)s members.",
            yes=counts["approve"], no=counts["reject"], abstain=counts["abstain"], nv=not_voted,
            absent=max(self.member_count - len(lines) - not_voted, 0), total=self.member_count,
        )
        self.write({
            "state": "closed", "closed_at": fields.Datetime.now(), "closed_by_id": self.env.user.id,
            "approve_count": counts["approve"], "reject_count": counts["reject"], "abstain_count": counts["abstain"],
            "not_voted_count": not_voted, "absent_count": max(self.member_count - len(lines) - not_voted, 0),
            "threshold": decision["threshold"], "result": "passed" if decision["passed"] else "not_passed",
            "decided_by": decision["decided_by"], "result_explanation": "%s\n%s" % (tally, decision["explanation"]),
        })
        self.item_id._apply_vote_result(self)
        self.item_id.message_post(body=self.result_explanation)

    def action_confirm_results(self):
        """000 Đ26.4.d: at an online or hybrid session the Office confirms the voting results."""
        self.meeting_id._check_office()
        for vote in self:
            if vote.state != "closed":
                raise UserError(self.env._("Confirm the results once the vote is closed."))
            vote.sudo().write({"results_confirmed_by_id": self.env.user.id,
                               "results_confirmed_at": fields.Datetime.now()})
        return True


class UbndVoteLine(models.Model):
    """A member's participation in a vote: with his choice for an open vote, without it for a secret one."""

    _name = "ubnd.vote.line"
    _description = "Vote cast"
    _order = "vote_id, cast_at, id"

    vote_id = fields.Many2one("ubnd.vote", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="vote_id.company_id", store=True)
    member_id = fields.Many2one("ubnd.committee.member", string="Member", required=True, ondelete="restrict")
    voter_id = fields.Many2one("res.users", string="Cast by", required=True, ondelete="restrict")
    delegation_id = fields.Many2one("ubnd.delegation", string="Under proxy grant", ondelete="restrict")
    choice = fields.Selection(VOTE_CHOICES)
    cast_at = fields.Datetime(required=True)

    _member_unique = models.Constraint(
        "UNIQUE(vote_id, member_id)", "A member votes once on a matter."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A member votes with the vote's buttons, for himself."))
        return super().create(vals_list)

    def write(self, vals):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A member votes with the vote's buttons, for himself."))
        raise UserError(self.env._("A vote cast is final: it is never changed (000 Đ29.4)."))

    def unlink(self):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A vote cast stays on the record."))
        raise UserError(self.env._("A vote cast stays on the record."))
