#!/usr/bin/env bash
# Notices at the gift pack's scale, side by side in one sitting:
#  1. the gift pack run over N domestic accounts without notices (the campaign without an
#     announcement) and with them (the campaign as published: one notice per account written in each
#     chunk's statement): accounts/s each, and the ratio on / off (target: notices add at most 15 %)
#  2. delivery: one replica sends the run's N notices to a messaging provider with no rate limit
#     (bench/FakeMessaging.java, answering at once; every account has a mobile number): notices/s
#     (target >= 5,000), and the service's resident memory sampled every second (flat: the worker
#     holds one batch at a time)
# Each variant runs on a fresh database with the same accounts and contact details; the delivery
# worker is off while the runs are timed. Repeated RUNS times, on and off alternating; medians.
#   bench/notices.sh [RUNS] [N]        (SKIP_BUILD=true to use the jars already built)
source "$(dirname "$0")/common.sh"
RUNS="${1:-3}" N="${2:-1000000}"
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
recreate_db incident_notices_bench
work=$(mktemp -d)
start_incident_demo incident_notices_bench 18301 "$work/incident.log"
java "$ROOT/bench/FakeMessaging.java" 18303 18304 0 "$work" &
fake_pid=$!
trap 'kill $incident_pid $fake_pid ${entitlement_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
fire=$(demo_fire 18301)
until curl -fs http://127.0.0.1:18303/stats >/dev/null 2>&1; do sleep 0.2; done
echo -n bench-provider-key > "$work/provider.key"
operator=$("$ROOT/bin/dev-token" compensation-operator bench-operator@example.com 43200)
api() { curl -fsS -H "Authorization: Bearer $operator" "$@"; }
# the run with notices and the one without each have a database of their own; notices are delivered from the first
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d entitlement_notices_on -tAc "$1"; }
{ echo "user_id,country,created_at"; seq -f "acct-%08g,KR,2015-03-01T00:00:00+09:00" 0 $(( N - 1 )); } > "$work/accounts.csv"
{ echo "user_id,email,phone"; seq 0 $(( N - 1 )) | awk '{printf "acct-%08d,,+8210%08d\n", $1, $1}'; } > "$work/contacts.csv"
sed "s/INCIDENT_ID/$fire/" "$ROOT/bench/gift_pack_campaign.json" > "$work/with-notices.json"
jq -c 'del(.announcement)' "$work/with-notices.json" > "$work/without-notices.json"

start_entitlement() { # database, worker on or off
  env DB_NAME="$1"  QUARKUS_HTTP_PORT=18302 INCIDENT_SERVICE_URL=http://127.0.0.1:18301 \
    CONTACT_KEYS_DIR="$ROOT/dev-keys/contact-keys" NOTICE_WORKER_ENABLED="$2" \
    NOTICE_MESSAGE_URL=http://127.0.0.1:18303/v1/messages NOTICE_MESSAGE_KEY_FILE="$work/provider.key" \
    NOTICE_MESSAGE_PER_SECOND=1000000 \
    java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/entitlement-service/target/quarkus-app/quarkus-run.jar" >>"$work/entitlement.log" 2>&1 &
  entitlement_pid=$!
  until curl -fs http://127.0.0.1:18302/q/health/ready >/dev/null 2>&1; do sleep 0.2; done
}
stop_entitlement() { kill "$entitlement_pid"; wait "$entitlement_pid" 2>/dev/null || true; }

