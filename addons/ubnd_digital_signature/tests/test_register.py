from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import SignatureCase


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestRegister(SignatureCase):
    """The tamper-evident register of signed documents (issue #10, "beyond every anchor")."""

    def setUp(self):
        super().setUp()
        Register = self.env["ubnd.signature.register"].with_user(self.deputy_office)
        self.entries = Register.browse()
        for number in range(1, 5):
            self.entries |= Register._append(self.committee, "%s/QĐ-UBND" % number, self.pdf + b"%d" % number,
                                             res_model="ubnd.document", res_id=number)

    def verify(self, user=None):
        return self.env["ubnd.signature.register"].with_user(user or self.staff).verify_register(self.committee.id)

    def test_chain_intact(self):
        """Issue #10 ("tamper-evident register"): entries are numbered without gaps per committee, each chained to
        the one before; the verification proves the register intact. (rules.tsv has no rule for it yet.)"""
        self.assertEqual(self.entries.mapped("sequence"), [1, 2, 3, 4])
        self.assertEqual(self.entries[1].previous_hash, self.entries[0].chain_hash)
        result = self.verify()
        self.assertTrue(result["ok"], result["message"])
        self.assertEqual(result["checked"], 4)
        self.assertEqual(result["head_hash"], self.entries[-1].chain_hash)

    def test_altered_entry_detected(self):
        """Issue #10: an entry altered behind the application's back (SQL) is named as the first broken one."""
        self.env.cr.execute("UPDATE ubnd_signature_register SET file_sha256 = %s WHERE id = %s",
                            ["0" * 64, self.entries[1].id])
        self.env.invalidate_all()
        result = self.verify()
        self.assertFalse(result["ok"])
        self.assertEqual((result["broken_entry_id"], result["broken_sequence"]), (self.entries[1].id, 2))

    def test_recomputed_hash_still_detected(self):
        """Issue #10: re-hashing an altered entry breaks the link of the next one."""
        entry = self.entries[1]
        vals = dict(entry._hash_vals(), file_sha256="1" * 64)
        self.env.cr.execute("UPDATE ubnd_signature_register SET file_sha256 = %s, chain_hash = %s WHERE id = %s",
                            [vals["file_sha256"], entry._chain_hash(vals), entry.id])
        self.env.invalidate_all()
        self.assertEqual(self.verify()["broken_sequence"], 3)

    def test_deleted_entry_detected(self):
        """Issue #10: a deleted entry is detected at the entry after it."""
        self.env.cr.execute("DELETE FROM ubnd_signature_register WHERE id = %s", [self.entries[2].id])
        self.env.invalidate_all()
        result = self.verify()
        self.assertFalse(result["ok"])
        self.assertEqual(result["broken_sequence"], 4)

    def test_append_only(self):
        """Issue #10, README "Trust model": no client creates, writes or deletes an entry, whatever its group or
        context; only superuser mode writes."""
        for user in (self.deputy_office, self.chairman, self.staff):
            Register = self.env["ubnd.signature.register"].with_user(user)
            with self.assertRaises(AccessError):
                Register.with_context(ubnd_signature_register="server").create({
                    "committee_id": self.committee.id, "sequence": 9, "name": "x", "file_sha256": "0",
                    "recorded_at": "2026-01-01 00:00:00", "recorded_by_id": user.id, "chain_hash": "0",
                })
            with self.assertRaises(AccessError):
                self.entries[0].with_user(user).write({"name": "99/QĐ-UBND"})
            with self.assertRaises(AccessError):
                self.entries[0].with_user(user).unlink()
        self.assertTrue(self.verify()["ok"])

    def test_action_verify_notifies(self):
        """Issue #10: the verification action answers in a notification the user reads."""
        action = self.env["ubnd.signature.register"].with_user(self.deputy_office).with_company(
            self.company).action_verify_register()
        self.assertEqual(action["params"]["type"], "success")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestRegisterRpc(SignatureCase, HttpCase):
    """The register's verification over JSON-RPC, as a web or RPC client calls it."""

    def test_verify_register_over_rpc(self):
        """Issue #10 "a verification action (and an RPC method) proves the register unaltered or names the first
        broken entry"; the signing services themselves are not reachable over RPC."""
        Register = self.env["ubnd.signature.register"].with_user(self.deputy_office)
        for number in (1, 2):
            Register._append(self.committee, "%s/QĐ-UBND" % number, self.pdf + b"%d" % number)
        self.authenticate(self.staff.login, self.staff.login)
        result = self.make_jsonrpc_request("/web/dataset/call_kw/ubnd.signature.register/verify_register", {
            "model": "ubnd.signature.register", "method": "verify_register",
            "args": [self.committee.id], "kwargs": {},
        })
        self.assertEqual((result["ok"], result["checked"]), (True, 2))
        # The list's "Verify the register" button, as the web client sends it (no entry selected).
        self.authenticate(self.deputy_office.login, self.deputy_office.login)
        action = self.make_jsonrpc_request("/web/dataset/call_button/ubnd.signature.register/action_verify_register", {
            "model": "ubnd.signature.register", "method": "action_verify_register", "args": [[]], "kwargs": {},
        })
        self.assertEqual(action["params"]["type"], "success")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/web/dataset/call_kw/ubnd.signature.service/_verify_upload", {
                "model": "ubnd.signature.service", "method": "_verify_upload",
                "args": ["JVBERi0=", self.staff.id], "kwargs": {},
            })
