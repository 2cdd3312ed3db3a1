#!/usr/bin/env bash
# Benchmarks, run on demand (never part of the test suite):
#   bench/run.sh inbox     leader inbox at 2,000 and 200,000 submissions (ubnd_quyche)
#   bench/run.sh signature sign and validate a 10-page PDF (ubnd_digital_signature; no database)
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
    *) echo "unknown benchmark: $which" >&2; exit 2 ;;
esac
