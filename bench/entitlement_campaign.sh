#!/usr/bin/env bash
# The music service's 2022 campaign at scale, side by side with hand-written SQL, on one PostgreSQL:
#  1. import N subscriptions through the API (streamed CSV -> COPY): rows/s
#  2. apply the campaign with a run (chunks of set-based SQL, grants recorded for exactly-once and
#     audit): subscriptions/s, and the service's peak RSS during the run (sampled every 0.2 s)
#  3. the same changes by the best hand-written set-based SQL (one statement per change, no grant
#     records) on identical copies of the tables: subscriptions/s, and the ratio service / SQL
#  4. the per-user view under load, random users: latency at a fixed arrival rate of VIEW_RATE
#     requests/s (bench/openloop.c, open loop, after VIEW_WARMUP of load to compile the hot path),
#     and the ceiling with wrk (closed loop, 32 connections): req/s and p99
# Repeated RUNS times (fresh campaign and copies each time); medians are reported.
# PG_SETTINGS=recommended runs everything with the PostgreSQL settings docs/benchmarks.md recommends
# for campaign runs (ALTER SYSTEM and a restart; the previous settings come back on exit).
#   [PG_SETTINGS=recommended] [VIEW_RATE=3000] [VIEW_WARMUP=30s] bench/entitlement_campaign.sh [RUNS] [N] [VIEW_DURATION]
source "$(dirname "$0")/common.sh"
RUNS="${1:-3}" N="${2:-5000000}" VIEW_DURATION="${3:-20s}" VIEW_RATE="${VIEW_RATE:-3000}" VIEW_WARMUP="${VIEW_WARMUP:-30s}"
need wrk wrk
need gcc gcc
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1
RECOMMENDED=(shared_buffers=2GB max_wal_size=8GB checkpoint_timeout=30min wal_buffers=64MB work_mem=64MB
             maintenance_work_mem=512MB effective_cache_size=8GB)
pg_restart() { pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart; }
pg_settings() {
  for setting in "${RECOMMENDED[@]}"; do
    if [ "$1" = apply ]; then psql -h "$DB_HOST" -U postgres -qc "alter system set ${setting%%=*} = '${setting#*=}'";
    else psql -h "$DB_HOST" -U postgres -qc "alter system reset ${setting%%=*}"; fi
  done >/dev/null
  pg_restart
}
if [ "${PG_SETTINGS:-default}" = recommended ]; then
  pg_settings apply
  trap 'pg_settings reset' EXIT
fi
recreate_db incident_bench
work=$(mktemp -d)
start_incident_demo incident_bench 18191 "$work/incident.log"
trap 'kill $incident_pid ${entitlement_pid:-} 2>/dev/null || true; rm -rf "$work"; [ "${PG_SETTINGS:-default}" != recommended ] || pg_settings reset' EXIT
fire=$(demo_fire 18191)
operator=$("$ROOT/bin/dev-token" compensation-operator bench-operator@example.com 43200)
api() { curl -fsS -H "Authorization: Bearer $operator" "$@"; }
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d entitlement_bench -tAc "$1"; }
python3 "$ROOT/bench/make_subscriptions.py" "$N" > "$work/subs.csv"
gcc -O2 -o "$work/openloop" "$ROOT/bench/openloop.c"

