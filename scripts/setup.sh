#!/usr/bin/env bash
# Installs the Debian 12 packages kg builds with, then configures and builds it.
# Quick when everything is already installed and built. Non-interactive, so it runs
# in CI as root with no standard input.
#   usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  librocksdb-dev
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  graphviz libxml2-utils openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" </dev/null
fi

# Node and the npm packages of the server's reflection test (tests/server/node), an
# independent gRPC client. Optional: without them that one test reports itself skipped.
if ! command -v node >/dev/null 2>&1; then
  echo "setup: installing nodejs npm" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends nodejs npm </dev/null; } ||
    echo "setup: could not install nodejs npm; the Node reflection test will skip" >&2
fi
node_dir=tests/server/node
if command -v npm >/dev/null 2>&1 &&
   { [ ! -f "$node_dir/node_modules/.package-lock.json" ] ||
     [ "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]; }; then
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null) ||
    echo "setup: npm ci failed in $node_dir; the Node reflection test will skip" >&2
fi

build_dir=${1:-build}
shift || true
cmake -S . -B "$build_dir" "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
