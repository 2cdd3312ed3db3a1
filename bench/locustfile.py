"""Load benchmark of the suite's user journeys (issue #13), with Locust, against a multi-worker Odoo.

Each virtual user logs in (``/web/session/authenticate``) as a generated user of his role — read from the
manifest written by ``bench/province_gen.py`` (``PROVINCE_MANIFEST``) — and then replays, with think time
between the steps, the JSON-RPC calls the web client makes for his journey (``/web/action/load``,
``/web/dataset/call_kw/<model>/<method>`` with ``web_search_read``/``web_read``/``formatted_read_group``,
``/web/dataset/call_button`` for the workflow buttons, ``/mail/thread/messages`` for the chatter):

- ``leader``     the leader's morning: My work, his inbox, opens a dossier, approves it, opens the signing screen
                 (the PDF is rendered) and signs;
- ``specialist`` his unit's tasks, opens one, posts a progress report; files a dossier with its components and
                 submits it;
- ``office``     the intake list, forwards a checked dossier to its leader, confirms a unit's report;
- ``voter``      a member in a sitting: opens the session, casts his vote (identity check, as in the web client)
                 within the same minute as the other members, then follows the session;
- ``dashboard``  a unit head's dashboard (his unit's tasks, grouped) and the statistics screen (pivot);
- ``baseline``   core Odoo under the same load: Discuss (``/mail/data``) and the contacts list and card.

Every journey is also reported as one line ``JOURNEY <name>``: the sum of its requests' times (think time
excluded). A JSON-RPC error counts as a failure; Odoo itself retries a write that hit a serialization failure
(up to 5 times, ``odoo.service.model.retrying``), so a retried write counts once, and one that still fails is
a failure here. A journey step that finds no work left (all the open dossiers were decided) is reported as
``NOWORK <step>`` instead of being skipped silently.

    PROVINCE_MANIFEST=~/.cache/ubnd-eoffice/bench/province_s1.json \\
      locust -f bench/locustfile.py --host http://127.0.0.1:8170 --headless -u 200 -r 20 -t 5m --csv /tmp/load200
"""
import json
import os
import random
import time
from itertools import count

from locust import HttpUser, between, events, task

MANIFEST = os.path.expanduser(os.environ.get("PROVINCE_MANIFEST", "~/.cache/ubnd-eoffice/bench/province_s1.json"))
# Think time between two journeys of one user (seconds); a glance between two steps of a journey is a third of it.
# The default, 5–20 s, is an office worker who clicks every few seconds while he works a file: each active user
# sends 4–6 requests a minute (bench/RESULTS.md gives the throughput each run measured).
THINK = (float(os.environ.get("THINK_MIN", "5")), float(os.environ.get("THINK_MAX", "20")))
# Sessions opened beforehand by bench/sessions.py ({login: session_id}): a virtual user resumes his session, as
# a user does who opens the web client in the morning; without one he logs in (one PBKDF2 check, ~0.6 s of CPU).
SESSIONS = os.environ.get("LOAD_SESSIONS")
# LOAD_NO_WRITE=1 (the smoke test on the shared test server): every read of every journey, no workflow write.
NO_WRITE = os.environ.get("LOAD_NO_WRITE") == "1"
_ids = count(1)


def load_manifest():
    with open(MANIFEST, encoding="utf-8") as f:
        return json.load(f)


class Role:
    """Round-robin over the logins of one role (several virtual users may share a login at high counts)."""

    def __init__(self):
        self.m = load_manifest()
        self.province = self.m["committees"][0]
        self.counters = {}
        self.sessions = {}
        if SESSIONS and os.path.exists(SESSIONS):
            with open(SESSIONS, encoding="utf-8") as f:
                self.sessions = json.load(f)

    def pick(self, role):
        pools = {
            "leader": self.province["vice_chairmen"],
            "specialist": self.province["specialists"],
            "office": self.province["office"] + [self.province["chief_of_office"]],
            "voter": [(login, session) for session in self.m.get("sessions", []) for login in session["voters"]],
            "dashboard": self.province["heads"],
            "baseline": self.province["specialists"][::-1],
        }
        pool = pools[role]
        n = self.counters[role] = self.counters.get(role, -1) + 1
        return pool[n % len(pool)]


