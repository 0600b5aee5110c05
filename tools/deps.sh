#!/usr/bin/env bash
# Installs the Debian packages sosu builds and tests with, if any is missing (needs root or sudo).
# Sourced by tools/setup.sh and tools/test.sh; nothing is downloaded outside apt.
sosu_install_deps() {
  local packages=(g++ cmake ninja-build pkg-config libicu-dev libre2-dev libpugixml-dev
                  nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev libgumbo-dev libarchive-dev
                  zlib1g-dev poppler-utils libsqlite3-dev sqlite3 parallel)
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "sosu: installing ${missing[*]}" >&2
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
