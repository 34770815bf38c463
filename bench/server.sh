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
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build's output goes to a log (Maven prints colour codes even when asked not to); it is shown only if the build fails.
log="$(mktemp)"
if ! (cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package) >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
exec java -Xmx1g -jar "$root/assay-bench/target/assay-bench.jar" server "$@"
