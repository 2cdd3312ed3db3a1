#!/usr/bin/env bash
# The one test command.
#
#   scripts/test.sh                       all addons of addons/, all their tests + tests/ suite
#   scripts/test.sh ubnd_quyche           one addon (comma-separate several)
#   scripts/test.sh ubnd_quyche /ubnd_quyche:TestDelegation
#                                         ...with an explicit Odoo --test-tags spec
#   options: --keep-db (do not drop the test database), --no-integration
#
# It sets up what is missing (same steps as scripts/setup.sh, without the demo
# database), creates a throwaway database, installs the addons with demo data
# and vi_VN, runs their Odoo tests (at_install + post_install, browser tours
# included), then starts Odoo on that database and runs the repo-root tests/
# suite against it. The throwaway database is dropped at the end.
#
# The last line printed is "N passed, N failed". Exit status is non-zero when
# anything failed, the addons did not install cleanly, no Odoo test ran, or a
# browser test was skipped.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODULES=""
TAGS=""
KEEP_DB=0
INTEGRATION=1
for arg in "$@"; do
    case "$arg" in
        --keep-db) KEEP_DB=1 ;;
        --no-integration) INTEGRATION=0 ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
        *) if [ -z "$MODULES" ]; then MODULES="$arg"
           elif [ -z "$TAGS" ]; then TAGS="$arg"
           else echo "too many arguments (see --help)" >&2; exit 2; fi ;;
    esac
done

# ---------------------------------------------------------------- bookkeeping
T0=$(date +%s)
RUN_ID="$(date +%Y%m%d-%H%M%S)-$$"
TEST_DB=""
SERVER_PID=""
SUMMARY_DONE=0
CLEANED=0
GATES=()                       # infrastructure/gate failures, each counts as 1 failed
ODOO_RUN=0 ODOO_FAILED=0 ODOO_SKIPPED=0
INT_RUN=0 INT_FAILED=0 INT_SKIPPED=0
mkdir -p "$UBND_LOG_DIR"
LOG="$UBND_LOG_DIR/test-$RUN_ID.log"
SERVER_LOG="$UBND_LOG_DIR/test-$RUN_ID-server.log"
INT_LOG="$UBND_LOG_DIR/test-$RUN_ID-integration.log"
INT_JSON="$UBND_LOG_DIR/test-$RUN_ID-integration.json"

gate() { GATES+=("$1"); printf '[%s] FAIL: %s\n' "$(date +%H:%M:%S)" "$1" >&2; }

cleanup() {
    [ "$CLEANED" = 1 ] && return
    CLEANED=1
    if [ -n "$SERVER_PID" ]; then stop_pid "$SERVER_PID"; SERVER_PID=""; fi
    if [ -n "$TEST_DB" ] && [ -n "${UBND_PG_PORT:-}" ]; then
        if [ "$KEEP_DB" = 1 ]; then log "kept test database $TEST_DB (--keep-db)"
        else drop_db "$TEST_DB"; log "dropped test database $TEST_DB"; fi
    fi
}

