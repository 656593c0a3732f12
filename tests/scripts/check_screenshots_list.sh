#!/usr/bin/env bash
# `make screenshots` must regenerate every image the docs show, and show every image it
# makes (issue 14). Compares three sets:
#   listed      what recoscope-screenshots writes (`--list`, in English and zh_CN),
#   referenced  every images/NAME.png named in README.md and docs/*.md,
#   committed   the files in docs/images.
# Fails naming each file that is referenced or committed but never written (it would go
# stale), or written but referenced nowhere (nobody looks at it).
# (Mutation tried: "run-history" taken out of the tool's kImages -> fails naming
# run-history.png and run-history-zh_CN.png.)
# Usage: check_screenshots_list.sh REPO_ROOT SCREENSHOTS_TOOL
set -uo pipefail
root="$1"
tool="$2"
export QT_QPA_PLATFORM=offscreen
listed="$( { "$tool" --list && "$tool" --list --lang zh_CN; } | sort -u)" || {
    echo "FAIL: $tool --list failed"
    exit 1
}
if [ -z "$listed" ]; then
    echo "FAIL: $tool --list printed nothing"
    exit 1
fi
referenced="$(grep -ohE 'images/[A-Za-z0-9_.-]+\.png' "$root/README.md" "$root"/docs/*.md |
    sed 's|images/||' | sort -u)"
committed="$(cd "$root/docs/images" && ls -1 -- *.png 2>/dev/null | sort -u)"
status=0
while read -r f; do
    [ -z "$f" ] && continue
    if ! grep -qxF "$f" <<<"$listed"; then
        echo "FAIL: docs reference images/$f, which recoscope-screenshots never writes"
        status=1
    fi
done <<<"$referenced"
while read -r f; do
    [ -z "$f" ] && continue
    if ! grep -qxF "$f" <<<"$listed"; then
        echo "FAIL: docs/images/$f is committed but recoscope-screenshots never writes it"
        status=1
    fi
done <<<"$committed"
while read -r f; do
    if ! grep -qxF "$f" <<<"$referenced"; then
        echo "FAIL: recoscope-screenshots writes $f, but README.md and docs/*.md never show it"
        status=1
    fi
    if ! grep -qxF "$f" <<<"$committed"; then
        echo "FAIL: recoscope-screenshots writes $f, but docs/images/$f is not committed"
        status=1
    fi
done <<<"$listed"
[ "$status" -eq 0 ] && echo "ok: $(wc -l <<<"$listed") images, each written, committed and shown"
exit "$status"
