"""Smoke tests against a running Odoo (see tests/ubnd_client.py for settings)."""
import os

from tests.ubnd_client import (OdooTestCase, admin_credentials, expected_modules,
                               http_get, jsonrpc, read_logins, xmlrpc_proxy)

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO_LOGINS_FILE = os.path.join(HERE, "demo_logins.txt")


class TestSmoke(OdooTestCase):

    def test_web_login_page(self):
        status, body = http_get(f"{self.url}/web/login")
        self.assertEqual(status, 200, f"GET {self.url}/web/login answered {status}")
        self.assertIn(b"<form", body, "the login page has no form")

    def test_server_version_is_19(self):
        version = xmlrpc_proxy(self.url, "common").version()
        self.assertEqual(version.get("server_serie"), "19.0", version)

    def test_admin_xmlrpc_authenticate(self):
        login, password = admin_credentials()
        uid = self.authenticate(login, password)
        self.assertTrue(isinstance(uid, int) and uid > 0,
                        f"admin could not authenticate on {self.db} (got {uid!r})")
        me = self.execute(uid, password, "res.users", "read", [uid], fields=["login"])
        self.assertEqual(me[0]["login"], login)

    def test_wrong_password_is_refused(self):
        login, _ = admin_credentials()
        self.assertFalse(self.authenticate(login, "definitely-not-the-password"))

    def test_jsonrpc_endpoint(self):
        login, password = admin_credentials()
        uid = jsonrpc(self.url, "common", "login", self.db, login, password)
        self.assertTrue(uid, "JSON-RPC login as admin failed")
        count = jsonrpc(self.url, "object", "execute_kw", self.db, uid, password,
                        "ir.module.module", "search_count", [[["state", "=", "installed"]]])
        self.assertGreater(count, 0)

    def test_project_modules_installed(self):
        login, password = admin_credentials()
        uid = self.authenticate(login, password)
        self.assertTrue(uid, "admin could not authenticate")
        modules = expected_modules()
        rows = self.execute(uid, password, "ir.module.module", "search_read",
                            [["name", "in", modules]], fields=["name", "state"])
        states = {r["name"]: r["state"] for r in rows}
        for name in modules:
            with self.subTest(module=name):
                self.assertEqual(states.get(name), "installed",
                                 f"module {name} is {states.get(name, 'unknown to Odoo')!r}")

    def test_demo_logins(self):
        """Every login of tests/demo_logins.txt can log in with password = login."""
        logins = read_logins(DEMO_LOGINS_FILE)
        for login in logins:
            with self.subTest(login=login):
                uid = self.authenticate(login, login)
                self.assertTrue(uid, f"demo user {login!r} cannot log in with password = login")
