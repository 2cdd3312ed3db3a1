{
    "name": "UBND – Quy chế làm việc (core)",
    "summary": "Committees, regulation profiles, working-day engine, delegation and signing capacity",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "LGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["base", "mail", "hr"],
    "external_dependencies": {"python": ["holidays"]},
    "data": [],
    "demo": [],
    "installable": True,
    "application": True,
}
