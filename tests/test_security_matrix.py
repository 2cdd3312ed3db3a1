"""Access matrix: role × model × read/write/create/unlink, against tests/access_matrix.tsv.

The expected answer of every cell is in tests/access_matrix.tsv, derived from the roles of the working
regulations (who prepares, records, decides, configures what), not copied from today's ACLs; the cells
where the regulation leaves a choice are explained in the file's note column. The test fails on every
cell that differs — in particular on any right that is granted but not in the matrix — and on any model
of the suite (``ubnd.*`` and ``tier.review``) that the matrix does not list.

The actual answer of a cell is Odoo's model-level answer (``ir.model.access.check``): a right is granted
when an active ``ir.model.access`` line gives it to no group or to one of the user's groups, implied
groups included. The admin reads those lines once; a sample of cells is then asked of the server itself,
as the user, with the public ``has_access`` method (``models.py``), so the computation cannot drift from
Odoo's. Record rules (which committee, which unit, which state) are proved by the attack tests.

To regenerate a draft from the live server (to review by hand, never to copy blindly):
    UBND_MATRIX_DUMP=/tmp/matrix.tsv python -m unittest tests.test_security_matrix
"""
import os

from tests.ubnd_client import SecurityCase

HERE = os.path.dirname(os.path.abspath(__file__))
MATRIX_FILE = os.path.join(HERE, "access_matrix.tsv")
OPERATIONS = ("read", "write", "create", "unlink")
LETTERS = dict(zip(OPERATIONS, "rwcu"))

# One demo user per role of the regulations (README "Demo logins").
ROLES = {
    "unit_specialist": "chuyenvien.stc.hp",   # specialist of the Department of Finance
    "unit_head": "giamdoc.sxd.hp",            # Director of Construction
    "office_specialist": "chuyenvien.vp.hp",  # specialist of the committee's Office
    "chief_of_office": "chanhvp.hp",          # Chief of Office (Office + committee member)
    "member": "giamdoc.ca.hp",                # Police director, committee member
    "vice_chairman": "pct.kinhte.hp",
    "chairman": "chutich.hp",
    "committee_admin": "quantri.hp",          # administrator of the city committee
    "ward_specialist": "chuyenvien.trian",    # specialist of the Trị An ward committee
}

# Models of the suite checked by the sample over RPC (every operation, every role).
SAMPLED_MODELS = ("tier.review", "ubnd.document")


def read_matrix(path=MATRIX_FILE):
    """{model: {role: "rwcu"-string}} and {model: note}."""
    matrix, notes, header = {}, {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            model = row["model"]
            matrix[model] = {role: row[role].strip() for role in ROLES}
            notes[model] = row.get("note", "")
    return matrix, notes


def cell(rights):
    return "".join(LETTERS[op] if rights.get(op) else "-" for op in OPERATIONS)


class TestAccessMatrix(SecurityCase):
    """The access matrix of the suite (issue #9 class 5: every model scoped to what each role may do)."""

    def _suite_models(self):
        rows = self.admin("ir.model", "search_read",
                          ["|", ("model", "=like", "ubnd.%"), ("model", "=", "tier.review"),
                           ("abstract", "=", False)], fields=["model"])
        return sorted(r["model"] for r in rows)

    def _actual(self, models):
        """{role: {model: cell}} from ir.model.access and each role's groups (implied included)."""
        access = self.admin("ir.model.access", "search_read",
                            [("model_id.model", "in", models), ("active", "=", True)],
                            fields=["model_id", "group_id", "perm_read", "perm_write", "perm_create",
                                    "perm_unlink"])
        model_names = dict((r["id"], r["model"]) for r in self.admin(
            "ir.model", "search_read", [("model", "in", models)], fields=["model"]))
        actual = {}
        for role, login in ROLES.items():
            groups = set(self.admin("res.users", "search_read", [("login", "=", login)],
                                    fields=["all_group_ids"])[0]["all_group_ids"])
            rights = {m: {} for m in models}
            for line in access:
                if line["group_id"] and line["group_id"][0] not in groups:
                    continue
                model = model_names[line["model_id"][0]]
                for op in OPERATIONS:
                    if line["perm_" + op]:
                        rights[model][op] = True
            actual[role] = {m: cell(r) for m, r in rights.items()}
        return actual

    def test_access_matrix(self):
        """R-000-8.4, R-002-6.1c-2, R-002-6.1a-2, R-ND30-13.3, R-ND30-13.4-2, R-000-20.1, R-000-30.1:
        every role has exactly the model rights of tests/access_matrix.tsv — no more (a right not in the
        matrix is a grant nobody decided), no less; every model of the suite is in the matrix."""
        models = self._suite_models()
        actual = self._actual(models)
        dump = os.environ.get("UBND_MATRIX_DUMP")
        if dump:
            with open(dump, "w", encoding="utf-8") as f:
                f.write("model\t%s\tnote\n" % "\t".join(ROLES))
                for m in models:
                    f.write("%s\t%s\t\n" % (m, "\t".join(actual[r][m] for r in ROLES)))
        expected, _notes = read_matrix()
        problems = []
        for m in models:
            if m not in expected:
                problems.append("%s: model not in the matrix (actual %s)" % (
                    m, ", ".join("%s=%s" % (r, actual[r][m]) for r in ROLES)))
                continue
            for role in ROLES:
                want, got = expected[m][role], actual[role][m]
                if want != got:
                    extra = "".join(l for l, w in zip(got, want) if l != "-" and w == "-")
                    missing = "".join(w for g, w in zip(got, want) if w != "-" and g == "-")
                    problems.append("%s × %s (%s): expected %s, actual %s%s%s" % (
                        m, role, ROLES[role], want, got,
                        " — GRANTED NOT IN MATRIX: %s" % extra if extra else "",
                        " — missing: %s" % missing if missing else ""))
        for m in sorted(set(expected) - set(models)):
            problems.append("%s: in the matrix but not a model of the database" % m)
        if problems:
            self.fail("access matrix differs in %d cell(s):\n  %s" % (len(problems), "\n  ".join(problems)))

    def test_matrix_agrees_with_the_server(self):
        """R-000-8.4, R-002-6.1a-2, R-000-20.1 (the same rights as the matrix test): the computed answer is the server's own — ``has_access`` asked as each role, over
        JSON-RPC and XML-RPC, on a sample of models (approval steps over XML-RPC, documents over JSON-RPC), every operation."""
        models = [m for m in SAMPLED_MODELS if m in self._suite_models()]
        actual = self._actual(models)
        jobs = [(role, m, op, "xml" if m == "tier.review" else "json")
                for role in ROLES for m in models for op in OPERATIONS]

        answers = [(job, bool(self.user(ROLES[job[0]], channel=job[3])(job[1], "has_access", [], job[2])))
                   for job in jobs]
        problems = ["%s × %s %s over %s: server says %s, computed %s" % (
            m, role, op, ch, got, actual[role][m][OPERATIONS.index(op)] != "-")
            for (role, m, op, ch), got in answers if got != (actual[role][m][OPERATIONS.index(op)] != "-")]
        if problems:
            self.fail("\n".join(problems))
