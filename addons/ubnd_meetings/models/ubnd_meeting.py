from datetime import timedelta

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    MEETING_KINDS, SESSION_KINDS, VN_TZ, WORKING_KINDS, bind_attachments, check_committee_kept, check_sane_dates,
    local_date, refuse_workflow_values,
)

try:  # the core's selections, so a confidential meeting uses the same marks as its documents
    from odoo.addons.ubnd_quyche.models.ubnd_document import CONFIDENTIALITY
except ImportError:  # pragma: no cover
    CONFIDENTIALITY = [("normal", "Not confidential")]

STATES = [
    ("draft", "Planned"),
    ("agenda_submitted", "Agenda submitted"),
    ("agenda_approved", "Agenda approved"),
    ("invited", "Invitations sent"),
    ("open", "In progress"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# What only the Chairman decides once he has approved a session's agenda (000 Đ27.1, Đ26.4.a).
CHAIRMAN_FIELDS = {"start", "stop", "location", "meeting_form", "videocall_url", "name", "kind", "chair_id",
                   "deputy_chair_id"}
# What the meeting's chair directs (000 Đ32.2.đ, Đ37.4).
CHAIR_FIELDS = {"media_disclosure", "recording_requested"}
# Bookkeeping written by the workflow itself.
FREE_FIELDS = {"message_follower_ids", "activity_ids", "message_ids", "website_message_ids"}
# Facts only the workflow records: a client never writes them (the server decides whatever the client sends).
WORKFLOW_FIELDS = {"state", "agenda_submitted_date", "agenda_approved_date", "agenda_approved_by_id",
                   "invitation_sent_date", "synthesis_date", "opened_at", "closed_at", "quorum_checked_at",
                   "quorum_report", "opening_report", "opening_reporter_id", "chair_authorised", "consent_by_id",
                   "consent_date", "calendar_event_id", "step_ids", "vote_ids", "minutes_ids", "document_ids",
                   "announced_ballot_ids"}


class UbndMeeting(models.Model):
    """A session of the committee or another meeting of the regulation (000 Chương V, 001 Đ22–31).

    Kinds: the regular monthly session, thematic and extraordinary sessions (convened by the
    Chairman, at the Prime Minister's request or by at least a third of the members, 000 Đ26.1),
    the Chairman's briefing with the Vice-Chairmen (giao ban, 000 Đ33, 001 Đ26.1), working meetings
    of a leader with units (000 Đ32, Đ34, Đ36; 001 Đ27), conferences (000 Đ31, 001 Đ4.3.l) and the
    units' own meetings that invite other units (001 Đ31). Each has a calendar event, invitations by
    mail and activity, a preparation timeline computed with the working-day engine, attendance and,
    for sessions, the quorum, agenda items with votes, minutes and the conclusion notice.
    """

    _name = "ubnd.meeting"
    _description = "Session or meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    profile_id = fields.Many2one(related="committee_id.profile_id")
    kind = fields.Selection(MEETING_KINDS, required=True, default="regular", tracking=True)
    is_session = fields.Boolean(compute="_compute_is_session", store=True)
    meeting_form = fields.Selection(
        [("in_person", "In person"), ("online", "Online"), ("hybrid", "In person and online")],
        "Form", required=True, default="in_person", tracking=True,
        help="000 Đ26.3–26.4: the Chairman decides the form, composition, place and technical system of an online session.",
    )
    convened_by = fields.Selection(
        [("chairman", "The Chairman's decision"), ("prime_minister", "The Prime Minister's request"),
         ("members", "Request of at least a third of the members")],
        tracking=True,
        help="000 Đ26.1: a thematic or extraordinary session is convened by the Chairman's decision, at the Prime "
        "Minister's request or at the request of at least one third of all members.",
    )
    pm_request_reference = fields.Char("Prime Minister's request", help="Number and date of the request.")
    requesting_member_ids = fields.Many2many(
        "ubnd.committee.member", "ubnd_meeting_request_member_rel", "meeting_id", "member_id",
        string="Members requesting the session",
    )
    urgent = fields.Boolean(
        tracking=True,
        help="000 Đ32.2.b–c: urgent working meetings are exempt from the invitation and synthesis lead times.",
    )
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(required=True, tracking=True)
    meeting_date = fields.Date("Day", compute="_compute_meeting_date", store=True, index=True)
    location = fields.Char(tracking=True)
    videocall_url = fields.Char("Online meeting link", tracking=True)
    chair_id = fields.Many2one(
        "res.users", string="Chair", tracking=True,
        default=lambda self: self.env["ubnd.committee"]._for_company().chairman_id,
        help="000 Đ26.5, 001 Đ24.1: the Chairman chairs sessions; when he is absent, the Vice-Chairman in charge of "
        "the field or authorised by him. 000 Đ33.1: the Chairman chairs the briefing, or one Vice-Chairman he assigns.",
    )
    deputy_chair_id = fields.Many2one(
        "res.users", string="Vice-Chairman chairing some items", tracking=True,
        help="000 Đ26.5: the Chairman may assign exactly one Vice-Chairman to chair some items of a session; "
        "000 Đ33.1: the one Vice-Chairman who chairs the briefing when the Chairman is absent.",
    )
    chair_authorised = fields.Boolean(
        "Chair authorised by the Chairman", readonly=True, copy=False, tracking=True,
        help="000 Đ36.1: the Chairman may authorise one member to chair a meeting on work submitted to the "
        "committee or to him.",
    )
    secretary_id = fields.Many2one(
        "res.users", string="Secretary", domain=[("share", "=", False)], tracking=True,
        help="The Office's staff member who keeps the minutes (000 Đ30.1, Đ32.2.đ).",
    )
    lead_unit_id = fields.Many2one("hr.department", string="Lead unit",
                                   help="The unit that prepares the content of a working meeting (000 Đ32.3).")
    heads_scope = fields.Selection(
        [("ad_hoc", "Ad hoc"), ("field_heads", "Heads of the agencies of the chair's field (000 Đ34.2)"),
         ("all_heads", "All heads of agencies and commune chairs (000 Đ34.1)"),
         ("unit_heads", "Weekly meeting with unit heads (001 Đ27.1)")],
        "Working meeting with", default="ad_hoc",
    )
    conference_period = fields.Selection(
        [("annual", "Annual"), ("half_year", "Six-month"), ("quarterly", "Quarterly"), ("ad_hoc", "When needed"),
         ("thematic", "Thematic"), ("dialogue", "Dialogue with citizens, staff and businesses")],
        help="000 Đ31.1: conferences are held every year, six months, quarter or when needed; 001 Đ4.3.l: the "
        "Chairman's dialogue conference.",
    )
    voters_requesting = fields.Integer("Voters requesting the dialogue")
    voters_registered = fields.Integer("Voters of the ward")
    dialogue_required = fields.Boolean(
        compute="_compute_dialogue_required",
        help="001 Đ4.3.l: the dialogue is due when the share of voters requesting it reaches the profile's threshold.",
    )
    unit_meeting_type = fields.Selection(
        [("review", "Annual review"), ("training", "Training or rollout"), ("internal", "Internal")],
        "Unit meeting", default="internal",
    )
    host_unit_id = fields.Many2one("hr.department", string="Host unit")
    invited_unit_ids = fields.Many2many("hr.department", "ubnd_meeting_invited_unit_rel", "meeting_id", "unit_id",
                                        string="Other units invited")
    consent_needed = fields.Boolean(compute="_compute_consent_needed")
    consent_by_id = fields.Many2one("res.users", string="Consent given by", readonly=True, copy=False)
    consent_date = fields.Date(readonly=True, copy=False)

    confidentiality = fields.Selection(CONFIDENTIALITY, required=True, default="normal", tracking=True)
    protection_plan = fields.Text(
        help="000 Đ37.3: a meeting with state-secret content defines its content, attendees, venue, conditions "
        "and a protection plan.",
    )
    media_disclosure = fields.Boolean(
        "Media may report", tracking=True,
        help="000 Đ37.4: participants do not brief the media on the discussions unless the Chairman or the chair "
        "directs it.",
    )
    recording_requested = fields.Boolean(
        "Audio recording directed by the chair", tracking=True,
        help="000 Đ32.2.đ: the Office records the working meeting when the chair directs.",
    )
    recording_attachment_ids = fields.Many2many("ir.attachment", "ubnd_meeting_recording_rel", "meeting_id",
                                                "attachment_id", string="Recording")

    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, copy=False,
                             index=True)
    agenda_submitted_date = fields.Date(readonly=True, copy=False)
    agenda_approved_date = fields.Date(readonly=True, copy=False)
    agenda_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    invitation_sent_date = fields.Date("Invitations sent on", readonly=True, copy=False)
    synthesis_date = fields.Date("Synthesis report sent on", readonly=True, copy=False)
    synthesis_note = fields.Html("Synthesis report and proposals",
                                 help="000 Đ32.2.c: the Office's synthesis report to the leader who chairs.")
    opened_at = fields.Datetime(readonly=True, copy=False)
    closed_at = fields.Datetime(readonly=True, copy=False)

    attendee_ids = fields.One2many("ubnd.meeting.attendee", "meeting_id", string="Attendance")
    item_ids = fields.One2many("ubnd.meeting.item", "meeting_id", string="Agenda")
    step_ids = fields.One2many("ubnd.meeting.step", "meeting_id", string="Preparation")
    vote_ids = fields.One2many("ubnd.vote", "meeting_id", string="Votes")
    minutes_ids = fields.One2many("ubnd.meeting.minutes", "meeting_id", string="Minutes")
    announced_ballot_ids = fields.One2many("ubnd.ballot", "announced_meeting_id", string="Ballot results announced")
    document_ids = fields.One2many("ubnd.document", "meeting_id", string="Conclusion notices")
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False, ondelete="set null")

    # Quorum (000 Đ28.2, 001 Đ24.4): live, and the figures recorded when checked
    member_count = fields.Integer("Total members", compute="_compute_quorum")
    quorum_required = fields.Integer(compute="_compute_quorum")
    present_member_count = fields.Integer("Members present", compute="_compute_quorum")
    quorum_met = fields.Boolean(compute="_compute_quorum")
    quorum_checked_at = fields.Datetime(readonly=True, copy=False)
    quorum_report = fields.Char(readonly=True, copy=False)
    opening_report = fields.Html(readonly=True, copy=False,
                                 help="001 Đ25.1, 000 Đ29.1: members present and absent, substitutes, guests, agenda.")
    opening_reporter_id = fields.Many2one("res.users", readonly=True, copy=False)
    course = fields.Html("Course of the meeting", help="000 Đ30.1: the course of the session, for the minutes.")
    conclusion = fields.Html("Chair's conclusions", help="000 Đ29.6, Đ30.1: the chair's conclusions.")

    late_step_count = fields.Integer(compute="_compute_next_action")
    next_action_user_ids = fields.Many2many("res.users", compute="_compute_next_action", string="Must act")
    my_attendee_id = fields.Many2one("ubnd.meeting.attendee", compute="_compute_my_attendee")

    # --- Computations ------------------------------------------------------------------------------
    @api.depends("kind")
    def _compute_is_session(self):
        for meeting in self:
            meeting.is_session = meeting.kind in SESSION_KINDS

    @api.depends("start", "company_id")
    def _compute_meeting_date(self):
        for meeting in self:
            meeting.meeting_date = local_date(meeting.start, meeting._tz())

    def _tz(self):
        return self.company_id.partner_id.tz or VN_TZ

    @api.depends("attendee_ids.attendance", "attendee_ids.role", "committee_id.member_ids.active")
    def _compute_quorum(self):
        Rule = self.env["ubnd.vote.rule"]
        for meeting in self:
            total = meeting.committee_id.voting_member_count
            meeting.member_count = total
            meeting.quorum_required = Rule.quorum_required(meeting.profile_id, total) if meeting.profile_id else 0
            meeting.present_member_count = len(meeting._present_members())
            meeting.quorum_met = meeting.present_member_count >= meeting.quorum_required

    @api.depends("voters_requesting", "voters_registered", "profile_id.dialogue_voter_request_pct")
    def _compute_dialogue_required(self):
        for meeting in self:
            pct = meeting.profile_id.dialogue_voter_request_pct
            meeting.dialogue_required = bool(
                pct and meeting.voters_registered
                and meeting.voters_requesting * 100 >= pct * meeting.voters_registered
            )

    @api.depends("kind", "unit_meeting_type", "invited_unit_ids", "host_unit_id")
    def _compute_consent_needed(self):
        for meeting in self:
            meeting.consent_needed = bool(
                meeting.kind == "unit" and meeting.unit_meeting_type in ("review", "training")
                and (meeting.invited_unit_ids - meeting.host_unit_id)
            )

    @api.depends("step_ids.status", "step_ids.responsible_id")
    def _compute_next_action(self):
        for meeting in self:
            pending = meeting.step_ids.filtered(lambda s: s.status in ("pending", "overdue"))
            meeting.late_step_count = len(pending.filtered(lambda s: s.status == "overdue"))
            meeting.next_action_user_ids = pending.responsible_id

    def _compute_my_attendee(self):
        for meeting in self:
            meeting.my_attendee_id = meeting.attendee_ids.filtered(lambda a: a.user_id == self.env.user)[:1]

    def _present_members(self):
        """Members of the committee present: only they count for the quorum (000 Đ28.1–28.2)."""
        self.ensure_one()
        return self.attendee_ids.filtered(
            lambda a: a.role == "member" and a.attendance == "present" and a.member_id.active
        ).member_id

    def _chairman_attendee(self):
        self.ensure_one()
        chairman = self.committee_id.chairman_id
        return self.attendee_ids.filtered(lambda a: a.role == "member" and a.user_id == chairman)[:1]

    def _chairman_absent(self):
        attendee = self._chairman_attendee()
        return bool(attendee) and (attendee.attendance == "absent" or attendee.absence_state == "approved")

    # --- Constraints -------------------------------------------------------------------------------
    @api.constrains("start", "stop")
    def _check_times(self):
        for meeting in self:
            if meeting.stop and meeting.start and meeting.stop < meeting.start:
                raise ValidationError(self.env._("A meeting cannot end before it starts."))

    @api.constrains("kind", "meeting_date", "state", "committee_id")
    def _check_regular_sessions_per_month(self):
        """000 Đ26.1, 001 Đ22.1: one regular session a month (the profile's number)."""
        for meeting in self.filtered(lambda m: m.kind == "regular" and m.state != "cancelled" and m.meeting_date):
            first = meeting.meeting_date.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            count = self.search_count([
                ("committee_id", "=", meeting.committee_id.id), ("kind", "=", "regular"),
                ("state", "!=", "cancelled"), ("meeting_date", ">=", first), ("meeting_date", "<=", last),
            ])
            allowed = meeting.profile_id.regular_sessions_per_month
            if count > allowed:
                raise ValidationError(self.env._(
                    "The committee holds %(n)s regular session(s) a month (000 Đ26.1, 001 Đ22.1): %(month)s already "
                    "has one. Plan a thematic or extraordinary session instead.",
                    n=allowed, month=meeting.meeting_date.strftime("%m/%Y"),
                ))

    @api.constrains("kind", "convened_by", "pm_request_reference", "requesting_member_ids")
    def _check_convened(self):
        """000 Đ26.1: who may convene a thematic or extraordinary session."""
        Rule = self.env["ubnd.vote.rule"]
        for meeting in self.filtered(lambda m: m.kind in ("thematic", "extraordinary")):
            if not meeting.convened_by:
                raise ValidationError(self.env._(
                    "Say who convenes this session: the Chairman, the Prime Minister or a third of the members (000 Đ26.1)."
                ))
            if meeting.convened_by == "prime_minister" and not (meeting.pm_request_reference or "").strip():
                raise ValidationError(self.env._("Give the reference of the Prime Minister's request (000 Đ26.1)."))
            if meeting.convened_by == "members":
                committee = meeting.committee_id
                members = meeting.requesting_member_ids.filtered(lambda m: m.active and m.committee_id == committee)
                required = Rule.request_required(meeting.profile_id, committee.voting_member_count)
                if len(members) < required:
                    raise ValidationError(self.env._(
                        "A session at the members' request needs at least %(required)s of the %(total)s members "
                        "(one third, 000 Đ26.1); %(count)s asked.",
                        required=required, total=committee.voting_member_count, count=len(members),
                    ))

    @api.constrains("deputy_chair_id", "committee_id")
    def _check_deputy_chair(self):
        """000 Đ26.5, Đ33.1: exactly one Vice-Chairman chairs in the Chairman's place."""
        for meeting in self.filtered("deputy_chair_id"):
            if meeting.deputy_chair_id not in meeting.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "Only a Vice-Chairman can chair items of a session or the briefing in the Chairman's place "
                    "(000 Đ26.5, Đ33.1)."
                ))

    @api.constrains("confidentiality", "meeting_form")
    def _check_secret_not_online(self):
        for meeting in self:
            if meeting.confidentiality != "normal" and meeting.meeting_form != "in_person":
                raise ValidationError(self.env._(
                    "A meeting with state-secret content is held in person under its protection plan (000 Đ37.3)."
                ))

    # --- Creation and changes --------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._(
            "These facts are recorded by the workflow, not written directly: %s", ", ".join(sorted(WORKFLOW_FIELDS))))
        for vals in vals_list:
            check_sane_dates(self, vals, ("start", "stop"))
            if vals.get("start") and not vals.get("stop"):
                vals["stop"] = fields.Datetime.to_datetime(vals["start"]) + timedelta(hours=3)
        meetings = super().create(vals_list)
        bind_attachments(meetings, "recording_attachment_ids")
        for meeting in meetings:
            meeting._check_may_plan()
            meeting._add_default_attendees()
            meeting._create_calendar_event()
        meetings._sync_steps()
        return meetings

    def _check_may_plan(self):
        """The Office plans meetings; leaders plan their own working meetings; units their own meetings."""
        user = self.env.user
        if self.env.su or user.has_group("ubnd_quyche.group_ubnd_office"):
            return
        if self.kind in ("working", "briefing", "conference") and user._ubnd_membership(self.committee_id):
            return
        if self.kind == "unit" and user.has_group("ubnd_quyche.group_ubnd_unit_head"):
            return
        if self.is_session and self.committee_id._is_chairman(user, self.meeting_date):
            return
        raise AccessError(self.env._("Only the Office plans the committee's sessions."))

    def _add_default_attendees(self):
        """Sessions: every member and the standing delegates (000 Đ28.1, Đ28.3.a; 001 Đ24.5.a–b).
        Briefing: the Chairman and the Vice-Chairmen (000 Đ33.1). Other meetings: the chair."""
        self.ensure_one()
        committee = self.committee_id
        commands = []
        existing = self.attendee_ids.partner_id
        if self.is_session:
            members = committee.member_ids.filtered("active")
        elif self.kind == "briefing":
            members = committee.member_ids.filtered(lambda m: m.active and m.role in ("chairman", "vice_chairman"))
        else:
            members = committee.member_ids.filtered(lambda m: m.active and m.user_id == self.chair_id)
        for member in members:
            if member.user_id.partner_id not in existing:
                commands.append(Command.create({
                    "role": "member", "member_id": member.id, "user_id": member.user_id.id,
                    "partner_id": member.user_id.partner_id.id,
                }))
                existing |= member.user_id.partner_id
        if self.is_session:
            standing = committee.guest_ids.filtered(
                lambda g: g.category_id.invite_rule == "always" and g.category_id in g.category_id._applies_to(committee)
            )
            for guest in standing:
                if guest.partner_id not in existing:
                    commands.append(Command.create({
                        "role": "guest", "partner_id": guest.partner_id.id, "guest_category_id": guest.category_id.id,
                    }))
                    existing |= guest.partner_id
        if commands:
            self.sudo().write({"attendee_ids": commands})

    def _create_calendar_event(self):
        self.ensure_one()
        organizer = self.chair_id or self.env.user
        event = self.env["calendar.event"].sudo().with_context(no_mail_to_attendees=True).create({
            "name": self.name,
            "start": self.start,
            "stop": self.stop,
            "location": self.location or "",
            "user_id": organizer.id,
            "partner_ids": [Command.set(organizer.partner_id.ids)],
            "privacy": "private" if self.confidentiality != "normal" else "public",
            "description": escape(self.env._("Meeting of the People's Committee: %s", self.name)),
        })
        self.sudo().calendar_event_id = event

    def write(self, vals):
        check_committee_kept(self, vals)
        self._check_write_allowed(vals)
        check_sane_dates(self, vals, ("start", "stop"))
        if "start" in vals and "stop" not in vals and len(self) == 1 and self.start and self.stop:
            # Moving a meeting keeps its length.
            vals = dict(vals, stop=fields.Datetime.to_datetime(vals["start"]) + (self.stop - self.start))
        moved = self.filtered(lambda m: m.state in ("agenda_approved", "invited")) if (
            "start" in vals or "stop" in vals) else self.browse()
        old_starts = {m.id: m.start for m in moved}
        res = super().write(vals)
        if {"start", "stop", "location", "name", "chair_id"} & set(vals):
            self._update_calendar_event()
        if "recording_attachment_ids" in vals:
            bind_attachments(self, "recording_attachment_ids")
        if moved:
            moved._notify_time_change(old_starts)
        if {"start", "kind", "urgent", "state", "convened_by"} & set(vals):
            self._sync_steps()
        return res

    def _check_write_allowed(self, vals):
        """Who may change what (the server decides, whatever the client sends).

        000 Đ27.1: once the Chairman has approved a session's content, time, agenda and guests, only he
        changes them. 000 Đ37.4, Đ32.2.đ: media disclosure and recordings are the chair's directions.
        """
        if self.env.su:
            return
        fields_written = set(vals) - FREE_FIELDS
        if not fields_written:
            return
        if fields_written & WORKFLOW_FIELDS:
            raise AccessError(self.env._("These facts are recorded by the workflow, not written directly: %s",
                                         ", ".join(sorted(fields_written & WORKFLOW_FIELDS))))
        user = self.env.user
        is_office = user.has_group("ubnd_quyche.group_ubnd_office")
        for meeting in self:
            is_chairman = meeting.committee_id._is_chairman(user, meeting.meeting_date)
            is_chair = user == meeting.chair_id
            if meeting.state in ("closed", "cancelled"):
                raise UserError(self.env._("A closed or cancelled meeting cannot be changed."))
            chair_only = fields_written & CHAIR_FIELDS
            if chair_only and not (is_chair or is_chairman):
                raise AccessError(self.env._(
                    "Only the Chairman or the meeting's chair directs media reporting and recordings (000 Đ37.4, Đ32.2.đ)."
                ))
            other = fields_written - CHAIR_FIELDS
            if not other:
                continue
            if meeting.is_session and meeting.state in ("agenda_approved", "invited", "open") and (
                other & CHAIRMAN_FIELDS
            ) and not is_chairman:
                raise AccessError(self.env._(
                    "Only the Chairman changes the content, form, time, agenda or guests of a session he has "
                    "approved (000 Đ27.1)."
                ))
            if not (is_office or is_chairman or (is_chair and not meeting.is_session)):
                raise AccessError(self.env._("Only the Office or the meeting's chair changes the meeting."))

    def _update_calendar_event(self):
        for meeting in self.filtered("calendar_event_id"):
            meeting.calendar_event_id.sudo().write({
                "name": meeting.name, "start": meeting.start, "stop": meeting.stop,
                "location": meeting.location or "",
            })

    def _notify_time_change(self, old_starts):
        """000 Đ27.2.đ: a change of date or time is notified to members and delegates at once."""
        for meeting in self:
            old = old_starts.get(meeting.id)
            if old == meeting.start:
                continue
            partners = meeting.attendee_ids.partner_id
            meeting.message_post(
                body=self.env._(
                    "The meeting is moved: it now starts on %(start)s.",
                    start=fields.Datetime.context_timestamp(meeting.with_context(tz=meeting._tz()), meeting.start)
                    .strftime("%H:%M %d/%m/%Y"),
                ),
                partner_ids=partners.ids, subtype_xmlid="mail.mt_comment",
            )

    def unlink(self):
        for meeting in self:
            if meeting.state not in ("draft", "cancelled"):
                raise UserError(self.env._("Only a planned or cancelled meeting can be deleted; cancel it instead."))
        self.calendar_event_id.sudo().unlink()
        return super().unlink()

    # --- Preparation timeline -----------------------------------------------------------------------------
    def _required_steps(self):
        """The steps of the timeline for this meeting: (code, item, deadline, responsible, article).

        Sessions (000 Đ27, 001 Đ23): each lead unit's documents at least ``session_documents_days``
        working days before; the agenda to the Chairman at least ``session_agenda_days`` before;
        invitations and documents to members at least ``session_invitation_days`` before, or for an
        extraordinary session (and in the ward a thematic one) ``extraordinary_invitation_days`` calendar
        days (0 = no minimum, 000 Đ27.2.d); the conclusion notice within ``conclusion_notice_days``.
        Briefings and working meetings (000 Đ32.2, Đ33.5): invitations at least
        ``working_meeting_invitation_days`` and the synthesis report ``working_meeting_synthesis_days``
        working days before, except urgent meetings; the conclusion notice within ``conclusion_notice_days``.
        A period the profile leaves unset gives the step no deadline (it stays to do, never late).
        """
        self.ensure_one()
        p, company, day = self.profile_id, self.company_id, self.meeting_date
        if not day or self.state == "cancelled":
            return []
        office = self.committee_id.chief_of_office_id or self.committee_id._office_users()[:1]
        chairman = self.committee_id.chairman_id
        steps = []
        if self.is_session:
            for item in self.item_ids.filtered(lambda i: i.item_type == "decision"
                                               and i.state not in ("withdrawn", "postponed")):
                responsible = item.submission_id.unit_head_user_id or item.presenter_id or office
                steps.append(("documents", item, p.compute_advance_deadline(day, "session_documents_days", company),
                              responsible, "000 Đ27.3.b"))
            agenda_responsible = chairman if self.state == "agenda_submitted" else office
            steps.append(("agenda", False, p.compute_advance_deadline(day, "session_agenda_days", company),
                          agenda_responsible, "000 Đ27.2.b, 001 Đ23.3.b"))
            short = self.kind == "extraordinary" or (self.kind == "thematic" and p.thematic_short_notice)
            field = "extraordinary_invitation_days" if short else "session_invitation_days"
            steps.append(("invitation", False, p.compute_advance_deadline(day, field, company), office,
                          "001 Đ23.3.d" if short else "000 Đ27.2.d, 001 Đ23.3.d"))
            steps.append(("conclusion", False, p.compute_deadline(day, "conclusion_notice_days", company),
                          self.committee_id.chief_of_office_id or office, "000 Đ30.2, 001 Đ25.7.b"))
        elif self.kind in WORKING_KINDS:
            if not self.urgent:
                steps.append(("invitation", False,
                              p.compute_advance_deadline(day, "working_meeting_invitation_days", company),
                              office, "000 Đ32.2.b"))
                steps.append(("synthesis", False,
                              p.compute_advance_deadline(day, "working_meeting_synthesis_days", company),
                              office, "000 Đ32.2.c"))
            steps.append(("conclusion", False, p.compute_deadline(day, "conclusion_notice_days", company),
                          self.committee_id.chief_of_office_id or office, "000 Đ32.2.e"))
        elif self.kind == "conference" and not self.urgent:
            steps.append(("invitation", False,
                          p.compute_advance_deadline(day, "working_meeting_invitation_days", company),
                          office, "000 Đ31.3, Đ32.2.b"))
        return steps

    def _sync_steps(self):
        Step = self.env["ubnd.meeting.step"].sudo()
        for meeting in self:
            wanted = {(code, item.id if item else False): (deadline, responsible, article)
                      for code, item, deadline, responsible, article in meeting._required_steps()}
            existing = {(s.code, s.item_id.id): s for s in meeting.sudo().step_ids}
            for key, step in existing.items():
                if key not in wanted and not step.done_date:
                    step._close_activity(self.env._("No longer required."))
                    step.unlink()
            for key, (deadline, responsible, article) in wanted.items():
                step = existing.get(key)
                if step:
                    if not step.done_date and (step.deadline != deadline or step.responsible_id != responsible):
                        step.write({"deadline": deadline, "responsible_id": responsible.id})
                        step._reschedule_activity()
                    continue
                step = Step.create({
                    "meeting_id": meeting.id, "code": key[0], "item_id": key[1], "deadline": deadline,
                    "responsible_id": responsible.id, "article": article,
                })
                step._schedule_activity()
            meeting._refresh_step_completion()

    def _refresh_step_completion(self):
        """Mark steps done from the facts recorded on the meeting."""
        for meeting in self:
            facts = {
                "agenda": meeting.agenda_approved_date,
                "invitation": meeting.invitation_sent_date,
                "synthesis": meeting.synthesis_date,
                "conclusion": min(
                    (local_date(d.issued_at, meeting._tz()) for d in meeting.sudo().document_ids if d.issued_at),
                    default=False,
                ),
            }
            for step in meeting.sudo().step_ids.filtered(lambda s: not s.done_date):
                done = step.item_id.documents_received_date if step.code == "documents" else facts.get(step.code)
                if done:
                    step._mark_done(done)

    # --- Helpers ---------------------------------------------------------------------------------------
    def _today(self):
        return fields.Date.context_today(self)

    def _check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for meeting in self:
            if meeting.state not in states:
                raise UserError(self.env._(
                    "This step is not possible while the meeting is “%(state)s”.", state=labels[meeting.state]
                ))

    def _check_office(self):
        if not (self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")):
            raise AccessError(self.env._("Only the Office handles this step."))

    def _check_chairman(self, message=None):
        for meeting in self:
            if not (self.env.su or meeting.committee_id._is_chairman(self.env.user, meeting.meeting_date)):
                raise AccessError(message or self.env._("Only the Chairman decides this (000 Đ27.1)."))

    def _check_chair_or_office(self):
        for meeting in self:
            user = self.env.user
            if not (self.env.su or user == meeting.chair_id or user.has_group("ubnd_quyche.group_ubnd_office")
                    or meeting.committee_id._is_chairman(user, meeting.meeting_date)):
                raise AccessError(self.env._("Only the chair or the Office conducts the meeting."))

    def _member_partners(self):
        return self.attendee_ids.filtered(lambda a: a.role in ("member", "substitute")).partner_id

    def _schedule_todo(self, users, summary, deadline=None):
        for user in users:
            self.activity_schedule("mail.mail_activity_data_todo", date_deadline=deadline or self.meeting_date,
                                   summary=summary, user_id=user.id)

    # --- Agenda decided by the Chairman (000 Đ27.1–27.2.b, 001 Đ23.1–23.3.b) ---------------------------------
    def action_submit_agenda(self):
        """The Office submits the content, agenda, time and attendees to the Chairman."""
        self._check_office()
        self._check_state("draft")
        for meeting in self:
            if not meeting.is_session:
                raise UserError(self.env._("Only sessions have an agenda for the Chairman to approve."))
            if not meeting.item_ids:
                raise UserError(self.env._("Put at least one item on the agenda first."))
            meeting.sudo().write({"state": "agenda_submitted", "agenda_submitted_date": self._today()})
            step = meeting.sudo().step_ids.filtered(lambda s: s.code == "agenda")
            meeting._schedule_todo(meeting.committee_id.chairman_id, self.env._("Decide the session's agenda"),
                                   step.deadline if step else None)
        return True

    def action_approve_agenda(self):
        """000 Đ27.1: only the Chairman decides; members are notified of his decision (000 Đ27.2.b)."""
        self._check_state("draft", "agenda_submitted")
        self._check_chairman()
        for meeting in self:
            if not meeting.item_ids:
                raise UserError(self.env._("Put at least one item on the agenda first."))
            meeting.sudo().write({
                "state": "agenda_approved", "agenda_approved_date": self._today(),
                "agenda_approved_by_id": self.env.user.id,
            })
            meeting.sudo().activity_ids.filtered(lambda a: a.user_id == self.env.user).action_feedback(
                feedback=self.env._("Agenda approved."))
            meeting.message_post(
                body=self.env._("The Chairman approved the content, agenda, time and attendees:") + meeting._agenda_html(),
                partner_ids=meeting._member_partners().ids, subtype_xmlid="mail.mt_comment",
            )
            meeting._refresh_step_completion()
        return True

    def action_return_agenda(self):
        self._check_state("agenda_submitted")
        self._check_chairman()
        self.sudo().write({"state": "draft"})
        return True

    def _agenda_html(self):
        self.ensure_one()
        rows = Markup("").join(
            Markup("<li>%s</li>") % item.name for item in self.item_ids.filtered(lambda i: i.state != "withdrawn")
        )
        return Markup("<ol>%s</ol>") % rows

    # --- Invitations (000 Đ27.2.d, Đ32.2.b; 001 Đ23.3.d) --------------------------------------------------------
    def action_send_invitations(self):
        """The Office sends the invitations and documents: calendar invitation by mail, a message with the
        agenda, and an activity for each member to read the dossier."""
        for meeting in self:
            if not (meeting.kind == "unit" and self.env.user == meeting.chair_id):
                meeting._check_office()
            meeting._check_state("agenda_approved" if meeting.is_session else "draft")
            meeting._check_ready_to_invite()
            partners = meeting.attendee_ids.filtered(lambda a: a.absence_state != "approved").partner_id
            if meeting.calendar_event_id:
                meeting.calendar_event_id.sudo().write({"partner_ids": [Command.link(p.id) for p in partners]})
            meeting.sudo().write({"state": "invited", "invitation_sent_date": self._today()})
            meeting.attendee_ids.sudo().write({"invitation_sent": True})
            body = self.env._("Invitation to %(name)s, %(when)s, %(where)s.",
                              name=meeting.name,
                              when=fields.Datetime.context_timestamp(meeting.with_context(tz=meeting._tz()),
                                                                     meeting.start).strftime("%H:%M %d/%m/%Y"),
                              where=meeting.location or meeting.videocall_url or "")
            if not meeting.media_disclosure:
                body += " " + self.env._("The discussions are not to be reported to the media (000 Đ37.4).")
            meeting.message_post(body=Markup("<p>%s</p>") % body + meeting._agenda_html(),
                                 partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")
            member_users = meeting.attendee_ids.filtered(
                lambda a: a.role in ("member", "substitute") and a.user_id and a.absence_state != "approved"
            ).user_id
            meeting.sudo()._schedule_todo(member_users, self.env._("Read the documents and attend: %s", meeting.name))
            meeting._refresh_step_completion()
        return True

    def _check_ready_to_invite(self):
        self.ensure_one()
        if self.confidentiality != "normal" and not (
            (self.protection_plan or "").strip() and (self.location or "").strip() and self.attendee_ids
        ):
            raise UserError(self.env._(
                "A meeting with state-secret content must set its content, attendees, venue and protection plan "
                "first (000 Đ37.3)."
            ))
        if self.consent_needed and not self.consent_by_id:
            raise UserError(self.env._(
                "A unit meeting that invites other units needs the consent of the Chairman or the Vice-Chairman "
                "in charge first (001 Đ31)."
            ))
        if self.is_session:
            committee = self.committee_id
            categories = self.env["ubnd.meeting.guest.category"].search([("invite_rule", "=", "always")])
            missing = categories._applies_to(committee) - self.attendee_ids.guest_category_id
            if missing:
                raise UserError(self.env._(
                    "Invite the delegates who attend every session: %(names)s (000 Đ28.3.a, 001 Đ24.5).",
                    names=", ".join(missing.mapped("name")),
                ))
        self._check_chair_rules()

    def _check_chair_rules(self):
        """Who may chair (000 Đ26.5, Đ33.1, Đ36.1; 001 Đ24.1)."""
        self.ensure_one()
        committee, chair = self.committee_id, self.chair_id
        if not chair:
            raise UserError(self.env._("Name the meeting's chair."))
        chairman = committee.chairman_id
        if self.kind == "unit" or chair == chairman:
            return
        vice_chairmen = committee.vice_chairman_ids
        if self.is_session:
            if not self._chairman_absent():
                raise UserError(self.env._(
                    "The Chairman convenes and chairs the session (000 Đ26.5); another leader chairs only when he "
                    "is absent. Assign a Vice-Chairman to chair some items instead."
                ))
            fields_of_items = self.item_ids.submission_id.field_id
            in_charge = committee.member_ids.filtered(
                lambda m: m.active and m.role == "vice_chairman" and m.field_ids & fields_of_items
            ).user_id
            authorised = committee._acting_chairman(self.meeting_date) | committee.standing_deputy_id | self.deputy_chair_id
            if chair not in (in_charge | authorised):
                raise UserError(self.env._(
                    "When the Chairman is absent, the Vice-Chairman in charge of the field or the one he authorised "
                    "chairs the session (001 Đ24.1)."
                ))
        elif self.kind == "briefing":
            if not (self._chairman_absent() and chair == self.deputy_chair_id):
                raise UserError(self.env._(
                    "The Chairman chairs the briefing; when he is absent, the one Vice-Chairman he assigned "
                    "(000 Đ33.1)."
                ))
        elif chair not in vice_chairmen and not self.chair_authorised:
            raise UserError(self.env._(
                "A working meeting is chaired by the Chairman or a Vice-Chairman, or by a member the Chairman "
                "authorised (000 Đ32.1, Đ36.1)."
            ))

    def action_authorise_chair(self):
        """000 Đ36.1: the Chairman authorises one member to chair a meeting on work submitted to him."""
        self._check_chairman(self.env._("Only the Chairman authorises a member to chair (000 Đ36.1)."))
        for meeting in self:
            if meeting.is_session:
                raise UserError(self.env._("A session is chaired under 000 Đ26.5 and 001 Đ24.1, not by authorisation."))
            if not meeting.chair_id._ubnd_membership(meeting.committee_id):
                raise UserError(self.env._("Only a member of the committee can be authorised to chair (000 Đ36.1)."))
            meeting.sudo().write({"chair_authorised": True})
            meeting.message_post(body=self.env._("The Chairman authorised %s to chair this meeting (000 Đ36.1).",
                                                 meeting.chair_id.name))
        return True

    def action_give_consent(self):
        """001 Đ31: the Chairman (annual review: or the Vice-Chairman in charge) consents to a unit meeting
        that invites other units."""
        for meeting in self:
            user = self.env.user
            committee = meeting.committee_id
            allowed = committee._is_chairman(user, meeting.meeting_date)
            if not allowed and meeting.unit_meeting_type == "review":
                member = user._ubnd_membership(committee)
                allowed = bool(member) and member.role == "vice_chairman" and member._covers_area(meeting.host_unit_id)
            if not allowed:
                raise AccessError(self.env._(
                    "An annual review inviting other units needs the Chairman or the Vice-Chairman in charge; a "
                    "training or rollout meeting needs the Chairman (001 Đ31)."
                ))
            meeting.sudo().write({"consent_by_id": user.id, "consent_date": self._today()})
        return True

    def action_send_synthesis(self):
        """000 Đ32.2.c: the Office's synthesis report reaches the chair at least 1 working day before."""
        self._check_office()
        for meeting in self:
            if meeting.kind not in WORKING_KINDS:
                raise UserError(self.env._("The synthesis report belongs to briefings and working meetings."))
            meeting.sudo().synthesis_date = self._today()
            meeting.message_post(body=meeting.synthesis_note or self.env._("Synthesis report sent to the chair."),
                                 partner_ids=meeting.chair_id.partner_id.ids, subtype_xmlid="mail.mt_comment")
            meeting._refresh_step_completion()
        return True

    # --- The session itself (000 Đ28–29, 001 Đ24–25) ---------------------------------------------------------
    def action_check_quorum(self):
        """000 Đ28.2, 001 Đ24.4: at least two thirds of ALL members present (not of those invited)."""
        self._check_chair_or_office()
        for meeting in self:
            if meeting.is_session:
                report = self.env._(
                    "%(present)s of %(total)s members present; the quorum is %(required)s: %(verdict)s.",
                    present=meeting.present_member_count, total=meeting.member_count,
                    required=meeting.quorum_required,
                    verdict=self.env._("quorum met") if meeting.quorum_met else self.env._("quorum NOT met"),
                )
            else:
                report = self.env._("%s members present (no quorum applies to this meeting).",
                                    meeting.present_member_count)
            meeting.sudo().write({"quorum_checked_at": fields.Datetime.now(), "quorum_report": report})
            meeting.message_post(body=report)
        return True

    def action_open(self):
        """Open the meeting. A session proceeds only with its quorum (000 Đ28.2); the Office's leadership
        reports attendance, substitutes, guests and the agenda (001 Đ25.1, 000 Đ29.1); ballots closed since
        the last session are put on its agenda to be announced (000 Đ29.5, 001 Đ25.5.d)."""
        self._check_chair_or_office()
        self._check_state("invited")
        for meeting in self:
            meeting._check_chair_rules()
            if meeting.is_session and not meeting.quorum_met:
                raise UserError(self.env._(
                    "The session cannot proceed: %(present)s of %(total)s members are present, at least %(required)s "
                    "are needed (000 Đ28.2, 001 Đ24.4).",
                    present=meeting.present_member_count, total=meeting.member_count,
                    required=meeting.quorum_required,
                ))
            meeting.action_check_quorum()
            vals = {"state": "open", "opened_at": fields.Datetime.now()}
            if meeting.is_session:
                meeting._add_ballot_announcements()
                reporter = meeting._opening_reporter()
                vals.update({"opening_report": meeting._build_opening_report(), "opening_reporter_id": reporter.id})
            meeting.sudo().write(vals)
        return True

    def _opening_reporter(self):
        committee, user = self.committee_id, self.env.user
        if self.profile_id.opening_report_by_chief_office or not user.has_group("ubnd_quyche.group_ubnd_office"):
            return committee.chief_of_office_id or user
        return user

    def _build_opening_report(self):
        self.ensure_one()
        _ = self.env._

        def names(attendees):
            return ", ".join(attendees.mapped("display_name")) or _("none")

        members = self.attendee_ids.filtered(lambda a: a.role == "member")
        present = members.filtered(lambda a: a.attendance == "present")
        absent = members - present
        substitutes = self.attendee_ids.filtered(lambda a: a.role == "substitute")
        guests = self.attendee_ids.filtered(lambda a: a.role == "guest" and a.attendance == "present")
        lines = [
            _("Members present: %(count)s/%(total)s — %(names)s", count=len(present), total=self.member_count,
              names=names(present)),
            _("Members absent: %(names)s", names=", ".join(
                "%s (%s)" % (a.display_name, dict(a._fields["absence_state"]._description_selection(self.env))
                             [a.absence_state]) for a in absent) or _("none")),
            _("Attending in a member's place: %(names)s", names=", ".join(
                "%s ← %s" % (a.display_name, a.substitute_for_id.display_name) for a in substitutes) or _("none")),
            _("Invited delegates: %(names)s", names=names(guests)),
        ]
        body = Markup("").join(Markup("<li>%s</li>") % line for line in lines)
        return Markup("<ul>%s</ul><p>%s</p>%s") % (body, _("Content and agenda:"), self._agenda_html())

    def _add_ballot_announcements(self):
        """000 Đ29.5, 001 Đ3.2.c, Đ25.5.d: the results of ballots closed since are announced at this session."""
        self.ensure_one()
        ballots = self.env["ubnd.ballot"].sudo().search([
            ("committee_id", "=", self.committee_id.id), ("state", "=", "closed"),
            ("announced_meeting_id", "=", False),
        ])
        if not ballots:
            return
        announcer = (self.committee_id.chairman_id if self.profile_id.ballot_result_announcer == "chairman"
                     else self.committee_id.chief_of_office_id)
        sequence = max(self.item_ids.mapped("sequence") or [0])
        for ballot in ballots:
            sequence += 1
            self.env["ubnd.meeting.item"].sudo().create({
                "meeting_id": self.id, "sequence": sequence, "item_type": "ballot_result", "ballot_id": ballot.id,
                "name": self.env._("Result of the written ballot: %s", ballot.name), "presenter_id": announcer.id,
            })
            ballot.announced_meeting_id = self

    def action_close(self):
        """The chair concludes the session (000 Đ29.6); the ballot results on its agenda are announced."""
        self._check_chair_or_office()
        self._check_state("open")
        for meeting in self:
            open_votes = meeting.vote_ids.filtered(lambda v: v.state == "open")
            if open_votes:
                raise UserError(self.env._("Close the vote on “%s” first.", open_votes[0].item_id.name))
            now = fields.Datetime.now()
            for item in meeting.item_ids.filtered(lambda i: i.item_type == "ballot_result" and i.state == "planned"):
                item.sudo().write({"state": "noted", "outcome": "noted"})
            for ballot in meeting.announced_ballot_ids:
                ballot.sudo().write({"announced_date": self._today(),
                                     "announced_by_id": self.env.user.id})
            meeting.sudo().write({"state": "closed", "closed_at": now})
        self._close_attendance_activities(self.env._("The meeting is closed."))
        return True

    def _close_attendance_activities(self, feedback):
        """The to-dos of the attendees (read the documents and attend, approve an absence) end with the meeting:
        they are marked done, which leaves their trace in the chatter. The preparation steps keep theirs: the
        conclusion notice is still due after the meeting."""
        for meeting in self:
            step_activities = meeting.sudo().step_ids.activity_id
            (meeting.sudo().activity_ids - step_activities).action_feedback(feedback=feedback)

    def action_cancel(self):
        for meeting in self:
            if not (meeting.env.su or meeting.env.user.has_group("ubnd_quyche.group_ubnd_office")
                    or meeting.committee_id._is_chairman(meeting.env.user, meeting.meeting_date)):
                raise AccessError(self.env._("Only the Office or the Chairman cancels a meeting."))
            meeting._check_state("draft", "agenda_submitted", "agenda_approved", "invited")
            if meeting.state == "invited":
                meeting.message_post(body=self.env._("The meeting is cancelled."),
                                     partner_ids=meeting.attendee_ids.partner_id.ids, subtype_xmlid="mail.mt_comment")
            meeting.sudo().write({"state": "cancelled"})
            meeting.calendar_event_id.sudo().write({"active": False})
            meeting.sudo().activity_ids.unlink()
            meeting.sudo().step_ids.filtered(lambda s: not s.done_date).unlink()
        return True

    # --- Minutes and conclusions (000 Đ30, Đ32.2.đ–e; 001 Đ25.7) ------------------------------------------------
    def action_create_minutes(self):
        self._check_office()
        self.ensure_one()
        self._check_state("open", "closed")
        minutes = self.minutes_ids[:1]
        if not minutes:
            minutes = self.env["ubnd.meeting.minutes"].sudo().create({"meeting_id": self.id})
        return {
            "type": "ir.actions.act_window", "res_model": "ubnd.meeting.minutes", "res_id": minutes.id,
            "view_mode": "form", "target": "current",
        }

    def action_create_conclusion_notice(self):
        """The Office drafts the notice of the chair's conclusions, a document of the core signed TL. the
        Chairman by the Chief of Office (001 Đ15.3, Đ25.7.b; 000 Đ30.2, Đ32.2.e); tasks can be assigned from it."""
        self._check_office()
        self.ensure_one()
        self._check_state("closed")
        doc = self.document_ids.filtered(lambda d: d.state != "cancelled")[:1]
        if not doc:
            doc = self.env["ubnd.document"].sudo().create(self._conclusion_notice_values())
        return {
            "type": "ir.actions.act_window", "res_model": "ubnd.document", "res_id": doc.id,
            "view_mode": "form", "target": "current",
        }

    def _conclusion_notice_values(self):
        self.ensure_one()
        _ = self.env._
        chair = self.chair_id
        role = _("Chairman") if chair == self.committee_id.chairman_id else _("Vice-Chairman")
        decisions = Markup("").join(
            Markup("<li>%s: %s</li>") % (item.name, item.decision_summary or "")
            for item in self.item_ids.filtered(lambda i: i.state in ("decided", "not_adopted", "noted", "postponed"))
        )
        body = Markup("<p>%s</p>%s<ol>%s</ol><p>%s</p>") % (
            _("Conclusions of %(role)s %(name)s at %(meeting)s:", role=role, name=chair.name, meeting=self.name),
            self.conclusion or Markup(""), decisions,
            # Decree 30/2020 PL I: the text of a document ends with "./.".
            _("The Office of the People's Committee gives notice for the bodies and units concerned to know and "
              "carry out./."),
        )
        recipients = [_("- Members of the People's Committee;"), _("- Units concerned;")]
        if self.profile_id.conclusion_report_standing and self.is_session:
            recipients.append(_("- Standing Committee of the Party Committee, Standing Committee of the People's "
                                "Council (to report);"))
        recipients.append(_("- Archived: VT, Office."))
        return {
            "name": _("Conclusions of the chair at %s", self.name),
            "committee_id": self.committee_id.id,
            "document_type_id": self.env.ref("ubnd_quyche.doctype_tb").id,
            "authority": "chairman",
            "drafting_unit_id": self.committee_id.office_unit_id.id,
            "confidentiality": self.confidentiality,
            "body": body,
            "recipients": "\n".join(recipients),
            "meeting_id": self.id,
        }

    # --- Reminders ------------------------------------------------------------------------------------------
    @api.model
    def _cron_preparation(self):
        """Remind whoever must act on a step past its deadline (once)."""
        today = fields.Date.context_today(self)
        steps = self.env["ubnd.meeting.step"].sudo().search([
            ("done_date", "=", False), ("deadline", "<", today), ("reminded", "=", False),
            ("meeting_id.state", "not in", ("cancelled",)),
        ])
        for step in steps:
            step.meeting_id.message_post(
                body=self.env._("Overdue since %(date)s: %(step)s.", date=step.deadline.strftime("%d/%m/%Y"),
                                step=step.name),
                partner_ids=step.responsible_id.partner_id.ids,
            )
            step.reminded = True
        # A meeting that ended without being closed in the application no longer asks anyone to attend it.
        ended = self.sudo().search([("state", "in", ("invited", "open")), ("stop", "<", fields.Datetime.now())])
        ended._close_attendance_activities(self.env._("The meeting has ended."))
        return len(steps)
