{
    "name": "UBND – Task report on the session agenda",
    "summary": "One regular session for meetings and task tracking: the Office's task report is an item of the "
    "session's agenda, with its workbook, and the session date is entered once",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_meetings", "ubnd_tasks"],
    "data": [
        "views/ubnd_task_session_views.xml",
        "views/ubnd_meeting_views.xml",
    ],
    "demo": [
        "demo/ubnd_meetings_tasks_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}
