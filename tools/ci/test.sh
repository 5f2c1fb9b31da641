#!/usr/bin/env bash
# The whole test suite on a fresh machine (Node 20 + npm, Go, JDK 17 + Maven): installs the
# workspace, builds the pinned Helm tooling and the Kubernetes control plane (kube-apiserver +
# etcd, started by the suite that uses them), starts one secured OpenSearch node for every
# integration suite, runs lint, typecheck, unit, integration and chart suites, and ends with
# one line alone: "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true
export LOGLIFT_REPORT_DIR="$ROOT/.cache/reports"
PNPM=(npx -y pnpm@12.4.2)
rm -rf "$LOGLIFT_REPORT_DIR" && mkdir -p "$LOGLIFT_REPORT_DIR"
STEPS="$LOGLIFT_REPORT_DIR/steps.tsv"
: >"$STEPS"

log() { printf '\n==> %s\n' "$*" >&2; }
# step NAME CMD...: runs a check that is not a test runner; it counts as one test.
step() {
  local name=$1 code
  shift
  log "$name"
  "$@"
  code=$?
  printf '%s\t%s\n' "$name" "$code" >>"$STEPS"
  return "$code"
}
# run_target TARGET: runs an Nx target in every project that has it. Each vitest run writes its
# own JSON report; a task that died before writing one still fails through its exit code.
run_target() {
  local target=$1 parallel=$2 before after code
  before=$(find "$LOGLIFT_REPORT_DIR" -name 'vitest-*.json' | wc -l)
  log "nx run-many -t $target"
  pnpm_exec nx run-many -t "$target" --parallel="$parallel" --outputStyle=stream
  code=$?
  after=$(find "$LOGLIFT_REPORT_DIR" -name 'vitest-*.json' | wc -l)
  if [ "$code" -ne 0 ]; then
    printf '%s\t%s\n' "nx $target (exit code, $((after - before)) reports)" "$code" >>"$STEPS"
  fi
}
pnpm_exec() { "${PNPM[@]}" exec "$@"; }

OPENSEARCH_PID=""
cleanup() {
  if [ -n "$OPENSEARCH_PID" ] && kill -0 "$OPENSEARCH_PID" 2>/dev/null; then
    kill -TERM "$OPENSEARCH_PID" 2>/dev/null
    wait "$OPENSEARCH_PID" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

finish() {
  node --import tsx tools/ci/src/summarizeCli.ts "$LOGLIFT_REPORT_DIR"
  exit $?
}

if ! step "install (pnpm, frozen lockfile)" "${PNPM[@]}" install --frozen-lockfile; then
  echo "0 passed, 1 failed"
  exit 1
fi

step "build Helm tooling" bash tools/helm/build.sh
step "build Kubernetes control plane" bash tools/kube/build.sh
if [ -f tools/kube-validate/build.sh ]; then step "build Kubernetes schema validators" bash tools/kube-validate/build.sh; fi
step "lint and format (biome ci)" pnpm_exec biome ci .
step "typecheck" pnpm_exec nx run-many -t typecheck --outputStyle=stream
step "install LuaJIT for the lift script tests" bash tools/lua/install.sh
run_target test 2

log "start OpenSearch for the integration suites"
CONN="$ROOT/.cache/opensearch-connection.json"
rm -f "$CONN"
node --import tsx tools/opensearch/src/cli.ts start >"$CONN" &
OPENSEARCH_PID=$!
for _ in $(seq 1 600); do
  if [ -s "$CONN" ] || ! kill -0 "$OPENSEARCH_PID" 2>/dev/null; then break; fi
  sleep 1
done
if [ -s "$CONN" ]; then
  printf '%s\t0\n' "start OpenSearch" >>"$STEPS"
  eval "$(node --import tsx tools/ci/src/connectionEnvCli.ts "$CONN")"
  run_target integration 1
  run_target e2e 1
else
  printf '%s\t1\n' "start OpenSearch" >>"$STEPS"
fi
cleanup
OPENSEARCH_PID=""

# The demo starts (and must stop) its own OpenSearch node, so it runs once the shared one is gone.
run_target demo-test 1

log "helm-unittest (the chart's unittest target)"
unittest_report="$LOGLIFT_REPORT_DIR/helm-unittest-loglift.junit.xml"
pnpm_exec nx run @loglift/chart:unittest --outputStyle=stream -- \
  --output-type JUnit --output-file "$unittest_report" >&2
code=$?
if [ "$code" -ne 0 ] && [ ! -s "$unittest_report" ]; then
  printf '%s\t%s\n' "helm-unittest loglift (no report)" "$code" >>"$STEPS"
fi

# kube-validate's Go tests, once per pinned Kubernetes API module file; go test -json is counted
# test by test (tools/ci/src/readGoTestReport.ts).
log "kube-validate Go tests"
for modfile in tools/kube-validate/go.mod tools/kube-validate/k8s-*.mod; do
  name="kube-validate-$(basename "$modfile" .mod)"
  (cd tools/kube-validate && GOWORK=off go test -json -count=1 -modfile="$(basename "$modfile")" -mod=readonly .) \
    >"$LOGLIFT_REPORT_DIR/$name.gotest.jsonl"
  code=$?
  if [ "$code" -ne 0 ] && [ ! -s "$LOGLIFT_REPORT_DIR/$name.gotest.jsonl" ]; then
    printf '%s\t%s\n' "$name (no report)" "$code" >>"$STEPS"
  fi
done

finish
