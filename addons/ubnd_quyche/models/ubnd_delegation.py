from datetime import date
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
# Kinds that exercise the Chairman's own authority when not passed on: only the Chairman grants them.
CHAIRMAN_KINDS = ("kt", "tl", "tuq", "acting_chair")
# The only passing-on the law allows: a TL. signer lets his deputy sign KT. (Decree 30/2020 Đ13.4).
ALLOWED_SUB_GRANTS = {("tl", "kt")}
# The outer bounds of a sane grant date.
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2200, 12, 31)
# What may still change on a grant that is no longer a draft; anything else is a new grant.
CHANGEABLE_AFTER_DRAFT = frozenset({"note", "date_end"})
# The number and symbol of the act issuing a regulation, e.g. 25/2025/QĐ-UBND or 12/QĐ-UBND.
ACT_REFERENCE = re.compile(r"\d+/(\d{4}/)?\S*\w-\w\S*")
REGULATIONS = [
    ("working", "Working regulation (quy chế làm việc)"),
    ("records", "Records-management regulation (quy chế công tác văn thư)"),
]


class UbndDelegation(models.Model):
    """A grant of authority or signing capacity, and the rules of who may act for whom.

    - Ký thay (KT.): a deputy signs for the head within his field or an assignment (000 Đ7.2.e, ND30 Đ13.2).
    - Thừa lệnh (TL.): the head lets a unit head sign certain document types, as a named article of the
      working or records-management regulation provides; that person may let his deputy sign KT.
      (ND30 Đ13.4; 001 Đ15.3 for the Chief of Office).
    - Thừa ủy quyền (TUQ.): in writing, limited in time and content, never passed on (ND30 Đ13.3,
      000 Đ6.3.đ, Đ9.3.c).
    - Running the committee while the Chairman is absent: exactly one Vice-Chairman (000 Đ6.3.h, 001 Đ4.3.k).
    - Session proxy and a deputy running a unit: for a defined absence (000 Đ9.3.a, 001 Đ33.1).

    A grant confers only an authority its grantor holds on its dates: the Chairman's KT./TL./TUQ. and
    the acting chair come from the Chairman alone, and take effect only by his own act (the Office may
    record them, with the signed act attached, for him to confirm). A grant gives nothing outside its
    dates and scope, before it is put in force, after it is revoked, or on a day its grantor no longer
    holds the authority. A revoked grant never returns to force; a grant that a signed document or an
    approval rests on keeps its dates and is never deleted.
    """

    _name = "ubnd.delegation"
    _description = "Delegation of authority"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    committee_id = fields.Many2one(
        "ubnd.committee", required=True, index=True, ondelete="cascade", tracking=True,
        default=lambda self: self.env["ubnd.committee"]._for_company(),
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True, index=True)
    kind = fields.Selection(KINDS, required=True, tracking=True)
    grantor_id = fields.Many2one("res.users", string="Grantor", required=True, tracking=True, index=True)
    grantee_id = fields.Many2one("res.users", string="Grantee", required=True, tracking=True, index=True)
    authority_title = fields.Char(
        "Authority", compute="_compute_authority_title", store=True, recursive=True, tracking=True,
        help="The head whose power is exercised, as printed after the capacity: 'KT. CHỦ TỊCH', 'TL. CHỦ TỊCH'. "
        "It follows from the grantor's position in the committee, never from what is typed.",
    )
    grantee_title = fields.Char(
        "Grantee's title", tracking=True,
        help="The grantee's post as printed in the signature block, e.g. CHÁNH VĂN PHÒNG, GIÁM ĐỐC SỞ TƯ PHÁP.",
    )
    parent_id = fields.Many2one(
        "ubnd.delegation", string="Passed on from", index=True, ondelete="restrict", tracking=True,
        help="The grant whose holder passes part of it on. Only a TL. holder may pass signing to his deputy, "
        "who signs KT. (Decree 30/2020 Đ13.4); a TUQ. grant is never passed on (Đ13.3, 000 Đ9.3.c).",
    )
    child_ids = fields.One2many("ubnd.delegation", "parent_id", string="Passed on to")
    field_ids = fields.Many2many("ubnd.field", string="Fields", help="Empty: every field.", tracking=True)
    document_type_ids = fields.Many2many(
        "ubnd.document.type", string="Document types", help="Empty: every type.", tracking=True,
    )
    date_start = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(tracking=True, help="Required for grants that must be limited in time.")
    authorising_document = fields.Char(
        tracking=True,
        help="Number and symbol of the written act (decision, letter of authorisation) that makes this grant.",
    )
    regulation = fields.Selection(
        REGULATIONS, string="Regulation", tracking=True,
        help="Decree 30/2020 Đ13.4: a TL. signing assignment is written into the working regulation or the "
        "records-management regulation.",
    )
    regulation_article = fields.Integer(
        "Article", tracking=True, help="The article (Điều) of that regulation which assigns the TL. signing.",
    )
    regulation_clause = fields.Integer("Clause", tracking=True, help="The clause (khoản) of the article, if any.")
    regulation_act = fields.Char(
        "Issued by act", tracking=True,
        help="Number and symbol of the decision issuing the regulation, e.g. 25/2025/QĐ-UBND.",
    )
    regulation_reference = fields.Char(compute="_compute_regulation_reference", string="Provision")
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Authorising act", copy=False, tracking=True,
        help="The signed act. Required when someone other than the grantor records a grant of the Chairman.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In force"), ("revoked", "Revoked")],
        default="draft", required=True, tracking=True, readonly=True, copy=False,
    )
    note = fields.Text(tracking=True)

    @api.depends("kind", "grantor_id", "grantee_id")
    def _compute_name(self):
        # Stored text: written in the committee's language (Vietnamese), not in the language of whoever created it.
        lang = self.env["ubnd.committee"]._print_lang()
        labels = dict(self._fields["kind"]._description_selection(self.with_context(lang=lang).env))
        for grant in self:
            grant.name = "%s: %s → %s" % (labels.get(grant.kind, ""), grant.grantor_id.name or "", grant.grantee_id.name or "")

    @api.depends("grantor_id", "committee_id", "parent_id.authority_title")
    def _compute_authority_title(self):
        """The grantor's position: CHỦ TỊCH for the Chairman, a member's post (GIÁM ĐỐC SỞ TƯ PHÁP)...

        A grant passed on exercises the authority of the grant it comes from (TL. CHỦ TỊCH / KT. ...).
        The grantor and committee of a grant in force never change, so the stored title stays as printed.
        """
        for grant in self:
            if grant.parent_id:
                grant.authority_title = grant.parent_id.authority_title
                continue
            member = grant.committee_id._member_of(grant.grantor_id) if grant.committee_id else False
            if member and member.role != "member":
                grant.authority_title = member.signing_title or ""
            elif member and member.position:
                grant.authority_title = member.position.upper()
            else:
                employee = grant.grantor_id.sudo().employee_ids.filtered(
                    lambda e: e.company_id == grant.company_id)[:1]
                grant.authority_title = (employee.job_title or "").upper()

    @api.depends("regulation", "regulation_article", "regulation_clause", "regulation_act")
    def _compute_regulation_reference(self):
        labels = {"working": "Quy chế làm việc", "records": "Quy chế công tác văn thư"}
        for grant in self:
            if not (grant.regulation and grant.regulation_article):
                grant.regulation_reference = False
                continue
            clause = "khoản %s " % grant.regulation_clause if grant.regulation_clause else ""
            grant.regulation_reference = "%sĐiều %s %s (%s)" % (
                clause, grant.regulation_article, labels[grant.regulation], grant.regulation_act or "")

    # --- Validation -------------------------------------------------------------------------
    @api.constrains("grantor_id", "grantee_id")
    def _check_not_to_oneself(self):
        for grant in self:
            if grant.grantor_id == grant.grantee_id:
                raise ValidationError(self.env._("A person cannot delegate authority to himself."))

    @api.constrains("kind", "grantor_id", "grantee_id", "committee_id")
    def _check_parties_of_the_committee(self):
        """Authority passes between people of the committee. A session proxy only attends, with the chair's
        consent (ubnd_meetings): whom a member may send is checked there."""
        for grant in self:
            company = grant.committee_id.company_id
            grantee_ok = grant.kind == "session_proxy" or company in grant.grantee_id.company_ids
            if company not in grant.grantor_id.company_ids or not grantee_ok:
                raise ValidationError(self.env._(
                    "The grantor and the grantee must both work for the committee the grant belongs to."
                ))

    @api.constrains("date_start", "date_end", "kind")
    def _check_period(self):
        for grant in self:
            for day in (grant.date_start, grant.date_end):
                if day and not DATE_MIN <= day <= DATE_MAX:
                    raise ValidationError(self.env._(
                        "A delegation's dates must lie between 1900 and 2200 (%(day)s).", day=day.isoformat(),
                    ))
            if grant.date_end and grant.date_end < grant.date_start:
                raise ValidationError(self.env._("A delegation cannot end before it starts."))
            if grant.kind in TIME_BOUNDED_KINDS and not grant.date_end:
                raise ValidationError(self.env._(
                    "This kind of delegation must be limited in time: set its end date "
                    "(Decree 30/2020 Art. 13.3; 000 Đ6.3.đ)."
                ))

    @api.constrains("date_start", "date_end", "kind", "committee_id")
    def _check_tuq_length(self):
        """R-ND30-13.3, R-000-6.3dd: a TUQ. is limited in time; the committee's profile says how long at most."""
        for grant in self.filtered(lambda g: g.kind == "tuq" and g.date_end):
            months = grant.committee_id.profile_id.tuq_max_months
            if months and grant.date_end >= grant.date_start + relativedelta(months=months):
                raise ValidationError(self.env._(
                    "A TUQ. grant lasts at most %(months)s months under the committee's regulation profile "
                    "(Decree 30/2020 Art. 13.3; 000 Đ6.3.đ): make a new grant for a further period.",
                    months=months,
                ))

    @api.constrains("kind", "authorising_document", "attachment_ids")
    def _check_written(self):
        for grant in self:
            if grant.kind == "tuq" and not (grant.authorising_document or grant.attachment_ids):
                raise ValidationError(self.env._(
                    "A TL. or TUQ. grant must rest on a written act: give the authorising document "
                    "(Decree 30/2020 Art. 13.3–13.4)."
                ))

    @api.constrains("kind", "parent_id", "regulation", "regulation_article", "regulation_clause", "regulation_act")
    def _check_tl_provision(self):
        """R-ND30-13.4-2: a TL. signing assignment is written into a named article of the working regulation
        or of the records-management regulation, issued by an act with a number and symbol."""
        for grant in self.filtered(lambda g: g.kind == "tl" and not g.parent_id):
            if not (grant.regulation and 0 < grant.regulation_article <= 999
                    and 0 <= grant.regulation_clause <= 99
                    and ACT_REFERENCE.search(grant.regulation_act or "")):
                raise ValidationError(self.env._(
                    "A TL. grant rests on the article of the working regulation or of the records-management "
                    "regulation that assigns it: give the regulation, the article number and the number and "
                    "symbol of the act issuing the regulation, e.g. 25/2025/QĐ-UBND (Decree 30/2020 Art. 13.4)."
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
            if grant.committee_id != parent.committee_id:
                raise ValidationError(self.env._("A grant passed on must stay within the committee of the original grant."))
            if grant.date_start < parent.date_start or (
                parent.date_end and (not grant.date_end or grant.date_end > parent.date_end)
            ):
                raise ValidationError(self.env._("A grant passed on must stay within the dates of the original grant."))
            if (parent.field_ids and not grant.field_ids <= parent.field_ids) or (
                parent.document_type_ids and not grant.document_type_ids <= parent.document_type_ids
            ):
                raise ValidationError(self.env._("A grant passed on must stay within the scope of the original grant."))

    @api.constrains("kind", "grantor_id", "parent_id", "committee_id", "date_start", "date_end")
    def _check_grantor_authority(self):
        """A grant confers only an authority its grantor holds on its dates (R-ND30-13.3-2, R-000-9.3c)."""
        for grant in self:
            if grant.parent_id:
                continue  # the holder of the original grant: _check_passing_on
            committee = grant.committee_id
            if grant.kind in CHAIRMAN_KINDS:
                if grant._chairman_membership(grant.date_start, grant.date_end):
                    continue
                if grant.kind != "acting_chair" and grant._grantor_holds_tuq():
                    raise ValidationError(self.env._(
                        "%(user)s holds this authority by a TUQ. grant: a TUQ. is never passed on, not even by a "
                        "new grant of his own (Decree 30/2020 Art. 13.3; 000 Đ9.3.c).",
                        user=grant.grantor_id.name,
                    ))
                if grant.kind == "acting_chair":
                    raise ValidationError(self.env._("Only the Chairman designates who runs the committee in his absence."))
                raise ValidationError(self.env._(
                    "Only the Chairman grants KT., TL. or TUQ. signing in his name, and only while he holds the "
                    "office: %(user)s is not the Chairman of %(committee)s over the whole period of the grant "
                    "(Decree 30/2020 Art. 13).",
                    user=grant.grantor_id.name, committee=committee.name,
                ))
            elif grant.kind == "unit_deputy" and not grant._grantor_heads_a_unit():
                raise ValidationError(self.env._(
                    "Only the head of a unit of the committee hands its running over to a deputy (000 Đ9.3.a)."
                ))
            elif grant.kind == "session_proxy" and not committee._member_of(grant.grantor_id):
                raise ValidationError(self.env._("Only a member of the committee sends someone to a session in his place."))

    @api.constrains("kind", "grantor_id", "grantee_id", "committee_id")
    def _check_acting_chair_parties(self):
        for grant in self.filtered(lambda g: g.kind == "acting_chair"):
            if grant.grantee_id not in grant.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._(
                    "Only a Vice-Chairman can run the committee in the Chairman's absence (000 Đ6.3.h, 001 Đ4.3.k)."
                ))

    @api.constrains("kind", "grantee_id", "parent_id", "committee_id")
    def _check_kt_to_deputy(self):
        """KT. is signed by a deputy: a Vice-Chairman for the Chairman (ND30 Đ13.2, 000 Đ7.2.e)."""
        for grant in self.filtered(lambda g: g.kind == "kt" and not g.parent_id):
            if grant.grantee_id not in grant.committee_id.vice_chairman_ids:
                raise ValidationError(self.env._("Only a Vice-Chairman signs KT. the Chairman (000 Đ7.2.e)."))

    @api.constrains("kind", "grantee_id", "parent_id", "committee_id")
    def _check_tl_tuq_to_a_head(self):
        """R-ND30-13.3, R-ND30-13.4: TL. and TUQ. go to the head of a unit under the committee (or a member)."""
        for grant in self.filtered(lambda g: g.kind in WRITTEN_KINDS and not g.parent_id):
            committee = grant.committee_id
            heads = self.env["hr.department"].sudo().search([
                ("ubnd_committee_id", "=", committee.id), ("manager_id.user_id", "=", grant.grantee_id.id),
            ], limit=1)
            if not (heads or committee._member_of(grant.grantee_id)):
                raise ValidationError(self.env._(
                    "The Chairman lets only the head of a unit under the committee sign TL. or TUQ. "
                    "(Decree 30/2020 Art. 13.3–13.4): %(user)s heads none.",
                    user=grant.grantee_id.name,
                ))

    @api.constrains("grantee_title", "grantee_id", "committee_id")
    def _check_grantee_title(self):
        """The grantee's printed post is his own: nobody but a (Vice-)Chairman is printed as CHỦ TỊCH."""
        for grant in self.filtered("grantee_title"):
            member = grant.committee_id._member_of(grant.grantee_id)
            if "CHỦ TỊCH" in grant.grantee_title.upper() and member.role not in ("chairman", "vice_chairman"):
                raise ValidationError(self.env._(
                    "%(user)s is not a Chairman or Vice-Chairman: his printed title cannot say CHỦ TỊCH.",
                    user=grant.grantee_id.name,
                ))

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

    # --- The grantor's own authority -----------------------------------------------------------
    def _chairman_membership(self, day_from, day_to=None):
        """The grantor's Chairman membership of the committee covering ``day_from``..``day_to`` (open: no end)."""
        self.ensure_one()
        return self.committee_id.sudo().member_ids.filtered(
            lambda m: m.active and m.role == "chairman" and m.user_id == self.grantor_id
            and (not m.date_start or m.date_start <= day_from)
            and (not m.date_end or (day_to or date.max) <= m.date_end)
        )[:1]

    def _grantor_holds_tuq(self):
        self.ensure_one()
        return bool(self.sudo().search_count([
            ("grantee_id", "=", self.grantor_id.id), ("committee_id", "=", self.committee_id.id),
            ("kind", "=", "tuq"), ("state", "=", "active"),
        ]))

    def _grantor_heads_a_unit(self):
        self.ensure_one()
        return bool(self.env["hr.department"].sudo().search_count([
            ("ubnd_committee_id", "=", self.committee_id.id), ("manager_id.user_id", "=", self.grantor_id.id),
        ]))

    def _grantor_holds_on(self, day):
        """Whether the grantor still holds, on ``day``, the authority the grant passes on."""
        self.ensure_one()
        if self.parent_id:
            return self.grantor_id == self.parent_id.grantee_id and bool(self.parent_id._in_force_on(day))
        if self.kind in CHAIRMAN_KINDS:
            return bool(self._chairman_membership(day, day))
        if self.kind == "unit_deputy":
            return self._grantor_heads_a_unit()
        if self.kind == "session_proxy":
            return bool(self.committee_id._member_of(self.grantor_id))
        return False

    def _relied_on(self):
        """Grants that a signed document or a given approval rests on: the record of who could act."""
        documents = self.env["ubnd.document"].sudo().search([
            ("delegation_id", "in", self.ids), ("state", "in", ("signed", "issued")),
        ])
        reviews = self.env["tier.review"].sudo().search([("delegation_id", "in", self.ids), ("status", "=", "approved")])
        return documents.delegation_id | reviews.delegation_id

    # --- Who may manage grants ------------------------------------------------------------
    def _check_may_manage(self, grantor_ids):
        """The Office and administrators record grants; anyone else only grants his own authority."""
        if self.env.su or self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            return
        if any(gid != self.env.user.id for gid in grantor_ids):
            raise AccessError(self.env._("You can only delegate your own authority."))

    def _check_may_put_in_force(self):
        """A grant takes effect by its grantor's own act: the Chairman confirms what the Office recorded for him.
        The Office may put in force the grants that do not exercise the Chairman's authority."""
        if self.env.su:
            return
        user = self.env.user
        office = user.has_group("ubnd_quyche.group_ubnd_office")
        for grant in self:
            if grant.grantor_id == user:
                continue
            if office and grant.kind not in CHAIRMAN_KINDS and not grant.parent_id:
                continue
            raise AccessError(self.env._(
                "Only %(grantor)s can put this grant in force: a grant takes effect by its grantor's own act.",
                grantor=grant.grantor_id.name,
            ))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_may_manage([vals.get("grantor_id") for vals in vals_list])
        for vals in vals_list:
            vals.pop("authority_title", None)  # follows from the grantor's position
            if not self.env.su:
                vals.pop("state", None)  # a grant is born a draft and put in force by its action
        grants = super().create(vals_list)
        if not self.env.su:
            for grant in grants:
                if grant.grantor_id != self.env.user and grant.kind in CHAIRMAN_KINDS and not grant.attachment_ids:
                    raise ValidationError(self.env._(
                        "A signing grant recorded by someone other than its grantor carries the signed authorising "
                        "act: attach it; the grant takes effect when its grantor confirms it (Decree 30/2020 Art. 13)."
                    ))
        return grants

    def write(self, vals):
        if "state" in vals and not is_privileged(self, "ubnd_workflow"):
            raise AccessError(self.env._("A grant is put in force or revoked only through its actions."))
        if vals.get("state", "revoked") != "revoked" and self.filtered(lambda g: g.state == "revoked"):
            raise UserError(self.env._("A revoked grant never returns to force: record a new grant with its own act."))
        if "authority_title" in vals and not self.env.su:
            raise AccessError(self.env._("The printed authority follows from the grantor's position."))
        if not is_privileged(self, "ubnd_workflow"):
            self._check_may_manage(self.grantor_id.ids + ([vals["grantor_id"]] if vals.get("grantor_id") else []))
        if not (self.env.su and self.env.context.get("install_mode")):  # data files are reloaded on update
            self._check_change_after_draft(vals)
        return super().write(vals)

    def _check_change_after_draft(self, vals):
        """A grant that was put in force keeps what it granted; only its end may come earlier, as long as no
        signed document or approval rests on it (a longer period, or any other change, is a new grant)."""
        done = self.filtered(lambda g: g.state != "draft")
        if not done:
            return
        # The state moves only through the actions (guarded above); the chatter grows.
        changed = {name for name in vals if name != "state" and not name.startswith(("message_", "activity_"))}
        if changed - CHANGEABLE_AFTER_DRAFT:
            raise ValidationError(self.env._(
                "A grant in force cannot be changed: revoke it and make a new one, so the record of who could act stays true."
            ))
        if "date_end" not in vals:
            return
        if done.filtered(lambda g: g.state == "revoked"):
            raise ValidationError(self.env._("A revoked grant is closed: it never returns to force nor changes."))
        if done._relied_on():
            raise ValidationError(self.env._(
                "Signed documents or approvals rest on this grant: its dates are frozen. A longer period is a new grant."
            ))
        new_end = fields.Date.to_date(vals["date_end"])
        for grant in done:
            if not new_end or (grant.date_end and new_end > grant.date_end):
                raise ValidationError(self.env._(
                    "A grant in force may be ended earlier, never prolonged: a longer period is a new grant."
                ))

    def unlink(self):
        if self._relied_on():
            raise UserError(self.env._(
                "Signed documents or approvals rest on this grant: it stays in the register (revoke it to end it)."
            ))
        if not self.env.su and self.filtered(lambda g: g.state != "draft"):
            raise UserError(self.env._(
                "A grant that was put in force stays in the register of who could act: revoke it instead."
            ))
        return super().unlink()

    def copy(self, default=None):
        if self.filtered(lambda g: g.state == "revoked"):
            raise UserError(self.env._("A revoked grant never returns to force: record a new grant with its own act."))
        return super().copy(default)

    def action_activate(self):
        if self.filtered(lambda g: g.state == "revoked"):
            raise UserError(self.env._("A revoked grant never returns to force: record a new grant with its own act."))
        drafts = self.filtered(lambda g: g.state == "draft")
        drafts._check_may_put_in_force()
        for grant in drafts.filtered("parent_id"):
            if grant.parent_id.state != "active" and grant.parent_id not in drafts:
                raise UserError(self.env._("The grant this one is passed on from is not in force."))
        privileged(drafts.sudo(), "ubnd_workflow").write({"state": "active"})
        self.env["tier.review"]._ubnd_refresh_open_reviewers()  # the substitute acts at once, not after the cron
        return True

    def action_revoke(self):
        """Revoking a grant also revokes what was passed on from it (the deputy's KT. under a TL.)."""
        for grant in self:
            managers = grant.grantor_id.ids + grant.parent_id.grantor_id.ids
            if not (self.env.su or self.env.user.id in managers):
                self._check_may_manage(grant.grantor_id.ids)
        to_revoke = self | self.child_ids
        privileged(to_revoke.filtered(lambda g: g.state != "revoked").sudo(), "ubnd_workflow").write({"state": "revoked"})
        self.env["tier.review"]._ubnd_refresh_open_reviewers()
        return True

    # --- Queries ----------------------------------------------------------------------------
    def _in_force_on(self, day):
        """Grants in force on ``day``: put in force, not revoked, within their dates, and whose grantor still
        holds on that day the authority they pass on."""
        return self.filtered(
            lambda g: g.state == "active" and g.date_start <= day and (not g.date_end or day <= g.date_end)
            and g._grantor_holds_on(day)
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
