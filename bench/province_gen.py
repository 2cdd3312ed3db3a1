#!/usr/bin/env python3
"""Province-scale data for the load benchmark (issue #13): one provincial committee and its communes.

Not part of the test suite. At ``--scale 1`` it builds, in a database of its own where the suite is installed
without demo data (``bench/run.sh province`` creates it):

- the structure, with the ORM (so every user has his real groups, employee, unit and committee membership):
  one provincial committee with ~20 units (its Office first), ``100 × scale`` commune committees (companies)
  with their Office and two units, ``10,000 × scale`` users: chairmen, vice-chairmen with their portfolios,
  committee members (the heads of the provincial departments), unit heads, Office clerks and specialists;
- the history, with SQL bulk inserts (``INSERT … SELECT FROM generate_series``, as ``bench_tasks.py`` does):
  ``500,000 × scale`` closed dossiers spread over four years with their approval steps (``tier_review``),
  ``1,000,000 × scale`` tasks with their progress and completion reports, ``20,000 × scale`` meetings with
  an item, a vote and the members' vote lines, and for every record its chatter: a creation note and the
  tracked state changes (``mail_message`` + ``mail_tracking_value``);
- the open work the load journeys act on, with the ORM and as the real users (the workflow's own methods):
  dossiers waiting for each leader of the province, dossiers waiting for the Office, tasks in progress per
  unit, and a sitting of the provincial committee with an open vote.

Everything is drawn from ``random.Random(seed)`` and from ``generate_series``: the same scale and seed give
the same data. All generated users share one password (``--password``, default ``bench``), hashed once.
The logins per role are written to a manifest (JSON) that ``bench/locustfile.py`` reads.

    bench/run.sh province --scale 0.01          # tiny: ~1 minute
    bench/run.sh province --scale 1             # the province (see bench/RESULTS.md for time and size)
"""
import argparse
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta

PROVINCE_UNITS = [
    ("Văn phòng UBND tỉnh", "office", "VP"), ("Sở Tài chính", "department", "STC"),
    ("Sở Xây dựng", "department", "SXD"), ("Sở Tư pháp", "department", "STP"),
    ("Sở Nội vụ", "department", "SNV"), ("Sở Nông nghiệp và Môi trường", "department", "SNNMT"),
    ("Sở Công Thương", "department", "SCT"), ("Sở Giáo dục và Đào tạo", "department", "SGDDT"),
    ("Sở Y tế", "department", "SYT"), ("Sở Văn hóa, Thể thao và Du lịch", "department", "SVHTTDL"),
    ("Sở Khoa học và Công nghệ", "department", "SKHCN"), ("Sở Dân tộc và Tôn giáo", "department", "SDTTG"),
    ("Sở Ngoại vụ", "department", "SNGV"), ("Thanh tra tỉnh", "department", "TTT"),
    ("Công an tỉnh", "department", "CAT"), ("Bộ Chỉ huy Quân sự tỉnh", "department", "BCHQS"),
    ("Ban Quản lý các khu công nghiệp", "department", "BQLKCN"), ("Ban Quản lý dự án đầu tư xây dựng", "department", "BQLDA"),
    ("Đài Phát thanh và Truyền hình", "other", "PTTH"), ("Trung tâm Phục vụ hành chính công", "other", "TTHCC"),
]
COMMUNE_UNITS = [("Văn phòng HĐND và UBND", "office", "VP"), ("Phòng Kinh tế", "department", "PKT"),
                 ("Phòng Văn hóa - Xã hội", "department", "VHXH")]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Thanh", "Ngọc", "Anh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
         "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Việt", "Yến"]
