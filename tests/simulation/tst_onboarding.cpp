// New-user onboarding (issue 16; decisions/0031; docs/use-cases.md): the questionnaire's
// answers against a brute-force ranking of the true tastes, its noise and share against
// binomial margins, its own random stream (asking moves no other draw), the newcomers'
// session curve recounted from the engine's actions independently of OnboardingCurve,
// sessions-to-parity against its closed form, the content core's gain for newcomers
// (two-proportion z on fixed seeds) and its control (noise 1 removes the gain), and the
// CLI's options.
// Mutation checks (each made once, then restored):
// - `a[x] < a[y]` for `a[x] > a[y]` in drawStatedCategories' ranking fails
//   answersAreTheTrueFavouritesWithoutNoise;
// - not marking the replaced favourite as taken (taken[answer[k]] = 0 before the pick)
//   fails noiseReplacesWithWrongLeaves (a replacement brought a favourite back);
// - counting the established side from time 0 instead of the first join (dropping
//   `time >= m_firstJoin`) fails curveMatchesARecountOfTheActions;
// - `n + 2` for `n + 1` in sessionsToParity fails parityFollowsItsDefinition;
// - seedStated() returning at once (the content core ignoring the answers) fails
//   questionnaireRaisesNewcomersCtr.

#include "recoscope/core/registry.h"
#include "recoscope/sim/engine.h"
#include "recoscope/sim/onboarding_answers.h"
#include "recoscope/sim/onboarding_report.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/world.h"

#include "cli_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace recoscope;

namespace {

// A small shop with a wave of newcomers on day 1 (as new-user-wave, smaller).
sim::Scenario shop(const QString& questionnaire, double noise = 0.0, double share = 1.0) {
    sim::Scenario s;
    s.name = QStringLiteral("onboarding-test");
    s.durationDays = 3.0;
    s.catalogue.items = 1500;
    s.population.users = 1500;
    s.behaviour.sessionsPerDay = 4000.0;
    s.behaviour.regretSample = 0.0;
    sim::TimelineEvent cohort;
    cohort.kind = sim::TimelineEvent::Kind::Cohort;
    cohort.startDay = cohort.endDay = 1.0;
    cohort.users = 2500;
    s.timeline.push_back(cohort);
    s.onboarding.questionnaire = questionnaire;
    s.onboarding.categories = 3;
    s.onboarding.noise = noise;
    s.onboarding.share = share;
    return s;
}

// The true top-n leaves of a user, recomputed here: mean item vector per leaf, dot product,
// full sort (descending, ties by leaf position).
std::vector<std::uint32_t> trueTop(const sim::World& w, core::UserId u, int n) {
    const int dim = w.dim;
    std::vector<double> score;
    for (std::uint32_t leaf : w.leafCategories) {
        std::vector<double> mean(static_cast<std::size_t>(dim), 0.0);
        int count = 0;
        for (core::ItemId i = 0; i < w.items.size(); ++i)
            if (w.items.category[i] == leaf) {
                ++count;
                for (int d = 0; d < dim; ++d)
                    mean[static_cast<std::size_t>(d)] += w.itemVector(i)[d];
            }
        double dot = 0.0;
        for (int d = 0; d < dim && count; ++d)
            dot +=
                w.userVector(u)[d] * static_cast<float>(mean[static_cast<std::size_t>(d)] / count);
        score.push_back(dot);
    }
    std::vector<std::size_t> order(score.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::vector<std::uint32_t> top;
    for (int k = 0; k < n; ++k)
        top.push_back(w.leafCategories[order[static_cast<std::size_t>(k)]]);
    return top;
}

struct Totals {
    std::uint64_t impressions = 0, clicks = 0;
};

// Newcomers' clicks and impressions over their first `sessions` sessions, from a run's
// onboarding block.
Totals firstSessions(const QJsonObject& block, const QString& group, int sessions) {
    Totals t;
    const QJsonArray rows =
        block.value(group).toObject().value(QStringLiteral("by_session")).toArray();
    for (int n = 0; n < sessions; ++n) {
        const QJsonObject r = rows.at(n).toObject();
        t.impressions +=
            static_cast<std::uint64_t>(r.value(QStringLiteral("impressions")).toDouble());
        t.clicks += static_cast<std::uint64_t>(r.value(QStringLiteral("clicks")).toDouble());
    }
    return t;
}

double zTwoProportions(const Totals& a, const Totals& b) {
    const double pa = double(a.clicks) / double(a.impressions);
    const double pb = double(b.clicks) / double(b.impressions);
    const double p = double(a.clicks + b.clicks) / double(a.impressions + b.impressions);
    return (pa - pb) /
           std::sqrt(p * (1.0 - p) * (1.0 / double(a.impressions) + 1.0 / double(b.impressions)));
}

QJsonObject runSummary(const sim::Scenario& s, const std::string& core, std::uint64_t seed,
                       std::uint64_t events = 0) {
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    sim::RunSpec spec;
    spec.scenario = s;
    spec.seed = seed;
    spec.recommender = core;
    spec.limits.maxEvents = events;
    auto job = sim::RunJob::create(spec, registry, nullptr);
    if (!job)
        qFatal("%s", job.error().c_str());
    job.value()->runSlice(0);
    if (core::Status st = job.value()->finish(QStringLiteral("finished")); !st)
        qFatal("%s", st.error().c_str());
    return job.value()->summary();
}

} // namespace

class TestOnboarding : public QObject {
    Q_OBJECT

private slots:
    void answersAreTheTrueFavouritesWithoutNoise() {
        const sim::Scenario s = shop(QStringLiteral("categories"));
        const sim::World w = sim::generateWorld(s, 11);
        const auto stated = sim::drawStatedCategories(w, s.onboarding, 11);
        QCOMPARE(stated.size(), w.users.size());
        int newcomers = 0;
        for (core::UserId u = 0; u < w.users.size(); ++u) {
            if (w.users.joinTime[u] <= 0.0) {
                QVERIFY2(stated[u].empty(), "the initial population is never asked");
                continue;
            }
            ++newcomers;
            QCOMPARE(stated[u], trueTop(w, u, 3));
        }
        QCOMPARE(newcomers, 2500);
    }

