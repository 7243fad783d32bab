# Shared helpers of the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JWT_PUBLIC_KEY_LOCATION="$ROOT/dev-keys/dev-jwt-public.pem"
export SUITE_SERVICE_TOKEN_DEV_SIGNING_KEY="$ROOT/dev-keys/dev-jwt-private.pem"
export ACCOUNT_KEYS_DIR="$ROOT/dev-keys/account-keys"
export ACCOUNT_HOLDERS_FILE="${ACCOUNT_HOLDERS_FILE:-$ROOT/dev-keys/demo-bank-accounts.csv}"
# the keys above are the public development ones, which the services trust only in this profile
export QUARKUS_PROFILE="${QUARKUS_PROFILE:-prod,dev-keys}"
# every request of a benchmark comes from this one address: the per-client rate limits would be the measure
export SUITE_RATE_LIMIT_ENABLED="${SUITE_RATE_LIMIT_ENABLED:-false}"
export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}"

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; fi
}

recreate_db() {
  psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -qc "drop database if exists $1 with (force)" >/dev/null
  psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -qc "create database $1" >/dev/null
}

build_jars() {
  if [ "${SKIP_BUILD:-false}" != true ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

# This machine is shared: the same code measures up to twice as fast on a quiet day. A fixed piece of
# single-core work, timed when the results are printed, tells a reader how fast the machine was.
cpu_calibration_ms() {
  local t0; t0=$(now_ms); head -c 512M /dev/zero | sha256sum >/dev/null; echo $(( $(now_ms) - t0 ))
}

machine_note() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);"\
       "$(java -version 2>&1 | head -1); PostgreSQL $(psql -h "$DB_HOST" -U postgres -tAc 'show server_version'); $(date -u +%Y-%m-%d);"\
       "CPU calibration (sha256 of 512 MiB, lower is faster): $(cpu_calibration_ms) ms"
}

now_ms() { date +%s%3N; }

# A latency percentile from wrk --latency output, in milliseconds: wrk_percentile_ms "$out" 99
wrk_percentile_ms() {
  echo "$1" | awk -v p="$2%" '$1 == p {print $2}' \
    | sed -E 's/([0-9.]+)us/\1\/1000/; s/([0-9.]+)ms/\1/; s/([0-9.]+)s$/\1*1000/' | bc -l
}

# incident-service with the demo data (the 2022 data-center fire), on database $1 and port $2,
# logging to $3; sets incident_pid. demo_fire PORT waits until it answers and prints the fire's id.
start_incident_demo() {
  DB_NAME="$1" QUARKUS_HTTP_PORT="$2" DEMO_DATA=true \
    java -jar "$ROOT/incident-service/target/quarkus-app/quarkus-run.jar" >"$3" 2>&1 &
  incident_pid=$!
}
demo_fire() {
  local incidents="http://127.0.0.1:$1/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z"
  until curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done
  until [ "$(curl -fs "$incidents" | jq '.items | length')" -ge 1 ] 2>/dev/null; do sleep 0.2; done
  curl -fs "$incidents" | jq -r '.items[0].id'
}

# bench/fake_app_stores.py on port $1 (answers $2 seconds late, 429 above $3 calls/s per endpoint), its
# test-only Apple signing root written to $4/apple-root-test-only.cer; sets stores_pid and
# apple_trust_env, the variables that make entitlement-service verify what the fake signs (renewal
# dates, notifications). The fake signs with the cryptography package: the image's Python has it, else Debian's.
start_fake_stores() {
  local python=python3
  if ! python3 -c 'import cryptography' 2>/dev/null; then
    /usr/bin/python3 -c 'import cryptography' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-cryptography >/dev/null; }
    python=/usr/bin/python3
  fi
  rm -f "$4/apple-root-test-only.cer"
  FAKE_APPLE_ROOT_FILE="$4/apple-root-test-only.cer" "$python" "$ROOT/bench/fake_app_stores.py" "$1" "$2" "$3" &
  stores_pid=$!
  until [ -s "$4/apple-root-test-only.cer" ]; do sleep 0.1; done
  apple_trust_env=(APPLE_ROOT_CERTIFICATES="$4/apple-root-test-only.cer" APPLE_APP_APPLE_ID=1234567890
                   ENTITLEMENT_STORES_APPLE_NOTIFICATION_ONLINE_CHECKS=false)
}
