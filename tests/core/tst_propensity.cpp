// The propensities cores log for off-policy evaluation (core::SlateEntry::propensity,
// docs/ope.md) against the frequencies counted over many draws: `random` and `egreedy`
// (plentiful and scarce eligible pools, where a draw can fail), `thompson` and wrappers of a
// stochastic core log "unknown", deterministic cores 1. The eligible count is recomputed
// here by brute force, independently of core::eligibleCount.

#include "contract_fixture.h"

#include "recoscope/core/candidates.h"
#include "recoscope/core/registry.h"

#include <QTest>

#include <cmath>
#include <map>

using namespace recoscope;

namespace {

const std::map<std::string, std::string> kNoParams;

struct Cell {
    std::uint64_t count = 0;
    float logged = 0.0f;
    bool mixed = false; // the same (item, position) logged with two different values
};

// Brute-force eligible count: available, not the context item, not in the exclusions.
std::size_t bruteEligible(const core::ItemTable& items, const core::Request& r) {
    std::size_t n = 0;
    for (core::ItemId i = 0; i < items.size(); ++i) {
        const bool excluded = i == r.contextItem ||
                              std::find(r.exclude.begin(), r.exclude.end(), i) != r.exclude.end();
        n += items.available[i] && !excluded ? 1 : 0;
    }
    return n;
}

// Draws `draws` slates for the same request (the core learns nothing in between) and
// counts each (item, position) with the propensity logged for it.
std::map<std::pair<core::ItemId, std::size_t>, Cell> count(core::Recommender& rec,
                                                           const core::Request& req, int draws) {
    std::map<std::pair<core::ItemId, std::size_t>, Cell> cells;
    core::Slate slate;
    for (int d = 0; d < draws; ++d) {
        rec.recommend(req, slate);
        for (std::size_t k = 0; k < slate.size(); ++k) {
            Cell& c = cells[{slate[k].item, k}];
            if (c.count > 0 && c.logged != slate[k].propensity)
                c.mixed = true;
            c.logged = slate[k].propensity;
            ++c.count;
        }
    }
    return cells;
}

// Every cell's frequency within 5 binomial standard deviations (+ 1e-4) of what was logged;
// and per position the logged probabilities of the observed items sum to at most 1.
void checkAgainstCounts(const std::map<std::pair<core::ItemId, std::size_t>, Cell>& cells,
                        int draws, std::size_t k) {
    std::vector<double> mass(k, 0.0);
    for (const auto& [key, c] : cells) {
        QVERIFY2(!c.mixed, "one (item, position) logged with two propensities");
        const double p = c.logged;
        QVERIFY2(core::propensityKnown(c.logged), "a propensity outside (0, 1]");
        const double freq = static_cast<double>(c.count) / draws;
        const double sd = std::sqrt(p * (1.0 - p) / draws);
        if (std::abs(freq - p) > 5.0 * sd + 1e-4)
            QFAIL(qPrintable(QStringLiteral("item %1 at %2: logged %3, counted %4 (sd %5)")
                                 .arg(key.first)
                                 .arg(key.second)
                                 .arg(p)
                                 .arg(freq)
                                 .arg(sd)));
        mass[key.second] += p;
    }
    for (std::size_t pos = 0; pos < k; ++pos)
        QVERIFY2(mass[pos] <= 1.0 + 1e-4, "logged probabilities of one position exceed 1");
}

} // namespace

class TestPropensity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }
    void randomLogsOneOverEligible();
    void egreedyMatchesCounts_data();
    void egreedyMatchesCounts();
    void samplersWithoutClosedFormLogUnknown();
    void deterministicCoresLogOne();

private:
    core::RecommenderRegistry m_registry;
};

