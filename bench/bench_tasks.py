#!/usr/bin/env python3
"""Benchmark of ubnd_tasks at 10,000 and 1,000,000 tasks over 100 units.

Not part of the test suite. It uses Odoo as a library against a dedicated database (created with
ubnd_tasks installed, without demo data, when it does not exist) and measures:

- the nightly overdue cron (``ubnd.task._cron_mark_overdue``): its time, the number of tasks that
  actually changed and the time per changed task, with the plan of its query (it must use the
  partial index and not rescan the tasks that do not change);
- a unit's dashboard (``ubnd.task.get_unit_dashboard``): counts per status, overdue and soon-due lists;
- the annual xlsx statistics workbook (``report_xlsx``): time, Python peak memory (tracemalloc) and the
  growth of the process's peak RSS.

Usage (from the repository root):

    /root/.cache/ubnd-eoffice/venv/bin/python bench/bench_tasks.py \\
        --config .local/odoo.conf --db tasks_bench --sizes 10000,1000000 --changed 1000 \\
        --output bench/RESULTS.md

Tasks are generated with SQL bulk inserts (``INSERT ... SELECT FROM generate_series``); their status is
computed in SQL with the same rule as the model, and the effective deadlines (a deadline on a day off
moves to the next working day) come from the working-day engine for the few hundred distinct dates.
"""
import argparse
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import date, timedelta

UNITS = 100


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default=".local/odoo.conf")
    ap.add_argument("--db", default="tasks_bench")
    ap.add_argument("--sizes", default="10000,1000000")
    ap.add_argument("--changed", type=int, default=1000,
                    help="tasks whose deadline was yesterday and that the cron must move to overdue")
    ap.add_argument("--odoo", default=os.environ.get("ODOO_SRC", "/opt/odoo19"))
    ap.add_argument("--output", default="bench/RESULTS.md")
    return ap.parse_args()


def ensure_database(args):
    """Create the dedicated database with ubnd_tasks (no demo data) when it is missing."""
    import psycopg2  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415
    conn = psycopg2.connect(dbname="postgres", host=config["db_host"], port=config["db_port"] or 5432,
                            user=config["db_user"], password=config["db_password"])
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.db])
        exists = cr.fetchone()
    conn.close()
    if exists:
        return
    print("creating database %s with ubnd_tasks (a few minutes)..." % args.db, flush=True)
    subprocess.run([sys.executable, os.path.join(args.odoo, "odoo-bin"), "-c", args.config, "-d", args.db,
                    "-i", "ubnd_tasks", "--without-demo=all", "--stop-after-init", "--http-port=8073"],
                   check=True, stdout=subprocess.DEVNULL)


def setup_committee(env):
    """A committee of its own with 100 units, each with a head, and the leaders of the portfolio."""
    committee = env["ubnd.committee"].search([("name", "=", "UBND thành phố Benchmark")], limit=1)
    if committee:
        return committee
    company = env["res.company"].create({"name": "UBND thành phố Benchmark"})
    committee = env["ubnd.committee"].create({"name": "UBND thành phố Benchmark", "company_id": company.id,
                                              "level": "province"})
    Users = env["res.users"].with_context(no_reset_password=True)
    group = env.ref("ubnd_quyche.group_ubnd_vice_chairman")
    fields_ = env["ubnd.field"].search([], limit=8)
    chairman = Users.create({"name": "Chủ tịch Benchmark", "login": "bench_chairman", "company_id": company.id,
                             "company_ids": [(6, 0, company.ids)],
                             "group_ids": [(4, env.ref("ubnd_quyche.group_ubnd_chairman").id)]})
    members = [{"committee_id": committee.id, "user_id": chairman.id, "role": "chairman"}]
    for i in range(4):
        vc = Users.create({"name": "Phó Chủ tịch %d" % (i + 1), "login": "bench_vc%d" % i, "company_id": company.id,
                           "company_ids": [(6, 0, company.ids)], "group_ids": [(4, group.id)]})
        members.append({"committee_id": committee.id, "user_id": vc.id, "role": "vice_chairman",
                        "field_ids": [(6, 0, fields_[2 * i:2 * i + 2].ids)]})
    env["ubnd.committee.member"].create(members)
    Department = env["hr.department"].with_company(company)
    office = Department.create({"name": "Văn phòng", "company_id": company.id, "ubnd_committee_id": committee.id,
                                "ubnd_unit_kind": "office"})
    committee.office_unit_id = office
    staff_group = env.ref("ubnd_quyche.group_ubnd_unit_head")
    for i in range(UNITS - 1):
        unit = Department.create({"name": "Đơn vị %03d" % (i + 1), "company_id": company.id,
                                  "ubnd_committee_id": committee.id,
                                  "ubnd_unit_kind": "commune" if i % 3 == 0 else "department"})
        head = Users.create({"name": "Thủ trưởng %03d" % (i + 1), "login": "bench_head%03d" % i,
                             "company_id": company.id, "company_ids": [(6, 0, company.ids)],
                             "group_ids": [(4, staff_group.id)]})
        unit.manager_id = env["hr.employee"].create({"name": head.name, "user_id": head.id,
                                                     "department_id": unit.id, "company_id": company.id})
    env.cr.commit()
    return committee


