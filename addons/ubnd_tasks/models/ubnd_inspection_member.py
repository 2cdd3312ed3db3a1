from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class UbndInspectionMember(models.Model):
    """A member of the inspection team (002 Đ14.2.đ). While the inspection runs, the team head may
    invite related agencies, organisations or persons, who must take part (002 Đ15.2)."""

    _name = "ubnd.inspection.member"
    _inherit = ["ubnd.inspection.child"]
    _description = "Inspection team member"
    _order = "role_sequence, id"

    inspection_id = fields.Many2one("ubnd.inspection", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="User")
    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    organisation = fields.Char("Agency / organisation")
    role = fields.Selection(
        [("head", "Team head"), ("deputy", "Deputy head"), ("member", "Member"), ("invited", "Invited participant")],
        required=True, default="member",
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    invited_by_id = fields.Many2one("res.users", readonly=True)

    @api.depends("user_id")
    def _compute_name(self):
        for member in self:
            member.name = member.user_id.name or member.name

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"head": 1, "deputy": 2, "member": 3, "invited": 4}
        for member in self:
            member.role_sequence = order.get(member.role, 9)

    @api.constrains("role", "inspection_id")
    def _check_one_head(self):
        for inspection in self.inspection_id:
            if len(inspection.member_ids.filtered(lambda m: m.role == "head")) > 1:
                raise ValidationError(self.env._("An inspection team has one head."))

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        for member in members.filtered(lambda m: m.role == "invited"):
            inspection = member.inspection_id
            if not self.env.su and self.env.user != inspection._team_head():
                raise AccessError(self.env._(
                    "Only the head of the inspection team invites other agencies or persons (002 Đ15.2)."
                ))
            member.invited_by_id = self.env.user
            if member.user_id:
                inspection.sudo().message_subscribe(partner_ids=member.user_id.partner_id.ids)
                inspection.sudo().activity_schedule(
                    "ubnd_tasks.mail_activity_task_action", summary=self.env._("Join the inspection team (002 Đ15.2)"),
                    user_id=member.user_id.id,
                )
        return members
