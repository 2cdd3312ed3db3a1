import asyncio
import base64
import datetime
import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ubnd_quyche.tests.printing import no_web_assets, pdf_text
from odoo.addons.ubnd_quyche.tools.privilege import privileged

from ..tools import test_pki
from .common import SignatureCase

VERDICT_KT = re.compile(r"^Chữ ký số hợp lệ: .+, KT\. CHỦ TỊCH, \d{2}:\d{2}:\d{2} \d{2}/\d{2}/\d{4} \+07:00$")


@tagged("post_install", "-at_install", "ubnd_digital_signature")
class TestSignFlow(SignatureCase):
    """The signer's side of issue #10: the leader's "Ký" on the signing screen becomes a digital signature through
    the external-signing flow; its verdict is kept on the document and issuance refuses what does not validate.

    The signer's plugin is played here by direct calls of the two steps the HTTP contract exposes (``begin``,
    ``complete``; the contract itself is tested in test_external_signing.py and walked in the browser by
    test_sign_flow_tour.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)
        cls.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", "http://127.0.0.1:18765/")

    def new_document(self, field=None, **vals):
        return self.env["ubnd.document"].create({
            "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "authority": "chairman", "field_id": (field or self.field_economy).id,
            "name": "Về việc phê duyệt kế hoạch chuyển đổi số", "body": "<p>Điều 1. Phê duyệt kế hoạch.</p>",
            "recipients": "- Như Điều 2;\n- Lưu: VT.", **vals,
        })

    def confirm(self, doc, user):
        """The leader confirms on the signing screen; what the screen returns."""
        action = self.env["ubnd.sign.confirm"].with_user(user).with_context(lang="vi_VN")._action_open(doc)
        wizard = self.env["ubnd.sign.confirm"].with_user(user).with_context(lang="vi_VN").browse(action["res_id"])
        return wizard, wizard.action_confirm()

    def request_of(self, action):
        return self.env["ubnd.signature.request"].browse(action["params"]["request_id"])

    def plugin_signs(self, sig_request, user, key=None, certificate=None):
        """What the signer's plugin does: certificate -> begin -> CMS over the digest -> complete; the verdict."""
        key, certificate = key or self.vc_key, certificate or self.vc_cert
        sig_request = sig_request.with_user(user).with_context(lang="vi_VN")
        begun = sig_request._ubnd_begin(test_pki.der(certificate))
        signer = test_pki.software_signer(key, certificate, [self.ca])
        cms = asyncio.run(signer.async_sign(base64.b64decode(begun["digest"]), "sha256", use_pades=True))
        return sig_request._ubnd_complete(cms.dump())

    def issue(self, doc):
        return doc.with_user(self.deputy_office).with_context(lang="vi_VN").action_issue()

    def replace_signed_file(self, sig_request, content):
        """Change the kept signed file behind the application's back (database or filestore)."""
        privileged(sig_request.sudo(), "ubnd_signature_request").write({"signed_pdf": base64.b64encode(content)})

    # ------------------------------------------------------------------ the flow
    def test_leader_signs_digitally_and_the_office_issues(self):
        """Issue #10 items 1-2, R-ND30-13.2 (a Vice-Chairman signs KT. within his field): a Vice-Chairman holding a
        usable certificate confirms on the signing screen: the server signs, numbers and dates the document (Decree
        30 Đ16.2), renders the final PDF with the number and "KT. CHỦ TỊCH", and opens the plugin screen on a
        request carrying the dates of his term and his capacity; the plugin's signature validates, the verdict line
        "Chữ ký số hợp lệ: …, KT. CHỦ TỊCH, hh:mm:ss dd/mm/yyyy +07:00" is kept on the document, and the file the
        Office issues is the signed file (the committee's signature, if any, added after it), his signature intact,
        carrying the QR code of the verification page drawn before he signed."""
        doc = self.new_document()
        wizard, action = self.confirm(doc, self.vc_economy)
        self.assertTrue(wizard.ubnd_sign_digitally)
        self.assertEqual(wizard.ubnd_certificate_id, self.vc_certificate)
        self.assertEqual(action["tag"], "ubnd_digital_signature.external_sign")
        self.assertEqual(doc.state, "signed")
        self.assertTrue(doc.number)
        self.assertEqual(doc.ubnd_signature_state, "pending")
        sig_request = self.request_of(action)
        member = self.vc_economy._ubnd_membership(self.committee)
        self.assertEqual((sig_request.window_from, sig_request.window_to), (member.date_start, member.date_end))
        self.assertEqual(sig_request.capacity, "KT. CHỦ TỊCH")
        self.assertEqual(action["params"]["plugin_url"], "http://127.0.0.1:18765")
        text = pdf_text(base64.b64decode(sig_request.sudo().source_pdf))
        self.assertIn(doc.reference, text)
        self.assertIn("KT. CHỦ TỊCH", text)
        verify_url = doc.ubnd_verify_url
        self.assertIn(verify_url, re.sub(r"\s", "", text), "the signed file carries the QR code of its page")

        verdict = self.plugin_signs(sig_request, self.vc_economy)
        self.assertTrue(verdict.valid, verdict.summary)
        self.assertEqual(doc.ubnd_signature_state, "valid")
        self.assertRegex(doc.ubnd_signature_summary, VERDICT_KT)
        self.assertIn(self.vc_economy.name, doc.ubnd_signature_summary)
        self.assertFalse(doc.with_user(self.vc_economy).ubnd_can_sign_digitally)

        self.issue(doc)
        self.assertEqual(doc.state, "issued")
        issued = doc.ubnd_issued_attachment_id.raw
        self.assertTrue(issued.startswith(base64.b64decode(sig_request.sudo().signed_pdf)), "the signed file, kept")
        self.assertTrue(sig_request._ubnd_validate(issued).valid, "the signer's signature stays intact")
        self.assertEqual(doc.ubnd_verify_url, verify_url, "issuing keeps the address printed in the signed file")

    def test_signer_without_certificate_keeps_the_plain_signature(self):
        """Issue #10 item 1: a leader without a usable certificate signs as before (no digital signature asked),
        and the Office issues the document when the committee does not require digital signatures."""
        doc = self.new_document(field=self.field_construction)
        wizard, action = self.confirm(doc, self.vc_urban)
        self.assertFalse(wizard.ubnd_sign_digitally)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual((doc.state, doc.ubnd_signature_state), ("signed", "none"))
        self.issue(doc)
        self.assertEqual(doc.state, "issued")

    def test_no_plugin_configured_keeps_the_plain_signature(self):
        """Issue #10 item 1: until the installation names its signing plugin (system parameter), a leader holding a
        certificate signs with the plain "Ký" (the demo's leaders, whose demo keys were discarded, too) and is not
        offered "Ký số"."""
        self.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.plugin_url", "")
        doc = self.new_document()
        wizard, action = self.confirm(doc, self.vc_economy)
        self.assertFalse(wizard.ubnd_sign_digitally)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual((doc.state, doc.ubnd_signature_state), ("signed", "none"))
        self.assertFalse(doc.with_user(self.vc_economy).ubnd_can_sign_digitally)
        self.committee.ubnd_require_digital_signature = True
        other = self.new_document()
        with self.assertRaisesRegex(UserError, "chưa được cấu hình công cụ ký số"):
            self.confirm(other, self.vc_economy)
        self.assertEqual(other.state, "draft")

    def test_committee_requiring_digital_signatures(self):
        """Issue #10 item 1 (setting): where the committee requires digital signatures, a leader without a usable
        certificate cannot sign (nothing signed, no number taken), and a document signed without a digital
        signature cannot be issued."""
        plain = self.new_document(field=self.field_construction)
        self.confirm(plain, self.vc_urban)
        self.committee.ubnd_require_digital_signature = True
        doc = self.new_document(field=self.field_construction)
        with self.assertRaisesRegex(UserError, "yêu cầu ký số"):
            self.confirm(doc, self.vc_urban)
        self.assertEqual(doc.state, "draft")
        self.assertFalse(doc.number)
        with self.assertRaisesRegex(UserError, "yêu cầu ký số"):
            self.issue(plain)
        self.assertEqual(plain.state, "signed")

    def test_unfinished_signature_is_kept_and_can_be_retried(self):
        """Issue #10 items 1 and 4: when the plugin never answers, the document stays signed and numbered, waiting
        for its digital signature: the Office cannot issue it, the leader's "Văn bản chờ ký số" tile lists it, and
        "Ký số" starts a new request (the old one is closed) that completes."""
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_economy)
        first = self.request_of(action)
        with self.assertRaisesRegex(UserError, "chờ chữ ký số"):
            self.issue(doc)
        tiles = self.env["ubnd.my.work"].with_user(self.vc_economy).with_context(lang="vi_VN").get_my_work()["items"]
        tile = next(t for t in tiles if t["key"] == "documents_to_sign_digitally")
        self.assertEqual((tile["label"], tile["count"]), ("Văn bản chờ ký số", 1))
        self.assertEqual(self.env["ubnd.document"].with_user(self.vc_economy).search(tile["action"]["domain"]), doc)
        self.assertTrue(doc.with_user(self.vc_economy).ubnd_can_sign_digitally)

        with self.assertRaises(UserError):  # only the signer signs it digitally
            doc.with_user(self.chairman).action_ubnd_sign_digitally()
        again = doc.with_user(self.vc_economy).action_ubnd_sign_digitally()
        second = self.request_of(again)
        self.assertNotEqual(second, first)
        self.assertEqual(first.sudo().state, "expired")
        self.assertTrue(self.plugin_signs(second, self.vc_economy).valid)
        self.issue(doc)
        self.assertEqual(doc.state, "issued")

    def test_unfinished_requests_expire(self):
        """Issue #10 item 4: the cron closes requests older than the system value (hours); the document returns
        to "not digitally signed", so the leader's tile and the Office's issuance follow the committee's setting."""
        self.env["ir.config_parameter"].sudo().set_param("ubnd_digital_signature.request_expiry_hours", "2")
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_economy)
        sig_request = self.request_of(action)
        Request = self.env["ubnd.signature.request"]
        Request._cron_expire()
        self.assertEqual(sig_request.sudo().state, "to_sign", "a fresh request waits")
        self.env.cr.execute("UPDATE ubnd_signature_request SET create_date = now() at time zone 'utc' - "
                            "interval '3 hours' WHERE id = %s", [sig_request.id])
        Request.invalidate_model()
        self.assertEqual(Request._cron_expire(), sig_request)
        self.assertEqual(sig_request.sudo().state, "expired")
        self.assertEqual(doc.ubnd_signature_state, "none")
        with self.assertRaises(UserError):
            sig_request.with_user(self.vc_economy)._ubnd_begin(test_pki.der(self.vc_cert))
        self.assertTrue(self.env.ref("ubnd_digital_signature.ir_cron_expire_signature_requests").active)

    def test_verdict_is_written_by_the_verification_only(self):
        """Issue #10 item 2 (trust): no client writes the verdict of a document."""
        doc = self.new_document()
        self.confirm(doc, self.vc_economy)
        for vals in ({"ubnd_signature_state": "valid"}, {"ubnd_signature_summary": "Chữ ký số hợp lệ: ai đó"}):
            with self.assertRaises(AccessError):
                doc.with_user(self.vc_economy).write(vals)
        self.assertEqual(doc.ubnd_signature_state, "pending")

    # ------------------------------------------------------------------ refusals
    def signed_document(self):
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_economy)
        sig_request = self.request_of(action)
        self.assertTrue(self.plugin_signs(sig_request, self.vc_economy).valid)
        return doc, sig_request

    def test_tampered_file_is_not_issued(self):
        """Issue #10 item 2: a byte changed in the signed file after the signature: issuance refuses it."""
        doc, sig_request = self.signed_document()
        self.replace_signed_file(sig_request, self.tamper_signed(base64.b64decode(sig_request.sudo().signed_pdf)))
        with self.assertRaisesRegex(UserError, "không thể phát hành"):
            self.issue(doc)
        self.assertEqual(doc.state, "signed")

    def tamper_signed(self, pdf):
        data = bytearray(pdf)
        at = data.find(b"/Type /Page")
        data[at + 1] = ord("t")
        return bytes(data)

    def test_wrong_signer_is_refused(self):
        """Issue #10 item 2: the Chairman's signature on the Vice-Chairman's document is refused when the plugin
        returns it (verdict "invalid" kept, nothing issued), and a file signed by someone else put in place of
        the signed file is refused at issuance."""
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_economy)
        sig_request = self.request_of(action).with_user(self.vc_economy).with_context(lang="vi_VN")
        begun = sig_request._ubnd_begin(test_pki.der(self.vc_cert))
        chairman = test_pki.software_signer(self.chairman_key, self.chairman_cert, [self.ca])
        cms = asyncio.run(chairman.async_sign(base64.b64decode(begun["digest"]), "sha256", use_pades=True))
        verdict = sig_request._ubnd_complete(cms.dump())
        self.assertFalse(verdict.valid)
        self.assertEqual(doc.ubnd_signature_state, "invalid")
        self.assertTrue(doc.ubnd_signature_summary.startswith("Chữ ký số không hợp lệ"))
        with self.assertRaisesRegex(UserError, "không thể phát hành"):
            self.issue(doc)

        doc2, request2 = self.signed_document()
        self.replace_signed_file(request2, self.sign_locally(self.chairman_key, self.chairman_cert,
                                                              field_name="Signer"))
        with self.assertRaisesRegex(UserError, "không phải của"):
            self.issue(doc2)

    def test_expired_or_untrusted_certificate_is_refused(self):
        """Issue #10 item 2: the plugin offering the leader's expired certificate, or one of a CA nobody trusts, is
        refused before anything is signed; a trust anchor withdrawn after the signature makes issuance refuse."""
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_economy)
        sig_request = self.request_of(action).with_user(self.vc_economy).with_context(lang="vi_VN")
        for certificate in (self.expired_cert, self.rogue_cert):
            with self.assertRaises(UserError):
                sig_request._ubnd_begin(test_pki.der(certificate))
        self.assertEqual(sig_request.state, "to_sign")
        self.assertEqual(doc.ubnd_signature_state, "pending")

        doc2, _request2 = self.signed_document()
        self.anchor.sudo().write({"scope": "general"})
        with self.assertRaisesRegex(UserError, "tin cậy"):
            self.issue(doc2)

    def test_signing_time_outside_the_grant_is_refused(self):
        """Issue #10 item 2, R-ND30-13.2: a Vice-Chairman signs KT. CHỦ TỊCH outside his fields under the
        Chairman's grant ending today; the request carries the grant's dates. Signed digitally tomorrow (he
        retries "Ký số" the next day), the signing time falls outside the grant: refused, and not issued."""
        today = datetime.date.today()
        grant = self.grant(grantor_id=self.chairman.id, grantee_id=self.vc_urban.id, kind="kt",
                           field_ids=[(6, 0, self.field_economy.ids)], date_start=today - datetime.timedelta(days=30),
                           date_end=today)
        urban_key = test_pki.make_key()
        urban_cert = test_pki.make_certificate("Pho Chu tich Do thi", urban_key, self.ca, self.ca_key)
        self.register(urban_cert, "ubnd_signer", user=self.vc_urban)
        doc = self.new_document()
        _wizard, action = self.confirm(doc, self.vc_urban)
        self.assertEqual(doc.delegation_id, grant)
        sig_request = self.request_of(action)
        self.assertEqual((sig_request.window_from, sig_request.window_to), (grant.date_start, grant.date_end))
        with freeze_time(datetime.datetime.now() + datetime.timedelta(days=1)):
            retry = self.request_of(doc.with_user(self.vc_urban).action_ubnd_sign_digitally())
            verdict = self.plugin_signs(retry, self.vc_urban, urban_key, urban_cert)
        self.assertEqual(verdict.problems, ["outside_window"])
        self.assertEqual(doc.ubnd_signature_state, "invalid")
        with self.assertRaisesRegex(UserError, "ngoài thời hạn"):
            self.issue(doc)
