from odoo import api, models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """The chatter of the suite's records is part of their record.

    It holds who changed what and when, the reasons given and the files exchanged: a message posted on a
    dossier, a document, a grant or a task is neither rewritten nor deleted; what needs adding is a new
    message. Odoo lets an author edit his own messages and a writer of the record delete them, which would
    let anyone rewrite the trail of an issued document.
    """

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if (vals.get("model") or "").startswith("ubnd."):
                    self._ubnd_check_own_message(vals)
        return super().create(vals_list)

    @api.model
    def _ubnd_check_own_message(self, vals):
        """A message is posted in one's own name and tracking values come from the server's own tracking: a
        client could otherwise post "the Chairman approved" or a forged old → new change into the history."""
        if vals.get("tracking_value_ids"):
            raise AccessError(self.env._("Tracked changes are recorded by the system, never posted by hand."))
        if vals.get("author_id") and vals["author_id"] != self.env.user.partner_id.id:
            raise AccessError(self.env._("A message in the history of a committee record is posted in one's own name."))

    def _ubnd_on_suite_records(self):
        return any((model or "").startswith("ubnd.") for model in self.sudo().mapped("model"))

    def write(self, vals):
        if not self.env.su and self._ubnd_on_suite_records():
            raise AccessError(self.env._(
                "A message in the history of a committee record is never changed: post a new message instead."
            ))
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self._ubnd_on_suite_records():
            raise AccessError(self.env._("A message in the history of a committee record is never deleted."))
        return super().unlink()
