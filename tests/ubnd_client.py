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
import sys
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


# --------------------------------------------------------------------------- security suite helpers
# Odoo's XML-RPC (/xmlrpc/2) fault codes: 2 = UserError (ValidationError, MissingError included),
# 3 = AccessDenied, 4 = AccessError; 1 = anything else, with the server's traceback as text.
_XMLRPC_CODES = {2: "odoo.exceptions.UserError", 3: "odoo.exceptions.AccessDenied",
                 4: "odoo.exceptions.AccessError"}
# What a refusal must be: an error Odoo presents to the user, never a crash.
CLEAR_ERRORS = ("odoo.exceptions.AccessError", "odoo.exceptions.UserError",
                "odoo.exceptions.ValidationError", "odoo.exceptions.MissingError")


class RpcError(Exception):
    """A call refused by the server, on either channel.

    ``name`` is the exception's qualified class name as the channel reports it
    (``odoo.exceptions.AccessError``, ``builtins.ValueError``, ``psycopg2.errors...``);
    over XML-RPC a UserError subclass is reported as ``odoo.exceptions.UserError``."""

    def __init__(self, channel, name, message):
        super().__init__("[%s] %s: %s" % (channel, name, message[:1500]))
        self.channel, self.name, self.message = channel, name, message

    @property
    def is_clear(self):
        return self.name in CLEAR_ERRORS


def _raw_name(traceback_text):
    """The class of the last exception in a formatted traceback (a crash, not a clear error)."""
    lines = [l for l in traceback_text.strip().splitlines() if l and not l.startswith(" ")]
    last = lines[-1] if lines else traceback_text
    return "raw:" + last.split(":", 1)[0].strip()


