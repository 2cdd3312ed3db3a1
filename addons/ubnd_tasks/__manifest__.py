{
    "name": "UBND – Theo dõi nhiệm vụ",
    "summary": "Assigned tasks: tracking, timeliness, urging, inspection, reports",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "LGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche"],
    "data": [],
    "demo": [],
    "installable": True,
}
