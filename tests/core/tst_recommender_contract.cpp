// The contract every registered core must keep (docs/recommenders.md, "Contract"). Rows
// are discovered from registerBuiltinRecommenders(): a new core is tested the moment it
// is registered. A synthetic shop and a fake ground truth stand in for the simulator.
// Built a second time as tst_plugin_contract with RECOSCOPE_CONTRACT_PLUGIN set: the rows
// are then the cores of that plugin library, loaded as the CLI and the GUI load it.

#include "contract_fixture.h"
#include "explanation_check.h"
#include "test_length.h"

#include "recoscope/core/candidates.h"
#include "recoscope/core/registry.h"

#ifdef RECOSCOPE_CONTRACT_PLUGIN
#include "recoscope/sim/plugin_loader.h"
#include "test_paths.h"
#endif

#include <QTest>

#include <malloc.h>
#ifdef RECOSCOPE_TEST_SANITIZED
// ASan's runtime exports it; GCC 12 ships no <sanitizer/allocator_interface.h> to declare it.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

#include <algorithm>
#include <memory>
#include <set>

using namespace recoscope;
using recoscope::test::Feed;
using recoscope::test::SyntheticShop;

class TstRecommenderContract : public QObject {
    Q_OBJECT

private:
    core::RecommenderRegistry m_registry;
    test::FakeOracle m_oracle;
#ifdef RECOSCOPE_CONTRACT_PLUGIN
    sim::PluginLoader m_plugins;
#endif

    // withVariants: cores with a `retrieval` parameter get two more rows, "<id>
    // retrieval=ann" and "<id> retrieval=ivf", so the approximate indexes keep the whole
    // contract too (issue 17).
    void addRows(bool withVariants = false) {
        QTest::addColumn<QString>("id");
        for (const std::string& id : m_registry.ids()) {
#ifdef RECOSCOPE_CONTRACT_PLUGIN
            if (m_plugins.originOf(id).isEmpty())
                continue; // built in: tst_recommender_contract covers it
#endif
            QTest::newRow(id.c_str()) << QString::fromStdString(id);
            const core::RecommenderEntry* e = m_registry.find(id);
            const bool retrieval =
                std::any_of(e->params.begin(), e->params.end(),
                            [](const core::ParamSpec& s) { return s.key == "retrieval"; });
            if (withVariants && retrieval)
                for (const char* index : {" retrieval=ann", " retrieval=ivf"}) {
                    const std::string row = id + index;
                    QTest::newRow(row.c_str()) << QString::fromStdString(row);
                }
        }
    }

