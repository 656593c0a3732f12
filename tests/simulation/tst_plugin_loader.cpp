// PluginLoader (issue 15): the example plugin's core added to a registry, each refusal
// with a message naming the file (never a crash, never a partial registration), and the
// example core's slates against a brute-force recomputation written here from its
// description (examples/cpp-plugin/price_neighbours.cpp's header comment).

#include "contract_fixture.h"

#include "recoscope/core/plugin_api.h"
#include "recoscope/core/registry.h"
#include "recoscope/sim/plugin_loader.h"
#include "test_paths.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace recoscope;

namespace {

QString pluginPath(const char* name) {
    return recoscope::test::pluginPath(QString::fromLatin1(name));
}

// The example core as its description states it, recomputed from scratch for one shopper:
// the last `history` distinct items viewed (or clicked), newest last; every eligible item
// of a leaf category of one of them scored by the best
// exp(-|ln(p_item / p_view)| / bandwidth) * exp(-(now - t_view) / tau) over those views,
// p the discounted price, floored at 1e-6 (below it, as in float, all ties); the k best
// by score, then smaller id. Returned with their scores.
std::vector<std::pair<double, core::ItemId>>
referenceSlate(const core::ItemTable& items, const std::vector<core::Event>& events,
               core::UserId user, const core::Request& req, std::size_t history, double bandwidth,
               double halfLife) {
    std::vector<std::pair<core::ItemId, double>> views; // item, time; distinct, in order
    for (const core::Event& e : events) {
        if (e.user != user || (e.kind != core::EventKind::View && e.kind != core::EventKind::Click))
            continue;
        views.erase(std::remove_if(views.begin(), views.end(),
                                   [&](const auto& v) { return v.first == e.item; }),
                    views.end());
        views.push_back({e.item, e.time});
    }
    if (views.size() > history)
        views.erase(views.begin(), views.end() - static_cast<std::ptrdiff_t>(history));
    const double tau = halfLife * 3600.0 / std::log(2.0);
    auto price = [&](core::ItemId i) {
        return std::max(static_cast<double>(items.price[i]) * (1.0 - items.discount[i]), 0.01);
    };
    std::vector<std::pair<double, core::ItemId>> scored;
    for (core::ItemId i = 0; i < items.size(); ++i) {
        if (!items.isAvailable(i) || req.excludes(i))
            continue;
        double best = -1.0;
        for (const auto& [v, t] : views)
            if (items.category[v] == items.category[i])
                best =
                    std::max(best, std::exp(-std::abs(std::log(price(i) / price(v))) / bandwidth) *
                                       std::exp(-(req.time - t) / tau));
        if (best >= 0.0)
            scored.push_back({std::max(best, 1e-6), i});
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (scored.size() > static_cast<std::size_t>(req.k))
        scored.resize(static_cast<std::size_t>(req.k));
    return scored;
}

} // namespace

class TstPluginLoader : public QObject {
    Q_OBJECT

private slots:
    void loadsTheExamplePlugin() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        const std::size_t before = registry.ids().size();
        sim::PluginLoader loader;
        const QString path = pluginPath("libprice_neighbours.so");
        auto loaded = loader.load(path, registry);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().coreIds, std::vector<std::string>{"price-neighbours"});
        QCOMPARE(loaded.value().name, QStringLiteral("price-neighbours example"));
        QCOMPARE(loaded.value().path, QFileInfo(path).canonicalFilePath());
        QCOMPARE(registry.ids().size(), before + 1);
        const core::RecommenderEntry* e = registry.find("price-neighbours");
        QVERIFY(e);
        QCOMPARE(loader.originOf("price-neighbours"), QFileInfo(path).canonicalFilePath());
        QVERIFY(loader.originOf("popularity").isEmpty());
        QCOMPARE(loader.plugins().size(), std::size_t{1});

