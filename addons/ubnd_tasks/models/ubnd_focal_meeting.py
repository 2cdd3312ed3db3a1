from odoo import api, fields, models
from odoo.exceptions import ValidationError


class UbndFocalMeeting(models.Model):
    """The review meeting (giao ban) of the city and commune focal officers (004 Đ5): every six
    months, in the last month of the second and fourth quarters, organised by the Office."""

    _name = "ubnd.focal.meeting"
    _description = "Focal officers' review meeting"
    _inherit = ["mail.thread"]
    _order = "date desc"

    name = fields.Char(required=True)
    committee_id = fields.Many2one("ubnd.committee", required=True, index=True,
                                   default=lambda self: self.env["ubnd.committee"]._for_company())
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    date = fields.Date(required=True)
    organiser_unit_id = fields.Many2one(
        "hr.department", string="Organised by", required=True,
        default=lambda self: self.env["ubnd.committee"]._for_company().office_unit_id,
    )
    attendee_ids = fields.Many2many("ubnd.focal.officer", string="Attendees")
    minutes = fields.Html()

    @api.constrains("date", "organiser_unit_id", "committee_id")
    def _check_schedule(self):
        for meeting in self:
            period = meeting.committee_id.profile_id.focal_meeting_period_months
            if period and meeting.date.month % period:
                raise ValidationError(self.env._(
                    "The focal officers meet in the last month of the second and of the fourth quarter (004 Đ5)."
                ))
            if meeting.organiser_unit_id != meeting.committee_id.office_unit_id:
                raise ValidationError(self.env._("The Office organises the focal officers' meeting (004 Đ5)."))
