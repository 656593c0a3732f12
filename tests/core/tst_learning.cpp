// Every learning core must beat `random` and `popularity` where its signal exists: on a
// small simulated shop built for it (content on a catalogue where tags follow taste,
// session models on sequential shoppers, demographic on many new users, trending on
// rolling promotions and launches, the rest on a shop with personal taste), by a CTR margin larger
// than the seed-to-seed spread, measured over several seeds. The scenarios are written here as
// JSON; each run takes about a second in Release.
//
// A seed changes the whole shop (catalogue, shoppers, tastes), so absolute CTRs move a
// lot between seeds (popularity: about +-15 %) while the comparison on one shop is much
// steadier. The test is therefore paired: for each seed, core and baseline run on the
// same shop; the core must win on every seed, and its mean margin must exceed the spread
// (max - min) of the per-seed margins.
//
// Set RECOSCOPE_LEARNING_REPORT=1 to print every run's figures.
//
// Short streams (test_length.h: the sanitizer run, or RECOSCOPE_SHORT_TESTS=1): one seed
// and one simulated day, so the paired check reduces to "the core wins on that shop".

#include "recoscope/core/registry.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/scenario.h"
#include "test_length.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <numeric>
#include <span>

using namespace recoscope;

namespace {

// Common shop: 800 items, 800 shoppers, 3 simulated days (~40k events; one day with short
// streams).
QByteArray scenarioJson(const QString& name) {
    const QString days = test::shortStreams() ? QStringLiteral("2") : QStringLiteral("3");
    QString behaviour = QStringLiteral(R"("sessions_per_day": 3000)");
    QString catalogue = QStringLiteral(R"("items": 800)");
    QString population = QStringLiteral(R"("users": 800)");
    if (name == QLatin1String("tags")) {
        // Taste follows the category tree (and hence the tag words) almost entirely.
        catalogue += QStringLiteral(R"(, "category_coherence": 0.95, "tags_per_item": 6)");
    } else if (name == QLatin1String("sequential")) {
        // Shoppers mostly move on to the current item's successors.
        behaviour += QStringLiteral(R"(, "sequence_strength": 0.8, "sequence_boost": 3.0)");
    } else if (name == QLatin1String("trends")) {
        // Rolling half-day promotions over five departments and two launch batches:
        // what is in demand changes faster than all-time counts follow.
        // With short streams the same timeline runs in two days.
        const double at = test::shortStreams() ? 2.0 / 3.0 : 1.0;
        const auto day = [at](double d) { return QString::number(d * at, 'g', 6); };
        QString timeline;
        for (int dept = 0; dept < 5; ++dept)
            timeline += QStringLiteral(R"({"type": "promotion", "start_day": %1, "end_day": %2, )"
                                       R"("category": %3, "discount": 0.5}, )")
                            .arg(day(0.5 * (dept + 1)), day(0.5 * (dept + 2)))
                            .arg(dept);
        timeline += QStringLiteral(R"({"type": "launch", "day": %1, "items": 100}, )"
                                   R"({"type": "launch", "day": %2, "items": 100})")
                        .arg(day(1.0), day(2.0));
        return QStringLiteral(R"({"format": 1, "name": "trends", "duration_days": %4,
            "catalogue": {%1}, "population": {%2}, "behaviour": {%3}, "timeline": [%5]})")
            .arg(catalogue, population, behaviour, days, timeline)
            .toUtf8();
    } else if (name == QLatin1String("new-users")) {
        // Many shoppers seen once or twice; demographics explain most of the taste.
        population = QStringLiteral(R"("users": 6000, "demographic_signal": 0.9)");
    }
    return QStringLiteral(R"({"format": 1, "name": "%1", "duration_days": %5,
        "catalogue": {%2}, "population": {%3}, "behaviour": {%4}})")
        .arg(name, catalogue, population, behaviour, days)
        .toUtf8();
}

struct Runs {
    std::vector<double> ctr;
    double mean() const {
        return std::accumulate(ctr.begin(), ctr.end(), 0.0) / static_cast<double>(ctr.size());
    }
    double spread() const {
        auto [lo, hi] = std::minmax_element(ctr.begin(), ctr.end());
        return *hi - *lo;
    }
};

