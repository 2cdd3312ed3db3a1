# shellcheck shell=bash
# Shared functions of scripts/setup.sh and scripts/test.sh.
# Source it; do not run it. Every step is idempotent and cheap when already done.

# ---------------------------------------------------------------- settings
UBND_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo19}"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo}"
ODOO_BRANCH="${ODOO_BRANCH:-19.0}"
UBND_CACHE="${UBND_CACHE:-$HOME/.cache/ubnd-eoffice}"
UBND_VENV="${UBND_VENV:-$UBND_CACHE/venv}"
UBND_PYTHON="${UBND_PYTHON:-python3}"
UBND_LOCAL="${UBND_LOCAL:-$UBND_ROOT/.local}"          # gitignored
UBND_CONF="${UBND_CONF:-$UBND_LOCAL/odoo.conf}"
UBND_LOG_DIR="${UBND_LOG_DIR:-$UBND_LOCAL/logs}"
UBND_DATA_DIR="${UBND_DATA_DIR:-$UBND_CACHE/data}"     # Odoo filestore/sessions
UBND_DB="${UBND_DB:-ubnd_demo}"
UBND_HTTP_HOST="${UBND_HTTP_HOST:-127.0.0.1}"
UBND_HTTP_PORT="${UBND_HTTP_PORT:-8069}"
UBND_PG_VERSION="${UBND_PG_VERSION:-15}"
UBND_PG_CLUSTER="${UBND_PG_CLUSTER:-main}"
UBND_PG_HOST="${UBND_PG_HOST:-127.0.0.1}"
UBND_PG_USER="${UBND_PG_USER:-ubnd}"
UBND_PG_PASSWORD="${UBND_PG_PASSWORD:-ubnd}"
UBND_ADMIN_PASSWD="${UBND_ADMIN_PASSWD:-admin}"        # Odoo master password (dev only)
UBND_SKIP_APT="${UBND_SKIP_APT:-0}"

# Debian packages: name -> why
UBND_APT_PACKAGES=(
    postgresql          # database server (PostgreSQL 15 on Debian 12)
    libpq-dev           # build psycopg2
    libldap2-dev        # build python-ldap
    libsasl2-dev        # build python-ldap
    build-essential     # compilers for the sdists above
    python3-dev
    libmagic1           # python-magic
    git curl ca-certificates
    chromium            # Odoo browser tests (HttpCase tours)
    wkhtmltopdf         # PDF reports
    fonts-dejavu-core   # fonts with Vietnamese glyphs for web and PDF
    fonts-liberation2   # Liberation Serif: metric-compatible Times New Roman for Decree 30 documents
    poppler-utils       # pdftotext/pdftoppm: tests read the printed documents
    fonts-noto-core
    softhsm2            # PKCS#11 token for the digital-signature tests (ubnd_digital_signature)
)

# Bumping this forces a reinstall of the Python environment everywhere.
UBND_DEPS_SCHEMA=2

# ---------------------------------------------------------------- helpers
_ubnd_ts() { date +%H:%M:%S; }
log()  { printf '[%s] %s\n' "$(_ubnd_ts)" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$(_ubnd_ts)" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$(_ubnd_ts)" "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root for: $* (run as root or install sudo)"; fi
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"
    elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -u postgres "$@"
    else die "need root or sudo to act as the postgres user"; fi
}

hash_files() {  # sha256 of the given files without comments/blank lines (missing = empty; paths do not count)
    local f
    for f in "$@"; do
        printf -- '--- file\n'
        sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$f" 2>/dev/null || true
    done | sha256sum | cut -c1-64
}

# Run Odoo with the venv's interpreter and our config file.
odoo_cmd() { "$UBND_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$UBND_CONF" "$@"; }

# ---------------------------------------------------------------- apt
ensure_apt_packages() {
    if [ "$UBND_SKIP_APT" = 1 ]; then log "apt: skipped (UBND_SKIP_APT=1)"; return; fi
    command -v dpkg-query >/dev/null 2>&1 || { warn "not a Debian system: install the equivalent of: ${UBND_APT_PACKAGES[*]}"; return; }
    local missing=() p
    for p in "${UBND_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then log "apt: all ${#UBND_APT_PACKAGES[@]} packages present"; return; fi
    log "apt: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        </dev/null >"$UBND_LOG_DIR/apt.log" 2>&1 \
        || { tail -n 30 "$UBND_LOG_DIR/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $UBND_LOG_DIR/apt.log)"; }
}

