#!/usr/bin/env bash
# `make screenshots`: renders the workbench into docs/images/ (used by README.md and
# docs/user-guide.md): the main window during a two-core run, the comparison view from
# the run history, the inspectors, the dashboard tabs, teaching mode, a sweep's
# trade-offs and an off-policy check, in English and Simplified Chinese. Uses the offscreen
# Qt platform (no display needed); set SCREENSHOTS_XVFB=1 to render under Xvfb instead
# (xvfb-run), e.g. to check real fonts.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$here/$build" ;; esac
tool="$build/bin/recoscope-screenshots"
if [ ! -x "$tool" ]; then
    echo "screenshots: $tool is missing (build with RECOSCOPE_BUILD_UI=ON and BUILD_TESTING=ON)" >&2
    exit 1
fi
out="$here/docs/images"
mkdir -p "$out"
run() {
    if [ "${SCREENSHOTS_XVFB:-0}" = "1" ]; then
        xvfb-run -a -s "-screen 0 1920x1200x24" "$tool" "$@"
    else
        QT_QPA_PLATFORM=offscreen "$tool" "$@"
    fi
}
run "$out"
run "$out" --lang zh_CN
# Keep the files small for the repository: 8-bit palettes are plenty for UI captures.
if command -v convert >/dev/null 2>&1; then
    for f in "$out"/*.png; do
        convert "$f" -strip -colors 256 PNG8:"$f.tmp" && mv "$f.tmp" "$f"
    done
fi
ls -l "$out"
