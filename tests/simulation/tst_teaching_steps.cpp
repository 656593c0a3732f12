// Teaching steps on the arena, without threads (issue 14): the tape that Step back replays,
// follow mode against an independent action-by-action recount, and explanations that
// change nothing the cores do.

#include "recoscope/core/registry.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/step_job.h"
#include "recoscope/sim/step_tape.h"

#include <QTest>

using namespace recoscope;
using Op = sim::StepTape::Op;

namespace {

// Every field a teaching step shows, entry by entry.
QString describe(const sim::StepRecord& r) {
    QString s = QStringLiteral("valid %1 user %2 time %3 surface %4 context %5 clicked %6 "
                               "passed %7 events %8\n")
                    .arg(r.valid)
                    .arg(r.user)
                    .arg(r.time, 0, 'g', 17)
                    .arg(static_cast<int>(r.surface))
                    .arg(r.contextItem)
                    .arg(r.clicked)
                    .arg(r.passed)
                    .arg(r.events.size());
    for (const auto* slate : {&r.slate, &r.previousSlate})
        for (const sim::ExplainedEntry& e : *slate)
            s += QStringLiteral("%1 %2 %3 | %4\n")
                     .arg(e.item)
                     .arg(e.score, 0, 'g', 9)
                     .arg(e.scoreText, e.explanation);
    return s;
}

} // namespace

class TestTeachingSteps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tapePrefixes();
    void replayedPrefixGivesTheSameSteps();
    void followMatchesAnActionByActionRecount();
    void explainingChangesNothing_data();
    void explainingChangesNothing();

private:
    std::unique_ptr<sim::Arena> arena(const std::vector<std::string>& cores);
    static std::vector<sim::StepReport> play(sim::Arena& a, const std::vector<Op>& ops);
    core::RecommenderRegistry m_registry;
    sim::Scenario m_scenario;
};

void TestTeachingSteps::initTestCase() {
    core::registerBuiltinRecommenders(m_registry);
    auto s = sim::loadScenario(QStringLiteral("teaching-small"));
    QVERIFY(s);
    m_scenario = s.value();
}

std::unique_ptr<sim::Arena> TestTeachingSteps::arena(const std::vector<std::string>& cores) {
    sim::ArenaSpec spec;
    spec.scenario = m_scenario;
    spec.seed = m_scenario.seed;
    for (const std::string& c : cores)
        spec.cores.push_back({c, {}});
    auto a = sim::Arena::create(spec, m_registry);
    return a ? std::move(a).value() : nullptr;
}

// Plays `ops` one at a time with a small budget (so that the job is resumed in the middle
// of runs and seeks), keeping every step's report.
std::vector<sim::StepReport> TestTeachingSteps::play(sim::Arena& a, const std::vector<Op>& ops) {
    std::vector<sim::StepReport> out;
    int step = 1;
    for (const Op& op : ops) {
        sim::StepJob job({op}, step);
        while (!job.work(a, 7)) {
        }
        if (job.hasReport()) {
            out.push_back(job.report());
            ++step;
        }
    }
    return out;
}

void TestTeachingSteps::tapePrefixes() {
    sim::StepTape t;
    t.recordRun(10);
    t.recordRun(5); // merged
    t.recordStep(core::kNoUser);
    t.recordRun(3);
    t.recordStep(7);
    t.recordStep(core::kNoUser);
    QCOMPARE(t.steps(), 3);
    QCOMPARE(t.ops().size(), std::size_t{5});
    QCOMPARE(t.ops().front().actions, std::uint64_t{15});
    // Before step 1: the runs before it; after step 1: not the run that followed it.
    QCOMPARE(t.prefix(0).size(), std::size_t{1});
    QCOMPARE(t.prefix(1).size(), std::size_t{2});
    QCOMPARE(t.prefix(2).size(), std::size_t{4});
    QCOMPARE(t.prefix(2).back().follow, core::UserId{7});
    QCOMPARE(t.prefix(3).size(), std::size_t{5});
    t.truncate(2);
    QCOMPARE(t.steps(), 2);
    QCOMPARE(t.ops().size(), std::size_t{4});
    t.recordRun(4);
    QCOMPARE(t.ops().back().actions, std::uint64_t{4});
}

