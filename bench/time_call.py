#!/usr/bin/env python3
"""Time one JSON-RPC call of the web client as a given user, a few times (issue #13: before/after a fix).

    python bench/time_call.py --host http://127.0.0.1:8190 --db province_s1 --login t.vp.cv --password bench \\
        --model ubnd.task.update --method web_search_read --args '[[["state", "=", "submitted"]]]' \\
        --kwargs '{"specification": {"state": {}}, "limit": 20, "count_limit": 10001}' --repeat 6

Prints one line per call (milliseconds) and the median. The call runs in the user's own committee, as the web
client sends it (``allowed_company_ids``).
"""
import argparse
import json
import statistics
import time

import requests


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("--host", "--db", "--login", "--password", "--model", "--method"):
        ap.add_argument(name, required=True)
    ap.add_argument("--args", default="[]")
    ap.add_argument("--kwargs", default="{}")
    ap.add_argument("--repeat", type=int, default=6)
    a = ap.parse_args()
    session = requests.Session()

    def rpc(url, params):
        body = session.post(a.host + url, json={"jsonrpc": "2.0", "method": "call", "params": params}, timeout=300).json()
        if body.get("error"):
            raise SystemExit(body["error"]["data"]["message"])
        return body["result"]

    info = rpc("/web/session/authenticate", {"db": a.db, "login": a.login, "password": a.password})
    context = dict(info["user_context"], allowed_company_ids=[info["user_companies"]["current_company"]])
    kwargs = dict(json.loads(a.kwargs), context=context)
    times = []
    for _ in range(a.repeat):
        started = time.perf_counter()
        rpc("/web/dataset/call_kw/%s/%s" % (a.model, a.method),
            {"model": a.model, "method": a.method, "args": json.loads(a.args), "kwargs": kwargs})
        times.append((time.perf_counter() - started) * 1000)
        print("%.0f ms" % times[-1])
    print("median %.0f ms" % statistics.median(times))


if __name__ == "__main__":
    main()
