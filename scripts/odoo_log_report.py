#!/usr/bin/env python3
"""Read an Odoo 19 server log written by a `--test-enable --stop-after-init` run
and report what scripts/test.sh needs to decide pass/fail.

Standard library only. Usage:

    odoo_log_report.py LOGFILE [--modules a,b,c] [--json]

Without --json it prints shell assignments (for `eval`).

Odoo 19 result lines that are parsed (see odoo/service/server.py,
ThreadedServer.run, and odoo/tests/result.py, OdooTestResult.__str__):

    <date> <time> <pid> INFO|WARNING|ERROR <db> odoo.tests.result: \
        F failed, E error(s) of N tests when loading database '<db>'

One such line is logged per database at the end of a --stop-after-init run;
it is cumulative over at_install and post_install tests. All such lines are
summed. Also parsed, for information and cross-checks:

    odoo.modules.loading: Module M: F failures, E errors of N tests   (ERROR, only on failure)
    odoo.service.server: N post-tests in T s, Q queries
    odoo.addons.M.tests...: skipped Class.method : reason            (INFO, per skipped test)
"""
import argparse
import json
import re
import shlex
import sys

LINE_RE = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>\d\d:\d\d:\d\d,\d+) (?P<pid>\d+) "
    r"(?P<level>[A-Z?]+) (?P<db>\S+) (?P<logger>[\w.]+): (?P<msg>.*)$"
)
RESULT_RE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests when loading database"
)
MODULE_FAIL_RE = re.compile(r"^Module (?P<module>\w+): (?P<failed>\d+) failures, (?P<errors>\d+) errors of (?P<run>\d+) tests")
POST_TESTS_RE = re.compile(r"^(?P<run>\d+) post-tests in ")
SKIP_RE = re.compile(r"^skipped (?P<test>.*?) : (?P<reason>.*)$")
TEST_FAIL_RE = re.compile(r"^(FAIL|ERROR): ")

# Browser tests (HttpCase.browser_js / start_tour) that could not run: Odoo
# skips them (unittest.SkipTest) and still reports "0 failed".
# Strings from odoo/tests/common.py (Odoo 19).
BROWSER_SKIP_RE = re.compile(
    r"websocket-client module is not installed"
    r"|Chrome executable not found"
    r"|Chrome headless failed to start"
    r"|Failed to detect chrome devtools port"
    r"|Error during Chrome headless connection"
    r"|Error during Chrome connection"
    r"|Cannot connect to chrome dev tools"
    r"|chrom\w* not found",
    re.IGNORECASE,
)
# Any skip whose reason mentions the browser also counts.
BROWSER_WORDS_RE = re.compile(r"chrom|websocket|browser|devtools", re.IGNORECASE)

# Warnings that mean an addon was not (fully) loaded.
BAD_WARNING_RE = re.compile(
    r"not installable, skipped"
    r"|in a dependency loop, skipped"
    r"|invalid module names, ignored"
    r"|manifest not found"
    r"|has an incompatible version, setting installable=False"
    r"|Some modules are not loaded"
    r"|Some modules have inconsistent states"
    r"|Couldn't load module"
)

# ERROR lines that are test-result bookkeeping (already counted by the result
# line), not separate problems.
SUMMARY_ERROR_RE = re.compile(
    r"when loading database"
    r"|^Module \w+: \d+ failures, \d+ errors of \d+ tests"
    r"|^At least one test failed when loading the modules"
    r"|^Test suite halted: max failed tests already reached"
)


def is_test_logger(logger):
    """odoo.addons.<module>.tests[.<file>[.<Class>.<method>[.browser]]]"""
    return logger.startswith("odoo.addons.") and ".tests." in logger + "."


def parse(lines, modules=()):
    rep = {
        "result_lines": 0,
        "tests_run": 0,
        "tests_failed": 0,
        "tests_errors": 0,
        "post_tests": 0,
        "skipped": 0,
        "module_failures": [],
        "browser_skips": [],
        "unexpected_errors": [],
        "test_logger_errors": [],
        "bad_warnings": [],
        "test_failure_lines": 0,
        "result_raw": [],
        "loaded_modules": [],
    }
    for raw in lines:
        line = raw.rstrip("\n")
        m = LINE_RE.match(line)
        if not m:
            continue
        level, logger, msg = m["level"], m["logger"], m["msg"]
        r = RESULT_RE.search(msg)
        if r and logger == "odoo.tests.result":
            rep["result_lines"] += 1
            rep["tests_run"] += int(r["run"])
            rep["tests_failed"] += int(r["failed"])
            rep["tests_errors"] += int(r["errors"])
            rep["result_raw"].append(line)
            continue
        mf = MODULE_FAIL_RE.match(msg)
        if mf:
            rep["module_failures"].append(msg)
        pt = POST_TESTS_RE.match(msg)
        if pt and logger == "odoo.service.server":
            rep["post_tests"] += int(pt["run"])
        sk = SKIP_RE.match(msg)
        if sk and logger.startswith("odoo.addons."):
            rep["skipped"] += 1
            if BROWSER_SKIP_RE.search(sk["reason"]) or BROWSER_WORDS_RE.search(sk["reason"]):
                rep["browser_skips"].append(line)
            continue
        if BROWSER_SKIP_RE.search(msg) and level in ("WARNING", "ERROR", "CRITICAL"):
            rep["browser_skips"].append(line)
        if level in ("ERROR", "CRITICAL"):
            if SUMMARY_ERROR_RE.search(msg):
                continue
            if is_test_logger(logger):
                if TEST_FAIL_RE.match(msg):
                    rep["test_failure_lines"] += 1
                else:
                    # e.g. "<test>.browser: FAILED: [3/3] Tour ..." (detail of a
                    # failing tour) or an error logged by a test's own code
                    rep["test_logger_errors"].append(line)
                continue
            rep["unexpected_errors"].append(line)
        elif level == "WARNING" and BAD_WARNING_RE.search(msg):
            rep["bad_warnings"].append(line)
        lm = re.match(r"^Module (\w+) loaded in ", msg)
        if lm and lm.group(1) in modules:
            rep["loaded_modules"].append(lm.group(1))
    rep["tests_failed_total"] = rep["tests_failed"] + rep["tests_errors"]
    rep["tests_passed"] = rep["tests_run"] - rep["tests_failed_total"]
    return rep


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("logfile")
    ap.add_argument("--modules", default="")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    modules = [m for m in args.modules.split(",") if m]
    with open(args.logfile, encoding="utf-8", errors="replace") as f:
        rep = parse(f, modules)
    if args.json:
        json.dump(rep, sys.stdout, indent=2)
        print()
        return 0
    for key, val in rep.items():
        name = "ODOO_" + key.upper()
        if isinstance(val, list):
            print(f"{name}_COUNT={len(val)}")
            print(f"{name}={shlex.quote(chr(10).join(val))}")
        else:
            print(f"{name}={shlex.quote(str(val))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
