#!/usr/bin/env bash
# `make run`: the workbench on the default scenario; on a machine without a display, the
# same scenario headless with recoscope-cli, printing its summary.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/build/bin"
db="${RECOSCOPE_DB:-$here/recoscope.db}"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
    if [ -x "$bin/recoscope" ]; then
        exec "$bin/recoscope" --scenario default --db "$db"
    fi
    echo "recoscope: the GUI was not built (RECOSCOPE_BUILD_UI=OFF); running headless." >&2
else
    echo "recoscope: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the default scenario headless with recoscope-cli." >&2
fi
exec "$bin/recoscope-cli" run --scenario default --recommender itemknn --db "$db"
