"""Tiny stdlib client for the integration tests.

Connection settings come from the environment (scripts/test.sh sets them):
  UBND_URL             base URL of the Odoo server, e.g. http://127.0.0.1:8069
  UBND_DB              database name
  UBND_ADMIN_LOGIN     default "admin"
  UBND_ADMIN_PASSWORD  default "admin"
  UBND_MODULES         comma-separated addons expected installed
                       (default: ubnd_quyche,ubnd_meetings,ubnd_tasks)
"""
import json
import os
import unittest
import urllib.error
import urllib.request
import xmlrpc.client

DEFAULT_MODULES = "ubnd_quyche,ubnd_meetings,ubnd_tasks"
TIMEOUT = 60


class _TimeoutTransport(xmlrpc.client.Transport):
    def make_connection(self, host):
        conn = super().make_connection(host)
        conn.timeout = TIMEOUT
        return conn


def settings():
    """Return (url, db) or raise AssertionError with a clear message.

    Deliberately not a skip: a suite that silently skips when the server is
    not configured would report success without testing anything."""
    url = os.environ.get("UBND_URL", "").rstrip("/")
    db = os.environ.get("UBND_DB", "")
    missing = [n for n, v in (("UBND_URL", url), ("UBND_DB", db)) if not v]
    if missing:
        raise AssertionError(
            "%s not set: these integration tests need a running Odoo. "
            "Run them through scripts/test.sh, or set UBND_URL=http://127.0.0.1:8069 "
            "and UBND_DB=<database> yourself." % " and ".join(missing)
        )
    return url, db


def admin_credentials():
    return (os.environ.get("UBND_ADMIN_LOGIN", "admin"),
            os.environ.get("UBND_ADMIN_PASSWORD", "admin"))


def expected_modules():
    return [m for m in os.environ.get("UBND_MODULES", DEFAULT_MODULES).split(",") if m]


def xmlrpc_proxy(url, service):
    return xmlrpc.client.ServerProxy(
        f"{url}/xmlrpc/2/{service}", allow_none=True, transport=_TimeoutTransport())


def http_get(url):
    """GET url -> (status, body bytes); HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, headers={"User-Agent": "ubnd-integration-tests"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def jsonrpc(url, service, method, *args):
    payload = json.dumps({
        "jsonrpc": "2.0", "method": "call", "id": 1,
        "params": {"service": service, "method": method, "args": list(args)},
    }).encode()
    req = urllib.request.Request(f"{url}/jsonrpc", data=payload,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
        body = json.loads(resp.read())
    if "error" in body:
        raise AssertionError("JSON-RPC error: %s" % json.dumps(body["error"])[:2000])
    return body["result"]


class OdooTestCase(unittest.TestCase):
    """Base class: fails (does not skip) when UBND_URL/UBND_DB are missing."""

    def setUp(self):
        super().setUp()
        self.url, self.db = settings()

    def authenticate(self, login, password):
        return xmlrpc_proxy(self.url, "common").authenticate(self.db, login, password, {})

    def execute(self, uid, password, model, method, *args, **kwargs):
        return xmlrpc_proxy(self.url, "object").execute_kw(
            self.db, uid, password, model, method, list(args), kwargs)


def read_logins(path):
    """Logins listed in a file, one per line; blank lines and # comments ignored."""
    logins = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                logins.append(line)
    return logins
