"""Benchmark: the leader inbox's response time with 2,000 users and 2,000 vs 200,000 submissions.

Run with ``bench/run.sh inbox``. It uses a dedicated database (``ubnd_bench_inbox``), generates users with
the ORM and submissions with bulk SQL (history: mostly closed dossiers, a few open ones in inboxes), then
times the inbox call exactly as the web client makes it — ``web_search_read`` on ``ubnd.submission`` with
the inbox domain, as a Vice-Chairman, record rules applied — at 2,000 and at 200,000 submissions.
"""
import json
import random
import statistics
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

USERS = 2000
SMALL, LARGE = 2000, 200000
OPEN_SHARE = 0.05  # share of open dossiers among the first 2,000
REPEAT = 30


def timed(fn, repeat=REPEAT):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples), max(samples)


def ensure_users(env, committee, unit):
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True)
    existing = Users.search_count([("login", "=like", "bench.user.%")])
    group = env.ref("ubnd_quyche.group_ubnd_staff")
    vals = [{"name": "Bench user %d" % i, "login": "bench.user.%d" % i, "group_ids": [(6, 0, group.ids)],
             "company_id": committee.company_id.id, "company_ids": [(6, 0, committee.company_id.ids)]}
            for i in range(existing, USERS)]
    for start in range(0, len(vals), 500):
        Users.create(vals[start:start + 500])
    return Users.search([("login", "=like", "bench.user.%")])


def ensure_committee(env):
    committee = env["ubnd.committee"].search([("name", "=", "UBND Benchmark")], limit=1)
    if committee:
        return committee
    company = env["res.company"].create({"name": "UBND Benchmark"})
    committee = env["ubnd.committee"].create({"name": "UBND Benchmark", "company_id": company.id})
    Users = env["res.users"].with_context(no_reset_password=True)
    chairman = Users.create({"name": "Bench chairman", "login": "bench.chairman", "company_id": company.id,
                             "company_ids": [(6, 0, company.ids)],
                             "group_ids": [(6, 0, env.ref("ubnd_quyche.group_ubnd_chairman").ids)]})
    leader = Users.create({"name": "Bench leader", "login": "bench.leader", "company_id": company.id,
                           "company_ids": [(6, 0, company.ids)],
                           "group_ids": [(6, 0, env.ref("ubnd_quyche.group_ubnd_vice_chairman").ids)]})
    env["ubnd.committee.member"].create([
        {"committee_id": committee.id, "user_id": chairman.id, "role": "chairman"},
        {"committee_id": committee.id, "user_id": leader.id, "role": "vice_chairman",
         "field_ids": [(6, 0, env.ref("ubnd_quyche.field_finance").ids)]},
    ])
    env["hr.department"].create({"name": "Bench unit", "company_id": company.id, "ubnd_committee_id": committee.id,
                                 "ubnd_unit_kind": "department"})
    return committee


def fill_submissions(env, committee, users, target):
    cr = env.cr
    cr.execute("SELECT count(*) FROM ubnd_submission WHERE committee_id = %s", [committee.id])
    have = cr.fetchone()[0]
    if have >= target:
        return have
    unit = env["hr.department"].search([("ubnd_committee_id", "=", committee.id)], limit=1)
    leader = env["res.users"].search([("login", "=", "bench.leader")])
    fields_ids = env["ubnd.field"].search([]).ids
    rng = random.Random(have)
    batch = 5000
    for start in range(have, target, batch):
        rows = []
        for i in range(start, min(start + batch, target)):
            # Open dossiers are a stable few at any time; history (closed dossiers) is what grows.
            is_open = i < SMALL and rng.random() < OPEN_SHARE
            state = rng.choice(["submitted", "to_leader", "approved"]) if is_open else rng.choice(["issued", "returned", "withdrawn", "transferred"])
            rows.append((
                "Bench dossier %d" % i, "BENCH/%07d" % i, committee.id, committee.company_id.id, "other", "vice_chairman",
                rng.choice(fields_ids), leader.id if rng.random() < 0.5 else users[rng.randrange(len(users))].id,
                unit.id, users[rng.randrange(len(users))].id, "normal", "normal", "none", state, False,
            ))
        from psycopg2.extras import execute_values
        result = execute_values(cr._obj, """INSERT INTO ubnd_submission (name, reference, committee_id, company_id, kind,
                   addressee, field_id, leader_id, submitting_unit_id, submitter_id, urgency, confidentiality, matter_type,
                   state, is_overdue, create_uid, write_uid, create_date, write_date)
               VALUES %s RETURNING id, state, leader_id""",
               [r + (SUPERUSER_ID, SUPERUSER_ID) for r in rows],
               template="(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,now(),now())", fetch=True)
        inbox = [(sid, lid) for sid, state, lid in result if state in ("to_leader", "approved")]
        if inbox:
            execute_values(cr._obj, "INSERT INTO ubnd_submission_inbox_rel (submission_id, user_id) VALUES %s", inbox)
    cr.execute("ANALYZE ubnd_submission; ANALYZE ubnd_submission_inbox_rel;")
    env.invalidate_all()
    return target


def measure(env, committee):
    leader = env["res.users"].search([("login", "=", "bench.leader")])
    lenv = env(user=leader.id, context={"allowed_company_ids": committee.company_id.ids, "lang": "en_US"})
    Submission = lenv["ubnd.submission"]
    domain = [("inbox_user_ids", "in", leader.id)]
    spec = {"reference": {}, "name": {}, "state": {}, "current_deadline": {}, "submitting_unit_id": {"fields": {"display_name": {}}},
            "is_overdue": {}}

    def call():
        env.invalidate_all()
        Submission.web_search_read(domain, spec, limit=80)

    call()  # warm caches
    count = Submission.search_count(domain)
    return timed(call), count


def main():
    db = sys.argv[1]
    registry = Registry(db)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        committee = ensure_committee(env)
        cr.execute("DELETE FROM ubnd_submission WHERE committee_id = %s", [committee.id])  # same data every run
        cr.commit()
        users = ensure_users(env, committee, None)
        cr.commit()
        for size in (SMALL, LARGE):
            fill_submissions(env, committee, users, size)
            cr.commit()
            (median, fastest, slowest), inbox_count = measure(env, committee)
            results[size] = {"median_ms": round(median, 2), "min_ms": round(fastest, 2), "max_ms": round(slowest, 2),
                             "inbox_rows": inbox_count}
            print("submissions=%d inbox_rows=%d median=%.2fms min=%.2fms max=%.2fms" % (size, inbox_count, median, fastest, slowest))
    ratio = results[LARGE]["median_ms"] / results[SMALL]["median_ms"]
    results["ratio_large_over_small"] = round(ratio, 3)
    results["users"] = USERS
    print("ratio 200k/2k = %.3f (target < 1.5)" % ratio)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
