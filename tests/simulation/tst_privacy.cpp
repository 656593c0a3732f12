// Privacy mode (issue 16; decisions/0032; docs/use-cases.md, "Privacy"): the Laplace
// noise against its law, the threshold and the accountant against recounts, the per-user
// cap against a hand-made stream, pseudonyms as a run-seeded bijection that leaves an
// id-blind core's run unchanged, withheld demographics turning the demographic core into
// its shop-wide fallback, and CTR falling with epsilon on fixed seeds (two-proportion z).
// Mutation checks (each made once, then restored):
// - noise scale C * epsilon instead of C / epsilon in NoisyCountRelease: fails
//   laplaceNoiseFollowsItsLaw (its scale check) and smallEpsilonCostsClicks (popularity);
// - `noisy < m_threshold` turned into `noisy < 0.0`: fails publishedCountsRecount;
// - the cap test `>=` turned into `>`: fails capLimitsEachUsersDay;
// - PrivateRecommender::observe passing the shop's id instead of the pseudonym: fails
//   pseudonymsKeepAnIdBlindCore (trending);
// - PrivacyLayer leaving ageBand as it is under withhold_demographics: fails
//   withheldDemographicsGiveTheFallback.

#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/noisy_count_release.h"
#include "recoscope/sim/privacy_layer.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/world.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace recoscope;

namespace {

sim::Scenario shop() {
    sim::Scenario s;
    s.name = QStringLiteral("privacy-test");
    s.durationDays = 3.0;
    s.catalogue.items = 1500;
    s.population.users = 2500;
    s.behaviour.sessionsPerDay = 5000.0;
    s.behaviour.regretSample = 0.0;
    return s;
}

QJsonObject runShop(const sim::Scenario& s, std::uint64_t seed, const std::string& core,
                    std::vector<core::Event>* events = nullptr) {
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    sim::RunSpec spec;
    spec.scenario = s;
    spec.seed = seed;
    spec.recommender = core;
    auto job = sim::RunJob::create(spec, registry, nullptr);
    if (!job)
        qFatal("%s", job.error().c_str());
    struct Keep : sim::EventSink {
        std::vector<core::Event>* out;
        core::Status consume(std::span<const core::Event> e) override {
            out->insert(out->end(), e.begin(), e.end());
            return core::Ok{};
        }
    } keep;
    keep.out = events;
    if (events)
        job.value()->engine().setEventSink(&keep);
    job.value()->runSlice(0);
    if (core::Status st = job.value()->engine().flushSink(); !st)
        qFatal("%s", st.error().c_str());
    return job.value()->summary();
}

// Two-proportion z of CTR a above CTR b (pooled standard error).
double zAbove(const QJsonObject& a, const QJsonObject& b) {
    const double ca = a.value(QStringLiteral("clicks")).toDouble();
    const double na = a.value(QStringLiteral("impressions")).toDouble();
    const double cb = b.value(QStringLiteral("clicks")).toDouble();
    const double nb = b.value(QStringLiteral("impressions")).toDouble();
    const double p = (ca + cb) / (na + nb);
    return (ca / na - cb / nb) / std::sqrt(p * (1 - p) * (1 / na + 1 / nb));
}

// recoscope-cli in-process: exit code, stdout, stderr.
int cli(const QStringList& args, QString* out, QString* err) {
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    QTextStream o(out), e(err);
    sim::CommandLine command(registry, o, e);
    const int code = command.exec(QStringList{QStringLiteral("recoscope-cli")} + args);
    o.flush();
    e.flush();
    return code;
}

sim::PrivacySpec noisy(double epsilon, int releases = 1, int cap = 20) {
    sim::PrivacySpec p;
    p.epsilonPerDay = epsilon;
    p.releasesPerDay = releases;
    p.contributionCap = cap;
    return p;
}

} // namespace

