from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import IncomingCase, vn


@tagged("post_install", "-at_install")
class TestRegister(IncomingCase):
    """Item 1 of issue #11: reception and registration of incoming documents (Decree 30/2020 Đ4.2.b, Đ20–22,
    PL I P.II §I.2, PL IV §V; nd30_reference §3, §8.2)."""

    def test_numbers_consecutive_in_order_of_receipt_and_restart_each_year(self):
        """Issue #11 item 1 (Decree 30/2020 Đ22.2, nd30_reference §3): the incoming number is consecutive in the
        order of registration within the committee's year, paper and electronic in one series, and starts again
        at 1 on 1 January; confidential documents take their own series."""
        first = self.register(self.receive(at=vn(2026, 12, 30, 8, 0)), vn(2026, 12, 30, 9, 0))
        paper = self.register(self.receive(at=vn(2026, 12, 30, 10, 0), medium="paper", scan_dpi=300,
                                           document_number="77/STC-ĐT", sender="Sở Tài chính"),
                              vn(2026, 12, 31, 16, 0))
        secret = self.register(self.receive(at=vn(2026, 12, 31, 9, 0), medium="paper", confidentiality="mat",
                                            document_number="15/CA-PA03", sender="Công an thành phố"),
                               vn(2026, 12, 31, 9, 30))
        # Registered at 07:30 on 1 January in Vietnam (still 31 December in UTC): the new year's first number.
        new_year = self.register(self.receive(at=vn(2026, 12, 31, 17, 0), document_number="9/BXD-QLN"),
                                 vn(2027, 1, 1, 7, 30))
        self.assertEqual([(d.year, d.series, d.number) for d in (first, paper, secret, new_year)],
                         [(2026, "normal", 1), (2026, "normal", 2), (2026, "secret", 1), (2027, "normal", 1)])
        self.assertEqual(first.received_date, date(2026, 12, 30))

    def test_registration_cut_off_in_working_days(self):
        """Issue #11 item 1 (Decree 30/2020 Đ4.2.b, profile field incoming_registration_days = 1): a document
        received on Friday is registered at the latest on Monday (the weekend is skipped by the working-day
        engine); an urgent one on the day it arrives; registering after the cut-off is marked late."""
        self.assertEqual(self.profile.incoming_registration_days, 1)
        friday = vn(2026, 12, 4, 16, 0)
        ordinary = self.receive(at=friday)
        urgent = self.receive(at=friday, urgency="thuong_khan", document_number="1/BXD-HT")
        self.assertEqual(ordinary.registration_deadline, date(2026, 12, 7))
        self.assertEqual(urgent.registration_deadline, date(2026, 12, 4))
        self.register(ordinary, vn(2026, 12, 7, 16, 30))
        self.register(urgent, vn(2026, 12, 7, 8, 0))
        self.assertFalse(ordinary.registered_late)
        self.assertTrue(urgent.registered_late)
        late = self.register(self.receive(at=friday, document_number="2/BXD-HT"), vn(2026, 12, 8, 8, 0))
        self.assertTrue(late.registered_late)
        # The cut-off is the profile's: two working days move it to Tuesday.
        self.profile.incoming_registration_days = 2
        self.assertEqual(self.receive(at=friday, document_number="3/BXD-HT").registration_deadline, date(2026, 12, 8))

    def test_paper_is_scanned_at_200_dpi_as_pdf(self):
        """Issue #11 item 1 (Decree 30/2020 PL I P.II §I.2): a paper document is registered with its scan, a PDF
        at 200 dpi at least; an electronic one with its file."""
        with self.assertRaises(ValidationError):
            self.receive(medium="paper", scan_dpi=150)
        paper = self.receive(medium="paper")
        with self.assertRaises(UserError):
            paper.with_user(self.office_clerk).action_register()
        paper.with_user(self.office_clerk).scan_dpi = 200
        self.register(paper)
        self.assertEqual(paper.state, "registered")
        bare = self.receive(attachment_ids=[])
        with self.assertRaises(UserError):
            bare.with_user(self.office_clerk).action_register()
        self.assertFalse(bare.number)

    def test_confidential_keeps_only_the_register_entry(self):
        """Issue #11 item 1 (Decree 30/2020 Đ22.4; nd30_reference §8.2; 000 Đ16.2): a confidential document is
        received on paper and keeps only its register data — a neutral title, no file — in its own series;
        its direction records the units and deadlines without the text."""
        with self.assertRaises(ValidationError):
            self.receive(confidentiality="mat", medium="paper", attachment_ids=[(6, 0, self.pdf().ids)])
        with self.assertRaises(ValidationError):
            self.receive(confidentiality="mat", medium="electronic")
        doc = self.receive(confidentiality="toi_mat", medium="paper", name="Kế hoạch bảo vệ mục tiêu",
                           document_number="15/CA-PA03", sender="Công an thành phố")
        self.assertNotIn("mục tiêu", doc.name)
        self.assertIn("15/CA-PA03", doc.name)
        self.present(self.register(doc), self.chairman)
        self.direct(doc, self.chairman, note="Nội dung mật")
        self.assertEqual(doc.series, "secret")
        self.assertFalse(doc.direction_note)
        self.assertEqual(doc.lead_unit_id, self.department)

    def test_duplicate_number_and_sender_warned(self):
        """Issue #11 item 1 (Decree 30/2020 PL VI §III.1.h): the Office is warned when the same number, symbol
        and issuing body are already in the register."""
        first = self.register(self.receive())
        again = self.receive(at=vn(2026, 12, 2, 9, 0))
        self.assertEqual(again.duplicate_id, first)
        self.assertFalse(self.receive(document_number="5121/BXD-QLN").duplicate_id)

    def test_unregistered_deleted_registered_kept(self):
        """Issue #11 item 1 (Decree 30/2020 Đ22.2): a number once given stays in the register — a registered
        document is never deleted; a mistaken reception not yet registered is."""
        doc = self.register(self.receive())
        with self.assertRaises(UserError):
            doc.with_user(self.office_clerk).unlink()
        draft = self.receive(document_number="1/X")
        draft.with_user(self.office_clerk).unlink()
        self.assertFalse(draft.exists())
