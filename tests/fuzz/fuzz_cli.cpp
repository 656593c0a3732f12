// Fuzz target: the CLI's argument parsing. The input is split at newlines into arguments
// after the program name. It runs in a scratch folder with the cancel flag already set, so
// a valid `run` or `compare` stops at its first check instead of simulating for seconds;
// inputs naming absolute paths or ".." are skipped (nothing outside the scratch folder).
// Every input ends with an exit code and, for a refusal, a message; never a crash.

#include "fuzz_target.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <atomic>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static QTemporaryDir scratch;
    static bool ready = [] {
        QDir::setCurrent(scratch.path());
        return true;
    }();
    (void)ready;
    static recoscope::core::RecommenderRegistry registry = [] {
        recoscope::core::RecommenderRegistry r;
        recoscope::core::registerBuiltinRecommenders(r);
        return r;
    }();
    static std::atomic<bool> cancel{true};
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QStringList args{QStringLiteral("recoscope-cli")};
    for (const QString& a : text.split(QLatin1Char('\n'))) {
        if (a.startsWith(QLatin1Char('/')) || a.contains(QStringLiteral("..")) ||
            a.contains(QStringLiteral("=/")))
            return 0;
        args << a;
    }
    if (args.size() > 40)
        return 0;
    QString out, err;
    QTextStream o(&out), e(&err);
    recoscope::sim::CommandLine cli(registry, o, e);
    cli.setCancelFlag(&cancel);
    const int code = cli.exec(args);
    o.flush();
    e.flush();
    if (std::getenv("FUZZ_VERBOSE"))
        std::fprintf(stderr, "exit %d\n%s%s", code, qPrintable(out.left(400)), qPrintable(err));
    if (code != 0 && code != 130 && err.isEmpty())
        std::abort(); // a refusal must say why
    return 0;
}
