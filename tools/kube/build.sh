#!/usr/bin/env bash
# Builds the Kubernetes control plane pinned in tools/kube/go.mod into <repo>/.cache/bin/:
#   kube-apiserver  k8s.io/kubernetes/cmd/kube-apiserver
#   etcd            go.etcd.io/etcd/server/v3
# Sources come from the Go module proxy (checked against go.sum); nothing else is downloaded.
# A binary is rebuilt only when it is missing or older than go.mod, go.sum or this script.
# Usage: tools/kube/build.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.cache/bin"

log() { printf 'kube-tools: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

force=false
case "${1:-}" in
  "") ;;
  --force) force=true ;;
  -h | --help)
    sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 0
    ;;
  *) die "unknown argument '$1' (usage: build.sh [--force])" ;;
esac

command -v go >/dev/null 2>&1 || die "the go command is required (Go 1.26 or newer)"

cd "$here"
# Build only from this module and its committed go.sum: no workspace, no go.mod rewrites.
export GOWORK=off
export CGO_ENABLED=0
modflags=(-mod=readonly)

listed="$(go list "${modflags[@]}" -e -m -f '{{.Path}} {{.Version}}' \
  k8s.io/kubernetes go.etcd.io/etcd/server/v3)" ||
  die "could not read module versions from $here/go.mod"
kube_version="" etcd_version=""
while read -r path version; do
  case "$path" in
    k8s.io/kubernetes) kube_version="$version" ;;
    go.etcd.io/etcd/server/v3) etcd_version="$version" ;;
  esac
done <<<"$listed"
[[ -n "$kube_version" && -n "$etcd_version" ]] ||
  die "go.mod must require k8s.io/kubernetes and go.etcd.io/etcd/server/v3"

# A module build reports v0.0.0-master, which fails every chart's kubeVersion constraint and
# Helm's own server version checks, so the release version is linked in.
kv="${kube_version#v}"
kube_major="${kv%%.*}"
kube_minor="${kv#*.}"
kube_minor="${kube_minor%%.*}"
kube_pkg=k8s.io/kubernetes/cmd/kube-apiserver
etcd_pkg=go.etcd.io/etcd/server/v3
kube_ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$kube_version"
kube_ldflags+=" -X k8s.io/component-base/version.gitMajor=$kube_major"
kube_ldflags+=" -X k8s.io/component-base/version.gitMinor=$kube_minor"
kube_ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
etcd_ldflags="-s -w"

needs_build() {
  local target="$bin/$1"
  $force && return 0
  [[ -x "$target" ]] || return 0
  local src
  for src in "$here/go.mod" "$here/go.sum" "$here/build.sh"; do
    [[ "$src" -nt "$target" ]] && return 0
  done
  return 1
}

mkdir -p "$bin"
tmp="$(mktemp -d "$bin/.kube-build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
pkgs=()
names=()
if needs_build kube-apiserver; then
  pkgs+=("$kube_pkg")
  names+=("kube-apiserver $kube_version")
else
  log "kube-apiserver $kube_version is up to date"
fi
if needs_build etcd; then
  pkgs+=("$etcd_pkg")
  names+=("etcd $etcd_version")
else
  log "etcd $etcd_version is up to date"
fi

if [[ ${#pkgs[@]} -gt 0 ]]; then
  log "building ${names[*]} (a cold Go cache takes about 10 minutes on 2 cores)"
  # One invocation so both share the compiled dependencies; etcd's main package is named
  # after its module folder ("v3"), so it is renamed below.
  go build "${modflags[@]}" -trimpath \
    -ldflags="$kube_pkg=$kube_ldflags" \
    -ldflags="$etcd_pkg=$etcd_ldflags" \
    -o "$tmp/" "${pkgs[@]}" || die "go build failed for ${names[*]}"
  [[ -f "$tmp/kube-apiserver" ]] && mv -f "$tmp/kube-apiserver" "$bin/kube-apiserver"
  [[ -f "$tmp/v3" ]] && mv -f "$tmp/v3" "$bin/etcd"
  [[ -f "$tmp/server" ]] && mv -f "$tmp/server" "$bin/etcd"
  log "built ${names[*]} into $bin in $((SECONDS - start))s"
else
  log "all binaries in $bin are up to date"
fi

for name in kube-apiserver etcd; do
  [[ -x "$bin/$name" ]] || die "$bin/$name is missing after the build"
done
