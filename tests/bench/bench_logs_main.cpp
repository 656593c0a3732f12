// recoscope-bench-logs (`make bench-logs`): the speed of issue 12's real-log path on this
// machine. Writes MovieLens-format files with a seeded generator (no real log may be
// downloaded here: 100k lines with 943 users and 1,682 items like ml-100k, 1M lines with
// 6,040 users and 3,706 items like ml-1m; item popularity skewed as u^2.2), then times in
// process: import (lines/s), and prequential replay of popularity and of mf-sgd with the
// settings of the published streaming evaluator it is compared with (10 factors, 100
// uniform negatives, learning rate 0.05), ranking included. Prints one table; the figures
// go to docs/performance.md with the machine and the commit.
//
//   recoscope-bench-logs [--repeat N]

#include "recoscope/core/registry.h"
#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/log_replay.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

using namespace recoscope;

namespace {

bool writeLog(const QString& path, int lines, int users, int items, unsigned seed) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> user(1, users), rating(1, 5), gap(0, 60);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    long long t = 874724710;
    QByteArray chunk;
    for (int i = 0; i < lines; ++i) {
        t += gap(rng);
        const int item = static_cast<int>(items * std::pow(u(rng), 2.2)) + 1;
        chunk += QByteArray::number(user(rng)) + '\t' + QByteArray::number(item) + '\t' +
                 QByteArray::number(rating(rng)) + '\t' + QByteArray::number(t) + '\n';
        if (chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
    return true;
}

double importSeconds(sim::RunStore& store, const QString& path, const QString& name) {
    auto reader = sim::LogReader::open(path, sim::LogReader::Format::MovieLens);
    if (!reader)
        return -1;
    sim::ImportOptions o;
    o.name = name;
    o.format = QStringLiteral("movielens");
    o.source = path;
    QElapsedTimer t;
    t.start();
    auto r = sim::LogStore(store).import(*reader.value(), o);
    return r ? static_cast<double>(t.nsecsElapsed()) / 1e9 : -1;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int repeat =
        std::max(1, args.indexOf(QStringLiteral("--repeat")) > 0
                        ? args.value(args.indexOf(QStringLiteral("--repeat")) + 1).toInt()
                        : 3);
    QTemporaryDir dir;
    const QString small = dir.filePath(QStringLiteral("ml100k.data"));
    const QString large = dir.filePath(QStringLiteral("ml1m.data"));
    if (!writeLog(small, 100000, 943, 1682, 1) || !writeLog(large, 1000000, 6040, 3706, 2)) {
        std::fprintf(stderr, "cannot write the logs in %s\n", qPrintable(dir.path()));
        return 1;
    }
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    std::printf("| what | best of %d | figure |\n|---|---|---|\n", repeat);
    double best = 1e99;
    for (int i = 0; i < repeat; ++i) {
        auto store = sim::RunStore::open(dir.filePath(QStringLiteral("import%1.db").arg(i)));
        if (!store)
            return 1;
        best = std::min(best, importSeconds(*store.value(), large, QStringLiteral("ml1m")));
    }
    std::printf("| import, 1M MovieLens lines | %.3f s | %.2f M lines/s |\n", best, 1.0 / best);

    auto store = sim::RunStore::open(dir.filePath(QStringLiteral("replay.db")));
    if (!store || importSeconds(*store.value(), small, QStringLiteral("ml100k")) < 0)
        return 1;
    struct Case {
        const char* label;
        const char* core;
        std::map<std::string, std::string> params;
    };
    const Case cases[] = {{"replay popularity, 100k events", "popularity", {}},
                          {"replay itemknn, 100k events", "itemknn", {}},
                          {"replay mf-sgd (10 factors, 100 negatives, lr 0.05), 100k events",
                           "mf-sgd",
                           {{"factors", "10"}, {"negatives", "100"}, {"learning_rate", "0.05"}}}};
    for (const Case& c : cases) {
        sim::ReplaySpec spec;
        spec.log = QStringLiteral("ml100k");
        spec.recommender = c.core;
        spec.params = c.params;
        spec.store = false;
        double bestRate = 0, hit = 0, ndcg = 0;
        for (int i = 0; i < repeat; ++i) {
            auto r = sim::replayLog(*store.value(), registry, spec);
            if (!r) {
                std::fprintf(stderr, "%s\n", r.error().c_str());
                return 1;
            }
            bestRate = std::max(bestRate, r.value().eventsPerSecond);
            hit = r.value().ranking.hit;
            ndcg = r.value().ranking.ndcg;
        }
        std::printf("| %s | %.3f s | %.3f M events/s, HR@10 %.4f, NDCG@10 %.4f |\n", c.label,
                    100000.0 / bestRate, bestRate / 1e6, hit, ndcg);
    }
    return 0;
}
