#!/usr/bin/env bash
# JVM-mode time from process start to ready (/q/health/ready answers 200) and resident memory
# right after, for each service; median of RUNS (default 5) starts.
#   bench/startup.sh [RUNS]
source "$(dirname "$0")/common.sh"
RUNS="${1:-5}"
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1

echo "| service | start to ready, median (ms) | all runs (ms) | RSS after ready, median (MiB) |"
echo "|---|---|---|---|"
for svc in incident entitlement payout; do
  port=18090
  times=() rss=()
  for _ in $(seq 1 "$RUNS"); do
    start=$(now_ms)
    DB_NAME="$svc" QUARKUS_HTTP_PORT=$port java -jar "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" >/dev/null 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "$svc-service died" >&2; exit 1; }
      sleep 0.01
    done
    times+=($(( $(now_ms) - start )))
    rss+=($(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status))
    kill $pid; wait $pid 2>/dev/null || true
  done
  echo "| $svc-service | $(printf '%s\n' "${times[@]}" | median) | ${times[*]} | $(printf '%s\n' "${rss[@]}" | median) |"
done
echo
machine_note