void TestPropensity::randomLogsOneOverEligible() {
    test::SyntheticShop shop(40, 10);
    core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 11};
    auto rec = m_registry.create("random", kNoParams, ctx);
    QVERIFY(rec);
    // Exclusions with a duplicate, an unavailable item and the context item repeated.
    core::ItemId unavailable = 0;
    while (shop.items.available[unavailable])
        ++unavailable;
    const std::vector<core::ItemId> exclude{3, 5, 5, unavailable, 7};
    core::Request req;
    req.user = 1;
    req.k = 5;
    req.contextItem = 7;
    req.exclude = exclude;
    const std::size_t eligible = bruteEligible(shop.items, req);
    QCOMPARE(core::eligibleCount(shop.items, req), eligible);
    const int draws = 100000;
    const auto cells = count(*rec.value(), req, draws);
    for (const auto& [key, c] : cells)
        QCOMPARE(c.logged, 1.0f / static_cast<float>(eligible));
    QCOMPARE(cells.size(), eligible * 5); // every eligible item reached every position
    checkAgainstCounts(cells, draws, 5);
}

void TestPropensity::egreedyMatchesCounts_data() {
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("available");
    QTest::addColumn<double>("epsilon");
    // Plentiful: 60 items, most eligible. Scarce: 9 of 100 available, 8 eligible, so a
    // slot's 64 draws all miss the pool of 3 with probability (1 - 3/100)^64 = 0.14.
    QTest::newRow("plentiful") << 60 << -1 << 0.3;
    QTest::newRow("scarce") << 100 << 9 << 0.5;
}

void TestPropensity::egreedyMatchesCounts() {
    QFETCH(int, items);
    QFETCH(int, available);
    QFETCH(double, epsilon);
    test::SyntheticShop shop(static_cast<std::size_t>(items), 10);
    if (available >= 0) {
        for (int i = 0; i < items; ++i)
            shop.items.available[static_cast<std::size_t>(i)] = i % 12 == 0 ? 1 : 0;
        shop.recount();
        QCOMPARE(shop.items.availableCount, std::size_t(available)); // 0, 12, ..., 96
    }
    core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 5};
    auto rec =
        m_registry.create("egreedy", {{"epsilon", QByteArray::number(epsilon).toStdString()}}, ctx);
    QVERIFY(rec);
    // Some feedback first, so the greedy ranking is not the id order.
    core::Request learnReq;
    learnReq.k = 5;
    for (int round = 0; round < 50; ++round) {
        core::Slate s;
        rec.value()->recommend(learnReq, s);
        rec.value()->observeSlate(learnReq, s, round % 3 == 0 ? round % 5 : -1);
    }
    const std::vector<core::ItemId> exclude{12};
    core::Request req;
    req.user = 2;
    req.k = 5;
    req.exclude = exclude;
    const int draws = 150000;
    checkAgainstCounts(count(*rec.value(), req, draws), draws, 5);
}

void TestPropensity::samplersWithoutClosedFormLogUnknown() {
    test::SyntheticShop shop(50, 10);
    core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 3};
    core::Request req;
    req.k = 5;
    for (const auto& [id, params] :
         std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
             {"thompson", {}},
             {"hybrid-blend", {{"cores", "random:0.5,popularity:0.5"}}},
             {"mmr", {{"inner", "egreedy"}}}}) {
        auto rec = m_registry.create(id, params, ctx);
        QVERIFY2(rec, rec ? "" : rec.error().c_str());
        core::Slate s;
        rec.value()->recommend(req, s);
        QCOMPARE(s.size(), std::size_t(5));
        for (const core::SlateEntry& e : s)
            QVERIFY2(std::isnan(e.propensity) && !core::propensityKnown(e.propensity), id.c_str());
    }
}

void TestPropensity::deterministicCoresLogOne() {
    test::SyntheticShop shop(50, 10);
    test::FakeOracle oracle;
    core::RecommenderContext ctx{&shop.items, &shop.users, &oracle, 3};
    core::Request req;
    req.k = 5;
    int checked = 0;
    for (const core::RecommenderEntry& e : m_registry.entries()) {
        if (e.id == "random" || e.id == "egreedy" || e.id == "thompson")
            continue;
        auto rec = m_registry.create(e.id, kNoParams, ctx);
        QVERIFY2(rec, e.id.c_str());
        test::Feed feed(shop, 9);
        feed.run(*rec.value(), 300);
        core::Slate s;
        rec.value()->recommend(req, s);
        for (const core::SlateEntry& x : s)
            QVERIFY2(x.propensity == 1.0f, e.id.c_str());
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(m_registry.entries().size()) - 3);
}

QTEST_APPLESS_MAIN(TestPropensity)
#include "tst_propensity.moc"