YEARS = 4  # the history spans this many years back from today


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default=".local/odoo.conf")
    ap.add_argument("--db", default=None, help="default: province_s<scale>")
    ap.add_argument("--scale", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--password", default="bench")
    ap.add_argument("--odoo", default=os.environ.get("ODOO_SRC", "/opt/odoo19"))
    ap.add_argument("--manifest", default=None, help="default: ~/.cache/ubnd-eoffice/bench/<db>.json")
    ap.add_argument("--open-work-only", action="store_true",
                    help="only refill the open work the journeys consume (dossiers, tasks, the open vote)")
    ap.add_argument("--open-per-leader", type=int, default=None,
                    help="dossiers waiting for each provincial leader (default 40 × scale, at least 3)")
    ap.add_argument("--voters", type=int, default=50, help="members who must be able to vote at the same time")
    args = ap.parse_args(argv)
    args.db = args.db or "province_s%s" % ("%g" % args.scale).replace(".", "_")
    args.manifest = args.manifest or os.path.expanduser("~/.cache/ubnd-eoffice/bench/%s.json" % args.db)
    if args.open_per_leader is None:
        args.open_per_leader = max(3, int(40 * args.scale))
    return args


def counts(scale):
    return {
        "communes": max(2, round(100 * scale)),
        "users": max(120, round(10000 * scale)),
        "submissions": round(500000 * scale),
        "tasks": round(1000000 * scale),
        "meetings": round(20000 * scale),
    }


class Generator:
    def __init__(self, env, args):
        self.env, self.args, self.cr = env, args, env.cr
        self.rng = random.Random(args.seed)
        self.n = counts(args.scale)
        self.timings = {}
        self.today = date.today()

    # ---------------------------------------------------------------- helpers
    def timed(self, name, func, *a):
        t0 = time.time()
        result = func(*a)
        self.timings[name] = round(time.time() - t0, 1)
        print("   %-28s %8.1f s" % (name, self.timings[name]), flush=True)
        return result

    def person(self):
        r = self.rng
        return "%s %s %s" % (r.choice(SURNAMES), r.choice(MIDDLE), r.choice(GIVEN))

    def ref(self, xmlid):
        return self.env.ref(xmlid)

    # ---------------------------------------------------------------- structure (ORM)
    def structure(self):
        env = self.env
        Committee = env["ubnd.committee"]
        province = Committee.search([("name", "=", "Ủy ban nhân dân tỉnh Bench")], limit=1)
        if province:
            return self.load_manifest()
        fields_ = env["ubnd.field"].search([], order="id")
        groups = {g: self.ref("ubnd_quyche.group_ubnd_%s" % g).id
                  for g in ("chairman", "vice_chairman", "member", "office", "unit_head", "staff")}
        self.user_vals, self.employee_of = [], {}
        manifest = {"db": self.args.db, "scale": self.args.scale, "seed": self.args.seed,
                    "password": self.args.password, "committees": []}

        def add_user(login, group_names, company, unit_key=None, title=None):
            self.user_vals.append({
                "name": self.person(), "login": login, "lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh",
                "company_id": company.id, "company_ids": [(6, 0, company.ids)],
                "group_ids": [(6, 0, [groups[g] for g in group_names])],
            })
            if unit_key:
                self.employee_of[login] = (unit_key, title)
            return login

        plan = []  # (committee record, units, logins by role)
        main_company = self.ref("base.main_company")
        specs = [("Ủy ban nhân dân tỉnh Bench", "province", "t", PROVINCE_UNITS, 4, main_company)]
        for i in range(self.n["communes"]):
            specs.append(("Ủy ban nhân dân xã Bench %03d" % (i + 1), "commune", "x%03d" % (i + 1), COMMUNE_UNITS, 2, None))
        # Specialists: what is left of the users once the posts are filled, 30 % in the province's departments.
        posts = (1 + 4 + len(PROVINCE_UNITS) + 1) + self.n["communes"] * (1 + 2 + len(COMMUNE_UNITS) + 1)
        specialists = max(self.n["users"] - posts, 4 * (len(PROVINCE_UNITS) + self.n["communes"]))
        staffed = lambda units: sum(1 for u in units if u[1] != "office")  # noqa: E731 - specialists' units
        per_province_unit = max(2, round(0.3 * specialists / staffed(PROVINCE_UNITS)))
        per_commune_unit = max(1, round(0.7 * specialists / (self.n["communes"] * staffed(COMMUNE_UNITS))))
        province_committee = None
        for name, level, prefix, units, vcs, company in specs:
            company = company if company else env["res.company"].create({"name": name})
            if company == main_company:
                company.name = name
            committee = Committee.create({"name": name, "company_id": company.id, "level": level,
                                          "place_name": name.split("Bench")[0].strip(),
                                          "parent_id": province_committee.id if province_committee else False})
            province_committee = province_committee or committee
            logins = {"chairman": add_user("%s.chutich" % prefix, ["chairman"], company),
                      "vice_chairmen": [add_user("%s.pct%d" % (prefix, i + 1), ["vice_chairman"], company)
                                        for i in range(vcs)],
                      "heads": [], "office": [], "specialists": [], "members": []}
            unit_keys = []
            for uname, kind, code in units:
                key = (prefix, code)
                unit_keys.append((key, uname, kind, code))
                if kind == "office":
                    logins["chief_of_office"] = add_user("%s.%s.chanh" % (prefix, code.lower()), ["member", "office"],
                                                         company, key, "Chánh Văn phòng")
                    logins["office"].append(add_user("%s.%s.cv" % (prefix, code.lower()), ["office"], company, key,
                                                     "Chuyên viên Văn phòng"))
                else:
                    head_groups = ["unit_head", "member"] if level == "province" else ["unit_head"]
                    head = add_user("%s.%s.gd" % (prefix, code.lower()), head_groups, company, key, "Thủ trưởng")
                    logins["heads"].append(head)
                    if level == "province":
                        logins["members"].append(head)
                    for s in range(per_province_unit if level == "province" else per_commune_unit):
                        logins["specialists"].append(add_user("%s.%s.cv%d" % (prefix, code.lower(), s + 1), ["staff"],
                                                              company, key, "Chuyên viên"))
            plan.append((committee, unit_keys, logins))
        print("   creating %d users..." % len(self.user_vals), flush=True)
        Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True,
                                              mail_notrack=True)
        user_ids = {}
        for start in range(0, len(self.user_vals), 500):
            created = Users.create(self.user_vals[start:start + 500])
            user_ids.update({u.login: u.id for u in created})
        self.cr.execute("UPDATE res_users SET password = %s WHERE id = ANY(%s)",
                        [Users._crypt_context().hash(self.args.password), list(user_ids.values())])
        print("   creating units, employees and memberships...", flush=True)
        Employee = env["hr.employee"].with_context(tracking_disable=True, mail_create_nolog=True)
        for committee, unit_keys, logins in plan:
            company = committee.company_id
            depts = {}
            for key, uname, kind, code in unit_keys:
                depts[key] = env["hr.department"].with_company(company).create({
                    "name": uname, "company_id": company.id, "ubnd_committee_id": committee.id,
                    "ubnd_unit_kind": kind, "ubnd_code": code})
            emp_vals = [{"name": self.user_vals_by_login(login)["name"], "user_id": user_ids[login],
                         "department_id": depts[key].id, "company_id": company.id, "job_title": title}
                        for login, (key, title) in self.employee_of.items() if key in depts]
            employees = Employee.create(emp_vals)
            for emp in employees:
                if emp.job_title in ("Thủ trưởng", "Chánh Văn phòng"):
                    emp.department_id.manager_id = emp
            office = next(d for (key, _n, kind, _c), d in zip(unit_keys, depts.values()) if kind == "office")
            committee.write({"office_unit_id": office.id, "chief_of_office_id": user_ids[logins["chief_of_office"]]})
            members = [{"committee_id": committee.id, "user_id": user_ids[logins["chairman"]], "role": "chairman",
                        "position": "Chủ tịch", "sequence": 10}]
            share = max(1, len(fields_) // len(logins["vice_chairmen"]))
            for i, login in enumerate(logins["vice_chairmen"]):
                portfolio = fields_[i * share:(i + 1) * share] if i < len(logins["vice_chairmen"]) - 1 else fields_[i * share:]
                members.append({"committee_id": committee.id, "user_id": user_ids[login], "role": "vice_chairman",
                                "position": "Phó Chủ tịch", "sequence": 20 + i, "field_ids": [(6, 0, portfolio.ids)]})
            for login in logins["members"]:
                members.append({"committee_id": committee.id, "user_id": user_ids[login], "role": "member",
                                "position": "Ủy viên", "sequence": 50})
            env["ubnd.committee.member"].create(members)
            manifest["committees"].append({
                "id": committee.id, "level": committee.level, "company_id": company.id,
                "units": {d.ubnd_code: d.id for d in depts.values()}, **logins})
        self.cr.commit()
        self.manifest = manifest
        self.save_manifest()
        return manifest

    def user_vals_by_login(self, login):
        if not hasattr(self, "_by_login"):
            self._by_login = {v["login"]: v for v in self.user_vals}
        return self._by_login[login]

    def save_manifest(self):
        os.makedirs(os.path.dirname(self.args.manifest), exist_ok=True)
        with open(self.args.manifest, "w", encoding="utf-8") as f:
            json.dump(self.manifest, f, ensure_ascii=False, indent=1)

    def load_manifest(self):
        with open(self.args.manifest, encoding="utf-8") as f:
            self.manifest = json.load(f)
        return self.manifest

    # ---------------------------------------------------------------- history (SQL)
    def _lookup_tables(self):
        """Temp tables the bulk inserts join: committees with their leaders and units, users with partners."""
        cr = self.cr
        cr.execute("DROP TABLE IF EXISTS g_committee, g_unit, g_field, g_member")
        committees = self.manifest["committees"]
        cr.execute("CREATE TEMP TABLE g_committee (n int PRIMARY KEY, id int, company_id int, leader int, "
                   "chairman int, office_user int, units int)")
        cr.execute("CREATE TEMP TABLE g_unit (committee_n int, k int, id int, head int, specialist int, "
                   "PRIMARY KEY (committee_n, k))")
        uid_of = dict(self.env["res.users"].with_context(active_test=False).search(
            [("login", "=like", "%.%")]).mapped(lambda u: (u.login, u.id)))
        for n, c in enumerate(committees):
            units = [(code, uid) for code, uid in c["units"].items() if code != "VP"]
            cr.execute("INSERT INTO g_committee VALUES (%s,%s,%s,%s,%s,%s,%s)",
                       [n, c["id"], c["company_id"], uid_of[c["vice_chairmen"][0]], uid_of[c["chairman"]],
                        uid_of[c["office"][0]], len(units)])
            heads = {h.split(".")[1]: uid_of[h] for h in c["heads"]}
            specs = {}
            for s in c["specialists"]:
                specs.setdefault(s.split(".")[1], uid_of[s])
            for k, (code, unit_id) in enumerate(units):
                cr.execute("INSERT INTO g_unit VALUES (%s,%s,%s,%s,%s)",
                           [n, k, unit_id, heads[code.lower()], specs.get(code.lower(), heads[code.lower()])])
        cr.execute("CREATE TEMP TABLE g_field AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM ubnd_field")
        cr.execute("""CREATE TEMP TABLE g_member AS
                      SELECT m.committee_id, m.id AS member_id, m.user_id,
                             row_number() OVER (PARTITION BY m.committee_id ORDER BY m.id) - 1 AS k
                        FROM ubnd_committee_member m""")
        cr.execute("ANALYZE g_committee; ANALYZE g_unit; ANALYZE g_field; ANALYZE g_member")
        self.n_committees = len(committees)
        cr.execute("SELECT count(*) FROM g_field")
        self.n_fields = cr.fetchone()[0]

    def _field_id(self, model, name):
        return self.env["ir.model.fields"]._get(model, name).id

    def _chatter(self, model, table, where, states_sql, field="state"):
        """For each record of ``table`` matching ``where``: a creation note and one tracked change of
        ``field`` per pair of ``states_sql`` (a SQL array expression of [old, new] labels)."""
        cr = self.cr
        note = self.ref("mail.mt_note").id
        cr.execute("""
            INSERT INTO mail_message (model, res_id, message_type, subtype_id, author_id, body, date, is_internal,
                                      record_company_id, create_uid, write_uid, create_date, write_date)
            SELECT %(model)s, r.id, 'notification', %(note)s, p.partner_id, '<p>Tạo mới</p>', r.create_date, TRUE,
                   r.company_id, r.create_uid, r.create_uid, r.create_date, r.create_date
              FROM {table} r JOIN res_users p ON p.id = r.create_uid
             WHERE {where}
        """.format(table=table, where=where), {"model": model, "note": note})
        cr.execute("""
            WITH src AS (
                SELECT r.id, r.company_id, r.create_uid, r.create_date, p.partner_id, s.pair, s.i
                  FROM {table} r JOIN res_users p ON p.id = r.create_uid,
                       LATERAL unnest({states}) WITH ORDINALITY AS s(pair, i)
                 WHERE {where}
            ), msg AS (
                INSERT INTO mail_message (model, res_id, message_type, subtype_id, author_id, body, date, is_internal,
                                          record_company_id, message_id, create_uid, write_uid, create_date, write_date)
                SELECT %(model)s, src.id, 'notification', %(note)s, src.partner_id, '', src.create_date + src.i * interval '1 day',
                       FALSE, src.company_id, src.pair, src.create_uid, src.create_uid,
                       src.create_date + src.i * interval '1 day', src.create_date + src.i * interval '1 day'
                  FROM src
                RETURNING id, message_id, create_uid, create_date
            )
            INSERT INTO mail_tracking_value (field_id, mail_message_id, old_value_char, new_value_char,
                                             create_uid, write_uid, create_date, write_date)
            SELECT %(field)s, msg.id, split_part(msg.message_id, '>', 1), split_part(msg.message_id, '>', 2),
                   msg.create_uid, msg.create_uid, msg.create_date, msg.create_date
              FROM msg
        """.format(table=table, where=where, states=states_sql),
            {"model": model, "note": note, "field": self._field_id(model, field)})
        cr.execute("UPDATE mail_message SET message_id = NULL WHERE model = %s AND message_id LIKE '%%>%%'", [model])

    def submissions(self):
        """Closed dossiers over the last years, each with its three approval steps and its chatter."""
        cr, size = self.cr, self.n["submissions"]
        if not size:
            return
        defs = {d._ubnd_stage(): d.id for d in self.env["tier.definition"].search([("model", "=", "ubnd.submission")])}
        cr.execute("""
            WITH g AS (
                SELECT s AS n, s %% %(nc)s AS cn, ((s::bigint * 7919) %% 1000)::int AS bucket,
                       ((s::bigint * 104729) %% (%(years)s * 365))::int AS age
                  FROM generate_series(1, %(size)s) s
            )
            INSERT INTO ubnd_submission (name, reference, committee_id, company_id, kind, addressee, field_id,
                   leader_id, submitting_unit_id, submitter_id, unit_head_user_id, urgency, confidentiality,
                   matter_type, state, received_date, office_deadline, forwarded_date, decision_deadline,
                   decided_date, is_overdue, office_late, decision_late, summary,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'Tờ trình số ' || g.n || ' về việc triển khai nhiệm vụ năm ' || extract(year FROM %(today)s::date - g.age),
                   'TTr/' || lpad(g.n::text, 7, '0'), c.id, c.company_id,
                   (ARRAY['committee_decision','chairman_decision','scheme','report','letter','other'])[1 + g.n %% 6],
                   CASE WHEN g.n %% 3 = 0 THEN 'committee' ELSE 'vice_chairman' END,
                   f.id, c.leader, u.id, u.specialist, u.head, 'normal', 'normal', 'none',
                   CASE WHEN g.bucket < 850 THEN 'issued' WHEN g.bucket < 930 THEN 'returned'
                        WHEN g.bucket < 970 THEN 'withdrawn' ELSE 'transferred' END,
                   %(today)s::date - g.age, %(today)s::date - g.age + 3, %(today)s::date - g.age + 2,
                   %(today)s::date - g.age + 9, %(today)s::date - g.age + 6, FALSE,
                   g.bucket %% 17 = 0, g.bucket %% 23 = 0, 'Hồ sơ lưu trữ sinh tự động cho đo tải',
                   u.specialist, c.leader, (%(today)s::date - g.age)::timestamp + interval '8 hours',
                   (%(today)s::date - g.age + 6)::timestamp + interval '15 hours'
              FROM g JOIN g_committee c ON c.n = g.cn
              JOIN g_unit u ON u.committee_n = g.cn AND u.k = g.n %% c.units
              JOIN g_field f ON f.k = g.n %% %(nf)s
        """, {"nc": self.n_committees, "years": YEARS, "size": size, "today": self.today, "nf": self.n_fields})
        cr.execute("CREATE TEMP TABLE g_sub AS SELECT id, state, company_id, unit_head_user_id, leader_id, create_uid, "
                   "create_date, write_date FROM ubnd_submission WHERE summary = 'Hồ sơ lưu trữ sinh tự động cho đo tải'")
        office_of = "(SELECT office_user FROM g_committee WHERE company_id = s.company_id)"
        cr.execute("""
            INSERT INTO tier_review (model, res_id, ubnd_submission_id, definition_id, company_id, sequence, status,
                                     done_by, requested_by, reviewed_date, can_review, create_uid, write_uid,
                                     create_date, write_date)
            SELECT 'ubnd.submission', s.id, s.id, d.def, s.company_id, d.seq, 'approved',
                   CASE d.seq WHEN 1 THEN s.unit_head_user_id WHEN 2 THEN {office} ELSE s.leader_id END,
                   s.create_uid, s.create_date + d.seq * interval '1 day', FALSE, s.create_uid, s.create_uid,
                   s.create_date, s.write_date
              FROM g_sub s CROSS JOIN (VALUES (1, %(unit)s), (2, %(office)s), (3, %(leader)s)) AS d(seq, def)
             -- a returned, withdrawn or transferred dossier keeps no open step: the workflow drops its chain
             -- (its record stays in the chatter), as _drop_chain_keeping_its_record does
             WHERE s.state = 'issued'
        """.format(office=office_of), {"unit": defs.get("unit"), "office": defs.get("office"),
                                       "leader": defs.get("decide")})
        self._chatter("ubnd.submission", "ubnd_submission", "r.id IN (SELECT id FROM g_sub)",
                      "CASE r.state WHEN 'issued' THEN ARRAY['Nháp>Chờ ký nháy', 'Chờ ký nháy>Đã tiếp nhận', "
                      "'Đã tiếp nhận>Trình lãnh đạo', 'Trình lãnh đạo>Đã ban hành'] "
                      "ELSE ARRAY['Nháp>Chờ ký nháy', 'Chờ ký nháy>Đã tiếp nhận'] END")
        cr.execute("DROP TABLE g_sub")

    def tasks(self):
        """Tasks over the last years, by unit of every committee; reports (progress, completion) with chatter."""
        cr, size = self.cr, self.n["tasks"]
        if not size:
            return
        cr.execute("""
            WITH g AS (
                SELECT s AS n, s %% %(nc)s AS cn, ((s::bigint * 7919) %% 1000)::int AS bucket,
                       ((s::bigint * 104729) %% (%(years)s * 365))::int AS age
                  FROM generate_series(1, %(size)s) s
            ), d AS (
                SELECT g.*, CASE WHEN g.age > 200 OR g.bucket < 400 THEN 'done'
                                 WHEN g.bucket < 500 THEN 'overdue' ELSE 'interm' END AS kind,
                       %(today)s::date - g.age AS assigned
                  FROM g
            )
            INSERT INTO ubnd_task (name, committee_id, company_id, kind, nature, source_kind, confidentiality,
                   source_name, source_number, source_date, lead_unit_id, lead_user_id, leader_id, field_id, content,
                   deadline, deadline_kind, effective_deadline, deadline_type, state, status, assign_date,
                   receipt_date, completion_date, reported_date, confirmed_date, active,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'Nhiệm vụ số ' || d.n, c.id, c.company_id, 'committee', 'specific', 'directive', 'normal',
                   'Chỉ thị', (d.n %% 900 + 1) || '/CT-UBND', d.assigned - 2, u.id, u.head, c.leader, f.id,
                   '<p>Nội dung nhiệm vụ</p>',
                   CASE d.kind WHEN 'interm' THEN %(today)s::date + 10 + d.bucket %% 90 WHEN 'overdue' THEN %(today)s::date - 1 - d.bucket %% 60
                               ELSE d.assigned + 30 END, 'complete',
                   CASE d.kind WHEN 'interm' THEN %(today)s::date + 10 + d.bucket %% 90 WHEN 'overdue' THEN %(today)s::date - 1 - d.bucket %% 60
                               ELSE d.assigned + 30 END, 'with',
                   CASE WHEN d.kind = 'done' THEN 'done' ELSE 'in_progress' END,
                   CASE d.kind WHEN 'done' THEN (CASE WHEN d.bucket %% 10 < 8 THEN 'done_on_time' ELSE 'done_late' END)
                               WHEN 'overdue' THEN 'overdue' ELSE 'in_term' END,
                   d.assigned, d.assigned,
                   CASE WHEN d.kind = 'done' THEN d.assigned + (CASE WHEN d.bucket %% 10 < 8 THEN 25 ELSE 35 END) END,
                   CASE WHEN d.kind = 'done' THEN d.assigned + (CASE WHEN d.bucket %% 10 < 8 THEN 25 ELSE 35 END) END,
                   CASE WHEN d.kind = 'done' THEN d.assigned + (CASE WHEN d.bucket %% 10 < 8 THEN 27 ELSE 37 END) END,
                   TRUE, c.office_user, c.office_user, d.assigned::timestamp + interval '9 hours',
                   d.assigned::timestamp + interval '9 hours'
              FROM d JOIN g_committee c ON c.n = d.cn
              JOIN g_unit u ON u.committee_n = d.cn AND u.k = d.n %% c.units
              JOIN g_field f ON f.k = d.n %% %(nf)s
        """, {"nc": self.n_committees, "years": YEARS, "size": size, "today": self.today, "nf": self.n_fields})
        cr.execute("CREATE TEMP TABLE g_task AS SELECT t.id, t.status, t.company_id, t.lead_unit_id, t.assign_date, "
                   "t.completion_date, t.confirmed_date, gu.specialist, gc.office_user FROM ubnd_task t "
                   "JOIN g_unit gu ON gu.id = t.lead_unit_id JOIN g_committee gc ON gc.id = t.committee_id "
                   "WHERE t.content = '<p>Nội dung nhiệm vụ</p>'")
        # One progress report per task, and the completion report of the finished ones, confirmed by the Office.
        cr.execute("""
            INSERT INTO ubnd_task_update (task_id, company_id, unit_id, user_id, kind, state, report_date, entry_date,
                                          note, confirmed_by_id, confirmed_date, written_report, entered_late,
                                          create_uid, write_uid, create_date, write_date)
            SELECT t.id, t.company_id, t.lead_unit_id, t.specialist, k.kind, 'confirmed',
                   CASE k.kind WHEN 'progress' THEN t.assign_date + 14 ELSE t.completion_date END,
                   CASE k.kind WHEN 'progress' THEN t.assign_date + 14 ELSE t.completion_date END,
                   CASE k.kind WHEN 'progress' THEN 'Đơn vị đang triển khai, đã hoàn thành các bước chuẩn bị.'
                               ELSE 'Đã hoàn thành nhiệm vụ được giao.' END,
                   t.office_user, CASE k.kind WHEN 'progress' THEN t.assign_date + 15 ELSE t.confirmed_date END,
                   FALSE, FALSE, t.specialist, t.office_user,
                   (CASE k.kind WHEN 'progress' THEN t.assign_date + 14 ELSE t.completion_date END)::timestamp + interval '10 hours',
                   (CASE k.kind WHEN 'progress' THEN t.assign_date + 15 ELSE t.confirmed_date END)::timestamp + interval '10 hours'
              FROM g_task t JOIN (VALUES ('progress'), ('completion')) AS k(kind)
                ON k.kind = 'progress' OR t.status IN ('done_on_time', 'done_late')
        """)
        self._chatter("ubnd.task", "ubnd_task", "r.id IN (SELECT id FROM g_task)",
                      "CASE WHEN r.state = 'done' THEN ARRAY['Nháp>Đang thực hiện', 'Đang thực hiện>Đã hoàn thành'] "
                      "ELSE ARRAY['Nháp>Đang thực hiện'] END")
        cr.execute("DROP TABLE g_task")

    def meetings(self):
        """Past sittings of every committee: one item each, its open vote and every member's vote line."""
        cr, size = self.cr, self.n["meetings"]
        if not size:
            return
        cr.execute("""
            WITH g AS (
                SELECT s AS n, s %% %(nc)s AS cn, 1 + ((s::bigint * 104729) %% (%(years)s * 365))::int AS age
                  FROM generate_series(1, %(size)s) s
            )
            INSERT INTO ubnd_meeting (name, committee_id, company_id, kind, meeting_form, confidentiality, state,
                                      start, stop, opened_at, closed_at, meeting_date, chair_id, secretary_id,
                                      is_session, location, create_uid, write_uid, create_date, write_date)
            SELECT 'Phiên họp số ' || g.n, c.id, c.company_id,
                   CASE WHEN g.n %% 4 = 0 THEN 'regular' ELSE 'thematic' END, 'in_person', 'normal', 'closed',
                   (%(today)s::date - g.age)::timestamp + interval '1 hour',
                   (%(today)s::date - g.age)::timestamp + interval '4 hours',
                   (%(today)s::date - g.age)::timestamp + interval '1 hour',
                   (%(today)s::date - g.age)::timestamp + interval '4 hours', %(today)s::date - g.age,
                   c.chairman, c.office_user, TRUE, 'Phòng họp số 1', c.office_user, c.office_user,
                   (%(today)s::date - g.age - 7)::timestamp, (%(today)s::date - g.age)::timestamp + interval '4 hours'
              FROM g JOIN g_committee c ON c.n = g.cn
        """, {"nc": self.n_committees, "years": YEARS, "size": size, "today": self.today})
        cr.execute("CREATE TEMP TABLE g_meeting AS SELECT id, committee_id, company_id, chair_id, secretary_id, "
                   "start, stop, create_date FROM ubnd_meeting WHERE location = 'Phòng họp số 1' AND name LIKE 'Phiên họp số %'")
        cr.execute("""
            INSERT INTO ubnd_meeting_attendee (meeting_id, committee_id, company_id, sequence, member_id, user_id,
                                               partner_id, role, attendance, absence_state, invitation_sent,
                                               create_uid, write_uid, create_date, write_date)
            SELECT m.id, m.committee_id, m.company_id, gm.k, gm.member_id, gm.user_id, u.partner_id,
                   CASE WHEN gm.user_id = m.chair_id THEN 'chair' ELSE 'member' END, 'present', 'none', TRUE,
                   m.secretary_id, m.secretary_id, m.create_date, m.stop
              FROM g_meeting m JOIN g_member gm ON gm.committee_id = m.committee_id JOIN res_users u ON u.id = gm.user_id
        """)
        cr.execute("""
            INSERT INTO ubnd_meeting_item (meeting_id, committee_id, company_id, sequence, name, item_type,
                                           requested_by, vote_mode, state, outcome, create_uid, write_uid,
                                           create_date, write_date)
            SELECT m.id, m.committee_id, m.company_id, 1, 'Nội dung trình phiên họp', 'matter', 'committee', 'open',
                   'done', 'passed', m.secretary_id, m.secretary_id, m.create_date, m.stop
              FROM g_meeting m
        """)
        cr.execute("""
            WITH v AS (
                INSERT INTO ubnd_vote (item_id, meeting_id, committee_id, company_id, opened_by_id, closed_by_id,
                                       mode, state, result, opened_at, closed_at, create_uid, write_uid,
                                       create_date, write_date)
                SELECT i.id, m.id, m.committee_id, m.company_id, m.chair_id, m.chair_id, 'open', 'closed', 'passed',
                       m.start + interval '1 hour', m.start + interval '70 minutes', m.chair_id, m.chair_id,
                       m.start + interval '1 hour', m.start + interval '70 minutes'
                  FROM g_meeting m JOIN ubnd_meeting_item i ON i.meeting_id = m.id
                RETURNING id, committee_id, company_id, opened_at
            )
            INSERT INTO ubnd_vote_line (vote_id, company_id, member_id, voter_id, choice, cast_at, create_uid,
                                        write_uid, create_date, write_date)
            SELECT v.id, v.company_id, gm.member_id, gm.user_id,
                   CASE WHEN (v.id + gm.k) % 11 = 0 THEN 'reject' ELSE 'approve' END,
                   v.opened_at + gm.k * interval '5 seconds', gm.user_id, gm.user_id, v.opened_at, v.opened_at
              FROM v JOIN g_member gm ON gm.committee_id = v.committee_id
        """)
        cr.execute("""UPDATE ubnd_vote v SET member_count = x.n, present_count = x.n, approve_count = x.a,
                             reject_count = x.n - x.a, abstain_count = 0, not_voted_count = 0, absent_count = 0
                        FROM (SELECT vote_id, count(*) n, count(*) FILTER (WHERE choice = 'approve') a
                                FROM ubnd_vote_line GROUP BY vote_id) x
                       WHERE x.vote_id = v.id AND v.meeting_id IN (SELECT id FROM g_meeting)""")
        self._chatter("ubnd.meeting", "ubnd_meeting", "r.id IN (SELECT id FROM g_meeting)",
                      "ARRAY['Nháp>Đã gửi giấy mời', 'Đã gửi giấy mời>Đang họp', 'Đang họp>Đã kết thúc']")
        cr.execute("DROP TABLE g_meeting")

    def history(self):
        self._lookup_tables()
        self.timed("submissions (SQL)", self.submissions)
        self.cr.commit()
        self.timed("tasks (SQL)", self.tasks)
        self.cr.commit()
        self.timed("meetings (SQL)", self.meetings)
        # The urging rules (base_automation, on_time) ran every day of these years: mark them as run now, or
        # their first run would urge every overdue task of the whole history at once, holding the cron worker
        # (and the committee's row) for many minutes — as it did in the first load run at scale 1.
        self.cr.execute("UPDATE base_automation SET last_run = now() AT TIME ZONE 'UTC' WHERE trigger = 'on_time'")
        self.cr.commit()
        self.cr.execute("ANALYZE")
        self.cr.commit()

    # ---------------------------------------------------------------- open work (ORM, as the users)
    def _users(self, logins):
        return self.env["res.users"].search([("login", "in", list(logins))])

    def _user(self, login):
        return self.env["res.users"].search([("login", "=", login)], limit=1)

    def open_dossiers(self, committee, count, stop_at):
        """``count`` dossiers of the committee's departments walked to ``stop_at`` ('submitted' or 'to_leader')
        by the real users: the specialist files and submits, the head initials, the Office forwards."""
        env = self.env
        demo = env["ubnd.demo"]
        units = [u for code, u in committee["units"].items() if code != "VP"]
        vcs = committee["vice_chairmen"]
        made = 0
        for i in range(count):
            unit = env["hr.department"].browse(units[i % len(units)])
            specialist = self._user(next(s for s in committee["specialists"] + committee["heads"]
                                         if ".%s." % unit.ubnd_code.lower() in s))
            vc = env["ubnd.committee.member"].search([("committee_id", "=", committee["id"]),
                                                      ("user_id.login", "=", vcs[i % len(vcs)])])
            sub = env["ubnd.submission"].with_user(specialist).create({
                "name": "Tờ trình đo tải số %d – %s" % (i + 1, unit.name), "committee_id": committee["id"],
                "kind": "other", "field_id": vc.field_ids[:1].id, "submitting_unit_id": unit.id,
                "summary": "Hồ sơ mở cho đo tải (bench/province_gen.py).",
            })
            demo._complete(sub, specialist)
            sub.with_user(specialist).action_submit()
            demo._initial(sub)
            if stop_at == "to_leader":
                office = sub.committee_id._office_users()[:1]
                sub.with_user(office).action_forward_to_leader()
            made += 1
            if made % 20 == 0:
                self.cr.commit()
        self.cr.commit()
        return made

    def open_tasks(self, committee, per_unit):
        """Tasks in progress per department, assigned by the Office: the specialists report on them."""
        env = self.env
        office = self._user(committee["office"][0])
        leader = self._user(committee["vice_chairmen"][0])
        vals = []
        for code, unit_id in committee["units"].items():
            if code == "VP":
                continue
            head = self._user(next(h for h in committee["heads"] if ".%s." % code.lower() in h))
            for i in range(per_unit):
                vals.append({"name": "Nhiệm vụ đo tải %s %d" % (code, i + 1), "committee_id": committee["id"],
                             "lead_unit_id": unit_id, "lead_user_id": head.id, "leader_id": leader.id,
                             "tracking_unit_id": committee["units"]["VP"],
                             "source_name": "Kết luận", "source_number": "%d/TB-UBND" % (100 + i),
                             "source_date": self.today - timedelta(days=10),
                             "deadline": self.today + timedelta(days=30 + i), "deadline_kind": "complete", "content": "<p>Nhiệm vụ mở cho đo tải.</p>"})
        tasks = env["ubnd.task"].with_user(office).create(vals)
        tasks.with_user(office).action_assign()
        self.cr.commit()
        return len(tasks)

    def open_vote(self, committee):
        """A sitting of the committee in session with the vote on its first item open: every member votes."""
        env = self.env
        office = self._user(committee["chief_of_office"])
        chairman = self._user(committee["chairman"])
        now = datetime.now().replace(microsecond=0)
        record = env["ubnd.committee"].browse(committee["id"])
        if not env["ubnd.committee.guest"].search_count([("committee_id", "=", record.id)]):
            env["ubnd.meetings.demo"]._standing_delegates(record, [  # invited to every sitting (000 Đ28.3.a)
                ("party_standing", "Ban Thường vụ Tỉnh ủy Bench"),
                ("council_standing", "Thường trực HĐND tỉnh Bench"),
                ("na_delegation", "Đoàn đại biểu Quốc hội tỉnh Bench"),
            ])
        sub = env["ubnd.submission"].sudo().create({
            "name": "Đề án đo tải trình phiên họp", "committee_id": committee["id"], "addressee": "committee",
            "kind": "committee_decision", "submitting_unit_id": [u for c, u in committee["units"].items() if c != "VP"][0],
            "summary": "Nội dung biểu quyết trong phiên họp đo tải.", "field_id": env["ubnd.field"].search([], limit=1).id,
        })
        env["ubnd.demo"]._complete(sub, env.user)
        sub.write({"state": "collective", "route": "session"})
        meeting = env["ubnd.meeting"].with_user(office).create({
            "name": "Phiên họp đo tải %s" % now.strftime("%d/%m %H:%M"), "committee_id": committee["id"],
            "kind": "thematic", "convened_by": "chairman", "start": now - timedelta(minutes=30), "stop": now + timedelta(hours=3),
            "location": "Phòng họp trực tuyến", "chair_id": chairman.id, "secretary_id": office.id,
        })
        item = env["ubnd.meeting.item"].with_user(office).create({
            "meeting_id": meeting.id, "submission_id": sub.id, "name": sub.name, "sequence": 1})
        meeting.with_user(office).action_submit_agenda()
        meeting.with_user(chairman).action_approve_agenda()
        meeting.with_user(office).action_send_invitations()
        for attendee in meeting.attendee_ids:
            attendee.with_user(office).action_mark_present()
        item.with_user(office).action_documents_received()
        meeting.with_user(office).action_open()
        item.with_user(chairman).action_open_vote()
        self.cr.commit()
        return {"meeting_id": meeting.id, "vote_id": item.vote_ids[:1].id,
                "voters": meeting.attendee_ids.filtered("member_id").user_id.mapped("login")}

    def open_votes(self, voters):
        """Sittings in session, the province's first, then communes', until ``voters`` members can vote at once."""
        sessions = []
        for committee in self.manifest["committees"]:
            if sum(len(s["voters"]) for s in sessions) >= voters:
                break
            sessions.append(self.open_vote(committee))
        return sessions

    def open_work(self):
        province, communes = self.manifest["committees"][0], self.manifest["committees"][1:]
        per_leader = self.args.open_per_leader
        work = {}
        work["to_leader"] = self.timed("open dossiers → leaders", self.open_dossiers, province,
                                       per_leader * len(province["vice_chairmen"]), "to_leader")
        work["to_office"] = self.timed("open dossiers → Office", self.open_dossiers, province, per_leader, "submitted")
        work["tasks"] = self.timed("open tasks (assigned)", self.open_tasks, province, max(2, per_leader // 4))
        for commune in communes[:2]:
            self.open_tasks(commune, 2)
        self.manifest["sessions"] = self.timed("open sittings and votes", self.open_votes, self.args.voters)
        self.manifest["open_work"] = work
        self.save_manifest()


def db_size(cr):
    cr.execute("SELECT pg_size_pretty(pg_database_size(current_database())), pg_database_size(current_database())")
    return cr.fetchone()


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, args.odoo)
    from odoo.tools import config  # noqa: PLC0415
    config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    registry = Registry(args.db)
    t0 = time.time()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tz": "Asia/Ho_Chi_Minh", "lang": "vi_VN",
                                                  "tracking_disable": False})
        gen = Generator(env, args)
        print("== %s, scale %g, seed %d: %s" % (args.db, args.scale, args.seed, gen.n), flush=True)
        load_before = os.getloadavg()[0]
        if args.open_work_only:
            gen.load_manifest()
            gen.open_work()
        elif env["ubnd.committee"].search_count([("name", "=", "Ủy ban nhân dân tỉnh Bench")]):
            sys.exit("%s already holds the province: drop it to generate again, or use --open-work-only" % args.db)
        else:
            gen.timed("structure (ORM)", gen.structure)
            gen.timed("history (SQL)", gen.history)
            gen.open_work()
        size = db_size(cr)
        summary = {"db": args.db, "scale": args.scale, "seed": args.seed, "counts": gen.n,
                   "timings_s": gen.timings, "total_s": round(time.time() - t0, 1), "db_size": size[0],
                   "db_bytes": size[1], "load_before": load_before, "load_after": os.getloadavg()[0]}
        cr.execute("""SELECT (SELECT count(*) FROM res_users), (SELECT count(*) FROM ubnd_committee),
                             (SELECT count(*) FROM hr_department), (SELECT count(*) FROM ubnd_submission),
                             (SELECT count(*) FROM tier_review), (SELECT count(*) FROM ubnd_task),
                             (SELECT count(*) FROM ubnd_task_update), (SELECT count(*) FROM ubnd_meeting),
                             (SELECT count(*) FROM ubnd_vote_line), (SELECT count(*) FROM mail_message),
                             (SELECT count(*) FROM mail_tracking_value)""")
        summary["rows"] = dict(zip(["users", "committees", "units", "submissions", "tier_reviews", "tasks",
                                    "task_updates", "meetings", "vote_lines", "messages", "tracking_values"],
                                   cr.fetchone()))
        gen.manifest["generation"] = summary
        gen.save_manifest()
    print(json.dumps(summary, ensure_ascii=False))
    print("manifest:", args.manifest)


if __name__ == "__main__":
    main()