constexpr std::uint64_t kSeeds[] = {11, 12, 13};

} // namespace

class TstLearning : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;
    std::map<std::pair<QString, std::string>, Runs> m_cache;
    bool m_report = qEnvironmentVariableIsSet("RECOSCOPE_LEARNING_REPORT");

    Runs measure(const QString& scenarioName, const std::string& id) {
        const auto key = std::make_pair(scenarioName, id);
        if (auto it = m_cache.find(key); it != m_cache.end())
            return it->second;
        auto scenario = sim::parseScenario(scenarioJson(scenarioName), scenarioName);
        if (!scenario)
            qFatal("scenario %s: %s", qPrintable(scenarioName), scenario.error().c_str());
        Runs runs;
        const std::span<const std::uint64_t> seeds(kSeeds, test::shortStreams() ? 1 : 3);
        for (std::uint64_t seed : seeds) {
            auto engine = sim::Engine::create(scenario.value(), seed, m_registry, id, {});
            if (!engine)
                qFatal("%s: %s", id.c_str(), engine.error().c_str());
            engine.value()->run({});
            runs.ctr.push_back(engine.value()->summary().ctr);
            if (m_report)
                qInfo("%-10s %-14s seed %llu  CTR %.4f  events %llu", qPrintable(scenarioName),
                      id.c_str(), static_cast<unsigned long long>(seed), runs.ctr.back(),
                      static_cast<unsigned long long>(engine.value()->eventsConsumed()));
        }
        m_cache[key] = runs;
        return runs;
    }

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void beatsBaselines_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("scenario");
        // Where each family's signal lives. Every learning core of the registry must
        // appear here (checked below), so a new core cannot skip this test.
        const std::map<std::string, QString> where = {
            {"content", QStringLiteral("tags")},
            {"demographic", QStringLiteral("new-users")},
            {"sknn", QStringLiteral("sequential")},
            {"markov", QStringLiteral("sequential")},
            {"attn-lite", QStringLiteral("sequential")},
            {"trending", QStringLiteral("trends")},
            {"gru4rec", QStringLiteral("sequential")},
            {"sasrec", QStringLiteral("sequential")},
        };
        const std::vector<std::string> notLearning = {
            "random",  "popularity", "oracle",     "anti-oracle", "mmr",
            "fatigue", "rules",      "tail-floor", "stock-aware", "group-fair"};
        for (const core::RecommenderEntry& e : m_registry.entries()) {
            if (std::find(notLearning.begin(), notLearning.end(), e.id) != notLearning.end())
                continue;
            auto it = where.find(e.id);
            const QString scenario = it != where.end() ? it->second : QStringLiteral("personal");
            QTest::newRow(e.id.c_str()) << QString::fromStdString(e.id) << scenario;
        }
    }
    void beatsBaselines() {
        QFETCH(QString, id);
        QFETCH(QString, scenario);
        const Runs core = measure(scenario, id.toStdString());
        for (const char* baseline : {"random", "popularity"}) {
            const Runs base = measure(scenario, baseline);
            Runs diff;
            for (std::size_t n = 0; n < core.ctr.size(); ++n)
                diff.ctr.push_back(core.ctr[n] - base.ctr[n]);
            const double margin = diff.mean();
            const double spread = diff.spread();
            const double worst = *std::min_element(diff.ctr.begin(), diff.ctr.end());
            const QByteArray msg =
                QStringLiteral(
                    "%1 on '%2': CTR %3 vs %4 %5 (mean paired margin %6, spread of the margins %7)")
                    .arg(id, scenario)
                    .arg(core.mean(), 0, 'f', 4)
                    .arg(QLatin1String(baseline))
                    .arg(base.mean(), 0, 'f', 4)
                    .arg(margin, 0, 'f', 4)
                    .arg(spread, 0, 'f', 4)
                    .toUtf8();
            if (m_report)
                qInfo("%s", msg.constData());
            QVERIFY2(worst > 0.0, msg.constData());
            QVERIFY2(margin > spread, msg.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TstLearning)
#include "tst_learning.moc"
