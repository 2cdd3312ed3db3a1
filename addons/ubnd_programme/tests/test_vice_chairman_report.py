import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestViceChairmanWeeklyReport(ProgrammeCase):
    """Each ward Vice-Chairman reports weekly to the Chairman at their giao ban (001 Đ5.6)."""

    def test_each_vice_chairman_reports_every_week_at_the_giao_ban(self):
        """R-001-5.6: the ward gets one weekly report obligation per Vice-Chairman, made by him, due on the giao
        ban's weekday (Monday) and addressed to the Chairman; it cannot be monthly nor made by someone else. In June
        2026 he owes 5 reports (1, 8, 15, 22, 29/6); one sent the next day is late, one sent on the Monday on time,
        one not sent by its Monday is overdue."""
        Obligation = self.env["ubnd.report.obligation"].with_user(self.ward_chief_office)
        obligations = Obligation._ensure_vice_chairman_reports(self.ward)
        self.assertEqual(obligations.responsible_user_id, self.ward.vice_chairman_ids)
        self.assertEqual((obligations.frequency, obligations.due_weekday), ("weekly", "0"))
        self.assertIn(self.ward_chairman.partner_id, obligations.recipient_partner_ids)
        self.assertFalse(Obligation._ensure_vice_chairman_reports(self.ward), "one obligation per Vice-Chairman")
        with self.assertRaises(ValidationError):
            obligations.write({"frequency": "monthly"})
        with self.assertRaises(ValidationError):
            obligations.write({"responsible_user_id": self.ward_head.id})

        reports = obligations._generate(date(2026, 6, 1), date(2026, 6, 30)).sorted("due_date")
        self.assertEqual(reports.mapped("due_date"), [date(2026, 6, 1), date(2026, 6, 8), date(2026, 6, 15),
                                                      date(2026, 6, 22), date(2026, 6, 29)])
        self.assertEqual(reports.responsible_user_id, self.ward_vc)
        files = [(0, 0, {"name": "bao-cao.pdf", "datas": base64.b64encode(b"%PDF-1.4")})]
        reports[0].sudo().attachment_ids = files
        reports[2].sudo().attachment_ids = files
        with freeze_time("2026-06-02"):
            reports[0].with_user(self.ward_vc).action_submit()
        with freeze_time("2026-06-15"):
            reports[2].with_user(self.ward_vc).action_submit()
        with freeze_time("2026-06-09"):
            self.env["ubnd.report"]._cron_refresh_timeliness()
        self.assertEqual(reports[:3].mapped("timeliness"), ["late", "overdue", "on_time"])
