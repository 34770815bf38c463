#!/usr/bin/env bash
# Scoring benchmark: the compiled scorer beside XGBoost4J on BANK-300 (binary:logistic, 300 trees, depth 6,
# 50 features, ~2 % missing; trained here on seeded simulated rows), measured in the same run with JMH:
# one-row p50/p99, batch rows/s on 1 and 2 threads; plus byte-reproducible training and a bit-identity
# check of the margins over 1M rows. Options are passed on: --train-rows N (default 100000),
# --check-rows N (default 1000000), --iterations N (JMH measured iterations, default 5).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 2g scoring "$@"
