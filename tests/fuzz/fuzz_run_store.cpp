// Fuzz target: the run-store reader on a damaged file. The input is written as a SQLite
// file and opened read-only; every read the history and `report` make must give a value
// or an error, never a crash. Seeds: a real store (tests/fuzz/corpus/store, written by
// `make fuzz` from a short run) so that mutations reach the tables, not only the header.

#include "fuzz_target.h"
#include "recoscope/sim/run_store.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using recoscope::sim::RunStore;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.db"));
    QFile::remove(path);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            std::abort();
        f.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    }
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store.ok()) {
        if (store.error().empty())
            std::abort();
        return 0;
    }
    RunStore& s = *store.value();
    (void)s.integrityCheck();
    auto runs = s.runs();
    if (!runs.ok())
        return 0;
    int n = 0;
    for (const auto& r : runs.value()) {
        if (++n > 8)
            break;
        (void)s.run(r.id);
        (void)s.eventCount(r.id);
        (void)s.events(r.id, 0, 100);
        if (auto names = s.metricNames(r.id); names.ok())
            for (const QString& name : names.value())
                (void)s.metricSeries(r.id, name);
    }
    return 0;
}
