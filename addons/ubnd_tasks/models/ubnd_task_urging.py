from odoo import api, fields, models
from odoo.exceptions import UserError

from .ubnd_task import check_tasks_of_committee

# 002 Đ10 — the five forms of tracking and urging.
URGING_FORMS = [
    ("document", "Document on the e-office System"),
    ("periodic_report", "Monthly periodic or ad-hoc report"),
    ("meeting", "Direct meeting or exchange"),
    ("message", "Phone, email, fax or System message"),
    ("inspection", "Inspection"),
]
# 000 Đ39.2 lists the forms of the working regulation with other words; each is recorded with the
# form of 002 Đ10 it corresponds to.
FORMS_000_TO_002 = {
    "e_system": "document",          # 000 Đ39.2.a — the city's e-information and task-tracking system
    "reports": "periodic_report",    # 000 Đ39.2.b — periodic or ad-hoc reports
    "direct_work": "meeting",        # 000 Đ39.2.c — direct work per plan or ad hoc
    "inspection_team": "inspection",  # 000 Đ39.2.d — inspection teams and tracking working groups
    "other_it": "message",           # 000 Đ39.2.đ — other forms using IT and digital transformation
}
URGING_LEVELS = [
    ("1", "Tracking specialist"),
    ("2", "Office leadership"),
    ("3", "Leader in charge"),
]


class UbndTaskUrging(models.Model):
    """An act of urging (đôn đốc) one or more tasks, in one of the five forms of 002 Đ10.

    An urging document (văn bản đôn đốc, 002 Đ17.3, Đ18.5) is an ``ubnd.document`` of the
    committee; reminders by System message are created by the tunable automation rules, escalating
    from the tracking specialist to the Office leadership to the leader in charge.
    """

    _name = "ubnd.task.urging"
    _description = "Urging"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    task_ids = fields.Many2many("ubnd.task", "ubnd_task_urging_task_rel", "urging_id", "task_id", string="Tasks")
    unit_ids = fields.Many2many("hr.department", "ubnd_task_urging_unit_rel", "urging_id", "unit_id", string="Units urged")
    copy_unit_ids = fields.Many2many(
        "hr.department", "ubnd_task_urging_copy_rel", "urging_id", "unit_id", string="Copied to",
        help="002 Đ18.5 — an urging document answering feedback is also sent to the body that gave the feedback.",
    )
    form = fields.Selection(URGING_FORMS, required=True, default="document")
    level = fields.Selection(URGING_LEVELS, default="1", required=True)
    date = fields.Date(default=lambda self: self.env["ubnd.task"]._today(), required=True)
    user_id = fields.Many2one("res.users", string="Urged by", default=lambda self: self.env.user)
    document_id = fields.Many2one("ubnd.document", string="Urging document")
    document_reference = fields.Char("Document number and symbol")
    note = fields.Text()
    automatic = fields.Boolean(readonly=True, help="Created by an automation rule.")
    feedback_id = fields.Many2one("ubnd.task.feedback", string="Answering feedback")

    @api.depends("form", "date", "document_reference", "document_id")
    def _compute_name(self):
        labels = dict(self._fields["form"]._description_selection(self.env))
        for urging in self:
            ref = urging.document_id.reference or urging.document_reference
            day = urging.date.strftime("%d/%m/%Y") if urging.date else ""
            urging.name = "%s %s%s" % (labels.get(urging.form, ""), day, " – %s" % ref if ref else "")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # Who urged, and whether a rule did, is the System's to record.
                vals.update({"user_id": self.env.uid, "automatic": False})
        urgings = super().create(vals_list)
        urgings.filtered(lambda u: not u.automatic)._notify_tasks()
        return urgings

    @api.constrains("task_ids", "committee_id")
    def _check_tasks_committee(self):
        for urging in self:
            check_tasks_of_committee(self.env, urging.task_ids, urging.committee_id)

    def write(self, vals):
        if not self.env.su and any(not name.startswith(("message_", "activity_")) for name in vals):
            raise UserError(self.env._(
                "An urging is part of the task's record and is not changed; urge again if needed (002 Đ10)."
            ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("An urging is part of the task's record and is never deleted (002 Đ10)."))

    def _notify_tasks(self):
        """Trace the urging in each task's chatter and notify its followers (002 Đ10.4)."""
        labels = dict(self._fields["form"]._description_selection(self.env))
        for urging in self:
            for task in urging.task_ids:
                task.sudo().message_post(
                    body=self.env._("Urging (%(form)s): %(note)s", form=labels[urging.form], note=urging.note or urging.name),
                    message_type="comment",
                    subtype_xmlid="ubnd_tasks.mt_task_urging",
                )

    @api.model
    def _forms_000(self):
        """The forms of 000 Đ39.2, each mapped to the form of 002 Đ10 that records it."""
        return dict(FORMS_000_TO_002)
