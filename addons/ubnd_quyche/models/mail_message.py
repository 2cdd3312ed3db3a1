from odoo import models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """The chatter of the suite's records is part of their record.

    It holds who changed what and when, the reasons given and the files exchanged: a message posted on a
    dossier, a document, a grant or a task is neither rewritten nor deleted; what needs adding is a new
    message. Odoo lets an author edit his own messages and a writer of the record delete them, which would
    let anyone rewrite the trail of an issued document.
    """

    _inherit = "mail.message"

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
