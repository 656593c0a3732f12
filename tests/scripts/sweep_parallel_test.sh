#!/usr/bin/env bash
# A small sweep run the way docs/scaling.md runs it on one machine: planned, run by GNU
# parallel through the generated run-parallel.sh, merged, and checked: every job's run in
# the merged store exactly once, with its events; running the script again redoes
# nothing; merging the same files again is refused. (Mutation tried: run-parallel.sh with
# `seq 0 N` instead of `seq 0 N-1` -- parallel's job 4 fails and so does this test.)
# Usage: sweep_parallel_test.sh RECOSCOPE_CLI
set -euo pipefail
cli="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '{"history": [2, 30], "neighbours": [5, 200]}\n' >"$work/grid.json"
"$cli" sweep --scenario teaching-small --recommender itemknn --grid "$work/grid.json" \
    --seeds 1 --events 300 --out "$work/sweep"
RECOSCOPE_CLI="$cli" JOBS=2 "$work/sweep/run-parallel.sh"
[ "$(tail -n +2 "$work/sweep/parallel.log" | awk '$7 == 0' | wc -l)" -eq 4 ] ||
    fail "parallel did not run 4 jobs successfully: $(cat "$work/sweep/parallel.log")"
ls "$work"/sweep/job-*.db.part 2>/dev/null && fail "a job left a .part behind"

"$cli" merge "$work"/sweep/job-*.db --out "$work/all.db"
labels="$(sqlite3 "$work/all.db" "SELECT label FROM runs WHERE status = 'finished' ORDER BY label")"
expected="$(for i in 0 1 2 3; do echo "sweep:$(sed -n 's/.*"sweep_id": "\([0-9a-f]*\)".*/\1/p' "$work/sweep/jobs.json") job:$i"; done)"
[ "$labels" = "$expected" ] || fail "merged runs are not each job once: $labels"
[ "$(sqlite3 "$work/all.db" "SELECT count(*) FROM events")" -eq 1200 ] ||
    fail "merged events are not 4 x 300"
"$cli" report --sweep "$work/all.db" | grep -q '\*' || fail "no Pareto-optimal row marked"

# Again: every job is skipped (its job-I.db is finished), and the store is not merged twice.
before="$(md5sum "$work"/sweep/job-*.db)"
RECOSCOPE_CLI="$cli" JOBS=2 "$work/sweep/run-parallel.sh" 2>"$work/again.err"
[ "$(grep -c 'already finished' "$work/again.err")" -eq 4 ] || fail "jobs were not skipped"
[ "$before" = "$(md5sum "$work"/sweep/job-*.db)" ] || fail "the store of a finished job changed"
if "$cli" merge "$work/sweep/job-0.db" --out "$work/all.db" 2>"$work/merge.err"; then
    fail "the same run was merged twice"
fi
grep -q 'the same run twice' "$work/merge.err" || fail "$(cat "$work/merge.err")"
[ "$(sqlite3 "$work/all.db" "SELECT count(*) FROM runs")" -eq 4 ] || fail "all.db changed"
echo "ok: 4 jobs through GNU parallel, merged once each"
