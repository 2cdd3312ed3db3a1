from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import privileged

from .ubnd_task import check_date_value

# Recorded by the correction's own steps (proposal, agreement, application), never sent by a client.
CORRECTION_WORKFLOW_FIELDS = (
    "state", "proposed_by", "proposed_by_id", "agreed_by_id", "applied_by_id", "applied_date",
    "old_report_date", "old_report_reference", "old_note",
)


class UbndTaskCorrection(models.Model):
    """A correction of inaccurate task data agreed between the Office and the unit.

    002 Đ7.2.a: the Office that finds inaccurate data exchanges with the unit to agree before
    adjusting it; 002 Đ7.1.b: a unit corrects its own data, or notifies the Office and agrees the
    resolution with it. The party that did not propose the correction agrees to it; only then is it
    applied to the update concerned.
    """

    _name = "ubnd.task.correction"
    _description = "Agreed correction of task data"
    _order = "id desc"

    task_id = fields.Many2one("ubnd.task", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    update_id = fields.Many2one("ubnd.task.update", string="Update corrected", required=True,
                                domain="[('task_id', '=', task_id)]")
    proposed_by = fields.Selection([("office", "The Office"), ("unit", "The unit")], required=True, readonly=True)
    proposed_by_id = fields.Many2one("res.users", string="Proposer", default=lambda self: self.env.user, readonly=True)
    description = fields.Text("What is inaccurate", required=True)
    new_report_date = fields.Date("Correct report date")
    new_report_reference = fields.Char("Correct report number")
    new_note = fields.Text("Correct content")
    state = fields.Selection(
        [("proposed", "Proposed"), ("agreed", "Agreed"), ("applied", "Applied"), ("refused", "Refused")],
        default="proposed", required=True, readonly=True,
    )
    agreed_by_id = fields.Many2one("res.users", readonly=True)
    applied_by_id = fields.Many2one("res.users", string="Applied by", readonly=True)
    applied_date = fields.Date("Applied on", readonly=True)
    # The values the correction replaced: the record keeps what was there before (002 Đ7.2.a).
    old_report_date = fields.Date("Previous report date", readonly=True)
    old_report_reference = fields.Char("Previous report number", readonly=True)
    old_note = fields.Text("Previous content", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            task = self.env["ubnd.task"].browse(vals.get("task_id"))
            if self.env.su:
                vals.setdefault("proposed_by", "office")
                continue
            # Who proposes, and the later steps, are the System's to record.
            vals.update(dict.fromkeys(CORRECTION_WORKFLOW_FIELDS, False))
            vals.update({"state": "proposed", "proposed_by_id": self.env.uid})
            if task._is_office_user():
                vals["proposed_by"] = "office"
            elif task._is_lead_user():
                vals["proposed_by"] = "unit"
            else:
                raise AccessError(self.env._("Only the Office or the lead unit proposes a correction (002 Đ7)."))
            if vals.get("new_report_date"):
                check_date_value(self.env, self._fields["new_report_date"]._description_string(self.env),
                                 vals["new_report_date"])
        return super().create(vals_list)

    def write(self, vals):
        """The proposer amends his proposal until the other party answers; afterwards it is the record of what
        was agreed and applied."""
        if not self.env.su:
            forged = (set(CORRECTION_WORKFLOW_FIELDS) | {"task_id", "update_id"}) & set(vals)
            if forged:
                raise AccessError(self.env._(
                    "%(fields)s of a correction are recorded by the System as the parties propose, agree and "
                    "apply it (002 Đ7.2.a).",
                    fields=", ".join(sorted(self._fields[name]._description_string(self.env) for name in forged)),
                ))
            for correction in self:
                if correction.state != "proposed" or correction.proposed_by_id != self.env.user:
                    raise UserError(self.env._(
                        "Only the proposer amends a correction, and only before the other party answers (002 Đ7.2.a)."
                    ))
            if vals.get("new_report_date"):
                check_date_value(self.env, self._fields["new_report_date"]._description_string(self.env),
                                 vals["new_report_date"])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("A correction is kept on the task's record; a wrong proposal is refused (002 Đ7.2.a)."))

    @api.constrains("task_id", "update_id")
    def _check_update_of_task(self):
        for correction in self:
            if correction.update_id.task_id != correction.task_id:
                raise ValidationError(self.env._("A correction corrects an update of its own task."))

    def _is_counterpart(self):
        """The party that did not propose the correction."""
        self.ensure_one()
        if self.proposed_by == "office":
            return self.task_id._is_lead_user()
        return self.task_id._is_office_user()

    def action_agree(self):
        for correction in self:
            if correction.state != "proposed":
                raise UserError(self.env._("Only a proposed correction can be agreed."))
            if not self.env.su and not correction._is_counterpart():
                raise AccessError(self.env._(
                    "The correction is agreed by the other party: the unit for the Office's proposal, the Office "
                    "for the unit's (002 Đ7.1.b, Đ7.2.a)."
                ))
            correction.sudo().write({"state": "agreed", "agreed_by_id": self.env.user.id})
        return True

    def action_refuse(self):
        for correction in self:
            if correction.state != "proposed":
                raise UserError(self.env._("Only a proposed correction can be refused."))
            if not self.env.su and not correction._is_counterpart():
                raise AccessError(self.env._("Only the other party refuses a proposed correction."))
            correction.sudo().state = "refused"
        return True

    def action_apply(self):
        """Apply an agreed correction; a corrected completion date re-decides the timeliness."""
        for correction in self:
            if correction.state != "agreed":
                raise UserError(self.env._(
                    "Inaccurate data is adjusted only after the Office and the unit agree (002 Đ7.2.a)."
                ))
            if not self.env.su and not correction.task_id._is_office_user():
                raise AccessError(self.env._("The Office applies agreed corrections on the System."))
            vals = {}
            if correction.new_report_date:
                vals["report_date"] = correction.new_report_date
            if correction.new_report_reference:
                vals["report_reference"] = correction.new_report_reference
            if correction.new_note:
                vals["note"] = correction.new_note
            update = correction.update_id
            correction.sudo().write({
                "old_report_date": update.report_date,
                "old_report_reference": update.report_reference,
                "old_note": update.note,
            })
            previous = {name: update[name] for name in vals}
            privileged(update.sudo(), "ubnd_task_agreed_correction").write(vals)
            task = correction.task_id
            if update.state == "confirmed" and update.kind == "completion" and "report_date" in vals:
                task.sudo().completion_date = update.report_date
            elif update.state == "submitted" and update.kind == "completion" and "report_date" in vals:
                task.sudo().reported_date = update.report_date
            correction.sudo().write({"state": "applied", "applied_by_id": self.env.uid, "applied_date": task._today()})
            changes = "; ".join(
                "%s: %s → %s" % (update._fields[name]._description_string(self.env), previous[name] or "", vals[name])
                for name in vals
            )
            task.sudo().message_post(
                body=self.env._("Agreed correction applied: %(description)s (%(changes)s)",
                                description=correction.description, changes=changes),
                subtype_xmlid="mail.mt_note",
            )
        return True
