#!/usr/bin/env bash
# Installs the LuaJIT that tests the chart's Fluent Bit lift script (Fluent Bit's lua filter runs
# LuaJIT 2.1) and lua-cjson, which the test harness decodes records with. Debian 12 packages,
# pinned; the package index is refreshed only when a pinned version is not already installed.
set -euo pipefail
PACKAGES=(
  "luajit=2.1.0~beta3+git20220320+dfsg-4.1+deb12u1"
  "lua-cjson=2.1.0+dfsg-2.2"
)

installed() {
  local name=${1%%=*} version=${1#*=}
  [ "$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null)" = "install ok installed $version" ]
}

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "tools/lua/install.sh needs apt-get (Debian 12) to install: ${missing[*]}" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
