#!/usr/bin/env bash
# Registry benchmarks on the embedded SQLite file and on PostgreSQL (127.0.0.1:5432/test, skipped when not
# reachable): transitions/s with their audit events for 1 and 16 clients beside a bare UPDATE, and
# audit verification in events/s over a 1M-event chain beside a bare read of the same rows.
# Options are passed on: --transitions N (default 1600), --events N (default 1000000), --runs N (default 3).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 2g registry "$@"
