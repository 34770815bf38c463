#!/usr/bin/env bash
# Training-set builds: the overdraft-40d training set (five views, 56 features, three weekly as-of
# dates, population and 40-day labels) built by Assay beside the same SQL inlined into one DuckDB
# statement over the same Parquet files, at 20,000 and 100,000 simulated customers x 180 days; each
# run in a child JVM reporting its time and peak RSS. Takes a while: the banks are simulated and
# ingested first. Options are passed on: --customers N,N (default 20000,100000), --runs N (default 3), --work DIR
# (keep the banks and homes there, and reuse them on the next run of the same day).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 4g features "$@"
