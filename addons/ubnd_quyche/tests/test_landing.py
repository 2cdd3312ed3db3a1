from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLanding(TransactionCase):
    """Issue #12 item 3: every committee user lands on "My work" (a tile with a count per kind of item, each
    opening its filtered list), is notified inside Odoo, and a fresh demo database shows no mail failures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chairman = cls.env.ref("ubnd_quyche.user_hp_chairman")
        cls.my_work = cls.env.ref("ubnd_quyche.ubnd_my_work_action")

    def test_demo_has_no_mail_failure(self):
        """Issue #12 item 3: the demo has no mail server, and no mail failure waits for anyone on a fresh demo
        database; committee users are notified inside Odoo, so nothing is emailed to them."""
        Notification = self.env["mail.notification"].sudo()
        self.assertEqual(Notification.search_count([("notification_status", "in", ("exception", "bounce"))]), 0)
        self.assertEqual(self.env["mail.mail"].sudo().search_count([("state", "=", "exception")]), 0)
        committee_partners = self.env["ubnd.committee"].sudo().search([]).member_ids.user_id.partner_id
        self.assertTrue(committee_partners)
        self.assertEqual(Notification.search_count([
            ("notification_type", "=", "email"), ("res_partner_id", "in", committee_partners.ids),
            ("notification_status", "not in", ("canceled", "sent")),
        ]), 0, "an email waits to be sent to a committee user")
        # What the demo queued for outside recipients is cancelled, not left for the queue to fail on.
        self.assertEqual(self.env["mail.mail"].sudo().search_count([("state", "=", "outgoing")]), 0)
        # Odoo's own demo users too are notified inside Odoo: their scheduled reminders are not emailed.
        self.assertEqual(self.env["res.users"].search_count(
            [("share", "=", False), ("notification_type", "=", "email")]), 0)

    def test_demo_users_land_on_my_work(self):
        """Issue #12 item 3: the demo's committee users are notified inside Odoo, land on "My work" and are spared
        OdooBot's onboarding chat."""
        users = self.env["res.users"].search([("login", "in", ("chutich.hp", "pct.dothi.hp", "chanhvp.hp",
                                                               "chuyenvien.vp.hp", "giamdoc.sxd.hp", "chutich.trian"))])
        self.assertEqual(len(users), 6)
        for user in users:
            self.assertEqual(user.notification_type, "inbox", user.login)
            self.assertEqual(user.action_id.id, self.my_work.id, user.login)
            if "odoobot_state" in user._fields:
                self.assertEqual(user.odoobot_state, "disabled", user.login)

    def test_user_created_for_a_committee_is_settled(self):
        """Issue #12 items 3 and 10: a user created in a committee's company gets its time zone, is notified inside
        Odoo and lands on "My work"; a user outside the committee's groups keeps Odoo's defaults."""
        company = self.env.ref("base.main_company")
        clerk = new_test_user(self.env(context=dict(self.env.context, tz="Europe/Paris")), login="t_new_clerk",
                              groups="ubnd_quyche.group_ubnd_staff", company_id=company.id)
        self.assertEqual(clerk.tz, "Asia/Ho_Chi_Minh")
        self.assertEqual(clerk.notification_type, "inbox")
        self.assertEqual(clerk.action_id.id, self.my_work.id)
        outsider = new_test_user(self.env, login="t_outsider", groups="base.group_user", company_id=company.id)
        self.assertFalse(outsider.action_id)

    def test_my_work_is_the_first_menu(self):
        """Issue #12 item 3: "My work" is the app's own action and its first menu."""
        root = self.env.ref("ubnd_quyche.menu_ubnd_root")
        self.assertEqual(root.action, self.my_work)
        first = root.child_id.sorted("sequence")[:1]
        self.assertEqual(first, self.env.ref("ubnd_quyche.menu_ubnd_my_work_home"))
        self.assertEqual(first.action, self.my_work)

    def test_tiles_count_what_their_list_opens(self):
        """Issue #12 item 3: each tile counts exactly the records its list opens for that user, and each user sees
        the kinds of work of his role: the Chairman his decisions and signatures, the Office what it forwards and
        issues, not the other way round."""
        MyWork = self.env["ubnd.my.work"]
        for login in ("chutich.hp", "pct.dothi.hp", "chuyenvien.vp.hp", "giamdoc.sxd.hp"):
            user = self.env["res.users"].search([("login", "=", login)])
            work = MyWork.with_user(user).get_my_work()
            self.assertEqual(work["user_name"], user.name)
            self.assertTrue(work["items"], login)
            for item in work["items"]:
                action = item["action"]
                listed = self.env[action["res_model"]].with_user(user).search(action["domain"])
                self.assertEqual(item["count"], len(listed), "%s: %s" % (login, item["key"]))
                self.assertLessEqual(item["overdue_count"], item["count"])
            keys = {item["key"] for item in work["items"]}
            if login == "chutich.hp":
                self.assertTrue({"submissions_to_decide", "documents_to_sign"} <= keys)
                self.assertNotIn("documents_to_issue", keys)
            if login == "chuyenvien.vp.hp":
                self.assertTrue({"submissions_to_forward", "documents_to_issue"} <= keys)
                self.assertNotIn("submissions_to_decide", keys)
        vice_chairman = self.env.ref("ubnd_quyche.user_hp_vc_urban")
        to_decide = {item["key"]: item for item in MyWork.with_user(vice_chairman).get_my_work()["items"]}
        self.assertGreaterEqual(to_decide["submissions_to_decide"]["count"], 1,
                                "the demo's dossier with the Vice-Chairman for urban affairs waits for his decision")

    def test_tile_lists_only_own_records(self):
        """Issue #12 item 3: a tile counts through the user's own access: another committee's dossiers are not
        counted (record rules apply as in the list)."""
        ward_chairman = self.env.ref("ubnd_quyche.user_ta_chairman")
        work = self.env["ubnd.my.work"].with_user(ward_chairman).get_my_work()
        for item in work["items"]:
            if item["action"]["res_model"] != "ubnd.submission":
                continue
            listed = self.env["ubnd.submission"].sudo().search(item["action"]["domain"])
            self.assertFalse(listed.filtered(lambda s: s.committee_id.company_id != ward_chairman.company_id))


@tagged("post_install", "-at_install")
class TestLandingTour(HttpCase):
    """Issue #12 item 3 (the leader's day, its landing): a Vice-Chairman on his phone lands on "My work" with counts
    and opens an item from a tile."""

    def test_leader_lands_on_his_work(self):
        """Issue #12 item 3: at 390x844 the Vice-Chairman for urban affairs lands on "Việc của tôi", sees
        "Hồ sơ chờ quyết định (1)" and opens the dossier waiting for his decision from the tile."""
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo", "ubnd_leader_lands_on_my_work", login="pct.dothi.hp")
