#!/usr/bin/env bash
# Private PostgreSQL and Redis servers for the test suite's "at scale" run.
# Sourced by .ci/run (and usable by hand: `source .ci/services.sh; services_start; ...; services_stop`).
# Both listen on 127.0.0.1 only, on free ports, with their data in a temp dir; nothing is
# installed as a system service and nothing outside the temp dir is touched.

services_install() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "services: installing ${missing[*]} from Debian packages"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

services_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

services_start() {
  services_install
  SERVICES_DIR="$(mktemp -d /tmp/qmlsec-ci-services.XXXXXX)"
  chmod 755 "$SERVICES_DIR"
  local pgbin
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  local pg_port redis_port
  pg_port="$(services_free_port)"
  redis_port="$(services_free_port)"
  # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
  mkdir -p "$SERVICES_DIR/pg"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$SERVICES_DIR/pg"; fi
  "${as[@]}" "$pgbin/initdb" -D "$SERVICES_DIR/pg/data" -U qmlsec --auth=trust --no-sync -E UTF8 >"$SERVICES_DIR/initdb.log" 2>&1
  "${as[@]}" "$pgbin/pg_ctl" -D "$SERVICES_DIR/pg/data" -l "$SERVICES_DIR/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $SERVICES_DIR/pg -c fsync=off -c max_connections=200" start >/dev/null
  SERVICES_PG_STOP=("${as[@]}" "$pgbin/pg_ctl" -D "$SERVICES_DIR/pg/data" -m fast -w stop)
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save '' --appendonly no \
    --dir "$SERVICES_DIR" --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export DATABASE_URL="postgres://qmlsec@127.0.0.1:$pg_port/postgres"
  export REDIS_URL="redis://127.0.0.1:$redis_port"
  echo "services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port (data in $SERVICES_DIR)"
}

services_stop() {
  if [ -n "${SERVICES_DIR:-}" ]; then
    if [ -n "${SERVICES_PG_STOP+x}" ]; then "${SERVICES_PG_STOP[@]}" >/dev/null 2>&1 || true; fi
    if [ -f "$SERVICES_DIR/redis.pid" ]; then kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$SERVICES_DIR"
    SERVICES_DIR=""
    echo "services: stopped"
  fi
}
