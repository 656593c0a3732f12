#!/usr/bin/env bash
# The completeness check must catch the bug that once broke every fresh machine: Qt6Charts
# needs Qt6OpenGL's CMake config, which only libqt6opengl6-dev installs. With that package
# taken out of the list, scripts/check-deps.sh must fail and name it; with the real list
# it must pass. (Mutation tried: the list before commit "install-deps: libqt6opengl6-dev",
# which this test reproduces with --without.)
set -uo pipefail
root="$1"
build="$2"
out="$("$root/scripts/check-deps.sh" --build-dir "$build" --without libqt6opengl6-dev 2>&1)"
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q 'package libqt6opengl6-dev is used but not installed' <<<"$out"; then
    echo "FAIL: the check did not catch a list without libqt6opengl6-dev (exit $rc):"
    echo "$out"
    exit 1
fi
echo "ok: a list without libqt6opengl6-dev is refused:"
grep libqt6opengl6-dev <<<"$out"
out="$("$root/scripts/check-deps.sh" --build-dir "$build" 2>&1)"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the real list is incomplete (exit $rc):"
    echo "$out"
    exit 1
fi
echo "$out"
