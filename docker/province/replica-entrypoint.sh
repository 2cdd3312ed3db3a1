#!/bin/bash
# Streaming replica of docker/province/docker-compose.yml: clone the primary once (pg_basebackup -R writes
# standby.signal and primary_conninfo), then run as a hot standby that Odoo's read-only requests use.
set -e
export PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h "$PRIMARY_HOST" -p 5432; do sleep 2; done
    rm -rf "${PGDATA:?}"/*
    PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator -D "$PGDATA" \
        -R -X stream -c fast -C -S odoo_replica
    chown -R postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
fi
exec gosu postgres postgres -c config_file=/etc/postgresql/postgresql.conf
