#!/usr/bin/env bash
# Training benchmark: Assay's XGBoost trainer beside a bare XGBoost4J train of BANK-300 on the same
# rows (300 rounds, depth 6, 50 features, the validation split watched by both), measured in the same
# run; plus whether the model bytes are the same across trainers, runs and thread counts.
# Options are passed on: --train-rows N (default 100000), --runs N (default 3).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" 2g training "$@"
