#!/usr/bin/env bash
# Runs one benchmark script on this checkout and on an earlier commit, alternately, in one sitting,
# so their ratio is measured on the same machine at the same time rather than remembered.
# The earlier commit is built in a worktree (/tmp/bench-base-<commit>) and run with its own copy of
# the script; this checkout's jars are built first unless SKIP_BUILD=true.
#   bench/side_by_side.sh COMMIT ROUNDS SCRIPT [ARGS...]
#   e.g. bench/side_by_side.sh 257fc55 2 payout_load.sh 3 30000 64
#   SAME_SCRIPT=true bench/side_by_side.sh de87f1c 2 claims_burst.sh 2 300000 256 20s
# Odd rounds run this checkout first, even rounds the commit first: on a loaded machine the first of
# a pair measured up to 17 % slower, so a fixed order would look like a difference between the codes.
# Prints every script's summary lines and the machine.
source "$(dirname "$0")/common.sh"
COMMIT="$1" ROUNDS="$2" SCRIPT="$3"
shift 3
BASE="/tmp/bench-base-$COMMIT"
if [ ! -d "$BASE" ]; then
  git -C "$ROOT" worktree add -q --detach "$BASE" "$COMMIT"
fi
# A benchmark written after that commit (one that measures what the commit is being compared on)
# runs from this checkout's copy, left untracked in the worktree. SAME_SCRIPT=true always does so
# (with this checkout's bench/common.sh), so that both codes are measured by the same script even
# where the commit has an older version of it; the worktree is a scratch copy.
if [ ! -f "$BASE/bench/$SCRIPT" ] || [ "${SAME_SCRIPT:-false}" = true ]; then
  cp "$ROOT/bench/$SCRIPT" "$BASE/bench/$SCRIPT"
  # with its helpers (wrk scripts, token and data makers), so that the same load is sent to both
  if [ "${SAME_SCRIPT:-false}" = true ]; then cp "$ROOT/bench/common.sh" "$ROOT"/bench/*.lua "$ROOT"/bench/*.py "$BASE/bench/"; fi
fi
if [ ! -f "$BASE/incident-service/target/quarkus-app/quarkus-run.jar" ]; then
  (cd "$BASE" && ./mvnw -B -q package -DskipTests)
fi
build_jars
run_checkout() {
  echo "== round $1: this checkout ($(git -C "$ROOT" rev-parse --short HEAD))"
  SKIP_BUILD=true "$ROOT/bench/$SCRIPT" "${@:2}" 2>&1 | tail -n 12
}
run_commit() {
  echo "== round $1: $COMMIT"
  SKIP_BUILD=true "$BASE/bench/$SCRIPT" "${@:2}" 2>&1 | tail -n 12
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then
    run_checkout "$round" "$@"; run_commit "$round" "$@"
  else
    run_commit "$round" "$@"; run_checkout "$round" "$@"
  fi
done
machine_note
