from odoo import api, models
from odoo.fields import Domain


class IrRule(models.Model):
    """Child records follow their parent's access.

    A model that declares ``_ubnd_parent_field`` (a dossier component, an approval step) is
    readable only where its parent is readable, and writable only where its parent is writable,
    whatever its own rules say. The parent's rules are evaluated here, for the current user,
    and put into the child's domain: a sub-search in a record rule runs as superuser, so a
    plain ``('submission_id', 'any', [...])`` in XML could not reach them.
    """

    _inherit = "ir.rule"

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        domain = super()._compute_domain(model_name, mode)
        model = self.env[model_name]
        parent_field = getattr(model, "_ubnd_parent_field", None)
        if not parent_field or self.env.su:
            return domain
        parent_model = model._fields[parent_field].comodel_name
        parent_domain = self._compute_domain(parent_model, "read" if mode == "read" else "write")
        if parent_domain.is_true():
            return domain
        return (domain & model._ubnd_follow_parent_domain(parent_domain)).optimize(model)

