#!/usr/bin/env bash
# The province topology of docker/province/ on this one machine, without Docker (issue #13): N Odoo web nodes
# (prefork workers, no cron) behind nginx — the same docker/province/nginx.conf, its upstreams pointed at the
# local nodes —, one cron node (--no-http), one shared filestore (data_dir: attachments and HTTP sessions),
# PostgreSQL primary and, with --replica, the streaming replica of bench/replica.sh for read-only requests.
#
#   bench/run.sh topology [--db province_s1] [--nodes 2] [--workers 2] [--port 8270] [--replica]
#                         [--users 100] [--time 3m] [--voters 50]
#
# It starts everything, checks that the proxy spreads a user's requests over the nodes and that a session
# opened on one node is valid on the others (shared filestore), then runs one level of the load benchmark
# (bench/locustfile.py) through the proxy and writes the report next to the nodes' logs. Everything it started
# is stopped when it ends. nginx comes from Debian (installed on first use).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
ensure_environment >/dev/null
DB=province_s1 NODES=2 WORKERS=2 PORT=8270 REPLICA=0 USERS=100 TIME=3m VOTERS=50 CONF="$UBND_CONF"
while [ $# -gt 0 ]; do
    case "$1" in
        --db) DB=$2; shift ;; --nodes) NODES=$2; shift ;; --workers) WORKERS=$2; shift ;;
        --port) PORT=$2; shift ;; --replica) REPLICA=1 ;; --users) USERS=$2; shift ;;
        --time) TIME=$2; shift ;; --voters) VOTERS=$2; shift ;; --config) CONF=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
command -v nginx >/dev/null || { log "installing nginx (Debian)"; as_root apt-get install -y -qq nginx-light >/dev/null || as_root apt-get install -y -qq nginx >/dev/null; }
OUT="$UBND_ROOT/bench/results/$(date +%Y%m%d-%H%M)-$DB-topology-${NODES}x${WORKERS}$( [ "$REPLICA" = 1 ] && echo -replica || true)"
mkdir -p "$OUT/nginx"
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pkill -f -- "-d $DB --db-filter=\^$DB\\$ " || true  # a worker a master left behind
}
trap cleanup EXIT
EXTRA=()
[ "$REPLICA" = 1 ] && EXTRA+=(--db_replica_host=127.0.0.1 --db_replica_port="${UBND_REPLICA_PORT:-5433}")
. "$UBND_ROOT/bench/load_lib.sh"
prepare_load

web_servers="" ws_servers=""
# the upstream parameters of docker/province/nginx.conf (max_fails, …), applied to each local node
server_params=$(grep -oP '^    server web:8069\K.*' "$UBND_ROOT/docker/province/nginx.conf")
for n in $(seq "$NODES"); do
    http=$((PORT + 2 * n)) gevent=$((PORT + 2 * n + 1))
    log "web node $n: $WORKERS workers on :$http (websocket :$gevent), no cron"
    "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --proxy-mode \
        --http-port="$http" --gevent-port="$gevent" --workers="$WORKERS" --max-cron-threads=0 \
        --limit-time-real=600 --limit-time-cpu=300 --log-level=info --log-handler=werkzeug:WARNING \
        --logfile="$OUT/web$n.log" "${EXTRA[@]}" </dev/null >/dev/null 2>&1 &
    PIDS+=($!)
    web_servers+="    server 127.0.0.1:$http$server_params\n"
    ws_servers+="    server 127.0.0.1:$gevent;\n"
done
log "cron node: 1 cron worker, no HTTP"
"$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --no-http --workers=0 \
    --max-cron-threads=1 --log-level=info --logfile="$OUT/cron.log" </dev/null >/dev/null 2>&1 &
PIDS+=($!)

# docker/province/nginx.conf with its upstreams on the local nodes and its port on $PORT.
sed -e "s|^    server web:8069.*|$web_servers|" -e "s|^    server web:8072;|$ws_servers|" \
    -e "s|listen 80;|listen 127.0.0.1:$PORT;|" "$UBND_ROOT/docker/province/nginx.conf" >"$OUT/nginx/site.conf"
cat >"$OUT/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 4096; }
http {
    log_format upstream '\$upstream_addr \$status \$request_time "\$request"';
    access_log $OUT/nginx/access.log upstream;
    client_body_temp_path $OUT/nginx; proxy_temp_path $OUT/nginx;
    fastcgi_temp_path $OUT/nginx; uwsgi_temp_path $OUT/nginx; scgi_temp_path $OUT/nginx;
    include $OUT/nginx/site.conf;
}
EOF
nginx -t -c "$OUT/nginx/nginx.conf" 2>&1 | tail -1
nginx -c "$OUT/nginx/nginx.conf" -g "daemon off;" &
PIDS+=($!)
wait_http "http://127.0.0.1:$PORT/web/login" "${PIDS[0]}" 180
for _ in $(seq $((NODES * WORKERS * 3))); do curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/web/login?db=$DB"; done

open_sessions "http://127.0.0.1:$PORT" "$USERS" "$OUT/logins.json"
# A session opened through the proxy is valid on every node: the sessions live in the shared filestore.
sid=$(python3 -c "import json;print(next(iter(json.load(open('$SESSIONS')).values())))")
for n in $(seq "$NODES"); do
    uid=$(curl -s -b "session_id=$sid" -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","method":"call","params":{}}' "http://127.0.0.1:$((PORT + 2 * n))/web/session/get_session_info" |
        python3 -c "import json,sys;print((json.load(sys.stdin).get('result') or {}).get('uid'))")
    [ "$uid" != None ] || { echo "the session is not valid on node $n: the filestore is not shared" >&2; exit 1; }
    log "node $n knows the session (uid $uid)"
done

refill_open_work "$USERS"
run_locust "http://127.0.0.1:$PORT" "$USERS" "$OUT/u$USERS" " through the proxy"
printf '{"users": %s, "voters": %s, "think": "%s", "time": "%s", "workers": "%s x %s", "replica": %s, "load_before": %s, "load_after": %s}\n' \
    "$USERS" "$LEVEL_VOTERS" "${THINK_MIN:-5}–${THINK_MAX:-20}" "$TIME" "$NODES" "$WORKERS" "$REPLICA" "$LEVEL_BEFORE" \
    "$LEVEL_AFTER" >"$OUT/u$USERS.json"
# How the proxy spread the requests over the nodes (nginx's access log names the upstream of each).
awk '{print $1}' "$OUT/nginx/access.log" | sort | uniq -c | tee "$OUT/spread.txt"
"$UBND_VENV/bin/python" "$UBND_ROOT/bench/load_report.py" "$OUT/u$USERS" \
    --title "$DB, $NODES web nodes × $WORKERS workers + 1 cron node behind nginx, replica $( [ "$REPLICA" = 1 ] && echo on || echo off ), $TIME" |
    tee "$OUT/report.md"
