#!/usr/bin/env bash
# loglift on one machine, from a fresh clone: installs the workspace, builds the pinned Helm, starts
# a secured OpenSearch node, renders the chart, applies the bootstrap, runs task-service, its
# traffic generator and a hostile app, ships their logs (Fluent Bit when a binary is found via
# FLUENT_BIT_BIN or PATH, else the @loglift/logger/opensearch transport), shows `loglift stats`
# and recent errors, then follows the logs until Ctrl-C.
#   bash tools/e2e/demo.sh [--once]      (or LOGLIFT_DEMO_ONCE=1): exit after showing the results
#   bash tools/e2e/demo.sh --clean       stop whatever an earlier, killed run left behind, then exit
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

ONCE="${LOGLIFT_DEMO_ONCE:-0}"
CLEAN_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --once) ONCE=1 ;;
    --clean) CLEAN_ONLY=1 ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument: $arg (usage: bash tools/e2e/demo.sh [--once | --clean])" >&2
      exit 2
      ;;
  esac
done
export NX_DAEMON=false NX_NO_CLOUD=true

# A closed stdout/stderr (`demo.sh | tee log`, then Ctrl-C kills tee) must not kill the clean-up
# halfway: writes then fail with EPIPE instead of killing this shell, and log() notices.
trap '' PIPE

# LOGLIFT_DEMO_STATE and LOGLIFT_DEMO_SKIP_SETUP exist for the demo's own tests.
STATE="${LOGLIFT_DEMO_STATE:-$ROOT/.cache/e2e-demo}"
mkdir -p "$STATE"
CONN="$STATE/opensearch-connection.json"
OS_LOG="$STATE/opensearch.log"
# One line per process this run started: "<pid> <start time> <name>", appended by demo.ts too.
RECORD="$STATE/processes"
TRAIL="$STATE/demo.log"
OS_PID=""
DEMO_PID=""
OUTPUT_OPEN=1
CLEANING=0

# Progress on stderr and in $TRAIL. A failed write means nobody is reading any more: stop.
log() {
  printf '%s ==> %s\n' "$(date -u +%H:%M:%S)" "$*" >>"$TRAIL" 2>/dev/null
  [ "$OUTPUT_OPEN" = 1 ] || return 0
  if ! printf '==> %s\n' "$*" >&2 2>/dev/null; then
    OUTPUT_OPEN=0
    [ "$CLEANING" = 1 ] || exit 141
  fi
}

# Start time of a live process in clock ticks after boot (field 22 of /proc/PID/stat); fails for
# a pid that is gone or a zombie. Together with the pid it names one process: pids are reused.
proc_start() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -r -a fields <<<"${stat##*) }"
  case "${fields[0]}" in Z | X) return 1 ;; esac
  printf '%s\n' "${fields[19]}"
}

record() { # pid name...
  local start
  start=$(proc_start "$1") && printf '%s %s %s\n' "$1" "$start" "${*:2}" >>"$RECORD"
}

# Stops the recorded processes that still run (same pid AND start time), each with its process
# group: SIGTERM, then SIGKILL for what is left after the grace period.
stop_recorded() {
  local grace="$1" pid start name entry left=()
  [ -s "$RECORD" ] || return 0
  while read -r pid start name; do
    [ -n "$pid" ] && [ "$(proc_start "$pid")" = "$start" ] || continue
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    left+=("$pid $start $name")
  done <"$RECORD"
  local deadline=$((SECONDS + grace)) waited=$SECONDS
  while [ "${#left[@]}" -gt 0 ]; do
    local still=()
    for entry in "${left[@]}"; do
      read -r pid start name <<<"$entry"
      [ "$(proc_start "$pid")" = "$start" ] && still+=("$entry")
    done
    left=("${still[@]}")
    [ "${#left[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for entry in "${left[@]}"; do
        read -r pid start name <<<"$entry"
        log "killing $name (pid $pid): still running after ${grace} s"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
      done
      break
    fi
    if [ $((SECONDS - waited)) -ge 5 ]; then
      waited=$SECONDS
      log "waiting for ${#left[@]} process(es) to stop"
    fi
    sleep 0.2
  done
  : >"$RECORD"
}

# Stops what this run started: the demo first (it stops the apps gracefully and lets the shipper
# deliver), then everything else on the record, OpenSearch last.
cleanup() {
  local code=$?
  trap - EXIT INT TERM HUP
  CLEANING=1
  if [ -n "$DEMO_PID" ] && proc_start "$DEMO_PID" >/dev/null; then
    kill -TERM -- "-$DEMO_PID" 2>/dev/null
    local deadline=$((SECONDS + 60))
    while proc_start "$DEMO_PID" >/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  fi
  stop_recorded 60
  log "every process the demo started has stopped"
  exit "$code"
}

if [ -s "$RECORD" ]; then
  log "stopping what an earlier demo run left running (recorded in $RECORD)"
  stop_recorded 30
fi
[ "$CLEAN_ONLY" = 1 ] && exit 0
: >"$RECORD"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [ "${LOGLIFT_DEMO_SKIP_SETUP:-0}" != 1 ]; then
  log "installing the workspace (pnpm 12.4.2, frozen lockfile)"
  npx -y pnpm@12.4.2 install --frozen-lockfile >&2 || exit 1
  log "building the pinned Helm (tools/helm)"
  bash tools/helm/build.sh >&2 || exit 1
fi

log "starting OpenSearch (tools/opensearch; the first run fetches it from Maven Central); its log: $OS_LOG"
rm -f "$CONN"
setsid node --import tsx tools/opensearch/src/cli.ts start >"$CONN" 2>"$OS_LOG" &
OS_PID=$!
record "$OS_PID" OpenSearch test bed
began=$SECONDS
shown=$SECONDS
while [ ! -s "$CONN" ] && proc_start "$OS_PID" >/dev/null; do
  if [ $((SECONDS - shown)) -ge 5 ]; then
    shown=$SECONDS
    log "OpenSearch still starting ($((SECONDS - began)) s): $(tail -1 "$OS_LOG" 2>/dev/null | cut -c1-160)"
  fi
  sleep 0.2
done
if [ ! -s "$CONN" ]; then
  log "OpenSearch did not start; its output:"
  tail -20 "$OS_LOG" >&2 2>/dev/null
  exit 1
fi
chmod 600 "$CONN"
jvm=$(sed -n 's/.*ready at .*(pid \([0-9]*\)).*/\1/p' "$OS_LOG" | tail -1)
[ -n "$jvm" ] && record "$jvm" OpenSearch JVM
log "OpenSearch ready after $((SECONDS - began)) s"

args=(--connection "$CONN" --state-dir "$STATE")
[ "$ONCE" = "1" ] && args+=(--once)
# Its own process group, so the clean-up can stop it and whatever it runs at once.
setsid node --import tsx --conditions=@loglift/source tools/e2e/src/demo.ts "${args[@]}" &
DEMO_PID=$!
record "$DEMO_PID" demo
# Ctrl-C reaches only this shell now; the INT trap exits and the clean-up stops the demo.
code=0
while proc_start "$DEMO_PID" >/dev/null; do
  wait "$DEMO_PID"
  code=$?
done
DEMO_PID=""
exit "$code"
