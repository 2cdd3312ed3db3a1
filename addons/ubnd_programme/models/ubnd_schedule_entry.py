from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import (
    acts_as_chairman, bind_attachments, business_fields, check_committee_kept, check_sane_dates, clamp_day,
    is_office, local_date, refuse_workflow_values, today,
)

DATE_FIELDS = ("start", "stop", "request_date")

KINDS = [
    ("meeting", "Meeting"),
    ("work_request", "Registration to work with a leader"),
    ("invitation", "Invitation of a leader"),
    ("reception", "Reception of domestic guests"),
    ("reception_foreign", "Reception of foreign guests"),
    ("unit_foreign_reception", "Unit's foreign-guest report"),
    ("trip", "Business trip"),
    ("citizen_reception", "Citizen reception"),
    ("session", "Council or committee in session"),
    ("other", "Other activity"),
]
STATES = [
    ("draft", "Draft"),
    ("requested", "Awaiting decision"),
    ("confirmed", "On the schedule"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]
# Requests a leader accepts or declines; the Office notifies the requester and schedules them (000 Đ42.3.a).
REQUEST_KINDS = ("reception", "reception_foreign", "work_request", "invitation")
# Entries only the Office records.
OFFICE_KINDS = ("meeting", "session", "citizen_reception", "other")
DESTINATIONS = [
    ("grassroots", "Grassroots, within the locality"),
    ("other_locality", "Another locality"),
    ("central", "A central ministry or body"),
    ("abroad", "Abroad"),
]
# Set only by the workflow buttons, which check who acts.
WORKFLOW_FIELDS = frozenset({
    "state", "decided_by_id", "decided_date", "chairman_consent_id", "consent_date", "report_sent_date",
    "result_reported_date",
})


class UbndScheduleEntry(models.Model):
    """An entry of the leaders' schedule (lịch công tác) that the Office or a unit records.

    - Registrations to work with the Chairman or a Vice-Chairman, and invitations of a leader to a unit's
      meeting, are made in writing with the Office, urgent ones directly through the Chief of Office
      (000 Đ24.4.b, Đ35; 001 Đ30.2).
    - Reception requests reach the leader at least the profile's notice before (000 Đ42.2, Đ43.2); once the
      leader accepts, the Office notifies the requester and the reception enters the weekly programme
      (000 Đ42.3.a). A head's own foreign-guest reception is reported to the Chairman (000 Đ43.4, 001 Đ32.3).
    - Business trips of Vice-Chairmen and heads need the Chairman's consent where 000 Đ44.2, Đ44.4 (001 Đ33.1,
      Đ33.3) require it, and members and heads do not travel while the People's Council or the committee is in
      session unless the Chairman agrees (000 Đ44.6): an overlapping trip is refused without his consent.
    - Session periods (People's Council or committee) are entries the Office records; the Chairman's citizen
      reception days are entries too (000 Đ45.3).
    """

    _name = "ubnd.schedule.entry"
    _description = "Schedule entry"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "start desc, id desc"
    _mail_post_access = "read"

    name = fields.Char("Subject", required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="meeting", tracking=True, index=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    start = fields.Datetime(required=True, tracking=True, default=lambda self: fields.Datetime.now())
    stop = fields.Datetime(required=True, tracking=True, default=lambda self: fields.Datetime.now() + timedelta(hours=2))
    allday = fields.Boolean("All day")
    date = fields.Date("Day", compute="_compute_date", store=True, index=True)
    location = fields.Char(tracking=True)
    description = fields.Text("Content")
    leader_ids = fields.Many2many(
        "res.users", "ubnd_schedule_entry_leader_rel", "entry_id", "user_id", string="Leaders",
        help="The Chairman or Vice-Chairmen whose schedule shows this entry (000 Đ21.2.d). Empty for a period "
        "that concerns everyone, such as a session.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    event_id = fields.Many2one("calendar.event", string="Calendar event", copy=False, index=True,
                               help="The calendar event this entry stands for, if any.")

    # --- Requests (registrations, invitations, receptions) ----------------------------------------------
    requesting_unit_id = fields.Many2one("hr.department", string="Requesting unit", index=True,
                                         domain="[('ubnd_committee_id', '=', committee_id)]")
    requester_partner_id = fields.Many2one("res.partner", string="Requester",
                                           help="An outside body, enterprise or person who made the request.")
    request_date = fields.Date("Request received", default=fields.Date.context_today, tracking=True)
    request_reference = fields.Char("Written request", help="Number and date of the written request or registration.")
    leader_invited = fields.Boolean(
        "Invited by the leader", help="000 Đ42.1.a — the Chairman or Vice-Chairman invites the guests directly, or on "
        "the direction of a competent authority: no request is needed.",
    )
    urgent = fields.Boolean(help="000 Đ35, 001 Đ30.2 — urgent matters go directly through the Chief of Office.")
    request_deadline = fields.Date("Request due by", compute="_compute_request_deadline",
                                   help="000 Đ42.2, Đ43.2 — the latest day the request may reach the leader.")
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    decided_date = fields.Date("Decided on", readonly=True, copy=False)
    decision_note = fields.Text("Leader's opinion")

    # --- Receptions (000 Đ42–43) ------------------------------------------------------------------------------
    reception_form = fields.Selection([("courtesy", "Courtesy visit"), ("working", "Working session")], "Form")
    guest_count = fields.Integer("Number of guests")
    guest_composition = fields.Text("Delegation", help="000 Đ43.2 — composition and a short profile of each member.")
    guest_programme = fields.Text("Guests' programme", help="000 Đ42.2, Đ43.2 — the guests' activities in the locality.")
    guest_country_id = fields.Many2one("res.country", string="Guests' country")
    has_proposals = fields.Boolean("Carries proposals", help="000 Đ43.2 — proposals or recommendations to the leader.")
    proposals = fields.Text()
    result = fields.Text("Result", help="001 Đ32.3 — the result of a unit's reception of foreign guests.")
    report_sent_date = fields.Date("Report sent", readonly=True, copy=False)

    # --- Business trips (000 Đ44, 001 Đ33) ------------------------------------------------------------------
    traveller_id = fields.Many2one("res.users", string="Traveller", index=True, tracking=True)
    destination_type = fields.Selection(DESTINATIONS, "Destination", tracking=True)
    destination = fields.Char("Place")
    purpose = fields.Text("Report and purpose", help="000 Đ44.2, Đ44.4 — the written report to the Chairman.")
    plan = fields.Text("Plan", help="000 Đ44.2 — grassroots trips are planned in advance.")
    deputy_user_id = fields.Many2one(
        "res.users", string="Deputy in charge",
        help="001 Đ33.1 — a unit head leaving the ward authorises his deputy for the period of absence.",
    )
    on_chairman_direction = fields.Boolean(
        "On the Chairman's direction", help="000 Đ44.5 — on return the traveller reports the results to the Chairman "
        "or the Vice-Chairman in charge.",
    )
    consent_required = fields.Boolean("Needs the Chairman's consent", compute="_compute_trip_rules")
    consent_reason = fields.Char(compute="_compute_trip_rules")
    session_overlap_ids = fields.Many2many("ubnd.schedule.entry", compute="_compute_trip_rules",
                                           string="Sessions during the trip")
    chairman_consent_id = fields.Many2one("res.users", string="Chairman's consent", readonly=True, copy=False,
                                          tracking=True)
    consent_date = fields.Date(readonly=True, copy=False)
    result_note = fields.Text("Results of the trip")
    result_reported_date = fields.Date("Results reported", readonly=True, copy=False)

    # --- Sessions (000 Đ44.6) -----------------------------------------------------------------------------
    session_body = fields.Selection([("council", "People's Council"), ("committee", "People's Committee")],
                                    "Body in session")

    # --- Computations ---------------------------------------------------------------------------------------
    @api.depends("start", "committee_id")
    def _compute_date(self):
        for entry in self:
            entry.date = local_date(entry.committee_id, entry.start)

    @api.depends("kind", "start", "has_proposals", "leader_invited", "committee_id.profile_id.reception_request_days",
                 "committee_id.profile_id.reception_notice_scope")
    def _compute_request_deadline(self):
        for entry in self:
            entry.request_deadline = entry._needs_reception_notice() and entry.committee_id.profile_id.compute_advance_deadline(
                entry.date, "reception_request_days", entry.committee_id.company_id) or False

    def _needs_reception_notice(self):
        """000 Đ42.2 domestic requests; 000 Đ43.2 foreign partners' requests carrying proposals (A16)."""
        self.ensure_one()
        profile = self.committee_id.profile_id
        if self.leader_invited or not self.date or profile.reception_notice_scope != "requests":
            return False
        return self.kind == "reception" or (self.kind == "reception_foreign" and self.has_proposals)

    def _traveller_roles(self):
        """What the traveller is for the committee: chairman, vice_chairman, member, head (of a department or
        the Office), commune_chair (head of a lower-level committee)."""
        self.ensure_one()
        committee, user = self.committee_id.sudo(), self.traveller_id
        member = user.sudo()._ubnd_membership(committee) if user else self.env["ubnd.committee.member"]
        headed = committee.unit_ids.filtered(lambda u: user and u.manager_id.user_id == user)
        return {
            "chairman": member.role == "chairman",
            "vice_chairman": member.role == "vice_chairman",
            "member": bool(member),
            "head": bool(headed.filtered(lambda u: u.ubnd_unit_kind != "commune")),
            "commune_chair": bool(headed.filtered(lambda u: u.ubnd_unit_kind == "commune")),
        }

    def _sessions_during(self):
        self.ensure_one()
        if not (self.start and self.stop):
            return self.browse()
        return self.sudo().search([
            ("kind", "=", "session"), ("state", "=", "confirmed"), ("committee_id", "=", self.committee_id.id),
            ("start", "<", self.stop), ("stop", ">", self.start), ("id", "!=", self.id or 0),
        ])

    @api.depends("kind", "traveller_id", "destination_type", "start", "stop", "committee_id")
    def _compute_trip_rules(self):
        for entry in self:
            entry.consent_required, entry.consent_reason = False, False
            entry.session_overlap_ids = self.browse()
            if entry.kind != "trip" or not entry.traveller_id:
                continue
            reasons = entry._consent_reasons()
            entry.session_overlap_ids = entry._sessions_during() if "session" in reasons else self.browse()
            entry.consent_required = bool(reasons)
            entry.consent_reason = "; ".join(reasons.values()) or False

    def _consent_reasons(self):
        """Why the Chairman must agree to this trip: {'destination'|'session': sentence}."""
        self.ensure_one()
        profile = self.committee_id.profile_id
        roles = self._traveller_roles()
        reasons = {}
        if roles["chairman"]:
            return reasons
        if self.destination_type == "abroad" and (roles["vice_chairman"] or roles["head"] or roles["commune_chair"]):
            reasons["destination"] = self.env._("a trip abroad (000 Đ44.4, 001 Đ33.3)")
        elif self.destination_type in ("other_locality", "central"):
            if profile.trip_consent_scope == "vc_heads_outside_locality" and (roles["vice_chairman"] or roles["head"]):
                reasons["destination"] = self.env._("a trip to another locality or a central body (000 Đ44.2)")
            elif profile.trip_consent_scope == "heads_outside_commune" and roles["head"]:
                reasons["destination"] = self.env._("a head's trip outside the commune (001 Đ33.1)")
        if profile.session_travel_restricted and (roles["member"] or roles["head"]) and self._sessions_during():
            reasons["session"] = self.env._(
                "the People's Council or the committee is in session (000 Đ44.6)")
        return reasons

    @api.model
    def _citizen_reception_shortfall(self, committee, month_start):
        """How many more days the Chairman must receive citizens in person in the month (000 Đ45.3)."""
        required = committee.profile_id.citizen_reception_days_per_month
        if not required or not committee.chairman_id:
            return 0
        month_end = clamp_day(month_start.year, month_start.month, 31)
        entries = self.sudo().search([
            ("committee_id", "=", committee.id), ("kind", "=", "citizen_reception"), ("state", "=", "confirmed"),
            ("leader_ids", "in", committee.chairman_id.ids),
            ("date", ">=", month_start), ("date", "<=", month_end),
        ])
        return max(0, required - len(set(entries.mapped("date"))))

    # --- Constraints -------------------------------------------------------------------------------------------
    @api.constrains("start", "stop")
    def _check_dates(self):
        for entry in self:
            if entry.stop < entry.start:
                raise ValidationError(self.env._("An activity cannot end before it starts."))

    @api.constrains("kind", "traveller_id", "destination_type", "session_body", "leader_ids")
    def _check_kind_fields(self):
        for entry in self:
            if entry.kind == "trip" and not (entry.traveller_id and entry.destination_type):
                raise ValidationError(self.env._("A business trip states its traveller and destination (000 Đ44)."))
            if entry.kind == "session" and not entry.session_body:
                raise ValidationError(self.env._("State which body is in session: the People's Council or the committee."))
            if entry.kind == "citizen_reception" and not entry.leader_ids:
                raise ValidationError(self.env._("State the leader who receives citizens (000 Đ45.3)."))

    @api.constrains("state", "start", "stop", "traveller_id", "destination_type", "chairman_consent_id")
    def _check_trip_consent(self):
        """000 Đ44.2, Đ44.4, Đ44.6; 001 Đ33.1, Đ33.3: a trip needing the Chairman's consent is not scheduled
        without it — in particular while the People's Council or the committee is in session."""
        for entry in self.filtered(lambda e: e.kind == "trip" and e.state == "confirmed"):
            reasons = entry._consent_reasons()
            if reasons and not entry.chairman_consent_id:
                if "session" in reasons:
                    sessions = entry._sessions_during()
                    raise ValidationError(self.env._(
                        "%(traveller)s cannot travel from %(start)s to %(end)s: %(session)s is in session. Members and "
                        "heads do not travel during a session of the People's Council or the People's Committee unless "
                        "the Chairman agrees (000 Đ44.6).",
                        traveller=entry.traveller_id.name, start=entry.date.strftime("%d/%m/%Y"),
                        end=local_date(entry.committee_id, entry.stop).strftime("%d/%m/%Y"),
                        session=", ".join(sessions.mapped("name")),
                    ))
                raise ValidationError(self.env._(
                    "%(traveller)s needs the Chairman's consent for %(reason)s.",
                    traveller=entry.traveller_id.name, reason="; ".join(reasons.values()),
                ))

    # --- Access ---------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._(
            "The state of a schedule entry changes only through its buttons."))
        for vals in vals_list:
            check_sane_dates(self, vals, DATE_FIELDS)
            if not self.env.su and vals.get("kind", "meeting") in OFFICE_KINDS and not is_office(self.env):
                raise AccessError(self.env._(
                    "Meetings, session periods and citizen-reception days are recorded by the Office."))
        entries = super().create(vals_list)
        bind_attachments(entries, "attachment_ids")
        return entries

    def write(self, vals):
        fields_written = business_fields(vals)
        check_committee_kept(self, vals)
        check_sane_dates(self, vals, DATE_FIELDS)
        if not self.env.su and fields_written:
            if fields_written & WORKFLOW_FIELDS:
                raise AccessError(self.env._("The state of a schedule entry changes only through its buttons."))
            if not is_office(self.env):
                if vals.get("kind") in OFFICE_KINDS or any(e.kind in OFFICE_KINDS for e in self):
                    raise AccessError(self.env._(
                        "Meetings, session periods and citizen-reception days are recorded by the Office."))
                if any(e.state != "draft" for e in self) and fields_written - {"result_note", "result", "attachment_ids"}:
                    raise UserError(self.env._("A request that has been sent is changed through the Office."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            bind_attachments(self, "attachment_ids")
        if {"start", "stop", "state"} & set(vals):
            self.filtered(lambda e: e.kind == "session" and e.state == "confirmed")._warn_trips_during_session()
        return res

    def unlink(self):
        """A request that was sent, decided or put on the schedule stays on the record: it is cancelled instead."""
        if any(entry.state != "draft" for entry in self):
            raise UserError(self.env._("Only a draft entry can be deleted; cancel it instead."))
        return super().unlink()

    # --- Workflow -----------------------------------------------------------------------------------------------------
    def _check_state(self, *states):
        for entry in self:
            if entry.state not in states:
                raise UserError(self.env._("This step is not possible for “%(name)s” in its current state.",
                                           name=entry.name))

    def _check_request(self):
        """Checks made when a request or a trip is sent."""
        self.ensure_one()
        committee = self.committee_id
        if self.kind in ("work_request", "invitation"):
            # 000 Đ24.4.b, Đ35; 001 Đ30.2: in writing with the Office, in advance; urgent ones through the Chief of Office.
            if self.urgent:
                if self.env.user != committee.chief_of_office_id:
                    raise ValidationError(self.env._(
                        "An urgent registration goes directly through the Chief of Office (000 Đ35, 001 Đ30.2)."))
            else:
                if not (self.request_reference or self.attachment_ids):
                    raise ValidationError(self.env._(
                        "A registration to work with the Chairman or a Vice-Chairman, or an invitation to a meeting, "
                        "is made in writing with the Office: give the written request (000 Đ24.4.b, Đ35; 001 Đ30.2)."))
                if self.request_date and self.date and self.request_date >= self.date:
                    raise ValidationError(self.env._(
                        "A registration is made in advance, before the day of the meeting (000 Đ35, 001 Đ30.2)."))
        if self.kind in ("reception", "reception_foreign"):
            missing = [self._fields[f]._description_string(self.env) for f in ("description", "reception_form", "location")
                       if not self[f]]
            if not self.guest_count:
                missing.append(self._fields["guest_count"]._description_string(self.env))
            if self.kind == "reception_foreign":
                missing += [self._fields[f]._description_string(self.env) for f in ("guest_composition", "guest_programme")
                            if not self[f]]
            if missing:
                raise ValidationError(self.env._(
                    "A reception request states the content, form, number of guests, time and place (000 Đ42.2, Đ43.2); "
                    "missing: %(fields)s.", fields=", ".join(missing)))
            if self._needs_reception_notice() and self.request_date and self.request_date > self.request_deadline:
                raise ValidationError(self.env._(
                    "A request to receive guests reaches the Chairman or Vice-Chairman at least %(days)s working days "
                    "before the reception: for %(day)s it was due by %(deadline)s (000 Đ42.2, Đ43.2).",
                    days=committee.profile_id.reception_request_days, day=self.date.strftime("%d/%m/%Y"),
                    deadline=self.request_deadline.strftime("%d/%m/%Y")))
            if not self.leader_ids:
                raise ValidationError(self.env._("Name the Chairman or Vice-Chairman asked to receive the guests."))
        if self.kind == "trip":
            roles = self._traveller_roles()
            reasons = self._consent_reasons()
            scope = committee.profile_id.trip_consent_scope
            if reasons.get("destination") and not self.purpose:
                raise ValidationError(self.env._(
                    "Report the trip in writing to the Chairman: give its purpose (000 Đ44.2, Đ44.4; 001 Đ33.1, Đ33.3)."))
            if (scope == "vc_heads_outside_locality" and self.destination_type == "grassroots"
                    and (roles["vice_chairman"] or roles["head"]) and not self.plan):
                raise ValidationError(self.env._("A grassroots trip is planned in advance: give its plan (000 Đ44.2)."))
            if (scope == "heads_outside_commune" and roles["head"] and self.destination_type != "grassroots"
                    and not self.deputy_user_id):
                raise ValidationError(self.env._(
                    "A unit head leaving the commune authorises his deputy for the absence (001 Đ33.1)."))

    def action_request(self):
        """Send the request to the leader (registrations, invitations, receptions) or the trip to the Chairman."""
        for entry in self:
            entry._check_state("draft")
            if entry.kind in OFFICE_KINDS or entry.kind == "unit_foreign_reception":
                raise UserError(self.env._("This entry is not a request."))
            entry._check_request()
            if entry.kind == "trip" and not entry._consent_reasons():
                entry.sudo().write({"state": "confirmed"})
                continue
            entry.sudo().write({"state": "requested"})
            deciders = entry.committee_id.chairman_id if entry.kind == "trip" else entry.leader_ids
            for user in deciders:
                entry.activity_schedule("mail.mail_activity_data_todo", user_id=user.id, date_deadline=entry.date,
                                        summary=self.env._("Decide: %(name)s", name=entry.name))
        return True

    def _check_may_decide(self):
        for entry in self:
            committee = entry.committee_id
            if entry.kind == "trip":
                if not acts_as_chairman(self.env, committee):
                    raise AccessError(self.env._(
                        "Only the Chairman consents to this business trip (000 Đ44.2, Đ44.4, Đ44.6)."))
            elif not (self.env.user in entry.leader_ids or acts_as_chairman(self.env, committee) or is_office(self.env)):
                raise AccessError(self.env._("The leader asked, the Chairman or the Office records the decision."))

    def action_accept(self):
        """The leader accepts: the Office notifies the requester and the entry enters the weekly programme
        (000 Đ42.3.a); for a trip, the Chairman's consent (000 Đ44.2, Đ44.4, Đ44.6)."""
        self._check_state("requested")
        self._check_may_decide()
        for entry in self:
            vals = {"state": "confirmed", "decided_by_id": self.env.user.id, "decided_date": today(self)}
            if entry.kind == "trip":
                vals.update(chairman_consent_id=self.env.user.id, consent_date=today(self))
            entry.sudo().write(vals)
            entry.sudo().activity_ids.action_done()
            entry._notify_requester(self.env._("Accepted: %(name)s on %(day)s. It is in the weekly programme.",
                                               name=entry.name, day=entry.date.strftime("%d/%m/%Y")))
        return True

    def action_decline(self):
        self._check_state("requested")
        self._check_may_decide()
        self.sudo().write({"state": "declined", "decided_by_id": self.env.user.id, "decided_date": today(self)})
        for entry in self:
            entry.sudo().activity_ids.action_done()
            entry._notify_requester(self.env._("Declined: %(name)s. %(note)s", name=entry.name,
                                               note=entry.decision_note or ""))
        return True

    def action_confirm(self):
        """The Office puts an entry on the schedule (meetings, session periods, citizen reception, or a trip that
        needs no consent)."""
        if not is_office(self.env):
            raise AccessError(self.env._("The Office puts entries on the leaders' schedule."))
        for entry in self:
            entry._check_state("draft")
            if entry.kind in REQUEST_KINDS or entry.kind == "unit_foreign_reception":
                raise UserError(self.env._("A request is decided by the leader it is addressed to."))
            if entry.kind == "trip":
                entry._check_request()
            entry.sudo().write({"state": "confirmed"})
        return True

    def action_cancel(self):
        for entry in self:
            if not (is_office(self.env) or entry.create_uid == self.env.user or entry.traveller_id == self.env.user):
                raise AccessError(self.env._("The Office or the requester cancels an entry."))
        self.sudo().write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        if not is_office(self.env):
            raise AccessError(self.env._("The Office puts entries on the leaders' schedule."))
        self._check_state("declined", "cancelled", "requested")
        self.sudo().write({"state": "draft", "chairman_consent_id": False, "consent_date": False})
        return True

    def action_report_result(self):
        """000 Đ44.5: back from a trip made on the Chairman's direction, report the results to the Chairman or the
        Vice-Chairman in charge."""
        for entry in self:
            if entry.kind != "trip" or entry.state != "confirmed":
                raise UserError(self.env._("Results are reported for a scheduled business trip."))
            if self.env.user != entry.traveller_id and not is_office(self.env):
                raise AccessError(self.env._("The traveller reports the results of his trip."))
            if not entry.result_note:
                raise ValidationError(self.env._("Write the results of the trip."))
            entry.sudo().write({"result_reported_date": today(self)})
            recipients = entry.committee_id.chairman_id | entry.leader_ids
            entry.message_post(body=self.env._("Results of the trip: %(result)s", result=entry.result_note),
                               partner_ids=recipients.partner_id.ids, subtype_xmlid="mail.mt_comment")
        return True

    def action_send_report(self):
        """000 Đ43.4, 001 Đ32.3: a head reports his unit's reception of foreign guests in writing to the Chairman,
        copied to the Department of Foreign Affairs (if any) and the Office."""
        for entry in self:
            if entry.kind != "unit_foreign_reception":
                raise UserError(self.env._("Only a unit's foreign-guest report is sent this way."))
            entry._check_state("draft")
            timing = entry.committee_id.profile_id.foreign_guest_report_timing
            missing = [entry._fields[f]._description_string(self.env) for f in ("guest_composition", "description")
                       if not entry[f]]
            if timing == "after" and not entry.result:
                missing.append(entry._fields["result"]._description_string(self.env))
            if missing:
                raise ValidationError(self.env._(
                    "The report on foreign guests states the guests, the content and the time%(result)s; missing: "
                    "%(fields)s (000 Đ43.4, 001 Đ32.3).",
                    result=self.env._(" and the result") if timing == "after" else "", fields=", ".join(missing)))
            now = fields.Datetime.now()
            if timing == "before" and entry.start < now:
                raise ValidationError(self.env._(
                    "The head reports the planned reception of foreign guests before it takes place (000 Đ43.4)."))
            if timing == "after" and entry.start > now:
                raise ValidationError(self.env._(
                    "The head reports the reception of foreign guests and its result after it took place (001 Đ32.3)."))
            committee = entry.committee_id.sudo()
            protocol = committee._protocol_unit()
            recipients = committee.chairman_id | protocol.manager_id.user_id | committee._office_users()
            entry.sudo().write({"state": "confirmed", "report_sent_date": today(self)})
            entry.message_post(
                body=self.env._("Report on the reception of foreign guests sent to the Chairman, copied to %(units)s.",
                                units=", ".join((protocol | committee.office_unit_id).mapped("name"))),
                partner_ids=recipients.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )
        return True

    # --- Helpers ---------------------------------------------------------------------------------------------------
    def _notify_requester(self, body):
        """000 Đ42.3.a: the Office promptly tells the requester the leader's opinion."""
        self.ensure_one()
        partners = self.requester_partner_id | self.create_uid.partner_id | self.requesting_unit_id.manager_id.user_id.partner_id
        office = self.committee_id.chief_of_office_id or self.committee_id._office_users()[:1]
        self.sudo().message_post(body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment",
                                 author_id=(office or self.env.user).partner_id.id)

    def _warn_trips_during_session(self):
        """A session recorded over trips already scheduled: the Chairman is asked to decide (000 Đ44.6)."""
        for session in self:
            trips = self.sudo().search([
                ("kind", "=", "trip"), ("state", "=", "confirmed"), ("committee_id", "=", session.committee_id.id),
                ("start", "<", session.stop), ("stop", ">", session.start), ("chairman_consent_id", "=", False),
            ])
            for trip in trips.filtered(lambda t: "session" in t._consent_reasons()):
                trip.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=session.committee_id.chairman_id.id or self.env.uid,
                    date_deadline=trip.date,
                    summary=self.env._("Trip during %(session)s: consent or cancel (000 Đ44.6)", session=session.name))

    @api.model
    def _cron_check_citizen_reception(self):
        """On the first working day of a month, tell the Office when the Chairman has no citizen-reception day
        scheduled yet for the month (000 Đ45.3)."""
        now = today(self)
        month_start = now.replace(day=1)
        workday = self.env["ubnd.workday"]
        for committee in self.env["ubnd.committee"].search([]):
            first = workday.working_day_on_or_after(month_start, company=committee.company_id)
            if now != first or not self._citizen_reception_shortfall(committee, month_start):
                continue
            office = committee.chief_of_office_id or committee._office_users()[:1]
            programme = self.env["ubnd.programme"].search([
                ("committee_id", "=", committee.id), ("kind", "=", "month"), ("date_start", "=", month_start)], limit=1)
            target = programme or committee
            target.message_post(
                body=self.env._("The Chairman has no citizen-reception day scheduled this month: at least %(count)s "
                                "day(s) in person are required (000 Đ45.3).",
                                count=committee.profile_id.citizen_reception_days_per_month),
                partner_ids=office.partner_id.ids, subtype_xmlid="mail.mt_comment",
            )
