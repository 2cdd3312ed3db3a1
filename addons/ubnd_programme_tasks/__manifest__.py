{
    "name": "UBND – Task statistics in periodic reports",
    "summary": "Feeds the assigned-task statistics into the reporting calendar's periodic reports",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_programme", "ubnd_tasks"],
    "auto_install": True,
    "installable": True,
}
