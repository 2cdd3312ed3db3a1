from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ubnd_quyche.models.ubnd_regulation_profile import WEEKDAYS


class UbndReportObligation(models.Model):
    """001 Đ5.6: every week each Vice-Chairman reports to the Chairman, at their giao ban, on the work he is in
    charge of. The obligation is his own (he is the person responsible), weekly, due on the giao ban's weekday; its
    reports are then reminded, sent and marked on time, late or overdue like any other."""

    _inherit = "ubnd.report.obligation"

    @api.constrains("topic", "frequency", "responsible_user_id", "committee_id")
    def _check_vice_chairman_report(self):
        for obligation in self.filtered(lambda o: o.topic == "field"):
            if obligation.frequency != "weekly":
                raise ValidationError(self.env._("A Vice-Chairman reports on his fields every week (001 Đ5.6)."))
            if obligation.responsible_user_id not in obligation.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "The weekly report on a Vice-Chairman's fields is made by that Vice-Chairman (001 Đ5.6)."))

    @api.model
    def _ensure_vice_chairman_reports(self, committee, weekday="0"):
        """One weekly report obligation per Vice-Chairman of ``committee``, due on the giao ban's ``weekday``
        (Monday unless the Chairman set another day); existing ones are kept."""
        if weekday not in dict(WEEKDAYS):
            raise UserError(self.env._("Choose the weekday of the giao ban."))
        office = committee.office_unit_id
        if not office:
            raise UserError(self.env._("Set the committee's Office first: it receives the reports."))
        existing = self.search([("committee_id", "=", committee.id), ("topic", "=", "field")]).responsible_user_id
        vals_list = [{
            "name": self.env._("Weekly report of %(name)s on his fields", name=user.name),
            "committee_id": committee.id, "topic": "field", "frequency": "weekly", "due_weekday": weekday,
            "unit_scope": "units", "unit_ids": [(6, 0, office.ids)], "responsible_user_id": user.id,
            "recipient": self.env._("The Chairman, at the giao ban of the Chairman and the Vice-Chairmen"),
            "recipient_partner_ids": [(6, 0, committee.chairman_id.partner_id.ids)],
            "legal_basis": "001 Đ5.6",
        } for user in committee.vice_chairman_ids - existing]
        return self.create(vals_list)
