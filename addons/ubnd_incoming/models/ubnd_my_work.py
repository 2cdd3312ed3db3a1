from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" of incoming documents: the Office's documents to register, the leader's to direct, the units'
    to handle."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        uid = self.env.uid
        today = self._today()
        received = [("origin", "=", "external")]
        items += [
            self._my_work_item(
                "incoming_to_register", "ubnd.incoming", received + [("state", "=", "received")],
                label=self.env._("Incoming documents to register"), sequence=5, icon="fa-envelope-open-o",
                groups="ubnd_quyche.group_ubnd_office", overdue=[("registration_deadline", "<", today)],
                base_action="ubnd_incoming.ubnd_incoming_action",
            ),
            self._my_work_item(
                "incoming_to_direct", "ubnd.incoming", received + [("state", "=", "presented"), ("leader_id", "=", uid)],
                label=self.env._("Incoming documents awaiting my direction"), sequence=6, icon="fa-share-square-o",
                groups="ubnd_quyche.group_ubnd_member,ubnd_quyche.group_ubnd_office", hide_empty=True,
                base_action="ubnd_incoming.ubnd_incoming_action_leader",
            ),
            self._my_work_item(
                "incoming_to_handle", "ubnd.incoming",
                received + [("state", "=", "handling"), ("assignment_ids.unit_id", "in", self.env.user.ubnd_unit_ids.ids)],
                label=self.env._("Incoming documents my unit handles"), sequence=66, icon="fa-inbox",
                overdue=[("is_overdue", "=", True)], hide_empty=True,
                base_action="ubnd_incoming.ubnd_incoming_action_leader",
            ),
        ]
        return items