print_summary() {
    local passed=$(( ODOO_RUN - ODOO_FAILED + INT_RUN - INT_FAILED ))
    local failed=$(( ODOO_FAILED + INT_FAILED + ${#GATES[@]} ))
    echo
    echo "==================== summary ===================="
    echo "Odoo tests       : $ODOO_RUN run, $ODOO_FAILED failed (failures + errors), $ODOO_SKIPPED skipped"
    echo "Integration tests: $INT_RUN run, $INT_FAILED failed, $INT_SKIPPED skipped"
    if [ ${#GATES[@]} -gt 0 ]; then
        echo "Checks failed    : ${#GATES[@]} (each counted as 1 failed)"
        local g; for g in "${GATES[@]}"; do echo "  - $g"; done
    fi
    if [ -f "$LOG" ]; then echo "Logs             : $LOG"; fi
    echo "Duration         : $(( $(date +%s) - T0 ))s"
    echo "================================================="
    SUMMARY_DONE=1
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

on_exit() {
    local rc=$?
    trap - EXIT INT TERM
    cleanup
    if [ "$SUMMARY_DONE" = 0 ]; then
        [ ${#GATES[@]} -eq 0 ] && GATES+=("test run aborted (exit $rc) before it finished; see messages above")
        print_summary
        exit 1
    fi
}
trap on_exit EXIT
trap 'gate "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------- environment
# ensure_environment dies (exit 1) on failure; the EXIT trap reports it.
ensure_environment || exit 1

ALL_MODULES="$(project_modules)"
if [ -z "$MODULES" ]; then MODULES="$ALL_MODULES"; fi
MODULES="${MODULES// /}"
IFS=, read -r -a MOD_ARR <<<"$MODULES"
[ ${#MOD_ARR[@]} -gt 0 ] || { gate "no addon to test under $UBND_ROOT/addons"; exit 1; }
for m in "${MOD_ARR[@]}"; do
    [ -f "$UBND_ROOT/addons/$m/__manifest__.py" ] || { gate "unknown addon '$m' (not in $UBND_ROOT/addons)"; exit 1; }
done
if [ -z "$TAGS" ]; then TAGS="$(printf '/%s,' "${MOD_ARR[@]}")"; TAGS="${TAGS%,}"; fi

# Drop throwaway databases left by killed runs (their pid is in the name).
for db in $(upsql -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'ubnd\_test\_%'"); do
    pid="$(printf '%s' "$db" | sed -n 's/^ubnd_test_\([0-9]*\)_.*/\1/p')"
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
        log "dropping stale test database $db"
        drop_db "$db"
    fi
done

TEST_DB="ubnd_test_$$_$(date +%s)"
TEST_PORT="$(free_port)"
log "test database $TEST_DB, modules $MODULES, test tags $TAGS, port $TEST_PORT"
log "full Odoo log: $LOG"

# ---------------------------------------------------------------- Odoo tests
timeout --kill-after=60 "${UBND_TEST_TIMEOUT:-3600}" \
    "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$UBND_CONF" \
    -d "$TEST_DB" --db-filter="^${TEST_DB}\$" \
    --http-port="$TEST_PORT" --workers=0 --max-cron-threads=0 \
    -i "$MODULES" --with-demo --load-language=vi_VN \
    --test-enable --test-tags="$TAGS" --stop-after-init \
    </dev/null 2>&1 | tee "$LOG" | odoo_log_filter
ODOO_RC=${PIPESTATUS[0]}

eval "$("$UBND_VENV/bin/python" "$UBND_ROOT/scripts/odoo_log_report.py" "$LOG" --modules "$MODULES")" \
    || { gate "could not parse the Odoo log $LOG"; exit 1; }
ODOO_RUN=$ODOO_TESTS_RUN
ODOO_FAILED=$ODOO_TESTS_FAILED_TOTAL
log "Odoo result line(s): ${ODOO_RESULT_RAW:-<none>}"

if [ "$ODOO_RC" = 124 ] || [ "$ODOO_RC" = 137 ]; then
    gate "Odoo test run timed out after ${UBND_TEST_TIMEOUT:-3600}s"
elif [ "$ODOO_RC" -ne 0 ] && [ "$ODOO_FAILED" -eq 0 ]; then
    gate "Odoo exited with status $ODOO_RC"
fi
[ "$ODOO_RESULT_LINES" -gt 0 ] || gate "Odoo logged no test result line ('... tests when loading database'): install or startup failed"
if [ "$ODOO_RESULT_LINES" -gt 0 ] && [ "$ODOO_RUN" -eq 0 ]; then gate "no Odoo test ran (tags $TAGS)"; fi
if [ "$ODOO_BROWSER_SKIPS_COUNT" -gt 0 ]; then
    printf '%s\n' "$ODOO_BROWSER_SKIPS" | head -n 10 | sed 's/^/      /' >&2
    gate "browser test(s) skipped or browser unavailable ($ODOO_BROWSER_SKIPS_COUNT log line(s), shown above)"
fi
if [ "$ODOO_UNEXPECTED_ERRORS_COUNT" -gt 0 ]; then
    printf '%s\n' "$ODOO_UNEXPECTED_ERRORS" | head -n 10 | cut -c1-400 | sed 's/^/      /' >&2
    gate "$ODOO_UNEXPECTED_ERRORS_COUNT ERROR/CRITICAL log line(s) outside test results (install error, or a server error during tests; shown above)"
fi
# Errors logged by a test's own loggers (e.g. "<test>.browser: FAILED: ... Tour")
# detail a failing test; when no test failed they are a problem of their own.
if [ "$ODOO_TEST_LOGGER_ERRORS_COUNT" -gt 0 ] && [ "$ODOO_FAILED" -eq 0 ]; then
    printf '%s\n' "$ODOO_TEST_LOGGER_ERRORS" | head -n 10 | cut -c1-400 | sed 's/^/      /' >&2
    gate "$ODOO_TEST_LOGGER_ERRORS_COUNT ERROR line(s) logged by tests that all passed (shown above)"
fi
if [ "$ODOO_BAD_WARNINGS_COUNT" -gt 0 ]; then
    printf '%s\n' "$ODOO_BAD_WARNINGS" | head -n 10 | cut -c1-400 | sed 's/^/      /' >&2
    gate "addon(s) not loaded ($ODOO_BAD_WARNINGS_COUNT warning(s), shown above)"
fi

# Are the requested addons installed?
INSTALLED_OK=0
if db_exists "$TEST_DB"; then
    states="$(upsql -d "$TEST_DB" -tAc "SELECT name || '=' || state FROM ir_module_module WHERE name = ANY(string_to_array('$MODULES', ','))" 2>/dev/null)"
    notok=""
    for m in "${MOD_ARR[@]}"; do
        grep -qx "$m=installed" <<<"$states" || notok="$notok $m($(grep "^$m=" <<<"$states" | cut -d= -f2 || true))"
    done
    if [ -z "$notok" ]; then INSTALLED_OK=1; else gate "addon(s) not installed:$notok"; fi
else
    gate "test database $TEST_DB was not created"
fi

# ---------------------------------------------------------------- integration suite (tests/)
if [ "$INTEGRATION" = 1 ] && [ "$INSTALLED_OK" = 1 ]; then
    ensure_bench_venv || exit 1
    INT_PORT="$(free_port)"
    log "starting Odoo on $TEST_DB at http://127.0.0.1:$INT_PORT for the tests/ suite (log: $SERVER_LOG)"
    "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$UBND_CONF" \
        -d "$TEST_DB" --db-filter="^${TEST_DB}\$" --http-interface=127.0.0.1 \
        --http-port="$INT_PORT" --workers=0 --max-cron-threads=0 \
        --logfile="$SERVER_LOG" </dev/null >/dev/null 2>&1 &
    SERVER_PID=$!
    if wait_http "http://127.0.0.1:$INT_PORT/web/login" "$SERVER_PID" 180; then
        log "running tests/ (log: $INT_LOG)"
        UBND_URL="http://127.0.0.1:$INT_PORT" UBND_DB="$TEST_DB" UBND_MODULES="$MODULES" \
        UBND_BENCH_VENV="$UBND_BENCH_VENV" UBND_ADMIN_LOGIN=admin UBND_ADMIN_PASSWORD=admin \
            "$UBND_VENV/bin/python" "$UBND_ROOT/scripts/run_integration.py" --json "$INT_JSON" \
            </dev/null 2>&1 | tee "$INT_LOG"
        if [ -s "$INT_JSON" ]; then
            read -r INT_RUN INT_FAILED INT_SKIPPED < <("$UBND_VENV/bin/python" -c \
                'import json,sys; d=json.load(open(sys.argv[1])); print(d["run"], d["failed"], d["skipped"])' "$INT_JSON")
            [ "$INT_RUN" -gt 0 ] || gate "no integration test ran (tests/)"
        else
            gate "integration runner crashed (see $INT_LOG)"
        fi
    else
        tail -n 20 "$SERVER_LOG" >&2 2>/dev/null || true
        gate "Odoo server for the integration suite did not start (log: $SERVER_LOG)"
    fi
    stop_pid "$SERVER_PID"; SERVER_PID=""
elif [ "$INTEGRATION" = 1 ]; then
    gate "integration suite (tests/) not run: the addons did not install"
else
    log "integration suite skipped (--no-integration)"
fi

# ---------------------------------------------------------------- result
cleanup
print_summary
