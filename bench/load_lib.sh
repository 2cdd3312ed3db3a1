# Shared by bench/run_load.sh (one Odoo) and bench/topology.sh (N nodes behind nginx): the Locust venv, the
# generated province's manifest, the morning's sessions and one measured load level. Sourced after scripts/lib.sh,
# with DB, CONF, TIME and VOTERS set.

# BENCH_VENV, MANIFEST, SESSIONS for $DB; jit = off, as the scaling guide recommends (JIT compiled some of the
# suite's large plans for ~0.5 s, no gain).
prepare_load() {
    ensure_bench_venv
    BENCH_VENV="$UBND_BENCH_VENV"
    MANIFEST="$HOME/.cache/ubnd-eoffice/bench/$DB.json"
    [ -f "$MANIFEST" ] || die "no manifest $MANIFEST: generate the data first (bench/run.sh province)"
    SESSIONS="$HOME/.cache/ubnd-eoffice/bench/$DB.sessions.json"
    upsql -d postgres -c "ALTER DATABASE \"$DB\" SET jit = off"
}

# open_sessions HOST USERS OUT_JSON: the morning's logins, once, outside the measured levels (bench/sessions.py);
# the virtual users resume these sessions. The login figures go to OUT_JSON.
open_sessions() {
    log "opening the sessions of up to $2 users and $VOTERS voters"
    PROVINCE_MANIFEST="$MANIFEST" "$BENCH_VENV/bin/python" "$UBND_ROOT/bench/sessions.py" --host "$1" \
        --users "$2" --voters "$VOTERS" --out "$SESSIONS" | tee "$3"
}

# refill_open_work USERS: the dossiers, tasks and open votes the journeys consume; sets LEVEL_VOTERS (at most
# the members of the open sittings).
refill_open_work() {
    log "refilling the open work for $1 users"
    "$UBND_VENV/bin/python" "$UBND_ROOT/bench/province_gen.py" --config "$CONF" --db "$DB" --open-work-only \
        --voters "$VOTERS" --scale "$(python3 -c "import json;print(json.load(open('$MANIFEST'))['scale'])")" >/dev/null
    LEVEL_VOTERS=$(python3 -c "import json;m=json.load(open('$MANIFEST'));print(min($VOTERS, sum(len(s['voters']) for s in m.get('sessions', []))))")
}

# run_locust HOST USERS PREFIX [WHERE]: Locust headless for $TIME (statistics reset once every user is spawned)
# into PREFIX_*.csv, with the machine's load average before and after (LEVEL_BEFORE, LEVEL_AFTER).
run_locust() {
    local host=$1 users=$2 prefix=$3 where=${4:-}
    LEVEL_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
    log "$users users (+$LEVEL_VOTERS voters) for $TIME$where (load average $LEVEL_BEFORE)"
    PROVINCE_MANIFEST="$MANIFEST" VOTERS="$LEVEL_VOTERS" LOAD_SESSIONS="$SESSIONS" "$BENCH_VENV/bin/locust" \
        -f "$UBND_ROOT/bench/locustfile.py" --host "$host" --headless -u "$((users + LEVEL_VOTERS))" \
        -r "$(( (users + LEVEL_VOTERS) / 10 + 1 ))" -t "$TIME" --reset-stats --csv "$prefix" --only-summary \
        >"$prefix.log" 2>&1 || true
    LEVEL_AFTER=$(cut -d' ' -f1 /proc/loadavg)
}
