{
    "name": "UBND – Phiên họp và biểu quyết",
    "summary": "Sessions and meetings, preparation deadlines, agenda, attendance and quorum, votes and written "
    "ballots, minutes and conclusion notices",
    "description": "Sessions of the People's Committee and the other meetings of its working regulation "
    "(000 Chương V, 001 Đ22–31): calendar events and invitations, the preparation timeline computed with the "
    "working-day engine, agenda items linked to submissions, attendance with absences and substitutes, the "
    "quorum, votes at sessions (open or secret) and written or electronic ballots with the committee's majority "
    "and tie rules, minutes in the Decree 30/2020 layout and conclusion notices issued as documents of the core.",
    "version": "19.0.1.1.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "calendar"],
    "data": [
        "security/ir.model.access.csv",
        "security/ubnd_meetings_security.xml",
        "data/ubnd_meeting_guest_category_data.xml",
        "data/ubnd_regulation_profile_data.xml",
        "data/ir_cron_data.xml",
        "report/ubnd_meeting_minutes_report.xml",
        "views/ubnd_meeting_views.xml",
        "views/ubnd_vote_views.xml",
        "views/ubnd_ballot_views.xml",
        "views/ubnd_meeting_minutes_views.xml",
        "views/ubnd_config_views.xml",
        "views/ubnd_meetings_menus.xml",
        "views/ubnd_dialogue_request_views.xml",
        "views/res_users_identitycheck_views.xml",
    ],
    "demo": [
        "demo/ubnd_meetings_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ubnd_meetings/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
