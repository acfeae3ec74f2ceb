# Services the test suite needs, from Debian's packages, on loopback only.
# Sourced by .ci/run; also usable by hand: `source .ci/services.sh; start_services`.

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_postgres() {
  apt_install postgresql
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=${EVENTWIRE_PG_PORT:-$(free_port)}
  PG_DIR=$(mktemp -d /tmp/eventwire-pg.XXXXXX)
  chown postgres "$PG_DIR"
  su postgres -s /bin/sh -c "$bin/initdb -D $PG_DIR/data -A trust -U postgres" >/dev/null
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w \
      -o '-h 127.0.0.1 -p $port -k $PG_DIR' start" >/dev/null
  su postgres -s /bin/sh -c "$bin/createdb -h 127.0.0.1 -p $port eventwire_test"
  export EVENTWIRE_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/eventwire_test"
  export PG_BIN="$bin" PG_DIR
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

start_browser() {
  apt_install chromium
}

start_services() {
  start_postgres
  start_browser
}

stop_services() {
  stop_postgres
}
