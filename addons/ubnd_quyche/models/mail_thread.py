from odoo import api, models

# Context keys with which mail.thread skips the chatter trail (Odoo's own switches for imports and tests).
TRAIL_SWITCHES = ("tracking_disable", "mail_notrack", "mail_create_nolog")


class MailThread(models.AbstractModel):
    """A client cannot switch off the trail of the suite's records.

    Every change to a dossier, grant, document, vote or task must show who changed what, when, from what
    to what; a caller who adds ``tracking_disable`` to his context over RPC would otherwise change a
    tracked field without a trace. Only the server itself (superuser mode: installs, demo builders,
    benchmarks) may work without the trail.
    """

    _inherit = "mail.thread"

    def _ubnd_with_trail(self):
        context = self.env.context
        if self._name.startswith("ubnd.") and not self.env.su and any(context.get(k) for k in TRAIL_SWITCHES):
            return self.with_context(**dict.fromkeys(TRAIL_SWITCHES, False))
        return self

    @api.model_create_multi
    def create(self, vals_list):
        return super(MailThread, self._ubnd_with_trail()).create(vals_list)

    def write(self, vals):
        return super(MailThread, self._ubnd_with_trail()).write(vals)
