#!/usr/bin/env bash
# Store extensions at scale: the music rule with store_extension over N subscriptions (default
# 1,000,000; about 18 % are in-app: Apple and Google) against bench/fake_app_stores.py, which answers
# after LATENCY seconds and refuses with 429 above LIMIT requests per second per store.
# entitlement-service is configured to RATE requests per second per store (one replica).
# Per round: the time to apply the run's grants (chunks done), the time until every store request is
# settled (the run completes), each store's requests per second against the configured rate, and the
# 429s the stores answered. Repeated ROUNDS times on a fresh database; medians are reported.
#   [LATENCY=0.05] [LIMIT=RATE] [STORE_WORKERS=16] bench/store_extensions.sh [ROUNDS] [N] [RATE]
source "$(dirname "$0")/common.sh"
ROUNDS="${1:-3}" N="${2:-1000000}" RATE="${3:-200}"
LATENCY="${LATENCY:-0.05}" LIMIT="${LIMIT:-$RATE}" WORKERS="${STORE_WORKERS:-16}"
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_store_bench
work=$(mktemp -d)
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/apple-test-only.p8" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/google-test-only.pem" 2>/dev/null
jq -n --rawfile key "$work/google-test-only.pem" '{type: "service_account", project_id: "bench", private_key_id: "k1",
  private_key: $key, client_email: "bench@example.iam.gserviceaccount.com", client_id: "1",
  token_uri: "http://127.0.0.1:18233/token"}' > "$work/google-test-only.json"
start_incident_demo incident_store_bench 18231 "$work/incident.log"
trap 'kill $incident_pid ${entitlement_pid:-} ${stores_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fire=$(demo_fire 18231)
operator=$("$ROOT/bin/dev-token" compensation-operator bench-operator@example.com 43200)
api() { curl -fsS -H "Authorization: Bearer $operator" "$@"; }
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d entitlement_store_bench -tAc "$1"; }
python3 "$ROOT/bench/make_subscriptions.py" "$N" --store-identities > "$work/subs.csv"

