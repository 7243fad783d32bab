#!/usr/bin/env bash
# Claim intake over HTTP and a payout batch, with the real incident-service behind payout-service.
# Each run: a fresh program, CLAIMS claims filed by wrk (2 threads, CONNECTIONS connections; every
# claim is filed by its business's owner, whose token carries 50 businesses (bench/owner_tokens.py),
# asks incident-service for the impaired time, has its account's holder checked against a listed bank
# (ACCOUNT_HOLDERS_FILE: in memory, no bank gateway round trip), is assessed and stored with its
# Idempotency-Key), then one payout batch over all of them (each is approved by rule), timed.
# The program has a budget (BENCH_BUDGET_KRW, default 10^12 KRW, never reached); BENCH_BUDGET_KRW=none
# defines it without one.
#   [BENCH_BUDGET_KRW=none] bench/payout_load.sh [RUNS] [CLAIMS] [CONNECTIONS]
source "$(dirname "$0")/common.sh"
RUNS="${1:-3}" CLAIMS="${2:-100000}" CONNECTIONS="${3:-64}"
need wrk wrk
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_bench
recreate_db payout_bench
# the owners who file (their tokens carry their businesses) and the bank that knows their accounts:
# enough for every run, since each run's program takes the same businesses again
export PER_TOKEN=50 OWNER_TOKENS=/tmp/bench-owner-tokens.txt
python3 "$ROOT/bench/owner_tokens.py" 2 $(( CLAIMS / 2 + 1 )) "$PER_TOKEN" "$OWNER_TOKENS" /tmp/bench-bank-accounts.csv

DB_NAME=incident_bench QUARKUS_HTTP_PORT=18091 DEMO_DATA=true \
  java -jar "$ROOT/incident-service/target/quarkus-app/quarkus-run.jar" >/tmp/bench-incident.log 2>&1 &
incident_pid=$!
DB_NAME=payout_bench QUARKUS_HTTP_PORT=18093 INCIDENT_SERVICE_URL=http://127.0.0.1:18091 \
  ACCOUNT_HOLDERS_FILE=/tmp/bench-bank-accounts.csv \
  java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/payout-service/target/quarkus-app/quarkus-run.jar" >/tmp/bench-payout.log 2>&1 &
payout_pid=$!
trap 'kill $incident_pid $payout_pid 2>/dev/null || true' EXIT
for port in 18091 18093; do
  until curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done
done

fire=$(curl -fs 'http://127.0.0.1:18091/api/v1/incidents?from=2022-10-15T00:00:00Z&to=2022-10-16T00:00:00Z' | jq -r '.items[0].id')
operator=$("$ROOT/bin/dev-token" compensation-operator bench-operator@example.com)
approver=$("$ROOT/bin/dev-token" payout-approver bench-approver@example.com)
export CLAIMS_PER_THREAD=$(( CLAIMS / 2 ))
psql_bench() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d payout_bench -tAc "$1"; }

rates=() p99s=() batch_ms=() stored=() items=()
for run in $(seq 1 "$RUNS"); do
  program=$(jq -n --arg inc "$fire" --arg budget "${BENCH_BUDGET_KRW:-1000000000000}" '{incidentId:$inc,name:"bench",intake:{opensOn:"2020-01-01",closesOn:"2099-12-31",zone:"Asia/Seoul"},
      services:["kakaot"],assessment:{operatingMargins:{taxi:0.5},alternativeAvailabilityFactor:0.8,platformShares:{kakaot:0.8}},
      tiers:[{upTo:300000,support:30000},{upTo:500000,support:50000}],reviewThreshold:500000}
      + (if $budget == "none" then {} else {budgetKrw:($budget|tonumber)} end)' \
    | curl -fs -X POST http://127.0.0.1:18093/api/v1/programs -H "Authorization: Bearer $operator" \
        -H 'Content-Type: application/json' -d @- | jq -r .id)
  export CLAIMS_PATH="/api/v1/programs/$program/claims" RUN_ID="$run"
  # wrk's threads stop after their share of claims, but its main thread sleeps out -d: watch the
  # database and interrupt it (it then prints its statistics) once every claim is stored.
  wrk -t2 -c"$CONNECTIONS" -d3600s --timeout 10s --latency -s "$ROOT/bench/claims.lua" http://127.0.0.1:18093 >/tmp/bench-wrk.txt 2>&1 &
  wrk_pid=$!
  until [ "$(psql_bench "select count(*) >= $CLAIMS from claim where program_id = '$program'")" = t ]; do
    kill -0 $wrk_pid 2>/dev/null || break
    sleep 0.5
  done
  sleep 1; kill -INT $wrk_pid 2>/dev/null || true; wait $wrk_pid 2>/dev/null || true
  out=$(cat /tmp/bench-wrk.txt)
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  [ -z "$non2xx" ] || { echo "run $run: $non2xx non-2xx responses" >&2; echo "$out" >&2; exit 1; }
  # server-side rate: claims stored over the time between the first and the last one filed
  rates+=($(psql_bench "select round(count(*) / extract(epoch from max(filed_at) - min(filed_at))) from claim where program_id = '$program'"))
  p99s+=($(wrk_percentile_ms "$out" 99))
  stored+=($(psql_bench "select count(*) from claim where program_id = '$program'"))

  start=$(now_ms)
  count=$(curl -fs -X POST "http://127.0.0.1:18093/api/v1/programs/$program/payout-batches" \
    -H "Authorization: Bearer $approver" -H "Idempotency-Key: bench-batch-$run" | jq -r .itemCount)
  batch_ms+=($(( $(now_ms) - start )))
  items+=("$count")
  echo "run $run: ${rates[-1]} claims/s, p99 ${p99s[-1]} ms, ${stored[-1]} stored; batch of $count in ${batch_ms[-1]} ms" >&2
done
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$payout_pid/status)
unbalanced=$(psql_bench "select count(*) from (select txn_id from ledger_entry group by txn_id having sum(amount) <> 0) t")

echo "| measure | median of $RUNS runs | all runs |"
echo "|---|---|---|"
echo "| claims stored per second (first to last filed_at; HTTP, $CONNECTIONS connections) | $(printf '%s\n' "${rates[@]}" | median) | ${rates[*]} |"
printf '| claim intake p99 latency (ms) | %.1f | %s |\n' "$(printf '%s\n' "${p99s[@]}" | median)" "$(printf '%.1f ' "${p99s[@]}")"
echo "| claims stored per run | $(printf '%s\n' "${stored[@]}" | median) | ${stored[*]} |"
echo "| payout batch over all of them (ms) | $(printf '%s\n' "${batch_ms[@]}" | median) | ${batch_ms[*]} |"
echo "| items per batch | $(printf '%s\n' "${items[@]}" | median) | ${items[*]} |"
echo "| payout-service RSS at the end (MiB) | $rss | |"
echo "| ledger transactions not summing to zero | $unbalanced | |"
echo
machine_note
