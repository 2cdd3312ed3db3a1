from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" tiles: commune requests awaiting an answer, complaint cases, decentralisations to review."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        uid = self.env.uid
        items += [
            self._my_work_item(
                "commune_requests", "ubnd.commune.request",
                [("state", "=", "waiting"), "|", "&", ("direction", "=", "to_agency"),
                 ("agency_id.manager_id.user_id", "=", uid), ("escalated_to_id", "=", uid)],
                label=self.env._("Commune requests awaiting an answer"), sequence=70, icon="fa-university",
                overdue=[("is_late", "=", True)], hide_empty=True,
                base_action="ubnd_affairs.ubnd_commune_request_action",
            ),
            self._my_work_item(
                "department_consultations", "ubnd.commune.request",
                [("state", "=", "waiting"), ("direction", "=", "to_commune"), ("commune_id.manager_id.user_id", "=", uid)],
                label=self.env._("Departments' consultations awaiting my answer"), sequence=69, icon="fa-comments",
                overdue=[("is_late", "=", True)], hide_empty=True,
                base_action="ubnd_affairs.ubnd_commune_request_action",
            ),
            self._my_work_item(
                "commune_requests_late", "ubnd.commune.request", [("state", "=", "waiting"), ("is_late", "=", True)],
                label=self.env._("Commune requests past their deadline"), sequence=71, icon="fa-clock-o",
                groups="ubnd_quyche.group_ubnd_office", overdue=[("is_late", "=", True)], hide_empty=True,
                base_action="ubnd_affairs.ubnd_commune_request_action",
            ),
            self._my_work_item(
                "complaint_cases", "ubnd.complaint.case",
                [("state", "!=", "settled"), "|", ("leader_id", "=", uid), ("officer_id", "=", uid)],
                label=self.env._("Complaints and denunciations in my charge"), sequence=72, icon="fa-balance-scale",
                overdue=[("is_overdue", "=", True)], hide_empty=True,
                base_action="ubnd_affairs.ubnd_complaint_case_action",
            ),
            self._my_work_item(
                "decentralisations_to_review", "ubnd.decentralisation",
                [("state", "=", "active"), "|", ("review_due", "=", True), ("expiry_warned", "=", True)],
                label=self.env._("Decentralisations to review or renew"), sequence=74, icon="fa-sitemap",
                groups="ubnd_quyche.group_ubnd_office", hide_empty=True,
                base_action="ubnd_affairs.ubnd_decentralisation_action",
            ),
        ]
        for item in items[-5:]:
            if item:
                item["action"]["mobile_view_mode"] = "kanban"  # cards on a leader's phone, the list on a desk
        return items
