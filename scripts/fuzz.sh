#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs
# each for FUZZ_SECONDS (default 60) on its seed corpus (tests/fuzz/corpus/<target>) plus the
# inputs it found before (build-fuzz/fuzz/found/<target>). A crash stops that target and
# leaves the input in build-fuzz/fuzz/crash-<target>-*: copy it to
# tests/fuzz/regressions/<target>/ once fixed, so tst_fuzz_<target> replays it for good.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${FUZZ_SECONDS:-60}"
build="$here/build-fuzz"
targets=(scenario log_reader cli run_store)

cd "$here"
if [ ! -f "$build/build.ninja" ]; then
    cmake --preset fuzz >/dev/null
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" \
    --target recoscope-cli $(printf 'fuzz_%s ' "${targets[@]}")

# A real store as a seed for the store reader, so mutations reach the tables.
seeds="$build/fuzz/seeds"
mkdir -p "$seeds/run_store"
if [ ! -f "$seeds/run_store/short-run.db" ]; then
    "$build/bin/recoscope-cli" run --scenario teaching-small --recommender popularity \
        --events 300 --db "$seeds/run_store/short-run.db" >/dev/null
fi

status=0
for t in "${targets[@]}"; do
    found="$build/fuzz/found/$t"
    mkdir -p "$found" "$seeds/$t"
    echo "fuzz: $t for ${seconds}s"
    # Crash files land in build-fuzz/fuzz (-artifact_prefix); a failing target does not
    # stop the others.
    if ! (cd "$build/fuzz" && ASAN_OPTIONS=detect_leaks=0 "./fuzz_$t" -max_total_time="$seconds" \
        -timeout=30 -rss_limit_mb=4096 -artifact_prefix="crash-$t-" -print_final_stats=1 \
        "$found" "$here/tests/fuzz/corpus/$t" "$seeds/$t" 2>"$build/fuzz/$t.log"); then
        echo "fuzz: $t FAILED, see $build/fuzz/$t.log and $build/fuzz/crash-$t-*" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/fuzz/$t.log" || true
done
exit $status
