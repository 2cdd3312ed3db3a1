from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged

from .ubnd_task import check_date_value

# Set by the update's own steps (entry, the Office's confirmation or sending back), never by a client.
UPDATE_WORKFLOW_FIELDS = ("state", "confirmed_by_id", "confirmed_date", "send_back_reason", "entry_date", "user_id")
# What an update is about: a correction never moves it to another task or turns it into another kind.
UPDATE_IDENTITY_FIELDS = frozenset({"task_id", "kind", "unit_id"})

UPDATE_KINDS = [
    ("progress", "Progress report"),
    ("completion", "Completion report"),
    ("difficulty", "Written report on difficulties or delay"),
    ("contribution", "Coordinating unit's input"),
]
# Reports the Office may send back to the unit (002 Đ6.1.a, Đ7.2.a); the others are only acknowledged.
SENT_BACK_KINDS = ("progress", "completion")


class UbndTaskUpdate(models.Model):
    """An update of a task on the System (002 Đ6.1.a–b, Đ8.2.b, Đ19.2).

    The lead unit reports progress (tasks without deadline) or completion, attaching the e-file of
    its report document to the committee, or marks the task “Đã thực hiện” when no written report is
    required; it enters the update within the profile's working days of issuing the report. The
    Office confirms each progress or completion report (“được xác nhận trên Hệ thống bởi Văn phòng”) or
    sends it back; only a confirmed completion report completes the task. Coordinating units give their
    input to the lead unit, which acknowledges it; a unit that cannot do a task that fell due reports the
    difficulties in writing, which the Office acknowledges. Whoever must answer a report has one to-do on
    the task until he has answered every report waiting for him.
    """

    _name = "ubnd.task.update"
    _description = "Task update"
    _order = "entry_date desc, id desc"
    # The Office's queue of reports awaiting confirmation: a few hundred among millions of confirmed ones.
    _awaiting_confirmation_idx = models.Index("(entry_date DESC, id DESC) WHERE state = 'submitted'")

    task_id = fields.Many2one("ubnd.task", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    kind = fields.Selection(UPDATE_KINDS, required=True, default="progress")
    unit_id = fields.Many2one(
        "hr.department", string="Unit", required=True,
        compute="_compute_unit_id", store=True, readonly=False, precompute=True,
    )
    user_id = fields.Many2one("res.users", string="Entered by", default=lambda self: self.env.user, readonly=True)
    written_report = fields.Boolean(
        "Written report", default=True,
        help="002 Đ6.1.a — with a written report, attach the e-file of the report document sent to the "
        "committee; without one, the unit simply reports “Đã thực hiện”.",
    )
    report_reference = fields.Char("Report number and symbol")
    report_date = fields.Date(
        "Report date", default=lambda self: self.env["ubnd.task"]._today(),
        help="Issue date of the unit's report document; for “Đã thực hiện” without a written report, the day "
        "the unit marks it. The completion report's date decides whether the task was on time.",
    )
    entry_date = fields.Date(
        "Entered on", default=lambda self: self.env["ubnd.task"]._today(), readonly=True, copy=False,
    )
    update_deadline = fields.Date(
        compute="_compute_update_deadline", store=True,
        help="002 Đ6.1.b — the update is entered within the profile's working days of the report's issue.",
    )
    entered_late = fields.Boolean(compute="_compute_update_deadline", store=True)
    note = fields.Text("Content")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    state = fields.Selection(
        [("submitted", "Awaiting confirmation"), ("confirmed", "Confirmed"), ("sent_back", "Sent back")],
        default="submitted", required=True, readonly=True, copy=False,
    )
    user_can_review = fields.Boolean(
        compute="_compute_user_can_review",
        help="The current user answers this report: the Office for the lead unit's reports, the lead unit for a "
        "coordinating unit's input.",
    )
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed by", readonly=True, copy=False)
    confirmed_date = fields.Date(readonly=True, copy=False)
    send_back_reason = fields.Text(readonly=True, copy=False)

    @api.depends("task_id", "kind")
    def _compute_unit_id(self):
        for update in self:
            if update.kind == "contribution":
                update.unit_id = update.task_id._coordinating_units_of()[:1] or update.unit_id
            else:
                update.unit_id = update.task_id.lead_unit_id

    @api.depends("report_date", "entry_date", "task_id.committee_id.profile_id.task_update_days")
    def _compute_update_deadline(self):
        for update in self:
            profile = update.task_id.committee_id.profile_id
            if update.report_date and profile and update.kind in ("progress", "completion"):
                update.update_deadline = profile.compute_deadline(
                    update.report_date, "task_update_days", update.task_id.company_id,
                )
            else:
                update.update_deadline = False
            update.entered_late = bool(update.update_deadline and update.entry_date > update.update_deadline)

    @api.depends_context("uid")
    @api.depends("kind", "state", "task_id")
    def _compute_user_can_review(self):
        for update in self:
            update.user_can_review = bool(update.id) and update.state == "submitted" and update._is_reviewer()

    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for update in self:
            update.display_name = "%s – %s" % (labels[update.kind], update.task_id.display_name)

    @api.constrains("kind", "written_report", "report_reference", "report_date", "attachment_ids")
    def _check_written_report(self):
        for update in self:
            if update.kind in ("progress", "completion") and update.written_report:
                if not (update.report_reference and update.report_date and update.attachment_ids):
                    raise ValidationError(self.env._(
                        "A written report is entered with its number, its date and the e-file of the report "
                        "document sent to the committee (002 Đ6.1.a)."
                    ))
            if update.kind == "difficulty" and not (update.report_reference or update.attachment_ids):
                raise ValidationError(self.env._(
                    "Difficulties and delays are reported to the Office in writing: give the document's number "
                    "or attach it (002 Đ19.2, Đ8.1.e)."
                ))
            if update.report_date and update.report_date > update.entry_date:
                raise ValidationError(self.env._("A report cannot be dated after the day it is entered."))
            issued = update.task_id.source_date
            if update.report_date and issued and update.report_date < issued:
                raise ValidationError(self.env._(
                    "A report on a task cannot be dated before the document that assigns the task (%s).",
                    issued.strftime("%d/%m/%Y"),
                ))

    # ------------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        today = self.env["ubnd.task"]._today()
        for vals in vals_list:
            self._check_author(self.env["ubnd.task"].browse(vals.get("task_id")), vals.get("kind", "progress"))
            if not self.env.su:
                # Who entered it, when, and the Office's answer are the System's to record (002 Đ6.1.a–b).
                vals.update(dict.fromkeys(UPDATE_WORKFLOW_FIELDS, False))
                vals.update({"state": "submitted", "user_id": self.env.uid, "entry_date": today})
                if vals.get("kind", "progress") != "contribution":
                    # Reports come from the lead unit: the unit is the task's, not one the client names.
                    vals.pop("unit_id", None)
            vals.setdefault("entry_date", today)
            if not vals.get("written_report", True) and vals.get("kind") in ("progress", "completion"):
                vals["report_date"] = vals["entry_date"]
            self._check_update_values(vals)
        updates = super().create(vals_list)
        for update in updates:
            update._attach_files()
            if update.kind == "contribution" and not self.env.su and update.unit_id not in update.task_id._coordinating_units_of():
                raise AccessError(self.env._("Only a coordinating unit gives input to the lead unit (002 Đ8.2.b)."))
            update._apply_to_task()
        return updates

    @api.model
    def _check_author(self, task, kind):
        """Progress, completion and difficulties come from the lead unit; input from coordinating units."""
        if self.env.su:
            return
        if kind == "contribution":
            if not task._coordinating_units_of():
                raise AccessError(self.env._("Only a coordinating unit gives input to the lead unit (002 Đ8.2.b)."))
        else:
            task._check_lead_unit()

    def _apply_to_task(self):
        self.ensure_one()
        task = self.task_id
        if self.kind == "completion":
            if task.state != "in_progress":
                raise UserError(self.env._("Only a task in progress can be reported completed."))
            task._apply_completion_report(self)
        elif self.kind == "progress":
            if task.state not in ("in_progress", "reported"):
                raise UserError(self.env._("Progress is reported on a task in progress."))
            task.sudo().last_update_date = self.entry_date
        elif self.kind == "difficulty":
            if task.state not in ("in_progress", "reported"):
                raise UserError(self.env._("Difficulties are reported on a task in progress."))
            task.sudo().write({"delay_explained": True, "last_update_date": self.entry_date})
            self.env["ubnd.task.direction"].sudo().create({
                "task_id": task.id,
                "reason": "difficulty",
                "description": self.note or self.report_reference,
            })
        self._ask_review()
        task.sudo().message_post(
            body=self.env._("%(kind)s entered by %(unit)s.", kind=self.display_name, unit=self.unit_id.name),
            attachment_ids=self.attachment_ids.ids if task.confidentiality == "normal" else [],
            subtype_xmlid="mail.mt_note",
        )

    def write(self, vals):
        """A unit corrects its own update until the Office confirms it (002 Đ7.1.b); afterwards a correction
        agreed between the Office and the unit is needed (002 Đ7.2.a)."""
        self._check_update_values(vals)
        if not self.env.su:
            forged = (set(UPDATE_WORKFLOW_FIELDS) | UPDATE_IDENTITY_FIELDS) & set(vals)
            if forged:
                raise AccessError(self.env._(
                    "%(fields)s of an update are recorded by the System: the unit enters its report, the Office "
                    "confirms it or sends it back (002 Đ6.1.a).",
                    fields=", ".join(sorted(self._fields[name]._description_string(self.env) for name in forged)),
                ))
        if not is_privileged(self, "ubnd_task_agreed_correction"):
            for update in self:
                if update.state != "submitted" or update.task_id.state in ("done", "cancelled"):
                    raise UserError(self.env._(
                        "A confirmed or sent-back update is changed through a correction agreed between the "
                        "Office and the unit (002 Đ7.2.a)."
                    ))
                if update.user_id != self.env.user and not update.task_id._is_lead_user():
                    raise AccessError(self.env._("Only the unit that entered an update corrects it (002 Đ7.1.b)."))
        res = super().write(vals)
        if "attachment_ids" in vals:
            for update in self:
                update._attach_files()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._(
                "An update is part of the task's record and is never deleted; an inaccurate one is corrected "
                "through a correction agreed between the Office and the unit (002 Đ7.2.a)."
            ))

    @api.model
    def _check_update_values(self, vals):
        if vals.get("report_date"):
            check_date_value(self.env, self._fields["report_date"]._description_string(self.env), vals["report_date"])
        if vals.get("attachment_ids") and not self.env.su:
            self.env["ubnd.task"]._check_linked_attachments(vals["attachment_ids"])

    def _attach_files(self):
        """The report files follow the update's access rules (the Office reads what the unit uploaded)."""
        self.ensure_one()
        self.attachment_ids.sudo().filtered(lambda a: not a.res_id).write({"res_model": self._name, "res_id": self.id})

    # --- Answering a report: confirmation by the Office (002 Đ6.1.a, Đ6.2.a), acknowledgement of input ---
    def _reviewers(self):
        """Who has the to-do of answering the report: the task's tracking specialist (else the Chief of Office)
        for the lead unit's reports, the lead person for a coordinating unit's input."""
        self.ensure_one()
        task = self.task_id
        if self.kind == "contribution":
            return task.lead_user_id
        return task.tracking_user_id or task.committee_id.chief_of_office_id

    def _is_reviewer(self, user=None):
        self.ensure_one()
        if self.kind == "contribution":
            return self.task_id._is_lead_user(user)
        return self.task_id._is_office_user(user)

    def _check_reviewer(self):
        for update in self:
            if self.env.su:
                continue
            if update.kind == "contribution":
                update.task_id._check_lead_unit()
            else:
                update.task_id._check_office()

    def _review_summary(self):
        self.ensure_one()
        return {
            "completion": self.env._("Confirm the reported completion"),
            "progress": self.env._("Confirm the progress report"),
            "difficulty": self.env._("Read the report on difficulties"),
            "contribution": self.env._("Input from %s", self.unit_id.name),
        }[self.kind]

    def _ask_review(self):
        """One to-do per reviewer on the task, whatever the number of reports waiting for him."""
        self.ensure_one()
        task = self.task_id
        review = self.env.ref("ubnd_tasks.mail_activity_task_review")
        waiting = task.sudo().activity_ids.filtered(lambda a: a.activity_type_id == review).user_id
        task._schedule(self._reviewers() - waiting, self._review_summary(), note=self.note or "",
                       act_type="ubnd_tasks.mail_activity_task_review")

    def _close_review(self):
        """Mark done the to-dos of reviewers who have no report of the task left to answer."""
        review = self.env.ref("ubnd_tasks.mail_activity_task_review")
        for task in self.task_id:
            waiting = task.update_ids.filtered(lambda u: u.state == "submitted")
            still_asked = self.env["res.users"].union(*(update._reviewers() for update in waiting))
            task.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == review and a.user_id not in still_asked
            ).action_feedback()

    def action_open(self):
        """The report opened on its own page: it is read there before it is confirmed."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"create": False},
        }

    def action_confirm(self):
        """Confirm the report (002 Đ6.1.a): a completion report completes the task; a progress report, a report
        on difficulties or a coordinating unit's input is marked answered."""
        for update in self:
            update._check_reviewer()
            if update.state != "submitted":
                raise UserError(self.env._("This report was already answered."))
            if update.kind == "completion" and update.task_id.state != "reported":
                raise UserError(self.env._("Only a completion report awaiting confirmation can be confirmed."))
            update.sudo().write({
                "state": "confirmed",
                "confirmed_by_id": self.env.user.id,
                "confirmed_date": update.task_id._today(),
            })
            if update.kind == "completion":
                update.task_id._apply_confirmation(update)
            else:
                update.task_id.sudo().message_post(
                    body=self.env._("%(report)s confirmed by %(user)s.", report=update.display_name, user=self.env.user.name),
                    subtype_xmlid="mail.mt_note",
                )
        self._close_review()
        return True

    def action_open_send_back(self):
        self.ensure_one()
        self.task_id._check_office()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send back"),
            "res_model": "ubnd.task.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_update_id": self.id, "default_task_id": self.task_id.id, "default_action": "send_back"},
        }

    def _send_back(self, reason):
        for update in self:
            update.task_id._check_office()
            if update.kind not in SENT_BACK_KINDS or update.state != "submitted":
                raise UserError(self.env._("Only a progress or completion report awaiting confirmation can be sent back."))
            update.sudo().write({"state": "sent_back", "send_back_reason": reason})
            if update.kind == "completion":
                update.task_id._apply_send_back(update, reason)
            else:
                update.task_id._schedule(update.task_id.lead_user_id, self.env._("Progress report sent back"), note=reason)
        self._close_review()
        return True