# ---------------------------------------------------------------- Odoo source
ensure_odoo_src() {
    if [ -f "$ODOO_SRC/odoo-bin" ] && [ -f "$ODOO_SRC/odoo/release.py" ]; then
        local ver
        ver="$(sed -n "s/^version_info = (\([0-9]*\), *\([0-9]*\),.*/\1.\2/p" "$ODOO_SRC/odoo/release.py")"
        [ "$ver" = "19.0" ] || die "ODOO_SRC=$ODOO_SRC is Odoo $ver, this project needs Odoo 19.0"
        log "odoo: source $ODOO_SRC (Odoo $ver)"
        return
    fi
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo checkout (no odoo-bin). Point ODOO_SRC to an Odoo 19.0 source tree."
    fi
    log "odoo: $ODOO_SRC not found; cloning $ODOO_GIT_URL branch $ODOO_BRANCH (shallow)"
    mkdir -p "$(dirname "$ODOO_SRC")" 2>/dev/null || true
    if ! GIT_TERMINAL_PROMPT=0 timeout "${UBND_CLONE_TIMEOUT:-900}" \
            git clone --quiet --depth 1 -b "$ODOO_BRANCH" "$ODOO_GIT_URL" "$ODOO_SRC" </dev/null; then
        rm -rf "$ODOO_SRC" 2>/dev/null || true
        die "Odoo 19 source is missing at ODOO_SRC=$ODOO_SRC and 'git clone --depth 1 -b $ODOO_BRANCH $ODOO_GIT_URL' failed.
       Get an Odoo 19.0 Community checkout onto this machine some other way and set ODOO_SRC=/path/to/it."
    fi
}

# ---------------------------------------------------------------- virtualenv + Python deps
ensure_venv() {
    if [ ! -x "$UBND_VENV/bin/python" ]; then
        command -v "$UBND_PYTHON" >/dev/null 2>&1 || die "$UBND_PYTHON not found (set UBND_PYTHON to a Python 3.11 interpreter)"
        # requirements.txt pins the Python 3.11 versions of Odoo's deps (Debian 12's python3)
        "$UBND_PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
            || die "$UBND_PYTHON is $("$UBND_PYTHON" -V 2>&1); this project's pins need Python 3.11 (set UBND_PYTHON)"
        log "venv: creating $UBND_VENV"
        mkdir -p "$(dirname "$UBND_VENV")"
        "$UBND_PYTHON" -m venv "$UBND_VENV" || die "could not create virtualenv $UBND_VENV"
    fi
    # --build-constraint needs a recent pip (25.3+)
    if ! "$UBND_VENV/bin/pip" install --help 2>/dev/null | grep -q -- '--build-constraint'; then
        log "venv: upgrading pip (need --build-constraint)"
        "$UBND_VENV/bin/python" -m pip install -q --upgrade 'pip>=25.3' || die "could not upgrade pip in $UBND_VENV"
    fi
}

# pip-install Odoo's requirements, Odoo itself (editable) and ours; skipped when
# nothing changed since the last successful run (stamp in the venv).
ensure_python_deps() {
    local stamp="$UBND_VENV/.ubnd-deps.stamp" want
    want="$(hash_files "$ODOO_SRC/requirements.txt" "$ODOO_SRC/setup.py" "$UBND_ROOT/requirements.txt"; \
            printf '%s|%s|%s\n' "$UBND_DEPS_SCHEMA" "$ODOO_SRC" "$("$UBND_VENV/bin/python" -V 2>&1)")"
    want="$(printf '%s' "$want" | sha256sum | cut -c1-64)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
       && "$UBND_VENV/bin/python" -c 'import odoo.release, websocket, holidays, xlsxwriter' 2>/dev/null; then
        log "python: dependencies up to date (stamp $stamp)"
        return
    fi
    mkdir -p "$UBND_CACHE"
    local bc="$UBND_CACHE/build-constraints.txt"
    # cbor2==5.4.2 (Odoo's pin for Py<3.12) has a setup.py importing pkg_resources,
    # removed from setuptools 81: constrain isolated builds.
    printf 'setuptools<81\n' >"$bc"
    local pip=("$UBND_VENV/bin/python" -m pip install --no-input --progress-bar off --build-constraint "$bc")
    local plog="$UBND_LOG_DIR/pip.log"
    : >"$plog"
    log "python: installing Odoo's requirements (log: $plog)"
    # Our requirements.txt wins over Odoo's for every package it names.
    local oreq="$UBND_CACHE/odoo-requirements.filtered.txt"
    filter_odoo_requirements "$ODOO_SRC/requirements.txt" "$UBND_ROOT/requirements.txt" >"$oreq" \
        || die "could not read $ODOO_SRC/requirements.txt"
    "${pip[@]}" -r "$oreq" -c "$UBND_ROOT/requirements.txt" >>"$plog" 2>&1 \
        || { tail -n 40 "$plog" >&2; die "pip install -r $ODOO_SRC/requirements.txt failed (log: $plog)"; }
    log "python: installing Odoo (editable) from $ODOO_SRC"
    # editable_mode=compat: a plain .pth entry instead of setuptools' import
    # finder, whose placeholder entry in odoo.addons.__path__ makes Odoo warn
    # "addons path is not a directory: __editable__...".
    # (Falls back to the default mode if a future setuptools drops compat.)
    "${pip[@]}" -c "$oreq" -c "$UBND_ROOT/requirements.txt" \
        --config-settings editable_mode=compat -e "$ODOO_SRC" >>"$plog" 2>&1 \
    || "${pip[@]}" -c "$oreq" -c "$UBND_ROOT/requirements.txt" \
        -e "$ODOO_SRC" >>"$plog" 2>&1 \
        || { tail -n 40 "$plog" >&2; die "pip install -e $ODOO_SRC failed (log: $plog)"; }
    log "python: installing $UBND_ROOT/requirements.txt"
    "${pip[@]}" -c "$oreq" -r "$UBND_ROOT/requirements.txt" >>"$plog" 2>&1 \
        || { tail -n 40 "$plog" >&2; die "pip install -r requirements.txt failed (log: $plog)"; }
    "$UBND_VENV/bin/python" -m pip check >>"$plog" 2>&1 || warn "pip check reports conflicts (see $plog)"
    "$UBND_VENV/bin/python" -c 'import odoo.release, websocket, holidays, xlsxwriter' \
        || die "python environment is incomplete after install (see $plog)"
    printf '%s\n' "$want" >"$stamp"
    log "python: done"
}

# filter_odoo_requirements ODOO_REQ OUR_REQ: print Odoo's requirements without
# the packages that OUR_REQ names (our pins override Odoo's).
filter_odoo_requirements() {
    "$UBND_VENV/bin/python" - "$1" "$2" <<'EOF'
import re, sys
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
name_re = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
def names(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        m = name_re.match(line.split("#", 1)[0])
        if m:
            out.add(norm(m.group(1)))
    return out
ours = names(sys.argv[2])
for line in open(sys.argv[1], encoding="utf-8"):
    m = name_re.match(line.split("#", 1)[0])
    if m and norm(m.group(1)) in ours:
        sys.stdout.write("# overridden by the project's requirements.txt: " + line)
    else:
        sys.stdout.write(line)
EOF
}

# Where pip put the OCA addons (site-packages/odoo/addons)
oca_addons_dir() {
    "$UBND_VENV/bin/python" - <<'EOF'
import sysconfig, os
p = os.path.join(sysconfig.get_paths()["purelib"], "odoo", "addons")
print(p if os.path.isdir(p) else "")
EOF
}

# ---------------------------------------------------------------- PostgreSQL
pg_port() {  # port of our cluster, from pg_lsclusters
    pg_lsclusters -h 2>/dev/null | awk -v v="$UBND_PG_VERSION" -v c="$UBND_PG_CLUSTER" '$1==v && $2==c {print $3}'
}

ensure_postgres() {
    command -v pg_lsclusters >/dev/null 2>&1 || die "pg_lsclusters not found: is the Debian 'postgresql' package installed?"
    if [ -z "$(pg_port)" ]; then
        log "postgres: creating cluster $UBND_PG_VERSION/$UBND_PG_CLUSTER"
        as_root pg_createcluster "$UBND_PG_VERSION" "$UBND_PG_CLUSTER" >/dev/null \
            || die "pg_createcluster $UBND_PG_VERSION $UBND_PG_CLUSTER failed"
    fi
    if ! pg_lsclusters -h | awk -v v="$UBND_PG_VERSION" -v c="$UBND_PG_CLUSTER" '$1==v && $2==c && $4 ~ /^online/ {f=1} END {exit !f}'; then
        log "postgres: starting cluster $UBND_PG_VERSION/$UBND_PG_CLUSTER"
        as_root pg_ctlcluster "$UBND_PG_VERSION" "$UBND_PG_CLUSTER" start \
            || die "pg_ctlcluster $UBND_PG_VERSION $UBND_PG_CLUSTER start failed (see /var/log/postgresql/)"
    fi
    UBND_PG_PORT="$(pg_port)"
    export UBND_PG_PORT

    for _ in $(seq 1 30); do
        pg_isready -q -h "$UBND_PG_HOST" -p "$UBND_PG_PORT" && break
        sleep 1
    done
    pg_isready -q -h "$UBND_PG_HOST" -p "$UBND_PG_PORT" || die "PostgreSQL does not answer on $UBND_PG_HOST:$UBND_PG_PORT"
    # Dedicated role (Odoo refuses to run as 'postgres'), password auth over TCP.
    local q_user="${UBND_PG_USER//\'/\'\'}" q_pw="${UBND_PG_PASSWORD//\'/\'\'}"
    as_postgres psql -q -X -p "$UBND_PG_PORT" -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL || die "could not create/update PostgreSQL role $UBND_PG_USER"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$q_user') THEN
    CREATE ROLE "$UBND_PG_USER" LOGIN CREATEDB PASSWORD '$q_pw';
  ELSE
    ALTER ROLE "$UBND_PG_USER" LOGIN CREATEDB PASSWORD '$q_pw';
  END IF;
END
\$\$;
SQL
    log "postgres: cluster $UBND_PG_VERSION/$UBND_PG_CLUSTER on $UBND_PG_HOST:$UBND_PG_PORT, role $UBND_PG_USER ready"
}

# psql as our role over TCP (password auth)
upsql() {
    PGPASSWORD="$UBND_PG_PASSWORD" psql -X -q -h "$UBND_PG_HOST" -p "$UBND_PG_PORT" -U "$UBND_PG_USER" "$@"
}

db_exists() {
    [ "$(upsql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${1//\'/\'\'}'")" = 1 ]
}

drop_db() {  # drop_db NAME: database + its filestore
    local db="$1"
    upsql -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "${UBND_DATA_DIR:?}/filestore/$db"
}

# ---------------------------------------------------------------- Odoo config
ensure_odoo_conf() {
    local oca addons_path
    oca="$(oca_addons_dir)"
    addons_path="$ODOO_SRC/addons,$UBND_ROOT/addons"
    [ -n "$oca" ] && addons_path="$addons_path,$oca"
    mkdir -p "$(dirname "$UBND_CONF")" "$UBND_DATA_DIR" "$UBND_LOG_DIR"
    local tmp="$UBND_CONF.tmp.$$"
    cat >"$tmp" <<EOF
; Generated by scripts/lib.sh (ensure_odoo_conf) - do not edit, it is rewritten
; on every run. Override through the environment variables documented in README.md.
[options]
addons_path = $addons_path
data_dir = $UBND_DATA_DIR
admin_passwd = $UBND_ADMIN_PASSWD
db_host = $UBND_PG_HOST
db_port = $UBND_PG_PORT
db_user = $UBND_PG_USER
db_password = $UBND_PG_PASSWORD
http_interface = $UBND_HTTP_HOST
http_port = $UBND_HTTP_PORT
workers = 0
max_cron_threads = 1
proxy_mode = False
list_db = True
log_level = info
EOF
    if [ -f "$UBND_CONF" ] && cmp -s "$tmp" "$UBND_CONF"; then rm -f "$tmp"; else mv "$tmp" "$UBND_CONF"; fi
    log "odoo: config $UBND_CONF (addons_path=$addons_path)"
}

# The load benchmark's own venv (bench/requirements-bench.txt: Locust), apart from Odoo's so that
# Locust's pins never reach the suite; the integration suite smoke-runs the load script with it.
UBND_BENCH_VENV="${UBND_BENCH_VENV:-$UBND_CACHE/bench-venv}"
ensure_bench_venv() {
    local req="$UBND_ROOT/bench/requirements-bench.txt" stamp="$UBND_BENCH_VENV/.ubnd-stamp" want
    want="$(sha256sum "$req" | cut -c1-16)"
    if [ -x "$UBND_BENCH_VENV/bin/locust" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
    log "bench venv: installing $req into $UBND_BENCH_VENV"
    [ -x "$UBND_BENCH_VENV/bin/python" ] || "$UBND_PYTHON" -m venv "$UBND_BENCH_VENV" \
        || die "could not create the bench virtualenv $UBND_BENCH_VENV"
    "$UBND_BENCH_VENV/bin/python" -m pip install -q --no-input --progress-bar off -r "$req" \
        >>"$UBND_LOG_DIR/pip-bench.log" 2>&1 \
        || { tail -n 20 "$UBND_LOG_DIR/pip-bench.log" >&2; die "pip install -r $req failed"; }
    echo "$want" >"$stamp"
}

# Everything both commands need before Odoo can run. The install steps hold
# a lock, so concurrent runs (two clones, CI and a developer) do not both
# pip-install into the shared venv.
ensure_environment() {
    mkdir -p "$UBND_LOG_DIR" "$UBND_CACHE"
    exec 9>"$UBND_CACHE/.setup.lock"
    if ! flock -n 9; then
        log "waiting for another setup/test run to finish installing (lock $UBND_CACHE/.setup.lock)"
        flock 9
    fi
    ensure_apt_packages
    ensure_odoo_src
    ensure_venv
    ensure_python_deps
    ensure_postgres
    flock -u 9
    exec 9>&-
    ensure_odoo_conf
}

# ---------------------------------------------------------------- misc
# The project's addons: every directory of addons/ holding a __manifest__.py
project_modules() {
    local d out=()
    for d in "$UBND_ROOT"/addons/*/__manifest__.py; do
        [ -f "$d" ] && out+=("$(basename "$(dirname "$d")")")
    done
    local IFS=,; printf '%s' "${out[*]}"
}

# Hash of the addons tree (code + data), to know when the demo DB needs -u
addons_hash() {
    (cd "$UBND_ROOT" && find addons -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 \
        | LC_ALL=C sort -z | xargs -0 -r sha256sum) | sha256sum | cut -c1-64
}

free_port() {
    "$UBND_VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_in_use() {  # port_in_use HOST PORT
    "$UBND_VENV/bin/python" -c 'import socket,sys; s=socket.socket(); s.settimeout(1); sys.exit(0 if s.connect_ex((sys.argv[1], int(sys.argv[2])))==0 else 1)' "$1" "$2"
}

http_status() {  # http_status URL -> prints the HTTP status code (000 if no answer)
    curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true
}

# wait_http URL PID TIMEOUT: wait until URL answers 200 while PID is alive
wait_http() {
    local url="$1" pid="$2" timeout="${3:-180}" t0 code
    t0=$(date +%s)
    while :; do
        code="$(http_status "$url")"
        [ "$code" = 200 ] && return 0
        kill -0 "$pid" 2>/dev/null || { warn "server process $pid exited"; return 1; }
        [ $(( $(date +%s) - t0 )) -ge "$timeout" ] && { warn "$url still answers '$code' after ${timeout}s"; return 1; }
        sleep 1
    done
}

# stop_pid PID [NAME]: TERM, wait up to 30 s, then KILL
stop_pid() {
    local pid="$1"
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
}

# Is PID an odoo-bin process?
is_odoo_pid() {
    [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'odoo-bin'
}

# Filtered live view of an Odoo log stream (stdin): drop routine INFO lines,
# keep warnings/errors (with their tracebacks), test progress and summaries.
odoo_log_filter() {
    awk '
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z?]+ / {
        lvl = $4; lg = $6
        show = (lvl != "INFO" && lvl != "DEBUG")
        if (!show && lg ~ /\.tests[.:]/ && ($0 ~ /Starting |skipped /)) show = 1
        if (!show && $0 ~ /(tests when loading database|post-tests in|Modules loaded|modules loaded in|loading [0-9]+ modules|Starting post tests|odoo\.tests\.stats|Module ubnd_[a-z_]+ loaded|Loading language|HTTP service .* running)/) show = 1
        if (show) print; fflush(); next
    }
    { if (show) { print; fflush() } }
    '
}
