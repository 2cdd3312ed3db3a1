#!/usr/bin/env bash
# One command for a new machine: installs what is missing (Debian packages,
# Odoo 19 source, virtualenv, Python deps, PostgreSQL cluster + role), creates
# the demo database and starts Odoo on it.
#
#   scripts/setup.sh            set up, then run Odoo in the foreground (Ctrl-C stops it)
#   scripts/setup.sh --daemon   set up, start Odoo in the background, wait until it answers
#   scripts/setup.sh --stop     stop the background Odoo started with --daemon
#   scripts/setup.sh --status   tell whether the background Odoo runs
#   scripts/setup.sh --no-start set up only (environment + demo database)
#
# Re-running is safe and fast: every step checks first and skips what is done.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=foreground
for arg in "$@"; do
    case "$arg" in
        -d|--daemon) MODE=daemon ;;
        --stop) MODE=stop ;;
        --status) MODE=status ;;
        --no-start) MODE=nostart ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $arg (see --help)" ;;
    esac
done

# The demo database and port are machine-wide, so is the pid file: --stop
# works from any clone.
mkdir -p "$UBND_CACHE/run"
PIDFILE="$UBND_CACHE/run/odoo-$UBND_DB.pid"
SERVER_LOG="$UBND_LOG_DIR/odoo-$UBND_DB.log"
URL="http://$UBND_HTTP_HOST:$UBND_HTTP_PORT"
[ "$UBND_HTTP_HOST" = 0.0.0.0 ] && URL="http://127.0.0.1:$UBND_HTTP_PORT"

running_pid() {
    local pid
    pid="$(cat "$PIDFILE" 2>/dev/null || true)"
    if is_odoo_pid "$pid"; then printf '%s' "$pid"; fi
}

do_stop() {
    local pid
    pid="$(running_pid)"
    if [ -z "$pid" ]; then log "odoo: no background server running for $UBND_DB"; rm -f "$PIDFILE"; return 0; fi
    log "odoo: stopping server (pid $pid)"
    stop_pid "$pid"
    rm -f "$PIDFILE"
    log "odoo: stopped"
}

print_access() {
    cat <<EOF

  Odoo (database $UBND_DB) is at $URL/web/login
  Administrator: admin / admin
  Demo logins (password = login; roles in README.md#demo-logins):
EOF
    grep -v '^[[:space:]]*#' "$UBND_ROOT/tests/demo_logins.txt" | grep -v '^[[:space:]]*$' \
        | paste -sd' ' | fold -s -w 76 | sed 's/^/    /'
    echo
}

case "$MODE" in
    stop) do_stop; exit 0 ;;
    status)
        pid="$(running_pid)"
        if [ -n "$pid" ]; then log "odoo: running (pid $pid), $URL/web/login answers $(http_status "$URL/web/login")"; exit 0
        else log "odoo: not running"; exit 3; fi ;;
esac

T0=$(date +%s)
ensure_environment

# ---------------------------------------------------------------- demo database
MODULES="$(project_modules)"
[ -n "$MODULES" ] || die "no addon found under $UBND_ROOT/addons"
STAMP="$UBND_CACHE/stamps/db-$UBND_DB.addons"
mkdir -p "$(dirname "$STAMP")"
WANT="$(printf '%s|%s|%s' "$(addons_hash)" "$MODULES" "$(cat "$UBND_VENV/.ubnd-deps.stamp")" | sha256sum | cut -c1-64)"

run_odoo_init() {  # run_odoo_init LOGFILE ARGS...: one --stop-after-init run, fail on errors
    local logf="$1"; shift
    local rc=0
    set +e
    odoo_cmd -d "$UBND_DB" --db-filter="^${UBND_DB}\$" --http-port="$(free_port)" --max-cron-threads=0 \
        --stop-after-init "$@" 2>&1 | tee "$logf" | odoo_log_filter
    rc=${PIPESTATUS[0]}
    set -e
    local bad
    bad="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |not installable, skipped|invalid module names|Some modules are not loaded' "$logf" | head -n 20 || true)"
    if [ "$rc" -ne 0 ] || [ -n "$bad" ]; then
        [ -n "$bad" ] && printf '%s\n' "$bad" >&2
        die "Odoo could not install/update the addons in $UBND_DB (exit $rc). Full log: $logf"
    fi
}

if ! db_exists "$UBND_DB"; then
    # Stop a stale background server first: it may hold the port.
    [ -n "$(running_pid)" ] && do_stop
    log "demo db: creating $UBND_DB with demo data, vi_VN, modules $MODULES (takes a few minutes)"
    run_odoo_init "$UBND_LOG_DIR/setup-$UBND_DB-init.log" \
        -i "$MODULES" --with-demo --load-language=vi_VN
    printf '%s\n' "$WANT" >"$STAMP"
    log "demo db: $UBND_DB created"
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    # A running server must not hold the registry while modules are updated.
    [ -n "$(running_pid)" ] && do_stop
    log "demo db: addons changed since last update: updating $MODULES in $UBND_DB"
    # -i installs modules added since creation, -u upgrades the installed ones
    run_odoo_init "$UBND_LOG_DIR/setup-$UBND_DB-update.log" \
        -i "$MODULES" -u "$MODULES" --load-language=vi_VN
    printf '%s\n' "$WANT" >"$STAMP"
    log "demo db: $UBND_DB updated"
else
    log "demo db: $UBND_DB exists and is up to date (never dropped by this script)"
fi
log "setup done in $(( $(date +%s) - T0 ))s"

# ---------------------------------------------------------------- start Odoo
[ "$MODE" = nostart ] && exit 0

pid="$(running_pid)"
if [ -n "$pid" ]; then
    if [ "$MODE" = daemon ] && [ "$(http_status "$URL/web/login")" = 200 ]; then
        log "odoo: already running (pid $pid)"
        print_access
        exit 0
    fi
    do_stop
fi
if port_in_use 127.0.0.1 "$UBND_HTTP_PORT"; then
    die "port $UBND_HTTP_PORT is already in use by another process: stop it or set UBND_HTTP_PORT"
fi

SERVE=(-d "$UBND_DB" --db-filter="^${UBND_DB}\$")
if [ "$MODE" = daemon ]; then
    log "odoo: starting in the background (log: $SERVER_LOG)"
    nohup "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$UBND_CONF" "${SERVE[@]}" \
        --logfile="$SERVER_LOG" </dev/null >>"$SERVER_LOG.stdout" 2>&1 &
    pid=$!
    disown "$pid" 2>/dev/null || true
    printf '%s\n' "$pid" >"$PIDFILE"
    if ! wait_http "$URL/web/login" "$pid" "${UBND_START_TIMEOUT:-180}"; then
        tail -n 30 "$SERVER_LOG" >&2 2>/dev/null || true
        stop_pid "$pid"; rm -f "$PIDFILE"
        die "Odoo did not come up on $URL (log: $SERVER_LOG)"
    fi
    log "odoo: running (pid $pid, pid file $PIDFILE); stop it with: scripts/setup.sh --stop"
    print_access
else
    print_access
    log "odoo: starting in the foreground (Ctrl-C to stop)"
    exec "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$UBND_CONF" "${SERVE[@]}"
fi