// Step back = a fresh arena replaying the tape's prefix: the same step, field for field,
// explanations included (composed again at serve time, from the same states).
void TestTeachingSteps::replayedPrefixGivesTheSameSteps() {
    const std::vector<Op> ops = {{Op::Kind::Run, 37, core::kNoUser, {}},
                                 {Op::Kind::Step, 0, core::kNoUser, {}},
                                 {Op::Kind::Step, 0, 3, {}},
                                 {Op::Kind::Run, 11, core::kNoUser, {}},
                                 {Op::Kind::Step, 0, core::kNoUser, {}},
                                 {Op::Kind::Step, 0, 5, {}},
                                 {Op::Kind::Step, 0, core::kNoUser, {}}};
    sim::StepTape tape;
    for (const Op& op : ops)
        op.kind == Op::Kind::Run ? tape.recordRun(op.actions) : tape.recordStep(op.follow);
    auto first = arena({"popularity", "itemknn", "bpr"});
    QVERIFY(first);
    const std::vector<sim::StepReport> all = play(*first, ops);
    QCOMPARE(all.size(), std::size_t{5});
    for (int n = 1; n <= 5; ++n) {
        auto again = arena({"popularity", "itemknn", "bpr"});
        sim::StepJob job(tape.prefix(n), 1);
        while (!job.work(*again, 1000)) {
        }
        QVERIFY(job.hasReport());
        const sim::StepReport& r = job.report();
        QCOMPARE(r.step, n);
        QCOMPARE(r.follow, all[static_cast<std::size_t>(n - 1)].follow);
        for (std::size_t c = 0; c < 3; ++c)
            QCOMPARE(describe(r.cores[c]), describe(all[static_cast<std::size_t>(n - 1)].cores[c]));
        // And the engines stand where the first arena's stood after that step.
        QVERIFY(r.cores[0].valid);
    }
}

// Following shopper u: every core's record is u's next action, after exactly the other
// actions an arena advanced one action at a time goes through.
void TestTeachingSteps::followMatchesAnActionByActionRecount() {
    const std::vector<std::string> cores = {"popularity", "itemknn", "bpr"};
    auto followed = arena(cores);
    auto plain = arena(cores);
    QVERIFY(followed && plain);
    std::vector<Op> warmup(8, Op{Op::Kind::Step, 0, core::kNoUser, {}});
    const std::vector<sim::StepReport> before = play(*followed, warmup);
    for (std::size_t c = 0; c < cores.size(); ++c)
        for (int n = 0; n < 8; ++n)
            plain->advance(c);
    const core::UserId u = before.back().cores[2].user;
    const std::vector<sim::StepReport> after = play(*followed, {Op{Op::Kind::Step, 0, u, {}}});
    QCOMPARE(after.size(), std::size_t{1});
    int same = 0;
    for (std::size_t c = 0; c < cores.size(); ++c) {
        const sim::StepRecord& r = after[0].cores[c];
        std::uint64_t passed = 0;
        const sim::ActionRecord* a = nullptr;
        while ((a = plain->advance(c)) && a->user != u)
            ++passed;
        QVERIFY(a);
        QVERIFY(r.valid);
        QCOMPARE(r.user, u);
        QCOMPARE(r.time, a->time);
        QCOMPARE(r.passed, passed);
        QCOMPARE(r.slate.size(), a->slate.size());
        for (std::size_t i = 0; i < r.slate.size(); ++i) {
            QCOMPARE(r.slate[i].item, a->slate[i].item);
            QVERIFY(!r.slate[i].explanation.isEmpty()); // composed when served
        }
        same += r.time == after[0].cores[0].time;
    }
    QVERIFY(same >= 1);
}

void TestTeachingSteps::explainingChangesNothing_data() {
    QTest::addColumn<QStringList>("cores");
    QTest::newRow("neighbours") << QStringList{"userknn", "sknn", "itemknn", "linucb"};
    QTest::newRow("models") << QStringList{"wide-deep", "attn-lite", "ials", "hybrid-blend"};
    QTest::newRow("bandits") << QStringList{"thompson", "egreedy", "mmr", "fatigue"};
}

// A whole teaching-small run stepped with explanations at every action against the same
// run without: the same slates, scores, clicks and events, action for action.
void TestTeachingSteps::explainingChangesNothing() {
    QFETCH(QStringList, cores);
    std::vector<std::string> ids;
    for (const QString& c : cores)
        ids.push_back(c.toStdString());
    auto explained = arena(ids);
    auto plain = arena(ids);
    QVERIFY(explained && plain);
    std::size_t actions = 0;
    for (std::size_t c = 0; c < ids.size(); ++c) {
        for (;;) {
            sim::StepRecord r;
            const sim::ActionRecord* a = explained->advance(c, &r);
            const sim::ActionRecord* b = plain->advance(c);
            QCOMPARE(a == nullptr, b == nullptr);
            if (!a)
                break;
            ++actions;
            QVERIFY(r.valid && r.slate.size() == a->slate.size());
            QCOMPARE(a->user, b->user);
            QCOMPARE(a->time, b->time);
            QCOMPARE(a->clicked, b->clicked);
            QCOMPARE(a->events.size(), b->events.size());
            QCOMPARE(a->slate.size(), b->slate.size());
            for (std::size_t i = 0; i < a->slate.size(); ++i) {
                QCOMPARE(a->slate[i].item, b->slate[i].item);
                QCOMPARE(a->slate[i].score, b->slate[i].score);
            }
        }
        QCOMPARE(explained->engine(c).eventsConsumed(), plain->engine(c).eventsConsumed());
    }
    QVERIFY(actions > 1000);
}

QTEST_GUILESS_MAIN(TestTeachingSteps)
#include "tst_teaching_steps.moc"
