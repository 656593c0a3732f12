#!/usr/bin/env bash
# Proves that scripts/install-deps.sh's package list is complete: every system file the
# build actually used, and every program the project's scripts call, must belong to a
# Debian package that the list installs (itself or as one of its dependencies) or to the
# base system (Essential or Priority: required, present on every Debian image).
#
# What "used" means, measured rather than guessed:
#   - every CMake file that a fresh configure executed (cmake --trace, json-v1): this is
#     where a missing *Config.cmake such as Qt6OpenGL's shows up;
#   - every system header a compile read (ninja -t deps of the build directory);
#   - every system library a link line names (build.ninja), the compiler and ninja;
#   - every program named in the Makefile, .ci/run, scripts/*.sh and tests/scripts/*.sh
#     that is on PATH.
# A machine that already has a package installed by hand builds fine; this check is
# what catches the omission there (CI's machine is never fresh).
#
# Usage: scripts/check-deps.sh [--build-dir DIR] [--without PKG]...
#   --build-dir DIR  a built tree to read headers and link lines from (default: build)
#   --without PKG    pretend PKG is not in the list (tests the check itself)
# Exit: 0 complete, 1 something is missing (each gap named), 2 usage or set-up error.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
without=()
while [ $# -gt 0 ]; do
    case "$1" in
    --build-dir) build="$(cd "$2" && pwd)"; shift 2 ;;
    --without) without+=("$2"); shift 2 ;;
    *) echo "check-deps: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
