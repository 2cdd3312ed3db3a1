import base64
import re

from odoo.tests import HttpCase, tagged

from odoo.addons.ubnd_quyche.tests.printing import no_web_assets

from ..tools import test_pki
from .signing_plugin import SigningPlugin

INBOX = "/odoo/action-ubnd_quyche.ubnd_submission_inbox_action"
PLAN = "Quyết định ban hành Kế hoạch chuyển đổi số năm 2027"
VERDICT = re.compile(r"^Chữ ký số hợp lệ: .+, KT\. CHỦ TỊCH, \d{2}:\d{2}:\d{2} \d{2}/\d{2}/\d{4} \+07:00$")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSignFlowTour(HttpCase):
    """Issue #10 item 3, in the browser on the demo: the Vice-Chairman in charge of the economy (pct.kinhte.hp),
    given a test certificate under a test trust anchor, signs from his phone through the external-signing flow; a
    test signer (a local HTTP server with the test key) stands in for his token plugin; the Office issues."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)
        cls.submission = cls.env["ubnd.submission"].search([("name", "=", PLAN)], limit=1)
        cls.leader = cls.env["res.users"].search([("login", "=", "pct.kinhte.hp")])
        if not (cls.submission and cls.leader):
            return
        company = cls.submission.committee_id.company_id
        ca_key = test_pki.make_key()
        cls.ca = test_pki.make_certificate("Test Government CA", ca_key, ca=True)
        cls.key = test_pki.make_key()
        cls.cert = test_pki.make_certificate(cls.leader.name, cls.key, cls.ca, ca_key)
        Certificate = cls.env["certificate.certificate"]
        for certificate, scope, user in ((cls.ca, "ubnd_trust_anchor", None), (cls.cert, "ubnd_signer", cls.leader)):
            Certificate.create({
                "name": certificate.subject.rfc4514_string(), "scope": scope, "company_id": company.id,
                "content": base64.b64encode(test_pki.der(certificate)), "ubnd_user_id": user and user.id,
            })

    def setUp(self):
        super().setUp()
        if not (self.submission and self.leader):
            self.skipTest("needs the suite's demo data")
        self.assertEqual(self.submission.state, "approved")
        self.browser_size = "390x844"
        self.touch_enabled = True

    def use_plugin(self, plugin):
        self.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", plugin.url)
        self.addCleanup(plugin.stop)
        return plugin.start()

    def test_leader_signs_digitally_on_his_phone_then_the_office_issues(self):
        """Issue #10 items 1-3, R-ND30-13.2 (a Vice-Chairman signs KT. within his field): pct.kinhte.hp taps "Ký"
        on the approved decision in his inbox, reads "Ký số bằng chứng thư số", confirms "Xác nhận ký số"; his plugin signs the digest; he reads
        "Chữ ký số hợp lệ: …, KT. CHỦ TỊCH, … +07:00". The verdict is kept on the document and the Office
        (chanhvp.hp) issues it from its inbox: the issued file is the digitally signed one."""
        plugin = self.use_plugin(SigningPlugin(self.key, self.cert, [self.ca]))
        self.start_tour(INBOX, "ubnd_leader_signs_digitally", login="pct.kinhte.hp")
        doc = self.submission.document_id
        self.assertEqual((self.submission.state, doc.state, doc.signer_id), ("signed", "signed", self.leader))
        self.assertEqual(len(plugin.signed), 1)
        self.assertEqual(doc.ubnd_signature_state, "valid")
        self.assertRegex(doc.ubnd_signature_summary, VERDICT)

        self.browser_size = "1366x768"
        self.touch_enabled = False
        self.start_tour(INBOX, "ubnd_office_issues_signed", login="chanhvp.hp")
        self.assertEqual((self.submission.state, doc.state), ("issued", "issued"))
        signed = doc._ubnd_signed_request()
        verdict = signed._ubnd_validate(doc.ubnd_issued_attachment_id.raw)
        self.assertTrue(verdict.valid, verdict.summary)

    def test_plugin_not_running(self):
        """Issue #10 item 1: the plugin does not answer: the leader reads it in Vietnamese with "Thử lại"; the
        document stays signed and numbered, awaiting its digital signature (the Office cannot issue it yet)."""
        plugin = SigningPlugin(self.key, self.cert, [self.ca])
        self.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", plugin.url)
        plugin.server.server_close()  # the port is closed: nothing listens
        self.start_tour(INBOX, "ubnd_leader_signs_plugin_missing", login="pct.kinhte.hp")
        doc = self.submission.document_id
        self.assertEqual((doc.state, doc.ubnd_signature_state), ("signed", "pending"))
        self.assertTrue(doc.number)