import_rates=() apply_rates=() sql_rates=() ratios=() rss_peaks=()
view_p50s=() view_p99s=() view_p999s=() ceiling_rates=() ceiling_p99s=()
for run in $(seq 1 "$RUNS"); do
  recreate_db entitlement_bench
  DB_NAME=entitlement_bench QUARKUS_HTTP_PORT=18192 INCIDENT_SERVICE_URL=http://127.0.0.1:18191 \
    java ${BENCH_JAVA_OPTS:-} -jar "$ROOT/entitlement-service/target/quarkus-app/quarkus-run.jar" >"$work/entitlement.log" 2>&1 &
  entitlement_pid=$!
  until curl -fs http://127.0.0.1:18192/q/health/ready >/dev/null 2>&1; do sleep 0.2; done

  t0=$(now_ms)
  api -X POST http://127.0.0.1:18192/api/v1/subscriptions/import -H 'Content-Type: text/csv' --data-binary @"$work/subs.csv" >/dev/null
  import_rates+=("$(echo "$N * 1000 / ($(now_ms) - $t0)" | bc)")
  # The hand-written SQL works on identical copies (same columns, constraints and indexes) of the
  # tables the campaign changes, after the same VACUUM ANALYZE, and writes the same ledger columns.
  sql "create table hand_subscription (like subscription including all);
       insert into hand_subscription select * from subscription;
       create table hand_wallet (like wallet including all);
       create table hand_wallet_entry (like wallet_entry including all)" >/dev/null
  psql -h "$DB_HOST" -U postgres -d entitlement_bench -qc "vacuum analyze" >/dev/null

  campaign=$(sed "s/INCIDENT_ID/$fire/" "$ROOT/bench/music_campaign.json" | sed "s/MELON-2022-1015/MELON-BENCH-$run/" \
    | api -X POST http://127.0.0.1:18192/api/v1/campaigns -H 'Content-Type: application/json' -d @- | jq -r .id)
  api -X POST "http://127.0.0.1:18192/api/v1/campaigns/$campaign/publish" \
    -H "Approval-Id: $("$ROOT/bin/approve" http://127.0.0.1:18192 campaign.publish "$campaign" "$operator")" >/dev/null
  eligible=$(api -X POST "http://127.0.0.1:18192/api/v1/campaigns/$campaign/preview" | jq .totals.eligible)
  # the second person's approval (which freezes a preview) before the clock starts: the run is what is measured
  approval=$("$ROOT/bin/approve" http://127.0.0.1:18192 campaign.run "$campaign" "$operator")
  peak=0
  t0=$(now_ms)
  runid=$(api -X POST "http://127.0.0.1:18192/api/v1/campaigns/$campaign/runs" -H 'Content-Type: application/json' \
    -H "Approval-Id: $approval" -H "Idempotency-Key: bench-$run" -d '{}' | jq -r .runId)
  while ! api "http://127.0.0.1:18192/api/v1/campaigns/$campaign/runs/$runid" | jq -e '.state | startswith("completed")' >/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' /proc/$entitlement_pid/status); [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  apply_ms=$(( $(now_ms) - t0 ))
  rss_peaks+=("$(( peak / 1024 ))")
  apply_rates+=("$(echo "$eligible * 1000 / $apply_ms" | bc)")

  # Hand-written: one statement per change, the same rule (snapshot 2022-10-16 00:00 KST, Melon outage window from incident-service).
  window=$(sql "select outage_from, outage_until from campaign where id = '$campaign'" | tr '|' ' ')
  from=$(echo "$window" | cut -d' ' -f1-2) until=$(echo "$window" | cut -d' ' -f3-4)
  end="least(ended_at, case when kind = 'TICKET' then ((expires_on + 1)::timestamp at time zone 'Asia/Seoul') end)"
  active="started_at <= '2022-10-16T00:00:00+09:00' and ($end is null or $end > '2022-10-16T00:00:00+09:00')"
  ended="started_at <= '2022-10-16T00:00:00+09:00' and $end > '$from' and $end <= '$until'"
  t0=$(now_ms)
  psql -h "$DB_HOST" -U postgres -d entitlement_bench -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
begin;
create temp table cash_users on commit drop as select id, user_id from hand_subscription
  where product in ('melon-unlimited', 'melon-30day') and (($active) or ($ended))
    and not (channel = 'DIRECT' and ($active));
update hand_subscription set next_billing_date = next_billing_date + 3
  where product in ('melon-unlimited', 'melon-30day') and channel = 'DIRECT' and kind = 'RECURRING' and $active;
update hand_subscription set expires_on = expires_on + 3
  where product in ('melon-unlimited', 'melon-30day') and channel = 'DIRECT' and kind = 'TICKET' and $active;
insert into hand_wallet_entry (user_id, amount_krw, reason, source, campaign_id, subject_id, principal, created_at)
  select user_id, 1500, 'Compensation: hand-written SQL', 'CAMPAIGN', '$campaign', id, 'bench', now() from cash_users;
insert into hand_wallet (user_id, balance_krw) select user_id, 1500 * count(*) from cash_users group by user_id
  on conflict (user_id) do update set balance_krw = hand_wallet.balance_krw + excluded.balance_krw;
commit;
SQL
  sql_ms=$(( $(now_ms) - t0 ))
  sql_rates+=("$(echo "$eligible * 1000 / $sql_ms" | bc)")
  ratios+=("$(echo "scale=2; $sql_ms / $apply_ms" | bc)")
  mismatch=$(sql "select count(*) from subscription s join hand_subscription h using (id)
                  where s.next_billing_date is distinct from h.next_billing_date or s.expires_on is distinct from h.expires_on")
  [ "$mismatch" = 0 ] || { echo "the service and the hand-written SQL disagree on $mismatch subscriptions" >&2; exit 1; }

  # The per-user view under load: random users of the imported base.
  token=$("$ROOT/bin/dev-token" auditor bench-auditor@example.com 43200)
  cat > "$work/view.lua" <<LUA
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("/api/v1/users/user-%08d/entitlements", math.random(0, $N - 1)),
    {["Authorization"] = "Bearer $token"})
end
LUA
  # A service under an outage's load has been running for a while: load it first, so the JIT has
  # compiled the hot path, then measure at the target rate. A closed loop (wrk) keeps every
  # connection busy and so measures the ceiling; the open loop measures latency at a given rate.
  wrk -t2 -c32 -d"$VIEW_WARMUP" -s "$work/view.lua" http://127.0.0.1:18192 >/dev/null 2>&1 || true
  open=$("$work/openloop" -r "$VIEW_RATE" -d "${VIEW_DURATION%s}" -c 64 -u "/api/v1/users/user-%08d/entitlements" -n "$N" \
    -H "Authorization: Bearer $token" 127.0.0.1 18192) || { echo "open-loop view run failed: $open" >&2; exit 1; }
  field() { echo "$open" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
  view_p50s+=("$(field p50)") view_p99s+=("$(field p99)") view_p999s+=("$(field p999)")
  ceiling=$(wrk -t2 -c32 -d"$VIEW_DURATION" --latency -s "$work/view.lua" http://127.0.0.1:18192)
  ceiling_rates+=("$(echo "$ceiling" | awk '/Requests\/sec/ {printf "%d", $2}')")
  ceiling_p99s+=("$(wrk_percentile_ms "$ceiling" 99)")
  view_line=" view at $VIEW_RATE req/s: p50 ${view_p50s[-1]} p99 ${view_p99s[-1]} p99.9 ${view_p999s[-1]} ms;"
  view_line+=" ceiling ${ceiling_rates[-1]} req/s (p99 ${ceiling_p99s[-1]} ms, 32 connections)"
  echo "run $run: import ${import_rates[-1]} rows/s; apply $eligible in ${apply_ms} ms = ${apply_rates[-1]}/s (peak RSS ${rss_peaks[-1]} MiB);" \
       "hand SQL ${sql_ms} ms = ${sql_rates[-1]}/s; ratio ${ratios[-1]};$view_line"
  kill "$entitlement_pid"; wait "$entitlement_pid" 2>/dev/null || true
done

echo
machine_note
echo "PostgreSQL settings: $(psql -h "$DB_HOST" -U postgres -tAc "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ') from pg_settings where name in ('shared_buffers', 'work_mem', 'max_wal_size', 'synchronous_commit', 'checkpoint_timeout', 'wal_buffers', 'maintenance_work_mem', 'effective_cache_size')")"
echo "N=$N subscriptions, $RUNS runs (medians):"
echo "  import:          $(printf '%s\n' "${import_rates[@]}" | median) rows/s"
echo "  apply (service): $(printf '%s\n' "${apply_rates[@]}" | median) subscriptions/s, peak RSS $(printf '%s\n' "${rss_peaks[@]}" | median) MiB"
echo "  hand SQL:        $(printf '%s\n' "${sql_rates[@]}" | median) subscriptions/s"
echo "  ratio service/SQL speed: $(printf '%s\n' "${ratios[@]}" | median) (target >= 0.7)"
echo "  per-user view at $VIEW_RATE req/s (open loop): p50 $(printf '%s\n' "${view_p50s[@]}" | median) ms," \
     "p99 $(printf '%s\n' "${view_p99s[@]}" | median) ms, p99.9 $(printf '%s\n' "${view_p999s[@]}" | median) ms (target >= 3000 req/s at p99 <= 20 ms)"
echo "  per-user view ceiling (wrk, 32 connections): $(printf '%s\n' "${ceiling_rates[@]}" | median) req/s, p99 $(printf '%s\n' "${ceiling_p99s[@]}" | median) ms"
