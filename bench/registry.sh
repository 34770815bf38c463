#!/usr/bin/env bash
# Registry benchmarks on the embedded SQLite file and on PostgreSQL (127.0.0.1:5432/test, skipped when not
# reachable): transitions/s with their audit events for 1 and 16 clients beside a bare UPDATE, and
# audit verification in events/s over a 1M-event chain beside a bare read of the same rows.
# Options are passed on: --transitions N (default 1600), --events N (default 1000000), --runs N (default 3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build's output goes to a log (Maven prints colour codes even when asked not to); it is shown only if the build fails.
log="$(mktemp)"
if ! (cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package) >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
exec java -Xmx2g -jar "$root/assay-bench/target/assay-bench.jar" registry "$@"
