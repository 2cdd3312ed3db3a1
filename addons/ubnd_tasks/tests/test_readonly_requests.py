import functools
import json
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