ROLES = None


def roles():
    global ROLES  # noqa: PLW0603 - one manifest per Locust process
    if ROLES is None:
        ROLES = Role()
    return ROLES


class RpcError(Exception):
    pass


class StopJourney(Exception):
    """The journey ends here without error (no write in a read-only smoke run)."""


class OdooUser(HttpUser):
    abstract = True
    wait_time = between(*THINK)
    role = None

    # ------------------------------------------------------------------ transport
    def rpc(self, url, params, name, race=False):
        """One JSON-RPC call as the web client makes it; a JSON-RPC error is a failure of ``name``. With ``race``,
        a refusal of the workflow (UserError: another user took the dossier or the report first) is not a failure:
        it is reported as ``NOWORK`` and ends the journey, as a user would find the item gone."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids), "params": params}
        started = time.perf_counter()
        with self.client.post(url, json=payload, name=name, catch_response=True) as resp:
            self._journey_ms += (time.perf_counter() - started) * 1000
            try:
                body = resp.json()
            except ValueError:
                resp.failure("not JSON (HTTP %s)" % resp.status_code)
                raise RpcError(name) from None
            if body.get("error"):
                err = body["error"].get("data", {})
                if race and err.get("name") == "odoo.exceptions.UserError":
                    resp.success()
                    self.nowork("%s (taken by another user)" % name)
                    raise StopJourney()
                resp.failure("%s: %s" % (err.get("name", "error"), (err.get("message") or "")[:200]))
                raise RpcError(err.get("message"))
            resp.success()
            return body.get("result")

    def call(self, model, method, args=(), kwargs=None, name=None, button=False, write=False, race=False):
        if write and NO_WRITE:
            self.nowork("%s (no write)" % (name or method))
            raise StopJourney()
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.ctx)
        url = "/web/dataset/%s/%s/%s" % ("call_button" if button else "call_kw", model, method)
        return self.rpc(url, {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
                        name or "%s %s.%s" % (self.role, model, method), race=race)

    def action(self, xmlid):
        return self.rpc("/web/action/load", {"action_id": xmlid}, "%s action %s" % (self.role, xmlid.split(".")[-1]))

    def think(self):
        time.sleep(random.uniform(*THINK) / 3)  # a glance between two steps of one journey

    def nowork(self, step):
        events.request.fire(request_type="NOWORK", name="%s %s" % (self.role, step), response_time=0,
                            response_length=0, exception=None, context={})

    def journey(self, name, steps):
        """Run ``steps`` (a callable) as one journey; its requests' total time is reported as one line."""
        self._journey_ms = 0.0
        exception = None
        try:
            steps()
        except RpcError as exc:
            exception = exc
        except StopJourney:
            pass
        events.request.fire(request_type="JOURNEY", name="%s: %s" % (self.role, name),
                            response_time=self._journey_ms, response_length=0, exception=exception, context={})

    # ------------------------------------------------------------------ session
    def on_start(self):
        self._journey_ms = 0.0
        r = roles()
        self.login = r.pick(self.role)
        if isinstance(self.login, (list, tuple)):  # a voter: (login, the sitting he sits in)
            self.login, self.session = self.login
        self.manifest = r.m
        self.province = r.province
        self.password = r.m.get("password") or self.login  # the demo's users: password = login
        result = self.resume_session(r.sessions.get(self.login))
        if not result:
            result = self.rpc("/web/session/authenticate",
                              {"db": r.m["db"], "login": self.login, "password": self.password}, "login")
        self.uid = result["uid"]
        # The user's own committee, as the web client sends it (a commune's member is not in the province's).
        company = (result.get("user_companies") or {}).get("current_company") or self.province["company_id"]
        self.ctx = dict(result.get("user_context") or {}, allowed_company_ids=[company])
        if self.role != "voter":  # users arrive over the first think time, not all in the same second
            time.sleep(random.uniform(0, THINK[1]))

    def resume_session(self, session_id):
        """The web client's first call on a page load with a session cookie: the session's user, or None."""
        if not session_id:
            return None
        self.client.cookies.set("session_id", session_id)
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(_ids), "params": {}}
        with self.client.post("/web/session/get_session_info", json=payload, name="session info",
                              catch_response=True) as resp:
            resp.success()  # an expired session is not a failure: the user logs in again
            try:
                info = resp.json().get("result") or {}
            except ValueError:
                info = {}
        if info.get("uid"):
            return info
        self.client.cookies.clear()
        return None

    def web_search_read(self, model, domain, spec, limit=80, name=None, order=None):
        kwargs = {"specification": spec, "offset": 0, "limit": limit, "count_limit": 10001}
        if order:
            kwargs["order"] = order
        return self.call(model, "web_search_read", [domain], kwargs, name=name)

    def web_read(self, model, ids, spec, name=None):
        return self.call(model, "web_read", [ids], {"specification": spec}, name=name)

    def chatter(self, model, res_id):
        return self.rpc("/mail/thread/messages", {"thread_model": model, "thread_id": res_id,
                                                  "fetch_params": {"limit": 30}}, "%s chatter %s" % (self.role, model))


