{
    "name": "UBND – Quan hệ cấp xã, khiếu nại tố cáo, phân cấp ủy quyền",
    "summary": "Commune requests, complaints and denunciations follow-up, decentralisation and authorisation records",
    "description": "Three duties of the working regulation (seed 000 Đ13, Đ45–48, Đ6.3.d–đ, Đ2.5; seed 001 Đ35–36): "
    "the register of requests from commune councils and committees to the departments with their reply "
    "deadlines and escalation to the Chairman; the complaints and denunciations the committee or its Chairman "
    "settles, with their legal deadlines, the leader in charge, backlog reviews, publication and the Chief of "
    "Office's authorised replies; and the record of what the committee or its Chairman decentralised or "
    "authorised, with its act, period and monitoring.",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "LGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche"],
    "data": [
        "security/ubnd_affairs_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/ubnd_commune_request_views.xml",
        "views/ubnd_complaint_case_views.xml",
        "views/ubnd_complaint_review_views.xml",
        "views/ubnd_decentralisation_views.xml",
        "views/ubnd_regulation_profile_views.xml",
        "views/ubnd_affairs_menus.xml",
    ],
    "demo": [
        "demo/ubnd_affairs_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ubnd_affairs/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
