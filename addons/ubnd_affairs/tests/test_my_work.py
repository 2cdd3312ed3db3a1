from freezegun import freeze_time

from odoo.tests import tagged

from .common import UbndAffairsCase


@tagged("post_install", "-at_install")
class TestAffairsMyWork(UbndAffairsCase):
    """Item 2–4 of issue #11: "Việc của tôi" shows the department's head his late commune requests and the leader in
    charge his overdue cases."""

    def tiles(self, user):
        return {item["key"]: item for item in self.env["ubnd.my.work"].with_user(user).get_my_work()["items"]}

    def test_tiles_for_late_requests_and_overdue_cases(self):
        """Item 2, 3 of issue #11: a late request counts as overdue on the head's tile and the Office's; an overdue
        case on the leader's."""
        self.Request.with_user(self.deputy_office).create({
            "name": "Đề nghị", "committee_id": self.committee.id, "commune_id": self.commune.id,
            "agency_id": self.department.id, "date_received": "2026-03-02",
        })
        case = self.Case.with_user(self.deputy_office).create({
            "name": "Khiếu nại", "committee_id": self.committee.id, "leader_id": self.vc_urban.id,
            "date_received": "2026-03-02",
        })
        with freeze_time("2026-03-02 03:00:00"):
            case.with_user(self.deputy_office).action_accept()
        with freeze_time("2026-04-10 03:00:00"):
            self.Request._cron_mark_late()
            self.Case._cron_mark_overdue()
            head = self.tiles(self.unit_head)["commune_requests"]
            self.assertEqual((head["count"], head["overdue_count"]), (1, 1))
            self.assertEqual(self.tiles(self.deputy_office)["commune_requests_late"]["count"], 1)
            leader = self.tiles(self.vc_urban)["complaint_cases"]
            self.assertEqual((leader["count"], leader["overdue_count"]), (1, 1))
            self.assertNotIn("complaint_cases", self.tiles(self.vc_economy))