    /// `row` is an id, optionally followed by " key=value" parameters.
    std::unique_ptr<core::Recommender> make(const std::string& row, const SyntheticShop& shop,
                                            std::uint64_t seed = 42) {
        core::RecommenderContext ctx{&shop.items, &shop.users, &m_oracle, seed, &shop.stock};
        std::map<std::string, std::string> params;
        const std::string id = row.substr(0, row.find(' '));
        for (std::size_t at = row.find(' '); at != std::string::npos;) {
            const std::size_t next = row.find(' ', at + 1);
            const std::string kv = row.substr(at + 1, next - at - 1);
            params[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
            at = next;
        }
        auto r = m_registry.create(id, params, ctx);
        if (!r) {
            qWarning("%s", r.error().c_str());
            return nullptr;
        }
        return std::move(r).value();
    }

    static std::size_t eligibleCount(const core::ItemTable& items, const core::Request& req) {
        std::size_t n = 0;
        for (core::ItemId i = 0; i < items.size(); ++i)
            n += core::isEligible(items, req, i) ? 1 : 0;
        return n;
    }

    /// Checks one slate against the contract; returns an empty string or the failure.
    static std::string checkSlate(const core::Recommender& core, const core::ItemTable& items,
                                  const core::Request& req, const core::Slate& slate) {
        const std::size_t expected =
            std::min<std::size_t>(static_cast<std::size_t>(req.k), eligibleCount(items, req));
        if (slate.size() != expected)
            return "slate has " + std::to_string(slate.size()) + " items, expected " +
                   std::to_string(expected);
        if (!core::hasDistinctItems(slate))
            return "slate repeats an item";
        for (const core::SlateEntry& e : slate) {
            if (!core::isEligible(items, req, e.item))
                return "slate holds ineligible item " + std::to_string(e.item);
            const std::string why = test::checkExplanation(core.explain(req, e), e);
            if (!why.empty())
                return "explain() for item " + std::to_string(e.item) + ": " + why;
        }
        return {};
    }

    static std::vector<core::Request> probeRequests(const SyntheticShop& shop, double time,
                                                    const std::vector<core::ItemId>& exclude) {
        std::vector<core::Request> out;
        auto base = [&](core::UserId u) {
            core::Request r;
            r.user = u;
            r.time = time;
            r.k = 10;
            return r;
        };
        const auto users = static_cast<core::UserId>(shop.users.size());
        for (core::UserId u :
             {core::UserId{0}, core::UserId{1}, core::UserId{7}, users - 1, users + 3})
            out.push_back(base(u)); // known users and one the shop has never seen
        core::Request product = base(3);
        product.surface = core::Surface::Product;
        product.contextItem = 5;
        out.push_back(product);
        core::Request excluded = base(2);
        excluded.exclude = exclude;
        out.push_back(excluded);
        core::Request coldProduct = base(users + 9);
        coldProduct.surface = core::Surface::Product;
        coldProduct.contextItem = static_cast<core::ItemId>(shop.items.size() - 1);
        coldProduct.exclude = exclude;
        out.push_back(coldProduct);
        core::Request big = base(4);
        big.k = 25;
        out.push_back(big);
        return out;
    }

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        QVERIFY(!m_registry.ids().empty());
#ifdef RECOSCOPE_CONTRACT_PLUGIN
        auto loaded = m_plugins.load(
            recoscope::test::pluginPath(QStringLiteral(RECOSCOPE_CONTRACT_PLUGIN)), m_registry);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QVERIFY(!loaded.value().coreIds.empty());
#endif
    }

    void schema_data() {
        addRows();
    }
    void schema() {
        QFETCH(QString, id);
        const core::RecommenderEntry* e = m_registry.find(id.toStdString());
        QVERIFY(e);
        QVERIFY2(!e->description.empty(), "every core needs a description");
        QVERIFY2(!e->family.empty(), "every core needs a family");
        std::set<std::string> keys;
        for (const core::ParamSpec& s : e->params) {
            QVERIFY2(keys.insert(s.key).second, ("duplicate parameter " + s.key).c_str());
            QVERIFY2(!s.help.empty(), ("parameter " + s.key + " needs help text").c_str());
        }
    }

    void refusesOutOfRangeParameters_data() {
        addRows();
    }
    void refusesOutOfRangeParameters() {
        QFETCH(QString, id);
        const core::RecommenderEntry* e = m_registry.find(id.toStdString());
        SyntheticShop shop(200, 50);
        core::RecommenderContext ctx{&shop.items, &shop.users, &m_oracle, 1};
        for (const core::ParamSpec& s : e->params) {
            std::vector<std::string> bad;
            if (s.kind == core::ParamKind::Integer || s.kind == core::ParamKind::Real) {
                bad.push_back(std::to_string(s.max + std::max(1.0, std::abs(s.max))));
                bad.push_back(std::to_string(s.min - std::max(1.0, std::abs(s.min))));
            } else if (s.kind == core::ParamKind::Choice) {
                bad.push_back("no-such-choice");
            } else if (s.kind == core::ParamKind::Text) {
                // Free text is checked by the factory: a nonsense value must be refused
                // (or accepted) without throwing, and a refusal names the parameter.
                auto r = m_registry.create(e->id, {{s.key, "no-such-core:1"}}, ctx);
                if (!r)
                    QVERIFY2(r.error().find(s.key) != std::string::npos, r.error().c_str());
                continue;
            }
            for (const std::string& v : bad) {
                auto r = m_registry.create(e->id, {{s.key, v}}, ctx);
                QVERIFY2(!r.ok(), (s.key + "=" + v + " was accepted").c_str());
                QVERIFY2(r.error().find(s.key) != std::string::npos, r.error().c_str());
                if (s.kind != core::ParamKind::Text)
                    QVERIFY2(r.error().find(core::describeRange(s)) != std::string::npos,
                             r.error().c_str());
            }
        }
    }

