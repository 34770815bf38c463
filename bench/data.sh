#!/usr/bin/env bash
# Data environment benchmarks: simulator rows/s, ingest of 1M transactions beside a bare DuckDB
# CSV->Parquet COPY (same run), and ingest's peak memory at two batch sizes.
# Options are passed on: --rows N (default 1000000), --runs N (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build's output goes to a log (Maven prints colour codes even when asked not to); it is shown only if the build fails.
log="$(mktemp)"
if ! (cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package) >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
exec java -Xmx2g -jar "$root/assay-bench/target/assay-bench.jar" data "$@"
