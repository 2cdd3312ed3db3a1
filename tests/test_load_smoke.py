"""Smoke run of the load benchmark (bench/locustfile.py) against the test server, so that it cannot rot.

Issue #13: the benchmark itself is never part of the suite; this runs a few Locust users for a minute
on the demo data (the Hải Phòng committee's users, password = login), every journey's reads as the web
client makes them (actions, list and form specifications, chatter, My work, dashboard, pivot, Discuss and
contacts), without the workflow writes (``LOAD_NO_WRITE=1``: the suite's other tests share this database),
and fails on any error. Locust lives in a venv of its own (bench/requirements-bench.txt), which
``scripts/test.sh`` installs before this suite (``ensure_bench_venv``); without it the test fails, never skips.
"""
import csv
import json
import os
import subprocess
import tempfile

from tests.ubnd_client import OdooTestCase, admin_credentials

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_VENV = os.environ.get("UBND_BENCH_VENV", os.path.expanduser("~/.cache/ubnd-eoffice/bench-venv"))
LOCUST = os.path.join(BENCH_VENV, "bin", "locust")


class TestLoadSmoke(OdooTestCase):

    def demo_manifest(self):
        """The manifest bench/province_gen.py writes, built from the demo's Hải Phòng committee."""
        login, password = admin_credentials()
        uid = self.authenticate(login, password)
        committee = self.execute(uid, password, "ubnd.committee", "search_read",
                                 [["name", "ilike", "Hải Phòng"]], fields=["company_id"], limit=1)[0]
        units = self.execute(uid, password, "hr.department", "search_read",
                             [["ubnd_committee_id", "=", committee["id"]]], fields=["ubnd_code"])
        return {
            "db": self.db, "password": None,  # demo users: password = login
            "committees": [{
                "id": committee["id"], "level": "province", "company_id": committee["company_id"][0],
                "units": {u["ubnd_code"]: u["id"] for u in units if u["ubnd_code"]},
                "chairman": "chutich.hp", "vice_chairmen": ["pct.kinhte.hp", "pct.dothi.hp"],
                "chief_of_office": "chanhvp.hp", "office": ["phochanhvp.hp", "chuyenvien.vp.hp"],
                "heads": ["giamdoc.stc.hp"], "members": [], "specialists": ["chuyenvien.stc.hp"],
            }],
            "sessions": [],
        }

    def test_locust_journeys_run_without_error(self):
        """Issue #13 (load benchmark smoke): 7 Locust users, every journey but the vote, 60 seconds, no error."""
        locust = LOCUST
        self.assertTrue(os.path.exists(locust), "Locust is not installed in %s (scripts/test.sh installs "
                                                "bench/requirements-bench.txt there)" % BENCH_VENV)
        with tempfile.TemporaryDirectory(prefix="ubnd-load-smoke-") as tmp:
            manifest = os.path.join(tmp, "manifest.json")
            with open(manifest, "w", encoding="utf-8") as f:
                json.dump(self.demo_manifest(), f)
            env = dict(os.environ, PROVINCE_MANIFEST=manifest, THINK_MIN="0.2", THINK_MAX="0.6", LOAD_NO_WRITE="1")
            run = subprocess.run(
                [locust, "-f", os.path.join(ROOT, "bench", "locustfile.py"), "--host", self.url, "--headless",
                 "-u", "7", "-r", "7", "-t", "60s", "--csv", os.path.join(tmp, "smoke"), "--only-summary",
                 "Leader", "Specialist", "Office", "Dashboard", "Baseline"],
                env=env, capture_output=True, text=True, timeout=300)
            with open(os.path.join(tmp, "smoke_stats.csv"), encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        output = (run.stdout + run.stderr)[-3000:]
        journeys = {r["Name"]: r for r in rows if r["Type"] == "JOURNEY"}
        failed = {r["Name"]: r["Failure Count"] for r in rows if r["Name"] != "Aggregated" and int(r["Failure Count"])}
        self.assertFalse(failed, "requests failed in the smoke run: %s\n%s" % (failed, output))
        for role in ("leader", "specialist", "office", "dashboard", "baseline"):
            with self.subTest(role=role):
                self.assertTrue(any(name.startswith(role + ":") for name in journeys),
                                "no %s journey completed in 60 s: %s\n%s" % (role, sorted(journeys), output))
