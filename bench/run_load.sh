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
. "$UBND_ROOT/bench/load_lib.sh"
prepare_load
OUT="${OUT:-$UBND_ROOT/bench/results/$(date +%Y%m%d-%H%M)-$DB$( [ "$REPLICA" = 1 ] && echo -replica || true)}"
mkdir -p "$OUT"
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
open_sessions "http://127.0.0.1:$PORT" "$(printf '%s\n' "${LEVELS[@]}" | sort -n | tail -1)" "$OUT/logins.json"
PREFIXES=()
for users in "${LEVELS[@]}"; do
    refill_open_work "$users"
    log_from=$(wc -l <"$OUT/odoo.log")
    run_locust "http://127.0.0.1:$PORT" "$users" "$OUT/u$users"
    # Odoo's own retries of serialization failures (odoo.service.model.retrying logs each at INFO): a retried
    # write reaches the client once; one that fails after 5 tries is an error in Locust's table too.
    retried=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" | grep -c "tries left, try again" || true)
    crons=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" |
        { grep -oP "Job '.*?' \(\d+\) (fully done|failed).*duration \K[0-9.]+" || true; } | sort -n | tail -1)
    lost=$(tail -n +"$((log_from + 1))" "$OUT/odoo.log" | grep -ciE "SerializationFailure|could not serialize|concurrent update" || true)
    printf '{"users": %s, "voters": %s, "think": "%s", "time": "%s", "workers": %s, "replica": %s, "load_before": %s, "load_after": %s, "retried": %s, "serialization_lines": %s, "longest_cron_s": %s}\n' \
        "$users" "$LEVEL_VOTERS" "${THINK_MIN:-5}–${THINK_MAX:-20}" "$TIME" "$WORKERS" "$REPLICA" "$LEVEL_BEFORE" \
        "$LEVEL_AFTER" "$retried" "$lost" "${crons:-0}" >"$OUT/u$users.json"
    PREFIXES+=("$OUT/u$users")
done
"$UBND_VENV/bin/python" "$UBND_ROOT/bench/load_report.py" "${PREFIXES[@]}" \
    --title "$DB, $WORKERS workers, replica $( [ "$REPLICA" = 1 ] && echo on || echo off ), $TIME per level" | tee "$OUT/report.md"