    void noiseReplacesWithWrongLeaves() {
        const sim::Scenario s = shop(QStringLiteral("categories"), 0.5, 0.5);
        const sim::World w = sim::generateWorld(s, 12);
        const auto stated = sim::drawStatedCategories(w, s.onboarding, 12);
        std::uint64_t answered = 0, entries = 0, wrong = 0;
        for (core::UserId u = 0; u < w.users.size(); ++u) {
            if (w.users.joinTime[u] <= 0.0 || stated[u].empty())
                continue;
            ++answered;
            const auto top = trueTop(w, u, 3);
            QCOMPARE(std::set<std::uint32_t>(stated[u].begin(), stated[u].end()).size(), 3u);
            for (std::size_t k = 0; k < 3; ++k) {
                ++entries;
                if (stated[u][k] != top[k]) {
                    ++wrong;
                    // A replaced entry is never one of the true favourites.
                    QVERIFY(std::find(top.begin(), top.end(), stated[u][k]) == top.end());
                }
            }
        }
        // Binomial margins (3 standard errors): share 0.5 of 2,500, noise 0.5 per entry.
        const double n = 2500.0;
        QVERIFY2(std::abs(double(answered) / n - 0.5) < 3.0 * std::sqrt(0.25 / n),
                 qPrintable(QString::number(answered)));
        QVERIFY2(std::abs(double(wrong) / double(entries) - 0.5) <
                     3.0 * std::sqrt(0.25 / double(entries)),
                 qPrintable(QStringLiteral("%1 of %2").arg(wrong).arg(entries)));
        // Noise 1: every entry wrong.
        sim::OnboardingSpec all = s.onboarding;
        all.noise = 1.0;
        all.share = 1.0;
        const auto allWrong = sim::drawStatedCategories(w, all, 12);
        for (core::UserId u = 0; u < w.users.size(); ++u)
            if (w.users.joinTime[u] > 0.0) {
                const auto top = trueTop(w, u, 3);
                for (std::uint32_t c : allWrong[u])
                    QVERIFY(std::find(top.begin(), top.end(), c) == top.end());
            }
    }

    void askingMovesNoOtherDraw() {
        // popularity ignores the answers: the shop must be the same event for event.
        const QJsonObject off = runSummary(shop(QStringLiteral("none")), "popularity", 5, 60000);
        const QJsonObject on =
            runSummary(shop(QStringLiteral("categories"), 0.3), "popularity", 5, 60000);
        for (const char* key : {"events", "impressions", "clicks", "purchases", "revenue"})
            QCOMPARE(on.value(QLatin1String(key)).toDouble(),
                     off.value(QLatin1String(key)).toDouble());
        // The same answerers whatever the noise: share and noise have their own draws.
        const sim::Scenario a = shop(QStringLiteral("categories"), 0.0, 0.6);
        const sim::Scenario b = shop(QStringLiteral("categories"), 0.9, 0.6);
        const sim::World w = sim::generateWorld(a, 3);
        const auto sa = sim::drawStatedCategories(w, a.onboarding, 3);
        const auto sb = sim::drawStatedCategories(w, b.onboarding, 3);
        for (std::size_t u = 0; u < sa.size(); ++u)
            QCOMPARE(sa[u].empty(), sb[u].empty());
    }