class TestPrivacy : public QObject {
    Q_OBJECT

private slots:
    void laplaceNoiseFollowsItsLaw() {
        // Zero true counts: every released value is pure noise, Laplace(0, b), b = C / eps.
        const sim::World world = sim::generateWorld(shop(), 5);
        const sim::PrivacySpec spec = noisy(0.5, 4, 10); // eps 0.125 a release, b = 80
        sim::NoisyCountRelease r(spec, world.items, world.users.size(), 5);
        const double b = 10 / 0.125;
        QCOMPARE(r.noiseScale(), b);
        double sum = 0, sq = 0;
        std::size_t n = 0;
        std::vector<core::Event> out;
        for (int w = 1; w <= 8; ++w) {
            r.releaseUntil(w * core::kSecondsPerDay / 4, out);
            for (double x : r.lastNoisy()) {
                sum += x;
                sq += x * x;
                ++n;
            }
        }
        QCOMPARE(r.accountant().releases().size(), std::size_t(8));
        const double mean = sum / n, var = sq / n - mean * mean;
        // Mean: sd sqrt(2) b / sqrt(n). Sample variance: Laplace's fourth moment is 24 b^4,
        // so Var(s^2) ~ (24 - 4) b^4 / n. Four standard errors each.
        QVERIFY2(std::abs(mean) < 4 * std::sqrt(2.0) * b / std::sqrt(double(n)),
                 qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(var - 2 * b * b) < 4 * b * b * std::sqrt(20.0 / n),
                 qPrintable(QStringLiteral("variance %1, expected %2").arg(var).arg(2 * b * b)));
    }

    void publishedCountsRecount() {
        // A run's last release: every published unit recounted from the noisy vector.
        const sim::World world = sim::generateWorld(shop(), 6);
        sim::NoisyCountRelease r(noisy(2.0, 2, 5), world.items, world.users.size(), 6);
        std::vector<core::Event> out;
        for (core::UserId u = 0; u < 400; ++u)
            for (int k = 0; k < 3; ++k)
                r.count({100.0 + u, u, static_cast<core::ItemId>(k * 7 % 50), core::EventKind::View,
                         core::Surface::Home, -1, false, 0.0f});
        r.releaseUntil(core::kSecondsPerDay / 2, out);
        const double tau = r.noiseScale() * std::log(double(world.items.size() * 7));
        QCOMPARE(r.threshold(), tau);
        std::vector<std::uint64_t> expected(r.lastNoisy().size(), 0), got(expected.size(), 0);
        for (std::size_t c = 0; c < expected.size(); ++c)
            if (r.lastNoisy()[c] >= tau)
                expected[c] = static_cast<std::uint64_t>(std::llround(r.lastNoisy()[c]));
        for (const core::Event& e : out) {
            QCOMPARE(e.user, core::kNoUser);
            QCOMPARE(e.time, core::kSecondsPerDay / 2);
            ++got[e.item * 7 + static_cast<std::size_t>(e.kind)];
        }
        QVERIFY(got == expected);
        // The three touched items carry 400 views each, far above tau (b = 5): published.
        for (core::ItemId i : {0u, 7u, 14u})
            QVERIFY(got[i * 7] > 300);
        QCOMPARE(r.accountant().releases().front().trueEvents, std::uint64_t(1200));
    }

    void capLimitsEachUsersDay() {
        const sim::World world = sim::generateWorld(shop(), 7);
        sim::NoisyCountRelease r(noisy(1.0, 3, 20), world.items, world.users.size(), 7);
        std::vector<core::Event> out;
        // Day 0: user 1 acts 35 times across two windows, user 2 12 times; day 1: user 1
        // 25 times again. Recount: day 0 counts 20 + 12, day 1 counts 20.
        auto act = [&](core::UserId u, double t, int times) {
            for (int k = 0; k < times; ++k) {
                r.releaseUntil(t, out);
                r.count({t, u, 3, core::EventKind::Click, core::Surface::Home, 0, true, 0.0f});
            }
        };
        act(1, 1000.0, 15);
        act(1, 40000.0, 20);
        act(2, 50000.0, 12);
        act(1, core::kSecondsPerDay + 10.0, 25);
        r.releaseUntil(2 * core::kSecondsPerDay, out);
        QCOMPARE(r.eventsCounted(), std::uint64_t(20 + 12 + 20));
        QCOMPARE(r.eventsOverCap(), std::uint64_t(15 + 5));
        // Accountant against a recount: six releases, each eps / 3, each day spends eps.
        const auto& rel = r.accountant().releases();
        QCOMPARE(rel.size(), std::size_t(6));
        double total = 0;
        for (const sim::PrivacyRelease& x : rel) {
            QCOMPARE(x.day, x.window / 3);
            total += x.epsilon;
        }
        QVERIFY(qFuzzyCompare(r.accountant().spentOnDay(0), 1.0));
        QVERIFY(qFuzzyCompare(r.accountant().spentOnDay(1), 1.0));
        QVERIFY(qFuzzyCompare(r.accountant().totalSpent(), total));
        QVERIFY(qFuzzyCompare(total, 2.0));
    }

