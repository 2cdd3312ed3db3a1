from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged, privileged


class UbndDecentralisationReview(models.Model):
    """A check of how a decentralised or authorised task is performed (000 Đ2.5).

    Each review assesses the performance and sets the next review; an ineffective one ends in an adjustment or
    a revocation (the regulation asks to adjust promptly), and revoking ends the record. A review stays as given.
    """

    _name = "ubnd.decentralisation.review"
    _description = "Review of a decentralisation"
    _order = "date desc, id desc"

    decentralisation_id = fields.Many2one("ubnd.decentralisation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="decentralisation_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    reviewer_id = fields.Many2one("res.users", string="Reviewed by", default=lambda self: self.env.user, readonly=True)
    assessment = fields.Selection(
        [("effective", "Effective"), ("ineffective", "Not effective")], required=True, default="effective",
    )
    findings = fields.Text(required=True)
    decision = fields.Selection(
        [("keep", "Keep as it is"), ("adjust", "Adjust (new act)"), ("revoke", "Revoke")],
        required=True, default="keep",
    )
    next_review_date = fields.Date("Next review by")

    @api.constrains("assessment", "decision", "next_review_date", "date")
    def _check_decision(self):
        for review in self:
            if review.assessment == "ineffective" and review.decision == "keep":
                raise ValidationError(self.env._(
                    "An ineffective decentralisation is adjusted or revoked promptly (000 Đ2.5)."))
            if review.decision != "revoke" and (not review.next_review_date or review.next_review_date <= review.date):
                raise ValidationError(self.env._("Set the next review, after this one (000 Đ2.5)."))

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews.decentralisation_id._check_may_manage()
        for review in reviews:
            record = review.decentralisation_id
            if record.state != "active":
                raise UserError(self.env._("Only a decentralisation in force is reviewed."))
            privileged(review, "ubnd_workflow").write({"reviewer_id": self.env.uid})
            values = {"last_review_date": review.date, "review_due": False}
            if review.next_review_date:
                values["next_review_date"] = review.next_review_date
            privileged(record, "ubnd_workflow").write(values)
            record.message_post(body=self.env._(
                "Reviewed: %(assessment)s — %(decision)s.",
                assessment=dict(review._fields["assessment"]._description_selection(self.env))[review.assessment],
                decision=dict(review._fields["decision"]._description_selection(self.env))[review.decision],
            ))
            if review.decision == "revoke":
                record._end(self.env._("Revoked after a review"))
        return reviews

    def write(self, vals):
        if not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A review stays as it was given."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(self.env._("A review stays as it was given."))
        return super().unlink()
