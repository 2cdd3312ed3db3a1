from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class UbndConsultation(models.Model):
    _inherit = "ubnd.consultation"

    reconciliation_ids = fields.One2many(
        "ubnd.consultation.reconciliation", "consultation_id", string="Meeting on differing views",
    )


class UbndConsultationReconciliation(models.Model):
    """Who spoke for a consulted unit at the meeting settling differing views on the essential content of a
    dossier (000 Đ12.3.d): its head; only in a special case, with the reason, his deputy — the deputy running the
    unit under a grant in force that day — whose view is then the head's official view. Each view is recorded in
    the submission dossier (its chatter). A record is a fact: never altered or deleted."""

    _name = "ubnd.consultation.reconciliation"
    _description = "Attendance at a meeting settling differing views"
    _order = "date desc, id"

    consultation_id = fields.Many2one("ubnd.consultation", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="consultation_id.company_id", store=True, index=True)
    unit_id = fields.Many2one("hr.department", string="Unit", required=True)
    date = fields.Date("Meeting date", required=True, default=fields.Date.context_today)
    attendee_id = fields.Many2one("res.users", string="Attended", required=True)
    head_id = fields.Many2one("res.users", string="Head of the unit", readonly=True)
    by_deputy = fields.Boolean("Deputy in the head's place", readonly=True)
    special_case_reason = fields.Char(
        "Special case", help="000 Đ12.3.d: only in a special case, the head absent for a reason, may his deputy attend.",
    )
    view = fields.Text("View expressed", required=True)
    user_id = fields.Many2one("res.users", "Recorded by", readonly=True, default=lambda self: self.env.user)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_staff"):
            raise AccessError(self.env._("Only the committee's staff record a consultation meeting."))
        for vals in vals_list:
            vals["user_id"] = self.env.user.id
            unit = self.env["hr.department"].browse(vals.get("unit_id"))
            head = unit.sudo().manager_id.user_id
            vals["head_id"] = head.id
            vals["by_deputy"] = bool(head) and vals.get("attendee_id") != head.id
        records = super().create(vals_list)
        records._check_who_attended()
        records._record_in_dossier()
        return records

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("A recorded view is never altered: record a new one."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(self.env._("A recorded view is never deleted."))
        return super().unlink()

    def _check_who_attended(self):
        for record in self:
            consultation = record.consultation_id
            if record.unit_id not in consultation.line_ids.unit_id:
                raise ValidationError(self.env._("Only a unit that was consulted speaks at this meeting."))
            if not record.head_id:
                raise ValidationError(self.env._("Record the head of %s before the meeting.", record.unit_id.name))
            if not record.by_deputy:
                continue
            if not (record.special_case_reason or "").strip():
                raise ValidationError(self.env._(
                    "The head of the unit attends the meeting on differing views; only in a special case, stated, "
                    "may his deputy attend in his place (000 Đ12.3.d)."))
            grants = self.env["ubnd.delegation"]._grants_of(
                record.attendee_id, consultation.committee_id, "unit_deputy", record.date)
            if not grants.filtered(lambda g: g.grantor_id == record.head_id):
                raise ValidationError(self.env._(
                    "%(attendee)s is not the deputy of %(head)s: only the deputy running the unit under a grant in "
                    "force that day may attend in the head's place (000 Đ12.3.d).",
                    attendee=record.attendee_id.name, head=record.head_id.name))

    def _record_in_dossier(self):
        for record in self:
            if record.by_deputy:
                body = self.env._(
                    "Meeting on differing views of %(date)s: %(attendee)s, deputy of %(head)s (special case: "
                    "%(reason)s), gave the official view of the head of %(unit)s: %(view)s",
                    date=record.date.strftime("%d/%m/%Y"), attendee=record.attendee_id.name,
                    head=record.head_id.name, reason=record.special_case_reason, unit=record.unit_id.name,
                    view=record.view)
            else:
                body = self.env._(
                    "Meeting on differing views of %(date)s: the head of %(unit)s, %(head)s, gave his view: %(view)s",
                    date=record.date.strftime("%d/%m/%Y"), unit=record.unit_id.name, head=record.head_id.name,
                    view=record.view)
            dossier = record.consultation_id.submission_id or record.consultation_id
            dossier.sudo().message_post(body=body)
