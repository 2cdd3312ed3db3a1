#!/usr/bin/env bash
# Load benchmark of the user journeys (issue #13); run it through `bench/run.sh load ...`.
#
#   bench/run_load.sh [--db province_s1] [--users 25,50,100,200] [--time 5m] [--workers 4]
#                     [--port 8170] [--replica] [--voters 50] [--out bench/results/<date>-<db>]
#
# Starts Odoo in prefork mode as in production (--workers, --max-cron-threads 1, gevent port +1) on the
# generated province database, warms every worker up (each loads the registry on its first request), then for
# each number of users: refills the open work the journeys consume (bench/province_gen.py --open-work-only),
# runs Locust headless (bench/locustfile.py) for the given time — the users resume sessions opened once before the
# levels (bench/sessions.py, whose login figures are kept in logins.json), and statistics reset once every user
# is spawned —
# and keeps the CSV files and the machine's load average before and after. At the end bench/load_report.py prints the markdown table.
# --replica: Odoo gets db_replica_host/port (the streaming replica of bench/replica.sh, port 5433), so the
# requests Odoo marks read-only run there.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
ensure_environment >/dev/null
DB=province_s1 USERS=25,50,100,200 TIME=5m WORKERS=4 PORT=8170 REPLICA=0 VOTERS=50 OUT="" CONF="$UBND_CONF"
while [ $# -gt 0 ]; do
    case "$1" in
        --db) DB=$2; shift ;; --users) USERS=$2; shift ;; --time) TIME=$2; shift ;;
        --workers) WORKERS=$2; shift ;; --port) PORT=$2; shift ;; --replica) REPLICA=1 ;;
        --voters) VOTERS=$2; shift ;; --out) OUT=$2; shift ;; --config) CONF=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
BENCH_VENV="${UBND_BENCH_VENV:-$HOME/.cache/ubnd-eoffice/bench-venv}"
if [ ! -x "$BENCH_VENV/bin/locust" ]; then
    log "installing Locust into $BENCH_VENV (bench/requirements-bench.txt)"
    python3 -m venv "$BENCH_VENV"
    "$BENCH_VENV/bin/pip" install -q -r "$UBND_ROOT/bench/requirements-bench.txt"
fi
MANIFEST="$HOME/.cache/ubnd-eoffice/bench/$DB.json"
[ -f "$MANIFEST" ] || { echo "no manifest $MANIFEST: generate the data first (bench/run.sh province)" >&2; exit 1; }
OUT="${OUT:-$UBND_ROOT/bench/results/$(date +%Y%m%d-%H%M)-$DB$( [ "$REPLICA" = 1 ] && echo -replica || true)}"
mkdir -p "$OUT"
# jit = off, as the scaling guide recommends (JIT compiled some of the suite's large plans for ~0.5 s, no gain).
upsql -d postgres -c "ALTER DATABASE \"$DB\" SET jit = off"
EXTRA=()
[ "$REPLICA" = 1 ] && EXTRA+=(--db_replica_host=127.0.0.1 --db_replica_port="${UBND_REPLICA_PORT:-5433}")
log "Odoo: $WORKERS workers + 1 cron worker on :$PORT, database $DB (log $OUT/odoo.log)"
"$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" \
    --http-port="$PORT" --gevent-port="$((PORT + 1))" --workers="$WORKERS" --max-cron-threads=1 \
    --limit-time-real=600 --limit-time-cpu=300 --log-level=info --log-handler=werkzeug:WARNING \
    --logfile="$OUT/odoo.log" "${EXTRA[@]}" \
    </dev/null >/dev/null 2>&1 &
SERVER=$!
# Odoo's master stops its workers on SIGTERM; a worker it left behind (seen after a 200-user level) goes too.
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; pkill -f -- "--http-port=$PORT " || true' EXIT
wait_http "http://127.0.0.1:$PORT/web/login" "$SERVER" 180
WARM=()  # every worker loads the registry on its first request: not in the measurements
for _ in $(seq $((WORKERS * 3))); do curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/web/login?db=$DB" & WARM+=($!); done
wait "${WARM[@]}"
# A fresh database has every scheduled job due at once: let them run before measuring (production runs the
# daily ones at night); the jobs that still run during a level are counted in its line of the report.
sleep 60
IFS=, read -r -a LEVELS <<<"$USERS"
# The morning's logins, once, outside the measured levels; the virtual users resume these sessions.
SESSIONS="$HOME/.cache/ubnd-eoffice/bench/$DB.sessions.json"
max_users=$(printf '%s\n' "${LEVELS[@]}" | sort -n | tail -1)
log "opening the sessions of up to $max_users users and $VOTERS voters"
PROVINCE_MANIFEST="$MANIFEST" "$BENCH_VENV/bin/python" "$UBND_ROOT/bench/sessions.py" --host "http://127.0.0.1:$PORT" \
    --users "$max_users" --voters "$VOTERS" --out "$SESSIONS" | tee "$OUT/logins.json"
PREFIXES=()
for users in "${LEVELS[@]}"; do
    log "refilling the open work for $users users"
    "$UBND_VENV/bin/python" "$UBND_ROOT/bench/province_gen.py" --config "$CONF" --db "$DB" --open-work-only \
        --voters "$VOTERS" --scale "$(python3 -c "import json;print(json.load(open('$MANIFEST'))['scale'])")" >/dev/null
    voters=$(python3 -c "import json;m=json.load(open('$MANIFEST'));print(min($VOTERS, sum(len(s['voters']) for s in m.get('sessions', []))))")
    before=$(cut -d' ' -f1 /proc/loadavg)
    log_from=$(wc -l <"$OUT/odoo.log")
    log "$users users (+$voters voters) for $TIME (load average $before)"
    PROVINCE_MANIFEST="$MANIFEST" VOTERS="$voters" LOAD_SESSIONS="$SESSIONS" "$BENCH_VENV/bin/locust" -f "$UBND_ROOT/bench/locustfile.py" \
        --host "http://127.0.0.1:$PORT" --headless -u "$((users + voters))" -r "$(( (users + voters) / 10 + 1 ))" \
        -t "$TIME" --reset-stats --csv "$OUT/u$users" --only-summary >"$OUT/u$users.log" 2>&1 || true
    after=$(cut -d' ' -f1 /proc/loadavg)
    # Odoo's own retries of serialization failures (odoo.service.model.retrying logs each at INFO): a retried
    # write reaches the client once; one that fails after 5 tries is an error in Locust's table too.
    retried=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" | grep -c "tries left, try again" || true)
    crons=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" |
        { grep -oP "Job '.*?' \(\d+\) (fully done|failed).*duration \K[0-9.]+" || true; } | sort -n | tail -1)
    lost=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" | grep -ciE "SerializationFailure|could not serialize|concurrent update" || true)
    printf '{"users": %s, "voters": %s, "think": "%s", "time": "%s", "workers": %s, "replica": %s, "load_before": %s, "load_after": %s, "retried": %s, "serialization_lines": %s, "longest_cron_s": %s}\n' \
        "$users" "$voters" "${THINK_MIN:-5}–${THINK_MAX:-20}" "$TIME" "$WORKERS" "$REPLICA" "$before" "$after" "$retried" "$lost" "${crons:-0}" >"$OUT/u$users.json"
    PREFIXES+=("$OUT/u$users")
done
"$UBND_VENV/bin/python" "$UBND_ROOT/bench/load_report.py" "${PREFIXES[@]}" \
    --title "$DB, $WORKERS workers, replica $( [ "$REPLICA" = 1 ] && echo on || echo off ), $TIME per level" | tee "$OUT/report.md"
