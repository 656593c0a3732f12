#!/usr/bin/env bash
# No compile line carries the checkout's or the build tree's absolute path in a definition:
# ccache keys an object on its definitions (direct mode) and on its preprocessed text, so
# one such path makes a clean clone in another directory recompile that file instead of
# reusing the previous clone's object (decision 0034, "Over the limit once"). The test
# suites get their paths from the one generated file tests/test_paths.cpp instead.
# Allowed: Qt Test's QT_TESTCASE_SOURCEDIR, which only QFINDTESTDATA reads, so it never
# reaches the preprocessed text of a file that does not use it (no file does: checked too).
# (Mutation tried: RECOSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" put back into
# recoscope_add_qtest -- this test then fails and names it.)
# Usage: relocatable_compiles_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$(realpath "$1")"
build="$(realpath "$2")"
db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
    echo "SKIP: $db missing (configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON; the presets do)"
    exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }

# Every -D of every compile line; keep those naming either tree.
found="$(grep -o -- '-D[A-Za-z_][A-Za-z0-9_]*=[^ ]*' "$db" | sort -u |
    grep -F -e "$src" -e "$build" | grep -v '^-DQT_TESTCASE_SOURCEDIR=' || true)"
[ -z "$found" ] || fail "definitions with an absolute path of this checkout:
$found"

lines="$(grep -c '"command"' "$db")"
[ "$lines" -gt 100 ] || fail "only $lines compile lines in $db"
grep -q '/tests/test_paths.cpp"' "$db" || fail "the generated tests/test_paths.cpp is not compiled"

uses="$(grep -rlE --include='*.cpp' --include='*.h' 'QFINDTESTDATA|qFindTestData' \
    "$src/tests" "$src/core" "$src/simulation" "$src/ui" "$src/app" || true)"
[ -z "$uses" ] || fail "QFINDTESTDATA would need the build folder Qt Test is no longer given:
$uses"
echo "ok: $lines compile lines, no definition holds $src or $build"
