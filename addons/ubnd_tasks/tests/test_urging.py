from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestUrging(UbndTaskCase):
    """Urging (đôn đốc): its forms, escalating reminders by tunable automation rules, feedback (002 Đ10, Đ18)."""

    def _run_rule(self, xmlid, until):
        rule = self.env.ref(xmlid).sudo().with_context(__action_done={})
        rule.last_run = False
        records = rule._search_time_based_automation_records(until=until)
        for record in records:
            rule._process(record)
        self.env.flush_all()
        return records

    def test_five_forms_of_urging(self):
        """R-002-10: tracking and urging use five forms — documents on the e-office System, monthly periodic or
        ad-hoc reports, direct meetings, phone/email/fax/System messages, and inspection."""
        forms = dict(self.env["ubnd.task.urging"]._fields["form"].selection)
        self.assertEqual(list(forms), ["document", "periodic_report", "meeting", "message", "inspection"])

    def test_forms_of_the_working_regulation(self):
        """R-000-39.2: the five forms of 000 Đ39.2 (e-system, reports, direct work, inspection teams and working
        groups, other IT forms) are each recorded by one of the forms of 002 Đ10."""
        Urging = self.env["ubnd.task.urging"]
        mapping = Urging._forms_000()
        self.assertEqual(len(mapping), 5)
        self.assertEqual(set(mapping.values()), set(dict(Urging._fields["form"].selection)))

    def test_periodic_report_is_monthly(self):
        """R-002-10.2: the periodic report used for tracking and urging is monthly (or ad hoc)."""
        self.assertIn("month", dict(self.env["ubnd.task.report.wizard"]._fields["period_type"].selection))
        wizard = self.env["ubnd.task.report.wizard"].create({
            "committee_id": self.committee.id, "period_type": "month", "year": 2026, "month": "11",
        })
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 11, 1), date(2026, 11, 30)))

    def test_urging_document_traced_on_the_tasks(self):
        """R-002-10: an urging document of the Office is traced in each task's chatter; units cannot urge."""
        task = self.assign(self.make_task())
        with self.assertRaises(AccessError):
            self.env["ubnd.task.urging"].with_user(self.staff).create({"committee_id": self.committee.id, "form": "document"})
        urging = self.env["ubnd.task.urging"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "form": "document", "document_reference": "300/UBND-VP",
            "task_ids": [(6, 0, task.ids)], "unit_ids": [(6, 0, self.department.ids)], "note": "Đề nghị khẩn trương báo cáo.",
        })
        self.assertEqual(task.urging_ids, urging)
        self.assertIn("Đề nghị khẩn trương báo cáo.", task.sudo().message_ids[:1].body)

    def test_escalating_reminders_by_automation_rules(self):
        """R-002-10: reminders by System message escalate from the tracking specialist (the lead unit is
        reminded), to the Office leadership, to the leader in charge, on tunable automation rules."""
        task = self.assign(self.make_task())  # deadline 27/11/2026
        self.status_on(task, date(2026, 11, 28))
        self.assertEqual(task.status, "overdue")
        level1 = self._run_rule("ubnd_tasks.automation_task_urge_level1", datetime(2026, 11, 28, 12))
        self.assertIn(task, level1)
        level2_early = self._run_rule("ubnd_tasks.automation_task_urge_level2", datetime(2026, 11, 28, 12))
        self.assertNotIn(task, level2_early, "level 2 only after its delay")
        self._run_rule("ubnd_tasks.automation_task_urge_level2", datetime(2026, 12, 8, 12))
        self._run_rule("ubnd_tasks.automation_task_urge_level3", datetime(2026, 12, 28, 12))
        urgings = task.urging_ids.sorted("level")
        self.assertEqual(urgings.mapped("level"), ["1", "2", "3"])
        self.assertTrue(all(u.form == "message" and u.automatic for u in urgings))
        activities = task.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("ubnd_tasks.mail_activity_task_urging"))
        self.assertTrue({self.unit_head, self.chief_office, self.vc_urban} <= set(activities.user_id))

    def test_one_urging_activity_per_level(self):
        """R-002-10: each level of urging by System message is one urging and one to-do, for the one person who
        acts at that level — the lead person (1), the Chief of Office (2), the leader in charge (3) — however often
        the rules run (a second cron, a rule run again, an urging by hand at the same level); the reminder before
        the deadline is one to-do too. A deadline moved by the leaders' direction is urged anew."""
        task = self.assign(self.make_task())  # deadline 27/11/2026
        urging_type = self.env.ref("ubnd_tasks.mail_activity_task_urging")

        def urging_activities():
            return task.sudo().activity_ids.filtered(lambda a: a.activity_type_id == urging_type)

        for _run in range(2):
            self._run_rule("ubnd_tasks.automation_task_due_soon", datetime(2026, 11, 24, 12))
        self.assertEqual(len(urging_activities()), 1, "one reminder before the deadline")
        urging_activities().action_feedback()
        self.status_on(task, date(2026, 11, 28))
        with freeze_time("2026-11-28"):
            for _run in range(2):
                self._run_rule("ubnd_tasks.automation_task_urge_level1", datetime(2026, 11, 28, 12))
            task._urge("1")
        with freeze_time("2026-12-08"):
            for _run in range(2):
                self._run_rule("ubnd_tasks.automation_task_urge_level2", datetime(2026, 12, 8, 12))
        with freeze_time("2026-12-28"):
            for _run in range(3):
                self._run_rule("ubnd_tasks.automation_task_urge_level3", datetime(2026, 12, 28, 12))
        activities = urging_activities().sorted("id")
        self.assertEqual(activities.user_id.ids, [self.unit_head.id, self.chief_office.id, self.vc_urban.id])
        self.assertEqual(len(activities), 3)
        self.assertEqual(task.urging_ids.sorted("level").mapped("level"), ["1", "2", "3"])
        # The leaders move the deadline: the new deadline, once passed, is urged again at level 1.
        with freeze_time("2026-12-29"):
            self.env["ubnd.task.reassign.wizard"].with_user(self.office_clerk).create({
                "task_id": task.id, "deadline": date(2027, 1, 15), "reason": "Gia hạn theo chỉ đạo.",
                "direction_reference": "Thông báo 12/TB-UBND",
            }).action_apply()
        self.status_on(task, date(2027, 1, 18))
        with freeze_time("2027-01-18"):
            task._urge("1")
            task._urge("1")
        self.assertEqual(len(task.urging_ids.filtered(lambda u: u.level == "1")), 2)

    def test_reminder_before_the_deadline_is_tunable(self):
        """R-002-10: the reminder before the deadline is an automation rule an administrator tunes (a design
        choice, not a number of the regulation)."""
        task = self.assign(self.make_task())
        rule = self.env.ref("ubnd_tasks.automation_task_due_soon")
        self.assertEqual((rule.trg_date_range, rule.trg_date_range_mode), (3, "before"))
        self.assertIn(task, self._run_rule("ubnd_tasks.automation_task_due_soon", datetime(2026, 11, 24, 12)))
        rule.sudo().trg_date_range = 1
        self.assertNotIn(task, self._run_rule("ubnd_tasks.automation_task_due_soon", datetime(2026, 11, 24, 12)))

    def test_feedback_answered_within_seven_working_days(self):
        """R-002-18.5: on feedback that a unit acted late or wrongly, the Office issues an urging document within
        7 working days (feedback of Thursday 24/12/2026 → by Tuesday 05/01/2027, New Year's Day off) or asks for direction; the
        urging document is copied to the body that gave the feedback."""
        self.assertEqual(self.profile.feedback_urging_days, 7)
        task = self.assign(self.make_task(lead_unit_id=self.finance.id))
        feedback = self.env["ubnd.task.feedback"].with_user(self.staff).create({
            "committee_id": self.committee.id, "task_id": task.id, "from_unit_id": self.department.id,
            "about_unit_id": self.finance.id, "received_date": date(2026, 12, 24),
            "content": "Sở Tài chính chưa bố trí vốn đúng hạn.",
        })
        self.assertEqual(feedback.response_deadline, date(2027, 1, 5))
        with self.assertRaises(AccessError):
            feedback.with_user(self.staff).action_respond()
        feedback.with_user(self.office_clerk).write({"response_type": "urging", "document_reference": "12/UBND-VP"})
        with freeze_time(date(2027, 1, 5)):
            feedback.with_user(self.office_clerk).action_respond()
        self.assertFalse(feedback.answered_late)
        urging = feedback.urging_id
        self.assertEqual((urging.form, urging.unit_ids, urging.copy_unit_ids), ("document", self.finance, self.department))
        late = self.env["ubnd.task.feedback"].with_user(self.office_clerk).create({
            "committee_id": self.committee.id, "from_unit_id": self.commune.id, "about_unit_id": self.department.id,
            "received_date": date(2026, 12, 24), "content": "Chậm cấp phép.", "response_type": "direction",
        })
        with freeze_time(date(2027, 1, 6)):
            late.with_user(self.office_clerk).action_respond()
        self.assertTrue(late.answered_late)
        self.assertEqual(late.direction_id.reason, "feedback")
