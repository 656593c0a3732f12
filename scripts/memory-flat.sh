#!/usr/bin/env bash
# Memory is flat in the number of events: for each core, the peak resident memory of a
# run of N1 events and of a run of N2 events on the same long shop (the `default`
# scenario stretched to 400 days). A core whose state grows with events shows a larger
# peak at N2. Usage: scripts/memory-flat.sh [BUILD_DIR] [N1] [N2] [core...]
set -euo pipefail
build="${1:-build}"
n1="${2:-2000000}"
n2="${3:-10000000}"
shift 3 || shift $#
cli="$build/bin/recoscope-cli"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The default shop over 400 days: long enough for 10 M events.
python3 - "$tmp/long.json" <<'PY'
import json, sys
json.dump({"name": "default-long", "duration_days": 400, "catalogue": {"items": 3000},
           "population": {"users": 5000}}, open(sys.argv[1], "w"))
PY
cores=("$@")
if [ ${#cores[@]} -eq 0 ]; then
    mapfile -t cores < <("$cli" list-recommenders | cut -f1)
fi
printf '%-14s %12s %12s %8s\n' core "rss@${n1}" "rss@${n2}" growth
for c in "${cores[@]}"; do
    rss() {
        /usr/bin/time -f '%M' -o "$tmp/rss" "$cli" run --scenario "$tmp/long.json" --recommender "$c" \
            --events "$1" --no-db >/dev/null 2>&1 || { echo "failed"; return; }
        echo "$(( $(cat "$tmp/rss") / 1024 ))MB"
    }
    a=$(rss "$n1"); b=$(rss "$n2")
    printf '%-14s %12s %12s %8s\n' "$c" "$a" "$b" \
        "$(python3 -c "import sys; a,b=sys.argv[1:]; print(f'{int(b[:-2])/int(a[:-2]):.2f}x' if a.endswith('MB') and b.endswith('MB') else '-')" "$a" "$b")"
done
