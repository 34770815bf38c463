#!/usr/bin/env bash
# The REST API's read path (a version read with its bearer token, and the public health route)
# beside a bare Javalin handler answering the same bytes, under the same client load, same run.
# Options are passed on: --requests N (default 4000), --clients N (default 8), --runs N (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -pl assay-bench -am package >&2)
exec java -Xmx1g -jar "$root/assay-bench/target/assay-bench.jar" server "$@"
