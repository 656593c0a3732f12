#!/usr/bin/env bash
# The installed package as an out-of-tree plugin author uses it (docs/plugins.md): install
# the Recoscope_Development component into a temporary prefix, configure and build
# examples/cpp-plugin against it with find_package(Recoscope) -- nothing from the source or
# build tree on its include path -- then load the result with recoscope-cli. (Mutation
# tried: the install(DIRECTORY include/ ...) rule removed -- the example no longer finds
# recoscope/core/plugin_api.h and this test fails.)
# Usage: install_package_test.sh SOURCE_DIR BUILD_DIR RECOSCOPE_CLI
set -euo pipefail
src="$1"
build="$2"
cli="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" --component Recoscope_Development >/dev/null
[ -f "$work/prefix/lib/cmake/Recoscope/RecoscopeConfig.cmake" ] ||
    [ -n "$(find "$work/prefix" -name RecoscopeConfig.cmake)" ] || fail "no RecoscopeConfig.cmake"
[ -n "$(find "$work/prefix" -name RecoscopeConfigVersion.cmake)" ] ||
    fail "no RecoscopeConfigVersion.cmake"
[ -f "$work/prefix/include/recoscope/core/plugin_api.h" ] || fail "plugin_api.h not installed"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# A copy of the example, so that nothing in the source tree can leak in by a relative path.
cp -r "$src/examples/cpp-plugin" "$work/plugin-src"
cmake -S "$work/plugin-src" -B "$work/plugin-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$work/prefix" "${launcher[@]}" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "configuring the example against the installed package"; }
grep -q "$src/core" "$work/plugin-build/build.ninja" &&
    fail "the example was built with headers from the source tree"
cmake --build "$work/plugin-build" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "building the example against the installed package"; }
plugin="$work/plugin-build/libprice_neighbours.so"
[ -f "$plugin" ] || fail "no libprice_neighbours.so"

out="$("$cli" list-recommenders --plugin "$plugin")" || fail "recoscope-cli refused the plugin"
echo "$out" | grep -q "^price-neighbours	" || fail "price-neighbours not listed: $out"
"$cli" run --plugin "$plugin" --scenario teaching-small --recommender price-neighbours \
    --events 500 --no-db --json | grep -q '"recommender":"price-neighbours"' ||
    fail "the installed-package plugin did not run"
echo "OK: installed to a temporary prefix, example built with find_package(Recoscope) and loaded"
