// A strategy per surface (issue 16, docs/use-cases.md): per-surface counters against a
// recount of the stored event and slate logs, what a surface assignment changes under
// common random numbers, the cart page's "complete your order" core against popularity
// with a margin from the sample size, and the command line (flags, messages, report of
// old runs, compare of whole per-surface configurations).

#include "cli_process.h"

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/slate_log.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace recoscope;

namespace {

constexpr auto kCart = static_cast<std::size_t>(core::Surface::Cart);

struct Recount {
    std::array<core::SurfaceCounters, core::kSurfaceCount> c{};
    std::array<std::uint64_t, core::kSurfaceCount> slateClicks{}; // clicked >= 0 in the slate log
};

QJsonObject jsonOf(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestSurfaces : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;

    sim::RunSpec spec(const std::string& main, const QString& cart, std::uint64_t seed,
                      double days) {
        sim::RunSpec s;
        auto scenario = sim::loadBuiltinScenario(QStringLiteral("default"));
        if (!scenario)
            qFatal("%s", scenario.error().c_str());
        s.scenario = scenario.value();
        s.scenario.surfaces.at(core::Surface::Cart) = cart;
        s.seed = seed;
        s.recommender = main;
        s.limits.maxDays = days;
        return s;
    }

    std::unique_ptr<sim::RunJob> job(const sim::RunSpec& s, sim::RunStore* store = nullptr) {
        auto j = sim::RunJob::create(s, m_registry, store);
        if (!j)
            qFatal("%s", j.error().c_str());
        return std::move(j).value();
    }

    // Independent of core::SurfaceMetrics: slates from the slate log, everything else from
    // the event log, purchases matched to the latest recommended cart-add of (user, item).
    Recount recount(const sim::RunStore& store, qint64 runId) {
        Recount r;
        sim::SlateLog slates(store);
        const core::Status st = slates.forEach(runId, [&](const sim::LoggedSlate& s) {
            const auto k = static_cast<std::size_t>(s.surface);
            ++r.c[k].requests;
            r.c[k].impressions += s.items.size();
            r.slateClicks[k] += s.clicked >= 0 ? 1 : 0;
            return true;
        });
        if (!st)
            qFatal("%s", st.error().c_str());
        std::map<std::pair<core::UserId, core::ItemId>, core::Surface> origin;
        for (qint64 offset = 0;; offset += 50000) {
            auto chunk = store.events(runId, offset, 50000);
            if (!chunk)
                qFatal("%s", chunk.error().c_str());
            for (const core::Event& e : chunk.value()) {
                const auto k = static_cast<std::size_t>(e.surface);
                const auto key = std::make_pair(e.user, e.item);
                if (e.kind == core::EventKind::Click) {
                    ++r.c[k].clicks;
                } else if (e.kind == core::EventKind::CartAdd && e.fromRecommendation) {
                    ++r.c[k].carts;
                    origin[key] = e.surface;
                } else if (e.kind == core::EventKind::Purchase ||
                           e.kind == core::EventKind::CartRemove) {
                    auto it = origin.find(key);
                    if (it == origin.end())
                        continue;
                    if (e.kind == core::EventKind::Purchase && e.fromRecommendation) {
                        ++r.c[static_cast<std::size_t>(it->second)].purchases;
                        r.c[static_cast<std::size_t>(it->second)].revenue += e.price;
                    }
                    origin.erase(it);
                }
            }
            if (static_cast<qint64>(chunk.value().size()) < 50000)
                break;
        }
        return r;
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(m_dir.isValid());
    }

    void countersMatchARecountOfTheStoredLogs() {
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("recount.db")));
        QVERIFY(store.ok());
        sim::RunSpec s = spec("popularity", QStringLiteral("itemknn"), 11, 1.0);
        s.scenario.surfaces.at(core::Surface::Product) = QStringLiteral("markov");
        auto j = job(s, store.value().get());
        j->runSlice(0);
        QVERIFY(j->finish(QStringLiteral("finished")).ok());
        const QJsonObject summary =
            QJsonDocument::fromJson(store.value()->run(j->runId()).value().summaryJson).object();
        const QJsonObject surfaces = summary.value(QStringLiteral("surfaces")).toObject();
        const Recount r = recount(*store.value(), j->runId());
        std::uint64_t impressions = 0;
        for (int k = 0; k < core::kSurfaceCount; ++k) {
            const QString name =
                QString::fromLatin1(core::surfaceName(static_cast<core::Surface>(k)).data());
            const QJsonObject o = surfaces.value(name).toObject();
            const core::SurfaceCounters& c = r.c[static_cast<std::size_t>(k)];
            QCOMPARE(o.value(QStringLiteral("requests")).toInteger(), qint64(c.requests));
            QCOMPARE(o.value(QStringLiteral("impressions")).toInteger(), qint64(c.impressions));
            QCOMPARE(o.value(QStringLiteral("clicks")).toInteger(), qint64(c.clicks));
            // A click event's surface is its slate's: the slate log agrees.
            QCOMPARE(qint64(r.slateClicks[static_cast<std::size_t>(k)]), qint64(c.clicks));
            QCOMPARE(o.value(QStringLiteral("carts")).toInteger(), qint64(c.carts));
            QCOMPARE(o.value(QStringLiteral("purchases")).toInteger(), qint64(c.purchases));
            QVERIFY(std::abs(o.value(QStringLiteral("revenue")).toDouble() - c.revenue) <
                    1e-6 * (1.0 + c.revenue));
            impressions += c.impressions;
        }
        // Home, product and cart pages were served (the shop model shows no slate on the
        // search page: a search opens its first result's product page), and the surfaces
        // add up to the run's totals.
        for (auto k : {core::Surface::Home, core::Surface::Product, core::Surface::Cart})
            QVERIFY2(r.c[static_cast<std::size_t>(k)].impressions > 0,
                     "a surface without slates tests nothing");
        QCOMPARE(r.c[static_cast<std::size_t>(core::Surface::Search)].requests, 0u);
        QVERIFY(r.c[kCart].purchases > 0);
        QCOMPARE(qint64(impressions), summary.value(QStringLiteral("impressions")).toInteger());
        const QJsonObject cart = surfaces.value(QStringLiteral("cart")).toObject();
        QCOMPARE(cart.value(QStringLiteral("core")).toString(), QStringLiteral("itemknn"));
        QVERIFY(cart.value(QStringLiteral("own_core")).toBool());
        const QJsonObject home = surfaces.value(QStringLiteral("home")).toObject();
        QCOMPARE(home.value(QStringLiteral("core")).toString(), QStringLiteral("popularity"));
        QVERIFY(!home.value(QStringLiteral("own_core")).toBool());
    }

    void theSameCoreOnASurfaceChangesNothing() {
        // A surface given its own instance of the main core (same id, same parameters)
        // must serve exactly what the main core would: it learns from every event. Mutation
        // seen failing: SurfaceRouter::observe forwarding to the main core only (the cart's
        // popularity never learns and serves other items from the first cart slate on).
        auto a = job(spec("popularity", QString(), 5, 0.5));
        auto b = job(spec("popularity", QStringLiteral("popularity"), 5, 0.5));
        sim::ActionRecord ra, rb;
        std::size_t actions = 0, cartSlates = 0;
        for (;;) {
            const bool moreA = a->engine().nextAction(&ra);
            const bool moreB = b->engine().nextAction(&rb);
            QCOMPARE(moreA, moreB);
            if (!moreA)
                break;
            ++actions;
            cartSlates += ra.request.surface == core::Surface::Cart;
            QCOMPARE(ra.slate.size(), rb.slate.size());
            for (std::size_t i = 0; i < ra.slate.size(); ++i)
                QCOMPARE(ra.slate[i].item, rb.slate[i].item);
            QVERIFY(ra.events == rb.events);
        }
        QVERIFY(actions > 10000);
        QVERIFY(cartSlates > 100);
    }

    void anAssignmentFirstChangesItsOwnSurface() {
        // What common random numbers guarantee: every action is identical until the first
        // cart slate the cart core answers differently, and that divergence is on the cart
        // page. After it the two shops are different shops (another click leads the session
        // elsewhere, stock and fatigue differ, the main core learns from other events), so
        // the other surfaces' slates are NOT identical in general; only each session's own
        // dice stay the same (docs/decisions/0027-surface-router.md).
        auto a = job(spec("popularity", QString(), 3, 0.5));
        auto b = job(spec("popularity", QStringLiteral("itemknn"), 3, 0.5));
        sim::ActionRecord ra, rb;
        std::size_t same = 0;
        bool diverged = false;
        while (a->engine().nextAction(&ra) && b->engine().nextAction(&rb)) {
            QCOMPARE(ra.user, rb.user);
            QCOMPARE(ra.time, rb.time);
            QCOMPARE(int(ra.request.surface), int(rb.request.surface));
            QCOMPARE(ra.request.contextItem, rb.request.contextItem);
            bool slateSame = ra.slate.size() == rb.slate.size();
            for (std::size_t i = 0; slateSame && i < ra.slate.size(); ++i)
                slateSame = ra.slate[i].item == rb.slate[i].item;
            if (!slateSame) {
                QCOMPARE(int(ra.request.surface), int(core::Surface::Cart));
                diverged = true;
                break;
            }
            QVERIFY(ra.events == rb.events);
            ++same;
        }
        QVERIFY2(diverged, "itemknn never answered a cart slate differently: the test is void");
        QVERIFY(same > 0);
    }

    void aCartCoreRaisesCartCtr() {
        // "Complete your order": what follows the cart's item (markov: the shop's accessory
        // and consumable successors) against the most popular items, on the same shoppers
        // (seed 21, four days). itemknn, whose neighbours are substitutes of what is already
        // in the cart, does worse than popularity there (docs/use-cases.md). The cart page's CTR
        // must rise by more than 2.576 standard errors of the difference of two proportions
        // (pooled, impressions as trials; one-sided 0.5 % level). Mutation seen failing:
        // SurfaceRouter::recommend sending every request to the main core (no difference).
        auto a = job(spec("popularity", QString(), 21, 4.0));
        auto b = job(spec("popularity", QStringLiteral("markov"), 21, 4.0));
        a->runSlice(0);
        b->runSlice(0);
        const core::SurfaceCounters ca = a->engine().surfaceMetrics().counters(core::Surface::Cart);
        const core::SurfaceCounters cb = b->engine().surfaceMetrics().counters(core::Surface::Cart);
        const double na = double(ca.impressions), nb = double(cb.impressions);
        QVERIFY(na > 1000 && nb > 1000);
        const double pa = double(ca.clicks) / na, pb = double(cb.clicks) / nb;
        const double pooled = double(ca.clicks + cb.clicks) / (na + nb);
        const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb));
        qInfo("cart CTR popularity %.4f (%llu impressions), markov %.4f (%llu): z = %.2f", pa,
              static_cast<unsigned long long>(ca.impressions), pb,
              static_cast<unsigned long long>(cb.impressions), (pb - pa) / se);
        QVERIFY2(pb - pa > 2.576 * se, "the cart core did not raise the cart page's CTR");
    }

    void commandLineRunAndReport() {
        const QString db = m_dir.filePath(QStringLiteral("cli.db"));
        const test::CliResult run =
            test::cli({"run", "--scenario", "default", "--recommender", "popularity", "--surface",
                       "cart=markov", "--days", "0.5", "--seed", "4", "--db", db, "--json"});
        QCOMPARE(run.code, 0);
        const QJsonObject ran = jsonOf(run.out).value(QStringLiteral("surfaces")).toObject();
        QCOMPARE(ran.value(QStringLiteral("cart")).toObject().value(QStringLiteral("core")),
                 QJsonValue(QStringLiteral("markov")));
        const qint64 id = jsonOf(run.out).value(QStringLiteral("run_id")).toInteger();
        // report --json carries what the run stored; the text has the table.
        test::CliResult rep =
            test::cli({"report", "--db", db, "--run", QString::number(id), "--json"});
        QCOMPARE(rep.code, 0);
        QCOMPARE(jsonOf(rep.out).value(QStringLiteral("surfaces")).toObject(), ran);
        rep = test::cli({"report", "--db", db, "--run", QString::number(id)});
        QCOMPARE(rep.code, 0);
        QVERIFY2(rep.out.contains(QStringLiteral("Per surface")) &&
                     rep.out.contains(QStringLiteral("markov")),
                 qPrintable(rep.out));
        // A run stored before per-surface figures existed: its summary has no `surfaces`.
        {
            auto store = sim::RunStore::open(db);
            QVERIFY(store.ok());
            QJsonObject summary =
                QJsonDocument::fromJson(store.value()->run(id).value().summaryJson).object();
            summary.remove(QStringLiteral("surfaces"));
            QVERIFY(store.value()
                        ->finishRun(id, QStringLiteral("finished"),
                                    QJsonDocument(summary).toJson(QJsonDocument::Compact))
                        .ok());
        }
        rep = test::cli({"report", "--db", db, "--run", QString::number(id), "--json"});
        QCOMPARE(rep.code, 0);
        QVERIFY(jsonOf(rep.out).value(QStringLiteral("surfaces")).isNull());
        rep = test::cli({"report", "--db", db, "--run", QString::number(id)});
        QCOMPARE(rep.code, 0);
        QVERIFY2(rep.out.contains(QStringLiteral("Per surface: not recorded")),
                 qPrintable(rep.out));
    }

    void commandLineErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString bad = m_dir.filePath(QStringLiteral("bad-syntax.json"));
        const QString unknown = m_dir.filePath(QStringLiteral("bad-core.json"));
        auto write = [](const QString& path, const char* json) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            f.write(json);
        };
        write(bad, R"({"name": "s", "surfaces": {"cart": "itemknn neighbours"}})");
        write(unknown, R"({"name": "s", "surfaces": {"cart": "no-such-core"}})");
        const QStringList run{"run",        "--scenario", "default",  "--recommender",
                              "popularity", "--no-db",    "--events", "100"};
        QTest::newRow("unknown surface")
            << (run + QStringList{"--surface", "basket=itemknn"}) << 2
            << "--surface basket=itemknn: expected NAME=SPEC with NAME one of home, search, "
               "product, cart";
        QTest::newRow("unknown core") << (run + QStringList{"--surface", "cart=no-such-core"}) << 2
                                      << "--surface cart: unknown recommender 'no-such-core'";
        QTest::newRow("parameter out of range")
            << (run + QStringList{"--surface", "cart=mmr lambda=7"}) << 2
            << "--surface cart: recommender 'mmr': parameter 'lambda'";
        QTest::newRow("spec syntax") << (run + QStringList{"--surface", "cart=mmr itemknn"}) << 2
                                     << "expected KEY=VALUE after the core id, got 'itemknn'";
        QTest::newRow("file: syntax")
            << QStringList{"run", "--scenario", bad, "--recommender", "popularity", "--no-db"} << 3
            << "$.surfaces.cart: expected KEY=VALUE";
        QTest::newRow("file: unknown core")
            << QStringList{"run", "--scenario", unknown, "--recommender", "popularity", "--no-db"}
            << 3 << "$.surfaces.cart: unknown recommender 'no-such-core'";
        QTest::newRow("compare: unknown label")
            << QStringList{"compare",
                           "--scenario",
                           "default",
                           "--recommenders",
                           "popularity,markov",
                           "--surface",
                           "itemknn.cart=markov"}
            << 2 << "no core labelled 'itemknn' (the cores are popularity, markov)";
    }
    void commandLineErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const test::CliResult r = test::cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void compareWholeConfigurations() {
        // Configuration A: popularity everywhere; B: the same with markov on the cart page.
        const test::CliResult r = test::cli(
            {"compare", "--scenario", "default", "--recommenders", "popularity,popularity",
             "--surface", "popularity#2.cart=markov", "--days", "0.5", "--seed", "4", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray cores = jsonOf(r.out).value(QStringLiteral("cores")).toArray();
        QCOMPARE(cores.size(), 2);
        auto cart = [&](int i) {
            return cores.at(i)
                .toObject()
                .value(QStringLiteral("surfaces"))
                .toObject()
                .value(QStringLiteral("cart"))
                .toObject();
        };
        QCOMPARE(cart(0).value(QStringLiteral("core")), QJsonValue(QStringLiteral("popularity")));
        QVERIFY(!cart(0).value(QStringLiteral("own_core")).toBool());
        QCOMPARE(cart(1).value(QStringLiteral("core")), QJsonValue(QStringLiteral("markov")));
        QVERIFY(cart(1).value(QStringLiteral("own_core")).toBool());
        // The same shoppers reach the cart page in both (common random numbers) and the
        // configurations differ there.
        QVERIFY(cart(0).value(QStringLiteral("impressions")).toDouble() > 0);
        QVERIFY(cart(1).value(QStringLiteral("impressions")).toDouble() > 0);
        // And the text form names each configuration's core per surface.
        const test::CliResult text = test::cli(
            {"compare", "--scenario", "default", "--recommenders", "popularity,popularity",
             "--surface", "popularity#2.cart=markov", "--days", "0.5", "--seed", "4"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Per surface: CTR of each configuration")),
                 qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestSurfaces)
#include "tst_surfaces.moc"
