// Calibration is a test: the funnel figures docs/shop-model.md quotes for `default` with
// `popularity` (CTR, product view -> cart, cart -> purchase, share of visits that buy,
// events per visit) are recomputed here over whole simulated weeks on several seeds and
// must stay inside the bands that document states ("Calibration bands"). The bands are
// the real shops' figures (../shared/calibration.md) widened by what a week of one
// synthetic shop varies by; a change to the shopper model that leaves them fails here,
// not in a user's paper. The figures of every seed are printed, so the table in
// docs/shop-model.md can be re-recorded from this test's output.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"

#include <QJsonObject>
#include <QTest>

using namespace recoscope;

namespace {

struct Band {
    const char* name;
    double low, high; // fractions (or events for events_per_visit)
};

// Keep in step with docs/shop-model.md, "Calibration bands".
constexpr Band kBands[] = {
    {"ctr", 0.030, 0.050},                  // "a few percent"
    {"view_to_cart", 0.020, 0.040},         // RetailRocket 2.6 %
    {"cart_to_purchase", 0.25, 0.42},       // RetailRocket 32 %
    {"visits_with_purchase", 0.035, 0.075}, // YOOCHOOSE 5.5 %
    {"events_per_visit", 4.0, 10.0},        // YOOCHOOSE: a handful
};

QJsonObject figures(const QJsonObject& analysis) {
    const QJsonObject funnel = analysis.value(QStringLiteral("funnel")).toObject();
    const QJsonObject shop = funnel.value(QStringLiteral("shop")).toObject();
    const QJsonObject visits = funnel.value(QStringLiteral("visits")).toObject();
    return {{QStringLiteral("ctr"), funnel.value(QStringLiteral("ctr"))},
            {QStringLiteral("view_to_cart"), shop.value(QStringLiteral("view_to_cart"))},
            {QStringLiteral("cart_to_purchase"), shop.value(QStringLiteral("cart_to_purchase"))},
            {QStringLiteral("visits_with_purchase"), visits.value(QStringLiteral("with_purchase"))},
            {QStringLiteral("events_per_visit"), visits.value(QStringLiteral("events_per_visit"))}};
}

} // namespace

class TestCalibration : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void defaultWeekStaysInTheBands_data() {
        QTest::addColumn<int>("seed");
        // Seed 1 is the one docs/shop-model.md's table was recorded with; 2 and 3 show
        // that the calibration is the shop's, not one seed's.
        for (int seed : {1, 2, 3})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void defaultWeekStaysInTheBands() {
        QFETCH(int, seed);
        auto sc = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(sc.ok());
        auto engine = sim::Engine::create(sc.value(), static_cast<std::uint64_t>(seed), m_registry,
                                          "popularity", {});
        QVERIFY(engine.ok());
        engine.value()->setAnalysisEnabled(true);
        engine.value()->run(sim::RunLimits{});
        const QJsonObject f = figures(engine.value()->analysisJson());
        QString row = QStringLiteral("calibration seed %1:").arg(seed);
        for (const Band& b : kBands)
            row += QStringLiteral(" %1=%2")
                       .arg(QLatin1String(b.name))
                       .arg(f.value(QLatin1String(b.name)).toDouble(), 0, 'f', 4);
        qInfo().noquote() << row;
        for (const Band& b : kBands) {
            const QJsonValue v = f.value(QLatin1String(b.name));
            QVERIFY2(v.isDouble(), b.name);
            QVERIFY2(v.toDouble() >= b.low && v.toDouble() <= b.high,
                     qPrintable(QStringLiteral("%1 = %2, outside the documented band [%3, %4]")
                                    .arg(QLatin1String(b.name))
                                    .arg(v.toDouble())
                                    .arg(b.low)
                                    .arg(b.high)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
