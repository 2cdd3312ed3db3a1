from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestFollowup(UbndTaskCase):
    """Weekly reports, sessions, periodic reports and the units' focal officers (002 Đ6.1.d, Đ18–Đ23)."""

    # --- 002 Đ6.1.d: the Thursday report --------------------------------------------------------------
    def test_weekly_report_every_thursday_lists_slow_coordinators(self):
        """R-002-6.1d: every Thursday the lead unit reports the coordinating units that gave no input; the draft is
        prepared on that weekday only, and a unit that gave its input drops off the next week's list."""
        Weekly = self.env["ubnd.task.weekly.report"]
        self.assertEqual(self.profile.slow_coordination_report_weekday, "3")
        self.assertEqual(Weekly._report_day_of_week(self.profile, date(2026, 11, 23)), date(2026, 11, 26))
        task = self.assign(self.make_task(deadline=date(2026, 12, 31), coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        self.assertFalse(Weekly._cron_prepare_weekly_reports(today=date(2026, 11, 25)), "Wednesday: nothing")
        report = Weekly._cron_prepare_weekly_reports(today=date(2026, 11, 26)).filtered(lambda r: r.unit_id == self.department)
        self.assertEqual(report.week_date, date(2026, 11, 26))
        self.assertEqual(report.line_ids.mapped(lambda l: (l.task_id, l.unit_id)), [(task, self.finance)])
        with self.assertRaises(AccessError):
            report.with_user(self.finance_staff).action_send()
        with freeze_time(date(2026, 11, 26)):
            report.with_user(self.staff).action_send()
        self.assertEqual(report.state, "sent")
        self.assertFalse(report.sent_late)
        self.report(task, date(2026, 11, 30), kind="contribution", user=self.finance_staff)
        self.assertFalse(Weekly._cron_prepare_weekly_reports(today=date(2026, 12, 3)).filtered(
            lambda r: r.unit_id == self.department))

    def test_weekly_report_due_next_working_day_when_thursday_is_off(self):
        """R-002-6.1d: Thursday 30/04/2026 is a public holiday (and 01/05): the report is due on Monday 04/05."""
        report = self.env["ubnd.task.weekly.report"].create({
            "committee_id": self.committee.id, "unit_id": self.department.id, "week_date": date(2026, 4, 30),
        })
        self.assertEqual(report.due_date, date(2026, 5, 4))

    # --- 002 Đ21: before and at the monthly session ------------------------------------------------------
    def test_units_update_one_working_day_before_the_session(self):
        """R-002-21.1: every unit reviews and updates all its task results at least 1 working day before the
        regular session: for a session on Monday 04/01/2027, by Thursday 31/12/2026 (New Year's Day off)."""
        self.assertEqual(self.profile.pre_session_update_days, 1)
        self.assign(self.make_task(deadline=date(2027, 1, 29)))
        self.assign(self.make_task(lead_unit_id=self.finance.id, deadline=date(2027, 1, 29)))
        session = self.env["ubnd.task.session"].with_user(self.office_clerk).create({
            "name": "Phiên họp thường kỳ tháng 01/2027", "committee_id": self.committee.id,
            "session_date": date(2027, 1, 4),
        })
        self.assertEqual(session.update_deadline, date(2026, 12, 31))
        session.with_user(self.office_clerk).action_notify_units()
        self.assertEqual(set(session.line_ids.unit_id), {self.department, self.finance})
        construction = session.line_ids.filtered(lambda l: l.unit_id == self.department)
        finance = session.line_ids.filtered(lambda l: l.unit_id == self.finance)
        with self.assertRaises(AccessError):
            construction.with_user(self.finance_staff).action_confirm_updated()
        with freeze_time(date(2026, 12, 31)):
            construction.with_user(self.staff).action_confirm_updated()
        with freeze_time(date(2027, 1, 4)):
            finance.with_user(self.finance_staff).action_confirm_updated()
        self.assertTrue(construction.on_time)
        self.assertFalse(finance.on_time)

    def test_office_reports_monthly_at_the_session(self):
        """R-002-21.2, R-000-40.3: at the monthly regular session the Office reports the status and results of
        the tasks: the session prints the statistics of its month."""
        session = self.env["ubnd.task.session"].with_user(self.office_clerk).create({
            "name": "Phiên họp thường kỳ tháng 12/2026", "committee_id": self.committee.id,
            "session_date": date(2026, 12, 29),
        })
        action = session.with_user(self.office_clerk).action_print_monthly_report()
        self.assertEqual(action["report_name"], "ubnd_tasks.task_statistics_xlsx")
        wizard = self.env["ubnd.task.report.wizard"].browse(action["context"]["active_ids"])
        self.assertEqual((wizard.period_type, wizard.date_from, wizard.date_to), ("month", date(2026, 12, 1), date(2026, 12, 31)))
        self.assertEqual(session.state, "reported")
        self.assertTrue(session.quarter_end, "the December session also hears the quarter's inspections (000 Đ41.3)")

    # --- Periodic reports -------------------------------------------------------------------------------
    def _unit_report(self, user=None, **vals):
        values = {"committee_id": self.committee.id, "unit_id": self.department.id, "topic": "tasks",
                  "period_type": "quarter", "year": 2026, "period_number": 4}
        values.update(vals)
        return self.env["ubnd.unit.report"].with_user(user or self.staff).create(values)

    def test_department_reports_quarterly_six_monthly_annually_through_reporting_system(self):
        """R-002-19.1: departments report task results quarterly, six-monthly and annually to the Office through
        baocao.haiphong.gov.vn; the cut-offs are those of the profile (000 Đ50.3.b: the 20th)."""
        quarter = self._unit_report()
        self.assertEqual((quarter.date_from, quarter.date_to, quarter.due_date),
                         (date(2026, 9, 21), date(2026, 12, 20), date(2026, 12, 20)))
        self.assertEqual(quarter.channel, "baocao.haiphong.gov.vn")
        half = self._unit_report(period_type="half_year")
        self.assertEqual((half.date_from, half.date_to), (date(2025, 12, 21), date(2026, 6, 20)))
        year = self._unit_report(period_type="year")
        self.assertEqual((year.date_from, year.date_to), (date(2025, 12, 21), date(2026, 12, 20)))
        with freeze_time(date(2026, 12, 18)):
            quarter.with_user(self.unit_head).action_approve()
            quarter.with_user(self.staff).action_send()
        self.assertFalse(quarter.sent_late)
        self.assertIn(self.chief_office.partner_id, quarter.sudo().message_partner_ids)

    def test_commune_reports_also_to_related_departments(self):
        """R-002-20.1: communes send their periodic task reports to the Office and to the related departments."""
        self.assign(self.make_task(lead_unit_id=self.commune.id, coordinating_unit_ids=[(6, 0, self.finance.ids)]))
        reports = self.env["ubnd.unit.report"].with_user(self.office_clerk).action_generate_for_units(
            self.committee, "tasks", "quarter", 2026, 4)
        commune = reports.filtered(lambda r: r.unit_id == self.commune)
        self.assertEqual(commune.related_unit_ids, self.finance)
        self.assertEqual(commune.channel, "baocao.haiphong.gov.vn")
        self.assertEqual(commune.due_date, date(2026, 12, 20))

    def test_heads_report_to_the_chairman_and_vice_chairman_and_explain_late_tasks(self):
        """R-000-40.6: heads report periodically to the Chairman and the Vice-Chairman in charge and explain the
        tasks that are late or of poor quality; only the head approves."""
        task = self.assign(self.make_task(lead_unit_id=self.commune.id))
        self.status_on(task, date(2026, 11, 30))
        report = self._unit_report(unit_id=self.commune.id, user=self.office_clerk)
        self.assertEqual(set(report.recipient_ids), {self.chairman, self.vc_urban})
        with self.assertRaises(AccessError):
            report.with_user(self.staff).action_approve()
        with self.assertRaises(UserError):
            report.with_user(self.ward_chairman).action_approve()
        report.sudo().explanation = "<p>Chậm do vướng mắc giải phóng mặt bằng.</p>"
        report.with_user(self.ward_chairman).action_approve()
        self.assertEqual(report.state, "approved")

    def test_annual_legal_monitoring_and_quarterly_inspection_reports(self):
        """R-000-40.6-2, R-000-41.2: heads report annually on the monitoring of legal documents in their field
        and quarterly on the inspection of document enforcement."""
        with self.assertRaises(ValidationError):
            self._unit_report(topic="legal_monitoring", period_type="quarter")
        self.assertEqual(self._unit_report(topic="legal_monitoring", period_type="year").due_date, date(2026, 12, 20))
        with self.assertRaises(ValidationError):
            self._unit_report(topic="inspection", period_type="year")
        self.assertEqual(self._unit_report(topic="inspection", period_number=3).due_date, date(2026, 9, 20))

    def test_office_evaluation_report_published_on_the_portal(self):
        """R-002-18.2: the Office evaluates the units' task results quarterly, six-monthly and annually, submits
        the report to the committee and publishes it on the e-portal; a department's report is not published."""
        report = self.env["ubnd.unit.report"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "unit_id": self.office.id, "topic": "tasks",
            "period_type": "half_year", "year": 2026,
        })
        report.with_user(self.office_clerk).action_attach_statistics()
        self.assertTrue(report.attachment_ids.name.endswith(".xlsx"))
        with self.assertRaises(UserError):
            report.with_user(self.office_clerk).action_publish()
        with freeze_time(date(2026, 6, 22)):
            report.with_user(self.chief_office).action_approve()
            report.with_user(self.office_clerk).action_send()
            report.with_user(self.office_clerk).action_publish()
        self.assertEqual((report.state, report.published_date), ("published", date(2026, 6, 22)))
        department = self._unit_report()
        department.sudo().write({"state": "sent"})
        with self.assertRaises(UserError):
            department.with_user(self.office_clerk).action_publish()

    def test_regulation_report_on_25_december(self):
        """R-002-23.1: the Office reports on the task-tracking regulation on 25 December each year."""
        report = self.env["ubnd.unit.report"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "unit_id": self.office.id, "topic": "regulation",
            "period_type": "year", "year": 2026,
        })
        self.assertEqual(report.due_date, date(2026, 12, 25))
        with self.assertRaises(ValidationError):
            report.period_type = "quarter"

    def test_regulation_in_force(self):
        """R-002-QD2: the Hải Phòng preset records the task-tracking regulation in force from 04/09/2025,
        replacing QĐ 2655/2014/QĐ-UBND and QĐ 43/2018/QĐ-UBND."""
        preset = self.env.ref("ubnd_quyche.profile_preset_haiphong")
        self.assertEqual(preset.task_regulation_effective_date, date(2025, 9, 4))
        self.assertIn("2655/2014/QĐ-UBND", preset.task_regulation_replaces)
        self.assertIn("43/2018/QĐ-UBND", preset.task_regulation_replaces)
        self.assertEqual(self.profile.task_regulation_effective_date, date(2025, 9, 4))

    def test_unit_focal_officer_change_notified_to_the_office(self):
        """R-002-22.2: each unit appoints a focal officer who updates its tasks on the System, and the Office is
        notified when the focal officer changes."""
        task = self.assign(self.make_task())
        self.assertTrue(task._is_lead_user(self.staff), "the focal officer acts for the unit")
        self.department.ubnd_task_focal_user_id = self.unit_head
        message = self.office.message_ids[:1]
        self.assertIn(self.department.name, message.body)
        self.assertIn("002 Đ22.2", message.body)
