import asyncio
import base64
import datetime

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from ..tools import test_pki
from .common import SignatureCase


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestExternalSigning(SignatureCase, HttpCase):
    """The HTTP/JSON contract of external signers (README "External signing"), played by a test signer that
    stands in for the user's USB-token plugin."""

    def setUp(self):
        super().setUp()
        today = datetime.date.today()
        self.sig_request = self.service._create_external_request(
            self.pdf, user=self.vc_economy, window=(today, today), field_name="Signer", reason="Ký số")
        self.plugin = test_pki.software_signer(self.vc_key, self.vc_cert, [self.ca])

    def plugin_sign(self, digest_b64):
        cms = asyncio.run(self.plugin.async_sign(base64.b64decode(digest_b64), "sha256", use_pades=True))
        return base64.b64encode(cms.dump()).decode()

    def test_external_signing_over_http(self):
        """Issue #10 (b), R-000-15.4 (sent with the competent person's digital signature): the server prepares the
        PDF and its digest, the external signer returns the CMS, the server embeds and validates it."""
        self.authenticate(self.vc_economy.login, self.vc_economy.login)
        pending = self.make_jsonrpc_request("/ubnd_digital_signature/external/pending")
        self.assertEqual([p["request_id"] for p in pending], [self.sig_request.id])
        begun = self.make_jsonrpc_request("/ubnd_digital_signature/external/begin", {
            "request_id": self.sig_request.id,
            "certificate": base64.b64encode(test_pki.der(self.vc_cert)).decode(),
        })
        self.assertEqual(begun["digest_algorithm"], "sha256")
        result = self.make_jsonrpc_request("/ubnd_digital_signature/external/complete", {
            "request_id": self.sig_request.id, "cms": self.plugin_sign(begun["digest"]),
        })
        self.assertTrue(result["valid"], result["summary"])
        self.assertEqual(result["signer_name"], self.vc_economy.name)
        self.sig_request.invalidate_recordset()
        self.assertEqual(self.sig_request.state, "signed")
        signed = base64.b64decode(self.sig_request.signed_pdf)
        self.assertTrue(self.service._validate_pdf(signed, user=self.vc_economy, field_name="Signer").valid)

    def test_external_signer_with_someone_elses_certificate_refused(self):
        """Issue #10: the certificate of the external signer must be bound to the person asked to sign."""
        self.authenticate(self.vc_economy.login, self.vc_economy.login)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/ubnd_digital_signature/external/begin", {
                "request_id": self.sig_request.id,
                "certificate": base64.b64encode(test_pki.der(self.chairman_cert)).decode(),
            })
        self.sig_request.invalidate_recordset()
        self.assertEqual(self.sig_request.state, "to_sign")

    def test_cms_of_another_key_refused(self):
        """Issue #10: a CMS that does not match the prepared digest and certificate is refused, nothing kept."""
        self.authenticate(self.vc_economy.login, self.vc_economy.login)
        begun = self.make_jsonrpc_request("/ubnd_digital_signature/external/begin", {
            "request_id": self.sig_request.id,
            "certificate": base64.b64encode(test_pki.der(self.vc_cert)).decode(),
        })
        self.plugin = test_pki.software_signer(self.chairman_key, self.chairman_cert, [self.ca])
        result = self.make_jsonrpc_request("/ubnd_digital_signature/external/complete", {
            "request_id": self.sig_request.id, "cms": self.plugin_sign(begun["digest"]),
        })
        self.assertFalse(result["valid"])
        self.sig_request.invalidate_recordset()
        self.assertEqual(self.sig_request.state, "refused")
        self.assertFalse(self.sig_request.signed_pdf)

    def test_other_user_cannot_use_the_request(self):
        """Issue #10: a signature request is its signer's alone; a client can neither create nor write one."""
        self.authenticate(self.chairman.login, self.chairman.login)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/ubnd_digital_signature/external/begin", {
                "request_id": self.sig_request.id,
                "certificate": base64.b64encode(test_pki.der(self.chairman_cert)).decode(),
            })
        Request = self.env["ubnd.signature.request"].with_user(self.vc_economy)
        with self.assertRaises(Exception):
            Request.create({"user_id": self.vc_economy.id, "field_name": "x"})
        with self.assertRaises(Exception):
            self.sig_request.with_user(self.vc_economy).write({"state": "signed"})
