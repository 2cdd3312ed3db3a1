from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import is_privileged, privileged

KINDS = [
    ("kt", "Sign on behalf (KT.)"),
    ("tl", "By order (TL.)"),
    ("tuq", "By authorisation (TUQ.)"),
    ("acting_chair", "Running the committee in the Chairman's absence"),
    ("session_proxy", "Attending a session in place of a member"),
    ("unit_deputy", "Deputy running a unit in the head's absence"),
]

# Kinds that must be limited in time (Decree 30/2020 Đ13.3; 000 Đ6.3.đ; 001 Đ33.1).
TIME_BOUNDED_KINDS = ("tuq", "acting_chair", "session_proxy", "unit_deputy")
# Kinds that must rest on a written act (Decree 30/2020 Đ13.3, Đ13.4).
WRITTEN_KINDS = ("tl", "tuq")
# The only passing-on the law allows: a TL. signer lets his deputy sign KT. (Decree 30/2020 Đ13.4).
ALLOWED_SUB_GRANTS = {("tl", "kt")}


class UbndDelegation(models.Model):
    """A grant of authority or signing capacity, and the rules of who may act for whom.

    - Ký thay (KT.): a deputy signs for the head within his field or an assignment (000 Đ7.2.e, ND30 Đ13.2).
    - Thừa lệnh (TL.): the head lets a unit head sign certain document types; that person may let his
      deputy sign KT. (ND30 Đ13.4; 001 Đ15.3 for the Chief of Office).
    - Thừa ủy quyền (TUQ.): in writing, limited in time and content, never passed on (ND30 Đ13.3,
      000 Đ6.3.đ, Đ9.3.c).
    - Running the committee while the Chairman is absent: exactly one Vice-Chairman (000 Đ6.3.h, 001 Đ4.3.k).
    - Session proxy and a deputy running a unit: for a defined absence (000 Đ9.3.a, 001 Đ33.1).

    A grant gives nothing outside its dates and scope, nor before it is active or after it is revoked.
    """

    _name = "ubnd.delegation"
    _description = "Delegation of authority"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="cascade",
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, tracking=True)
    grantor_id = fields.Many2one("res.users", string="Grantor", required=True, tracking=True, index=True)
    grantee_id = fields.Many2one("res.users", string="Grantee", required=True, tracking=True, index=True)
    authority_title = fields.Char(
        "Authority", required=True, default="CHỦ TỊCH",
        help="The head whose power is exercised, as printed after the capacity: 'KT. CHỦ TỊCH', 'TL. CHỦ TỊCH'.",
    )
    grantee_title = fields.Char(
        "Grantee's title",
        help="The grantee's post as printed in the signature block, e.g. CHÁNH VĂN PHÒNG, GIÁM ĐỐC SỞ TƯ PHÁP.",
    )
    parent_id = fields.Many2one(
        "ubnd.delegation", string="Passed on from", index=True, ondelete="restrict",
        help="The grant whose holder passes part of it on. Only a TL. holder may pass signing to his deputy, "
        "who signs KT. (Decree 30/2020 Đ13.4); a TUQ. grant is never passed on (Đ13.3, 000 Đ9.3.c).",
    )
    child_ids = fields.One2many("ubnd.delegation", "parent_id", string="Passed on to")
    field_ids = fields.Many2many("ubnd.field", string="Fields", help="Empty: every field.")
    document_type_ids = fields.Many2many("ubnd.document.type", string="Document types", help="Empty: every type.")
    date_start = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(tracking=True, help="Required for grants that must be limited in time.")
    authorising_document = fields.Char(
        help="Number and symbol of the written act (decision, working regulation article) that makes this grant.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Authorising act")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In force"), ("revoked", "Revoked")],
        default="draft", required=True, tracking=True, readonly=True, copy=False,
    )
    note = fields.Text()

    @api.depends("kind", "grantor_id", "grantee_id")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for grant in self:
            grant.name = "%s: %s → %s" % (labels.get(grant.kind, ""), grant.grantor_id.name or "", grant.grantee_id.name or "")

    # --- Validation -------------------------------------------------------------------------
    @api.constrains("grantor_id", "grantee_id")
    def _check_not_to_oneself(self):
        for grant in self:
            if grant.grantor_id == grant.grantee_id:
                raise ValidationError(self.env._("A person cannot delegate authority to himself."))

    @api.constrains("date_start", "date_end", "kind")
    def _check_period(self):
        for grant in self:
            if grant.date_end and grant.date_end < grant.date_start:
                raise ValidationError(self.env._("A delegation cannot end before it starts."))
            if grant.kind in TIME_BOUNDED_KINDS and not grant.date_end:
                raise ValidationError(self.env._(
                    "This kind of delegation must be limited in time: set its end date "
                    "(Decree 30/2020 Art. 13.3; 000 Đ6.3.đ)."
                ))

    @api.constrains("kind", "authorising_document", "attachment_ids")
    def _check_written(self):
        for grant in self:
            if grant.kind in WRITTEN_KINDS and not (grant.authorising_document or grant.attachment_ids):
                raise ValidationError(self.env._(
                    "A TL. or TUQ. grant must rest on a written act: give the authorising document "
                    "(Decree 30/2020 Art. 13.3–13.4)."
                ))

    @api.constrains("parent_id", "kind", "grantor_id", "date_start", "date_end", "field_ids", "document_type_ids")
    def _check_passing_on(self):
        for grant in self.filtered("parent_id"):
            parent = grant.parent_id
            if parent.kind == "tuq":
                raise ValidationError(self.env._(
                    "A TUQ. grant cannot be re-delegated (Decree 30/2020 Art. 13.3; 000 Đ9.3.c)."
                ))
            if (parent.kind, grant.kind) not in ALLOWED_SUB_GRANTS:
                raise ValidationError(self.env._(
                    "Only a TL. signer may pass signing on, to a deputy who signs KT. (Decree 30/2020 Art. 13.4)."
                ))
            if grant.grantor_id != parent.grantee_id:
                raise ValidationError(self.env._("Only the holder of a grant can pass it on."))
            if grant.date_start < parent.date_start or (
                parent.date_end and (not grant.date_end or grant.date_end > parent.date_end)
            ):
                raise ValidationError(self.env._("A grant passed on must stay within the dates of the original grant."))
            if (parent.field_ids and not grant.field_ids <= parent.field_ids) or (
                parent.document_type_ids and not grant.document_type_ids <= parent.document_type_ids
            ):
                raise ValidationError(self.env._("A grant passed on must stay within the scope of the original grant."))

    @api.constrains("kind", "grantor_id", "grantee_id", "committee_id")
    def _check_acting_chair_parties(self):
        for grant in self.filtered(lambda g: g.kind == "acting_chair"):
            committee = grant.committee_id
            if grant.grantor_id != committee.chairman_id:
                raise ValidationError(self.env._("Only the Chairman designates who runs the committee in his absence."))
            if grant.grantee_id not in committee.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "Only a Vice-Chairman can run the committee in the Chairman's absence (000 Đ6.3.h, 001 Đ4.3.k)."
                ))

    @api.constrains("kind", "grantee_id", "parent_id", "committee_id")
    def _check_kt_to_deputy(self):
        """KT. is signed by a deputy: a Vice-Chairman for the Chairman (ND30 Đ13.2, 000 Đ7.2.e)."""
        for grant in self.filtered(lambda g: g.kind == "kt" and not g.parent_id):
            if grant.grantee_id not in grant.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._("Only a Vice-Chairman signs KT. the Chairman (000 Đ7.2.e)."))

    @api.constrains("kind", "state", "date_start", "date_end", "committee_id", "grantor_id")
    def _check_single_acting_chair(self):
        """000 Đ6.3.h, 001 Đ4.3.k, 000 Đ9.3.a: exactly one deputy runs the body at a time."""
        for grant in self.filtered(lambda g: g.kind in ("acting_chair", "unit_deputy") and g.state == "active"):
            overlapping = self.search_count([
                ("id", "!=", grant.id),
                ("kind", "=", grant.kind),
                ("state", "=", "active"),
                ("committee_id", "=", grant.committee_id.id),
                ("grantor_id", "=", grant.grantor_id.id),
                ("date_start", "<=", grant.date_end),
                "|", ("date_end", "=", False), ("date_end", ">=", grant.date_start),
            ])
            if overlapping:
                raise ValidationError(self.env._(
                    "Exactly one deputy can run the body at a time: another grant already covers these dates."
                ))

    # --- Who may manage grants ------------------------------------------------------------
    def _check_may_manage(self, grantor_ids):
        """The Office and administrators record grants; anyone else only grants his own authority."""
        if self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            return
        if any(gid != self.env.user.id for gid in grantor_ids):
            raise AccessError(self.env._("You can only delegate your own authority."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_may_manage([vals.get("grantor_id") for vals in vals_list])
        if not self.env.su:
            for vals in vals_list:
                vals.pop("state", None)  # a grant is born a draft and put in force by its action
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A grant is put in force or revoked only through its actions."))
        self._check_may_manage(self.grantor_id.ids + ([vals["grantor_id"]] if vals.get("grantor_id") else []))
        if self.filtered(lambda g: g.state != "draft") and set(vals) & {
            "kind", "grantor_id", "grantee_id", "parent_id", "field_ids", "document_type_ids", "date_start",
        }:
            raise ValidationError(self.env._(
                "A grant in force cannot be changed: revoke it and make a new one, so the record of who could act stays true."
            ))
        return super().write(vals)

    def action_activate(self):
        self._check_may_manage(self.grantor_id.ids)
        privileged(self.filtered(lambda g: g.state == "draft"), "ubnd_workflow").write({"state": "active"})
        return True

    def action_revoke(self):
        """Revoking a grant also revokes what was passed on from it (the deputy's KT. under a TL.)."""
        self._check_may_manage(self.grantor_id.ids)
        to_revoke = self | self.child_ids
        privileged(to_revoke.filtered(lambda g: g.state != "revoked"), "ubnd_workflow").write({"state": "revoked"})
        return True

    # --- Queries ----------------------------------------------------------------------------
    def _in_force_on(self, day):
        return self.filtered(
            lambda g: g.state == "active" and g.date_start <= day and (not g.date_end or day <= g.date_end)
        )

    def _covers(self, document_type=None, field=None):
        self.ensure_one()
        if self.field_ids and (not field or field not in self.field_ids):
            return False
        if self.document_type_ids and (not document_type or document_type not in self.document_type_ids):
            return False
        return True

    @api.model
    def _grants_of(self, user, committee, kind, day):
        grants = self.sudo().search([
            ("grantee_id", "=", user.id), ("committee_id", "=", committee.id),
            ("kind", "=", kind), ("state", "=", "active"),
        ])
        return grants._in_force_on(day)

    @api.model
    def _acting_chair_on(self, committee, day):
        """The Vice-Chairman running the committee on ``day``, if the Chairman is away."""
        grants = self.sudo().search([
            ("committee_id", "=", committee.id), ("kind", "=", "acting_chair"), ("state", "=", "active"),
        ])._in_force_on(day)
        return grants[:1].grantee_id