SUB_LIST = {"reference": {}, "name": {}, "state": {}, "current_deadline": {}, "is_overdue": {},
            "submitting_unit_id": {"fields": {"display_name": {}}}, "leader_id": {"fields": {"display_name": {}}}}
SUB_FORM = dict(SUB_LIST, summary={}, kind={}, field_id={"fields": {"display_name": {}}}, urgency={},
                received_date={}, decision_deadline={}, committee_id={"fields": {"display_name": {}}},
                component_ids={"fields": {"display_name": {}, "code": {}, "required": {}, "provided": {}}},
                review_ids={"fields": {"sequence": {}, "status": {}, "done_by": {"fields": {"display_name": {}}}}})
TASK_LIST = {"name": {}, "lead_unit_id": {"fields": {"display_name": {}}}, "effective_deadline": {}, "status": {},
             "state": {}, "leader_id": {"fields": {"display_name": {}}}}
TASK_FORM = dict(TASK_LIST, content={}, source_number={}, source_date={}, deadline={},
                 update_ids={"fields": {"kind": {}, "state": {}, "report_date": {}, "note": {}}})
PARTNER_LIST = {"display_name": {}, "email": {}, "phone": {}, "city": {}, "country_id": {"fields": {"display_name": {}}},
                "is_company": {}, "avatar_128": {}}


class Leader(OdooUser):
    role = "leader"
    weight = 3

    @task
    def morning(self):
        def steps():
            self.action("ubnd_quyche.ubnd_my_work_action")
            self.call("ubnd.my.work", "get_my_work", name="leader ubnd.my.work.get_my_work")
            self.think()
            inbox = self.web_search_read("ubnd.submission", [("inbox_user_ids", "in", self.uid)], SUB_LIST,
                                         name="leader inbox web_search_read")
            waiting = [r for r in inbox["records"] if r["state"] == "to_leader"]
            if not waiting:
                self.nowork("approve")
                return
            sub = random.choice(waiting)["id"]
            self.web_read("ubnd.submission", [sub], SUB_FORM, name="leader dossier web_read")
            self.chatter("ubnd.submission", sub)
            self.think()
            self.call("ubnd.submission", "action_approve", [[sub]], button=True, name="leader approve", write=True, race=True)
            self.think()
            act = self.call("ubnd.submission", "action_open_sign", [[sub]], button=True,
                            name="leader open signing screen (PDF)", write=True)
            self.web_read("ubnd.sign.confirm", [act["res_id"]], {"document_id": {"fields": {"display_name": {}}},
                                                                  "preview_pdf_name": {}},
                          name="leader signing screen web_read")
            self.call("ubnd.sign.confirm", "action_confirm", [[act["res_id"]]], button=True, name="leader sign", write=True)
        self.journey("morning", steps)


