#include "leaderboard.h"

#include "recoscope/sim/run_job.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace recoscope::testsupport {

std::vector<LeaderboardRun> runLeaderboard(const core::RecommenderRegistry& registry,
                                           const sim::Scenario& scenario,
                                           const std::vector<std::string>& cores,
                                           std::span<const std::uint64_t> seeds,
                                           const sim::RunLimits& limits) {
    std::vector<LeaderboardRun> out;
    for (const std::string& id : cores)
        for (std::uint64_t seed : seeds) {
            sim::RunSpec spec;
            spec.scenario = scenario;
            spec.seed = seed;
            spec.recommender = id;
            spec.limits = limits;
            auto job = sim::RunJob::create(spec, registry, nullptr);
            if (!job) {
                std::fprintf(stderr, "leaderboard: %s: %s\n", id.c_str(), job.error().c_str());
                break;
            }
            job.value()->runSlice(0);
            (void)job.value()->finish(QStringLiteral("finished"));
            const QJsonObject s = job.value()->summary();
            LeaderboardRun r;
            r.core = id;
            r.seed = seed;
            r.ctr = s.value(QStringLiteral("ctr")).toDouble();
            r.cvr = s.value(QStringLiteral("cvr")).toDouble();
            r.revenue = s.value(QStringLiteral("revenue")).toDouble();
            r.coverage = s.value(QStringLiteral("coverage")).toDouble();
            r.impressions = s.value(QStringLiteral("impressions")).toInteger();
            r.clicks = s.value(QStringLiteral("clicks")).toInteger();
            r.recPurchases = s.value(QStringLiteral("rec_purchases")).toInteger();
            r.events = s.value(QStringLiteral("events")).toInteger();
            out.push_back(r);
        }
    return out;
}

namespace {

struct Column {
    const char* title;
    double LeaderboardRun::*field;
    double scale;
    int decimals;
    const char* unit;
};

constexpr Column kColumns[] = {
    {"CTR", &LeaderboardRun::ctr, 100.0, 2, " %"},
    {"CVR (of clicks)", &LeaderboardRun::cvr, 100.0, 2, " %"},
    {"revenue", &LeaderboardRun::revenue, 1.0, 0, ""},
    {"coverage", &LeaderboardRun::coverage, 100.0, 1, " %"},
};

QString number(double v, const Column& c) {
    return std::isfinite(v) ? QString::number(v * c.scale, 'f', c.decimals) : QStringLiteral("–");
}

} // namespace

QString leaderboardMarkdown(const std::vector<LeaderboardRun>& runs, const std::string& baseline,
                            const QString& header) {
    std::map<std::string, std::map<std::uint64_t, LeaderboardRun>> byCore;
    for (const LeaderboardRun& r : runs)
        byCore[r.core][r.seed] = r;
    const auto base = byCore.find(baseline);
    auto values = [](const std::map<std::uint64_t, LeaderboardRun>& m, const Column& c,
                     const std::map<std::uint64_t, LeaderboardRun>* pairedWith) {
        std::vector<double> v;
        for (const auto& [seed, r] : m)
            if (!pairedWith || pairedWith->count(seed))
                v.push_back(r.*(c.field));
        return v;
    };
    std::vector<std::pair<double, std::string>> order;
    for (const auto& [core, m] : byCore) {
        const std::vector<double> ctr = values(m, kColumns[0], nullptr);
        double mean = 0;
        for (double x : ctr)
            mean += x / static_cast<double>(ctr.size());
        order.push_back({-mean, core});
    }
    std::sort(order.begin(), order.end());

    QString md = header;
    QStringList head{QStringLiteral("core")};
    for (const Column& c : kColumns)
        head << QString::fromLatin1(c.title)
             << QStringLiteral("Δ%1 vs %2 [95 % CI]")
                    .arg(c.scale == 100.0 ? QStringLiteral(" (points)") : QString(),
                         QString::fromStdString(baseline));
    md += QStringLiteral("| %1 |\n|%2\n")
              .arg(head.join(QStringLiteral(" | ")), QStringLiteral("---|").repeated(head.size()));
    for (const auto& [negMean, core] : order) {
        const auto& m = byCore[core];
        QStringList row{QStringLiteral("`%1`").arg(QString::fromStdString(core))};
        for (const Column& c : kColumns) {
            const std::vector<double> all = values(m, c, nullptr);
            double mean = 0;
            for (double x : all)
                mean += x / static_cast<double>(all.size());
            row << number(mean, c) + QString::fromLatin1(c.unit);
            if (core == baseline || base == byCore.end()) {
                row << QStringLiteral("");
                continue;
            }
            const std::vector<double> a = values(m, c, &base->second);
            const std::vector<double> b = values(base->second, c, &m);
            const PairedDifference d = pairedDifference(a, b);
            const bool significant = std::isfinite(d.p) && d.p < 0.05;
            row << QStringLiteral("%1%2 [%3, %4]%5")
                       .arg(d.mean >= 0 ? QStringLiteral("+") : QString())
                       .arg(number(d.mean, c), number(d.low, c), number(d.high, c),
                            significant ? QStringLiteral(" *") : QString());
        }
        md += QStringLiteral("| %1 |\n").arg(row.join(QStringLiteral(" | ")));
    }
    md += QStringLiteral("\n`*`: the paired interval excludes 0 (p < 0.05, no correction for "
                         "the number of cores compared).\n");
    return md;
}

} // namespace recoscope::testsupport
