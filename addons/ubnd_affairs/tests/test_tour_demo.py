from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAffairsDemoTours(HttpCase):
    """The journeys of issue #11, items 2 and 3, walked in the browser on the Vietnamese demo as its users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls.env["ubnd.commune.request"].search([("name", "ilike", "Hoa Phượng")], limit=1)
        cls.complaint = cls.env["ubnd.complaint.case"].search([("name", "ilike", "Hồ Sen")], limit=1)
        cls.vc_economy = cls.env.ref("ubnd_quyche.user_hp_vc_economy", raise_if_not_found=False)

    def setUp(self):
        super().setUp()
        if not (self.request and self.complaint and self.vc_economy):
            self.skipTest("the Vietnamese demo data is not installed")

    def test_office_reports_late_request_and_leader_sees_it(self):
        """R-000-13.1-2: the Office reports the late request of UBND phường Hồng Bàng to the Vice-Chairman in charge of
        finance (Sở Tài chính did not answer within the 15 days of a request needing consultation); he finds it on
        his phone's "Việc của tôi", marked overdue."""
        self.browser_size = "1440x900"
        self.start_tour("/odoo/action-ubnd_affairs.ubnd_commune_request_action",
                        "ubnd_affairs_office_reports_late_request", login="chuyenvien.vp.hp")
        self.assertEqual(self.request.escalated_to_id, self.vc_economy)
        self.assertEqual(self.request.escalated_date, self.env["ubnd.workday"].today())
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_quyche.ubnd_my_work_action",
                        "ubnd_affairs_leader_sees_reported_request", login="pct.kinhte.hp")

    def test_leader_follows_overdue_complaint_on_phone(self):
        """R-000-48.4: the Vice-Chairman in charge of the land complaint sees it overdue on his phone, with the answer
        the Chief of Office gave as TUQ. CHỦ TỊCH under the Chairman's grant."""
        self.assertEqual(self.complaint.reply_ids.delegation_id.grantor_id, self.env.ref("ubnd_quyche.user_hp_chairman"))
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_quyche.ubnd_my_work_action",
                        "ubnd_affairs_leader_follows_complaint", login="pct.dothi.hp")