    void coldStart_data() {
        addRows(true);
    }
    void coldStart() {
        QFETCH(QString, id);
        SyntheticShop shop(300, 40);
        auto core = make(id.toStdString(), shop);
        QVERIFY(core);
        const std::vector<core::ItemId> exclude = {0, 1, 2, 3, 10};
        core::Slate slate;
        for (const core::Request& req : probeRequests(shop, 100.0, exclude)) {
            core->recommend(req, slate);
            const std::string failure = checkSlate(*core, shop.items, req, slate);
            QVERIFY2(failure.empty(), failure.c_str());
        }
        // Unknown ids in events are ignored, not fatal.
        core->observe(
            {200.0, 1000000, 5, core::EventKind::View, core::Surface::Home, -1, false, 0.0f});
        core->observe(
            {201.0, 3, 999999, core::EventKind::Purchase, core::Surface::Cart, -1, false, 9.0f});
        core->observe({202.0, core::kNoUser, core::kNoItem, core::EventKind::Search,
                       core::Surface::Search, -1, false, 0.0f});
        core::Request req;
        req.user = 1000000;
        req.time = 300.0;
        core->recommend(req, slate);
        QVERIFY2(checkSlate(*core, shop.items, req, slate).empty(),
                 checkSlate(*core, shop.items, req, slate).c_str());
    }

    void slateContractAfterLearning_data() {
        addRows(true);
    }
    void slateContractAfterLearning() {
        QFETCH(QString, id);
        SyntheticShop shop(500, 120);
        auto core = make(id.toStdString(), shop);
        QVERIFY(core);
        Feed feed(shop, 11);
        std::vector<core::Slate> slates;
        feed.run(*core, 6000, &slates);
        for (const core::Slate& s : slates)
            QVERIFY(core::hasDistinctItems(s));
        // Exclude the most recommended items to make exclusions bite.
        std::vector<core::ItemId> exclude;
        for (std::size_t i = 0; i < 5 && i < slates.back().size(); ++i)
            exclude.push_back(slates.back()[i].item);
        core::Slate slate;
        for (const core::Request& req : probeRequests(shop, feed.time() + 10.0, exclude)) {
            core->recommend(req, slate);
            const std::string failure = checkSlate(*core, shop.items, req, slate);
            QVERIFY2(failure.empty(), failure.c_str());
        }
        core::Request none;
        none.user = 0;
        none.time = feed.time() + 20.0;
        none.k = 0;
        core->recommend(none, slate);
        QVERIFY(slate.empty());
    }

    void fewerEligibleThanK_data() {
        addRows(true);
    }
    void fewerEligibleThanK() {
        QFETCH(QString, id);
        SyntheticShop shop(300, 40);
        auto core = make(id.toStdString(), shop);
        QVERIFY(core);
        Feed feed(shop, 5);
        feed.run(*core, 1500);
        // Sell out all but 7 items: the core must return exactly those 7.
        for (core::ItemId i = 0; i < shop.items.size(); ++i)
            shop.items.available[i] = (i % 40 == 3) ? 1 : 0;
        shop.recount();
        core::Request req;
        req.user = 2;
        req.time = feed.time() + 5.0;
        req.k = 10;
        core::Slate slate;
        core->recommend(req, slate);
        const std::string failure = checkSlate(*core, shop.items, req, slate);
        QVERIFY2(failure.empty(), failure.c_str());
        QCOMPARE(slate.size(), shop.items.availableCount);
    }

    void sameSeedSameSlates_data() {
        addRows(true);
    }
    void sameSeedSameSlates() {
        QFETCH(QString, id);
        SyntheticShop shop(400, 80);
        auto a = make(id.toStdString(), shop, 99);
        auto b = make(id.toStdString(), shop, 99);
        QVERIFY(a && b);
        std::vector<core::Slate> sa, sb;
        Feed fa(shop, 3), fb(shop, 3);
        fa.run(*a, 3000, &sa);
        fb.run(*b, 3000, &sb);
        QCOMPARE(sa.size(), sb.size());
        for (std::size_t n = 0; n < sa.size(); ++n) {
            QCOMPARE(sa[n].size(), sb[n].size());
            for (std::size_t p = 0; p < sa[n].size(); ++p) {
                QCOMPARE(sa[n][p].item, sb[n][p].item);
                QCOMPARE(sa[n][p].score, sb[n][p].score);
            }
        }
    }

