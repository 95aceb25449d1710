#!/usr/bin/env bash
# Sets up, builds, and starts kg-server on the shipped seeds: it listens on
# 127.0.0.1:50051 and keeps its RocksDB store in ./data. Extra arguments go to kg-server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
exec build/kg-server --listen=127.0.0.1:50051 --db=data --seeds=seeds "$@"
