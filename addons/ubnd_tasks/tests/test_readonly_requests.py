import functools
import json
from urllib.parse import urlencode
from unittest.mock import patch

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestReadonlyRequests(HttpCase):
    """Issue #13, read replica: the suite's heavy read paths called by the web client are read-only requests, so
    that Odoo runs them on the replica when ``db_replica_host`` is set — and they really write nothing (a write
    would make Odoo retry them on the primary)."""

    def _call_as(self, login, model, method, args=(), kwargs=None):
        """Call ``model.method`` over /web/dataset/call_kw as ``login``, as the web client does; return its result
        and the read-only flag of each cursor it ran on."""
        self.authenticate(login, login)
        cls = type(self.env[model])
        original = getattr(cls, method)
        modes = []

        @functools.wraps(original)  # keeps @api.model and @api.readonly, which the dispatcher reads
        def spy(records, *a, **kw):
            modes.append(records.env.cr.readonly)
            return original(records, *a, **kw)

        with patch.object(cls, method, spy):
            response = self.url_open("/web/dataset/call_kw/%s/%s" % (model, method), data=json.dumps({
                "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs or {}},
            }), headers={"Content-Type": "application/json"})
        body = response.json()
        self.assertNotIn("error", body, body.get("error"))
        return body["result"], modes

    def test_my_work_is_a_readonly_request(self):
        """A leader's landing (My work, every addon's tiles) runs once, on a read-only cursor."""
        result, modes = self._call_as("pct.kinhte.hp", "ubnd.my.work", "get_my_work")
        self.assertTrue(result["items"], "the leader's landing shows his tiles")
        self.assertEqual(modes, [True], "get_my_work ran on a read/write cursor or was retried on one")

    def test_unit_dashboard_is_a_readonly_request(self):
        """A unit head's dashboard runs once, on a read-only cursor."""
        result, modes = self._call_as("giamdoc.stc.hp", "ubnd.task", "get_unit_dashboard")
        self.assertTrue(result["counts"], "the Department of Finance has tasks in the demo")
        self.assertEqual(modes, [True], "get_unit_dashboard ran on a read/write cursor or was retried on one")

    def test_signing_capacity_is_a_readonly_request(self):
        """The signing capacity a leader's screen asks for runs once, on a read-only cursor."""
        committee = self.env.ref("ubnd_quyche.committee_haiphong")
        _result, modes = self._call_as("chutich.hp", "ubnd.signing", "get_my_signing_capacity", [committee.id])
        self.assertEqual(modes, [True], "get_my_signing_capacity ran on a read/write cursor or was retried on one")

    def test_statistics_workbook_downloads_on_a_readonly_cursor(self):
        """The committee's statistics workbook (xlsx) is downloaded in one read-only request: on a province it
        runs on the replica, not on the primary the workflow writes to."""
        self.authenticate("chanhvp.hp", "chanhvp.hp")
        committee = self.env.ref("ubnd_quyche.committee_haiphong")
        office = self.env["res.users"].search([("login", "=", "chanhvp.hp")])
        wizard = self.env["ubnd.task.report.wizard"].with_user(office).create({
            "committee_id": committee.id, "period_type": "year", "year": 2026})
        cls = type(self.env["report.ubnd_tasks.task_statistics_xlsx"])
        original = cls.generate_xlsx_report
        modes = []

        @functools.wraps(original)
        def spy(report, *a, **kw):
            modes.append(report.env.cr.readonly)
            return original(report, *a, **kw)

        data = json.dumps(["/report/xlsx/ubnd_tasks.task_statistics_xlsx/%s" % wizard.id, "xlsx"])
        with patch.object(cls, "generate_xlsx_report", spy):
            response = self.url_open("/report/download?%s" % urlencode({"data": data}))
        self.assertEqual(response.status_code, 200, response.text[:300])
        self.assertIn("spreadsheetml", response.headers.get("Content-Type", ""))
        self.assertEqual(modes, [True], "the workbook was built on a read/write cursor or retried on one")

