from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class UbndCommittee(models.Model):
    _inherit = "ubnd.committee"

    voter_count = fields.Integer(
        "Voters of the ward", tracking=True,
        help="001 Đ4.3.l — the number of voters on the ward's electoral list, against which a request for a dialogue "
        "conference is measured (the figure comes from the electoral list: catalogue §10.17).",
    )
    dialogue_request_ids = fields.One2many("ubnd.dialogue.request", "committee_id", string="Dialogue requests")


class UbndDialogueRequest(models.Model):
    """Voters asking the ward Chairman for a dialogue conference (001 Đ4.3.l): when they reach the profile's share
    of the ward's voters (10 %), the Chairman must hold one; the Office records the request, the Chairman is given
    the duty as an activity, and the request stays open until a dialogue conference is linked to it."""

    _name = "ubnd.dialogue.request"
    _description = "Voters' request for a dialogue conference"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    date = fields.Date("Received on", required=True, default=fields.Date.context_today, tracking=True)
    name = fields.Char("Subject", required=True, tracking=True)
    voters_requesting = fields.Integer("Voters requesting", required=True, tracking=True)
    voter_count = fields.Integer(
        "Voters of the ward", readonly=True,
        help="The ward's number of voters when the request was received (001 Đ4.3.l).",
    )
    share_pct = fields.Float("Share of voters (%)", compute="_compute_due", store=True, digits=(5, 2))
    dialogue_due = fields.Boolean(
        "Dialogue due", compute="_compute_due", store=True,
        help="001 Đ4.3.l — at least the profile's share (10 %) of the ward's voters ask for it.",
    )
    meeting_id = fields.Many2one(
        "ubnd.meeting", "Dialogue conference held", tracking=True,
        domain="[('committee_id', '=', committee_id), ('kind', '=', 'conference'), "
               "('conference_period', '=', 'dialogue')]",
    )
    state = fields.Selection(
        [("below", "Below the threshold"), ("due", "Dialogue due"), ("held", "Dialogue held")],
        compute="_compute_due", store=True, index=True,
    )

    @api.depends("voters_requesting", "voter_count", "committee_id.profile_id.dialogue_voter_request_pct",
                 "meeting_id")
    def _compute_due(self):
        for request in self:
            threshold = request.committee_id.profile_id.dialogue_voter_request_pct
            share = 100.0 * request.voters_requesting / request.voter_count if request.voter_count else 0.0
            request.share_pct = share
            request.dialogue_due = bool(threshold and request.voter_count and share >= threshold)
            request.state = "held" if request.meeting_id else "due" if request.dialogue_due else "below"

    @api.constrains("voters_requesting", "voter_count")
    def _check_counts(self):
        for request in self:
            if request.voters_requesting <= 0:
                raise ValidationError(self.env._("Give the number of voters who signed the request."))
            if request.voters_requesting > request.voter_count:
                raise ValidationError(self.env._(
                    "More voters request the dialogue (%(asked)s) than the ward has (%(voters)s): record the "
                    "ward's number of voters on the committee first.",
                    asked=request.voters_requesting, voters=request.voter_count))

    @api.constrains("meeting_id", "committee_id")
    def _check_meeting(self):
        for request in self.filtered("meeting_id"):
            meeting = request.meeting_id
            if (meeting.committee_id != request.committee_id or meeting.kind != "conference"
                    or meeting.conference_period != "dialogue"):
                raise ValidationError(self.env._("Link the dialogue conference the ward Chairman held (001 Đ4.3.l)."))

    def _check_office(self):
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office records voters' requests for a dialogue."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_office()
        for vals in vals_list:
            committee = self.env["ubnd.committee"].browse(vals.get("committee_id")) \
                or self.env["ubnd.committee"]._for_company()
            vals["voter_count"] = committee.voter_count  # the figure of the day, not typed in
        requests = super().create(vals_list)
        requests._notify_chairman()
        return requests

    def write(self, vals):
        if not self.env.su:
            self._check_office()
            if {"voter_count", "committee_id"} & set(vals):
                raise UserError(self.env._("The ward's number of voters is taken from the committee."))
        res = super().write(vals)
        if vals.get("meeting_id"):
            self.sudo().activity_ids.action_feedback(feedback=self.env._("Dialogue conference held."))
        return res

    def _notify_chairman(self):
        for request in self.filtered("dialogue_due"):
            chairman = request.committee_id.chairman_id
            if not chairman:
                continue
            request.sudo().activity_schedule(
                "mail.mail_activity_data_todo", user_id=chairman.id, date_deadline=request.date,
                summary=self.env._("Hold a dialogue conference (001 Đ4.3.l)"),
                note=self.env._("%(asked)s of %(voters)s voters (%(share).2f%%) request a dialogue conference.",
                                asked=request.voters_requesting, voters=request.voter_count,
                                share=request.share_pct),
            )
            request.message_post(body=self.env._(
                "%(share).2f%% of the ward's voters request a dialogue conference: the Chairman must hold one "
                "(001 Đ4.3.l).", share=request.share_pct))
