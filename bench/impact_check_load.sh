#!/usr/bin/env bash
# Throughput and tail latency of the impact check on an incident with UPDATES (default 1,000)
# timeline updates over 20 services x 5 functions x 3 platforms. wrk runs on the same machine, so
# the service gets the cores wrk leaves it. Median of RUNS (default 5) runs of DURATION each.
#   bench/impact_check_load.sh [RUNS] [DURATION] [CONNECTIONS] [UPDATES]
source "$(dirname "$0")/common.sh"
RUNS="${1:-5}" DURATION="${2:-15s}" CONNECTIONS="${3:-32}" UPDATES="${4:-1000}"
PORT=18091
need wrk wrk
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_bench

DB_NAME=incident_bench QUARKUS_HTTP_PORT=$PORT java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/incident-service/target/quarkus-app/quarkus-run.jar" >/tmp/bench-incident.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done

token=$("$ROOT/bin/dev-token" incident-commander bench@example.com)
incident=$(python3 "$ROOT/bench/make_incident.py" "http://127.0.0.1:$PORT" "$token" "$UPDATES")
echo "Incident $incident with $UPDATES updates loaded" >&2

LUA=$(mktemp --suffix .lua)
cat >"$LUA" <<LUA
-- vary service, platform and instant the way claim intake does
local platforms = {"mobile", "web", "pc", "all"}
local n = 0
request = function()
  n = n + 1
  local service = string.format("svc%02d", n % 20)
  local hour = 10 + (n % 96)
  local day = 15 + math.floor(hour / 24)
  local path = string.format("/api/v1/incidents/$incident/impact/check?service=%s&platform=%s&at=2022-10-%02dT%02d:%02d:00Z",
    service, platforms[(n % 4) + 1], day, hour % 24, n % 60)
  return wrk.format("GET", path)
end
LUA

# warm-up (JIT, caches), not counted
wrk -t2 -c"$CONNECTIONS" -d10s -s "$LUA" "http://127.0.0.1:$PORT" >/dev/null

rps=() p50=() p99=()
for i in $(seq 1 "$RUNS"); do
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "http://127.0.0.1:$PORT")
  rps+=($(echo "$out" | awk '/Requests\/sec/ {print $2}'))
  p50+=($(wrk_percentile_ms "$out" 50))
  p99+=($(wrk_percentile_ms "$out" 99))
  errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  [ -z "$errors" ] || { echo "run $i had non-2xx responses: $errors" >&2; exit 1; }
  echo "run $i: ${rps[-1]} req/s, p50 ${p50[-1]} ms, p99 ${p99[-1]} ms" >&2
done
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)

# The cold path: the first check after a timeline change recomputes the impact from all updates.
cold=()
for i in $(seq 1 "$RUNS"); do
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/incidents/$incident/updates" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"at\":\"2022-10-16T0$i:00:00Z\",\"status\":\"identified\",\"states\":[{\"service\":\"svc0$i\",\"state\":\"degraded\"}]}"
  cold+=($(curl -fs -o /dev/null -w '%{time_total}' \
    "http://127.0.0.1:$PORT/api/v1/incidents/$incident/impact/check?service=svc01&platform=mobile&at=2022-10-16T12:00:00Z" \
    | awk '{printf "%.1f", $1 * 1000}'))
done

echo "| measure | median of $RUNS runs | all runs |"
echo "|---|---|---|"
echo "| requests/s ($CONNECTIONS connections, $DURATION each) | $(printf '%s\n' "${rps[@]}" | median) | ${rps[*]} |"
printf '| p50 latency (ms) | %.2f | %s |\n' "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%.2f ' "${p50[@]}")"
printf '| p99 latency (ms) | %.2f | %s |\n' "$(printf '%s\n' "${p99[@]}" | median)" "$(printf '%.2f ' "${p99[@]}")"
echo "| service RSS after the runs (MiB) | $rss | |"
echo "| first check after a timeline change: impact recomputed from all updates (ms) | $(printf '%s\n' "${cold[@]}" | median) | ${cold[*]} |"
echo
machine_note
