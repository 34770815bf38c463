#!/usr/bin/env bash
# Data environment benchmarks: simulator rows/s, ingest of 1M transactions beside a bare DuckDB
# CSV->Parquet COPY (same run), and ingest's peak memory at two batch sizes.
# Options are passed on: --rows N (default 1000000), --runs N (default 5).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 2g data "$@"
