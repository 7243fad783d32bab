#!/usr/bin/env bash
# Server time of the public status page (target: the fire incident in under 300 ms with the demo
# data). Measured as time to first byte on loopback with one keep-alive connection, sequential
# requests, after a warm-up; side by side with the JSON impact API of the same incident, and with a
# large incident (20 services x 5 functions, UPDATES timeline updates: the "dozens of services and
# a thousand updates" case). Also the very first render after start (templates, JIT cold).
# Medians over RUNS runs of REQUESTS requests each.
#   bench/status_page.sh [RUNS] [REQUESTS] [UPDATES]
source "$(dirname "$0")/common.sh"
RUNS="${1:-5}" REQUESTS="${2:-200}" UPDATES="${3:-1000}"
PORT=18093
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_status_bench
DB_NAME=incident_status_bench QUARKUS_HTTP_PORT=$PORT DEMO_DATA=true \
  java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/incident-service/target/quarkus-app/quarkus-run.jar" >/tmp/bench-status.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
until curl -fs "$base/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done
until [ "$(curl -fs "$base/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z" | jq '.items | length')" -ge 1 ] 2>/dev/null; do sleep 0.2; done
fire=$(curl -fs "$base/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z" | jq -r '.items[0].id')

# the first render of all, before anything else touched the page
cold_ms=$(curl -s -o /dev/null -w '%{time_starttransfer}' "$base/status/incidents/$fire" | awk '{printf "%.1f", $1 * 1000}')

token=$("$ROOT/bin/dev-token" incident-commander bench@example.com)
large=$(python3 "$ROOT/bench/make_incident.py" "$base" "$token" "$UPDATES")

# times to first byte (ms) of REQUESTS sequential requests on one connection -> "median p99";
# options after the URL go to curl (--compressed: ask for the page gzip-compressed, as browsers do)
measure() {
  local url=$1 args=() i; shift
  for i in $(seq 1 "$REQUESTS"); do args+=(-o /dev/null "$url"); done
  args+=("$@")
  curl -s -w '%{time_starttransfer}\n' "${args[@]}" | awk '{print $1 * 1000}' | sort -n \
    | awk '{a[NR]=$1} END {printf "%.2f %.2f\n", a[int((NR+1)/2)], a[int(NR*0.99)]}'
}

declare -A medians p99s
pages=(fire_page fire_api large_page large_page_gzip large_api)
declare -A urls=([fire_page]="$base/status/incidents/$fire" [fire_api]="$base/api/v1/incidents/$fire/impact"
                 [large_page]="$base/status/incidents/$large" [large_page_gzip]="$base/status/incidents/$large"
                 [large_api]="$base/api/v1/incidents/$large/impact")
declare -A curl_options=([large_page_gzip]="--compressed")
for page in "${pages[@]}"; do measure "${urls[$page]}" ${curl_options[$page]:-} >/dev/null; done   # warm-up
for run in $(seq 1 "$RUNS"); do
  line="run $run:"
  for page in "${pages[@]}"; do
    read -r med p99 < <(measure "${urls[$page]}" ${curl_options[$page]:-})
    medians[$page]+="$med " p99s[$page]+="$p99 "
    line+=" $page ${med}/${p99} ms;"
  done
  echo "$line" >&2
done
size=$(curl -s "${urls[fire_page]}" | wc -c) large_size=$(curl -s "${urls[large_page]}" | wc -c)
size_gzip=$(curl -s --compressed -o /dev/null -w '%{size_download}' "${urls[fire_page]}")
large_size_gzip=$(curl -s --compressed -o /dev/null -w '%{size_download}' "${urls[large_page]}")

echo
machine_note
echo "Status page server time (time to first byte on loopback, $REQUESTS sequential requests per run, $RUNS runs, medians):"
echo "  first render after start (fire):  $cold_ms ms"
for page in "${pages[@]}"; do
  printf '  %-15s median %6s ms   p99 %6s ms\n' "$page" \
    "$(echo ${medians[$page]} | tr ' ' '\n' | median)" "$(echo ${p99s[$page]} | tr ' ' '\n' | median)"
done
echo "  page sizes: fire $size bytes ($size_gzip compressed); large incident ($UPDATES updates, first page of 50)" \
     "$large_size bytes ($large_size_gzip compressed)"
echo "  target: the fire's status page under 300 ms"