    void curveMatchesARecountOfTheActions() {
        const sim::Scenario s = shop(QStringLiteral("categories"), 0.2, 0.5);
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        auto engine = sim::Engine::create(s, 21, registry, "content", {});
        QVERIFY(engine);
        sim::Engine& e = *engine.value();
        // The recount: sessions by ActionRecord::sessionId, groups from the answers.
        std::map<core::UserId, std::pair<std::uint64_t, int>> session; // last id, index
        std::uint64_t imp[2][10] = {}, clk[2][10] = {};
        std::uint64_t estImp = 0, estClk = 0;
        double firstJoin = 1e300;
        for (core::UserId u = 0; u < e.world().users.size(); ++u)
            if (e.world().users.joinTime[u] > 0.0)
                firstJoin = std::min(firstJoin, e.world().users.joinTime[u]);
        sim::ActionRecord a;
        while (e.nextAction(&a)) {
            if (a.slate.empty())
                continue;
            auto& [last, index] = session[a.user];
            if (last != a.sessionId) {
                last = a.sessionId;
                ++index;
            }
            const std::uint64_t click = a.clicked >= 0 ? 1 : 0;
            if (e.world().users.joinTime[a.user] <= 0.0) {
                if (a.time >= firstJoin)
                    estImp += a.slate.size(), estClk += click;
                continue;
            }
            const int g = e.statedCategories()[a.user].empty() ? 1 : 0;
            if (index <= 10)
                imp[g][index - 1] += a.slate.size(), clk[g][index - 1] += click;
        }
        const core::OnboardingCurve::Figures& f = e.onboarding().figures();
        QCOMPARE(f.established.impressions, estImp);
        QCOMPARE(f.established.clicks, estClk);
        QVERIFY(estImp > 0);
        for (int g = 0; g < 2; ++g)
            for (int n = 0; n < 10; ++n) {
                QCOMPARE(f.bySession[g][static_cast<std::size_t>(n)].impressions, imp[g][n]);
                QCOMPARE(f.bySession[g][static_cast<std::size_t>(n)].clicks, clk[g][n]);
            }
        QVERIFY(imp[0][0] > 0 && imp[1][0] > 0);
    }

    void parityFollowsItsDefinition() {
        // Established CTR 10 % over 100,000 impressions. Session 1: 4 % of 1,000 (far below);
        // session 2: 9 % of 200 (bound 0.1 - 1.96 sqrt(0.09 / 200) = 0.0584: caught up);
        using C = core::OnboardingCurve;
        std::array<C::Cell, C::kSessions> rows{};
        C::Cell est{100000, 10000};
        rows[0] = {1000, 40};
        rows[1] = {200, 18};
        QCOMPARE(C::sessionsToParity(rows, est), 2);
        // Too few impressions never count, however good the CTR.
        rows[1] = {99, 50};
        rows[2] = {400, 30}; // 7.5 % >= 0.1 - 1.96 * 0.015 = 0.0706
        QCOMPARE(C::sessionsToParity(rows, est), 3);
        rows[2] = {400, 28}; // 7.0 % < 0.0706
        QCOMPARE(C::sessionsToParity(rows, est), 0);
        QCOMPARE(C::sessionsToParity(rows, C::Cell{}), 0);
    }

