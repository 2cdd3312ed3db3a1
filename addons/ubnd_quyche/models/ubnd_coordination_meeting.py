from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import is_privileged, privileged

# Written by the meeting's own steps only.
WORKFLOW_FIELDS = frozenset({"state", "ended_date", "finalise_deadline", "finalised_date", "finalised_by_id"})
# The dossier is with the Office, before it goes to the Chairman or the Vice-Chairman in charge.
OPEN_SUBMISSION_STATES = ("submitted", "clarification")


class UbndCoordinationMeeting(models.Model):
    """A meeting the Chief of Office holds on a dossier the units still disagree on (001 Đ4.3.e, Đ28.2).

    When a draft, project or matter submitted to the Chairman still meets differing opinions between
    units, the Chairman has the Chief of Office (or his deputy running the Office under a grant in force)
    meet the units to agree one option before the dossier goes to the Chairman or the Vice-Chairman in
    charge. Within the profile's ``coordination_finalise_days`` working days after the meeting ends (ward:
    02) the lead unit finalises the dossier; the Office then files it to the leader. The deadline comes
    from the profile through the working-day engine; a committee whose regulation sets none gets none.

    It lives in the core, next to the submission it serves: the dossier, its lead unit and the Office's
    deadlines are the core's, and tasks and the core never depend on the meetings addon.
    """

    _name = "ubnd.coordination.meeting"
    _description = "Coordination meeting on a dossier"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "meeting_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    submission_id = fields.Many2one(
        "ubnd.submission", string="Dossier", required=True, index=True, ondelete="restrict", tracking=True,
        domain="[('state', 'in', ('submitted', 'clarification'))]",
    )
    committee_id = fields.Many2one(related="submission_id.committee_id", store=True, index=True)
    company_id = fields.Many2one(related="submission_id.company_id", store=True, index=True)
    lead_unit_id = fields.Many2one(related="submission_id.submitting_unit_id", string="Lead unit", store=True)
    unit_ids = fields.Many2many(
        "hr.department", "ubnd_coordination_meeting_unit_rel", "meeting_id", "unit_id",
        string="Units with differing opinions", tracking=True,
    )
    disagreement = fields.Text("Differing opinions", required=True, tracking=True)
    chair_id = fields.Many2one(
        "res.users", string="Chaired by", required=True, tracking=True, default=lambda self: self.env.user,
        help="001 Đ4.3.e, Đ28.2: the Chief of Office, or his deputy running the Office under a grant in force.",
    )
    meeting_date = fields.Date("Meeting day", required=True, default=fields.Date.context_today, tracking=True)
    conclusion = fields.Text("Agreed option", tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held: dossier being finalised"), ("finalised", "Dossier finalised"),
         ("cancelled", "Cancelled")],
        default="planned", required=True, readonly=True, tracking=True, copy=False,
    )
    ended_date = fields.Date("Ended on", readonly=True, copy=False)
    finalise_deadline = fields.Date(
        "Finalise by", readonly=True, copy=False, tracking=True,
        help="001 Đ28.2 — the lead unit finalises the dossier within 02 ngày làm việc after the meeting ends.",
    )
    deadline_set = fields.Boolean(compute="_compute_deadline_set")
    finalised_date = fields.Date("Finalised on", readonly=True, copy=False)
    finalised_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    late_recorded = fields.Boolean("Finalised late", readonly=True, copy=False)
    finalise_late = fields.Boolean("Late", compute="_compute_finalise_late", search="_search_finalise_late")

    # --- Computations ------------------------------------------------------------------------------
    @api.depends("submission_id.name")
    def _compute_name(self):
        for meeting in self:
            meeting.name = self.env._("Coordination meeting: %s", meeting.submission_id.name or "")

    @api.depends("committee_id.profile_id.coordination_finalise_set")
    def _compute_deadline_set(self):
        for meeting in self:
            profile = meeting.committee_id.profile_id
            meeting.deadline_set = bool(profile) and profile.sets_period("coordination_finalise_days")

    @api.depends("finalise_deadline", "finalised_date", "state")
    def _compute_finalise_late(self):
        today = self._today()
        for meeting in self:
            done = meeting.finalised_date or (today if meeting.state == "held" else False)
            meeting.finalise_late = bool(meeting.finalise_deadline and done and done > meeting.finalise_deadline)

    def _search_finalise_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search."))
        today = self._today()
        late = ["&", ("finalise_deadline", "!=", False), "|",
                "&", ("state", "=", "held"), ("finalise_deadline", "<", today),
                "&", ("state", "=", "finalised"), ("late_recorded", "=", True)]
        return late if (operator == "=") == value else ["!", *late]

    def _today(self):
        return self.env["ubnd.workday"].today(self[:1].company_id or None)

    # --- Constraints -------------------------------------------------------------------------------
    @api.constrains("chair_id", "meeting_date", "submission_id")
    def _check_chair(self):
        """001 Đ4.3.e, Đ28.2: only the Chief of Office chairs, or his deputy by a grant in force that day."""
        for meeting in self:
            if not meeting._may_chair(meeting.chair_id):
                raise ValidationError(self.env._(
                    "A coordination meeting is chaired by the Chief of Office, or by his deputy running the Office "
                    "under a grant in force on the meeting day (001 Đ4.3.e, Đ28.2)."
                ))

    def _may_chair(self, user):
        self.ensure_one()
        committee = self.committee_id
        chief = committee.chief_of_office_id
        if not chief or not user:
            return False
        if user == chief:
            return True
        grants = self.env["ubnd.delegation"]._grants_of(user, committee, "unit_deputy", self.meeting_date)
        return bool(grants.filtered(lambda g: g.grantor_id == chief))

    @api.constrains("submission_id")
    def _check_submission_with_the_office(self):
        for meeting in self.filtered(lambda m: m.state == "planned"):
            if meeting.submission_id.state not in OPEN_SUBMISSION_STATES:
                raise ValidationError(self.env._(
                    "A coordination meeting is held on a dossier the Office holds, before it goes to the leader "
                    "(001 Đ28.2)."
                ))

    # --- Writes ------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not is_privileged(self, "ubnd_workflow"):
            if any(WORKFLOW_FIELDS & set(vals) for vals in vals_list):
                raise AccessError(self.env._("A coordination meeting's dates are recorded by its steps."))
            self._check_office()
        return super().create(vals_list)

    def write(self, vals):
        if not is_privileged(self, "ubnd_workflow"):
            if WORKFLOW_FIELDS & set(vals):
                raise AccessError(self.env._("A coordination meeting's dates are recorded by its steps."))
            if set(vals) - {"message_main_attachment_id"}:
                self._check_office()
                if self.filtered(lambda m: m.state not in ("planned", "held")):
                    raise UserError(self.env._("A finalised or cancelled coordination meeting is not changed."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self.filtered(lambda m: m.state != "planned"):
            raise UserError(self.env._("A coordination meeting that was held stays on record; cancel a planned one."))
        return super().unlink()

    def _check_office(self):
        if not (self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")):
            raise AccessError(self.env._("The Office organises coordination meetings (001 Đ28.2, Đ29)."))

    def _check_chairing(self):
        for meeting in self:
            if not (self.env.su or (self.env.user == meeting.chair_id and meeting._may_chair(self.env.user))):
                raise AccessError(self.env._(
                    "Only the Chief of Office chairing the meeting, or his deputy under a grant in force, ends it "
                    "(001 Đ4.3.e, Đ28.2)."
                ))

    def _check_state(self, *states):
        if self.filtered(lambda m: m.state not in states):
            raise UserError(self.env._("This step is not possible in the meeting's current state."))

    # --- Steps -------------------------------------------------------------------------------------
    def action_end(self):
        """The chair ends the meeting with the agreed option: the lead unit's finalising deadline starts
        (001 Đ28.2) and its head finds it in his to-do list."""
        self._check_state("planned")
        self._check_chairing()
        self._end(self._today())
        return True

    def _end(self, day):
        """The meeting ended on ``day``: the finalising deadline counts from it through the working-day engine."""
        for meeting in self:
            if not (meeting.conclusion or "").strip():
                raise UserError(self.env._("Record the option the units agreed on before ending the meeting."))
            profile = meeting.committee_id.profile_id
            deadline = profile.compute_deadline(day, "coordination_finalise_days", meeting.company_id)
            privileged(meeting.sudo(), "ubnd_workflow").write(
                {"state": "held", "ended_date": day, "finalise_deadline": deadline})
            meeting._schedule_finalising(deadline)
            meeting.submission_id.sudo().message_post(body=self.env._(
                "Coordination meeting chaired by %(chair)s ended on %(day)s; agreed option: %(option)s",
                chair=meeting.chair_id.name, day=day.strftime("%d/%m/%Y"), option=meeting.conclusion))

    def _lead_unit_users(self):
        self.ensure_one()
        sub = self.submission_id.sudo()
        return sub.unit_head_user_id | sub.submitter_id | sub.submitting_unit_id.manager_id.user_id

    def _schedule_finalising(self, deadline):
        self.ensure_one()
        sub = self.submission_id.sudo()
        for user in (sub.unit_head_user_id or sub.submitting_unit_id.manager_id.user_id or sub.submitter_id):
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=deadline or self.ended_date, user_id=user.id,
                summary=self.env._("Finalise the dossier after the coordination meeting (001 Đ28.2)"),
            )

    def action_finalise(self):
        """The lead unit states that it has finalised the dossier; lateness is recorded and the Office
        files the dossier to the leader (001 Đ28.2)."""
        self._check_state("held")
        today = self._today()
        for meeting in self:
            if not (self.env.su or self.env.user in meeting._lead_unit_users()):
                raise AccessError(self.env._("Only the lead unit finalises its dossier (001 Đ28.2)."))
            late = bool(meeting.finalise_deadline and today > meeting.finalise_deadline)
            privileged(meeting.sudo(), "ubnd_workflow").write({
                "state": "finalised", "finalised_date": today, "finalised_by_id": self.env.user.id,
                "late_recorded": late,
            })
            meeting.sudo().activity_ids.action_feedback(feedback=self.env._("Dossier finalised."))
            chief = meeting.committee_id.chief_of_office_id
            body = self.env._("The lead unit finalised the dossier on %(day)s after the coordination meeting%(late)s; "
                              "the Office files it to the leader (001 Đ28.2).", day=today.strftime("%d/%m/%Y"),
                              late=self.env._(" (late)") if late else "")
            meeting.sudo().message_post(body=body, partner_ids=chief.partner_id.ids)
            meeting.submission_id.sudo().message_post(body=body)
        return True

    def action_cancel(self):
        self._check_office()
        self._check_state("planned")
        privileged(self.sudo(), "ubnd_workflow").write({"state": "cancelled"})
        return True


class UbndSubmission(models.Model):
    _inherit = "ubnd.submission"

    coordination_meeting_ids = fields.One2many("ubnd.coordination.meeting", "submission_id",
                                               string="Coordination meetings")
    coordination_meeting_count = fields.Integer(compute="_compute_coordination_meeting_count")

    def _compute_coordination_meeting_count(self):
        for sub in self:
            sub.coordination_meeting_count = len(sub.coordination_meeting_ids)

    def action_coordination_meeting(self):
        """The Office opens the dossier's coordination meetings, or plans one (001 Đ4.3.e, Đ28.2)."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Coordination meetings"),
            "res_model": "ubnd.coordination.meeting",
            "view_mode": "list,form",
            "domain": [("submission_id", "=", self.id)],
            "context": {"default_submission_id": self.id},
        }
        if not self.coordination_meeting_ids:
            action.update(view_mode="form", views=[(False, "form")])
        return action