    void explanationsShowTheScore_data() {
        addRows(true);
    }
    void explanationsShowTheScore() {
        // Explanations composed when each slate is served (as the engine does, before any
        // feedback) must show the numbers of the scores beside them: checkExplanation().
        // And composing them must not change what the core does next.
        QFETCH(QString, id);
        SyntheticShop shop(500, 120);
        auto core = make(id.toStdString(), shop, 5);
        auto twin = make(id.toStdString(), shop, 5);
        QVERIFY(core && twin);
        std::size_t slates = 0, scored = 0, placeholders = 0;
        std::string failure;
        std::vector<core::Slate> explained, plain;
        Feed feed(shop, 21), twinFeed(shop, 21);
        feed.run(*core, 6000, &explained, [&](const core::Request& req, const core::Slate& s) {
            if (++slates % 3 != 0 || !failure.empty())
                return;
            for (const core::SlateEntry& e : s) {
                const core::Explanation why = core->explain(req, e);
                failure = test::checkExplanation(why, e);
                if (!failure.empty()) {
                    failure = "slate " + std::to_string(slates) + ", item " +
                              std::to_string(e.item) + ", score " + std::to_string(e.score) + ": " +
                              failure;
                    return;
                }
                (why.basis == core::Explanation::Basis::Score ? scored : placeholders) += 1;
            }
        });
        QVERIFY2(failure.empty(), failure.c_str());
        qInfo("%s: %zu entries explained with their score, %zu fill-ins", qPrintable(id), scored,
              placeholders);
        // A core may fill places when it runs dry (ials until its first retrain, after 5,000
        // events), but it must explain scores of its own too: a core calling everything a
        // fill-in would dodge every check. `random` has no score to explain.
        if (id != QLatin1String("random"))
            QVERIFY2(scored * 10 >= scored + placeholders,
                     qPrintable(QStringLiteral("%1 explained only %2 scores, %3 fill-ins")
                                    .arg(id)
                                    .arg(scored)
                                    .arg(placeholders)));
        // Same calls without explain(): the same slates, score for score.
        twinFeed.run(*twin, 6000, &plain);
        QCOMPARE(plain.size(), explained.size());
        for (std::size_t n = 0; n < plain.size(); ++n) {
            QCOMPARE(plain[n].size(), explained[n].size());
            for (std::size_t p = 0; p < plain[n].size(); ++p) {
                QCOMPARE(plain[n][p].item, explained[n][p].item);
                QCOMPARE(plain[n][p].score, explained[n][p].score);
            }
        }
    }

    void memoryFlatInEvents_data() {
        addRows(true);
    }
    void memoryFlatInEvents() {
        // State may grow with users and items, never with events: once every user and
        // item has been seen often enough to fill the capped per-item and per-user lists,
        // as many events again must not grow the heap by more than scratch-buffer noise.
        // (At 8 bytes per event a leak would add ~0.5 MB over 60k events.) Short streams
        // (test_length.h): 15k events twice, same allowance (some cores, e.g. sknn, still
        // fill their lists in the second 15k), so only a leak of 17 bytes per event or more
        // shows there; the release run is the 8-byte guard.
        QFETCH(QString, id);
        SyntheticShop shop(400, 100);
        auto core = make(id.toStdString(), shop);
        QVERIFY(core);
        Feed feed(shop, 8);
        const std::size_t events = test::shortStreams() ? 15000 : 60000;
        feed.run(*core, events);
        const std::size_t before = heapInUse();
        feed.run(*core, events);
        const std::size_t after = heapInUse();
        const double growth = static_cast<double>(after) - static_cast<double>(before);
        QVERIFY2(growth < 256.0 * 1024.0 + 0.02 * static_cast<double>(before),
                 ("heap grew by " + std::to_string(growth / 1024.0) + " KiB over " +
                  std::to_string(events) + " events")
                     .c_str());
    }

private:
    // Bytes the program holds on the heap. ASan replaces malloc, and glibc's mallinfo2()
    // then reports zeros: its own allocator's count is used instead.
    static std::size_t heapInUse() {
#ifdef RECOSCOPE_TEST_SANITIZED
        return __sanitizer_get_current_allocated_bytes();
#else
        malloc_trim(0);
        return mallinfo2().uordblks;
#endif
    }
};

QTEST_GUILESS_MAIN(TstRecommenderContract)
#include "tst_recommender_contract.moc"
