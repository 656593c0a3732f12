#!/usr/bin/env bash
# Installs the Debian packages Recoscope needs, only those missing. apt-get update runs
# first (only when something is missing); sudo is used only when not root.
# `install-deps.sh --list` prints the list, one package a line (scripts/check-deps.sh
# proves it complete against what the build and the scripts actually use).
set -euo pipefail

# libqt6opengl6-dev: Qt6ChartsConfig.cmake requires Qt6OpenGL, and qt6-charts-dev does not
# depend on it (a fresh machine failed at configure without it).
# clang, libclang-rt-14-dev: `make fuzz` (libFuzzer and its sanitizer runtimes come with clang's
# runtime package, not with clang itself).
# fonts-wqy-microhei: a CJK font, or the zh_CN interface (and its screenshots) shows boxes
# instead of characters on a machine without a desktop.
# qt6-translations-l10n: Qt's own texts in zh_CN (standard buttons such as Close, Save,
# Discard and Cancel, file dialogs, context menus), which LanguageManager loads beside the
# workbench's (qtbase_zh_CN.qm); without it those stay English in Chinese.
# libhnswlib-dev: header-only HNSW index behind the factor cores' approximate retrieval
# (retrieval=ann); chosen over libfaiss-dev by measurement (docs/decisions/0025-ann-index.md).
# libssl-dev: libcrypto's SHA-256 (SHA extensions where the CPU has them) for the generated
# shop's catalogue and population hashes, 11x faster than Qt 6.4's own (decision 0058).
# ccache: the build compiles through it when present (cmake/CMakeLists.txt), so rebuilds after
# a branch switch or in a second worktree reuse the objects of the first.
# pybind11-dev, python3-dev, python3-numpy: the recoscope Python module and Python cores
# (python/, docs/python.md; the CLI embeds the interpreter for py: cores). Debian's
# python3, never pyenv's: the module must load Debian's NumPy.
# python3-pytest: the Python suites under tests/python, run by ctest.
packages=(
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libqt6opengl6-dev
    libeigen3-dev libboost-dev libhnswlib-dev
    libsqlite3-dev sqlite3 libssl-dev
    libbenchmark-dev
    clang libclang-rt-14-dev
    xvfb xauth fonts-wqy-microhei qt6-translations-l10n
    parallel ccache
    pybind11-dev python3-dev python3-numpy python3-pytest
    git
)

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "recoscope: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "recoscope: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
