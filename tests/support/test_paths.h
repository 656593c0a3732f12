#pragma once
// Where a test finds the source tree, the built CLI and the plugin folder.
//
// The paths are compiled into one generated file of the build tree (test_paths.cpp, see
// tests/CMakeLists.txt) instead of every test's compile definitions: a test's object file
// then carries no absolute path, and a clone in another directory reuses the ccache entries
// of every test file, not only the libraries' (decision 0034, "Over the limit once").

#include <QString>

namespace recoscope::test {

/// The source tree joined with `relative` ("/tests/golden", say: starts with '/').
QString sourcePath(const QString& relative = {});
/// The built recoscope-cli.
QString cliPath();
/// `name` (a file name such as "libprice_neighbours.so") in the folder the test plugins and
/// the example plugin are built into.
QString pluginPath(const QString& name);

} // namespace recoscope::test
