// recoscope-cli: the headless front end. Everything but signal wiring is in
// recoscope::sim::CommandLine so that the tests can drive it.

#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"
#ifdef RECOSCOPE_WITH_PYTHON
#include "recoscope/python/python_core_spec.h"
#endif

#include <QCoreApplication>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
std::atomic<bool> g_cancel{false};
extern "C" void onSignal(int) {
    g_cancel.store(true);
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("recoscope-cli"));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    recoscope::core::RecommenderRegistry registry;
    recoscope::core::registerBuiltinRecommenders(registry);
    QTextStream out(stdout);
    QTextStream err(stderr);
#ifdef RECOSCOPE_WITH_PYTHON
    // py:FILE.py:CLASS cores named by --recommender(s)/--target join the registry.
    std::vector<std::string> arguments;
    for (const QString& a : QCoreApplication::arguments())
        arguments.push_back(a.toStdString());
    if (auto added = recoscope::python::addPythonCores(registry, arguments); !added) {
        err << "recoscope-cli: " << QString::fromStdString(added.error()) << '\n';
        return recoscope::sim::ExitUsage;
    }
#endif
    recoscope::sim::CommandLine cli(registry, out, err);
    cli.setCancelFlag(&g_cancel);
    cli.setShowProgress(isatty(STDERR_FILENO) != 0);
    return cli.exec(QCoreApplication::arguments());
}