class Specialist(OdooUser):
    role = "specialist"
    weight = 6

    def my_unit(self):
        code = self.login.split(".")[1].upper()
        return self.province["units"].get(code)

    @task(3)
    def tasks_and_update(self):
        def steps():
            self.action("ubnd_tasks.ubnd_task_action_unit_dashboard")
            tasks = self.web_search_read("ubnd.task", [("is_my_unit", "=", True), ("state", "=", "in_progress")],
                                         TASK_LIST, name="specialist unit tasks web_search_read")
            if not tasks["records"]:
                self.nowork("post update")
                return
            task_id = random.choice(tasks["records"])["id"]
            self.web_read("ubnd.task", [task_id], TASK_FORM, name="specialist task web_read")
            self.chatter("ubnd.task", task_id)
            self.think()
            self.call("ubnd.task.update", "web_save", [[], {"task_id": task_id, "kind": "progress",
                                                            "written_report": False, "note": "Báo cáo tiến độ: đang triển khai theo kế hoạch."}],
                      {"specification": {"state": {}}}, name="specialist post update web_save", write=True)
        self.journey("unit tasks + post update", steps)

    @task(1)
    def submit_dossier(self):
        def steps():
            self.action("ubnd_quyche.ubnd_submission_action")
            unit = self.my_unit()
            new = self.call("ubnd.submission", "web_save", [[], {
                "name": "Tờ trình đo tải %s" % time.strftime("%H:%M:%S"), "committee_id": self.province["id"],
                "kind": "other", "submitting_unit_id": unit, "summary": "Hồ sơ tạo trong đo tải.",
            }], {"specification": {"component_ids": {"fields": {"required": {}, "code": {}}}}},
                name="specialist new dossier web_save", write=True)
            sub = new[0]["id"]
            for comp in new[0]["component_ids"]:
                if comp["required"]:
                    att = self.call("ir.attachment", "create", [[{
                        "name": "thanh-phan-%s.pdf" % comp["code"], "datas": PDF_B64, "mimetype": "application/pdf",
                        "res_model": "ubnd.submission", "res_id": sub}]], name="specialist upload component")
                    self.call("ubnd.submission.component", "web_save",
                              [[comp["id"]], {"attachment_ids": [[4, att[0]]]}], {"specification": {}},
                              name="specialist attach component web_save")
            self.think()
            self.call("ubnd.submission", "action_submit", [[sub]], button=True, name="specialist submit dossier")
        self.journey("file + submit dossier", steps)


class Office(OdooUser):
    role = "office"
    weight = 2

    @task
    def intake(self):
        def steps():
            self.action("ubnd_quyche.ubnd_submission_inbox_action")
            intake = self.web_search_read("ubnd.submission", [("inbox_user_ids", "in", self.uid),
                                                              ("state", "=", "submitted")], SUB_LIST,
                                          name="office intake web_search_read")
            if intake["records"]:
                sub = intake["records"][0]["id"]
                self.web_read("ubnd.submission", [sub], SUB_FORM, name="office dossier web_read")
                self.think()
                self.call("ubnd.submission", "action_forward_to_leader", [[sub]], button=True, name="office forward", write=True, race=True)
            else:
                self.nowork("forward")
            self.think()
            reports = self.web_search_read("ubnd.task.update", [("state", "=", "submitted")],
                                           {"task_id": {"fields": {"display_name": {}}}, "kind": {}, "note": {},
                                            "unit_id": {"fields": {"display_name": {}}}, "state": {}},
                                           limit=20, name="office reports web_search_read")
            if reports["records"]:
                self.call("ubnd.task.update", "action_confirm", [[reports["records"][0]["id"]]], button=True,
                          name="office confirm report", write=True, race=True)
            else:
                self.nowork("confirm report")
        self.journey("intake + forward + confirm report", steps)


