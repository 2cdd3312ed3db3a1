from odoo import api, models


class UbndMyWork(models.AbstractModel):
    """"My work" of the meetings: ballots to answer, votes to cast, this week's meetings, meetings to prepare."""

    _inherit = "ubnd.my.work"

    @api.model
    def _my_work_items(self):
        items = super()._my_work_items()
        uid = self.env.uid
        monday, sunday = self._this_week()
        items += [
            self._my_work_item(
                "ballots_to_answer", "ubnd.ballot.slip", [("user_id", "=", uid), ("state", "=", "pending")],
                label=self.env._("Ballots awaiting my reply"), sequence=70, icon="fa-check-square",
                groups="ubnd_quyche.group_ubnd_member",
                base_action="ubnd_meetings.ubnd_ballot_slip_action_mine",
            ),
            self._my_work_item(
                "votes_to_cast", "ubnd.vote",
                [("state", "=", "open"), ("meeting_id.state", "=", "open"),
                 ("meeting_id.attendee_ids.user_id", "=", uid)],
                label=self.env._("Votes to cast at the session"), sequence=72, icon="fa-hand-paper-o",
                groups="ubnd_quyche.group_ubnd_member", hide_empty=True,
                base_action="ubnd_meetings.ubnd_vote_action_to_cast",
            ),
            self._my_work_item(
                "meetings_this_week", "ubnd.meeting",
                ["|", "|", ("attendee_ids.user_id", "=", uid), ("chair_id", "=", uid), ("secretary_id", "=", uid),
                 ("state", "!=", "cancelled"), ("meeting_date", ">=", monday), ("meeting_date", "<=", sunday)],
                label=self.env._("Meetings this week"), sequence=74, icon="fa-users",
                base_action="ubnd_meetings.ubnd_meeting_action",
            ),
            self._my_work_item(
                "meetings_to_prepare", "ubnd.meeting",
                [("step_ids", "any", [("responsible_id", "=", uid), ("done_date", "=", False)]),
                 ("state", "!=", "cancelled")],
                label=self.env._("Meetings to prepare"), sequence=76, icon="fa-calendar-check-o", hide_empty=True,
                base_action="ubnd_meetings.ubnd_meeting_action_my_steps",
            ),
        ]
        return items