    void questionnaireRaisesNewcomersCtr() {
        // content seeds a newcomer's profile from the answers. Same shop and seed: without
        // the questionnaire, with exact answers, with answers that are all wrong (noise 1).
        const std::uint64_t seed = 31;
        const QJsonObject off = runSummary(shop(QStringLiteral("none")), "content", seed);
        const QJsonObject on = runSummary(shop(QStringLiteral("categories"), 0.0), "content", seed);
        const QJsonObject junk =
            runSummary(shop(QStringLiteral("categories"), 1.0), "content", seed);
        const auto block = [](const QJsonObject& o) {
            return o.value(QStringLiteral("onboarding")).toObject();
        };
        const Totals without = firstSessions(block(off), QStringLiteral("silent"), 2);
        const Totals with = firstSessions(block(on), QStringLiteral("answered"), 2);
        const Totals wrong = firstSessions(block(junk), QStringLiteral("answered"), 2);
        const double zGain = zTwoProportions(with, without);
        const double zJunk = zTwoProportions(wrong, without);
        qInfo("newcomers' sessions 1-2 CTR: without %.4f (%llu imp), exact answers %.4f (%llu), "
              "noise 1 %.4f (%llu); z %.2f and %.2f",
              double(without.clicks) / double(without.impressions),
              static_cast<unsigned long long>(without.impressions),
              double(with.clicks) / double(with.impressions),
              static_cast<unsigned long long>(with.impressions),
              double(wrong.clicks) / double(wrong.impressions),
              static_cast<unsigned long long>(wrong.impressions), zGain, zJunk);
        QVERIFY2(zGain > 1.96, qPrintable(QString::number(zGain)));
        QVERIFY2(zJunk < 1.96, qPrintable(QString::number(zJunk)));
    }

    void cliOptions() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scenario = dir.filePath(QStringLiteral("s.json"));
        {
            QFile f(scenario);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(shop(QStringLiteral("none")).toJson()).toJson());
        }
        // A bad value names the field it would set, exit code 2 (usage).
        test::CliResult bad =
            test::cli({QStringLiteral("run"), QStringLiteral("--scenario"), scenario,
                       QStringLiteral("--recommender"), QStringLiteral("content"),
                       QStringLiteral("--no-db"), QStringLiteral("--onboarding"),
                       QStringLiteral("--onboarding-noise"), QStringLiteral("1.5")});
        QVERIFY2(bad.code != 0, qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("$.onboarding.noise")), qPrintable(bad.err));
        // compare --onboarding off,on: both blocks, the second with answers.
        test::CliResult cmp =
            test::cli({QStringLiteral("compare"), QStringLiteral("--scenario"), scenario,
                       QStringLiteral("--recommenders"), QStringLiteral("content,content"),
                       QStringLiteral("--onboarding"), QStringLiteral("off,on"),
                       QStringLiteral("--events"), QStringLiteral("40000"),
                       QStringLiteral("--json"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(cmp.code == 0, qPrintable(cmp.err));
        const QJsonArray cores = QJsonDocument::fromJson(cmp.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("cores"))
                                     .toArray();
        QCOMPARE(cores.size(), 2);
        const QJsonObject b0 =
            cores.at(0).toObject().value(QStringLiteral("onboarding")).toArray().at(0).toObject();
        const QJsonObject b1 =
            cores.at(1).toObject().value(QStringLiteral("onboarding")).toArray().at(0).toObject();
        QCOMPARE(b0.value(QStringLiteral("questionnaire")).toString(), QStringLiteral("none"));
        QCOMPARE(b1.value(QStringLiteral("questionnaire")).toString(),
                 QStringLiteral("categories"));
        QCOMPARE(b0.value(QStringLiteral("answered"))
                     .toObject()
                     .value(QStringLiteral("newcomers"))
                     .toDouble(),
                 0.0);
        QCOMPARE(b1.value(QStringLiteral("answered"))
                     .toObject()
                     .value(QStringLiteral("newcomers"))
                     .toDouble(),
                 2500.0);
        // run --onboarding, stored, then report --json gives the block back.
        const QString db = dir.filePath(QStringLiteral("r.db"));
        test::CliResult run = test::cli(
            {QStringLiteral("run"), QStringLiteral("--scenario"), scenario,
             QStringLiteral("--recommender"), QStringLiteral("content"), QStringLiteral("--db"), db,
             QStringLiteral("--onboarding"), QStringLiteral("--onboarding-share"),
             QStringLiteral("0.5"), QStringLiteral("--events"), QStringLiteral("40000")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        test::CliResult rep =
            test::cli({QStringLiteral("report"), QStringLiteral("--db"), db,
                       QStringLiteral("--run"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(rep.code == 0, qPrintable(rep.err));
        const QJsonObject ob = QJsonDocument::fromJson(rep.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("onboarding"))
                                   .toObject();
        QCOMPARE(ob.value(QStringLiteral("share")).toDouble(), 0.5);
        QVERIFY(ob.value(QStringLiteral("answered"))
                    .toObject()
                    .value(QStringLiteral("newcomers"))
                    .toDouble() > 0.0);
        QVERIFY(ob.value(QStringLiteral("silent"))
                    .toObject()
                    .value(QStringLiteral("newcomers"))
                    .toDouble() > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestOnboarding)
#include "tst_onboarding.moc"
