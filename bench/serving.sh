#!/usr/bin/env bash
# The scoring API (POST /v1/score/{use_case}, one customer by token, reasons on) under wrk beside
# two peers in the same run: a minimal C epoll server answering a fixed response, built here with
# the system compiler, and a bare Javalin handler. Options are passed on: --trees N (default 100),
# --seconds N per run (default 5), --connections N (default 16), --runs N (default 3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1
  else
    echo "bench/serving.sh needs wrk, Debian's package: sudo apt-get install wrk" >&2
    exit 1
  fi
fi
floor="$(mktemp -d)/floor"
cc -O2 -Wall -o "$floor" "$root/bench/serving/floor.c" -lpthread
exec "$root/bench/run-bench.sh" 2g serving --floor "$floor" "$@"
