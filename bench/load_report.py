#!/usr/bin/env python3
"""Turn the Locust CSV files of a load run into the markdown table of bench/RESULTS.md.

    python bench/load_report.py /tmp/load/u25 /tmp/load/u50 ... [--title "..."] [--meta run.json]

Each argument is a Locust ``--csv`` prefix (``<prefix>_stats.csv``); the number of users is read from the
prefix (``u200`` → 200) or from ``<prefix>.json`` (written by bench/run_load.sh with the machine's load before
and after). Per journey (the ``JOURNEY`` lines of bench/locustfile.py): p50/p95/p99, journeys per second,
failures, and the ratio of its p95 to the core Odoo baseline's p95 in the same run. The slowest single
requests of the largest run follow, to show where a journey's time goes.
"""
import argparse
import csv
import json
import os
import re


def read_stats(prefix):
    with open(prefix + "_stats.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def meta(prefix):
    path = prefix + ".json"
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    m = re.search(r"u(\d+)", os.path.basename(prefix))
    return {"users": int(m.group(1)) if m else 0}


def ms(value):
    v = float(value or 0)
    return "%.0f" % v if v >= 10 else "%.1f" % v


def worst_request(rows, journey):
    """The request of the journey's role with the highest p95 (a journey is the sum of several requests)."""
    role = journey.split(":")[0] + " "
    requests = [r for r in rows if r["Type"] == "POST" and r["Name"].startswith(role) and r["95%"] not in ("", "N/A")]
    if not requests:
        return "–"
    worst = max(requests, key=lambda r: float(r["95%"]))
    return "%s: %s" % (worst["Name"][len(role):], ms(worst["95%"]))


def table(prefixes):
    lines = ["| users | journey | n | p50 ms | p95 ms | p99 ms | journeys/s | failures | p95 / core p95 "
             "| the role's slowest request: p95 ms |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    notes = []
    for prefix in prefixes:
        rows = read_stats(prefix)
        info = meta(prefix)
        journeys = [r for r in rows if r["Type"] == "JOURNEY"]
        base = next((r for r in journeys if r["Name"].startswith("baseline")), None)
        base95 = float(base["95%"]) if base and base["95%"] not in ("", "N/A") else 0
        for r in sorted(journeys, key=lambda r: (r["Name"].startswith("baseline"), r["Name"])):
            ratio = float(r["95%"]) / base95 if base95 and r["95%"] not in ("", "N/A") else 0
            lines.append("| %s | %s | %s | %s | %s | %s | %.2f | %s | %s | %s |" % (
                info.get("users", "?"), r["Name"], r["Request Count"], ms(r["50%"]), ms(r["95%"]), ms(r["99%"]),
                float(r["Requests/s"]), r["Failure Count"],
                "**core**" if r is base else ("%.2f×" % ratio if ratio else "–"), worst_request(rows, r["Name"])))
        nowork = [r for r in rows if r["Type"] == "NOWORK"]
        total = next((r for r in rows if r["Name"] == "Aggregated"), None)
        note = "%s users: %s requests, %s failed, %.1f req/s" % (
            info.get("users", "?"), total["Request Count"], total["Failure Count"], float(total["Requests/s"]))
        if info.get("voters"):
            note += " (with %s voters)" % info["voters"]
        if info.get("think"):
            note += ", think time %s s" % info["think"]
        if "load_before" in info:
            note += ", load average %.2f → %.2f" % (info["load_before"], info["load_after"])
        if "retried" in info:
            note += "; Odoo retried %s request(s) after a serialization failure (%s log line(s) mention one)" % (
                info["retried"], info["serialization_lines"])
        if info.get("longest_cron_s"):
            note += "; the longest scheduled job that ran meanwhile took %s s" % info["longest_cron_s"]
        if nowork:
            note += "; steps that found no work left: " + ", ".join(
                "%s ×%s" % (r["Name"], r["Request Count"]) for r in nowork)
        notes.append(note)
    return lines, notes


def slowest(prefix, n=8):
    rows = [r for r in read_stats(prefix) if r["Type"] == "POST" and r["99%"] not in ("", "N/A")]
    rows.sort(key=lambda r: -float(r["95%"]))
    lines = ["| request | n | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows[:n]:
        lines.append("| %s | %s | %s | %s | %s | %s |" % (r["Name"], r["Request Count"], ms(r["50%"]), ms(r["95%"]),
                                                       ms(r["99%"]), ms(r["Max Response Time"])))
    return lines


def requests_table(prefixes):
    """Every request, p50 / p95 ms at each level: the suite's calls side by side with core Odoo's ("baseline")."""
    levels = [(meta(p).get("users", "?"), {r["Name"]: r for r in read_stats(p) if r["Type"] == "POST"}) for p in prefixes]
    names = sorted({name for _users, rows in levels for name in rows}, key=lambda n: (not n.startswith("baseline"), n))
    lines = ["| request | " + " | ".join("%s users: p50 / p95 ms" % users for users, _rows in levels) + " |",
             "|---|" + "---:|" * len(levels)]
    for name in names:
        cells = []
        for _users, rows in levels:
            r = rows.get(name)
            cells.append("%s / %s" % (ms(r["50%"]), ms(r["95%"])) if r and r["95%"] not in ("", "N/A") else "–")
        lines.append("| %s | %s |" % (name, " | ".join(cells)))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prefixes", nargs="+")
    ap.add_argument("--title", default="Load benchmark")
    ap.add_argument("--requests", action="store_true", help="also every request at every level")
    args = ap.parse_args()
    lines, notes = table(args.prefixes)
    out = ["### %s" % args.title, ""] + lines + [""] + ["- " + n for n in notes] + [
        "", "Slowest requests at %s users:" % meta(args.prefixes[-1]).get("users", "?"), ""] + slowest(args.prefixes[-1])
    if args.requests:
        out += ["", "Every request (core Odoo's first):", ""] + requests_table(args.prefixes)
    print("\n".join(out))


if __name__ == "__main__":
    main()
