// Personalised coupons (issue 16; decisions/0028; docs/use-cases.md): the true uplift
// against a closed-form recount, "everyone" against "none" on the same shoppers with a
// margin from the sample size, the daily budget recounted from the stored ledger and the
// stored events, the stored report equal to the live one, a desk that issues nothing
// changing nothing, and targeted policies against "everyone" on a fixed seed.
// Mutation checks (each made once, then restored): dropping the shopper's
// price-sensitivity multiplier from ShopperModel::couponUtility fails
// trueUpliftMatchesClosedForm; `>` for `>=` in CouponDesk::fitsBudget's count check
// (m_issuedToday > couponsPerDay) fails budgetHoldsInTheStoredLedger.

#include "recoscope/core/registry.h"
#include "recoscope/sim/coupon_store.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <map>

using namespace recoscope;

namespace {

sim::Scenario shop(const QString& policy) {
    sim::Scenario s;
    s.name = QStringLiteral("coupons-test");
    s.durationDays = 3.0;
    s.catalogue.items = 1500;
    s.population.users = 2500;
    s.behaviour.sessionsPerDay = 5000.0;
    s.behaviour.regretSample = 0.0;
    s.coupons.policy = policy;
    return s;
}

struct Outcome {
    QJsonObject summary;
    std::vector<sim::CouponLine> lines;
    qint64 runId = 0;
};

Outcome runShop(const sim::Scenario& s, std::uint64_t seed, sim::RunStore* store = nullptr) {
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    sim::RunSpec spec;
    spec.scenario = s;
    spec.seed = seed;
    spec.recommender = "popularity";
    auto job = sim::RunJob::create(spec, registry, store);
    if (!job)
        qFatal("%s", job.error().c_str());
    job.value()->runSlice(0);
    if (core::Status st = job.value()->finish(QStringLiteral("finished")); !st)
        qFatal("%s", st.error().c_str());
    Outcome o{job.value()->summary(), {}, job.value()->runId()};
    if (const sim::CouponDesk* desk = job.value()->engine().coupons())
        o.lines = desk->lines();
    return o;
}

double logistic(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

} // namespace

class TestCoupons : public QObject {
    Q_OBJECT

private slots:
    void trueUpliftMatchesClosedForm() {
        // A hand-set shopper (price-sensitivity multiplier 1.7) before any history: the
        // utility is affinity + quality - price term + discount term, recomputed here in
        // double from the world's tables; a coupon of d adds
        // 1.7 x (discount_weight x d - price_sensitivity x ln(1 - d)); the purchase
        // probability is logistic(utility / 2 + purchase_offset).
        sim::Engine engine(shop(QStringLiteral("everyone")), 11);
        sim::World& w = engine.world();
        const core::UserId user = 0;
        w.userPriceSensitivity[user] = 1.7f;
        const sim::BehaviourSpec& b = engine.scenario().behaviour;
        const double d = 0.2;
        for (core::ItemId item = 0; item < 40; ++item) {
            double dot = 0.0;
            for (int k = 0; k < w.dim; ++k)
                dot += double(w.userVector(user)[k]) * w.itemVector(item)[k];
            const double u = b.affinityScale * std::sqrt(double(w.dim)) * dot +
                             w.itemQuality[item] -
                             b.priceSensitivity * 1.7 * w.itemLogRelPrice[item] +
                             b.discountWeight * w.items.discount[item];
            const double lift = 1.7 * (b.discountWeight * d - b.priceSensitivity * std::log(1 - d));
            const double p0 = logistic(0.5 * u + b.purchaseOffset);
            const double p1 = logistic(0.5 * (u + lift) + b.purchaseOffset);
            const auto odds = engine.shopper().couponOdds(user, item, 0.0, d);
            QVERIFY2(std::abs(odds.without - p0) < 2e-6 && std::abs(odds.with - p1) < 2e-6,
                     qPrintable(QStringLiteral("item %1: %2 / %3 vs %4 / %5")
                                    .arg(item)
                                    .arg(odds.without)
                                    .arg(odds.with)
                                    .arg(p0)
                                    .arg(p1)));
            QVERIFY(odds.with > odds.without);
        }
    }

