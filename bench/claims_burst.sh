#!/usr/bin/env bash
# Launch-day first-come claims: N domestic accounts to measure on and N more for the warm-up imported,
# the gift pack's capped pass published with a cap of CAP and a deadline in the future, then C
# connections of distinct claimants posting claims (wrk, closed loop, 2 threads) for DURATION after
# WARMUP of the same load on the warm-up accounts (so a fast warm-up never claims a measured account).
# Reports claims/s and latency percentiles, and checks the final counts in SQL: every 201 is one
# claim row and one item, one per account, never more than the cap.
# Repeated RUNS times (fresh databases each time); medians are reported. The same script runs on an
# earlier commit with bench/side_by_side.sh, so the ratio to the previous design is measured in one
# sitting:   bench/side_by_side.sh COMMIT 2 claims_burst.sh 3 300000 256 20s
#   bench/claims_burst.sh [RUNS] [N] [C] [DURATION]    (CAP=3000000 WARMUP=5s DB_POOL_SIZE=... to change)
source "$(dirname "$0")/common.sh"
RUNS="${1:-3}" N="${2:-300000}" C="${3:-256}" DURATION="${4:-20s}" CAP="${CAP:-3000000}" WARMUP="${WARMUP:-5s}"
need wrk wrk
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_claims_bench
work=$(mktemp -d)
start_incident_demo incident_claims_bench 18201 "$work/incident.log"
trap 'kill $incident_pid ${entitlement_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fire=$(demo_fire 18201)
operator=$("$ROOT/bin/dev-token" compensation-operator bench-operator@example.com 43200)
api() { curl -fsS -H "Authorization: Bearer $operator" "$@"; }
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d entitlement_claims_bench -tAc "$1"; }
{ echo "user_id,country,created_at"; seq -f "acct-%08g,KR,2015-03-01T00:00:00+09:00" 0 $(( 2 * N - 1 )); } > "$work/accounts.csv"

# Distinct claimants: thread t of T claims accounts OFFSET + t, OFFSET + t + T, ... so no two requests
# name the same account; the warm-up claims from accounts N to 2N - 1, the measurement from 0 to N - 1.
cat > "$work/claims.lua" <<'LUA'
local threads = 0
setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
local offset = tonumber(os.getenv("OFFSET"))
local path = os.getenv("CLAIMS_PATH")
local auth = "Bearer " .. os.getenv("OPERATOR_TOKEN")
request = function()
  local n = offset + tid + 2 * counter
  counter = counter + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = auth},
    string.format('{"userId":"acct-%08d"}', n))
end
LUA

rates=() p50s=() p99s=()
for run in $(seq 1 "$RUNS"); do
  recreate_db entitlement_claims_bench
  DB_NAME=entitlement_claims_bench QUARKUS_HTTP_PORT=18202 INCIDENT_SERVICE_URL=http://127.0.0.1:18201 \
    java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/entitlement-service/target/quarkus-app/quarkus-run.jar" >"$work/entitlement.log" 2>&1 &
  entitlement_pid=$!
  until curl -fs http://127.0.0.1:18202/q/health/ready >/dev/null 2>&1; do sleep 0.2; done
  api -X POST http://127.0.0.1:18202/api/v1/accounts/import -H 'Content-Type: text/csv' --data-binary @"$work/accounts.csv" >/dev/null
  psql -h "$DB_HOST" -U postgres -d entitlement_claims_bench -qc "vacuum analyze" >/dev/null
  campaign=$(sed "s/INCIDENT_ID/$fire/; s/\"cap\":3000000/\"cap\":$CAP/; s/\"claimDeadline\":\"2023-01-20T23:59:59+09:00\"/\"claimDeadline\":\"2099-12-31T23:59:59+09:00\"/" \
      "$ROOT/bench/gift_pack_campaign.json" \
    | api -X POST http://127.0.0.1:18202/api/v1/campaigns -H 'Content-Type: application/json' -d @- | jq -r .id)
  api -X POST "http://127.0.0.1:18202/api/v1/campaigns/$campaign/publish" \
    -H "Approval-Id: $("$ROOT/bin/approve" http://127.0.0.1:18202 campaign.publish "$campaign" "$operator")" >/dev/null

  export CLAIMS_PATH="/api/v1/campaigns/$campaign/claims" OPERATOR_TOKEN="$operator"
  OFFSET=$N wrk -t2 -c"$C" -d"$WARMUP" -s "$work/claims.lua" http://127.0.0.1:18202 >/dev/null 2>&1 || true
  sleep 2 # let the warm-up's last claims finish
  warm=$(sql "select count(*) from campaign_claim")
  out=$(OFFSET=0 wrk -t2 -c"$C" -d"$DURATION" --latency --timeout 10s -s "$work/claims.lua" http://127.0.0.1:18202)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  refused=$(echo "$out" | awk '/Non-2xx/ {print $5}'); refused=${refused:-0}
  [ "$requests" -le "$N" ] || { echo "FAIL: $requests requests but only $N accounts to claim for: raise N" >&2; exit 1; }
  errors=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}'); errors=${errors:-0}
  rates+=("$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')")
  p50s+=("$(wrk_percentile_ms "$out" 50)") p99s+=("$(wrk_percentile_ms "$out" 99)")

  # The counts, checked in SQL: each accepted claim is one claim row and one item, one per account,
  # within the cap. Requests wrk cut off (at the end of the warm-up and of the run, or timed out) may
  # still have committed, so the rows may exceed the 201s wrk counted by at most two rounds of open
  # connections and the timeouts, never by more, and never fall short of them.
  # claims that wrk stopped waiting for are still being made: count once the number stands still
  claims=$(sql "select count(*) from campaign_claim"); previous=-1
  while [ "$claims" != "$previous" ]; do previous=$claims; sleep 1; claims=$(sql "select count(*) from campaign_claim"); done
  accounts=$(sql "select count(distinct user_id) from campaign_claim")
  items=$(sql "select count(*) from granted_item where item_code = 'talk-drawer-plus-1m'")
  accepted=$(( requests - refused ))
  measured=$(( claims - warm ))
  [ "$claims" = "$accounts" ] && [ "$claims" = "$items" ] && [ "$claims" -le "$CAP" ] \
    && [ "$measured" -ge "$accepted" ] && [ "$measured" -le $(( accepted + 2 * C + errors )) ] \
    || { echo "FAIL counts: claims=$claims accounts=$accounts items=$items cap=$CAP measured=$measured accepted=$accepted" >&2; exit 1; }
  echo "run $run: ${rates[-1]} claims/s, p50 ${p50s[-1]} ms, p99 ${p99s[-1]} ms ($requests requests, $refused refused," \
       "$errors socket errors); $claims claims = $items items, one per account, cap $CAP"
  kill "$entitlement_pid"; wait "$entitlement_pid" 2>/dev/null || true
done

echo
machine_note
echo "N=$N accounts measured (and $N for the warm-up), cap $CAP, $C connections of distinct claimants, $DURATION after $WARMUP warm-up, $RUNS runs (medians):"
echo "  claims: $(printf '%s\n' "${rates[@]}" | median) claims/s, p50 $(printf '%s\n' "${p50s[@]}" | median) ms," \
     "p99 $(printf '%s\n' "${p99s[@]}" | median) ms (target >= 2000 claims/s at p99 <= 100 ms, 256 connections)"