for tool in apt-cache dpkg-query cmake ninja awk; do
    command -v "$tool" >/dev/null || { echo "check-deps: needs $tool" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The list, as install-deps.sh itself reports it.
mapfile -t listed < <("$root/scripts/install-deps.sh" --list)
if [ ${#without[@]} -gt 0 ]; then
    mapfile -t listed < <(printf '%s\n' "${listed[@]}" | grep -vxF -f <(printf '%s\n' "${without[@]}"))
fi

# 2. What installing the list brings in: the list and its recursive Depends/PreDepends
#    (alternatives included, recommends not: install-deps.sh passes --no-install-recommends),
#    plus the base system.
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${listed[@]}" 2>/dev/null |
    awk '/^[^ <]/ { sub(/:.*/, ""); print }' >"$work/closure"
dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' |
    awk '$2 == "yes" || $3 == "required" { print $1 }' >>"$work/closure"
sort -u -o "$work/closure" "$work/closure"

# 3. What the build used. A fresh configure with a trace, all options on.
cmake -S "$root" -B "$work/cfg" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON \
    -DRECOSCOPE_BUILD_UI=ON -DRECOSCOPE_BUILD_BENCHMARKS=ON \
    --trace-format=json-v1 --trace-redirect="$work/trace.json" >"$work/configure.log" 2>&1 ||
    configure_failed=1
# "needed-by" lines: PATH<TAB>WHY
grep -o '"file":"[^"]*"' "$work/trace.json" 2>/dev/null | sed 's/^"file":"//; s/"$//' |
    sort -u | awk '{ print $0 "\tloaded by cmake" }' >"$work/used"
awk -F= '/^(CMAKE_CXX_COMPILER|CMAKE_MAKE_PROGRAM|PKG_CONFIG_EXECUTABLE):FILEPATH=/ { print $2 "\tthe build tool " $1 }' \
    "$work/cfg/CMakeCache.txt" 2>/dev/null >>"$work/used" || true
if [ -f "$build/build.ninja" ]; then
    ninja -C "$build" -t deps 2>/dev/null | awk '/^ +\// { sub(/^ +/, ""); print $0 "\tincluded by the build" }' |
        sort -u >>"$work/used"
    grep -ohE '/usr/[^ $]+\.so[^ $]*' "$build/build.ninja" | sort -u |
        awk '{ print $0 "\tlinked by the build" }' >>"$work/used"
else
    echo "check-deps: $build has no build.ninja: headers and link lines not checked (build first)" >&2
fi
# Programs the scripts call: every word of their code that is a program on PATH, leaving
# out comments, single-quoted text (awk programs, patterns), echo/printf messages, and programs a script only uses after
# asking `command -v NAME` (optional by the script's own test). PATH is searched in the
# shell itself, as `type -P` does: a subshell per word was two thirds of this script's time.
on_path() {
    local dir IFS=:
    REPLY=""
    for dir in $PATH; do
        [ -n "$dir" ] || dir=. # an empty PATH entry is the current directory
        if [ -f "$dir/$1" ] && [ -x "$dir/$1" ]; then
            REPLY="$dir/$1"
            return
        fi
    done
}
for f in "$root/Makefile" "$root/.ci/run" "$root"/scripts/*.sh "$root"/tests/scripts/*.sh; do
    optional="$(grep -oE 'command -v [a-z][a-z0-9_.+-]*' "$f" | awk '{ print $3 }' | sort -u || true)"
    sed -E "s/#.*//; s/(echo|printf) [^|;&>]*//g; s/'[^']*'//g" "$f" | grep -oE '(^|[^A-Za-z0-9_./$-])[a-z][a-z0-9_.+-]*[a-z0-9]' |
        sed 's/^[^a-z]//' | sort -u | grep -vxF -e '' -e "$optional" | while read -r word; do
        on_path "$word"
        case "$REPLY" in /usr/* | /bin/* | /sbin/*) printf '%s\tcalled by %s\n' "$REPLY" "${f#"$root"/}" ;; esac
    done
done | sort -u >>"$work/used"
grep -v "^$root/" "$work/used" | grep -v "^$work/" >"$work/system" || true

# 4. Owner of each used file, from dpkg's file lists (one pass; usrmerge: /bin == /usr/bin).
awk 'FNR == 1 { pkg = FILENAME; sub(/.*\//, "", pkg); sub(/\.list$/, "", pkg); sub(/:.*/, "", pkg) }
     { print $0 "\t" pkg }' /var/lib/dpkg/info/*.list >"$work/owners"
# Each path beside its canonical form (usrmerge, alternatives), in one realpath call.
cut -f1 "$work/system" | xargs -r -d '\n' realpath -m -- | paste - "$work/system" |
    awk -F'\t' -v OFS='\t' '{ print $2, $1, $3 }' >"$work/lookup"
awk -F'\t' -v closure="$work/closure" '
    FILENAME == closure { ok[$1] = 1; next }
    FILENAME ~ /owners$/ { if (!($1 in owner)) owner[$1] = $2; next }
    function find(p,   q) {
        if (p in owner) return owner[p]
        q = p; if (sub(/^\/usr\//, "/", q) && (q in owner)) return owner[q]
        return ""
    }
    {
        pkg = find($1); if (pkg == "") pkg = find($2)
        if (pkg == "") { unowned[$1] = $3; next }
        if (!(pkg in ok) && !(pkg in missing)) missing[pkg] = $1 " (" $3 ")"
    }
    END {
        bad = 0
        for (p in missing) { printf "check-deps: package %s is used but not installed by scripts/install-deps.sh: %s\n", p, missing[p]; bad = 1 }
        for (f in unowned) { printf "check-deps: %s (%s) belongs to no Debian package: a fresh machine will not have it\n", f, unowned[f]; bad = 1 }
        exit bad
    }' "$work/closure" "$work/owners" "$work/lookup" >"$work/report" && status=0 || status=1
sort "$work/report" >&2
if [ "${configure_failed:-0}" = 1 ]; then
    echo "check-deps: a fresh CMake configure failed (a package is missing on this machine):" >&2
    grep -E 'Could NOT find|not be found|CMake Error' "$work/configure.log" | head -20 >&2
    status=1
fi
used=$(wc -l <"$work/system")
if [ "$status" = 0 ]; then
    echo "check-deps: ok: ${#listed[@]} listed packages cover all $used system files and programs the build and scripts use"
else
    echo "check-deps: FAILED: add the packages named above to scripts/install-deps.sh" >&2
fi
exit "$status"
