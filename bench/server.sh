#!/usr/bin/env bash
# The REST API's read path (a version read with its bearer token, and the public health route)
# beside a bare Javalin handler answering the same bytes, under the same load from wrk (a load
# generator outside the JVM), same run. Options are passed on: --seconds N per run (default 5),
# --connections N (default 16), --runs N (default 5).
set -euo pipefail
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1
  else
    echo "bench/server.sh needs wrk, Debian's package: sudo apt-get install wrk" >&2
    exit 1
  fi
fi
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 1g server "$@"
