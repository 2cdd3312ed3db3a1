from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import refuse_workflow_values

# Facts about an attendee that only the workflow records.
WORKFLOW_FIELDS = {"absence_state", "absence_decided_by_id", "absence_decided_at", "delegation_id", "invitation_sent",
                   "report_back_done"}


class UbndMeetingAttendee(models.Model):
    """Who is invited and who attends, in which role.

    - A member of the committee votes (000 Đ28.1, 001 Đ6.6, 003 ¶11) and counts for the quorum.
    - A substitute attends in an absent member's place: he may speak but not vote (000 Đ28.1 ¶2),
      unless the profile allows a proxy vote; at a session he needs the consent the regulation names
      and a session-proxy grant in the delegation register.
    - A guest (invited delegate) may speak but not vote (000 Đ28.4, 001 Đ25.5.a).

    An absence is requested and approved: by the Chairman for a session (000 Đ28.1, 001 Đ6.6), by the
    meeting's chair for other meetings, where the absent person must name a competent substitute
    (000 Đ32.4.a, Đ37.1).
    """

    _name = "ubnd.meeting.attendee"
    _description = "Meeting attendee"
    _inherit = ["mail.thread"]
    _order = "meeting_id, role_sequence, sequence, id"

    meeting_id = fields.Many2one("ubnd.meeting", required=True, ondelete="cascade", index=True)
    committee_id = fields.Many2one(related="meeting_id.committee_id", store=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_state = fields.Selection(related="meeting_id.state", string="Meeting status")
    is_session = fields.Boolean(related="meeting_id.is_session")
    meeting_start = fields.Datetime(related="meeting_id.start", string="Starts")
    meeting_location = fields.Char(related="meeting_id.location", string="Place")
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [("member", "Member (votes)"), ("substitute", "Substitute (speaks, no vote)"),
         ("guest", "Invited delegate (speaks, no vote)")],
        required=True, default="guest", tracking=True,
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    member_id = fields.Many2one("ubnd.committee.member", string="Member", ondelete="restrict", index=True,
                                tracking=True)
    member_role = fields.Selection(related="member_id.role", string="Member's role")
    user_id = fields.Many2one("res.users", string="User", index=True)
    partner_id = fields.Many2one("res.partner", string="Person", required=True, ondelete="restrict", tracking=True)
    guest_category_id = fields.Many2one("ubnd.meeting.guest.category", string="Delegate of")
    related_item_ids = fields.Many2many("ubnd.meeting.item", "ubnd_meeting_attendee_item_rel", "attendee_id",
                                        "item_id", string="Related items")
    substitute_for_id = fields.Many2one("ubnd.meeting.attendee", string="In place of", ondelete="cascade")
    delegation_id = fields.Many2one("ubnd.delegation", string="Session proxy grant", readonly=True)
    attendance = fields.Selection(
        [("invited", "Invited"), ("present", "Present"), ("absent", "Absent")],
        default="invited", required=True, tracking=True,
    )
    absence_state = fields.Selection(
        [("none", "No absence requested"), ("requested", "Absence requested"), ("approved", "Absence approved"),
         ("refused", "Absence refused")],
        default="none", required=True, readonly=True, tracking=True,
    )
    absence_reason = fields.Text(tracking=True)
    force_majeure = fields.Boolean(tracking=True, help="000 Đ28.1 ¶2: a session substitute only for force majeure.")
    substitute_user_id = fields.Many2one("res.users", string="Proposed substitute", tracking=True)
    absence_decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    absence_decided_at = fields.Datetime(readonly=True)
    invitation_sent = fields.Boolean(readonly=True)
    report_back_note = fields.Text("Report to the absent person",
                                   help="000 Đ37.1: the delegate reports the content of the meeting back.")
    report_back_done = fields.Boolean(readonly=True)
    can_vote = fields.Boolean(compute="_compute_can_vote",
                              help="Only members vote (000 Đ28.4, 001 Đ25.5.a); a substitute only where allowed.")

    _partner_unique = models.Constraint("UNIQUE(meeting_id, partner_id)", "This person is already on the list.")

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"member": 1, "substitute": 2, "guest": 3}
        for attendee in self:
            attendee.role_sequence = order.get(attendee.role, 9)

    @api.depends("role", "attendance", "delegation_id", "meeting_id.profile_id.proxy_may_vote")
    def _compute_can_vote(self):
        for attendee in self:
            if attendee.attendance != "present":
                attendee.can_vote = False
            elif attendee.role == "member":
                attendee.can_vote = True
            else:
                attendee.can_vote = bool(
                    attendee.role == "substitute" and attendee.meeting_id.profile_id.proxy_may_vote
                    and attendee.delegation_id
                )

    @api.depends("partner_id", "role", "guest_category_id")
    def _compute_display_name(self):
        for attendee in self:
            name = attendee.partner_id.name or ""
            if attendee.role == "guest" and attendee.guest_category_id:
                name = "%s (%s)" % (name, attendee.guest_category_id.name)
            attendee.display_name = name

    # --- Constraints -----------------------------------------------------------------------------------------
    @api.constrains("role", "member_id", "substitute_for_id", "guest_category_id", "related_item_ids", "meeting_id")
    def _check_role(self):
        for attendee in self:
            meeting = attendee.meeting_id
            if attendee.role == "member":
                if not attendee.member_id or attendee.member_id.committee_id != meeting.committee_id:
                    raise ValidationError(self.env._("A member attendee must be a member of the committee."))
            elif attendee.member_id:
                raise ValidationError(self.env._(
                    "A member of the committee attends as a member: only members vote (000 Đ28.4)."))
            if attendee.role == "substitute" and not attendee.substitute_for_id:
                raise ValidationError(self.env._("Say in whose place the substitute attends."))
            if (meeting.is_session and attendee.role == "guest" and attendee.guest_category_id.invite_rule == "related"
                    and not attendee.related_item_ids):
                raise ValidationError(self.env._(
                    "%(category)s are invited only when a related matter is discussed (000 Đ28.3.b–c, 001 Đ24.5.c–đ): "
                    "choose the related agenda items.", category=attendee.guest_category_id.name,
                ))

    # --- Who may change the list -------------------------------------------------------------------------------
    def _check_list_change(self, meetings):
        """The Office keeps the list; once the Chairman approved a session's guests, only he changes them."""
        if self.env.su:
            return
        user = self.env.user
        for meeting in meetings:
            is_chairman = meeting.committee_id._is_chairman(user, meeting.meeting_date)
            if meeting.state in ("closed", "cancelled"):
                raise UserError(self.env._("The attendance of a closed or cancelled meeting cannot be changed."))
            if meeting.is_session and meeting.state != "draft" and meeting.state != "agenda_submitted" and not is_chairman:
                raise AccessError(self.env._("Only the Chairman changes the attendees of a session he approved (000 Đ27.1)."))
            if not (is_chairman or user.has_group("ubnd_quyche.group_ubnd_office") or user == meeting.chair_id):
                raise AccessError(self.env._("Only the Office keeps the list of attendees."))

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._(
            "Absences, grants and invitations are recorded by the workflow."))
        for vals in vals_list:
            if vals.get("user_id") and not vals.get("partner_id"):
                vals["partner_id"] = self.env["res.users"].browse(vals["user_id"]).partner_id.id
        self._check_list_change(self.env["ubnd.meeting"].browse([v["meeting_id"] for v in vals_list if v.get("meeting_id")]))
        return super().create(vals_list)

    def _check_minutes_frozen(self, written=None):
        """Approved minutes hold the attendance as approved: not even the server changes it afterwards."""
        if written is not None and not written - {"report_back_note", "report_back_done", "message_follower_ids",
                                                  "message_ids", "activity_ids"}:
            return
        if self.sudo().meeting_id.minutes_ids.filtered(lambda m: m.state != "draft"):
            raise UserError(self.env._(
                "The minutes of this meeting are approved: its attendance is never changed afterwards; the Office "
                "records a correction on the minutes (000 Đ30.1)."))

    def write(self, vals):
        self._check_minutes_frozen(set(vals))
        if not self.env.su and set(vals) & WORKFLOW_FIELDS:
            raise AccessError(self.env._("Absences, grants and invitations are recorded by the workflow."))
        if not self.env.su and set(vals) - {"report_back_note", "message_follower_ids", "message_ids", "activity_ids"} \
                and self.meeting_id.filtered(lambda m: m.state in ("closed", "cancelled")):
            # The attendance of a held meeting is part of its record (and of its minutes).
            raise UserError(self.env._("The attendance of a closed or cancelled meeting cannot be changed."))
        if not self.env.su:
            allowed_free = {"attendance", "report_back_note"}
            own_request = {"absence_reason", "force_majeure", "substitute_user_id"}
            written = set(vals) - allowed_free
            if written and not (
                written <= own_request and all(
                    a.user_id == self.env.user and a.absence_state in ("none", "refused") for a in self)
            ):
                if written & own_request and self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                    pass  # the Office fills in a request on the member's behalf
                else:
                    self._check_list_change(self.meeting_id)
            if "attendance" in vals:
                self._check_may_record_attendance()
            if "report_back_note" in vals and self.filtered(lambda a: a.user_id != self.env.user):
                self._check_may_record_attendance()
        return super().write(vals)

    def unlink(self):
        self._check_minutes_frozen()
        self._check_list_change(self.meeting_id)
        return super().unlink()

    def _check_may_record_attendance(self):
        user = self.env.user
        for meeting in self.meeting_id:
            if meeting.state in ("closed", "cancelled"):
                raise UserError(self.env._("The attendance of a closed or cancelled meeting cannot be changed."))
            if not (user.has_group("ubnd_quyche.group_ubnd_office") or user == meeting.chair_id
                    or meeting.committee_id._is_chairman(user, meeting.meeting_date)):
                raise AccessError(self.env._("Only the Office or the chair records attendance."))

    # --- Absences and substitutes -----------------------------------------------------------------------------
    def _absence_approvers(self):
        """000 Đ28.1, 001 Đ6.6: the Chairman approves absences from a session; 000 Đ32.4.a, Đ37.1: the chair
        approves absences from other meetings. A substitute at a session needs the consent the profile names
        (000 Đ28.1 ¶2: the Chairman; 001 Đ24.3: the session chair)."""
        self.ensure_one()
        meeting = self.meeting_id
        committee = meeting.committee_id
        chairman = committee.chairman_id | committee._acting_chairman(meeting.meeting_date)
        if not meeting.is_session:
            return meeting.chair_id
        if self.substitute_user_id and meeting.profile_id.session_substitute_consent == "chair":
            return meeting.chair_id
        return chairman

    def action_request_absence(self):
        """The member (or the Office on his behalf) reports the absence and asks for approval."""
        for attendee in self:
            user = self.env.user
            if not (user == attendee.user_id or user.has_group("ubnd_quyche.group_ubnd_office")):
                raise AccessError(self.env._("Only the person invited, or the Office for him, reports an absence."))
            if attendee.role == "substitute":
                raise UserError(self.env._("A substitute does not request an absence; the member he replaces does."))
            if attendee.meeting_id.state in ("open", "closed", "cancelled"):
                raise UserError(self.env._("Report the absence before the meeting starts."))
            if not (attendee.absence_reason or "").strip():
                raise UserError(self.env._("Give the reason for the absence."))
            meeting = attendee.meeting_id
            presides = attendee.user_id in (meeting.chair_id | meeting.committee_id.chairman_id)
            if not meeting.is_session and not attendee.substitute_user_id and not presides:
                raise UserError(self.env._(
                    "Whoever cannot attend a meeting names a competent person to attend in his place (000 Đ32.4.a, "
                    "Đ37.1)."
                ))
            attendee.sudo().write({"absence_state": "requested"})
            approvers = attendee._absence_approvers()
            attendee.meeting_id.sudo()._schedule_todo(
                approvers, self.env._("Absence of %s: approve or refuse", attendee.partner_id.name),
                attendee.meeting_id.meeting_date)
        return True

    def _check_is_approver(self):
        for attendee in self:
            if not (self.env.su or self.env.user in attendee._absence_approvers()):
                raise AccessError(self.env._(
                    "Only the Chairman approves an absence from a session (000 Đ28.1, 001 Đ6.6), and the chair an "
                    "absence from another meeting (000 Đ32.4.a, Đ37.1); a session substitute needs the consent the "
                    "regulation names (000 Đ28.1 ¶2, 001 Đ24.3)."
                ))

    def action_approve_absence(self):
        for attendee in self:
            if attendee.absence_state != "requested":
                raise UserError(self.env._("No absence is awaiting approval."))
            attendee._check_is_approver()
            if attendee.substitute_user_id:
                attendee._check_substitute_allowed()
            attendee.sudo().write({
                "absence_state": "approved", "attendance": "absent",
                "absence_decided_by_id": self.env.user.id, "absence_decided_at": fields.Datetime.now(),
            })
            if attendee.substitute_user_id:
                attendee._add_substitute()
            attendee._close_approval_activities()
        return True

    def action_refuse_absence(self):
        for attendee in self:
            if attendee.absence_state != "requested":
                raise UserError(self.env._("No absence is awaiting approval."))
            attendee._check_is_approver()
            attendee.sudo().write({
                "absence_state": "refused", "absence_decided_by_id": self.env.user.id,
                "absence_decided_at": fields.Datetime.now(),
            })
            attendee.message_post(body=self.env._("The absence is refused: attendance is required."),
                                  partner_ids=attendee.partner_id.ids)
            attendee._close_approval_activities()
        return True

    def _close_approval_activities(self):
        summary = self.env._("Absence of %s: approve or refuse", self.partner_id.name)
        self.meeting_id.sudo().activity_ids.filtered(lambda a: a.summary == summary).action_feedback(
            feedback=self.env._("Decided."))

    def _check_substitute_allowed(self):
        """000 Đ28.1 ¶2: at a city session, only a member heading the military, the police or a specialised
        agency, for force majeure; 001 Đ24.3: any ward member."""
        self.ensure_one()
        meeting = self.meeting_id
        substitute = self.substitute_user_id
        if substitute._ubnd_membership(meeting.committee_id):
            raise UserError(self.env._("A member attends as himself, not in another member's place."))
        if meeting.is_session and self.role == "member":
            if meeting.profile_id.session_substitute_scope == "heads" and not (
                self.member_id.heads_agency and self.force_majeure
            ):
                raise UserError(self.env._(
                    "Only a member who heads the military command, the police or a specialised agency may, for "
                    "force majeure, send someone to a session in his place (000 Đ28.1 ¶2)."
                ))
            deputies = self.member_id.deputy_user_ids
            if meeting.profile_id.session_substitute_scope == "any" and substitute not in deputies:
                raise UserError(self.env._(
                    "A member absent from a session may send only his own deputy (001 Đ24.3): %(name)s is not "
                    "recorded as a deputy of %(member)s in the committee's members.",
                    name=substitute.name, member=self.member_id.name,
                ))

    def _add_substitute(self):
        self.ensure_one()
        meeting = self.meeting_id
        grant = self.env["ubnd.delegation"]
        if meeting.is_session and self.role == "member":
            grant = self._session_proxy_grant()
        existing = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.substitute_user_id.partner_id)
        vals = {"role": "substitute", "substitute_for_id": self.id, "delegation_id": grant.id,
                "user_id": self.substitute_user_id.id}
        if existing:
            existing.sudo().write(vals)
        else:
            self.sudo().create(dict(vals, meeting_id=meeting.id, partner_id=self.substitute_user_id.partner_id.id,
                                    invitation_sent=meeting.state == "invited"))
        if meeting.calendar_event_id and meeting.state == "invited":
            meeting.calendar_event_id.sudo().write({"partner_ids": [(4, self.substitute_user_id.partner_id.id)]})

    def _session_proxy_grant(self):
        """The session-proxy grant of the delegation register for this day: reused or recorded now."""
        self.ensure_one()
        Delegation = self.env["ubnd.delegation"].sudo()
        meeting = self.meeting_id
        day = meeting.meeting_date
        grants = Delegation.search([
            ("committee_id", "=", meeting.committee_id.id), ("kind", "=", "session_proxy"),
            ("grantor_id", "=", self.user_id.id), ("grantee_id", "=", self.substitute_user_id.id),
            ("state", "=", "active"),
        ])._in_force_on(day)
        if grants:
            return grants[:1]
        grant = Delegation.create({
            "committee_id": meeting.committee_id.id, "kind": "session_proxy",
            "grantor_id": self.user_id.id, "grantee_id": self.substitute_user_id.id,
            "date_start": day, "date_end": day,
            "authority_title": self.member_id.signing_title or "ỦY VIÊN",
            "note": self.env._("Attends %(meeting)s in place of %(member)s: %(reason)s", meeting=meeting.name,
                               member=self.partner_id.name, reason=self.absence_reason or ""),
        })
        grant.action_activate()
        return grant

    def action_mark_present(self):
        self._check_may_record_attendance()
        self.sudo().write({"attendance": "present"})
        return True

    def action_mark_absent(self):
        self._check_may_record_attendance()
        self.sudo().write({"attendance": "absent"})
        return True

    def action_report_back(self):
        """000 Đ37.1: the person who attended in someone's place reports the content back to him."""
        for attendee in self:
            if self.env.user != attendee.user_id:
                raise AccessError(self.env._("Only the substitute himself reports back."))
            if attendee.role != "substitute" or not (attendee.report_back_note or "").strip():
                raise UserError(self.env._("Write what you report back to the person you replaced."))
            absent = attendee.substitute_for_id
            attendee.sudo().report_back_done = True
            attendee.meeting_id.sudo().message_post(
                body=self.env._("Report of %(sub)s to %(member)s: %(note)s", sub=attendee.partner_id.name,
                                member=absent.partner_id.name, note=attendee.report_back_note),
                partner_ids=absent.partner_id.ids, subtype_xmlid="mail.mt_comment",
                author_id=self.env.user.partner_id.id,
            )
        return True
