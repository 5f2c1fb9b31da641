#!/usr/bin/env bash
# Builds one kube-validate binary per pinned Kubernetes API version into .cache/bin/:
#   go.mod          -> newest served k8s.io/api  -> .cache/bin/kube-validate-1.37
#   k8s-1.29.mod    -> the chart's oldest        -> .cache/bin/kube-validate-1.29
# Same source, different module files (go build -modfile). Modules come from the Go module proxy
# into the usual module cache; a binary is rebuilt only when its sources or module files change.
# Usage: build.sh [--test]   (--test also runs the Go tests against each version)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.cache/bin"
mkdir -p "$bin"
run_tests=false
[[ "${1:-}" == "--test" ]] && run_tests=true

if ! command -v go >/dev/null 2>&1; then
  echo "kube-validate: the go command is required (Go 1.26 or newer)" >&2
  exit 1
fi

cd "$here"
# Build only from the committed module files: no workspace, no go.mod/go.sum rewrites.
export GOWORK=off
export CGO_ENABLED=0
for modfile in go.mod k8s-*.mod; do
  api="$(awk '$1 == "k8s.io/api" { print $2 }' "$modfile")"
  if [[ -z "$api" ]]; then
    echo "kube-validate: $modfile does not require k8s.io/api" >&2
    exit 1
  fi
  # k8s.io/api v0.N.P carries the types of Kubernetes 1.N.
  minor="${api#v0.}"
  minor="${minor%%.*}"
  target="$bin/kube-validate-1.$minor"
  sumfile="${modfile%.mod}.sum"
  stamp="$target.stamp"
  hash="$(cat ./*.go "$modfile" "$sumfile" | sha256sum | cut -d' ' -f1)"
  if [[ -x "$target" && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
    echo "kube-validate-1.$minor is up to date"
  else
    echo "building kube-validate-1.$minor (k8s.io/api $api)"
    go build -modfile="$modfile" -mod=readonly -trimpath -o "$target.tmp" .
    mv "$target.tmp" "$target"
    echo "$hash" >"$stamp"
  fi
  if $run_tests; then
    go test -modfile="$modfile" -mod=readonly -count=1 .
  fi
done