class RpcUser:
    """A demo user logged in over one channel: ``xml`` (XML-RPC execute_kw) or ``json`` (/jsonrpc).

    ``user(model, method, *args, **kwargs)`` runs execute_kw and raises :class:`RpcError` on a fault."""

    def __init__(self, url, db, login, password=None, channel="xml"):
        self.url, self.db, self.login, self.channel = url, db, login, channel
        self.password = password if password is not None else login
        if channel == "xml":
            self.uid = xmlrpc_proxy(url, "common").authenticate(db, login, self.password, {})
        else:
            self.uid = self._json("common", "login", db, login, self.password)
        if not self.uid:
            raise AssertionError("%s cannot log in on %s" % (login, db))

    def __repr__(self):
        return "<%s over %s>" % (self.login, self.channel)

    def _json(self, service, method, *args):
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1,
                              "params": {"service": service, "method": method, "args": list(args)}}).encode()
        req = urllib.request.Request(f"{self.url}/jsonrpc", data=payload,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            body = json.loads(resp.read())
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError("json", data.get("name") or "unknown", data.get("message") or json.dumps(body["error"]))
        return body.get("result")  # a method returning None answers without "result"

    def __call__(self, model, method, *args, **kwargs):
        if self.channel == "json":
            return self._json("object", "execute_kw", self.db, self.uid, self.password,
                              model, method, list(args), kwargs)
        try:
            return xmlrpc_proxy(self.url, "object").execute_kw(
                self.db, self.uid, self.password, model, method, list(args), kwargs)
        except xmlrpc.client.Fault as fault:
            name = _XMLRPC_CODES.get(fault.faultCode) or _raw_name(str(fault.faultString))
            raise RpcError("xml", name, str(fault.faultString)) from None

    def try_call(self, model, method, *args, **kwargs):
        """(True, result) or (False, RpcError)."""
        try:
            return True, self(model, method, *args, **kwargs)
        except RpcError as err:
            return False, err


class SecurityCase(OdooTestCase):
    """Base of the security suite: demo users on both channels, admin as the witness.

    Attacks run as ordinary demo users; the admin only re-reads the database before and after,
    and removes what a test created legitimately (``self.cleanup(model, ids)``)."""

    CHANNELS = ("xml", "json")
    _users = {}

    def setUp(self):
        super().setUp()
        self.admin = self.user(admin_credentials()[0], admin_credentials()[1])
        self._to_remove = []
        self.addCleanup(self._remove_created)

    def user(self, login, password=None, channel="xml"):
        key = (self.url, self.db, login, channel)
        if key not in SecurityCase._users:
            SecurityCase._users[key] = RpcUser(self.url, self.db, login, password, channel)
        return SecurityCase._users[key]

    def users(self, login):
        """The same demo user on every channel."""
        return [self.user(login, channel=c) for c in self.CHANNELS]

    # --- witnessing ---------------------------------------------------------------------------
    def snapshot(self, model, ids, fields=None):
        """What the admin reads of ``ids`` (inactive records included), to compare after an attack; a record
        that no longer exists is simply absent."""
        rows = self.admin(model, "search_read", [("id", "in", list(ids))], fields=fields or [],
                          order="id", context={"active_test": False})
        for row in rows:
            for volatile in ("message_is_follower", "has_message",
                             "my_activity_date_deadline", "activity_exception_decoration",
                             "activity_exception_icon", "activity_state", "activity_user_id",
                             "activity_date_deadline", "activity_summary", "activity_type_icon",
                             "message_needaction", "message_needaction_counter", "message_has_error",
                             "message_has_error_counter", "message_attachment_count",
                             "message_has_sms_error", "is_mine", "my_can_vote", "can_review",
                             "user_is_lead", "user_is_coordinator", "user_is_office", "is_my_unit"):
                row.pop(volatile, None)
        return rows

    def count(self, model, domain):
        return self.admin(model, "search_count", domain, context={"active_test": False})

    def find(self, model, domain, limit=1, order=None):
        kwargs = {"limit": limit, "context": {"active_test": False}}
        if order:
            kwargs["order"] = order
        ids = self.admin(model, "search", domain, **kwargs)
        if not ids:
            self.fail("demo data: no %s matches %s" % (model, domain))
        return ids[0] if limit == 1 else ids

    def cleanup(self, model, ids):
        self._to_remove.append((model, list(ids)))

    def _remove_created(self):
        """Best effort: a record that an accepted attack created may be guarded against removal too
        (e.g. a forged approval step); it is reported, the test has already failed on the attack."""
        for model, ids in reversed(self._to_remove):
            existing = self.admin(model, "search", [("id", "in", ids)], context={"active_test": False}) if ids else []
            if existing:
                ok, err = self.admin.try_call(model, "unlink", existing)
                if not ok:
                    sys.stderr.write("\nsecurity suite: could not remove %s %s left by %s: %s\n"
                                     % (model, existing, self.id(), err))

    # --- assertions ---------------------------------------------------------------------------
    def assertRefused(self, user, model, method, *args, expect=None, **kwargs):
        """The call is refused with a clear Odoo error (never a crash) and the error is returned.

        ``expect``: a class name or tuple of names, e.g. "odoo.exceptions.AccessError"."""
        ok, outcome = user.try_call(model, method, *args, **kwargs)
        if ok:
            self.fail("%r: %s.%s%r was ACCEPTED (returned %r) — it must be refused"
                      % (user, model, method, args, str(outcome)[:300]))
        self.assertTrue(outcome.is_clear, "%r: %s.%s was refused by a crash, not a clear error: %s"
                        % (user, model, method, outcome))
        self._check_expected(user, outcome, expect)
        self._log_refusal(user, model, method, outcome)
        return outcome

    def _log_refusal(self, user, model, method, outcome):
        """UBND_SECURITY_LOG=<file>: one line per refusal, to review WHY each attack was refused."""
        path = os.environ.get("UBND_SECURITY_LOG")
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write("%s\t%r\t%s.%s\t%s\t%s\n" % (self.id().rsplit(".", 1)[-1], user, model, method, outcome.name,
                                                   outcome.message.strip().splitlines()[0][:200]))

    def _check_expected(self, user, outcome, expect):
        if not expect:
            return
        expected = (expect,) if isinstance(expect, str) else tuple(expect)
        if user.channel == "xml":  # XML-RPC reports UserError subclasses as UserError
            expected += tuple("odoo.exceptions.UserError" for e in expected
                              if e in ("odoo.exceptions.ValidationError", "odoo.exceptions.MissingError"))
        self.assertIn(outcome.name, expected, "%r refused with %s, expected %s" % (user, outcome, expected))

    def assertUnchanged(self, before, model, ids, fields=None, msg=None):
        self.assertEqual(self.snapshot(model, ids, fields), before,
                         msg or "%s %s changed although the attack was refused" % (model, ids))

    def attack(self, user, model, method, *args, witness=None, expect=None, **kwargs):
        """Refused, and the witnessed records (``witness=(model, ids, fields)``) are unchanged."""
        before = self.snapshot(*witness) if witness else None
        if witness and len(before) < len(set(witness[1])):
            self.fail("%s %s no longer exist: an earlier accepted attack destroyed them" % witness[:2])
        err = self.assertRefused(user, model, method, *args, expect=expect, **kwargs)
        if witness:
            self.assertUnchanged(before, *witness)
        return err

    def attack_create(self, user, model, vals, count_domain, expect=None, **kwargs):
        """A create that must be refused; nothing of ``model`` matching ``count_domain`` appears."""
        before = self.count(model, count_domain)
        ok, outcome = user.try_call(model, "create", vals, **kwargs)
        if ok:
            ids = outcome if isinstance(outcome, list) else [outcome]
            self.cleanup(model, ids)
            self.fail("%r: %s.create(%r) was ACCEPTED (ids %s) — it must be refused" % (user, model, vals, ids))
        self.assertTrue(outcome.is_clear, "%r: %s.create was refused by a crash: %s" % (user, model, outcome))
        self._check_expected(user, outcome, expect)
        self._log_refusal(user, model, "create", outcome)
        self.assertEqual(self.count(model, count_domain), before, "%s.create left records behind" % model)
        return outcome


class WebSession:
    """A browser-like session of the web client (/web/session/authenticate + /web/dataset/call_kw).

    Needed for action methods decorated with ``check_identity`` (they only run within an HTTP session
    whose password was re-checked in the last 10 minutes); :meth:`confirm_identity` does that check the
    way the web client does, through the ``res.users.identitycheck`` wizard, on a harmless action."""

    def __init__(self, url, db, login, password=None):
        self.url, self.db, self.login = url, db, login
        self.password = password if password is not None else login
        self.cookie = None
        info = self._post("/web/session/authenticate", {"db": db, "login": login, "password": self.password})
        self.uid = info.get("uid")
        if not self.uid:
            raise AssertionError("%s cannot open a web session on %s" % (login, db))

    def __repr__(self):
        return "<%s over the web client>" % self.login

    def _post(self, path, params):
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}).encode()
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        req = urllib.request.Request(self.url + path, data=payload, headers=headers)
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            for header in resp.headers.get_all("Set-Cookie") or []:
                if header.startswith("session_id="):
                    self.cookie = header.split(";", 1)[0]
            body = json.loads(resp.read())
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError("web", data.get("name") or "unknown", data.get("message") or json.dumps(body["error"]))
        return body.get("result")

    def __call__(self, model, method, *args, **kwargs):
        return self._post("/web/dataset/call_kw/%s/%s" % (model, method),
                          {"model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def try_call(self, model, method, *args, **kwargs):
        try:
            return True, self(model, method, *args, **kwargs)
        except RpcError as err:
            return False, err

    @property
    def channel(self):
        return "web"

    def confirm_identity(self):
        """Re-enter the password as the web client's identity check asks (harmless action underneath)."""
        action = self("res.users", "preference_change_password", [self.uid])
        if action.get("res_model") == "res.users.identitycheck":
            self("res.users.identitycheck", "run_check", [action["res_id"]],
                 context={"password": self.password})
