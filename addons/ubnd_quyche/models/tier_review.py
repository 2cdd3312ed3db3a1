from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..tools import is_privileged, privileged

# Models whose approval steps belong to the record's committee and change only through the suite's workflow.
# base_tier_validation gives every user full access to tier.review; for these models a step is read only
# when its record is, and created, written or deleted only by the workflow's own actions.
GUARDED_MODELS = ("ubnd.submission",)


class TierReview(models.Model):
    """Approval steps that know who could act for whom.

    A reviewer who is away is replaced by the holder of a delegation in force (an acting
    Chairman, a deputy running a unit, a KT. grant); every approval records both the nominal
    authority and the person who acted, with the grant used.

    Steps of a submission follow the submission's access (``ir.rule`` below) and are the record
    of who approved what: nobody writes, creates or deletes them except the approval actions
    (``validate_tier``, ``reject_tier``, ``request_validation`` and the submission's own steps).
    """

    _inherit = "tier.review"
    _ubnd_parent_field = "ubnd_submission_id"

    nominal_reviewer_ids = fields.Many2many(
        "res.users", "tier_review_nominal_reviewer_rel", "review_id", "user_id",
        compute="_compute_nominal_reviewer_ids", store=True, string="Nominal reviewers",
    )
    acting_for_id = fields.Many2one("res.users", string="Acted for", readonly=True,
                                    help="The nominal authority on whose behalf the approval was given.")
    delegation_id = fields.Many2one("ubnd.delegation", string="Under delegation", readonly=True)
    # The record rules of tier.review reach the submission's own rules through this field.
    ubnd_submission_id = fields.Many2one(
        "ubnd.submission", string="Dossier", compute="_compute_ubnd_submission_id", store=True,
        index="btree_not_null", ondelete="cascade",
    )

    @api.model
    def _ubnd_follow_parent_domain(self, parent_domain):
        """Steps of a submission follow the submission; steps of other models keep OCA's rules."""
        return Domain("model", "not in", GUARDED_MODELS) | Domain("ubnd_submission_id", "any", parent_domain)

    @api.depends("model", "res_id")
    def _compute_ubnd_submission_id(self):
        for review in self:
            review.ubnd_submission_id = review.res_id if review.model == "ubnd.submission" else False

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

    # --- Guards ------------------------------------------------------------------------------------
    def _ubnd_guarded(self, vals=None):
        """Whether this change touches a step of a guarded model and was not granted by the workflow."""
        if is_privileged(self, "ubnd_workflow"):
            return False
        return (vals or {}).get("model") in GUARDED_MODELS or any(review.model in GUARDED_MODELS for review in self)

    def _ubnd_refuse(self):
        raise AccessError(self.env._(
            "Approval steps are recorded only by the approval actions of the person whose turn it is: "
            "they cannot be created, changed or deleted directly."
        ))

    @api.model_create_multi
    def create(self, vals_list):
        if any(self._ubnd_guarded(vals) for vals in vals_list):
            self._ubnd_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if self._ubnd_guarded(vals):
            self._ubnd_refuse()
        return super().write(vals)

    def unlink(self):
        if self._ubnd_guarded():
            self._ubnd_refuse()
        return super().unlink()

    # --- Workflow bookkeeping run in the acting user's session ---------------------------------------
    def _update_review_status(self):
        """Promoting the next step to pending is the chain's own bookkeeping (also run by the systray)."""
        reviews = self.with_context(tier_validation_defer_compute_can_review=False)
        return super(TierReview, privileged(reviews, "ubnd_workflow"))._update_review_status()

    def _send_review_reminder(self):
        return super(TierReview, privileged(self, "ubnd_workflow"))._send_review_reminder()

    @api.model
    def _ubnd_refresh_open_reviewers(self):
        """Recompute who may act on open reviews after grants change or at midnight."""
        open_reviews = self.sudo().search([("status", "in", ("waiting", "pending")), ("model", "in", GUARDED_MODELS)])
        open_reviews._compute_reviewer_ids()
        open_reviews._compute_can_review()


class CommentWizard(models.TransientModel):
    """The comment of an approval or a refusal is written once, by the reviewer whose turn it is."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        reviews = self.review_ids
        if self.res_model not in GUARDED_MODELS and not any(r.model in GUARDED_MODELS for r in reviews):
            return super().add_comment()
        if self.validate_reject not in ("validate", "reject"):
            raise UserError(self.env._("A comment goes with an approval or a refusal."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        user = self.env.user
        if not record or not reviews or any(
            review.model != self.res_model or review.res_id != record.id
            or review.status not in ("waiting", "pending") or user not in review.reviewer_ids
            or review.sequence not in record._get_sequences_to_approve(user)
            for review in reviews
        ):
            raise AccessError(self.env._(
                "Only the reviewer whose turn it is, or his lawful substitute, comments on his own open step."
            ))
        record.check_access("read")
        return super(CommentWizard, privileged(self, "ubnd_workflow")).add_comment()
