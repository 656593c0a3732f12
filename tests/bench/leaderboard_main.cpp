// `make leaderboard`: every registered core on `default` with the held-out seeds
// (testsupport::kHeldOutSeeds), whole weeks, written as docs/leaderboard.md. A long
// measurement (tens of minutes on two cores), so it is a program, not a test; the
// robust claims are asserted by tst_leaderboard on shorter runs.
//
// Usage: recoscope-leaderboard [--scenario NAME] [--days D] [--out FILE] [--cores a,b,...]

#include "leaderboard.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QStringList>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

using namespace recoscope;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QString scenarioName = QStringLiteral("default");
    QString out;
    double days = 0.0;
    QStringList only;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        const QString next = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == QLatin1String("--scenario"))
            scenarioName = next, ++i;
        else if (a == QLatin1String("--days"))
            days = next.toDouble(), ++i;
        else if (a == QLatin1String("--out"))
            out = next, ++i;
        else if (a == QLatin1String("--cores"))
            only = next.split(QLatin1Char(','), Qt::SkipEmptyParts), ++i;
        else {
            std::fprintf(stderr, "usage: recoscope-leaderboard [--scenario NAME] [--days D] "
                                 "[--out FILE] [--cores a,b,...]\n");
            return 2;
        }
    }
    auto scenario = sim::loadScenario(scenarioName);
    if (!scenario) {
        std::fprintf(stderr, "%s\n", scenario.error().c_str());
        return 3;
    }
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    std::vector<std::string> cores;
    for (const core::RecommenderEntry& e : registry.entries())
        if (only.isEmpty() || only.contains(QString::fromStdString(e.id)))
            cores.push_back(e.id);
    sim::RunLimits limits;
    limits.maxDays = days;
    const auto started = QDateTime::currentDateTimeUtc();
    std::vector<testsupport::LeaderboardRun> runs;
    for (const std::string& id : cores) {
        std::fprintf(stderr, "leaderboard: %s\n", id.c_str());
        auto some = testsupport::runLeaderboard(registry, scenario.value(), {id},
                                                testsupport::kHeldOutSeeds, limits);
        runs.insert(runs.end(), some.begin(), some.end());
    }
    QStringList seeds;
    for (std::uint64_t s : testsupport::kHeldOutSeeds)
        seeds << QString::number(s);
    const QString header =
        QStringLiteral(
            "# Leaderboard\n\n"
            "Every registered core on scenario `%1` for %2, on the held-out seeds %3: seeds\n"
            "reserved for this table and never used while choosing any core's defaults. On\n"
            "each seed every core faces the same shoppers (common random numbers), so each\n"
            "difference to `popularity` is paired by seed: the mean of the %4 per-seed\n"
            "differences with a two-sided 95 % Student-t interval (%5 degrees of freedom).\n"
            "CTR is clicks per impression, CVR attributed purchases per click, revenue all\n"
            "purchases in the shop's currency, coverage the share of the catalogue shown at\n"
            "least once. Robust claims (every personalised core beats `random`, `oracle`\n"
            "beats every core) are asserted by `tst_leaderboard` in `make test`.\n\n"
            "Regenerate: `make leaderboard` (`build/bench/recoscope-leaderboard%10`). "
            "Generated %6 on %7 (%8 threads), %9 minutes.\n\n")
            .arg(scenarioName,
                 days > 0 ? QStringLiteral("%1 simulated day%2")
                                .arg(days)
                                .arg(days == 1.0 ? QString() : QStringLiteral("s"))
                          : QStringLiteral("its whole duration (%1 days)")
                                .arg(scenario.value().durationDays),
                 seeds.join(QStringLiteral(", ")))
            .arg(seeds.size())
            .arg(seeds.size() - 1)
            .arg(started.toString(Qt::ISODate), QSysInfo::prettyProductName())
            .arg(QThread::idealThreadCount())
            .arg(started.secsTo(QDateTime::currentDateTimeUtc()) / 60.0, 0, 'f', 1)
            .arg(args.mid(1).isEmpty() ? QString()
                                       : QLatin1Char(' ') + args.mid(1).join(QLatin1Char(' ')));
    const QString md = testsupport::leaderboardMarkdown(runs, "popularity", header);
    if (out.isEmpty()) {
        std::fputs(md.toUtf8().constData(), stdout);
        return 0;
    }
    QFile f(out);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "%s: cannot write\n", qPrintable(out));
        return 4;
    }
    f.write(md.toUtf8());
    std::fprintf(stderr, "leaderboard: wrote %s\n", qPrintable(out));
    return 0;
}
