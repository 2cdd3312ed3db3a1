from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

NOTICE_MEANS = [
    ("handed", "Handed over in person"),
    ("post", "By post"),
    ("electronic", "Electronically (e-mail, public-service portal)"),
    ("posted", "Posted at the headquarters or the residential area"),
    ("media", "Mass media or loudspeakers"),
]

# Written only by recording a notification: never directly by a caller.
NOTICE_FIELDS = frozenset({"citizen_notice_deadline"})


class UbndRegulationProfile(models.Model):
    _inherit = "ubnd.regulation.profile"

    citizen_notice_days = fields.Integer(
        "Notifying the citizens concerned (working days after issuance)", default=2,
        help="000 Đ20.2, Đ51.2.c — documents bearing directly on citizens' rights and obligations are notified to "
        "them; the regulation sets no time: the committee's choice, by default the 02 ngày làm việc of issuance "
        "(000 Đ20.1).",
    )


class UbndDocumentCitizenNotice(models.Model):
    """The record that an issued document was notified to the citizens and bodies it bears on (000 Đ20.2,
    Đ51.2.c): when, how and by whom. A notification is a fact: it is recorded, never edited or deleted."""

    _name = "ubnd.document.citizen.notice"
    _description = "Notification of a document to the citizens concerned"
    _order = "date desc, id desc"

    document_id = fields.Many2one("ubnd.document", required=True, index=True, ondelete="restrict", readonly=True)
    company_id = fields.Many2one(related="document_id.company_id", store=True, index=True)
    partner_ids = fields.Many2many(
        "res.partner", "ubnd_document_citizen_notice_partner_rel", "notice_id", "partner_id",
        string="Notified", help="The citizens and bodies this notification reached; empty for a public notice.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    means = fields.Selection(NOTICE_MEANS, required=True, default="handed")
    user_id = fields.Many2one("res.users", "Notified by", readonly=True, default=lambda self: self.env.user)
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office records that a document was notified to citizens."))
        for vals in vals_list:
            vals["user_id"] = self.env.user.id  # by whom is the recorder, never a name typed in
            document = self.env["ubnd.document"].browse(vals.get("document_id"))
            document._check_can_notify_citizens()
        notices = super().create(vals_list)
        if notices.filtered(lambda n: not n.partner_ids and n.means not in ("posted", "media")):
            raise UserError(self.env._(
                "Say whom the document was notified to, or record a public notice (posted or in the media)."))
        notices._post_on_documents()
        return notices

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("A recorded notification is never altered: record a new one."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise AccessError(self.env._("A recorded notification is never deleted."))
        return super().unlink()

    def _post_on_documents(self):
        means = dict(self._fields["means"]._description_selection(self.env))
        for notice in self:
            document = notice.document_id.sudo()
            document.message_post(body=self.env._(
                "Notified to the citizens concerned on %(date)s (%(means)s) by %(user)s: %(who)s",
                date=notice.date.strftime("%d/%m/%Y"), means=means[notice.means], user=notice.user_id.name,
                who=", ".join(notice.partner_ids.mapped("name")) or self.env._("public notice"),
            ))
            if document.citizen_notice_state == "notified":
                document.activity_feedback(["ubnd_quyche.mail_activity_citizen_notice"],
                                           feedback=self.env._("Notified."))


class UbndDocument(models.Model):
    """Documents bearing directly on citizens' rights and obligations are notified to them (000 Đ20.2, Đ51.2.c):
    the draft lists the citizens and bodies concerned; once issued, the Office records each notification and
    is reminded, then marked late, until all of them are notified."""

    _inherit = "ubnd.document"

    citizen_partner_ids = fields.Many2many(
        "res.partner", "ubnd_document_citizen_partner_rel", "document_id", "partner_id",
        string="Citizens and bodies to notify",
        help="000 Đ20.2: the citizens and bodies whose rights and obligations the document settles directly.",
    )
    citizen_notice_ids = fields.One2many("ubnd.document.citizen.notice", "document_id", string="Notifications")
    citizen_notice_deadline = fields.Date(
        "Notify citizens by", readonly=True, copy=False,
        help="The profile's period after issuance (000 Đ20.2).",
    )
    citizen_notice_state = fields.Selection(
        [("not_required", "Not required"), ("to_notify", "To notify"), ("notified", "Notified")],
        "Notification to citizens", compute="_compute_citizen_notice_state", store=True, index=True,
    )
    citizen_notice_done_date = fields.Date(
        "Citizens notified on", compute="_compute_citizen_notice_state", store=True,
        help="The date of the notification that reached the last of them.",
    )
    citizen_notice_late = fields.Boolean(
        "Citizens notified late", compute="_compute_citizen_notice_late", search="_search_citizen_notice_late",
        help="Still not notified after the deadline, or notified after it.",
    )
    citizen_partner_pending_ids = fields.Many2many(
        "res.partner", compute="_compute_citizen_partner_pending_ids", string="Not yet notified",
    )

    @api.depends("citizen_partner_ids", "citizen_notice_ids.partner_ids")
    def _compute_citizen_partner_pending_ids(self):
        for doc in self:
            doc.citizen_partner_pending_ids = doc.citizen_partner_ids - doc.citizen_notice_ids.partner_ids

    @api.depends("state", "concerns_citizens", "confidentiality", "citizen_partner_ids",
                 "citizen_notice_ids.partner_ids", "citizen_notice_ids.date")
    def _compute_citizen_notice_state(self):
        for doc in self:
            notices = doc.citizen_notice_ids
            if doc.state != "issued" or not doc.concerns_citizens or doc.confidentiality != "normal":
                doc.citizen_notice_state, doc.citizen_notice_done_date = "not_required", False
            elif notices and not doc.citizen_partner_ids - notices.partner_ids:
                doc.citizen_notice_state, doc.citizen_notice_done_date = "notified", max(notices.mapped("date"))
            else:
                doc.citizen_notice_state, doc.citizen_notice_done_date = "to_notify", False

    @api.depends("citizen_notice_state", "citizen_notice_done_date", "citizen_notice_deadline")
    def _compute_citizen_notice_late(self):
        today = fields.Date.context_today(self)
        for doc in self:
            last = doc.citizen_notice_done_date or today
            doc.citizen_notice_late = bool(
                doc.citizen_notice_state != "not_required" and doc.citizen_notice_deadline
                and last > doc.citizen_notice_deadline)

    def _search_citizen_notice_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on lateness."))
        candidates = self.search([("citizen_notice_deadline", "!=", False),
                                  ("citizen_notice_state", "!=", "not_required")])
        ids = candidates.filtered("citizen_notice_late").ids
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    def _check_can_notify_citizens(self):
        for doc in self:
            if not doc.exists() or doc.state != "issued":
                raise UserError(self.env._("Only an issued document is notified to citizens."))
            if doc.confidentiality != "normal":
                raise UserError(self.env._("A state-secret document is never notified publicly (000 Đ20.1)."))
            if not doc.concerns_citizens:
                raise UserError(self.env._(
                    "This document is not marked as bearing directly on citizens' rights and obligations."))

    def action_issue(self):
        """Issuing a document on citizens' rights sets the notification deadline and reminds the Office."""
        res = super().action_issue()
        concerned = self.filtered(lambda d: d.concerns_citizens and d.confidentiality == "normal")
        for doc in concerned:
            deadline = doc.committee_id.profile_id.compute_deadline(
                fields.Date.context_today(self), "citizen_notice_days", doc.company_id)
            doc.sudo().citizen_notice_deadline = deadline
            doc.sudo().activity_schedule(
                "ubnd_quyche.mail_activity_citizen_notice", date_deadline=deadline or fields.Date.context_today(self),
                user_id=self.env.user.id,
                note=self.env._("Notify: %s", ", ".join(doc.citizen_partner_ids.mapped("name")) or "—"),
            )
        return res

    def action_record_citizen_notice(self):
        """Open the form recording a notification, proposing the citizens not yet notified."""
        self.ensure_one()
        self._check_can_notify_citizens()
        if not self.env.user.has_group("ubnd_quyche.group_ubnd_office"):
            raise AccessError(self.env._("Only the Office records that a document was notified to citizens."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a notification"),
            "res_model": "ubnd.document.citizen.notice",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_document_id": self.id,
                "default_partner_ids": self.citizen_partner_pending_ids.ids,
            },
        }

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in NOTICE_FIELDS:
                    vals.pop(fname, None)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and NOTICE_FIELDS & set(vals):
            raise AccessError(self.env._("The notification deadline is set by issuing the document."))
        return super().write(vals)
