#!/usr/bin/env bash
# JVM-mode time from process start to ready (/q/health/ready answers 200) and resident memory right
# after, for each service, in two ways side by side (one start of each per round, RUNS rounds,
# default 5, medians reported):
#   jdk17      java -jar quarkus-app/quarkus-run.jar on JDK 17 (the start-up before the AOT cache)
#   jdk25-aot  what src/main/docker/Dockerfile.jvm runs: the uber-jar on JDK 25 with an AOT cache
#              (-XX:AOTCache) recorded by a training run in the aot-training profile, which starts
#              without a database or secrets, goes through the whole start-up and exits
# Every start gets the memory a pod gets: -XX:MaxRAM=256m (the manifests' limit) and
# -XX:MaxRAMPercentage=75 (the Dockerfile's), so heap sizing and the collector are the pod's.
# RSS is split into anonymous memory (heap, metaspace, code, stacks: the process's own) and file pages
# (the jar and the AOT cache mapped: page cache, shared by every JVM on the node that maps them).
#   bench/startup.sh [RUNS]          JAVA25_HOME defaults to Temurin 25 under /usr/lib/jvm
source "$(dirname "$0")/common.sh"
RUNS="${1:-5}"
build_jars
"$ROOT/bin/ensure-postgres" >/dev/null 2>&1

JAVA17=java
JAVA25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
POD_MEMORY=(-XX:MaxRAM=256m -XX:MaxRAMPercentage=75)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
port=18090

fast_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
uber_jar() { echo "$ROOT/$1-service/target/$1-service-1.0.0-SNAPSHOT-runner.jar"; }

variants=(jdk17)
if [ -x "$JAVA25" ]; then
  variants+=(jdk25-aot)
  # The image runs the uber-jar: the AOT cache of JDK 25 holds only classes of the JVM's own class
  # loaders, and the fast-jar's application classes come from Quarkus's class loader.
  stale=false
  for svc in incident entitlement payout; do
    [ "$(uber_jar $svc)" -nt "$(fast_jar $svc)" ] || stale=true
  done
  if [ "${SKIP_BUILD:-false}" != true ] || [ $stale = true ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=uber-jar)
  fi
else
  echo "no JDK 25 at $JAVA25: only the JDK 17 start is measured (set JAVA25_HOME)" >&2
fi

# Starts one service from a jar, waits for ready; prints "<ms> <RSS MiB> <anonymous MiB>" and stops it.
start_once() {
  local svc=$1 jar=$2; shift 2
  local start pid ms line
  # the previous start must be gone: a process still shutting down would answer "ready" for this one
  while curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/live" 2>/dev/null; do sleep 0.05; done
  start=$(now_ms)
  DB_NAME="$svc" QUARKUS_HTTP_PORT=$port "$@" -jar "$jar" >"$WORK/$svc.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "$svc-service died:" >&2; tail -20 "$WORK/$svc.log" >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( $(now_ms) - start ))
  line="$ms $(awk '/^(VmRSS|RssAnon):/ {printf "%.0f ", $2/1024}' /proc/$pid/status)"
  # stopped before the line is printed: the caller reads the line and starts the next one at once
  kill $pid; wait $pid 2>/dev/null || true
  echo "$line"
}

start_variant() {
  local svc=$1 variant=$2
  case $variant in
    jdk17) start_once "$svc" "$(fast_jar "$svc")" "$JAVA17" "${POD_MEMORY[@]}" ;;
    jdk25-aot) start_once "$svc" "$(uber_jar "$svc")" "$JAVA25" "${POD_MEMORY[@]}" -XX:AOTCache="$WORK/$svc.aot" ;;
  esac
}

# The training run of Dockerfile.jvm: no environment, no database (port 1), throwaway account keys.
train() {
  local svc=$1
  mkdir -p /tmp/aot-training-keys
  for key in training hash; do
    [ -s /tmp/aot-training-keys/$key.key ] || head -c 32 /dev/urandom | base64 >/tmp/aot-training-keys/$key.key
  done
  (cd "$WORK" && env -i PATH="$PATH" DB_PORT=1 "$JAVA25" -XX:AOTCacheOutput="$WORK/$svc.aot" \
      -Dquarkus.profile=prod,aot-training -jar "$(uber_jar "$svc")" >"$WORK/$svc-train.log" 2>&1) \
    && [ -s "$WORK/$svc.aot" ] \
    || { echo "training run of $svc-service failed:" >&2; tail -20 "$WORK/$svc-train.log" >&2; exit 1; }
}

echo "| service | start | to ready, median (ms) | all runs (ms) | RSS after ready, median (MiB) | of which anonymous (MiB) |"
echo "|---|---|---|---|---|---|"
for svc in incident entitlement payout; do
  [ ${#variants[@]} -gt 1 ] && train "$svc"
  declare -A times=() rss=() anon=()
  for _ in $(seq 1 "$RUNS"); do
    for variant in "${variants[@]}"; do
      read -r ms mib anon_mib < <(start_variant "$svc" "$variant") || true
      [ -n "${anon_mib:-}" ] || { echo "$svc-service did not start as $variant" >&2; exit 1; }
      times[$variant]+="$ms " rss[$variant]+="$mib " anon[$variant]+="$anon_mib "
    done
  done
  for variant in "${variants[@]}"; do
    echo "| $svc-service | $variant | $(tr ' ' '\n' <<<"${times[$variant]}" | grep . | median) | ${times[$variant]}|" \
         "$(tr ' ' '\n' <<<"${rss[$variant]}" | grep . | median) | $(tr ' ' '\n' <<<"${anon[$variant]}" | grep . | median) |"
  done
  unset times rss anon
done
echo
machine_note
if [ -x "$JAVA25" ]; then echo "JDK 25: $("$JAVA25" -version 2>&1 | head -1)"; fi
