#!/usr/bin/env bash
# Runs the helm-unittest suites (tests/*_test.yaml) with the pinned helm-unittest binary.
# Extra arguments go to helm-unittest, e.g. `--output-type JUnit --output-file unittest.xml`.
set -euo pipefail
chart="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$chart/../../.cache/bin/helm-unittest"
if [[ ! -x "$bin" ]]; then
  echo "helm-unittest not found at $bin: build it first with \`bash tools/helm/build.sh\`" >&2
  exit 1
fi
exec "$bin" -f 'tests/*_test.yaml' "$@" "$chart"
