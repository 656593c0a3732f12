// A strategy per surface, core side (issue 16): the core-spec syntax, the router's
// contract (requests to the surface's core, every event to every core, slate feedback to
// the core that served it) and the per-surface counters against a hand count.

#include "recoscope/core/surface_metrics.h"
#include "recoscope/core/surface_router.h"

#include <QTest>

using namespace recoscope::core;

namespace {

// Records what it was asked and answers with its own tag as the only item.
class Probe : public Recommender {
public:
    explicit Probe(ItemId tag) : m_tag(tag) {}
    void observe(const Event&) override { ++observed; }
    void observeSlate(const Request&, const Slate&, int) override { ++feedback; }
    void recommend(const Request& r, Slate& out) override {
        ++asked;
        lastSurface = r.surface;
        out.clear();
        out.push_back({m_tag, 1.0f, 1.0f});
    }
    int observed = 0, feedback = 0, asked = 0;
    Surface lastSurface = Surface::Home;

private:
    ItemId m_tag;
};

Event ev(UserId u, ItemId i, EventKind k, Surface s, bool rec, float price = 0.0f) {
    Event e;
    e.user = u;
    e.item = i;
    e.kind = k;
    e.surface = s;
    e.fromRecommendation = rec;
    e.price = price;
    return e;
}

} // namespace

