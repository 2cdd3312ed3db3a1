import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestReportingCalendar(ProgrammeCase):
    """Report obligations, due dates from the profile, reminders, sending and on-time statistics."""

    def obligation(self, committee=None, user=None, **vals):
        committee = committee or self.committee
        user = user or (self.deputy_office if committee == self.committee else self.ward_chief_office)
        return self.env["ubnd.report.obligation"].with_user(user).with_company(committee.company_id).create(dict({
            "name": "Báo cáo định kỳ", "committee_id": committee.id, "frequency": "quarterly", "unit_scope": "units",
            "unit_ids": [(6, 0, self.department.ids)], "recipient": "Văn phòng UBND",
        }, **vals))

    def due_dates(self, obligation, year=2026):
        reports = obligation._generate(date(year, 1, 1), date(year, 12, 31))
        return sorted(set(reports.mapped("due_date")))

    def pdf(self, user=None):
        return self.env["ir.attachment"].with_user(user or self.unit_head).create(
            {"name": "bao-cao.pdf", "datas": base64.b64encode(b"%PDF-1.4 test")})

    def test_periodic_due_dates_city(self):
        """R-000-50.3b, R-000-50.3b-2, R-000-50.3b-3: quarterly reports by the 20th of the quarter's last month,
        six-monthly by 20 June, annual by 20 December; in 2026 the 20th of June, September and December fall on a
        weekend and stay there (the text is silent), unless the profile moves them back."""
        self.assertEqual(self.due_dates(self.obligation()),
                         [date(2026, 3, 20), date(2026, 6, 20), date(2026, 9, 20), date(2026, 12, 20)])
        self.assertEqual(self.due_dates(self.obligation(frequency="half_yearly")), [date(2026, 6, 20)])
        self.assertEqual(self.due_dates(self.obligation(frequency="annual")), [date(2026, 12, 20)])
        self.profile.report_roll_back = True
        self.assertEqual(self.due_dates(self.obligation(frequency="quarterly", name="Quý (lùi ngày)")),
                         [date(2026, 3, 20), date(2026, 6, 19), date(2026, 9, 18), date(2026, 12, 18)])

    def test_due_dates_ward(self):
        """R-001-34.3: the ward's Chief of Office reviews the committee's direction monthly, quarterly, six-monthly and
        yearly for the city committee; 001 Đ34 gives periods only, the dates come from the ward profile (the
        superior's regime, 000 Đ50.3.b, binds commune chairs)."""
        ward = dict(committee=self.ward, unit_ids=[(6, 0, self.ward_office.ids)], topic="direction",
                    responsible_user_id=self.ward_chief_office.id)
        monthly = self.obligation(frequency="monthly", **ward)
        self.assertEqual(len(self.due_dates(monthly)), 12)
        self.assertEqual(monthly.report_ids[:1].due_date, date(2026, 1, 20))
        self.assertEqual(self.due_dates(self.obligation(frequency="quarterly", **ward))[1], date(2026, 6, 20))
        self.assertEqual(self.due_dates(self.obligation(frequency="half_yearly", **ward)), [date(2026, 6, 20)])
        self.assertEqual(self.due_dates(self.obligation(frequency="annual", **ward)), [date(2026, 12, 20)])
        self.assertEqual(monthly.report_ids.responsible_user_id, self.ward_chief_office)
        self.ward_profile.report_month_day = 25
        other = self.obligation(frequency="monthly", name="Theo ngày của cấp trên", **ward)
        self.assertEqual(self.due_dates(other)[0], date(2026, 1, 25), "the profile holds the day")
        own = self.obligation(frequency="monthly", name="Ngày riêng", due_day=10, **ward)
        self.assertEqual(self.due_dates(own)[1], date(2026, 2, 10))

    def test_monthly_direction_report_of_the_office(self):
        """R-000-50.1b: the Chief of Office sends the monthly report on direction and operations under the Chairman's
        authorisation (A12: no due day, the profile's ``report_month_day``)."""
        obligation = self.obligation(frequency="monthly", topic="direction", unit_ids=[(6, 0, self.office.ids)],
                                     responsible_user_id=self.chief_office.id,
                                     recipient_partner_ids=[(6, 0, self.chairman.partner_id.ids)])
        reports = obligation._generate(date(2026, 1, 1), date(2026, 3, 31))
        self.assertEqual(reports.mapped("due_date"), [date(2026, 1, 20), date(2026, 2, 20), date(2026, 3, 20)])
        self.assertEqual(reports.responsible_user_id, self.chief_office)

    def test_plan_report_of_finance(self):
        """R-000-50.4: the Department of Finance presents the plan-implementation report at the regular sessions
        monthly, quarterly, six-monthly and annually."""
        counts = {}
        for frequency in ("monthly", "quarterly", "half_yearly", "annual"):
            obligation = self.obligation(frequency=frequency, topic="plan", name=frequency,
                                         unit_ids=[(6, 0, self.finance.ids)])
            counts[frequency] = len(obligation._generate(date(2026, 1, 1), date(2026, 12, 31)))
        self.assertEqual(counts, {"monthly": 12, "quarterly": 4, "half_yearly": 1, "annual": 1})

    def test_daily_reports_run_through_tet(self):
        """R-000-50.5: the daily defence, security and order reports run every day, public holidays and Tết
        included; the daily press review (R-000-50.2e) runs on working days only."""
        security = self.obligation(frequency="daily", topic="security", include_days_off=True)
        reports = security._generate(date(2026, 2, 14), date(2026, 2, 22))
        self.assertEqual(len(reports), 9)
        self.assertIn(date(2026, 2, 17), reports.mapped("due_date"), "the first day of Tết")
        press = self.obligation(frequency="daily", topic="press", include_days_off=False, name="Điểm báo",
                                unit_ids=[(6, 0, self.office.ids)])
        press_days = press._generate(date(2026, 2, 14), date(2026, 2, 22)).mapped("due_date")
        self.assertEqual(press_days, [], "14–22/2/2026 is a weekend and Tết")
        self.assertEqual(len(press._generate(date(2026, 2, 23), date(2026, 2, 27))), 5)

    def test_weekly_and_quarterly_reports_of_the_regime(self):
        """R-001-5.6, R-000-47.3: a Vice-Chairman reports weekly at the giao ban (a weekly obligation with its
        weekday); the Chief Inspector reports quarterly at a session (a quarterly obligation)."""
        weekly = self.obligation(frequency="weekly", due_weekday="0", topic="field", name="Báo cáo lĩnh vực",
                                 committee=self.ward, unit_ids=[(6, 0, self.ward_office.ids)],
                                 responsible_user_id=self.ward_vc.id)
        reports = weekly._generate(date(2026, 6, 1), date(2026, 6, 30))
        self.assertEqual(reports.mapped("due_date"), [date(2026, 6, 1), date(2026, 6, 8), date(2026, 6, 15),
                                                      date(2026, 6, 22), date(2026, 6, 29)])
        with self.assertRaises(ValidationError):
            self.obligation(frequency="weekly", name="Thiếu thứ")
        inspection = self.obligation(topic="inspection", name="Báo cáo thanh tra")
        self.assertEqual(len(inspection._generate(date(2026, 1, 1), date(2026, 12, 31))), 4)

    def test_generation_is_idempotent_and_per_unit(self):
        """R-000-50.3b: every department and commune sends its own report; generating twice adds nothing."""
        obligation = self.obligation(unit_scope="departments_communes", unit_ids=[(5,)])
        first = obligation._generate(date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(set(first.mapped("unit_id")), {self.department, self.finance, self.commune})
        self.assertEqual(len(first), 12)
        self.assertFalse(obligation._generate(date(2026, 1, 1), date(2026, 12, 31)))

    def test_reminders_before_the_due_date_both_presets(self):
        """R-000-50.3b, R-001-34.3: the person responsible gets a to-do the profile's number of working days before
        the due date (city and ward), and an overdue report is urged through the Office."""
        city = self.obligation()._generate(date(2026, 1, 1), date(2026, 3, 31))
        ward = self.obligation(committee=self.ward, unit_ids=[(6, 0, self.ward_economy.ids)])._generate(
            date(2026, 1, 1), date(2026, 3, 31))
        Report = self.env["ubnd.report"]
        with freeze_time("2026-03-16"):  # Monday: 20/3 is 4 working days away
            Report._send_reminders()
            self.assertFalse(city.activity_ids | ward.activity_ids)
        with freeze_time("2026-03-17"):  # Tuesday: 3 working days away
            Report._send_reminders()
            self.assertEqual(city.activity_ids.user_id, self.unit_head)
            self.assertEqual(ward.activity_ids.user_id, self.ward_head)
            self.assertEqual(city.activity_ids.date_deadline, date(2026, 3, 20))
            Report._send_reminders()
            self.assertEqual(len(city.activity_ids), 1, "one reminder")
        with freeze_time("2026-03-23"):
            Report._cron_refresh_timeliness()
            self.assertEqual(city.timeliness, "overdue")
            Report._urge_overdue()
            self.assertIn(self.chief_office, city.activity_ids.user_id)
            self.assertIn(self.ward_chief_office, ward.activity_ids.user_id)
            self.assertEqual(city.days_late, 1)

    def test_sending_the_report(self):
        """R-000-50.3b: a unit sends its own report with its document or files; it is on time or late against the due
        date."""
        report = self.obligation()._generate(date(2026, 1, 1), date(2026, 3, 31))
        with self.assertRaises(ValidationError):
            report.with_user(self.unit_head).action_submit()
        report.with_user(self.unit_head).attachment_ids = [(6, 0, self.pdf().ids)]
        with self.assertRaises(AccessError):
            report.with_user(self.member_finance).action_submit()
        with self.assertRaises(AccessError):
            report.with_user(self.unit_head).write({"due_date": date(2026, 3, 31)})
        with freeze_time("2026-03-19"):
            report.with_user(self.staff).action_submit()
        self.assertEqual((report.state, report.timeliness, report.on_time_rate), ("submitted", "on_time", 100.0))
        late = self.obligation(name="Muộn")._generate(date(2026, 1, 1), date(2026, 3, 31))
        document = self.env["ubnd.document"].create({"name": "Báo cáo quý I", "committee_id": self.committee.id,
                                                     "document_type_id": self.env.ref("ubnd_quyche.doctype_bc").id})
        late.with_user(self.unit_head).document_id = document
        with freeze_time("2026-03-24"):
            late.with_user(self.unit_head).action_submit()
        self.assertEqual((late.timeliness, late.days_late), ("late", 2))

    def test_programme_review_explains_late_items(self):
        """R-000-25.1, R-000-22.2, R-001-20.1: a unit's periodic review of its programme items reports the backlog
        with its reasons: it cannot be sent while a late item has no explanation."""
        prog = self.programme(kind="month", year=2026, month=3)
        item = self.item(prog, name="Quy chế quản lý vỉa hè", submission_deadline=date(2026, 3, 10))
        review = self.obligation(frequency="monthly", topic="programme_review")._generate(
            date(2026, 3, 1), date(2026, 3, 31))
        review.with_user(self.unit_head).attachment_ids = [(6, 0, self.pdf().ids)]
        with freeze_time("2026-03-25"):
            item._cron_refresh_status()
            self.assertEqual(item.status, "late")
            with self.assertRaisesRegex(ValidationError, "Quy chế quản lý vỉa hè"):
                review.with_user(self.unit_head).action_submit()
            item.with_user(self.unit_head).delay_reason = "Chờ ý kiến Sở Tư pháp"
            review.with_user(self.unit_head).action_submit()
            self.assertEqual(review.state, "submitted")

    def test_figures_hook_and_office_programme_report(self):
        """R-000-25.2, R-001-20.2: the Office's report on programme implementation carries the figures of the period
        (items done, late, dropped; reports on time), from a hook the tasks addon extends."""
        prog = self.programme(kind="month", year=2026, month=4)
        self.item(prog, name="A", submission_deadline=date(2026, 4, 10))
        self.item(prog, name="B", submission_deadline=date(2026, 4, 28), lead_unit_id=self.finance.id,
                  coordinating_unit_ids=[(6, 0, self.department.ids)])
        Report = self.env["ubnd.report"]
        with freeze_time("2026-04-20"):
            self.env["ubnd.programme.item"]._cron_refresh_status()
            figures = Report._get_period_figures(self.committee, date(2026, 4, 1), date(2026, 4, 30))
            values = {key: value for key, _label, value in figures["programme"]["values"]}
            self.assertEqual((values["total"], values["late"], values["on_track"]), (2, 1, 1))
            unit_figures = Report._get_period_figures(self.committee, date(2026, 4, 1), date(2026, 4, 30),
                                                      unit=self.finance)
            self.assertEqual(unit_figures["programme"]["values"][0][2], 1)
            self.assertIn("reports", figures)
            office = self.obligation(frequency="monthly", topic="programme_report", unit_ids=[(6, 0, self.office.ids)],
                                     responsible_user_id=self.chief_office.id)
            report = office._generate(date(2026, 4, 1), date(2026, 4, 30))
            self.assertIn("Work programme items due in the period", report.figures_html)

    def test_on_time_statistics_per_unit(self):
        """R-000-50.3b: on-time statistics per unit, as the pivot and graph read them."""
        obligation = self.obligation(unit_scope="departments", unit_ids=[(5,)])
        reports = obligation._generate(date(2026, 1, 1), date(2026, 6, 30))
        construction = reports.filtered(lambda r: r.unit_id == self.department).sorted("due_date")
        finance = reports.filtered(lambda r: r.unit_id == self.finance).sorted("due_date")
        construction.sudo().write({"attachment_ids": [(6, 0, self.pdf().ids)]})
        for report, sent in zip(construction, (date(2026, 3, 18), date(2026, 6, 25))):
            report.sudo().write({"state": "submitted", "submitted_date": sent})
        finance[0].sudo().write({"state": "submitted", "submitted_date": date(2026, 3, 20)})
        with freeze_time("2026-07-01"):
            self.env["ubnd.report"]._cron_refresh_timeliness()
        groups = self.env["ubnd.report"]._read_group(
            [("obligation_id", "=", obligation.id)], ["unit_id", "timeliness"], ["__count"])
        stats = {(unit.id, timeliness): count for unit, timeliness, count in groups}
        self.assertEqual(stats[(self.department.id, "on_time")], 1)
        self.assertEqual(stats[(self.department.id, "late")], 1)
        self.assertEqual(stats[(self.finance.id, "on_time")], 1)
        self.assertEqual(stats[(self.finance.id, "overdue")], 1)
        rates = dict(self.env["ubnd.report"]._read_group(
            [("obligation_id", "=", obligation.id)], ["unit_id"], ["on_time_rate:avg"]))
        self.assertEqual(rates[self.department], 50.0)
