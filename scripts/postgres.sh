#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the store tests: private port on 127.0.0.1, trust auth,
# everything (data, socket, log) inside one temporary folder that `stop` removes.
#
#   eval "$(scripts/postgres.sh start)"   # exports RETICLE_TEST_POSTGRES and RETICLE_PG_DIR
#   dotnet test tests/Reticle.Store.Tests
#   scripts/postgres.sh stop              # stops the cluster named by RETICLE_PG_DIR and removes it
#
# Only the export lines go to stdout; progress and errors go to stderr.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DIR_PREFIX="reticle-pg."

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

# initdb and postgres refuse to run as root: as root (CI), run them as the postgres OS user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A port nothing listens on, starting at a random point so parallel runs rarely pick the same one.
free_port() {
  local offset port i
  offset=$((RANDOM % 900))
  for i in $(seq 0 899); do
    port=$((55000 + (offset + i) % 900))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free TCP port in 55000-55899 on 127.0.0.1"
}

start() {
  [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 binaries not found in $PG_BIN (install postgresql-15, or set PG_BIN)"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user to own the cluster"
  fi

  local dir port started=false
  dir="$(mktemp -d "${TMPDIR:-/tmp}/${DIR_PREFIX}XXXXXX")"
  # On any failure below: stop what was started and leave nothing behind.
  trap 'status=$?; if [ "$status" -ne 0 ]; then
          if [ "$started" = true ]; then as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
          if [ -f "$dir/postgres.log" ]; then echo "postgres.sh: last lines of $dir/postgres.log:" >&2; tail -n 20 "$dir/postgres.log" >&2 || true; fi
          rm -rf "$dir"
        fi' EXIT
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  cd "$dir"  # the owner must be able to read its working directory

  as_owner "$PG_BIN/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  port="$(free_port)"
  # Durability is pointless for a throwaway cluster; turning it off makes CREATE DATABASE per test cheap.
  started=true
  as_owner "$PG_BIN/pg_ctl" --pgdata="$dir/data" --log="$dir/postgres.log" --wait --timeout=60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || die "pg_ctl start failed (port $port)"

  local tries=0
  until "$PG_BIN/pg_isready" --host=127.0.0.1 --port="$port" --username=postgres --quiet; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || die "PostgreSQL did not become ready on 127.0.0.1:$port within 30 s"
    sleep 0.5
  done

  trap - EXIT
  echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (folder $dir)" >&2
  printf "export RETICLE_TEST_POSTGRES='Host=127.0.0.1;Port=%s;Username=postgres;Database=postgres'\n" "$port"
  printf "export RETICLE_PG_DIR='%s'\n" "$dir"
}

stop() {
  local dir="${RETICLE_PG_DIR:-}"
  [ -n "$dir" ] || die "RETICLE_PG_DIR is not set: nothing to stop (start with: eval \"\$(scripts/postgres.sh start)\")"
  # Refuse to delete anything that is not a folder this script made.
  case "$(basename "$dir")" in
    "$DIR_PREFIX"*) ;;
    *) die "RETICLE_PG_DIR=$dir is not a folder made by postgres.sh start; refusing to remove it" ;;
  esac
  if [ ! -d "$dir" ]; then
    echo "postgres.sh: $dir is already gone; nothing to stop" >&2
    return 0
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_owner "$PG_BIN/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop >&2) \
      || die "pg_ctl stop failed; the cluster in $dir is left as it is (see $dir/postgres.log)"
  fi
  rm -rf "$dir"
  echo "postgres.sh: stopped and removed $dir" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: scripts/postgres.sh start|stop" ;;
esac
