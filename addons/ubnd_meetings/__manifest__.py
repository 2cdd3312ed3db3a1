{
    "name": "UBND – Phiên họp và biểu quyết",
    "summary": "Sessions, agenda, attendance, quorum, votes and written ballots, minutes",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "calendar"],
    "data": [],
    "demo": [],
    "installable": True,
}
