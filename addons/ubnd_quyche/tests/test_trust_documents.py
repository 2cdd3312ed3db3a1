import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .test_submission import UbndSubmissionCase, on


@tagged("post_install", "-at_install")
class TestTrustDocuments(UbndSubmissionCase):
    """The legal record: a signed document is never deleted nor altered; a correction is a new document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "UBND phường Khác"})
        cls.other_committee = cls.env["ubnd.committee"].create({
            "name": "UBND phường Khác", "company_id": cls.other_company.id, "level": "commune"})
        # A specialist who works for both committees: the record rules alone would let him move a document.
        cls.specialist = new_test_user(
            cls.env, login="t_specialist_docs", groups="ubnd_quyche.group_ubnd_staff", company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.other_company).ids)])

    def pdf(self, user, name="van-ban.pdf", content=b"%PDF-1.4 signed"):
        return self.env["ir.attachment"].with_user(user).create({"name": name, "datas": base64.b64encode(content)})

    def issued(self, **vals):
        """A decision drafted by the specialist, signed by the Chairman and issued by the Office."""
        doc = self.env["ubnd.document"].with_user(self.specialist).create(dict({
            "name": "Quyết định phê duyệt", "committee_id": self.committee.id,
            "document_type_id": self.doctype_decision.id, "recipients": "- Như Điều 3;\n- Lưu: VT.",
            "body": "<p>Phê duyệt kế hoạch.</p>",
            "attachment_ids": [(6, 0, self.pdf(self.specialist).ids)],
        }, **vals))
        with on(date(2026, 3, 2)):
            doc.with_user(self.chairman).action_sign()
            doc.with_user(self.deputy_office).action_issue()
        return doc

    def snapshot(self, doc):
        doc.invalidate_recordset()
        return (doc.name, doc.state, doc.number, doc.reference, doc.date, doc.committee_id, doc.recipients,
                str(doc.body), doc.attachment_ids, doc.attachment_ids.sudo().mapped("datas"), doc.signer_id,
                doc.urgency, doc.drafting_unit_id, doc.signature_block)

    def test_issued_document_is_never_deleted(self):
        """R-ND30-15.1, R-ND30-15.1-2: the register has no gaps: the Office cannot delete a signed or issued document,
        nor can server code; a draft that never got a number can be deleted."""
        doc = self.issued()
        signed = self.env["ubnd.document"].create({
            "name": "Công văn", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id})
        with on(date(2026, 3, 2)):
            signed.with_user(self.chairman).action_sign()
        for record in (doc, signed):
            with self.assertRaises(UserError):
                record.with_user(self.deputy_office).unlink()
            with self.assertRaises(UserError):
                record.sudo().unlink()
            self.assertTrue(record.exists())
        self.assertEqual((doc.reference, signed.reference), ("01/QĐ-UBND", "02/QĐ-UBND"))
        draft = self.env["ubnd.document"].with_user(self.specialist).create({
            "name": "Dự thảo", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id})
        draft.with_user(self.deputy_office).unlink()
        self.assertFalse(draft.exists())

    def test_issued_document_is_never_altered(self):
        """R-ND30-15.1-2, R-000-20.1: nobody rewrites an issued document: not its files, recipients, committee, text,
        urgency, drafting unit or number, not by the specialist who drafted it nor by the Office; its files cannot
        be rewritten or deleted either. The chatter still takes messages."""
        doc = self.issued()
        before = self.snapshot(doc)
        new_file = self.pdf(self.specialist, "thay-the.pdf", b"%PDF-1.4 forged")
        attempts = [
            {"attachment_ids": [(6, 0, new_file.ids)]},
            {"attachment_ids": [(4, new_file.id)]},
            {"recipients": "- Chỉ gửi một nơi."},
            {"committee_id": self.other_committee.id},
            {"body": "<p>Nội dung khác.</p>"},
            {"urgency": "hoa_toc"},
            {"drafting_unit_id": self.office.id},
            {"name": "Quyết định khác"},
        ]
        for user in (self.specialist, self.deputy_office, self.chairman):
            for vals in attempts:
                with self.assertRaises(ValidationError):
                    doc.with_user(user).write(vals)
            with self.assertRaises(AccessError):
                doc.with_user(user).write({"number": 99, "reference": "99/QĐ-UBND", "date": "2026-01-01"})
        file = doc.attachment_ids
        for user in (self.specialist, self.deputy_office):
            with self.assertRaises(AccessError):
                file.with_user(user).write({"datas": base64.b64encode(b"%PDF-1.4 forged")})
            with self.assertRaises(AccessError):
                file.with_user(user).unlink()
        self.assertEqual(self.snapshot(doc), before)
        doc.with_user(self.specialist).message_post(body="Đã gửi bản giấy.")
        self.assertEqual(self.snapshot(doc), before)

    def test_document_stays_with_its_committee(self):
        """A specialist cannot draft for, or move a draft to, a committee he does not work for; a signed document's
        committee never changes."""
        draft = self.env["ubnd.document"].with_user(self.staff).create({
            "name": "Dự thảo", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id})
        with self.assertRaises(AccessError):
            draft.with_user(self.staff).write({"committee_id": self.other_committee.id})
        with self.assertRaises(AccessError):
            self.env["ubnd.document"].with_user(self.staff).create({
                "name": "Khác", "committee_id": self.other_committee.id, "document_type_id": self.doctype_decision.id})
        self.assertEqual(draft.committee_id, self.committee)

    def test_client_cannot_create_a_document_already_issued(self):
        """R-ND30-15.1-2: a client cannot create a document issued, numbered, signed, published or in another series:
        those values come only from signing, numbering and issuing."""
        doc = self.env["ubnd.document"].with_user(self.deputy_office).create({
            "name": "Văn bản", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "confidentiality": "mat", "state": "issued", "number": 5, "year": 2026, "reference": "05/QĐ-UBND",
            "date": "2026-03-02", "signer_id": self.chairman.id, "signature_block": "CHỦ TỊCH", "series": "normal",
            "publication_state": "published", "published_at": "2026-03-02 08:00:00", "issued_at": "2026-03-02 08:00:00",
        })
        self.assertEqual((doc.state, doc.number, doc.reference, doc.date, doc.signer_id.id, doc.series,
                          doc.publication_state, doc.published_at),
                         ("draft", 0, False, False, False, "confidential", "not_required", False))
        for vals in ({"series": "normal"}, {"publication_state": "published"}, {"state": "issued"}):
            with self.assertRaises(AccessError):
                doc.with_user(self.deputy_office).write(vals)
        self.assertEqual((doc.state, doc.series), ("draft", "confidential"))

    def test_correction_is_a_new_document_linked_to_the_one_it_corrects(self):
        """R-ND30-15.1-2: a correction is a new document that amends, replaces or corrects the issued one; the original
        keeps its text and its chatter names the document that replaced it; the link is tracked."""
        original = self.issued()
        before = self.snapshot(original)
        Document = self.env["ubnd.document"].with_user(self.specialist)
        draft = Document.create({"name": "Dự thảo", "committee_id": self.committee.id,
                                 "document_type_id": self.doctype_decision.id})
        with self.assertRaises(ValidationError):  # a draft is edited, not corrected
            Document.create({"name": "Sửa", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
                             "corrected_document_id": draft.id, "correction_kind": "amend"})
        with self.assertRaises(ValidationError):  # say how it corrects
            Document.create({"name": "Sửa", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
                             "corrected_document_id": original.id})
        replacing = Document.create({
            "name": "Quyết định thay thế", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "corrected_document_id": original.id, "correction_kind": "replace",
        })
        with on(date(2026, 3, 3)):
            replacing.with_user(self.chairman).action_sign()
            replacing.with_user(self.deputy_office).action_issue()
        self.assertEqual(original.correction_ids, replacing)
        self.assertEqual(self.snapshot(original), before)
        self.assertIn(replacing.reference, "\n".join(original.message_ids.mapped("body")))
        with self.assertRaises(ValidationError):
            replacing.with_user(self.specialist).write({"corrected_document_id": False})

    def test_every_change_is_tracked(self):
        """R-000-16.3: every change to a document's committee, recipients, files and status is tracked (who, old → new)."""
        doc = self.env["ubnd.document"].with_user(self.specialist).create({
            "name": "Dự thảo", "committee_id": self.committee.id, "document_type_id": self.doctype_decision.id,
            "recipients": "- A", "urgency": "normal"})
        self.env.cr.precommit.run()
        doc.with_user(self.specialist).write({
            "recipients": "- B", "urgency": "khan", "attachment_ids": [(6, 0, self.pdf(self.specialist).ids)],
            "drafting_unit_id": self.department.id,
        })
        self.env.cr.precommit.run()
        tracked = doc.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        for name in ("recipients", "urgency", "attachment_ids", "drafting_unit_id"):
            self.assertIn(name, tracked)
        for name in ("committee_id", "number", "reference", "date", "state", "signer_id", "delegation_id",
                     "corrected_document_id", "correction_kind", "confidentiality", "document_type_id"):
            self.assertTrue(doc._fields[name].tracking, "%s is not tracked" % name)

    def test_chatter_of_an_issued_document_is_kept(self):
        """Issue #9 §4 (no rule id of the register states it): the record of an issued document includes its history: a message on it is neither rewritten
        nor deleted by its author, the Office or anyone with write access, and no file is slipped into it through
        the chatter; posting a new message stays possible."""
        doc = self.issued()
        message = doc.with_user(self.specialist).message_post(body="Đã gửi bản giấy.", message_type="comment")
        for user in (self.specialist, self.deputy_office):
            with self.assertRaises(AccessError):
                message.with_user(user).write({"body": "Chưa gửi."})
            with self.assertRaises(AccessError):
                message.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(user).create({
                    "name": "thay-the.pdf", "datas": base64.b64encode(b"%PDF-1.4 other"),
                    "res_model": "ubnd.document", "res_id": doc.id,
                })
            stray = self.pdf(user)
            with self.assertRaises(AccessError):
                stray.write({"res_model": "ubnd.document", "res_id": doc.id})
        self.assertEqual(str(message.body), "<p>Đã gửi bản giấy.</p>")
        self.assertFalse(self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "ubnd.document"), ("res_id", "=", doc.id), ("name", "=", "thay-the.pdf")]))
        doc.with_user(self.deputy_office).message_post(body="Đính chính: đã gửi bản giấy ngày 03/3.")

    def test_documents_found_by_number_or_subject(self):
        """Issue #9 §6 (no rule id): documents are found by number and symbol or by subject; name_search on
        the computed display name crashed with a raw ValueError."""
        doc = self.issued(name="Quyết định về phòng cháy")
        Document = self.env["ubnd.document"].with_user(self.deputy_office)
        self.assertIn(doc.id, [rid for rid, _name in Document.name_search("phòng cháy")])
        self.assertIn(doc.id, [rid for rid, _name in Document.name_search(doc.reference)])

    def test_history_is_not_forged(self):
        """Issue #9 §4 (no rule id): a client cannot post into a record's history in the Chairman's name, nor
        post tracked changes (old → new) by hand; his own message in his own name is accepted."""
        doc = self.issued()
        Message = self.env["mail.message"].with_user(self.specialist)
        base = {"model": "ubnd.document", "res_id": doc.id, "message_type": "comment", "body": "Chủ tịch đã đồng ý."}
        with self.assertRaises(AccessError):
            Message.create(dict(base, author_id=self.chairman.partner_id.id))
        with self.assertRaises(AccessError):
            Message.create(dict(base, tracking_value_ids=[(0, 0, {
                "field_id": self.env["ir.model.fields"]._get("ubnd.document", "state").id,
                "old_value_char": "Nháp", "new_value_char": "Đã ban hành"})]))
        own = Message.create(dict(base, body="Đã nhận bản giấy."))
        self.assertEqual(own.author_id, self.specialist.partner_id)
