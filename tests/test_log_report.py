"""Self-tests of scripts/odoo_log_report.py, the parser that decides whether
an Odoo test run passed. Needs no server: fixtures are real Odoo 19 log lines
(captured from scripts/test.sh runs of a scratch addon) and lines built in the
same format from the strings in odoo/tests/common.py."""
import importlib.util
import os
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location(
    "odoo_log_report", os.path.join(ROOT, "scripts", "odoo_log_report.py"))
report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(report)

P = "2026-11-23 04:55:32,326 7700"
DB = "ubnd_test_1_1"
T = f"odoo.addons.ubnd_x.tests.test_x"

FAILING_RUN = f"""\
Running as user 'root' is a security risk.
{P} INFO ? odoo: Odoo version 19.0 
{P} INFO {DB} odoo.modules.loading: loading 48 modules... 
{P} INFO {DB} {T}: Starting TestX.test_error ... 
{P} ERROR {DB} {T}: ERROR: TestX.test_error
Traceback (most recent call last):
  File "/tmp/x/addons/ubnd_x/tests/test_x.py", line 12, in test_error
    raise ValueError("boom")
ValueError: boom
 
{P} INFO {DB} {T}: Starting TestX.test_fail ... 
{P} ERROR {DB} {T}: FAIL: TestX.test_fail
Traceback (most recent call last):
AssertionError: 1 != 2
 
{P} INFO {DB} {T}: Starting TestX.test_skip ... 
{P} INFO {DB} {T}: skipped TestX.test_skip : not today 
{P} ERROR {DB} odoo.modules.loading: Module ubnd_x: 1 failures, 1 errors of 4 tests 
{P} ERROR {DB} odoo.modules.loading: At least one test failed when loading the modules. 
{P} INFO {DB} odoo.service.server: Starting post tests 
{P} INFO {DB} odoo.service.server: 2 post-tests in 31.19s, 340 queries 
{P} INFO {DB} odoo.tests.stats: ubnd_x: 10 tests 1.83s 72 queries 
{P} ERROR {DB} odoo.tests.result: 1 failed, 1 error(s) of 6 tests when loading database '{DB}' 
"""

CHROME_MISSING = f"""\
{P} WARNING {DB} {T}.TestXBrowser.test_browser: Chrome executable not found 
{P} INFO {DB} {T}: skipped TestXBrowser.test_browser : Chrome executable not found 
{P} INFO {DB} odoo.service.server: 2 post-tests in 28.37s, 296 queries 
{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 2 tests when loading database '{DB}' 
"""

WEBSOCKET_MISSING = f"""\
{P} WARNING {DB} {T}.TestXBrowser.test_tour: websocket-client module is not installed 
{P} INFO {DB} {T}: skipped TestXBrowser.test_tour : websocket-client module is not installed 
{P} INFO {DB} odoo.tests.result: 0 failed, 0 error(s) of 1 tests when loading database '{DB}' 
"""

INSTALL_CRASH = f"""\
{P} WARNING {DB} odoo.modules.module_graph: module ubnd_y: not installable, skipped 
{P} ERROR {DB} odoo.modules.loading: Some modules are not loaded, some dependencies or manifest may be missing: ['ubnd_y'] 
{P} ERROR {DB} odoo.registry: Failed to load registry 
{P} CRITICAL {DB} odoo.service.server: Failed to initialize database `{DB}`. 
Traceback (most recent call last):
odoo.tools.convert.ParseError: while parsing /x/data.xml:4
"""

TOUR_FAILURE = f"""\
{P} INFO {DB} {T}: Starting TestTour.test_tour ... 
{P} ERROR {DB} {T}.TestTour.test_tour.browser: FAILED: [3/3] Tour ubnd_x → Step .o_statusbar_status button. 
{P} ERROR {DB} {T}: FAIL: TestTour.test_tour
Traceback (most recent call last):
  File "/tmp/x/addons/ubnd_x/tests/test_tour.py", line 9, in test_tour
odoo.tests.common.ChromeBrowserException: FAILED: [3/3] Tour ubnd_x
 
{P} ERROR {DB} odoo.tests.result: 1 failed, 0 error(s) of 1 tests when loading database '{DB}' 
"""

NO_TESTS = f"""\
{P} INFO {DB} odoo.service.server: 0 post-tests in 0.00s, 0 queries 
{P} WARNING {DB} odoo.tests.result: 0 failed, 0 error(s) of 0 tests when loading database '{DB}' 
"""


def parse(text):
    return report.parse(text.splitlines(True))


class TestOdooLogReport(unittest.TestCase):

    def test_failing_run_counts(self):
        r = parse(FAILING_RUN)
        self.assertEqual(r["result_lines"], 1)
        self.assertEqual((r["tests_run"], r["tests_failed"], r["tests_errors"]), (6, 1, 1))
        self.assertEqual(r["tests_failed_total"], 2)
        self.assertEqual(r["tests_passed"], 4)
        self.assertEqual(r["post_tests"], 2)
        self.assertEqual(r["skipped"], 1)
        self.assertEqual(r["test_failure_lines"], 2)
        # FAIL:/ERROR: lines and summaries are results, not "unexpected" errors
        self.assertEqual(r["unexpected_errors"], [])
        self.assertEqual(r["browser_skips"], [])
        self.assertEqual(len(r["module_failures"]), 1)

    def test_result_lines_are_summed(self):
        r = parse(FAILING_RUN + CHROME_MISSING)
        self.assertEqual(r["result_lines"], 2)
        self.assertEqual(r["tests_run"], 8)
        self.assertEqual(r["tests_failed_total"], 2)

    def test_chrome_missing_is_a_browser_skip(self):
        r = parse(CHROME_MISSING)
        self.assertEqual(r["tests_failed_total"], 0)
        self.assertEqual(len(r["browser_skips"]), 2)

    def test_websocket_missing_is_a_browser_skip(self):
        r = parse(WEBSOCKET_MISSING)
        self.assertEqual(len(r["browser_skips"]), 2)

    def test_install_crash(self):
        r = parse(INSTALL_CRASH)
        self.assertEqual(r["result_lines"], 0)
        self.assertEqual(len(r["unexpected_errors"]), 3)
        self.assertEqual(len(r["bad_warnings"]), 1)

    def test_tour_failure_details_are_not_unexpected_errors(self):
        r = parse(TOUR_FAILURE)
        self.assertEqual(r["tests_failed_total"], 1)
        self.assertEqual(r["unexpected_errors"], [])
        self.assertEqual(len(r["test_logger_errors"]), 1)

    def test_no_tests(self):
        r = parse(NO_TESTS)
        self.assertEqual(r["result_lines"], 1)
        self.assertEqual(r["tests_run"], 0)
        self.assertEqual(r["unexpected_errors"], [])


if __name__ == "__main__":
    unittest.main()
