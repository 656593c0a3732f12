// `make latency-table`: the recommend() latency that the engine itself measures in real
// runs, per core, on `default` (3,000 items) and on `default` with a 10,000-item
// catalogue. Unlike bench_recommenders, nothing is staged: shoppers arrive, slates are
// served, clicks, carts and purchases are observed and fed back in the order a live run
// has them, so every periodic refresh (linucb's statistics, ncf's batches, ials's
// retrains, trending's windows) lands inside the measurement. Prints a markdown table and,
// with --update FILE, replaces the block between the markers
//   <!-- latency-table:begin --> and <!-- latency-table:end -->
// in FILE (docs/performance.md).
//
// Usage: recoscope-latency-table [--events N] [--cores a,b,...] [--10k-only] [--non-neural]
//                                [--update FILE]
// `--10k-only --non-neural` is issue 17's check in one command: p50/p99 of every non-neural
// core at 10,000 items, observe interleaved as live (target p99 <= 50 us).

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QStringList>
#include <QSysInfo>

#include <cstdio>

using namespace recoscope;

namespace {

struct Cell {
    double p50 = 0, p99 = 0, eventsPerSecond = 0;
    bool ok = false;
};

Cell measure(const core::RecommenderRegistry& registry, const sim::Scenario& scenario,
             const std::string& id, std::uint64_t events) {
    sim::RunSpec spec;
    spec.scenario = scenario;
    spec.seed = scenario.seed;
    spec.recommender = id;
    spec.limits.maxEvents = events;
    auto job = sim::RunJob::create(spec, registry, nullptr);
    Cell c;
    if (!job) {
        std::fprintf(stderr, "latency-table: %s: %s\n", id.c_str(), job.error().c_str());
        return c;
    }
    job.value()->runSlice(0);
    (void)job.value()->finish(QStringLiteral("finished"));
    const QJsonObject s = job.value()->summary();
    const QJsonObject lat = s.value(QStringLiteral("latency_us")).toObject();
    c.p50 = lat.value(QStringLiteral("p50")).toDouble();
    c.p99 = lat.value(QStringLiteral("p99")).toDouble();
    c.eventsPerSecond = s.value(QStringLiteral("events_per_sec")).toDouble();
    c.ok = true;
    return c;
}

QString us(double v) {
    return v < 10 ? QString::number(v, 'f', 1) : QString::number(v, 'f', 0);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::uint64_t events = 200000;
    QStringList only;
    QString update;
    bool only10k = false, nonNeural = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args.at(i), next = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == QLatin1String("--events"))
            events = next.toULongLong(), ++i;
        else if (a == QLatin1String("--cores"))
            only = next.split(QLatin1Char(','), Qt::SkipEmptyParts), ++i;
        else if (a == QLatin1String("--update"))
            update = next, ++i;
        else if (a == QLatin1String("--10k-only"))
            only10k = true;
        else if (a == QLatin1String("--non-neural"))
            nonNeural = true;
        else {
            std::fprintf(stderr, "usage: recoscope-latency-table [--events N] [--cores a,b] "
                                 "[--10k-only] [--non-neural] [--update FILE]\n");
            return 2;
        }
    }
    auto base = sim::loadBuiltinScenario(QStringLiteral("default"));
    if (only10k && !update.isEmpty()) {
        std::fprintf(stderr, "latency-table: --update rewrites the full table; drop --10k-only\n");
        return 2;
    }
    if (!base || events == 0) {
        std::fprintf(stderr, "latency-table: no default scenario or --events 0\n");
        return 3;
    }
    sim::Scenario large = base.value();
    large.catalogue.items = 10000;
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);

    const auto started = QDateTime::currentDateTimeUtc();
    QString table =
        only10k ? QStringLiteral("| core | 10k items p50 | 10k items p99 | p99 <= 50 us | events/s "
                                 "|\n|---|---|---|---|---|\n")
                : QStringLiteral("| core | default p50 | default p99 | events/s | 10k items p50 | "
                                 "10k items p99 | events/s |\n|---|---|---|---|---|---|---|\n");
    for (const core::RecommenderEntry& e : registry.entries()) {
        if (!only.isEmpty() && !only.contains(QString::fromStdString(e.id)))
            continue;
        if (nonNeural && e.family == "neural")
            continue;
        std::fprintf(stderr, "latency-table: %s\n", e.id.c_str());
        const Cell a = only10k ? Cell{} : measure(registry, base.value(), e.id, events);
        const Cell b = measure(registry, large, e.id, events);
        if (only10k)
            table += QStringLiteral("| `%1` | %2 µs | %3 µs | %4 | %5 |\n")
                         .arg(QString::fromStdString(e.id), us(b.p50), us(b.p99),
                              b.p99 <= 50.0 ? QStringLiteral("yes") : QStringLiteral("**no**"))
                         .arg(b.eventsPerSecond, 0, 'f', 0);
        else
            table += QStringLiteral("| `%1` | %2 µs | %3 µs | %4 | %5 µs | %6 µs | %7 |\n")
                         .arg(QString::fromStdString(e.id), us(a.p50), us(a.p99))
                         .arg(a.eventsPerSecond, 0, 'f', 0)
                         .arg(us(b.p50), us(b.p99))
                         .arg(b.eventsPerSecond, 0, 'f', 0);
    }
    const QString block =
        QStringLiteral("Measured by the engine in real runs (first %1 events of `default`, seed "
                       "1, no run store; and the same with `catalogue.items` = 10,000), "
                       "observe and feedback interleaved as live. Generated %2 on %3 by "
                       "`make latency-table`; the machine's load at the time is part of the "
                       "figures (shared 2-vCPU machine), so compare rows of one table.\n\n%4")
            .arg(events)
            .arg(started.toString(Qt::ISODate), QSysInfo::prettyProductName(), table);
    std::fputs(block.toUtf8().constData(), stdout);
    if (update.isEmpty())
        return 0;
    QFile f(update);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot read\n", qPrintable(update));
        return 4;
    }
    QString doc = QString::fromUtf8(f.readAll());
    f.close();
    const QString begin = QStringLiteral("<!-- latency-table:begin -->");
    const QString end = QStringLiteral("<!-- latency-table:end -->");
    const qsizetype b = doc.indexOf(begin), e = doc.indexOf(end);
    if (b < 0 || e < b) {
        std::fprintf(stderr, "%s: no latency-table markers\n", qPrintable(update));
        return 4;
    }
    doc.replace(b + begin.size(), e - b - begin.size(), QLatin1Char('\n') + block);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "%s: cannot write\n", qPrintable(update));
        return 4;
    }
    f.write(doc.toUtf8());
    std::fprintf(stderr, "latency-table: updated %s\n", qPrintable(update));
    return 0;
}