class TestSurfaceRouter : public QObject {
    Q_OBJECT
private slots:
    void parseSpec_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("params");
        QTest::addColumn<QString>("error"); // a fragment of the message, empty = valid
        QTest::newRow("id only") << "itemknn"
                                 << "itemknn" << 0 << "";
        QTest::newRow("params, spaces") << "  mmr  inner=itemknn lambda=0.5 "
                                        << "mmr" << 2 << "";
        QTest::newRow("blend list value") << "hybrid-blend cores=itemknn:0.5,popularity:0.5"
                                          << "hybrid-blend" << 1 << "";
        QTest::newRow("blank") << " \t "
                               << "" << 0 << "";
        QTest::newRow("key first") << "inner=itemknn"
                                   << "" << 0 << "core id first";
        QTest::newRow("bare word") << "mmr itemknn"
                                   << "" << 0 << "KEY=VALUE";
        QTest::newRow("empty value") << "mmr inner="
                                     << "" << 0 << "KEY=VALUE";
        QTest::newRow("twice") << "mmr lambda=1 lambda=0"
                               << "" << 0 << "given twice";
    }
    void parseSpec() {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(int, params);
        QFETCH(QString, error);
        auto r = parseCoreSpec(text.toStdString());
        if (!error.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY2(QString::fromStdString(r.error()).contains(error), r.error().c_str());
            return;
        }
        QVERIFY(r.ok());
        if (id.isEmpty()) {
            QVERIFY(!r.value().has_value());
            return;
        }
        QCOMPARE(QString::fromStdString(r.value()->id), id);
        QCOMPARE(int(r.value()->params.size()), params);
        // The canonical text parses back to the same spec.
        auto again = parseCoreSpec(formatCoreSpec(*r.value()));
        QVERIFY(again.ok() && again.value().has_value());
        QVERIFY(*again.value() == *r.value());
    }

    void routesRequestsAndFeedbackButNotEvents() {
        auto* main = new Probe(100);
        auto* cart = new Probe(200);
        std::array<std::unique_ptr<Recommender>, kSurfaceCount> own;
        own[static_cast<std::size_t>(Surface::Cart)].reset(cart);
        SurfaceRouter router(std::unique_ptr<Recommender>(main), std::move(own));
        Slate slate;
        for (Surface s : {Surface::Home, Surface::Search, Surface::Product, Surface::Cart}) {
            Request r;
            r.surface = s;
            router.recommend(r, slate);
            QCOMPARE(slate.front().item, s == Surface::Cart ? ItemId(200) : ItemId(100));
            router.observeSlate(r, slate, -1);
        }
        QCOMPARE(main->asked, 3);
        QCOMPARE(cart->asked, 1);
        QCOMPARE(int(cart->lastSurface), int(Surface::Cart));
        // Feedback on a slate goes to the core that chose it only.
        QCOMPARE(main->feedback, 3);
        QCOMPARE(cart->feedback, 1);
        // Every event reaches every core (mutation: forwarding to the serving core only,
        // or to the main core only, fails here).
        for (int i = 0; i < 5; ++i)
            router.observe(ev(1, 2, EventKind::View, Surface::Home, false));
        QCOMPARE(main->observed, 5);
        QCOMPARE(cart->observed, 5);
    }

    void emptyPlanKeepsTheCore() {
        auto* main = new Probe(7);
        RecommenderRegistry registry;
        auto built = buildSurfaceRouter(std::unique_ptr<Recommender>(main), {}, registry, {});
        QVERIFY(built.ok());
        QCOMPARE(built.value().get(), static_cast<Recommender*>(main)); // no wrapper at all
    }

    void unknownCoreNamesTheSurface() {
        RecommenderRegistry registry;
        registerBuiltinRecommenders(registry);
        SurfacePlan plan;
        plan.cores[static_cast<std::size_t>(Surface::Cart)] = CoreSpec{"no-such-core", {}};
        auto built = buildSurfaceRouter(std::make_unique<Probe>(1), plan, registry, {});
        QVERIFY(!built.ok());
        QVERIFY2(QString::fromStdString(built.error()).startsWith("surface 'cart': "),
                 built.error().c_str());
    }

    void countersAgainstAHandCount() {
        // Two shoppers. User 1 clicks on the cart page, carts the item from there, and also
        // carts item 9 from a product-page slate, then buys both; user 2 clicks on home,
        // carts from it, removes it. An organic cart-add and purchase never count.
        SurfaceMetrics m;
        m.onSlate(Surface::Cart, 10, 1000);
        m.onSlate(Surface::Cart, 10, 3000);
        m.onSlate(Surface::Home, 8, 2000);
        m.onSlate(Surface::Product, 5, 500);
        m.onEvent(ev(1, 4, EventKind::Click, Surface::Cart, true));
        m.onEvent(ev(1, 4, EventKind::CartAdd, Surface::Cart, true, 20.0f));
        m.onEvent(ev(1, 9, EventKind::Click, Surface::Product, true));
        m.onEvent(ev(1, 9, EventKind::CartAdd, Surface::Product, true, 5.0f));
        m.onEvent(ev(1, 3, EventKind::CartAdd, Surface::Product, false, 7.0f)); // organic
        m.onEvent(ev(2, 4, EventKind::Click, Surface::Home, true));
        m.onEvent(ev(2, 4, EventKind::CartAdd, Surface::Home, true, 20.0f));
        m.onEvent(ev(2, 4, EventKind::CartRemove, Surface::Cart, true, 20.0f));
        m.onEvent(ev(1, 4, EventKind::Purchase, Surface::Cart, true, 19.0f));
        m.onEvent(ev(1, 9, EventKind::Purchase, Surface::Cart, true, 5.0f));
        m.onEvent(ev(1, 3, EventKind::Purchase, Surface::Cart, false, 7.0f));
        // User 2 buys item 4 later without a recommendation: not the home surface's.
        m.onEvent(ev(2, 4, EventKind::CartAdd, Surface::Search, false, 20.0f));
        m.onEvent(ev(2, 4, EventKind::Purchase, Surface::Cart, false, 20.0f));

        const SurfaceCounters cart = m.counters(Surface::Cart);
        QCOMPARE(cart.requests, 2u);
        QCOMPARE(cart.impressions, 20u);
        QCOMPARE(cart.clicks, 1u);
        QCOMPARE(cart.carts, 1u);
        QCOMPARE(cart.purchases, 1u);
        QCOMPARE(cart.revenue, 19.0); // the price paid, not the cart price
        QCOMPARE(cart.ctr(), 1.0 / 20.0);
        const SurfaceCounters product = m.counters(Surface::Product);
        QCOMPARE(product.clicks, 1u);
        QCOMPARE(product.carts, 1u);
        QCOMPARE(product.purchases, 1u); // bought on the cart page, won on the product page
        QCOMPARE(product.revenue, 5.0);
        const SurfaceCounters home = m.counters(Surface::Home);
        QCOMPARE(home.clicks, 1u);
        QCOMPARE(home.carts, 1u);
        QCOMPARE(home.purchases, 0u);
        QCOMPARE(m.counters(Surface::Search).impressions, 0u);
        QCOMPARE(m.counters(Surface::Search).ctr(), 0.0);
        // Latency per surface: the cart's two calls, 1 and 3 microseconds.
        const SurfaceTotals t = m.totals();
        QVERIFY(t[3].latencyP99us >= 3.0 && t[3].latencyP99us < 3.1);
        QVERIFY(t[0].latencyP50us >= 2.0 && t[0].latencyP50us < 2.1);
    }
};

QTEST_APPLESS_MAIN(TestSurfaceRouter)
#include "tst_surface_router.moc"
