import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .common import local_date, refuse_workflow_values

# What the Office writes on draft minutes; everything else is recorded by the workflow.
DRAFT_FIELDS = {"secretary_id", "opening", "course", "conclusions"}
CHATTER_FIELDS = {"message_follower_ids", "message_ids", "activity_ids"}
# What locking adds to approved minutes (the only change approved minutes ever get).
LOCK_FIELDS = {"state", "locked_by_id", "locked_at", "pdf_attachment_id"}
WORKFLOW_FIELDS = {"state", "chief_office_confirmed_by_id", "chief_office_confirmed_at", "approved_by_id",
                   "approved_at", "locked_by_id", "locked_at", "pdf_attachment_id"}


class UbndMeetingMinutes(models.Model):
    """Minutes (biên bản) of a session or meeting: draft → approved → locked.

    000 Đ30.1, 001 Đ25.7.a: all opinions expressed, the course of the meeting, the chair's conclusions
    and the vote results. 001 Đ25.7.a: confirmed by the Chief of Office's signature. 000 Đ26.4.d: for an
    online or hybrid session the Office keeps electronic minutes, confirms the vote results and stores
    them with the session's data. 000 Đ32.2.đ: a working meeting's minutes, with the recording the chair
    directed. Locked minutes carry their PDF in the Decree 30/2020 layout (Mẫu 1.9) and never change.
    """

    _name = "ubnd.meeting.minutes"
    _description = "Minutes"
    _inherit = ["mail.thread"]
    _order = "id desc"

    meeting_id = fields.Many2one("ubnd.meeting", required=True, ondelete="restrict", index=True, readonly=True)
    name = fields.Char(compute="_compute_name", store=True)
    committee_id = fields.Many2one(related="meeting_id.committee_id", store=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_kind = fields.Selection(related="meeting_id.kind")
    is_session = fields.Boolean(related="meeting_id.is_session")
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved"), ("locked", "Locked")],
                             default="draft", required=True, readonly=True, tracking=True)
    secretary_id = fields.Many2one("res.users", string="Secretary", default=lambda self: self.env.user, tracking=True)
    opening = fields.Html("Opening report")
    course = fields.Html("Course of the meeting")
    conclusions = fields.Html("Chair's conclusions")
    electronic = fields.Boolean(compute="_compute_electronic", store=True,
                                help="000 Đ26.4.d: electronic minutes of an online or hybrid session.")
    chief_office_confirmation_required = fields.Boolean(
        related="meeting_id.profile_id.minutes_chief_office_confirmation")
    chief_office_confirmed_by_id = fields.Many2one("res.users", readonly=True)
    chief_office_confirmed_at = fields.Datetime(readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_at = fields.Datetime(readonly=True)
    locked_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    locked_at = fields.Datetime(readonly=True)
    pdf_attachment_id = fields.Many2one("ir.attachment", string="PDF", readonly=True)
    item_ids = fields.One2many(related="meeting_id.item_ids")
    attendee_ids = fields.One2many(related="meeting_id.attendee_ids")
    correction_ids = fields.One2many("ubnd.meeting.minutes.correction", "minutes_id", string="Corrections",
                                     readonly=True)

    _meeting_unique = models.Constraint("UNIQUE(meeting_id)", "A meeting has one set of minutes.")

    @api.depends("meeting_id.name")
    def _compute_name(self):
        for minutes in self:
            minutes.name = self.env._("Minutes: %s", minutes.meeting_id.name or "")

    @api.depends("meeting_id.meeting_form")
    def _compute_electronic(self):
        for minutes in self:
            minutes.electronic = minutes.meeting_id.meeting_form in ("online", "hybrid")

    @api.model_create_multi
    def create(self, vals_list):
        self = refuse_workflow_values(self, vals_list, WORKFLOW_FIELDS, self.env._(
            "Approval and locking of the minutes are recorded by the workflow."))
        for vals in vals_list:
            meeting = self.env["ubnd.meeting"].browse(vals["meeting_id"])
            vals.setdefault("secretary_id", (meeting.secretary_id or self.env.user).id)
            vals.setdefault("opening", meeting.opening_report)
            vals.setdefault("course", meeting.course)
            vals.setdefault("conclusions", meeting.conclusion)
        return super().create(vals_list)

    def write(self, vals):
        written = set(vals) - CHATTER_FIELDS
        if written:
            self._check_frozen(written, vals)
        if written and not self.env.su:
            if written - DRAFT_FIELDS:
                raise AccessError(self.env._("Approval and locking of the minutes are recorded by the workflow."))
            if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
                raise AccessError(self.env._("The Office keeps the minutes (000 Đ30.1)."))
        return super().write(vals)

    def _check_frozen(self, written, vals):
        """Approved minutes never change, not even from the server: only locking adds the filed PDF."""
        locking = not written - LOCK_FIELDS and vals.get("state", "locked") == "locked"
        for minutes in self:
            if minutes.state == "locked" or (minutes.state == "approved" and not locking):
                raise UserError(self.env._(
                    "Approved or locked minutes cannot be changed: the Office records a correction instead "
                    "(000 Đ30.1)."))

    def unlink(self):
        if self.filtered(lambda m: m.state != "draft"):
            raise UserError(self.env._("Approved or locked minutes cannot be deleted."))
        return super().unlink()

    # --- Content checks ----------------------------------------------------------------------------------
    def _check_complete(self):
        """000 Đ30.1: opinions, the course, the chair's conclusions and the vote results are recorded."""
        self.ensure_one()
        meeting = self.meeting_id
        if meeting.state != "closed":
            raise UserError(self.env._("Minutes are approved once the meeting is closed."))
        if not (self.course and self._text(self.course)):
            raise UserError(self.env._("Record the course of the meeting (000 Đ30.1)."))
        if not (self.conclusions and self._text(self.conclusions)):
            raise UserError(self.env._("Record the chair's conclusions (000 Đ30.1)."))
        votes = meeting.vote_ids
        if votes.filtered(lambda v: v.state != "closed"):
            raise UserError(self.env._("Every vote must be closed with its result (000 Đ30.1)."))
        if meeting.item_ids.filtered(lambda i: i.item_type == "decision" and i.state == "decided" and not i.opinion_ids):
            raise UserError(self.env._("Record the opinions expressed on each matter decided (000 Đ30.1, Đ29.3.b)."))
        if self.electronic and votes.filtered(lambda v: not v.results_confirmed_by_id):
            raise UserError(self.env._(
                "The Office confirms the vote results of an online session before its minutes are approved (000 Đ26.4.d)."))
        if meeting.recording_requested and not meeting.recording_attachment_ids:
            raise UserError(self.env._("The chair directed an audio recording: attach it first (000 Đ32.2.đ)."))

    @staticmethod
    def _text(html):
        from markupsafe import Markup
        return Markup(html).striptags().strip()

    # --- Workflow ------------------------------------------------------------------------------------------
    def action_confirm_chief_office(self):
        """001 Đ25.7.a: the Chief of Office confirms the minutes with his signature."""
        for minutes in self:
            if self.env.user != minutes.committee_id.chief_of_office_id:
                raise AccessError(self.env._("Only the Chief of Office confirms the minutes (001 Đ25.7.a)."))
            if minutes.state != "draft":
                raise UserError(self.env._("Only draft minutes are confirmed."))
            minutes._check_complete()
            minutes.sudo().write({"chief_office_confirmed_by_id": self.env.user.id,
                                  "chief_office_confirmed_at": fields.Datetime.now()})
        return True

    def action_approve(self):
        """The chair (chủ tọa) approves the minutes he signs with the secretary (Decree 30/2020, Mẫu 1.9)."""
        for minutes in self:
            meeting = minutes.meeting_id
            if self.env.user not in (meeting.chair_id | meeting.committee_id.chairman_id):
                raise AccessError(self.env._("The chair approves the minutes."))
            if minutes.state != "draft":
                raise UserError(self.env._("Only draft minutes are approved."))
            minutes._check_complete()
            if minutes.chief_office_confirmation_required and not minutes.chief_office_confirmed_by_id:
                raise UserError(self.env._("The Chief of Office confirms the minutes first (001 Đ25.7.a)."))
            minutes.sudo().write({"state": "approved", "approved_by_id": self.env.user.id,
                                  "approved_at": fields.Datetime.now()})
        return True

    def action_record_correction(self):
        """Open the form of a correction: approved minutes are corrected by a new act, never rewritten."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "res_model": "ubnd.meeting.minutes.correction", "view_mode": "form",
            "target": "new", "context": {"default_minutes_id": self.id},
        }

    def action_lock(self):
        """The Office locks approved minutes and stores their PDF with the meeting (000 Đ26.4.d–đ)."""
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("The Office keeps the minutes (000 Đ30.1)."))
        for minutes in self:
            if minutes.state != "approved":
                raise UserError(self.env._("Only approved minutes are locked."))
            content, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(
                "ubnd_meetings.action_report_minutes", minutes.ids)
            attachment = self.env["ir.attachment"].sudo().create({
                "name": "%s.pdf" % minutes.name,
                "datas": base64.b64encode(content),
                "res_model": "ubnd.meeting",
                "res_id": minutes.meeting_id.id,
                "mimetype": "application/pdf",
            })
            minutes.sudo().write({"state": "locked", "locked_by_id": self.env.user.id,
                                  "locked_at": fields.Datetime.now(), "pdf_attachment_id": attachment.id})
            minutes.meeting_id.message_post(body=self.env._("Minutes locked."), attachment_ids=attachment.ids)
        return True

    # --- Printing helpers (Decree 30/2020) -------------------------------------------------------------------
    def _nd30_issuer_lines(self):
        """The committee's name on two upper-case lines: ỦY BAN NHÂN DÂN / THÀNH PHỐ HẢI PHÒNG."""
        self.ensure_one()
        name = (self.committee_id.name or "").upper()
        head = "ỦY BAN NHÂN DÂN"
        if name.startswith(head):
            return [head, name[len(head):].strip()]
        return [name]

    def _nd30_date_parts(self, dt):
        day = local_date(dt, self.meeting_id._tz()) if dt else False
        if not day:
            return {"day": "…", "month": "…", "year": "…", "time": "…"}
        local = fields.Datetime.context_timestamp(self.with_context(tz=self.meeting_id._tz()), dt)
        return {
            "day": "%02d" % day.day,
            "month": "%02d" % day.month if day.month <= 2 else str(day.month),
            "year": str(day.year),
            "time": local.strftime("%H giờ %M"),
        }

    def _vote_of(self, item):
        return item.vote_ids[:1]


class UbndMeetingMinutesCorrection(models.Model):
    """A correction of approved minutes: a new act of the Office, with its reason, that keeps the approved text.

    Approved minutes (their opinions, attendance and votes) never change. When a mistake is found afterwards —
    a member's opinion wrongly transcribed, say — the Office records what the approved minutes say, what is
    right and why; the correction is posted on the minutes and never changes or disappears afterwards.
    """

    _name = "ubnd.meeting.minutes.correction"
    _description = "Correction of approved minutes"
    _inherit = ["mail.thread"]
    _order = "minutes_id, id"

    minutes_id = fields.Many2one("ubnd.meeting.minutes", required=True, ondelete="restrict", index=True)
    meeting_id = fields.Many2one(related="minutes_id.meeting_id", store=True, index=True)
    committee_id = fields.Many2one(related="minutes_id.committee_id", store=True)
    company_id = fields.Many2one(related="minutes_id.company_id", store=True, index=True)
    opinion_id = fields.Many2one("ubnd.meeting.opinion", string="Opinion corrected", ondelete="restrict",
                                 domain="[('meeting_id', '=', meeting_id)]")
    original_text = fields.Text("As approved",
                                help="The text of the approved minutes, kept as it was (taken from the opinion "
                                "when one is chosen).")
    corrected_text = fields.Text("Correct text", required=True)
    reason = fields.Text(required=True)
    recorded_by_id = fields.Many2one("res.users", string="Recorded by", readonly=True)
    recorded_at = fields.Datetime("Recorded on", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            minutes = self.env["ubnd.meeting.minutes"].browse(vals.get("minutes_id"))
            if not minutes.exists():
                raise UserError(self.env._("Choose the minutes to correct."))
            minutes.check_access("read")
            if not (self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office")):
                raise AccessError(self.env._("The Office records a correction of the minutes (000 Đ30.1)."))
            if minutes.state == "draft":
                raise UserError(self.env._("Draft minutes are edited directly; a correction is for approved minutes."))
            if not (vals.get("reason") or "").strip() or not (vals.get("corrected_text") or "").strip():
                raise UserError(self.env._("A correction states the correct text and its reason."))
            opinion = self.env["ubnd.meeting.opinion"].browse(vals.get("opinion_id")).sudo()
            if opinion and opinion.meeting_id != minutes.sudo().meeting_id:
                raise UserError(self.env._("The opinion corrected belongs to another meeting."))
            # What the approved minutes say comes from the record, never from the client.
            if opinion:
                vals["original_text"] = opinion.content
            elif not (vals.get("original_text") or "").strip():
                raise UserError(self.env._("Quote the text of the approved minutes that is corrected."))
            vals.update(recorded_by_id=self.env.user.id, recorded_at=fields.Datetime.now())
        corrections = super().create(vals_list)
        for correction in corrections:
            body = self.env._(
                "Correction recorded by %(user)s: “%(old)s” → “%(new)s”. Reason: %(reason)s",
                user=correction.recorded_by_id.name, old=correction.original_text, new=correction.corrected_text,
                reason=correction.reason,
            )
            correction.minutes_id.sudo().message_post(body=body)
            correction.opinion_id.sudo().message_post(body=body)
        return corrections

    def write(self, vals):
        if set(vals) - {"message_follower_ids", "message_ids", "activity_ids"}:
            raise UserError(self.env._("A correction of the minutes is never changed: record a new one."))
        return super().write(vals)

    def unlink(self):
        raise UserError(self.env._("A correction of the minutes stays on the record."))
