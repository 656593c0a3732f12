#!/usr/bin/env bash
# `make bench`: runs every benchmark under BUILD_DIR/bench and prints its figures.
# Extra arguments go to each benchmark (e.g. --benchmark_filter=popularity).
set -euo pipefail
build="${1:-build}"
shift || true
found=0
for b in "$build"/bench/bench_*; do
    [ -x "$b" ] || continue
    # bench_memory is not a Google Benchmark program and takes about an hour:
    # `make bench-memory` runs it.
    [ "$(basename "$b")" = bench_memory ] && continue
    found=1
    echo "== $(basename "$b")"
    "$b" "$@"
done
if [ "$found" -eq 0 ]; then
    echo "no benchmarks in $build/bench (configure with RECOSCOPE_BUILD_BENCHMARKS=ON)" >&2
    exit 1
fi
