#!/usr/bin/env bash
# Shared by the bench scripts: builds assay-bench and runs one benchmark of it in a JVM with the
# given heap. Usage: bench/run-bench.sh HEAP BENCHMARK [options...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
heap="$1"
shift
# The build's output goes to a log (Maven prints colour codes even when asked not to); it is shown only if the build fails.
log="$(mktemp)"
if ! (cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package) >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
exec java "-Xmx$heap" -jar "$root/assay-bench/target/assay-bench.jar" "$@"
