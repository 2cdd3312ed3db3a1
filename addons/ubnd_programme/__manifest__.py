{
    "name": "UBND – Chương trình công tác, lịch công tác và báo cáo",
    "summary": "Work programmes (year, quarter, month, week), the leaders' weekly schedule and the reporting calendar",
    "description": "Work programmes with their build timelines, Chairman-only adjustments and evaluation; the leaders' "
                   "weekly schedule (meetings, receptions, business trips, citizen reception, session periods); "
                   "the reporting calendar with due dates, reminders and on-time statistics.",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "calendar"],
    "data": [
        "security/ubnd_programme_security.xml",
        "security/ir.model.access.csv",
        "data/ubnd_regulation_profile_data.xml",
        "data/ir_cron_data.xml",
        "views/ubnd_regulation_profile_views.xml",
        "views/ubnd_programme_views.xml",
        "views/ubnd_programme_item_views.xml",
        "views/ubnd_programme_adjustment_views.xml",
        "views/ubnd_schedule_entry_views.xml",
        "views/ubnd_schedule_line_views.xml",
        "views/ubnd_report_views.xml",
        "views/ubnd_submission_views.xml",
        "views/ubnd_programme_menus.xml",
        "report/ubnd_programme_report.xml",
    ],
    "demo": [
        "demo/ubnd_programme_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ubnd_programme/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
