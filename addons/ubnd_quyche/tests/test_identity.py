import io
from datetime import date

from freezegun import freeze_time
from PIL import Image

from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.ubnd_quyche.tools import privileged

# 20:30 UTC on Sunday 1 March 2026 is 03:30 on Monday 2 March in Hà Nội (UTC+7).
LATE_EVENING_UTC = "2026-03-01 20:30:00"


@tagged("post_install", "-at_install")
class TestCommitteeTime(TransactionCase):
    """Issue #12 item 10: a committee works in its time zone (Asia/Ho_Chi_Minh): its "today", and so its deadlines,
    follow it for its users and for scheduled jobs that run without one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.env.ref("ubnd_quyche.committee_haiphong")
        cls.company = cls.committee.company_id

    def test_committees_and_their_users_work_in_vietnam_time(self):
        """Issue #12 item 10: committees default to Asia/Ho_Chi_Minh; every demo committee user, the committee's
        company and the system user that runs scheduled jobs share it."""
        self.assertEqual(self.env["ubnd.committee"].new({}).tz, "Asia/Ho_Chi_Minh")
        committees = self.env["ubnd.committee"].search([])
        self.assertEqual(set(committees.mapped("tz")), {"Asia/Ho_Chi_Minh"})
        users = committees.member_ids.user_id | self.env["res.users"].search(
            [("login", "in", ("chuyenvien.vp.hp", "chuyenvien.stc.hp", "phochanhvp.hp", "giamdoc.sxd.hp"))])
        self.assertEqual(set(users.mapped("tz")), {"Asia/Ho_Chi_Minh"})
        self.assertEqual(set(committees.company_id.partner_id.mapped("tz")), {"Asia/Ho_Chi_Minh"})
        self.assertEqual(self.env.ref("base.user_root").tz, "Asia/Ho_Chi_Minh")

    def test_today_is_the_committees_whatever_the_reader(self):
        """Issue #12 item 10: at 03:30 in Hà Nội (still yesterday in UTC and in Brussels), the working-day engine and
        a dossier's steps already count the new day — also in a scheduled job, which has no user's time zone."""
        Workday = self.env["ubnd.workday"]
        with freeze_time(LATE_EVENING_UTC):
            for env_tz in ("UTC", "Europe/Brussels", False):
                workday = Workday.with_context(tz=env_tz) if env_tz else Workday.with_user(self.env.ref("base.user_root"))
                self.assertEqual(workday.today(self.company), date(2026, 3, 2), env_tz)
            submission = self.env["ubnd.submission"].search([("committee_id", "=", self.committee.id)], limit=1)
            self.assertEqual(submission.with_context(tz="UTC")._today(), date(2026, 3, 2))
            self.assertEqual(self.env["ubnd.submission"].with_context(tz="UTC")._today(), date(2026, 3, 2))

    def test_overdue_mark_counts_the_committees_day(self):
        """Issue #12 item 10 (R-000-18.1 deadlines): a step due on Sunday 1 March is overdue once Monday has begun in
        Hà Nội, although it is still Sunday in UTC when the nightly job runs."""
        submission = self.env["ubnd.submission"].search(
            [("committee_id", "=", self.committee.id), ("state", "=", "submitted"), ("is_overdue", "=", False)], limit=1)
        if not submission:
            submission = self.env["ubnd.submission"].search(
                [("committee_id", "=", self.committee.id), ("state", "=", "submitted")], limit=1)
            privileged(submission, "ubnd_workflow").sudo().write({"is_overdue": False})
        self.assertTrue(submission, "the demo has a dossier at the Office")
        privileged(submission, "ubnd_workflow").sudo().write({"office_deadline": date(2026, 3, 1)})
        submission.invalidate_recordset()
        self.assertEqual(submission.current_deadline, date(2026, 3, 1))
        with freeze_time(LATE_EVENING_UTC):
            self.env["ubnd.submission"].with_user(self.env.ref("base.user_root")).with_context(tz="UTC") \
                ._cron_mark_overdue()
        self.assertTrue(submission.is_overdue)

    def test_committee_time_zone_change_reaches_the_scheduled_jobs(self):
        """Issue #12 item 10: when a committee's time zone is set, its company and the scheduled jobs follow."""
        self.committee.tz = "Asia/Bangkok"
        self.assertEqual(self.company.partner_id.tz, "Asia/Bangkok")
        self.assertEqual(self.env.ref("base.user_root").tz, "Asia/Bangkok")


@tagged("post_install", "-at_install")
class TestCommitteeIdentity(HttpCase):
    """Issue #12 item 10: each committee's company shows its own name and the emblem, on the login page too,
    instead of Odoo's "Your logo" placeholder."""

    def test_companies_show_their_committee_and_emblem(self):
        """Issue #12 item 10: the demo companies are named after their committees and carry the emblem."""
        for xmlid, name in (("base.main_company", "UBND thành phố Hải Phòng"), ("ubnd_quyche.company_trian", "UBND phường Trị An")):
            company = self.env.ref(xmlid)
            self.assertEqual(company.name, name)
            self.assertFalse(company.uses_default_logo, name)

    def test_new_committee_company_gets_the_emblem(self):
        """Issue #12 item 10: a committee created on a company still showing "Your logo" gives it the emblem."""
        company = self.env["res.company"].create({"name": "UBND xã Thử nghiệm"})
        self.assertTrue(company.uses_default_logo)
        self.env["ubnd.committee"].create({"name": "Ủy ban nhân dân xã Thử nghiệm", "company_id": company.id,
                                           "level": "commune"})
        self.assertFalse(company.uses_default_logo)

    def test_login_page_shows_the_emblem(self):
        """Issue #12 item 10: the login page's logo is the emblem: a red disc with a gold star at its centre."""
        page = self.url_open("/web/login")
        self.assertIn("/web/binary/company_logo", page.text)
        logo = self.url_open("/web/binary/company_logo")
        self.assertEqual(logo.status_code, 200)
        image = Image.open(io.BytesIO(logo.content)).convert("RGB")
        width, height = image.size
        red, green, blue = image.getpixel((width // 2, height // 2))  # the star
        self.assertTrue(red > 200 and green > 150 and blue < 120, (red, green, blue))
        red, green, blue = image.getpixel((width // 2, int(height * 0.145)))  # the red disc above the star
        self.assertTrue(red > 180 and green < 90 and blue < 90, (red, green, blue))
