from datetime import timedelta

from odoo import api, fields, models


class UbndMyWork(models.AbstractModel):
    """"My work" (Việc của tôi): where every committee user lands.

    One tile per kind of item waiting for the current user — its label, how many there are and
    the list that opens on a tap. Each addon adds its own kinds by extending ``_my_work_items``
    (``items = super()._my_work_items(); items += [...]``), built with ``_my_work_item``. Counts
    are searched as the user, so record rules decide what he sees, exactly as in the list a
    tile opens.
    """

    _name = "ubnd.my.work"
    _description = "My work"

    @api.model
    @api.readonly  # read-only request: Odoo runs it on the read replica when one is configured (db_replica_host)
    def get_my_work(self):
        """What the landing screen shows: who and which day it is, then the tiles in order."""
        user = self.env.user
        today = self.env["ubnd.workday"].today()
        items = [item for item in self._my_work_items() if item]
        items.sort(key=lambda item: item["sequence"])
        return {
            "user_name": user.name,
            "committee_name": self.env["ubnd.committee"].sudo()._for_company().name or user.company_id.name,
            "today": today.strftime("%d/%m/%Y"),
            "items": items,
        }

    @api.model
    def _my_work_items(self):
        """The kinds of item of the core: dossiers at each step of their way, and consultations."""
        uid = self.env.uid
        waiting = [("inbox_user_ids", "in", uid)]  # whose turn it is, as the dossier's workflow says
        return [
            self._my_work_item(
                "submissions_to_initial", "ubnd.submission", waiting + [("state", "=", "initialling")],
                label=self.env._("Dossiers awaiting my initials"), sequence=10, icon="fa-pencil",
                groups="ubnd_quyche.group_ubnd_unit_head", hide_empty=True,
                base_action="ubnd_quyche.ubnd_submission_inbox_action",
            ),
            self._my_work_item(
                "submissions_to_forward", "ubnd.submission", waiting + [("state", "=", "submitted")],
                label=self.env._("Dossiers to check and forward"), sequence=20, icon="fa-inbox",
                groups="ubnd_quyche.group_ubnd_office", overdue=[("is_overdue", "=", True)],
                base_action="ubnd_quyche.ubnd_submission_inbox_action",
            ),
            self._my_work_item(
                "submissions_to_decide", "ubnd.submission", waiting + [("state", "=", "to_leader")],
                label=self.env._("Dossiers awaiting my decision"), sequence=30, icon="fa-gavel",
                groups="ubnd_quyche.group_ubnd_member", overdue=[("is_overdue", "=", True)],
                base_action="ubnd_quyche.ubnd_submission_inbox_action",
            ),
            self._my_work_item(
                "documents_to_sign", "ubnd.submission", waiting + [("state", "=", "approved")],
                label=self.env._("Documents to sign"), sequence=40, icon="fa-pencil-square-o",
                groups="ubnd_quyche.group_ubnd_member",
                base_action="ubnd_quyche.ubnd_submission_inbox_action",
            ),
            self._my_work_item(
                "documents_to_issue", "ubnd.submission", waiting + [("state", "=", "signed")],
                label=self.env._("Documents to issue"), sequence=45, icon="fa-paper-plane",
                groups="ubnd_quyche.group_ubnd_office", overdue=[("is_overdue", "=", True)],
                base_action="ubnd_quyche.ubnd_submission_inbox_action",
            ),
            self._my_work_item(
                "submissions_to_clarify", "ubnd.submission",
                [("submitter_id", "=", uid), ("state", "in", ("clarification", "returned"))],
                label=self.env._("My dossiers returned or to clarify"), sequence=50, icon="fa-reply",
                hide_empty=True, base_action="ubnd_quyche.ubnd_submission_action",
            ),
            self._my_work_item(
                "consultations_to_answer", "ubnd.consultation",
                [("state", "=", "sent"),
                 ("line_ids", "any", [("state", "=", "waiting"), ("unit_id.manager_id.user_id", "=", uid)])],
                label=self.env._("Consultations awaiting my unit's reply"), sequence=55, icon="fa-comments-o",
                groups="ubnd_quyche.group_ubnd_unit_head", hide_empty=True,
                base_action="ubnd_quyche.ubnd_consultation_action",
            ),
        ]

    @api.model
    def _my_work_item(self, key, model, domain, *, label, sequence=100, icon="fa-folder-open-o", groups=None,
                      overdue=None, base_action=None, context=None, hide_empty=False):
        """One tile: the items of ``model`` matching ``domain`` for the current user.

        None (no tile) when the user is in none of ``groups`` or may not read ``model``, or when
        ``hide_empty`` and nothing is waiting (kinds of work only some users of a group have).
        ``overdue`` narrows ``domain`` to the late ones, shown apart on the tile.
        ``base_action`` (an xmlid) lends its views to the list the tile opens.
        """
        if groups and not any(self.env.user.has_group(group) for group in groups.split(",")):
            return None
        Model = self.env[model]
        if not Model.has_access("read"):
            return None
        count = Model.search_count(domain)
        if hide_empty and not count:
            return None
        action = {"type": "ir.actions.act_window", "res_model": model,
                  "views": [[False, "list"], [False, "form"]]}
        if base_action:
            base = self.env["ir.actions.act_window"]._for_xml_id(base_action)
            action.update({key: base[key] for key in ("views", "view_mode", "search_view_id", "help") if key in base})
        action.update({"name": label, "domain": domain, "context": dict(context or {}), "target": "current"})
        return {
            "key": key,
            "label": label,
            "count": count,
            "overdue_count": Model.search_count(domain + overdue) if overdue else 0,
            "sequence": sequence,
            "icon": icon,
            "action": action,
        }

    @api.model
    def _this_week(self):
        """Monday and Sunday of the committee's working week (on a day off, the coming one), as domain values."""
        Workday = self.env["ubnd.workday"]
        day = Workday.working_day_on_or_after(Workday.today())
        monday = day - timedelta(days=day.weekday())
        return fields.Date.to_string(monday), fields.Date.to_string(monday + timedelta(days=6))

    @api.model
    def _today(self):
        """The committee's today, as a domain value."""
        return fields.Date.to_string(self.env["ubnd.workday"].today())