        // The same file again: refused, nothing added twice.
        auto again = loader.load(path, registry);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().find("already loaded") != std::string::npos, again.error().c_str());
        QCOMPARE(registry.ids().size(), before + 1);
    }

    void refusesBrokenPlugins_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected"); // substrings of the message
        // Mutation seen failing: the version check removed from PluginLoader::load()
        // (the future plugin was then accepted and its cores listed).
        QTest::newRow("wrong version")
            << pluginPath("libtest_plugin_wrong_version.so")
            << QStringList{
                   QStringLiteral("libtest_plugin_wrong_version.so"),
                   QStringLiteral("interface version %1")
                       .arg(RECOSCOPE_PLUGIN_INTERFACE_VERSION + 1),
                   QStringLiteral("loads version %1").arg(RECOSCOPE_PLUGIN_INTERFACE_VERSION)};
        QTest::newRow("another ABI")
            << pluginPath("libtest_plugin_wrong_fingerprint.so")
            << QStringList{QStringLiteral("libtest_plugin_wrong_fingerprint.so"),
                           QStringLiteral("another compiler, standard library"),
                           QStringLiteral("fingerprint")};
        QTest::newRow("not a plugin")
            << pluginPath("libtest_plugin_no_info.so")
            << QStringList{QStringLiteral("libtest_plugin_no_info.so"),
                           QStringLiteral("no 'recoscope_plugin_info' entry point")};
        QTest::newRow("no entry point")
            << pluginPath("libtest_plugin_no_entry.so")
            << QStringList{QStringLiteral("libtest_plugin_no_entry.so"),
                           QStringLiteral("no 'recoscope_plugin_v1' entry point")};
        QTest::newRow("duplicate id")
            << pluginPath("libtest_plugin_duplicate.so")
            << QStringList{QStringLiteral("libtest_plugin_duplicate.so"),
                           QStringLiteral("'popularity' is registered twice"),
                           QStringLiteral("none of its cores was added")};
        QTest::newRow("throws") << pluginPath("libtest_plugin_throws.so")
                                << QStringList{QStringLiteral("libtest_plugin_throws.so"),
                                               QStringLiteral("weights.bin not found")};
        QTest::newRow("no cores") << pluginPath("libtest_plugin_empty.so")
                                  << QStringList{QStringLiteral("lists no cores")};
        QTest::newRow("bad default")
            << pluginPath("libtest_plugin_bad_default.so")
            << QStringList{QStringLiteral("test-bad-default"), QStringLiteral("alpha")};
        QTest::newRow("missing file")
            << pluginPath("libnothing_here.so")
            << QStringList{QStringLiteral("libnothing_here.so"), QStringLiteral("no such file")};
    }
    void refusesBrokenPlugins() {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        const auto before = registry.ids();
        sim::PluginLoader loader;
        auto loaded = loader.load(file, registry);
        QVERIFY(!loaded.ok());
        const QString message = QString::fromStdString(loaded.error());
        for (const QString& part : expected)
            QVERIFY2(message.contains(part),
                     qPrintable(message + QStringLiteral(" lacks ") + part));
        QCOMPARE(registry.ids(), before); // all or nothing
        QVERIFY(loader.plugins().empty());
    }

    void refusesAFileThatIsNoLibrary() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("libfake.so"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, not an ELF object\n");
        f.close();
        core::RecommenderRegistry registry;
        sim::PluginLoader loader;
        auto loaded = loader.load(path, registry);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().find("libfake.so") != std::string::npos, loaded.error().c_str());
        QVERIFY2(loaded.error().find("not a loadable library") != std::string::npos,
                 loaded.error().c_str());
    }

    void loadsAGoodPluginBesideTheExample() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        sim::PluginLoader loader;
        QVERIFY(loader.load(pluginPath("libprice_neighbours.so"), registry).ok());
        QVERIFY(loader.load(pluginPath("libtest_plugin_ok.so"), registry).ok());
        QVERIFY(registry.find("test-first-items"));
        QCOMPARE(loader.plugins().size(), std::size_t{2});
    }

    void scansAFolderInNameOrder() {
        QTemporaryDir dir;
        for (const char* name : {"b.so", "a.so", "notes.txt", "c.dylib"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QStringList files = sim::PluginLoader::pluginFiles(dir.path());
        QCOMPARE(files, (QStringList{dir.filePath(QStringLiteral("a.so")),
                                     dir.filePath(QStringLiteral("b.so")),
                                     dir.filePath(QStringLiteral("c.dylib"))}));
        QVERIFY(sim::PluginLoader::pluginFiles(dir.filePath(QStringLiteral("missing"))).isEmpty());
        QCOMPARE(sim::PluginLoader::splitSearchPath(QStringLiteral("/a::/b")),
                 (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
    }

    void exampleCoreMatchesItsDescription_data() {
        QTest::addColumn<int>("history");
        QTest::addColumn<double>("bandwidth");
        QTest::addColumn<double>("halfLife");
        QTest::newRow("defaults") << 5 << 0.3 << 24.0;
        QTest::newRow("one view, strict price") << 1 << 0.05 << 24.0;
        QTest::newRow("long memory, fast decay") << 20 << 1.0 << 0.5;
    }
    void exampleCoreMatchesItsDescription() {
        // Mutations seen failing: topCategory instead of category in the plugin's index;
        // the recency factor dropped from scoreOf().
        QFETCH(int, history);
        QFETCH(double, bandwidth);
        QFETCH(double, halfLife);
        core::RecommenderRegistry registry;
        sim::PluginLoader loader;
        QVERIFY(loader.load(pluginPath("libprice_neighbours.so"), registry).ok());
        test::SyntheticShop shop(600, 60);
        core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, 3};
        auto made = registry.create(
            "price-neighbours",
            std::map<std::string, std::string>{{"history", std::to_string(history)},
                                               {"price_bandwidth", std::to_string(bandwidth)},
                                               {"half_life_hours", std::to_string(halfLife)}},
            ctx);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().c_str());
        auto& rec = *made.value();
        test::Mix rng{17};
        std::vector<core::Event> events;
        double t = 0.0;
        for (int n = 0; n < 3000; ++n) {
            t += 30.0 * rng.unit();
            core::Event e;
            e.time = t;
            e.user = rng.below(60);
            e.item = rng.below(600);
            const auto kinds = {core::EventKind::View, core::EventKind::Click,
                                core::EventKind::CartAdd, core::EventKind::Purchase};
            e.kind = *(kinds.begin() + rng.below(4));
            events.push_back(e);
            rec.observe(e);
        }
        const std::vector<core::ItemId> exclude = {1, 2, 3};
        int compared = 0;
        for (core::UserId u = 0; u < 60; ++u) {
            core::Request req;
            req.user = u;
            req.time = t + 3600.0;
            req.k = 10;
            req.exclude = exclude;
            core::Slate slate;
            rec.recommend(req, slate);
            const auto expected = referenceSlate(
                shop.items, events, u, req, static_cast<std::size_t>(history), bandwidth, halfLife);
            QVERIFY(slate.size() >= expected.size());
            for (std::size_t p = 0; p < expected.size(); ++p) {
                // The core scores in float, the reference in double: a different item is
                // only a tie the rounding decided, its score that of the expected one.
                const bool same =
                    slate[p].item == expected[p].second ||
                    std::abs(slate[p].score - expected[p].first) < 1e-5 * expected[p].first;
                QVERIFY2(same, qPrintable(QStringLiteral("user %1 position %2: %3 (%4), expected "
                                                         "%5 (%6)")
                                              .arg(u)
                                              .arg(p)
                                              .arg(slate[p].item)
                                              .arg(slate[p].score)
                                              .arg(expected[p].second)
                                              .arg(expected[p].first)));
                QVERIFY(std::abs(slate[p].score - expected[p].first) < 1e-5 * expected[p].first);
            }
            compared += static_cast<int>(expected.size());
        }
        QVERIFY2(compared > 300, "too few scored entries to compare");
    }
};

QTEST_GUILESS_MAIN(TstPluginLoader)
#include "tst_plugin_loader.moc"
