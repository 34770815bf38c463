#!/usr/bin/env bash
# Data environment benchmarks: simulator rows/s, ingest of 1M transactions beside a bare DuckDB
# CSV->Parquet COPY (same run), and ingest's peak memory at two batch sizes.
# Options are passed on: --rows N (default 1000000), --runs N (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package >&2)
exec java -Xmx2g -jar "$root/assay-bench/target/assay-bench.jar" data "$@"
