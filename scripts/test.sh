#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite. CI runs exactly this.
#   usage: scripts/test.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
scripts/setup.sh "$@"
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 900
