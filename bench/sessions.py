#!/usr/bin/env python3
"""Open, before a load run, the sessions the virtual users of bench/locustfile.py resume (issue #13).

A civil servant logs in once in the morning and works in that session all day; a login is one PBKDF2-SHA512
check of 600,000 rounds (~0.6 s of one core). Replaying a login wave inside every measured level would measure
the morning's first minutes, not the day: so the logins of the users a run will need are made here, once, their
cost is printed (it is a figure of bench/RESULTS.md of its own), and the virtual users resume their session
(``/web/session/get_session_info``, as the web client does on a page load). Sessions still valid from an
earlier run are kept.

    PROVINCE_MANIFEST=~/.cache/ubnd-eoffice/bench/province_s1.json \\
      python bench/sessions.py --host http://127.0.0.1:8170 --users 200 --voters 50 --out sessions.json
"""
from gevent import monkey

monkey.patch_all()  # as Locust does, before ssl is imported (locustfile imports Locust)

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

import requests  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def logins_for(users, voters):
    """The logins Locust's users will pick at ``users`` users: each role's share of the weights, in the order
    of ``Role.pick`` (a few more than needed), and every voter."""
    import locustfile  # noqa: PLC0415 - needs PROVINCE_MANIFEST set first
    classes = [c for c in vars(locustfile).values()
               if isinstance(c, type) and issubclass(c, locustfile.OdooUser) and c.role and c.weight]
    total = sum(c.weight for c in classes)
    role = locustfile.Role()
    wanted = []
    for cls in classes:
        for _ in range(math.ceil(users * cls.weight / total) + 1):
            wanted.append(role.pick(cls.role))
    for _ in range(min(voters, sum(len(s["voters"]) for s in role.m.get("sessions", [])))):
        wanted.append(role.pick("voter")[0])
    return role.m, list(dict.fromkeys(wanted))


def session_valid(host, session_id):
    r = requests.post(host + "/web/session/get_session_info", cookies={"session_id": session_id},
                      json={"jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60)
    return bool((r.json().get("result") or {}).get("uid"))


def login(host, db, login_, password):
    started = time.perf_counter()
    r = requests.post(host + "/web/session/authenticate", timeout=120, json={
        "jsonrpc": "2.0", "method": "call", "params": {"db": db, "login": login_, "password": password}})
    elapsed = (time.perf_counter() - started) * 1000
    if r.json().get("error") or "session_id" not in r.cookies:
        raise SystemExit("login %s refused: %s" % (login_, r.text[:300]))
    return r.cookies["session_id"], elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", required=True)
    ap.add_argument("--users", type=int, required=True, help="the largest number of users of the run")
    ap.add_argument("--voters", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--parallel", type=int, default=2, help="logins at once (the machine's cores)")
    args = ap.parse_args()
    manifest, wanted = logins_for(args.users, args.voters)
    sessions = {}
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            sessions = json.load(f)
    kept = {lg: sid for lg, sid in sessions.items() if lg in wanted and session_valid(args.host, sid)}
    missing = [lg for lg in wanted if lg not in kept]
    password = manifest.get("password")
    started = time.perf_counter()
    with ThreadPoolExecutor(args.parallel) as pool:
        done = list(pool.map(lambda lg: (lg, *login(args.host, manifest["db"], lg, password or lg)), missing))
    wall = time.perf_counter() - started
    kept.update({lg: sid for lg, sid, _ms in done})
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(kept, f, indent=1)
    times = sorted(ms for _lg, _sid, ms in done)
    summary = {"sessions": len(kept), "reused": len(kept) - len(done), "logins": len(done),
               "parallel": args.parallel, "wall_s": round(wall, 1)}
    if times:
        summary.update(login_p50_ms=round(statistics.median(times)),
                       login_max_ms=round(times[-1]),
                       logins_per_s=round(len(done) / wall, 2))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
