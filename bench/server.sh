#!/usr/bin/env bash
# The REST API's read path (a version read with its bearer token, and the public health route)
# beside a bare Javalin handler answering the same bytes, under the same client load, same run.
# Options are passed on: --requests N (default 4000), --clients N (default 8), --runs N (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build's output goes to a log (Maven prints colour codes even when asked not to); it is shown only if the build fails.
log="$(mktemp)"
if ! (cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package) >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
exec java -Xmx1g -jar "$root/assay-bench/target/assay-bench.jar" server "$@"
