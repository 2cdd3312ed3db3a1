from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import is_privileged

# Until the Office has received it, the drafting unit (its head while initialling) writes its draft; once submitted,
# the Office finalises it and the leader in charge may edit it while deciding (Decree 30/2020 App. VI §III: the
# competent person can open, edit and return a draft); once the leader approves, the text is the document's own.
UNIT_STATES = ("draft", "initialling", "returned", "clarification")
OFFICE_STATES = ("submitted", "to_leader", "collective")
DRAFT_FIELDS = {"draft_body", "draft_recipients"}


class UbndSubmission(models.Model):
    """The text of the document the dossier proposes (000 Đ15.2.c): its body and its recipients, entered at
    drafting and carried to the document to sign when the leader approves."""

    _inherit = "ubnd.submission"

    draft_body = fields.Html("Text of the draft document")
    draft_recipients = fields.Text(
        "Recipients (Nơi nhận)", tracking=True,
        help="One recipient per line, e.g. '- Như Điều 3;' … '- Lưu: VT, STC.' (Decree 30/2020 App. I §II.9).",
    )

    can_edit_draft = fields.Boolean("May edit the draft", compute="_compute_can_edit_draft")

    @api.depends_context("uid")
    @api.depends("state", "document_id", "leader_id")
    def _compute_can_edit_draft(self):
        for sub in self:
            sub.can_edit_draft = sub._may_edit_draft(self.env.user)

    def _may_edit_draft(self, user):
        self.ensure_one()
        if self.document_id or self.state not in UNIT_STATES + OFFICE_STATES:
            return False
        return self.state in UNIT_STATES or user.has_group("ubnd_quyche.group_ubnd_office") or user == self.leader_id

    @api.constrains("confidentiality", "draft_body", "draft_recipients")
    def _check_state_secret_draft(self):
        for sub in self.filtered(lambda s: s.confidentiality != "normal"):
            if (sub.draft_body and sub._text(sub.draft_body)) or sub.draft_recipients:
                raise ValidationError(self.env._(
                    "A state-secret dossier is handled on paper: its draft text is not kept here (000 Đ15.4)."
                ))

    @staticmethod
    def _text(html):
        from markupsafe import Markup
        return Markup(html).striptags().strip()

    def write(self, vals):
        if DRAFT_FIELDS & set(vals) and not is_privileged(self, "ubnd_workflow"):
            self._check_may_edit_draft()
        return super().write(vals)

    def _check_may_edit_draft(self):
        user = self.env.user
        for sub in self:
            if sub.document_id or sub.state not in UNIT_STATES + OFFICE_STATES:
                raise UserError(self.env._(
                    "The draft of %(reference)s is already the document to sign: edit the document itself while it "
                    "is a draft.", reference=sub.reference,
                ))
            if not sub._may_edit_draft(user):
                raise AccessError(self.env._(
                    "Once the dossier is submitted, only the Office and the leader in charge edit its draft."
                ))
