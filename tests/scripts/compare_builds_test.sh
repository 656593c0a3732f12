#!/usr/bin/env bash
# scripts/compare-builds.py, the before/after check of docs/performance.md: the same build
# twice gives the same results and prints a median ratio (exit 0); a "new" build whose
# results differ (here: the same binary with another seed) is refused with the fields named
# (exit 1), never given a ratio; a run that fails is reported with its error (exit 2).
# (Mutation tried: differing_fields() skipping every field -- the seed case then exits 0
# and this test fails.)
# Usage: compare_builds_test.sh SOURCE_DIR RECOSCOPE_CLI
set -euo pipefail
script="$1/scripts/compare-builds.py"
cli="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
args=(--scenario teaching-small --recommender random --events 2000 --no-db)

out="$(python3 "$script" -n 2 "$cli" "$cli" -- "${args[@]}")" || fail "same build: exit $?: $out"
grep -q "results the same in all 2 pairs" <<<"$out" || fail "same build: $out"
grep -q "median" <<<"$out" || fail "same build, no median: $out"
[ "$(grep -cE '^ +[12] +[0-9]+ +[0-9]+ +[0-9.]+$' <<<"$out")" -eq 2 ] ||
    fail "not 2 pair rows: $out"

out="$(python3 "$script" --side-by-side -n 1 "$cli" "$cli" -- "${args[@]}")" ||
    fail "side by side: exit $?: $out"
grep -q "results the same in all 1 pairs" <<<"$out" || fail "side by side: $out"

printf '#!/bin/sh\nexec "%s" "$@" --seed 99\n' "$cli" >"$work/other-seed"
chmod +x "$work/other-seed"
status=0
out="$(python3 "$script" -n 2 "$cli" "$work/other-seed" -- "${args[@]}")" || status=$?
[ "$status" -eq 1 ] || fail "other seed: exit $status, want 1: $out"
grep -q "results differ in pair 1" <<<"$out" || fail "other seed, no difference named: $out"
grep -q "median" <<<"$out" && fail "other seed given a ratio: $out"

status=0
err="$(python3 "$script" -n 1 "$cli" "$cli" -- --scenario no-such-scenario \
    --recommender random 2>&1)" || status=$?
[ "$status" -eq 2 ] || fail "failing run: exit $status, want 2: $err"
grep -q "no-such-scenario" <<<"$err" || fail "failing run, error not shown: $err"
echo "compare-builds: same, differing and failing runs as documented"
