from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class UbndMeetingOpinion(models.Model):
    """What someone said on an agenda item, for the minutes (000 Đ29.3.b–c, Đ30.1; 001 Đ25.3, Đ25.7.a).

    A member states clearly whether he approves or does not approve each point (000 Đ29.3.b);
    invited delegates and substitutes give comments (000 Đ28.4, Đ29.3.b).
    """

    _name = "ubnd.meeting.opinion"
    _description = "Opinion expressed at a meeting"
    _inherit = ["mail.thread"]
    _order = "item_id, sequence, id"

    item_id = fields.Many2one("ubnd.meeting.item", required=True, ondelete="cascade", index=True)
    meeting_id = fields.Many2one(related="item_id.meeting_id", store=True, index=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    attendee_id = fields.Many2one(
        "ubnd.meeting.attendee", string="Speaker", required=True, ondelete="restrict", tracking=True,
        domain="[('meeting_id', '=', meeting_id)]",
    )
    speaker_role = fields.Selection(related="attendee_id.role")
    stance = fields.Selection(
        [("approve", "Approves"), ("reject", "Does not approve"), ("comment", "Comment"),
         ("explanation", "Explanation by the lead unit")],
        required=True, default="comment", tracking=True,
    )
    content = fields.Text(required=True, tracking=True)
    correction_ids = fields.One2many("ubnd.meeting.minutes.correction", "opinion_id", string="Corrections",
                                     readonly=True)

    @api.constrains("attendee_id", "stance", "item_id")
    def _check_stance(self):
        for opinion in self:
            if opinion.attendee_id.meeting_id != opinion.item_id.meeting_id:
                raise ValidationError(self.env._("The speaker must attend this meeting."))
            if (opinion.attendee_id.role == "member" and opinion.item_id.item_type == "decision"
                    and opinion.stance not in ("approve", "reject")):
                raise ValidationError(self.env._(
                    "A member states clearly whether he approves or does not approve the item (000 Đ29.3.b)."
                ))
            if opinion.attendee_id.role != "member" and opinion.stance in ("approve", "reject"):
                raise ValidationError(self.env._(
                    "Only members approve or disapprove; delegates and substitutes comment (000 Đ28.4)."
                ))

    def _check_may_record(self, items):
        # Approved minutes hold their opinions as approved: not even the server rewrites them (a correction
        # is a new act, ubnd.meeting.minutes.correction).
        if items.sudo().meeting_id.minutes_ids.filtered(lambda m: m.state != "draft"):
            raise UserError(self.env._(
                "The minutes holding these opinions are approved: opinions are never changed or deleted "
                "afterwards; the Office records a correction on the minutes (000 Đ30.1)."))
        if self.env.su:
            return
        user = self.env.user
        for item in items:
            meeting = item.meeting_id
            if meeting.state not in ("open", "closed"):
                raise UserError(self.env._("Opinions are recorded during the meeting, until the minutes are approved."))
            if not (user.has_group("ubnd_quyche.group_ubnd_office") or user in (meeting.chair_id | item.chaired_by_id)):
                raise AccessError(self.env._("The Office's secretary records the opinions expressed."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_may_record(self.env["ubnd.meeting.item"].browse([v["item_id"] for v in vals_list]))
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"message_follower_ids", "message_ids", "activity_ids"}:
            items = self.item_id
            if "item_id" in vals:
                items |= self.env["ubnd.meeting.item"].browse(vals["item_id"])
            self._check_may_record(items)
        return super().write(vals)

    def unlink(self):
        self._check_may_record(self.item_id)
        return super().unlink()
