#!/usr/bin/env python3
"""Run the repo-root integration suite (tests/, stdlib unittest) and write
its counts as JSON. Standard library only.

    run_integration.py [--json OUT] [--start-dir tests]

The tests talk to the Odoo server given by UBND_URL / UBND_DB (set by
scripts/test.sh). Exit code: 0 if everything passed, 1 otherwise.
"""
import argparse
import json
import os
import sys
import unittest


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--start-dir", default=None)
    args = ap.parse_args(argv)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    start = args.start_dir or os.path.join(root, "tests")
    loader = unittest.TestLoader()
    try:
        suite = loader.discover(start, pattern="test_*.py", top_level_dir=root)
    except Exception as exc:  # import error in discovery itself
        print(f"integration: discovery failed: {exc!r}", file=sys.stderr)
        suite = unittest.TestSuite()
        loader.errors.append(repr(exc))
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    result = runner.run(suite)
    # Import errors in test modules show up as failing _FailedTest cases,
    # so they are counted in result.errors.
    counts = {
        "run": result.testsRun,
        "failures": len(result.failures),
        "errors": len(result.errors),
        "unexpected_successes": len(result.unexpectedSuccesses),
        "skipped": len(result.skipped),
        "expected_failures": len(result.expectedFailures),
    }
    counts["failed"] = counts["failures"] + counts["errors"] + counts["unexpected_successes"]
    # Same rule as for Odoo's counts: passed = run - failed (skips are
    # reported separately by scripts/test.sh).
    counts["passed"] = counts["run"] - counts["failed"]
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(counts, f)
    return 0 if counts["failed"] == 0 and counts["run"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
