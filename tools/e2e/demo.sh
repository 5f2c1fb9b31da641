#!/usr/bin/env bash
# loglift on one machine, from a fresh clone: installs the workspace, builds the pinned Helm, starts
# a secured OpenSearch node, renders the chart, applies the bootstrap, runs task-service, its
# traffic generator and a hostile app, ships their logs (Fluent Bit when a binary is found via
# FLUENT_BIT_BIN or PATH, else the @loglift/logger/opensearch transport), shows `loglift stats`
# and recent errors, then follows the logs until Ctrl-C.
#   bash tools/e2e/demo.sh [--once]      (or LOGLIFT_DEMO_ONCE=1): exit after showing the results
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

ONCE="${LOGLIFT_DEMO_ONCE:-0}"
for arg in "$@"; do
  case "$arg" in
    --once) ONCE=1 ;;
    -h | --help)
      sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument: $arg (usage: bash tools/e2e/demo.sh [--once])" >&2
      exit 2
      ;;
  esac
done
export NX_DAEMON=false NX_NO_CLOUD=true

STATE="$ROOT/.cache/e2e-demo"
mkdir -p "$STATE"
CONN="$STATE/opensearch-connection.json"
OS_LOG="$STATE/opensearch.log"
OS_PID=""
DEMO_PID=""
JVM_PID=""

log() { printf '==> %s\n' "$*" >&2; }

# Stops what this script started, newest first, then checks nothing is left behind.
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$DEMO_PID" ] && kill -0 "$DEMO_PID" 2>/dev/null; then
    kill -TERM "$DEMO_PID" 2>/dev/null
    wait "$DEMO_PID" 2>/dev/null
  fi
  # Processes the demo started, in case it died before stopping them (each leads its own group).
  local started=() pid
  if [ -f "$STATE/pids" ]; then
    while read -r pid; do
      [ -n "$pid" ] || continue
      started+=("$pid")
      kill -TERM -- "-$pid" 2>/dev/null
    done <"$STATE/pids"
    rm -f "$STATE/pids"
  fi
  JVM_PID=$(sed -n 's/.*ready at .*(pid \([0-9]*\)).*/\1/p' "$OS_LOG" 2>/dev/null | tail -1)
  if [ -n "$OS_PID" ] && kill -0 "$OS_PID" 2>/dev/null; then
    log "stopping OpenSearch (pid $OS_PID)"
    kill -TERM "$OS_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$OS_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$OS_PID" 2>/dev/null
  fi
  sleep 1
  local left=""
  for pid in "${started[@]}" $OS_PID $JVM_PID; do
    kill -0 "$pid" 2>/dev/null && left+="$pid "
  done
  if [ -n "$left" ]; then
    log "still running after cleanup: $left"
  else
    log "every process the demo started has stopped"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "installing the workspace (pnpm 12.4.2, frozen lockfile)"
npx -y pnpm@12.4.2 install --frozen-lockfile >&2 || exit 1
log "building the pinned Helm (tools/helm)"
bash tools/helm/build.sh >&2 || exit 1

log "starting OpenSearch (tools/opensearch; first run fetches it from Maven Central)"
rm -f "$CONN"
setsid node --import tsx tools/opensearch/src/cli.ts start >"$CONN" 2>"$OS_LOG" &
OS_PID=$!
for _ in $(seq 1 900); do
  if [ -s "$CONN" ] || ! kill -0 "$OS_PID" 2>/dev/null; then break; fi
  sleep 1
done
if [ ! -s "$CONN" ]; then
  log "OpenSearch did not start; its output:"
  tail -20 "$OS_LOG" >&2
  exit 1
fi
chmod 600 "$CONN"

args=(--connection "$CONN")
[ "$ONCE" = "1" ] && args+=(--once)
node --import tsx --conditions=@loglift/source tools/e2e/src/demo.ts "${args[@]}" &
DEMO_PID=$!
# Ctrl-C reaches the demo directly (same process group); wait again after an interrupted wait.
code=0
while kill -0 "$DEMO_PID" 2>/dev/null; do
  wait "$DEMO_PID"
  code=$?
done
DEMO_PID=""
exit "$code"
