import base64
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .printing import no_web_assets, pdf_text
from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestSignConfirm(UbndSubmissionCase):
    """The leader reads the document and his capacity before he confirms, and every signature yields its document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)

    def approved(self, **vals):
        sub = self.complete(self.new_submission(**vals))
        self.submit(sub, date(2026, 3, 2))
        self.forward(sub, date(2026, 3, 3))
        return self.approve_chain(sub, date(2026, 3, 4))

    def collectively_approved(self):
        """A dossier passed by a session: the collective outcome changes its state only, as a vote or a ballot does."""
        sub = self.complete(self.new_submission(kind="committee_decision", addressee="committee"))
        sub.sudo().write({"state": "collective", "route": "session"})
        sub._apply_collective_outcome("passed", "Thông qua tại phiên họp.")
        return sub

    def test_vice_chairman_reads_the_document_and_his_kt_capacity_before_confirming(self):
        """R-000-7.2e, R-ND30-13.2, R-000-15.3: the Vice-Chairman in charge opens the signing screen: it shows the
        document rendered as a PDF and "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH" on the signing date, and signs nothing yet;
        his confirmation signs and numbers the document through the submission's own action."""
        sub = self.approved()
        self.assertEqual(sub.state, "approved")
        with on(date(2026, 3, 5)):
            action = sub.with_user(self.vc_urban).action_open_sign()
            wizard = self.env[action["res_model"]].with_user(self.vc_urban).browse(action["res_id"])
            self.assertEqual(action["target"], "new")
            self.assertEqual(wizard.document_id, sub.document_id)
            shown = pdf_text(base64.b64decode(wizard.preview_pdf))
            self.assertIn("QUYẾT ĐỊNH", shown, "the document as printed")
            self.assertIn(sub.document_id.name.split()[-1], shown)
            self.assertTrue(wizard.can_sign)
            self.assertEqual(wizard.capacity_label, "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH")
            self.assertEqual(wizard.signing_date, date(2026, 3, 5))
            self.assertEqual(sub.document_id.state, "draft", "opening the screen signs nothing")
            self.assertEqual(sub.state, "approved")
            wizard.action_confirm()
        self.assertEqual(sub.state, "signed")
        doc = sub.document_id
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id, self.vc_urban)
        self.assertEqual(doc.signature_block, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        self.assertTrue(doc.number)
        self.assertTrue(doc.reference.endswith("/QĐ-UBND"))

    def test_a_dossier_passed_by_the_committee_yields_the_document_it_signs(self):
        """R-000-18.5b-2, R-001-15.1a, R-ND30-13.2, R-ND30-15.1: a dossier approved by a session (or a ballot) reached
        signature without a document (the demo's HS/2026/00015 was signed with no numbered document); signing it,
        from the screen or by the bare action, now yields the committee's numbered document signed TM. ỦY BAN NHÂN DÂN."""
        sub = self.collectively_approved()
        self.assertEqual(sub.state, "approved")
        self.assertFalse(sub.document_id)
        with on(date(2026, 3, 5)):
            action = sub.with_user(self.chairman).action_open_sign()
            wizard = self.env[action["res_model"]].with_user(self.chairman).browse(action["res_id"])
            self.assertEqual(wizard.capacity_label, "TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH")
            wizard.action_confirm()
        doc = sub.document_id
        self.assertEqual(sub.state, "signed")
        self.assertEqual((doc.state, doc.authority, doc.signer_id), ("signed", "committee", self.chairman))
        self.assertEqual(doc.reference, "%02d/QĐ-UBND" % doc.number)

        # The bare server action (RPC, the kanban of an older client) never signs without its document either.
        other = self.collectively_approved()
        with on(date(2026, 3, 5)):
            other.with_user(self.chairman).action_sign()
        self.assertEqual(other.state, "signed")
        self.assertEqual(other.document_id.state, "signed")
        self.assertEqual(other.document_id.number, doc.number + 1)

    def test_a_leader_outside_his_capacity_is_shown_it_and_refused_by_the_server(self):
        """R-000-15.3, R-000-7.2e, R-001-15.2: the Vice-Chairman for the economy may not sign a construction decision:
        the screen says so and offers no confirmation, and confirming anyway (over RPC) is refused by the server,
        nothing signed."""
        sub = self.approved()
        with on(date(2026, 3, 5)):
            action = sub.with_user(self.vc_economy).action_open_sign()
            wizard = self.env[action["res_model"]].with_user(self.vc_economy).browse(action["res_id"])
            self.assertFalse(wizard.can_sign)
            self.assertFalse(wizard.capacity_label)
            with self.assertRaises(AccessError):
                wizard.action_confirm()
            # A screen made up for a document of his own choosing changes nothing either.
            forged = self.env["ubnd.sign.confirm"].with_user(self.staff).create({"document_id": sub.document_id.id})
            with self.assertRaises(AccessError):
                forged.action_confirm()
        self.assertEqual(sub.state, "approved")
        self.assertEqual(sub.document_id.state, "draft")
        self.assertFalse(sub.document_id.number)

    def test_the_document_is_rendered_once_per_text_and_before_the_leader_opens_it(self):
        """Issue #13 (the slowest journey): what the leader reads on his signing screen is the document as it will be
        printed, always its current text. Approving the dossier asks the cron to render it in the background (issue #13:
        wkhtmltopdf holds a worker ~1 s); reopening the screen reuses that PDF while the text is unchanged, and
        renders again as soon as the text changes. Nobody but the server stores the PDF the signer reads."""
        sub = self.approved()
        doc = sub.document_id
        cron = self.env.ref("ubnd_quyche.ir_cron_render_signing_previews")
        self.assertTrue(self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
                        "the approval triggers the background rendering")
        self.env["ubnd.document"]._cron_render_signing_previews()
        kept = doc._signing_previews()
        self.assertEqual(len(kept), 1)
        self.assertIn("QUYẾT ĐỊNH", pdf_text(kept.raw))
        kept_checksum = kept.description

        # Unchanged text: the screen shows the kept PDF as it is (a marker PDF stands in for it to prove it).
        marker = kept.raw + b"%kept"
        kept.raw = marker
        with on(date(2026, 3, 5)):
            action = sub.with_user(self.vc_urban).action_open_sign()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(base64.b64decode(wizard.preview_pdf), marker)

        # The drafter changes the text: the screen renders the new text, which replaces the kept one.
        doc.sudo().body = "<p>Điều 1. Nội dung đã sửa sau khi duyệt lần cuối.</p>"
        with on(date(2026, 3, 5)):
            action = sub.with_user(self.vc_urban).action_open_sign()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertIn("sửa sau khi duyệt", pdf_text(base64.b64decode(wizard.preview_pdf)))
        renewed = doc._signing_previews()
        self.assertEqual(len(renewed), 1)
        self.assertNotEqual(renewed.description, kept_checksum)
        self.assertFalse(kept.exists(), "the PDF of the former text is gone")

        # Attack: a user (even an administrator, over RPC) cannot slip another PDF in front of the signer.
        forged = base64.b64encode(b"%PDF-1.4 forged")
        for user in (self.staff, self.env.ref("base.user_admin")):
            with self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(user).create({
                    "name": "x.pdf", "datas": forged, "res_model": "ubnd.document", "res_id": doc.id,
                    "res_field": "signing_preview", "description": renewed.description})
            with self.assertRaises(AccessError):
                renewed.with_user(user).write({"datas": forged})
            with self.assertRaises(AccessError):
                doc.with_user(user).write({"signing_preview": forged})
        self.assertNotIn(b"forged", doc._signing_previews().raw)


@tagged("post_install", "-at_install")
class TestLeaderSignsTour(HttpCase):
    """Issue #12 item 7, in the browser on the demo: a Vice-Chairman on his phone reviews the document and his
    capacity, then signs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        no_web_assets(cls.env)

    def test_vice_chairman_reviews_and_signs_on_his_phone(self):
        """R-ND30-13.2, R-000-15.3: pct.kinhte.hp taps "Ký" on the approved "Kế hoạch chuyển đổi số" decision in
        his inbox, sees the document and "Ký với tư cách: KT. CHỦ TỊCH – PHÓ CHỦ TỊCH", confirms; the document is
        signed and numbered."""
        sub = self.env["ubnd.submission"].search([("name", "=", "Quyết định ban hành Kế hoạch chuyển đổi số năm 2027")])
        if not sub:
            self.skipTest("needs the suite's demo data")
        self.assertEqual(sub.state, "approved")
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/odoo/action-ubnd_quyche.ubnd_submission_inbox_action", "ubnd_leader_signs",
                        login="pct.kinhte.hp")
        doc = sub.document_id
        self.assertEqual(sub.state, "signed")
        self.assertEqual(doc.state, "signed")
        self.assertEqual(doc.signer_id.login, "pct.kinhte.hp")
        self.assertTrue(doc.number)
        self.assertIn("KT. CHỦ TỊCH", doc.signature_block)
