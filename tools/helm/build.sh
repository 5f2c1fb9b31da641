#!/usr/bin/env bash
# Builds the Helm tooling pinned in tools/helm/go.mod into <repo>/.cache/bin/:
#   helm3          helm.sh/helm/v3/cmd/helm
#   helm4          helm.sh/helm/v4/cmd/helm
#   helm-unittest  github.com/helm-unittest/helm-unittest/cmd/helm-unittest
# Sources come from the Go module proxy (checked against go.sum); nothing else is downloaded.
# A binary is rebuilt only when it is missing or older than go.mod, go.sum or this script.
# Usage: tools/helm/build.sh [--force]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.cache/bin"

log() { printf 'helm-tools: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

force=false
case "${1:-}" in
  "") ;;
  --force) force=true ;;
  -h | --help)
    sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
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

# Versions as resolved by the module graph ("path version [replacement-path]" per line).
listed="$(go list "${modflags[@]}" -e -m -f '{{.Path}} {{.Version}}{{with .Replace}} {{.Path}}{{end}}' \
  helm.sh/helm/v3 helm.sh/helm/v4 github.com/helm-unittest/helm-unittest k8s.io/client-go \
  github.com/vmware-labs/yaml-jsonpath)" ||
  die "could not read module versions from $here/go.mod"
helm3_version="" helm4_version="" unittest_version="" client_go_version=""
jsonpath_version="" jsonpath_replacement=""
while read -r path version replacement; do
  case "$path" in
    helm.sh/helm/v3) helm3_version="$version" ;;
    helm.sh/helm/v4) helm4_version="$version" ;;
    github.com/helm-unittest/helm-unittest) unittest_version="$version" ;;
    k8s.io/client-go) client_go_version="$version" ;;
    github.com/vmware-labs/yaml-jsonpath)
      jsonpath_version="$version"
      jsonpath_replacement="${replacement:-}"
      ;;
  esac
done <<<"$listed"
[[ -n "$helm3_version" && -n "$helm4_version" && -n "$unittest_version" && -n "$client_go_version" ]] ||
  die "go.mod must require helm.sh/helm/v3, helm.sh/helm/v4, helm-unittest and k8s.io/client-go"
# helm-unittest needs its fork of yaml-jsonpath. The replace in go.mod names an exact version,
# so it silently stops applying if a bump moves vmware-labs/yaml-jsonpath to another version.
if [[ -n "$jsonpath_version" && "$jsonpath_replacement" != github.com/helm-unittest/yaml-jsonpath ]]; then
  die "github.com/vmware-labs/yaml-jsonpath $jsonpath_version is not replaced by" \
    "github.com/helm-unittest/yaml-jsonpath; copy the replace line from helm-unittest's go.mod (see README.md)"
fi

# Helm 3 release builds derive the default Kubernetes version (used by `helm template`,
# `helm lint` and .Capabilities.KubeVersion) from client-go: v0.N.P -> 1.N.
# Helm 4 reads it from the embedded build info at run time, so it needs no flag.
cg="${client_go_version#v}"
k8s_major="$((${cg%%.*} + 1))"
k8s_minor="${cg#*.}"
k8s_minor="${k8s_minor%%.*}"

h3_pkg=helm.sh/helm/v3/cmd/helm
h4_pkg=helm.sh/helm/v4/cmd/helm
ut_pkg=github.com/helm-unittest/helm-unittest/cmd/helm-unittest

h3_ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$helm3_version"
h3_ldflags+=" -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=$k8s_major"
h3_ldflags+=" -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$k8s_minor"
h3_ldflags+=" -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=$k8s_major"
h3_ldflags+=" -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$k8s_minor"
h4_ldflags="-s -w -X helm.sh/helm/v4/internal/version.version=$helm4_version"
# helm-unittest compares this against a suite's `requiredVersion`; its releases use the
# plugin.yaml form without the leading "v".
ut_ldflags="-s -w -X github.com/helm-unittest/helm-unittest/internal/build.version=${unittest_version#v}"

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
tmp="$(mktemp -d "$bin/.helm-build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
built=()

# Both Helm main packages are named "helm", and `go build -o DIR/` silently writes only one
# of them, so Helm 4 gets its own invocation. The second invocation reuses the compiled
# dependencies the first one left in the Go build cache.
group1_pkgs=()
group1_names=()
if needs_build helm3; then
  group1_pkgs+=("$h3_pkg")
  group1_names+=("helm3 $helm3_version")
else
  log "helm3 $helm3_version is up to date"
fi
if needs_build helm-unittest; then
  group1_pkgs+=("$ut_pkg")
  group1_names+=("helm-unittest $unittest_version")
else
  log "helm-unittest $unittest_version is up to date"
fi

if [[ ${#group1_pkgs[@]} -gt 0 ]]; then
  log "building ${group1_names[*]} (first cold build takes several minutes)"
  mkdir -p "$tmp/g1"
  go build "${modflags[@]}" -trimpath \
    -ldflags="$h3_pkg=$h3_ldflags" \
    -ldflags="$ut_pkg=$ut_ldflags" \
    -o "$tmp/g1/" "${group1_pkgs[@]}" || die "go build failed for ${group1_names[*]}"
  if [[ -f "$tmp/g1/helm" ]]; then
    mv -f "$tmp/g1/helm" "$bin/helm3"
    built+=(helm3)
  fi
  if [[ -f "$tmp/g1/helm-unittest" ]]; then
    mv -f "$tmp/g1/helm-unittest" "$bin/helm-unittest"
    built+=(helm-unittest)
  fi
fi

if needs_build helm4; then
  log "building helm4 $helm4_version"
  go build "${modflags[@]}" -trimpath -ldflags="$h4_ldflags" -o "$tmp/helm4" "$h4_pkg" ||
    die "go build failed for helm4"
  mv -f "$tmp/helm4" "$bin/helm4"
  built+=(helm4)
else
  log "helm4 $helm4_version is up to date"
fi

for name in helm3 helm4 helm-unittest; do
  [[ -x "$bin/$name" ]] || die "$bin/$name is missing after the build"
done

if [[ ${#built[@]} -gt 0 ]]; then
  log "built ${built[*]} into $bin in $((SECONDS - start))s"
else
  log "all binaries in $bin are up to date"
fi