grant_secs=() settle_secs=() apple_rates=() google_rates=() apple_call_rates=() google_call_rates=() limited=() requests=()
for round in $(seq 1 "$ROUNDS"); do
  recreate_db entitlement_store_bench
  start_fake_stores 18233 "$LATENCY" "$LIMIT" "$work"
  env DB_NAME=entitlement_store_bench QUARKUS_HTTP_PORT=18232 INCIDENT_SERVICE_URL=http://127.0.0.1:18231 \
  APPLE_STORE_URL=http://127.0.0.1:18233 APPLE_KEY_FILE="$work/apple-test-only.p8" APPLE_KEY_ID=BENCH00001 \
  APPLE_ISSUER_ID=bench-issuer APPLE_BUNDLE_ID=com.example.melon GOOGLE_PLAY_URL=http://127.0.0.1:18233 \
  GOOGLE_SERVICE_ACCOUNT_FILE="$work/google-test-only.json" GOOGLE_PACKAGE_NAME=com.example.melon \
  APPLE_REQUESTS_PER_SECOND="$RATE" APPLE_STATUS_REQUESTS_PER_SECOND="$RATE" GOOGLE_REQUESTS_PER_SECOND="$RATE" \
  STORE_WORKERS="$WORKERS" "${apple_trust_env[@]}" \
    java -jar "$ROOT/entitlement-service/target/quarkus-app/quarkus-run.jar" >"$work/entitlement.log" 2>&1 &
  entitlement_pid=$!
  until curl -fs http://127.0.0.1:18232/q/health/ready >/dev/null 2>&1; do sleep 0.2; done
  api -X POST http://127.0.0.1:18232/api/v1/subscriptions/import -H 'Content-Type: text/csv' --data-binary @"$work/subs.csv" >/dev/null
  campaign=$(sed "s/INCIDENT_ID/$fire/" "$ROOT/bench/music_store_campaign.json" \
    | api -X POST http://127.0.0.1:18232/api/v1/campaigns -H 'Content-Type: application/json' -d @- | jq -r .id)
  api -X POST "http://127.0.0.1:18232/api/v1/campaigns/$campaign/publish" \
    -H "Approval-Id: $("$ROOT/bin/approve" http://127.0.0.1:18232 campaign.publish "$campaign" "$operator")" >/dev/null
  approval=$("$ROOT/bin/approve" http://127.0.0.1:18232 campaign.run "$campaign" "$operator")
  t0=$(now_ms)
  run=$(api -X POST "http://127.0.0.1:18232/api/v1/campaigns/$campaign/runs" -H 'Content-Type: application/json' -H "Approval-Id: $approval" \
    -H "Idempotency-Key: store-bench-$round" -d '{}' | jq -r .runId)
  progress() { api "http://127.0.0.1:18232/api/v1/campaigns/$campaign/runs/$run"; }
  until progress | jq -e '.total != null and .chunks.pending == 0' >/dev/null; do sleep 0.2; done
  grant_ms=$(( $(now_ms) - t0 ))
  until progress | jq -e '.state | startswith("completed")' >/dev/null; do sleep 0.5; done
  settle_ms=$(( $(now_ms) - t0 ))
  state=$(curl -fsS http://127.0.0.1:18233/_state)
  # each store's pace: its requests, and the calls it answered (a Google deferral reads the expiry
  # first: two calls), over the span from its first request to its last settled one
  span() { sql "select greatest(extract(epoch from max(settled_at) - min(created_at)), 0.001) from store_request where channel = '$1'"; }
  pace() { sql "select round(count(*) / $(span "$1")) from store_request where channel = '$1'"; }
  calls() { echo "$state" | jq --arg s "$2" --argjson span "$(span "$1")" '(.served[$s] / $span) | round'; }
  apple=$(pace APPLE) google=$(pace GOOGLE) apple_calls=$(calls APPLE apple) google_calls=$(calls GOOGLE google)
  total=$(sql "select count(*) from store_request")
  echo "round $round: grants ${grant_ms} ms, all store requests settled ${settle_ms} ms; $total requests" \
       "(apple $apple/s in $apple_calls calls/s, google $google/s in $google_calls calls/s, configured $RATE calls/s each);" \
       "429s: $(echo "$state" | jq .served.rate_limited);" \
       "$(progress | jq -c '.stores')"
  grant_secs+=("$(echo "scale=1; $grant_ms / 1000" | bc)") settle_secs+=("$(echo "scale=1; $settle_ms / 1000" | bc)")
  apple_rates+=("$apple") google_rates+=("$google") apple_call_rates+=("$apple_calls") google_call_rates+=("$google_calls") limited+=("$(echo "$state" | jq .served.rate_limited)") requests+=("$total")
  kill "$entitlement_pid" "$stores_pid"; wait "$entitlement_pid" "$stores_pid" 2>/dev/null || true
done

echo
echo "## Store extensions: $N subscriptions, $(printf '%s\n' "${requests[@]}" | median) store requests, configured $RATE/s per store," \
     "store limit $LIMIT/s, store latency ${LATENCY}s, $WORKERS store workers (medians of $ROUNDS)"
echo "| measure | median | rounds |"
echo "|---|---|---|"
echo "| grants applied (s) | $(printf '%s\n' "${grant_secs[@]}" | median) | ${grant_secs[*]} |"
echo "| every store request settled (s) | $(printf '%s\n' "${settle_secs[@]}" | median) | ${settle_secs[*]} |"
echo "| App Store requests/s | $(printf '%s\n' "${apple_rates[@]}" | median) | ${apple_rates[*]} |"
echo "| App Store calls/s (configured $RATE) | $(printf '%s\n' "${apple_call_rates[@]}" | median) | ${apple_call_rates[*]} |"
echo "| Google Play requests/s | $(printf '%s\n' "${google_rates[@]}" | median) | ${google_rates[*]} |"
echo "| Google Play calls/s (configured $RATE) | $(printf '%s\n' "${google_call_rates[@]}" | median) | ${google_call_rates[*]} |"
echo "| 429 answers | $(printf '%s\n' "${limited[@]}" | median) | ${limited[*]} |"
machine_note
