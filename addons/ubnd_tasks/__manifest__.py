{
    "name": "UBND – Theo dõi nhiệm vụ",
    "summary": "Assigned tasks: tracking, timeliness, urging, inspection, reports",
    "description": "Tasks assigned by directive documents (seed 002), their status and timeliness, updates and "
    "Office confirmation, returns and reassignments, urging, inspections, periodic statistics and xlsx "
    "reports, and the network of focal officers for administrative-procedure control (seed 004).",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    # AGPL because the xlsx reports build on OCA report_xlsx (AGPL-3).
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "base_automation", "report_xlsx"],
    "data": [
        "security/ubnd_tasks_security.xml",
        "security/ir.model.access.csv",
        "data/ubnd_regulation_profile_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/base_automation_data.xml",
        "report/ubnd_task_reports.xml",
        "wizard/ubnd_task_reassign_wizard_views.xml",
        "wizard/ubnd_task_return_wizard_views.xml",
        "wizard/ubnd_task_reason_wizard_views.xml",
        "wizard/ubnd_task_report_wizard_views.xml",
        "views/ubnd_task_views.xml",
        "views/ubnd_task_update_views.xml",
        "views/ubnd_task_followup_views.xml",
        "views/ubnd_task_analysis_views.xml",
        "views/ubnd_unit_report_views.xml",
        "views/ubnd_inspection_views.xml",
        "views/ubnd_inspection_documents_views.xml",
        "views/ubnd_focal_views.xml",
        "views/ubnd_document_views.xml",
        "views/hr_department_views.xml",
        "views/ubnd_regulation_profile_views.xml",
        "views/ubnd_tasks_menus.xml",
    ],
    "demo": [
        "demo/ubnd_tasks_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ubnd_tasks/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
