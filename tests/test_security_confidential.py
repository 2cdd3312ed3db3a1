"""Confidential (mật) content is hidden on every read channel from a user who must not see it.

Channels: read, search / search_read / search_count, name_search, read_group, export_data, the chatter
(mail.message), its tracking values (mail.tracking.value) and the files (ir.attachment) — each over
XML-RPC and JSON-RPC. Records: the confidential document of the demo data (issued "mật"), the task it
assigns (R-002-5.2) and the confidential dossier (R-000-15.4-2). Users who must not see them: a unit
specialist and a unit head of other units, and the ward's specialist and Vice-Chairman.

The confidential document carries its signed scan (demo data), so the file channel is really exercised.
"""

from tests.ubnd_client import SecurityCase

OUTSIDERS = ("chuyenvien.stc.hp", "giamdoc.sxd.hp", "chuyenvien.trian", "pct.kinhte.trian")


class TestConfidentialHidden(SecurityCase):
    """Confidential content on every read channel (issue #9: what already holds and must keep holding)."""

    def setUp(self):
        super().setUp()
        self.doc = self.find("ubnd.document", [("confidentiality", "!=", "normal"), ("state", "=", "issued")])
        self.doc_name = self.admin("ubnd.document", "read", [self.doc], ["name"])[0]["name"]
        self.task = self.find("ubnd.task", [("document_id", "=", self.doc)])
        self.dossier = self.find("ubnd.submission", [("confidentiality", "!=", "normal")])
        self.dossier_submitter = self.admin("ubnd.submission", "read", [self.dossier],
                                            ["submitter_id"])[0]["submitter_id"][0]

    def _secret_file(self):
        """The scan filed with the confidential document at issuance (no file is added to it afterwards)."""
        files = self.admin("ubnd.document", "read", [self.doc], ["attachment_ids"])[0]["attachment_ids"]
        self.assertTrue(files, "demo data: the confidential document has its signed file")
        return files[0], self.admin("ir.attachment", "read", files[:1], ["name"])[0]["name"]

    def _hidden(self, user, model, rec_id, name, name_field="name"):
        """Every generic read channel of ``model`` hides ``rec_id`` from ``user`` (one sub-test each)."""
        with self.subTest(channel="read"):
            self.assertRefused(user, model, "read", [rec_id], [name_field])
        with self.subTest(channel="export_data"):
            self.assertRefused(user, model, "export_data", [rec_id], [name_field])
        with self.subTest(channel="search"):
            self.assertEqual(user(model, "search_count", [("id", "=", rec_id)], context={"active_test": False}), 0)
            self.assertNotIn(rec_id, user(model, "search", [(name_field, "ilike", name[:25])],
                                          context={"active_test": False}))
            self.assertNotIn(rec_id, [r["id"] for r in user(model, "search_read", [], fields=["id"],
                                                              context={"active_test": False})])
        with self.subTest(channel="name_search"):
            ok, found = user.try_call(model, "name_search", name[:25], [], "ilike", 50)
            self.assertTrue(ok, "%r: name_search on %s crashes: %s" % (user, model, found))
            self.assertNotIn(rec_id, [row[0] for row in found], "%r finds %s %s by name_search" % (user, model, rec_id))
        with self.subTest(channel="read_group"):
            groups = user(model, "read_group", [], ["confidentiality"], ["confidentiality"], lazy=False)
            visible_secret = user(model, "search_count", [("confidentiality", "!=", "normal")])
            grouped = sum(g["__count"] for g in groups if g.get("confidentiality") not in (False, "normal"))
            self.assertEqual(grouped, visible_secret, "%r: read_group counts %s confidential %s, search %s"
                             % (user, grouped, model, visible_secret))

    def test_confidential_document_hidden_everywhere(self):
        """R-000-20.1, R-000-15.4-2, R-002-5.2-2: a confidential issued document is invisible to specialists and
        unit heads of other units and to the ward: read, export and message reads refused; search, search_read,
        name_search and read_group neither list nor count it; its messages, tracking values and files are not
        found."""
        att, file_name = self._secret_file()
        messages = self.admin("mail.message", "search", [("model", "=", "ubnd.document"), ("res_id", "=", self.doc)])
        self.assertTrue(messages, "demo data: the confidential document has a chatter")
        trackings = self.admin("mail.tracking.value", "search", [("mail_message_id", "in", messages)])
        for login in OUTSIDERS:
            for user in self.users(login):
                with self.subTest(user=user):
                    self._hidden(user, "ubnd.document", self.doc, self.doc_name)
                    self.assertEqual(user("mail.message", "search_count",
                                          [("model", "=", "ubnd.document"), ("res_id", "=", self.doc)]), 0)
                    self.assertRefused(user, "mail.message", "read", messages[:1], ["body"])
                    ok, found = user.try_call("mail.tracking.value", "search",
                                              [("mail_message_id", "in", messages)])
                    self.assertTrue(not ok or found == [], "%r finds the tracking values %s" % (user, found))
                    if trackings:
                        self.assertRefused(user, "mail.tracking.value", "read", trackings[:1], ["old_value_char"])
                    self.assertEqual(user("ir.attachment", "search",
                                          ["|", ("name", "=", file_name),
                                           "&", ("res_model", "=", "ubnd.document"), ("res_id", "=", self.doc)]), [])
                    self.assertRefused(user, "ir.attachment", "read", [att], ["name", "datas"])

    def test_task_of_a_confidential_document_hidden(self):
        """R-002-5.2, R-002-5.2-2: the task assigned by a confidential document is hidden from users of units
        that neither lead nor coordinate it, and from the ward, on every read channel; its chatter too."""
        name = self.admin("ubnd.task", "read", [self.task], ["name"])[0]["name"]
        lead_unit = self.admin("ubnd.task", "read", [self.task], ["lead_unit_id"])[0]["lead_unit_id"][0]
        messages = self.admin("mail.message", "search", [("model", "=", "ubnd.task"), ("res_id", "=", self.task)])
        for login in OUTSIDERS:
            units = self.admin("res.users", "search_read", [("login", "=", login)],
                               fields=["ubnd_unit_ids"])[0].get("ubnd_unit_ids", [])
            if lead_unit in units:
                continue
            for user in self.users(login):
                with self.subTest(user=user):
                    self._hidden(user, "ubnd.task", self.task, name)
                    self.assertEqual(user("mail.message", "search_count",
                                          [("model", "=", "ubnd.task"), ("res_id", "=", self.task)]), 0)
                    if messages:
                        self.assertRefused(user, "mail.message", "read", messages[:1], ["body"])

    def test_confidential_dossier_hidden(self):
        """R-000-15.4-2: a state-secret dossier is excluded from electronic tracking: other units' users and the
        ward neither read, list, count, export nor find it by name."""
        name = self.admin("ubnd.submission", "read", [self.dossier], ["name"])[0]["name"]
        for login in OUTSIDERS:
            if self.find("res.users", [("login", "=", login)]) == self.dossier_submitter:
                continue
            for user in self.users(login):
                with self.subTest(user=user):
                    self._hidden(user, "ubnd.submission", self.dossier, name)