    void aDeskThatIssuesNothingChangesNothing() {
        // Policy "everyone" with a budget no coupon fits: the desk decides every line and
        // draws nothing from the shoppers' streams, so the run is the "none" run exactly.
        sim::Scenario starved = shop(QStringLiteral("everyone"));
        starved.coupons.moneyPerDay = 1e-6;
        const Outcome a = runShop(shop(QStringLiteral("none")), 5);
        const Outcome b = runShop(starved, 5);
        QVERIFY(!b.lines.empty());
        for (const sim::CouponLine& l : b.lines)
            QVERIFY(!l.issued);
        for (const char* k : {"events", "clicks", "carts", "purchases", "revenue"})
            QCOMPARE(b.summary.value(QLatin1String(k)).toDouble(),
                     a.summary.value(QLatin1String(k)).toDouble());
        QVERIFY(!a.summary.contains(QStringLiteral("coupons")));
    }

    void everyoneRaisesOrders() {
        // Same seed, same shoppers: the share of cart lines bought, with a coupon for
        // every line (30 % off, no budget cap) against none. Two-proportion z test with
        // the pooled rate; z > 3.29 is p < 0.0005 one-sided for the carts counted.
        sim::Scenario everyone = shop(QStringLiteral("everyone"));
        everyone.coupons.discount = 0.3;
        everyone.coupons.couponsPerDay = 0;
        const Outcome none = runShop(shop(QStringLiteral("none")), 21);
        const Outcome all = runShop(everyone, 21);
        const double na = none.summary.value(QStringLiteral("carts")).toDouble();
        const double nb = all.summary.value(QStringLiteral("carts")).toDouble();
        const double xa = none.summary.value(QStringLiteral("purchases")).toDouble();
        const double xb = all.summary.value(QStringLiteral("purchases")).toDouble();
        const double pooled = (xa + xb) / (na + nb);
        const double z = (xb / nb - xa / na) / std::sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
        qInfo("bought / carted: none %.0f / %.0f, everyone %.0f / %.0f, z = %.2f", xa, na, xb, nb,
              z);
        QVERIFY2(z > 3.29, qPrintable(QStringLiteral("z = %1").arg(z)));

        // Within the run: every line got a coupon, and the extra orders realised under
        // the same dice are a sum of independent Bernoulli(p1 - p0) draws: within four
        // standard deviations of the summed true uplift.
        double expected = 0, variance = 0, realised = 0;
        for (const sim::CouponLine& l : all.lines) {
            QVERIFY(l.issued);
            const double tau = double(l.p1) - l.p0;
            expected += tau;
            variance += tau * (1 - tau);
            realised += double(l.boughtWith()) - double(l.boughtWithout());
            QVERIFY(!l.boughtWithout() || l.boughtWith()); // the same draw: p0 < p1
        }
        QVERIFY2(std::abs(realised - expected) < 4 * std::sqrt(variance),
                 qPrintable(QStringLiteral("%1 vs %2").arg(realised).arg(expected)));
        const QJsonObject c = all.summary.value(QStringLiteral("coupons")).toObject();
        QCOMPARE(c.value(QStringLiteral("orders"))
                     .toObject()
                     .value(QStringLiteral("incremental"))
                     .toDouble(),
                 realised);
    }

    void budgetHoldsInTheStoredLedger() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("coupons.db"));
        auto store = sim::RunStore::open(path);
        QVERIFY(store.ok());
        sim::Scenario s = shop(QStringLiteral("everyone"));
        s.coupons.couponsPerDay = 40;
        s.coupons.moneyPerDay = 60.0;
        const Outcome run = runShop(s, 8, store.value().get());