class Voter(OdooUser):
    """A member in the sitting: all voters are in the room together and cast their vote within the same minute.

    He opens the session and the vote, casts his vote when his turn comes (within 50 s of the start), then
    follows the session as members do, refreshing the result now and then (every 20–60 s): the web client does
    not poll, the bus pushes the sitting's changes."""
    role = "voter"
    weight = 0
    fixed_count = int(os.environ.get("VOTERS", "0"))  # at most the members of the open sittings: one vote each
    voted = False

    def on_start(self):
        super().on_start()
        self.cast_after = time.time() + random.uniform(0, 50)

    def wait_time(self):
        if self.voted:
            return random.uniform(20, 60)
        return max(0.5, min(random.uniform(*THINK), self.cast_after - time.time()))

    @task
    def sitting(self):
        def steps():
            vote_id = self.session.get("vote_id")
            self.web_read("ubnd.meeting", [self.session["meeting_id"]],
                          {"name": {}, "state": {}, "item_ids": {"fields": {"name": {}, "state": {}}}},
                          name="voter session web_read")
            vote = self.web_read("ubnd.vote", [vote_id], {"state": {}, "approve_count": {}, "reject_count": {},
                                                          "abstain_count": {}, "member_count": {}},
                                 name="voter vote web_read")
            if self.voted or vote[0]["state"] != "open" or time.time() < self.cast_after:
                return
            res = self.call("ubnd.vote", "action_vote_approve", [[vote_id]], button=True, name="voter cast vote", write=True)
            if isinstance(res, dict) and res.get("res_model") == "res.users.identitycheck":
                # the web client's identity check: password, then the wizard replays the vote
                self.call("res.users.identitycheck", "web_save", [[res["res_id"]], {}], {"specification": {}},
                          name="voter identity check web_save")
                self.call("res.users.identitycheck", "run_check", [[res["res_id"]]],
                          {"context": dict(self.ctx, password=self.password)}, button=True,
                          name="voter identity check + vote")
            self.voted = True
        self.journey("sitting + vote", steps)


class Dashboard(OdooUser):
    role = "dashboard"
    weight = 2

    @task
    def dashboard_and_statistics(self):
        def steps():
            self.action("ubnd_tasks.ubnd_task_action_unit_dashboard")
            self.call("ubnd.task", "web_read_group", [], {
                "domain": [("is_my_unit", "=", True)], "groupby": ["status"], "aggregates": ["__count"],
                "unfold_read_default_limit": 40, "auto_unfold": True,
                "unfold_read_specification": TASK_LIST}, name="dashboard unit kanban web_read_group")
            self.think()
            self.action("ubnd_tasks.ubnd_task_analysis_action")
            self.call("ubnd.task.analysis", "formatted_read_grouping_sets", [], {
                "domain": [], "grouping_sets": [[], ["lead_unit_id"], ["status"], ["lead_unit_id", "status"]],
                "aggregates": ["__count"]}, name="dashboard statistics pivot")
        self.journey("unit dashboard + statistics", steps)


class Baseline(OdooUser):
    """Core Odoo under the same load: Discuss and the contacts list, as any Odoo user opens them."""
    role = "baseline"
    weight = 2

    @task
    def discuss_and_contacts(self):
        def steps():
            self.action("mail.action_discuss")
            self.rpc("/mail/data", {"fetch_params": ["failures", "systray_get_activities", "init_messaging"],
                                    "context": self.ctx}, "baseline /mail/data")
            self.think()
            self.action("base.action_partner_form")
            partners = self.web_search_read("res.partner", [], PARTNER_LIST, name="baseline contacts web_search_read")
            if partners["records"]:
                pid = random.choice(partners["records"])["id"]
                self.web_read("res.partner", [pid], dict(PARTNER_LIST, street={}, zip={}, website={}, comment={},
                                                           child_ids={"fields": {"display_name": {}}}),
                              name="baseline contact web_read")
                self.chatter("res.partner", pid)
        self.journey("Discuss + contacts", steps)


# A one-page PDF (the components a unit files; the server only stores it).
PDF_B64 = ("JVBERi0xLjQKMSAwIG9iago8PC9UeXBlL0NhdGFsb2cvUGFnZXMgMiAwIFI+PgplbmRvYmoKMiAwIG9iago8PC9UeXBlL1BhZ2VzL0tp"
           "ZHNbMyAwIFJdL0NvdW50IDE+PgplbmRvYmoKMyAwIG9iago8PC9UeXBlL1BhZ2UvUGFyZW50IDIgMCBSL01lZGlhQm94WzAgMCA1OTUg"
           "ODQyXT4+CmVuZG9iagp0cmFpbGVyCjw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=")
