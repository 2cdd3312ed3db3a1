from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ubnd_task import check_workflow_values

DIRECTION_WORKFLOW_FIELDS = ("state", "direction_date", "directed_by_id", "requested_by_id")

DIRECTION_REASONS = [
    ("return", "Task returned as unsuitable (002 Đ6.1.c)"),
    ("disagreement", "Units disagree on how to carry it out (002 Đ8.1.c)"),
    ("difficulty", "Difficulties reported by the unit (002 Đ19.2, Đ20.2)"),
    ("feedback", "Feedback that a unit acted late or wrongly (002 Đ18.5)"),
    ("no_result", "No result after the time limit (002 Đ8.1.e)"),
    ("adjustment", "Adjustment of the task (002 Đ9.3, Đ16.3.c)"),
]


class UbndTaskDirection(models.Model):
    """The Office asks the committee or its leader for direction on a task (002 Đ6.1.c, Đ8.1.b–c,
    Đ9.3, Đ18.3) and records the direction given. The Office leads the request; the leader in charge
    (or the Chairman) gives the direction."""

    _name = "ubnd.task.direction"
    _description = "Request for direction"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "request_date desc, id desc"

    task_id = fields.Many2one("ubnd.task", index=True, ondelete="cascade")
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True,
        compute="_compute_committee_id", store=True, readonly=False, precompute=True,
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    reason = fields.Selection(DIRECTION_REASONS, required=True, default="disagreement")
    description = fields.Text()
    leader_id = fields.Many2one(
        "res.users", string="Asked of", compute="_compute_leader_id", store=True, readonly=False, precompute=True,
        help="The leader in charge of the task, else the Chairman.",
    )
    requested_by_id = fields.Many2one("res.users", string="Requested by", default=lambda self: self.env.user)
    request_date = fields.Date(default=lambda self: self.env["ubnd.task"]._today())
    state = fields.Selection(
        [("requested", "Awaiting direction"), ("directed", "Direction given")],
        default="requested", required=True, tracking=True,
    )
    direction = fields.Text(tracking=True)
    direction_reference = fields.Char("Direction document")
    direction_date = fields.Date(readonly=True, tracking=True)
    directed_by_id = fields.Many2one("res.users", string="Directed by", readonly=True, tracking=True)

    @api.depends("task_id")
    def _compute_committee_id(self):
        for request in self:
            request.committee_id = request.task_id.committee_id or request.committee_id or \
                self.env["ubnd.committee"]._for_company()

    @api.depends("task_id", "committee_id")
    def _compute_leader_id(self):
        for request in self:
            request.leader_id = request.task_id.leader_id or request.committee_id.chairman_id

    def _compute_display_name(self):
        labels = dict(self._fields["reason"]._description_selection(self.env))
        for request in self:
            request.display_name = "%s – %s" % (labels[request.reason], request.task_id.display_name or "")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._(
                "The Office leads in asking the committee for direction (002 Đ8.1.c)."
            ))
        if not self.env.su:
            for vals in vals_list:
                check_workflow_values(self, vals, DIRECTION_WORKFLOW_FIELDS, creating=True)
                vals["requested_by_id"] = self.env.uid
        requests = super().create(vals_list)
        for request in requests:
            request._notify_leader()
        return requests

    def write(self, vals):
        """The direction is given by the leader through “Give direction”; once given it is the record the
        Office's changes rest on (002 Đ6.1.c)."""
        if not self.env.su:
            check_workflow_values(self, vals, DIRECTION_WORKFLOW_FIELDS)
            if self.filtered(lambda r: r.state == "directed") and any(
                not name.startswith(("message_", "activity_")) for name in vals
            ):
                raise UserError(self.env._("A direction given is part of the record and no longer changes (002 Đ6.1.c)."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("A request for direction is part of the task's record and is never deleted."))

    def _notify_leader(self):
        for request in self:
            if request.leader_id:
                request.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action",
                    date_deadline=self.env["ubnd.task"]._today(),
                    summary=self.env._("Direction requested"),
                    user_id=request.leader_id.id,
                )

    def action_give_direction(self):
        """The leader gives the direction; the Office then acts on it (reassign, change deadline, cancel)."""
        for request in self:
            user = self.env.user
            committee = request.committee_id
            if not self.env.su and not (user == request.leader_id or user == committee.chairman_id):
                raise AccessError(self.env._("Only the leader asked, or the Chairman, gives the direction."))
            if request.state != "requested":
                raise UserError(self.env._("This direction was already given."))
            if not request.direction:
                raise UserError(self.env._("Write the direction first."))
            request.sudo().write({
                "state": "directed",
                "direction_date": self.env["ubnd.task"]._today(),
                "directed_by_id": user.id,
            })
            request.sudo().activity_feedback(["ubnd_tasks.mail_activity_task_action"])
            office_user = request.requested_by_id or committee.chief_of_office_id
            if request.task_id and office_user:
                request.task_id._schedule(office_user, self.env._("Direction given: apply it"), note=request.direction)
        return True