def generate(env, committee, size, changed, today):
    """Replace the committee's tasks by ``size`` generated ones, ``changed`` of them in term and due on the
    previous working day: exactly those the next nightly run must move to overdue."""
    cr = env.cr
    cr.execute("DELETE FROM ubnd_task WHERE committee_id = %s", [committee.id])
    cr.commit()
    units = committee.unit_ids.filtered(lambda u: u.ubnd_unit_kind != "office")
    leaders = committee.member_ids.filtered(lambda m: m.role == "vice_chairman")
    field_ids = leaders.field_ids.ids
    field_leader = {f: m.user_id.id for m in leaders for f in m.field_ids.ids}
    # Effective deadlines: the working-day engine for every distinct date (deadline on a day off -> next working day).
    Workday = env["ubnd.workday"]
    days = [today + timedelta(days=d) for d in range(-400, 400)]
    cr.execute("CREATE TEMP TABLE IF NOT EXISTS bench_eff (d date PRIMARY KEY, e date)")
    cr.execute("TRUNCATE bench_eff")
    cr.executemany("INSERT INTO bench_eff VALUES (%s, %s)",
                   [(d, Workday.working_day_on_or_after(d, committee.company_id)) for d in days])
    cr.execute("CREATE TEMP TABLE IF NOT EXISTS bench_units (n int PRIMARY KEY, unit int, head int)")
    cr.execute("TRUNCATE bench_units")
    cr.executemany("INSERT INTO bench_units VALUES (%s, %s, %s)",
                   [(i, u.id, u.manager_id.user_id.id) for i, u in enumerate(units)])
    cr.execute("CREATE TEMP TABLE IF NOT EXISTS bench_fields (n int PRIMARY KEY, field int, leader int)")
    cr.execute("TRUNCATE bench_fields")
    cr.executemany("INSERT INTO bench_fields VALUES (%s, %s, %s)",
                   [(i, f, field_leader[f]) for i, f in enumerate(field_ids)])
    uid = env.uid
    t0 = time.time()
    # Shape of the generated set (per thousand): 400 completed (85% on time), 100 overdue, 50 without deadline,
    # the rest in term with a deadline in the coming year; ``changed`` tasks are in term with yesterday's deadline.
    cr.execute("""
        WITH g AS (
            SELECT s AS n,
                   (s::bigint * 7919) %% 1000 AS bucket,
                   ((s::bigint * 104729) %% 365)::int AS spread,
                   s %% %(units)s AS unit_n,
                   s %% %(fields)s AS field_n
              FROM generate_series(1, %(size)s) s
        ), p AS (
            SELECT g.*,
                   CASE WHEN g.n <= %(changed)s THEN 'changing'
                        WHEN g.bucket < 400 THEN 'done'
                        WHEN g.bucket < 500 THEN 'overdue'
                        WHEN g.bucket < 550 THEN 'nodeadline'
                        ELSE 'interm' END AS kind,
                   %(today)s::date AS today
              FROM g
        ), d AS (
            SELECT p.*,
                   CASE p.kind WHEN 'changing' THEN %(yesterday)s::date
                               WHEN 'done' THEN p.today - 1 - p.spread
                               WHEN 'overdue' THEN p.today - 10 - p.spread
                               WHEN 'nodeadline' THEN NULL
                               ELSE p.today + p.spread END AS deadline
              FROM p
        )
        INSERT INTO ubnd_task (name, committee_id, company_id, kind, nature, source_kind, confidentiality,
                               source_name, source_number, source_date, lead_unit_id, lead_user_id, leader_id,
                               field_id, content, deadline, deadline_kind, effective_deadline, deadline_type,
                               state, status, assign_date, receipt_date, completion_date, reported_date,
                               confirmed_date, active, create_uid, write_uid, create_date, write_date)
        SELECT 'Nhiệm vụ số ' || d.n, %(committee)s, %(company)s, 'committee', 'specific', 'directive', 'normal',
               'Chỉ thị', (d.n %% 900 + 1) || '/CT-UBND', COALESCE(d.deadline, d.today) - 60,
               u.unit, u.head, f.leader, f.field, '<p>Nội dung</p>', d.deadline,
               CASE WHEN d.deadline IS NULL THEN NULL ELSE 'complete' END, e.e,
               CASE WHEN d.deadline IS NULL THEN 'without' ELSE 'with' END,
               CASE WHEN d.kind = 'done' THEN 'done' ELSE 'in_progress' END,
               CASE d.kind WHEN 'done' THEN (CASE WHEN d.bucket < 340 THEN 'done_on_time' ELSE 'done_late' END)
                           WHEN 'overdue' THEN 'overdue'
                           WHEN 'nodeadline' THEN 'in_progress'
                           ELSE 'in_term' END,
               COALESCE(d.deadline, d.today) - 59, COALESCE(d.deadline, d.today) - 59,
               CASE WHEN d.kind = 'done' THEN (CASE WHEN d.bucket < 340 THEN e.e - 2 ELSE e.e + 3 END) END,
               CASE WHEN d.kind = 'done' THEN (CASE WHEN d.bucket < 340 THEN e.e - 2 ELSE e.e + 3 END) END,
               CASE WHEN d.kind = 'done' THEN (CASE WHEN d.bucket < 340 THEN e.e ELSE e.e + 4 END) END,
               TRUE, %(uid)s, %(uid)s, now() at time zone 'utc', now() at time zone 'utc'
          FROM d
          JOIN bench_units u ON u.n = d.unit_n
          JOIN bench_fields f ON f.n = d.field_n
          LEFT JOIN bench_eff e ON e.d = d.deadline
    """, {"units": len(units), "fields": len(field_ids), "size": size, "changed": changed, "today": today,
          "yesterday": Workday.previous_working_day(today, committee.company_id),
          "committee": committee.id, "company": committee.company_id.id, "uid": uid})
    # One task in five has a coordinating unit (the next unit).
    cr.execute("""
        INSERT INTO ubnd_task_coordinating_unit_rel (task_id, unit_id)
        SELECT t.id, u.unit FROM ubnd_task t
          JOIN bench_units bu ON bu.unit = t.lead_unit_id
          JOIN bench_units u ON u.n = (bu.n + 1) %% %s
         WHERE t.committee_id = %s AND t.id %% 5 = 0
    """, [len(units), committee.id])
    cr.execute("ANALYZE ubnd_task")
    cr.execute("ANALYZE ubnd_task_coordinating_unit_rel")
    cr.commit()
    env.invalidate_all()
    return time.time() - t0