# The gift pack on a fresh database: prints accounts/s of its run
gift_pack_run() { # campaign file, database
  recreate_db "$2"
  start_entitlement "$2" false
  api -X POST http://127.0.0.1:18302/api/v1/accounts/import -H 'Content-Type: text/csv' --data-binary @"$work/accounts.csv" >/dev/null
  api -X POST http://127.0.0.1:18302/api/v1/contacts/import -H 'Content-Type: text/csv' --data-binary @"$work/contacts.csv" >/dev/null
  psql -h "$DB_HOST" -U postgres -d "$2" -qc "vacuum analyze" >/dev/null
  local campaign approval runid t0 ms
  campaign=$(api -X POST http://127.0.0.1:18302/api/v1/campaigns -H 'Content-Type: application/json' -d @"$1" | jq -r .id)
  api -X POST "http://127.0.0.1:18302/api/v1/campaigns/$campaign/publish" \
    -H "Approval-Id: $("$ROOT/bin/approve" http://127.0.0.1:18302 campaign.publish "$campaign" "$operator")" >/dev/null
  approval=$("$ROOT/bin/approve" http://127.0.0.1:18302 campaign.run "$campaign" "$operator")
  t0=$(now_ms)
  runid=$(api -X POST "http://127.0.0.1:18302/api/v1/campaigns/$campaign/runs" -H 'Content-Type: application/json' \
    -H "Approval-Id: $approval" -H "Idempotency-Key: notices-bench" -d '{}' | jq -r .runId)
  until api "http://127.0.0.1:18302/api/v1/campaigns/$campaign/runs/$runid" | jq -e '.state | startswith("completed")' >/dev/null; do
    sleep 0.2
  done
  ms=$(( $(now_ms) - t0 ))
  stop_entitlement
  echo "$(( N * 1000 / ms ))"
}

off_rates=() on_rates=() ratios=() deliver_rates=() rss_first=() rss_last=() rss_peaks=()
for run in $(seq 1 "$RUNS"); do
  if (( run % 2 )); then
    off=$(gift_pack_run "$work/without-notices.json" entitlement_notices_off)
    on=$(gift_pack_run "$work/with-notices.json" entitlement_notices_on)
  else
    on=$(gift_pack_run "$work/with-notices.json" entitlement_notices_on)
    off=$(gift_pack_run "$work/without-notices.json" entitlement_notices_off)
  fi
  [ "$(sql "select count(*) from notice")" = "$N" ] || { echo "FAIL: $(sql "select count(*) from notice") notices for $N accounts" >&2; exit 1; }
  off_rates+=("$off") on_rates+=("$on") ratios+=("$(echo "scale=3; $on / $off" | bc)")

  start_entitlement entitlement_notices_on true
  t0=$(now_ms) samples=()
  while [ "$(sql "select count(*) from notice where state in ('QUEUED', 'SENDING')")" != 0 ]; do
    samples+=("$(( $(awk '/VmRSS/ {print $2}' /proc/$entitlement_pid/status) / 1024 ))")
    sleep 1
  done
  ms=$(( $(now_ms) - t0 ))
  stop_entitlement
  [ "$(sql "select count(*) from notice where state = 'SENT'")" = "$N" ] || { echo "FAIL: not every notice sent" >&2; exit 1; }
  deliver_rates+=("$(( N * 1000 / ms ))")
  rss_first+=("${samples[1]:-${samples[0]}}") rss_last+=("${samples[-1]}")
  rss_peaks+=("$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)")
  echo "run $run: gift pack without notices ${off_rates[-1]} accounts/s, with ${on_rates[-1]} accounts/s (ratio ${ratios[-1]});" \
       "delivered $N notices at ${deliver_rates[-1]}/s, RSS ${rss_first[-1]} MiB after 1 s, ${rss_last[-1]} MiB at the end, peak ${rss_peaks[-1]} MiB"
done

echo
machine_note
echo "N=$N accounts, $RUNS runs (medians):"
echo "  gift pack run: without notices $(printf '%s\n' "${off_rates[@]}" | median) accounts/s," \
     "with notices $(printf '%s\n' "${on_rates[@]}" | median) accounts/s, ratio $(printf '%s\n' "${ratios[@]}" | median)" \
     "(target >= 0.87: notices add at most 15 %)"
echo "  delivery, one replica, provider without a rate limit: $(printf '%s\n' "${deliver_rates[@]}" | median) notices/s" \
     "(target >= 5,000); RSS $(printf '%s\n' "${rss_first[@]}" | median) MiB after 1 s," \
     "$(printf '%s\n' "${rss_last[@]}" | median) MiB at the end, peak $(printf '%s\n' "${rss_peaks[@]}" | median) MiB"
