#!/usr/bin/env bash
# Benchmarks, run on demand (never part of the test suite):
#   bench/run.sh inbox     leader inbox at 2,000 and 200,000 submissions (ubnd_quyche)
#   bench/run.sh signature sign and validate a 10-page PDF (ubnd_digital_signature; no database)
#   bench/run.sh province [--scale 1] [--seed 13]
#                          province-scale data (issue #13) in the database province_s<scale>, created from a fresh
#                          install of every addon without demo data (bench/province_gen.py)
#   bench/run.sh load [--db province_s1] [--users 25,50,100,200] [--time 5m] [--workers 4] [--replica]
#                          Locust load benchmark of the user journeys against a prefork Odoo (bench/run_load.sh)
#   bench/run.sh replica   a local streaming replica of PostgreSQL on port 5433 (bench/replica.sh)
#   bench/run.sh topology [--nodes 2] [--workers 2] [--replica] [--users 100]
#                          docker/province's topology without Docker: N web nodes + a cron node behind nginx, shared
#                          filestore, one load level through the proxy (bench/topology.sh)
# Each benchmark uses its own database, created once and reused; results are printed as numbers and ratios.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
ensure_environment >/dev/null
which="${1:-inbox}"
case "$which" in
    inbox)
        db=ubnd_bench_inbox
        if ! db_exists "$db"; then
            log "creating $db (ubnd_quyche without demo data)"
            odoo_cmd -d "$db" -i ubnd_quyche --stop-after-init --log-level=warn --http-port="$(free_port)"
        fi
        PYTHONPATH="$ODOO_SRC" "$UBND_VENV/bin/python" -c "
import sys; from odoo.tools import config
config.parse_config(['-c', '$UBND_CONF', '-d', '$db', '--log-level=warn'])
sys.argv = ['bench', '$db']
exec(open('$UBND_ROOT/bench/bench_inbox.py').read())
" ;;
    signature)
        "$UBND_VENV/bin/python" "$UBND_ROOT/bench/bench_signature.py" "${@:2}" ;;
    province)
        scale=0.01; args=("${@:2}")
        for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = --scale ] && scale="${args[$((i + 1))]}"; done
        db="province_s${scale//./_}"
        if ! db_exists "$db"; then
            log "creating $db: every addon, without demo data, Vietnamese (a few minutes)"
            odoo_cmd -d "$db" -i "$(project_modules | tr -d ' ')" --without-demo=all --load-language=vi_VN \
                --stop-after-init --log-level=warn --http-port="$(free_port)"
        fi
        time nice -n 15 "$UBND_VENV/bin/python" "$UBND_ROOT/bench/province_gen.py" --config "$UBND_CONF" --db "$db" "${@:2}" ;;
    load)
        "$UBND_ROOT/bench/run_load.sh" "${@:2}" ;;
    replica)
        "$UBND_ROOT/bench/replica.sh" "${@:2}" ;;
    topology)
        "$UBND_ROOT/bench/topology.sh" "${@:2}" ;;
    *) echo "unknown benchmark: $which" >&2; exit 2 ;;
esac