def explain_cron_query(env, today):
    Task = env["ubnd.task"]
    query = Task._search(Task._overdue_candidates_domain(today))
    sql = query.select()
    env.cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql.code, sql.params)
    return "\n".join(r[0] for r in env.cr.fetchall())


def bench_cron(env, committee, today):
    Task = env["ubnd.task"]
    cr = env.cr
    query_t0 = time.time()
    candidates = Task.search(Task._overdue_candidates_domain(today))
    query_time = time.time() - query_t0
    env.invalidate_all()
    t0 = time.time()
    changed = Task._cron_mark_overdue()
    env.flush_all()
    recompute = time.time() - t0
    cr.precommit.run()  # tracking messages in the chatter, as when the cron commits
    cr.commit()
    total = time.time() - t0
    t1 = time.time()
    again = Task._cron_mark_overdue()
    cr.commit()
    second = time.time() - t1
    return {"changed": changed, "candidates": len(candidates), "time": total, "query_time": query_time,
            "recompute_time": recompute, "tracking_time": total - recompute,
            "second_run_changed": again, "second_run_time": second}


def _median_time(env, func, runs=5):
    func()  # warm-up
    times = []
    for _i in range(runs):
        env.invalidate_all()
        t0 = time.time()
        result = func()
        times.append(time.time() - t0)
    return sorted(times)[len(times) // 2], result


def bench_dashboard(env, committee):
    """The unit's dashboard as its head sees it (record rules applied), and the first page of the
    overdue list the head opens from the menu (search through the record rules)."""
    unit = committee.unit_ids.filtered(lambda u: u.ubnd_unit_kind == "department")[:1]
    Task = env["ubnd.task"].with_user(unit.manager_id.user_id)
    elapsed, data = _median_time(env, lambda: Task.get_unit_dashboard([unit.id]))
    list_time, rows = _median_time(env, lambda: Task.search_read(
        [("status", "=", "overdue")], ["name", "effective_deadline", "lead_unit_id"], limit=80))
    return {"unit_tasks": sum(data["counts"].values()), "time": elapsed,
            "overdue_listed": len(data["overdue"]), "due_soon_listed": len(data["due_soon"]),
            "list_time": list_time}


def bench_annual_report(env, committee, today):
    wizard = env["ubnd.task.report.wizard"].create({
        "committee_id": committee.id, "period_type": "year", "year": today.year,
    })
    env.cr.commit()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t0 = time.time()
    content, _ext = env["ir.actions.report"]._render_xlsx(
        "ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
    elapsed = time.time() - t0
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.time()
    env["ir.actions.report"]._render_xlsx("ubnd_tasks.action_report_task_statistics_xlsx", wizard.ids, {})
    untraced = time.time() - t0
    return {"time_traced": elapsed, "time": untraced, "peak_python_mb": peak / 1024 / 1024,
            "rss_growth_mb": (rss_after - rss_before) / 1024, "size_kb": len(content) / 1024,
            "period": "%s – %s" % (wizard.date_from, wizard.date_to)}


def main():
    args = parse_args()
    sys.path.insert(0, args.odoo)
    from odoo.tools import config  # noqa: PLC0415
    config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    ensure_database(args)
    from odoo import api, SUPERUSER_ID  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    registry = Registry(args.db)
    results = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tz": "Asia/Ho_Chi_Minh"})
        committee = setup_committee(env)
        today = env["ubnd.task"]._today()
        for size in [int(s) for s in args.sizes.split(",")]:
            print("== %d tasks" % size, flush=True)
            load_before = os.getloadavg()[0]
            gen = generate(env, committee, size, args.changed, today)
            print("   generated in %.1f s" % gen, flush=True)
            plan = explain_cron_query(env, today)
            cron = bench_cron(env, committee, today)
            print("   cron: %(changed)d changed in %(time).2f s (second run: %(second_run_changed)d in "
                  "%(second_run_time).3f s)" % cron, flush=True)
            dash = bench_dashboard(env, committee)
            print("   dashboard: %(time).3f s for a unit with %(unit_tasks)d tasks" % dash, flush=True)
            report = bench_annual_report(env, committee, today)
            print("   annual xlsx: %(time).1f s, Python peak %(peak_python_mb).1f MB" % report, flush=True)
            results.append({"size": size, "generate": gen, "plan": plan, "cron": cron, "dashboard": dash,
                            "report": report, "load": (load_before, os.getloadavg()[0])})
    write_results(args, results)


def write_results(args, results):
    lines = [
        "## Assigned tasks (`bench/bench_tasks.py`, ubnd_tasks)",
        "",
        "Generated by `bench/bench_tasks.py` (not part of the test suite) on %s, database `%s`, %d units, "
        "%s CPU(s), PostgreSQL on the same machine." % (date.today().isoformat(), args.db, UNITS, os.cpu_count()),
        "",
        "Command: `python bench/bench_tasks.py --config %s --db %s --sizes %s --changed %d`"
        % (args.config, args.db, args.sizes, args.changed),
        "",
        "| Tasks | Generate (SQL) | Cron: changed | Cron time | of which status (query, recompute, write) "
        "| of which chatter tracking | per changed task | 2nd run (0 to change) | Candidate query "
        "| Unit dashboard | Head's overdue list (80) | Annual xlsx | xlsx Python peak | RSS growth | xlsx size |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        c, d, x = r["cron"], r["dashboard"], r["report"]
        per = 1000 * c["time"] / c["changed"] if c["changed"] else 0
        lines.append(
            "| {size:,} | {gen:.1f} s | {changed:,} | {ctime:.2f} s | {rec:.2f} s | {trk:.2f} s | {per:.2f} ms "
            "| {second:.3f} s | {q:.1f} ms "
            "| {dash:.1f} ms ({dt:,} tasks) | {lt:.1f} ms | {xt:.1f} s | {peak:.1f} MB | {rss:.0f} MB "
            "| {kb:,.0f} kB |".format(
                size=r["size"], gen=r["generate"], changed=c["changed"], ctime=c["time"], per=per,
                rec=c["recompute_time"], trk=c["tracking_time"],
                second=c["second_run_time"], q=1000 * c["query_time"], dash=1000 * d["time"], dt=d["unit_tasks"],
                lt=1000 * d["list_time"],
                xt=x["time"], peak=x["peak_python_mb"], rss=x["rss_growth_mb"], kb=x["size_kb"]))
    if len(results) > 1:
        small, big = results[0], results[-1]
        ratio = lambda key, sub: big[key][sub] / small[key][sub] if small[key][sub] else 0  # noqa: E731
        lines += [
            "",
            "Reading: from {a:,} to {b:,} tasks ({f:,.0f}× more), with the same number of tasks to change, the cron's "
            "own work (candidate query on the partial index `ubnd_task_cron_overdue_idx`, status recompute, write) "
            "costs {r:.2f}× and the whole cron {c:.2f}×: nearly all its time is Odoo's chatter tracking, one "
            "message per changed task (about {p:.1f} ms each, whatever the size of the table, and sensitive to "
            "the machine's load); a second run the same night finds nothing and takes milliseconds. "
            "The unit's dashboard costs {d:.2f}× for a unit with {f:,.0f}× more tasks (an OR of two indexed "
            "columns, no LIMIT walking the deadline index). The annual workbook costs {x:.2f}× in time — it lists "
            "every task overdue at the cut-off, which grows with the data — while its Python peak memory stays at "
            "{m:.0f} MB (SQL aggregates, constant-memory xlsxwriter, batches of 5,000 rows).".format(
                a=small["size"], b=big["size"], f=big["size"] / small["size"], c=ratio("cron", "time"),
                r=ratio("cron", "recompute_time"),
                p=1000 * big["cron"]["time"] / max(big["cron"]["changed"], 1), d=ratio("dashboard", "time"),
                x=ratio("report", "time"), m=big["report"]["peak_python_mb"]),
            "",
            "Not optimised here: a unit user's plain list searches go through the record rules, whose OR over the "
            "coordinating-unit relation cannot use an index; with a filter on the status alone (e.g. every overdue "
            "task visible to the head) the column above shows the cost at scale. PostgreSQL's JIT (on by "
            "default) adds about 0.5 s to some large plans; `jit = off` is advisable for this OLTP workload.",
        ]
    lines += ["", "Load average (1 min) of the machine before and after each size, to judge contention from other "
              "processes: " + "; ".join("%d tasks: %.1f → %.1f" % (r["size"], *r["load"]) for r in results), ""]
    lines += ["", "Plans of the cron's candidate query (`EXPLAIN ANALYZE`):", ""]
    for r in results:
        lines += ["%d tasks:" % r["size"], "", "```", r["plan"], "```", ""]
    replace_section(args.output, "\n".join(lines) + "\n")
    print("results written to", args.output)


BEGIN, END = "<!-- ubnd_tasks bench: begin -->", "<!-- ubnd_tasks bench: end -->"


def replace_section(path, section):
    """Write this benchmark's section of the shared results file, keeping the other benchmarks' sections."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n"
    block = "%s\n%s%s\n" % (BEGIN, section, END)
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
