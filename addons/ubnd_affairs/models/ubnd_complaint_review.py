from odoo import api, fields, models


class UbndComplaintReview(models.Model):
    """A periodic review of the complaints and denunciations still pending.

    000 Đ45.1, 001 Đ35.1: the Chairman meets the Vice-Chairmen and the heads concerned from time to time to
    settle the backlog; 000 Đ47.3: the Chief Inspector reports every quarter at a session. The record lists the
    cases reviewed (by default every case not yet settled, overdue first) and what was concluded.
    """

    _name = "ubnd.complaint.review"
    _description = "Backlog review of complaints and denunciations"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char("Title", required=True, tracking=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("backlog_meeting", "Backlog meeting of the Chairman (000 Đ45.1)"),
         ("quarterly_report", "Quarterly report of the Chief Inspector (000 Đ47.3)")],
        required=True, default="backlog_meeting", tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    chair_id = fields.Many2one("res.users", string="Chaired by", tracking=True)
    case_ids = fields.Many2many("ubnd.complaint.case", string="Cases reviewed",
                                domain="[('committee_id', '=', committee_id), ('state', '!=', 'settled')]")
    overdue_count = fields.Integer("Overdue cases", compute="_compute_overdue_count")
    conclusion = fields.Html()

    @api.depends("case_ids.is_overdue")
    def _compute_overdue_count(self):
        for review in self:
            review.overdue_count = len(review.case_ids.filtered("is_overdue"))

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "case_ids" in fields_list and not values.get("case_ids"):
            pending = self.env["ubnd.complaint.case"].search([("state", "!=", "settled")], order="is_overdue desc, deadline")
            values["case_ids"] = [(6, 0, pending.ids)]
        return values
