#!/usr/bin/env bash
# Downloads the OpenSearch test-node artifacts from Maven Central into
# <repo>/.cache/opensearch/artifacts (or $LOGLIFT_OPENSEARCH_CACHE/artifacts).
#
# Usage: tools/opensearch/fetch.sh [--with-index-management]
#
# Files that are already present are not fetched again, so a second run needs
# no network. Maven's own output goes to stderr; stdout stays empty.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${LOGLIFT_OPENSEARCH_CACHE:-$repo/.cache/opensearch}"
artifacts="$cache/artifacts"

OPENSEARCH_VERSION=""
PLUGIN_VERSION=""
while IFS='=' read -r key value; do
  case "$key" in
    OPENSEARCH_VERSION) OPENSEARCH_VERSION="$value" ;;
    PLUGIN_VERSION) PLUGIN_VERSION="$value" ;;
  esac
done < <(grep -E '^[A-Z_]+=' "$here/versions.env")
: "${OPENSEARCH_VERSION:?missing in versions.env}"
: "${PLUGIN_VERSION:?missing in versions.env}"

with_im=false
for arg in "$@"; do
  case "$arg" in
    --with-index-management) with_im=true ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fetch.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# groupId:artifactId:version:type; Maven names each file artifactId-version.type
required=(
  "org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip"
  "org.opensearch.plugin:opensearch-job-scheduler:$PLUGIN_VERSION:zip"
  "org.opensearch.plugin:opensearch-security:$PLUGIN_VERSION:zip"
)
# Not served by Maven Central for any 2.19.x (checked 2.19.0.0 .. 2.19.7.0);
# only tried on request, and a miss is not an error.
optional=()
if $with_im; then
  optional+=("org.opensearch.plugin:opensearch-index-management:$PLUGIN_VERSION:zip")
fi

dep_plugin="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
mvn_args=(-B -q -Dstyle.color=never)
if [[ -n "${LOGLIFT_OPENSEARCH_M2:-}" ]]; then
  mvn_args+=("-Dmaven.repo.local=$LOGLIFT_OPENSEARCH_M2")
fi

mkdir -p "$artifacts"

file_for() {
  local IFS=':'
  # shellcheck disable=SC2206
  local parts=($1)
  echo "${parts[1]}-${parts[2]}.${parts[3]}"
}

# Copies the given coordinates into $artifacts with one Maven run
# (offline first, which is quick when they already sit in the local Maven repository).
fetch_all() {
  local work="$artifacts/.fetch-$$" coord deps="" missing=()
  for coord in "$@"; do
    [[ -s "$artifacts/$(file_for "$coord")" ]] || missing+=("$coord")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  rm -rf "$work"
  mkdir -p "$work/out"
  for coord in "${missing[@]}"; do
    IFS=':' read -r g a v t <<<"$coord"
    deps+="<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version><type>$t</type></dependency>"
  done
  cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>loglift.local</groupId><artifactId>opensearch-fetch</artifactId><version>0</version>
  <packaging>pom</packaging>
  <dependencies>$deps</dependencies>
</project>
POM
  local goal=("$dep_plugin:copy-dependencies" "-DoutputDirectory=$work/out" -DexcludeTransitive=true)
  if ! mvn "${mvn_args[@]}" -o -f "$work/pom.xml" "${goal[@]}" >/dev/null 2>&1; then
    echo "fetch.sh: downloading ${missing[*]}" >&2
    if ! mvn "${mvn_args[@]}" -f "$work/pom.xml" "${goal[@]}" >&2; then
      rm -rf "$work"
      return 1
    fi
  fi
  for coord in "${missing[@]}"; do
    if [[ ! -s "$work/out/$(file_for "$coord")" ]]; then
      echo "fetch.sh: Maven finished but $(file_for "$coord") is missing" >&2
      rm -rf "$work"
      return 1
    fi
    mv -f "$work/out/$(file_for "$coord")" "$artifacts/$(file_for "$coord")"
  done
  rm -rf "$work"
}

if ! fetch_all "${required[@]}"; then
  echo "fetch.sh: could not fetch the required artifacts: ${required[*]}" >&2
  exit 1
fi
for coord in "${optional[@]}"; do
  if ! fetch_all "$coord"; then
    echo "fetch.sh: optional artifact $coord is not available; continuing without it" >&2
  fi
done
