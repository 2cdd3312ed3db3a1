from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import is_privileged

# What only the workflow may change on a review of a submission (an RPC caller could otherwise approve
# his own step by writing it: base_tier_validation gives every user write access to reviews).
PROTECTED_REVIEW_FIELDS = {
    "status", "done_by", "reviewed_date", "acting_for_id", "delegation_id", "definition_id", "model", "res_id",
    "sequence", "requested_by",
}


class TierReview(models.Model):
    """Approval steps that know who could act for whom.

    A reviewer who is away is replaced by the holder of a delegation in force (an acting
    Chairman, a deputy running a unit, a KT. grant); every approval records both the nominal
    authority and the person who acted, with the grant used.
    """

    _inherit = "tier.review"

    nominal_reviewer_ids = fields.Many2many(
        "res.users", "tier_review_nominal_reviewer_rel", "review_id", "user_id",
        compute="_compute_nominal_reviewer_ids", store=True, string="Nominal reviewers",
    )
    acting_for_id = fields.Many2one("res.users", string="Acted for", readonly=True,
                                    help="The nominal authority on whose behalf the approval was given.")
    delegation_id = fields.Many2one("ubnd.delegation", string="Under delegation", readonly=True)

    @api.depends(lambda self: self._get_reviewer_fields())
    def _compute_nominal_reviewer_ids(self):
        for review in self:
            review.nominal_reviewer_ids = review._get_nominal_reviewers()

    def _get_nominal_reviewers(self):
        return super()._get_reviewers()

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        resource = self._ubnd_resource()
        if resource is not None:
            reviewers |= resource._ubnd_substitutes(reviewers)
        return reviewers

    def _ubnd_resource(self):
        if self.model and self.res_id and self.model in self.env and hasattr(self.env[self.model], "_ubnd_substitutes"):
            return self.env[self.model].browse(self.res_id)
        return None

    def _ubnd_guarded(self):
        return not is_privileged(self, "ubnd_workflow") and any(
            review.model == "ubnd.submission" for review in self
        )

    def write(self, vals):
        if self._ubnd_guarded():
            touched = set(vals) & PROTECTED_REVIEW_FIELDS
            # Promoting a waiting review to pending is bookkeeping the reviewer's own session does.
            if touched - {"status"} or vals.get("status", "pending") != "pending":
                raise AccessError(self.env._("Approval steps change only through the approval actions."))
        return super().write(vals)

    def unlink(self):
        if self._ubnd_guarded():
            raise AccessError(self.env._("Approval steps change only through the approval actions."))
        return super().unlink()

    @api.model
    def _ubnd_refresh_open_reviewers(self):
        """Recompute who may act on open reviews after grants change or at midnight."""
        open_reviews = self.sudo().search([("status", "in", ("waiting", "pending")), ("model", "=", "ubnd.submission")])
        open_reviews._compute_reviewer_ids()
        open_reviews._compute_can_review()