    void overspendingScenarioIsRefused() {
        const QByteArray json = R"({"format": 1, "privacy": {"epsilon_per_day": 1,
            "releases_per_day": 4, "epsilon_per_release": 0.5}})";
        auto parsed = sim::parseScenario(json, QStringLiteral("over.json"));
        QVERIFY(!parsed);
        const QString why = QString::fromStdString(parsed.error());
        QVERIFY2(why.contains(QLatin1String("over.json")) &&
                     why.contains(QLatin1String("$.privacy.epsilon_per_release")) &&
                     why.contains(QLatin1String("over the budget")),
                 qPrintable(why));
        const QByteArray fits = R"({"format": 1, "privacy": {"epsilon_per_day": 1,
            "releases_per_day": 4, "epsilon_per_release": 0.25}})";
        QVERIFY(sim::parseScenario(fits, QStringLiteral("fits.json")));
    }

    void cliRunsWithPrivacyAndRefusesOverspending() {
        QString out, err;
        const QStringList run = {QStringLiteral("run"),
                                 QStringLiteral("--scenario"),
                                 QStringLiteral("teaching-small"),
                                 QStringLiteral("--recommender"),
                                 QStringLiteral("popularity"),
                                 QStringLiteral("--days"),
                                 QStringLiteral("2.5"),
                                 QStringLiteral("--no-db"),
                                 QStringLiteral("--json")};
        QCOMPARE(cli(run + QStringList{QStringLiteral("--epsilon"), QStringLiteral("0.5"),
                                       QStringLiteral("--pseudonymise"),
                                       QStringLiteral("--withhold-demographics")},
                     &out, &err),
                 0);
        const QJsonObject p = QJsonDocument::fromJson(out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("privacy"))
                                  .toObject();
        QCOMPARE(p.value(QStringLiteral("mode")).toString(), QStringLiteral("noisy_counts"));
        QVERIFY(p.value(QStringLiteral("pseudonymise")).toBool());
        QVERIFY(p.value(QStringLiteral("withhold_demographics")).toBool());
        // 2.5 days: the windows of days 0 and 1 closed, 0.5 each.
        QCOMPARE(p.value(QStringLiteral("releases")).toInt(), 2);
        QCOMPARE(p.value(QStringLiteral("epsilon_spent")).toDouble(), 1.0);
        QCOMPARE(p.value(QStringLiteral("days")).toArray().size(), 2);
        out.clear();
        QCOMPARE(cli(run, &out, &err), 0); // privacy off: no block
        QVERIFY(
            !QJsonDocument::fromJson(out.toUtf8()).object().contains(QStringLiteral("privacy")));
        err.clear();
        QCOMPARE(
            cli(run + QStringList{QStringLiteral("--epsilon"), QStringLiteral("-1")}, &out, &err),
            2);
        QVERIFY2(err.contains(QLatin1String("--epsilon")), qPrintable(err));
        // A file whose releases fit its own budget of 2, overridden with --epsilon 0.5:
        // 2 releases x 0.5 spend 1 a day, over 0.5. Refused, naming the fields.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("fits.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": 1, "duration_days": 1, "privacy": {"epsilon_per_day": 2,
            "releases_per_day": 2, "epsilon_per_release": 0.5}})");
        f.close();
        QStringList over = run;
        over[2] = file;
        err.clear();
        QCOMPARE(
            cli(over + QStringList{QStringLiteral("--epsilon"), QStringLiteral("0.5")}, &out, &err),
            2);
        QVERIFY2(err.contains(QLatin1String("epsilon_per_release")) &&
                     err.contains(QLatin1String("over the budget")),
                 qPrintable(err));
    }

    void pseudonymsAreARunSeededBijection() {
        const sim::World world = sim::generateWorld(shop(), 8);
        sim::PrivacySpec spec;
        spec.pseudonymise = QStringLiteral("on");
        sim::PrivacyLayer a(spec, world.users, world.items, 8),
            b(spec, world.users, world.items, 8), c(spec, world.users, world.items, 9);
        const std::size_t n = world.users.size();
        std::vector<core::UserId> image(n);
        std::size_t moved = 0, differ = 0;
        for (core::UserId u = 0; u < n; ++u) {
            image[u] = a.pseudonym(u);
            QCOMPARE(a.original(a.pseudonym(u)), u);
            QCOMPARE(b.pseudonym(u), a.pseudonym(u)); // the same seed, the same ids
            moved += a.pseudonym(u) != u;
            differ += c.pseudonym(u) != a.pseudonym(u);
            // Row pi(u) of the cores' table describes u.
            QCOMPARE(a.coreUsers().ageBand[a.pseudonym(u)], world.users.ageBand[u]);
            QCOMPARE(a.coreUsers().region[a.pseudonym(u)], world.users.region[u]);
        }
        std::sort(image.begin(), image.end());
        std::vector<core::UserId> all(n);
        std::iota(all.begin(), all.end(), core::UserId{0});
        QVERIFY(image == all); // a bijection of [0, n)
        QVERIFY(moved > n * 9 / 10);
        QVERIFY(differ > n * 9 / 10); // another seed, another permutation
        QCOMPARE(a.pseudonym(core::kNoUser), core::kNoUser);
    }

    void pseudonymsKeepAnIdBlindCore() {
        // Cores that key their state by user id but never order by it serve the same
        // slates under any consistent renaming: the whole event stream is unchanged.
        // (itemknn is not one of them: its fill-in for a user with no seeds is a shuffle
        // seeded with core seed ^ user id, so a renamed user draws another fill-in.)
        for (const char* id : {"popularity", "trending", "demographic"}) {
            sim::Scenario plain = shop();
            plain.durationDays = 1.0;
            sim::Scenario masked = plain;
            masked.privacy.pseudonymise = QStringLiteral("on");
            std::vector<core::Event> e0, e1;
            runShop(plain, 21, id, &e0);
            runShop(masked, 21, id, &e1);
            QVERIFY(e0.size() > 10000);
            QVERIFY2(e0 == e1, id);
        }
    }

    void withheldDemographicsGiveTheFallback() {
        // The demographic core fed a run's events: with demographics withheld, every
        // shopper gets the slate of a shopper it knows nothing about (shop-wide
        // popularity); with them, many do not.
        sim::Scenario s = shop();
        s.durationDays = 1.0;
        std::vector<core::Event> events;
        runShop(s, 31, "popularity", &events);
        const sim::World world = sim::generateWorld(s, 31);
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        auto differing = [&](bool withhold) {
            sim::PrivacySpec spec;
            spec.withholdDemographics = withhold ? QStringLiteral("on") : QStringLiteral("off");
            sim::PrivacyLayer layer(spec, world.users, world.items, 31);
            core::RecommenderContext ctx;
            ctx.items = &world.items;
            ctx.users = withhold ? &layer.coreUsers() : &world.users;
            auto rec = registry.create("demographic", std::map<std::string, std::string>{}, ctx);
            if (!rec)
                qFatal("%s", rec.error().c_str());
            for (const core::Event& e : events)
                rec.value()->observe(e);
            int differ = 0;
            core::Slate mine, unknown;
            for (core::UserId u = 0; u < 300; ++u) {
                core::Request r;
                r.time = events.back().time;
                r.user = u;
                rec.value()->recommend(r, mine);
                r.user = 5'000'000; // beyond the table: no segment
                rec.value()->recommend(r, unknown);
                differ +=
                    !std::equal(mine.begin(), mine.end(), unknown.begin(), unknown.end(),
                                [](const auto& a, const auto& b) { return a.item == b.item; });
            }
            return differ;
        };
        QCOMPARE(differing(true), 0);
        QVERIFY2(differing(false) > 250, "the segments must matter for the check to mean anything");
    }

    void smallEpsilonCostsClicks() {
        // Popularity and trending, fixed seeds: at epsilon 0.05 a day (noise scale 400) the
        // counts are mostly noise, CTR well under the same core learning from the events;
        // at epsilon 50 the noise is gone and CTR recovers, well above epsilon 0.05.
        for (const char* id : {"popularity", "trending"}) {
            sim::Scenario s = shop();
            const QJsonObject raw = runShop(s, 41, id);
            s.privacy = noisy(0.05);
            const QJsonObject low = runShop(s, 41, id);
            s.privacy = noisy(50);
            const QJsonObject high = runShop(s, 41, id);
            const double zLow = zAbove(raw, low), zHigh = zAbove(high, low);
            qInfo("%s: CTR raw %.4f, eps 0.05 %.4f, eps 50 %.4f; z %.1f, %.1f", id,
                  raw.value(QStringLiteral("ctr")).toDouble(),
                  low.value(QStringLiteral("ctr")).toDouble(),
                  high.value(QStringLiteral("ctr")).toDouble(), zLow, zHigh);
            QVERIFY2(zLow > 1.96, id);
            QVERIFY2(zHigh > 1.96, id);
            const QJsonObject p = high.value(QStringLiteral("privacy")).toObject();
            // Days 0 and 1 were released; day 2's counts would be released at the end of the
            // run, when no core acts any more, so they never are and spend nothing.
            QCOMPARE(p.value(QStringLiteral("releases")).toInt(), 2);
            QCOMPARE(p.value(QStringLiteral("epsilon_spent")).toDouble(), 100.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
