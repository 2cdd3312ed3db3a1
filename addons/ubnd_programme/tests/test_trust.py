"""Attacks an ordinary user can send over RPC, each refused by the model layer with the record unchanged."""
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ProgrammeCase


@tagged("post_install", "-at_install")
class TestProgrammeTrust(ProgrammeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prog = cls.programme(kind="quarter", year=2026, quarter="3")
        cls.item_a = cls.item(cls.prog, name="Quy định quản lý cây xanh đô thị", submission_deadline=date(2026, 8, 14))
        cls.decide(cls.prog)
        cls.obligation = cls.env["ubnd.report.obligation"].with_user(cls.deputy_office).create({
            "name": "Báo cáo định kỳ", "committee_id": cls.committee.id, "frequency": "quarterly",
            "unit_scope": "units", "unit_ids": [(6, 0, cls.department.ids)], "recipient": "Văn phòng UBND",
        })

    def pdf(self, user):
        return self.env["ir.attachment"].with_user(user).create(
            {"name": "bao-cao.pdf", "datas": base64.b64encode(b"%PDF-1.4 test")})

    def sent_report(self):
        report = self.obligation._generate(date(2026, 1, 1), date(2026, 3, 31))
        report.with_user(self.unit_head).write({"attachment_ids": [(4, self.pdf(self.unit_head).id)]})
        report.with_user(self.unit_head).action_submit()
        return report

    # --- Sent reports, decided programmes and adjustments are final ---------------------------------------------
    def test_sent_report_is_never_altered_or_deleted(self):
        """A report sent on its due date stays as sent (its date feeds the on-time statistics): the Office neither
        reopens, cancels, edits nor deletes it, and neither does the server."""
        report = self.sent_report()
        self.assertEqual(report.state, "submitted")
        sent = report.submitted_date
        for attack in (
            lambda: report.with_user(self.deputy_office).action_reset(),
            lambda: report.with_user(self.deputy_office).action_cancel(),
            lambda: report.with_user(self.deputy_office).write({"note": "Sửa sau khi gửi"}),
            lambda: report.with_user(self.unit_head).write({"attachment_ids": [(5,)]}),
            lambda: report.with_user(self.deputy_office).unlink(),
            lambda: report.sudo().write({"submitted_date": date(2026, 3, 1)}),
        ):
            with self.assertRaises(UserError):
                attack()
        self.assertEqual((report.state, report.submitted_date, len(report.attachment_ids)), ("submitted", sent, 1))
        self.assertEqual(report.attachment_ids.res_model, "ubnd.report", "the file follows the report's access")

    def test_workflow_facts_cannot_be_forged_on_create(self):
        """R-000-24.6, R-001-19.5: nothing a client sends grants a right — a programme created already issued, an
        adjustment created already decided by the Chairman, a report created already sent, an item created already
        done are refused; the same values as ``default_`` context keys are ignored."""
        attacks = [
            (self.env["ubnd.programme"].with_user(self.deputy_office),
             {"kind": "month", "year": 2026, "month": 11, "committee_id": self.committee.id, "state": "issued"}),
            (self.env["ubnd.programme.adjustment"].with_user(self.unit_head),
             {"programme_id": self.prog.id, "kind": "reschedule", "item_id": self.item_a.id, "reason": "Giả",
              "new_deadline": date(2026, 9, 25), "state": "applied", "decided_by_id": self.chairman.id}),
            (self.env["ubnd.report"].with_user(self.deputy_office),
             {"obligation_id": self.obligation.id, "unit_id": self.department.id, "due_date": date(2026, 6, 20),
              "state": "submitted", "submitted_date": date(2026, 6, 1)}),
            (self.env["ubnd.programme.item"].with_user(self.deputy_office),
             {"programme_id": self.programme(kind="month", year=2026, month=10).id, "name": "Mục", "source": "higher",
              "done_date": date(2026, 10, 1)}),
        ]
        for Model, values in attacks:
            with self.assertRaises(AccessError, msg=Model._name):
                Model.create(values)
        programme = self.env["ubnd.programme"].with_user(self.deputy_office).with_context(
            default_state="issued", default_issued_by_id=self.chairman.id).create(
            {"kind": "month", "year": 2026, "month": 12, "committee_id": self.committee.id})
        self.assertEqual((programme.state, programme.issued_by_id), ("draft", self.env["res.users"]))
        adjustment = self.env["ubnd.programme.adjustment"].with_user(self.unit_head).with_context(
            default_state="applied").create({"programme_id": self.prog.id, "kind": "reschedule", "reason": "Đề xuất",
                                             "item_id": self.item_a.id, "new_deadline": date(2026, 9, 25)})
        self.assertEqual(adjustment.state, "proposed")
        self.assertEqual(self.item_a.submission_deadline, date(2026, 8, 14))

    def test_decided_programme_and_adjustment_stay_on_the_record(self):
        """R-000-24.6, R-001-19.5: a decided programme is not deleted (the committee admin included), and a decided
        adjustment keeps its reason, old and new value even against the server."""
        admin = new_test_user(self.env, login="t_ubnd_admin", groups="ubnd_quyche.group_ubnd_admin",
                              company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        with self.assertRaises(UserError):
            self.prog.with_user(admin).unlink()
        adjustment = self.env["ubnd.programme.adjustment"].with_user(self.deputy_office).create({
            "programme_id": self.prog.id, "kind": "reschedule", "item_id": self.item_a.id,
            "new_deadline": date(2026, 9, 25), "reason": "Chờ ý kiến Bộ"})
        adjustment.with_user(self.chairman).action_apply()
        with self.assertRaises(UserError):
            adjustment.sudo().write({"old_value": "khác", "reason": "khác"})
        with self.assertRaises(UserError):
            adjustment.sudo().unlink()
        self.assertTrue(self.prog.exists())
        self.assertEqual((adjustment.state, adjustment.reason), ("applied", "Chờ ý kiến Bộ"))

    def test_schedule_entry_on_the_schedule_is_cancelled_not_deleted(self):
        """An entry put on the leaders' schedule stays on the record; the Office cancels it."""
        entry = self.entry(name="Họp giao ban", kind="meeting", leader_ids=[(6, 0, self.chairman.ids)],
                           start=self.utc(date(2026, 7, 15), 8), stop=self.utc(date(2026, 7, 15), 11))
        entry.with_user(self.deputy_office).action_confirm()
        with self.assertRaises(UserError):
            entry.with_user(self.deputy_office).unlink()
        entry.with_user(self.deputy_office).action_cancel()
        self.assertEqual(entry.state, "cancelled")

    # --- Bad input --------------------------------------------------------------------------------------------------
    def test_absurd_dates_refused_clearly(self):
        """Dates outside 1900–2200, impossible dates and periods ending before they start are refused with a clear
        message; nothing is written."""
        with self.assertRaises(ValidationError):
            self.programme(kind="year", year=100)
        with self.assertRaises(ValidationError):
            self.programme(kind="week", week_start="0100-01-04")
        with self.assertRaises(ValidationError):
            self.item(self.programme(kind="month", year=2026, month=9), submission_deadline="9999-01-01")
        with self.assertRaises(ValidationError):
            self.entry(name="Đi công tác", kind="meeting", start="0100-06-17 01:00:00", stop="0100-06-17 03:00:00")
        Report = self.env["ubnd.report"].with_user(self.deputy_office)
        values = {"obligation_id": self.obligation.id, "unit_id": self.department.id, "due_date": date(2026, 6, 20)}
        with self.assertRaises(ValidationError):
            Report.create(dict(values, period_start=date(2026, 6, 30), period_end=date(2026, 4, 1)))
        with self.assertRaises(ValidationError):
            Report.create(dict(values, period_start="2026-02-30", period_end="2026-03-31"))
        report = Report.create(dict(values, period_start=date(2026, 4, 1), period_end=date(2026, 6, 30)))
        with self.assertRaises(ValidationError):
            report.write({"due_date": "0100-01-01"})
        with self.assertRaises(UserError):
            self.obligation.with_user(self.deputy_office).action_generate_year(99999)
        self.assertEqual(report.due_date, date(2026, 6, 20))

    # --- Isolation ------------------------------------------------------------------------------------------------
    def test_ward_users_cannot_touch_the_citys_records(self):
        """Each committee keeps its records: the ward's Office and head neither read, create, change nor delete the
        city's reports, programmes, items or schedule."""
        report = self.obligation._generate(date(2026, 1, 1), date(2026, 3, 31))
        for user in (self.ward_chief_office, self.ward_head):
            with self.assertRaises(AccessError, msg=user.login):
                report.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                report.with_user(user).write({"note": "x"})
            with self.assertRaises(AccessError, msg=user.login):
                self.item_a.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                self.prog.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["ubnd.report"].with_user(self.ward_chief_office).create({
                "obligation_id": self.obligation.id, "unit_id": self.department.id, "due_date": date(2026, 6, 20)})
        with self.assertRaises(AccessError):
            report.with_user(self.ward_chief_office).unlink()
        with self.assertRaises(AccessError):
            self.entry(user=self.ward_chief_office, committee=self.committee, name="Lịch giả", kind="meeting",
                       start=self.utc(date(2026, 7, 1), 8), stop=self.utc(date(2026, 7, 1), 9))
        self.assertTrue(report.exists())

    def test_programme_stays_with_its_committee(self):
        """The Office cannot hand a programme to another committee, nor link a report to another committee's
        document or unit."""
        draft = self.programme(kind="month", year=2026, month=11)
        with self.assertRaises(AccessError):
            draft.with_user(self.deputy_office).write({"committee_id": self.ward.id})
        report = self.obligation._generate(date(2026, 1, 1), date(2026, 3, 31))
        with self.assertRaises(ValidationError):
            report.with_user(self.deputy_office).write({"unit_id": self.ward_office.id})
        self.assertEqual((draft.committee_id, report.unit_id), (self.committee, self.department))
