#!/usr/bin/env bash
# A local streaming replica of the project's PostgreSQL cluster, for the read-replica benchmark (issue #13).
#
#   bench/replica.sh            create (if missing) and start the cluster 15/replica on port 5433, fed by
#                               pg_basebackup from 15/main and kept up to date by streaming replication
#   bench/replica.sh --recreate drop it and take a fresh base backup (after a big data generation this is
#                               faster than letting it replay the WAL)
#   bench/replica.sh --status   primary's pg_stat_replication and the replica's lag
#   bench/replica.sh --drop     stop and remove it
#
# Odoo then runs with   --db_replica_host=127.0.0.1 --db_replica_port=5433   (or db_replica_host/db_replica_port
# in odoo.conf): the requests Odoo marks read-only (web_search_read, web_read, read_group…, /mail/data, and the
# suite's dashboards, statistics and registers marked @api.readonly) open their cursor on the replica, the others
# on the primary. The replica is a hot standby with hot_standby_feedback (long reports are not cancelled by
# vacuum on the primary) and jit = off like the primary should have. Debian's postgresql-common tools
# (pg_createcluster, pg_ctlcluster) and the postgres system user are needed, i.e. root.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
ensure_environment >/dev/null
VERSION="$UBND_PG_VERSION" PRIMARY="$UBND_PG_CLUSTER" NAME="${UBND_REPLICA_CLUSTER:-replica}"
PORT="${UBND_REPLICA_PORT:-5433}"
DATA="/var/lib/postgresql/$VERSION/$NAME"
exists() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$NAME" '$1==v && $2==c {f=1} END {exit !f}'; }
primary_port() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$PRIMARY" '$1==v && $2==c {print $3}'; }

drop() {
    if exists; then
        log "dropping cluster $VERSION/$NAME"
        as_root pg_dropcluster --stop "$VERSION" "$NAME"
    fi
    as_postgres psql -q -X -p "$(primary_port)" -d postgres -c \
        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'ubnd_bench_replica'" \
        >/dev/null
}

status() {
    as_postgres psql -X -p "$(primary_port)" -d postgres -c \
        "SELECT application_name, state, sync_state, replay_lag, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) AS behind FROM pg_stat_replication"
    as_postgres psql -X -p "$PORT" -d postgres -c \
        "SELECT pg_is_in_recovery() AS standby, now() - pg_last_xact_replay_timestamp() AS replay_age"
}

create() {
    log "creating cluster $VERSION/$NAME on port $PORT"
    as_root pg_createcluster "$VERSION" "$NAME" -p "$PORT" >/dev/null
    as_root rm -rf "$DATA"
    log "base backup of $VERSION/$PRIMARY (port $(primary_port)) into $DATA"
    # Local socket, peer authentication as postgres: no password and no new role. -R writes standby.signal and
    # primary_conninfo; the slot keeps the WAL the replica has not replayed yet.
    as_postgres pg_basebackup -p "$(primary_port)" -D "$DATA" -R -X stream -c fast -C -S ubnd_bench_replica
    as_root tee "/etc/postgresql/$VERSION/$NAME/conf.d/ubnd-replica.conf" >/dev/null <<CONF
# bench/replica.sh: hot standby for Odoo's read-only requests
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 30s
jit = off
CONF
}

case "${1:-}" in
    --drop) drop; exit 0 ;;
    --status) status; exit 0 ;;
    --recreate) drop; create ;;
    "") exists || create ;;
    *) echo "usage: $0 [--recreate|--status|--drop]" >&2; exit 2 ;;
esac
as_root pg_ctlcluster "$VERSION" "$NAME" start 2>/dev/null || true
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
status
