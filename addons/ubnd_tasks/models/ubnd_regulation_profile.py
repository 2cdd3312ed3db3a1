from odoo import fields, models


class UbndRegulationProfile(models.Model):
    """The task-tracking numbers the core profile does not hold yet.

    Each field cites the article it comes from; the presets set them by data
    (``data/ubnd_regulation_profile_data.xml``). Design choices that no article states
    (reminder windows, escalation delays) are not here: they live in the tunable
    automation rules (``base.automation``) an administrator edits.
    """

    _inherit = "ubnd.regulation.profile"

    task_deadline_rolls_forward = fields.Boolean(
        "Deadline on a day off moves to the next working day", default=True,
        help="Bộ luật Dân sự 2015 Đ148.5 — when the last day of a period is a weekend or public holiday, the "
        "period ends at the end of the next working day. Seed 002 (Đ5.1.e) is silent; with this option a task "
        "whose deadline falls on a day off is on time when completed on the next working day.",
    )
    task_due_soon_days = fields.Integer(
        "Dashboard: due soon within (working days)", default=5,
        help="Design choice, not a rule of seed 002 (catalogue A-16): how many working days ahead a unit's "
        "dashboard lists tasks as due soon.",
    )
    task_regulation_reference = fields.Char(
        "Task-tracking regulation",
        help="002-QĐ Đ2 — the decision issuing the task-tracking regulation in force.",
    )
    task_regulation_effective_date = fields.Date(
        "Task-tracking regulation in force from",
        help="002-QĐ Đ2 — Hải Phòng: in force from 04/09/2025.",
    )
    task_regulation_replaces = fields.Char(
        "Task-tracking regulation replaces",
        help="002-QĐ Đ2 — replaces QĐ 2655/2014/QĐ-UBND and QĐ 43/2018/QĐ-UBND.",
    )
    task_report_channel = fields.Char(
        "Reporting system for units' periodic reports",
        help="002 Đ19.1, Đ20.1 — Hải Phòng: departments and communes send their quarterly, six-month and annual "
        "task reports through baocao.haiphong.gov.vn.",
    )
    focal_process_standard = fields.Char(
        "Focal officers: process standard", default="ISO 9001:2015",
        help="004 Đ4.3 — focal officers help build process models under ISO 9001:2015 for new or amended "
        "administrative procedures.",
    )
    focal_regulation_reference = fields.Char(
        "Focal-officer regulation",
        help="004-QĐ Đ2 — the decision issuing the regulation on focal officers for administrative-procedure control.",
    )
    focal_regulation_effective_date = fields.Date(
        "Focal-officer regulation in force from",
        help="004-QĐ Đ2 — Huế: in force from 01/11/2025.",
    )
    focal_regulation_replaces = fields.Char(
        "Focal-officer regulation replaces",
        help="004-QĐ Đ2 — replaces QĐ 10/2018/QĐ-UBND.",
    )
    focal_office_deputy_count = fields.Integer(
        "Focal officers: deputy chiefs of the Office", default=1,
        help="004 Đ2.1.a — the Office's focal officers are the Chief of Office, 01 Deputy Chief of Office and "
        "the leaders and specialists of the Public Administration Service Centre.",
    )
    focal_meeting_period_months = fields.Integer(
        "Focal officers: review meeting every (months)", default=6,
        help="004 Đ5 — a review meeting (giao ban) every 6 months, in the last month of the second and fourth "
        "quarters: the meeting month must be a multiple of this number (June, December).",
    )