        // Recount with plain SQL from the store's own tables.
        sqlite3* h = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        auto each = [&](const char* sql, auto fn) {
            sqlite3_stmt* st = nullptr;
            QCOMPARE(sqlite3_prepare_v2(h, sql, -1, &st, nullptr), SQLITE_OK);
            sqlite3_bind_int64(st, 1, run.runId);
            while (sqlite3_step(st) == SQLITE_ROW)
                fn(st);
            sqlite3_finalize(st);
        };
        int days = 0, overBudget = 0;
        bool capReached = false;
        each("SELECT CAST(time / 86400 AS INTEGER), sum(issued), "
             "sum(issued * bought * price * discount), sum(reason = 2) FROM coupon_lines "
             "WHERE run_id = ?1 GROUP BY 1",
             [&](sqlite3_stmt* st) {
                 ++days;
                 const double issued = sqlite3_column_double(st, 1);
                 const double spent = sqlite3_column_double(st, 2);
                 QVERIFY2(issued <= 40, qPrintable(QString::number(issued)));
                 QVERIFY2(spent <= 60.0 + 1e-9, qPrintable(QString::number(spent)));
                 capReached = capReached || issued == 40 || spent > 50.0;
                 overBudget += sqlite3_column_int(st, 3);
             });
        QCOMPARE(days, 3);
        QVERIFY(capReached && overBudget > 0); // the budget did bind: the check means something
        // Every purchase of the run went through the desk: the events table agrees with
        // the ledger on how many and on the money paid (coupon lines at the lower price).
        double ledgerOrders = 0, ledgerPaid = 0, eventOrders = 0, eventPaid = 0;
        each("SELECT sum(bought), sum(bought * price * (1 - discount)) FROM coupon_lines "
             "WHERE run_id = ?1",
             [&](sqlite3_stmt* st) {
                 ledgerOrders = sqlite3_column_double(st, 0);
                 ledgerPaid = sqlite3_column_double(st, 1);
             });
        each("SELECT count(*), sum(price) FROM events WHERE run_id = ?1 AND kind = 6",
             [&](sqlite3_stmt* st) {
                 eventOrders = sqlite3_column_double(st, 0);
                 eventPaid = sqlite3_column_double(st, 1);
             });
        sqlite3_close(h);
        QCOMPARE(eventOrders, ledgerOrders);
        QVERIFY(std::abs(eventPaid - ledgerPaid) < 1e-3 * std::max(1.0, ledgerPaid));

        // The stored ledger reads back as written, and `report` equals the live block.
        auto stored = sim::storedCouponLines(*store.value(), run.runId);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().size(), run.lines.size());
        auto report = sim::analyseStoredRun(*store.value(), run.runId);
        QVERIFY(report.ok());
        QCOMPARE(report.value().value(QStringLiteral("coupons")).toObject(),
                 run.summary.value(QStringLiteral("coupons")).toObject());
    }

    void targetedAgainstEveryone() {
        // The question the issue asks, on one fixed seed with one budget (100 coupons a
        // day, 15 % off): does targeting spend less discount per extra order than giving
        // the coupons to whoever checks out first? Expected figures (from the true uplift,
        // not the noisier realised ones). Seed 13 is the first seed tried, not a chosen
        // one. What it shows (printed): price_sensitive clearly cheaper (11.85 vs 19.36),
        // uplift only slightly (17.82) with a learner whose ranking is barely better than
        // random (Qini about 0.01). On the default scenario (seed 7, 4 days, 200 a day)
        // the uplift policy was dearer than everyone (24.15 vs 20.97): its edge here is
        // not a property of the learner, and docs/use-cases.md says so.
        std::map<QString, double> cost;
        for (const char* p : {"everyone", "uplift", "price_sensitive"}) {
            sim::Scenario s = shop(QString::fromLatin1(p));
            s.coupons.couponsPerDay = 100;
            const QJsonObject c =
                runShop(s, 13).summary.value(QStringLiteral("coupons")).toObject();
            cost[QString::fromLatin1(p)] =
                c.value(QStringLiteral("expected_cost_per_extra_order")).toDouble();
            const QJsonObject m = c.value(QStringLiteral("uplift_model")).toObject();
            qInfo("%s: expected cost per extra order %.2f, expected extra orders %.1f, "
                  "issued %.0f, Qini %.3f, Spearman %.3f",
                  p, cost[QString::fromLatin1(p)],
                  c.value(QStringLiteral("expected_incremental_orders")).toDouble(),
                  c.value(QStringLiteral("issued")).toDouble(),
                  m.value(QStringLiteral("qini")).toDouble(),
                  m.value(QStringLiteral("spearman")).toDouble());
        }
        QVERIFY(cost[QStringLiteral("price_sensitive")] < cost[QStringLiteral("everyone")]);
        QVERIFY(cost[QStringLiteral("uplift")] < cost[QStringLiteral("everyone")]);
    }
};

QTEST_GUILESS_MAIN(TestCoupons)
#include "tst_coupons.moc"
