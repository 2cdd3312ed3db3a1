{
    "name": "UBND – Văn bản đến",
    "summary": "Incoming documents: reception, registration, direction, distribution and follow-up",
    "description": "Incoming documents of the committee (Decree 30/2020 Đ20–24, PL IV, PL VI; 001 Đ7.6, Đ12.1; "
    "000 Đ16.2): received on paper (scanned at 200 dpi or more) or electronically, registered with a yearly "
    "incoming number and the “ĐẾN” stamp data within the profile's cut-off, presented to the leader who directs "
    "them on the phiếu giải quyết (lead unit, supporting units, deadlines), distributed, followed to their reply "
    "and, when the direction assigns work, tracked as assigned tasks from their arrival. Dossiers submitted to "
    "the leaders are logged as incoming. Registers and the phiếu print per PL IV.",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "ubnd_tasks"],
    "data": [
        "security/ubnd_incoming_security.xml",
        "security/ir.model.access.csv",
        "report/ubnd_incoming_reports.xml",
        "wizard/ubnd_incoming_direct_wizard_views.xml",
        "views/ubnd_incoming_views.xml",
        "views/ubnd_regulation_profile_views.xml",
        "views/ubnd_incoming_menus.xml",
    ],
    "demo": [
        "demo/ubnd_incoming_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ubnd_incoming/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
