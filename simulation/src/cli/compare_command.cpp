#include "compare_command.h"

#include "recoscope/sim/timeline_reach.h"

#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/arena.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include "compare_surfaces.h"
#include "compare_text.h"
#include "report_text.h"
#include "text_table.h"

#include "onboarding_options.h"
#include "run_limit_options.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cmath>
#include <map>

namespace recoscope::sim {

namespace {

constexpr double kLevel = 0.95;
constexpr double kAlpha = 0.05;
constexpr int kMaxSeeds = 10000;
constexpr int kMaxThreads = 64;

struct SeedResult {
    std::uint64_t seed = 0;
    std::vector<qint64> runIds;
    std::vector<std::vector<std::pair<std::string, double>>> metrics; // per core
    std::vector<PairComparison> pairs;
    std::vector<QJsonObject> onboarding; // per core (onboarding_report.h)
};

QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

int CompareCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                   QStringLiteral("NAME|FILE"));
    QCommandLineOption recsOpt(QStringLiteral("recommenders"), QString(), QStringLiteral("A,B"));
    QCommandLineOption paramOpt(QStringLiteral("param"), QString(),
                                QStringLiteral("CORE.KEY=VALUE"));
    QCommandLineOption surfaceOpt(QStringLiteral("surface"), QString(),
                                  QStringLiteral("[CORE.]NAME=SPEC"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption seedsOpt(QStringLiteral("seeds"), QString(), QStringLiteral("K"));
    QCommandLineOption eventsOpt(QStringLiteral("events"), QString(), QStringLiteral("N"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    const QCommandLineOption budgetOpt = latencyBudgetOption();
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption labelOpt(QStringLiteral("label"), QString(), QStringLiteral("TEXT"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    QCommandLineOption threadsOpt(QStringLiteral("threads"), QString(), QStringLiteral("N"));
    QCommandLineOption couponsOpt(QStringLiteral("coupon-policies"), QString(),
                                  QStringLiteral("P,Q"));
    p.addOptions({scenarioOpt, recsOpt, paramOpt, surfaceOpt, seedOpt, seedsOpt, eventsOpt, daysOpt,
                  budgetOpt, dbOpt, labelOpt, jsonOpt, threadsOpt, couponsOpt});
    const OnboardingOptions onboardingOpts(false);
    p.addOptions(onboardingOpts.all());
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(scenarioOpt))
        return usage(QStringLiteral("compare needs --scenario NAME|FILE (see list-scenarios)"));
    if (!p.isSet(recsOpt))
        return usage(QStringLiteral("compare needs --recommenders A,B[,C,D]"));
    // The same rule as `recoscope-cli label` and the history's editor: the run would otherwise
    // be stored with a label those refuse (several lines, 500 characters, 'sweep:…').
    if (const QString why = RunStore::labelProblem(p.value(labelOpt)); !why.isEmpty())
        return usage(QStringLiteral("--label: ") + why);
    if (p.isSet(eventsOpt) && p.isSet(daysOpt))
        return usage(QStringLiteral("--events and --days: choose one"));

    ArenaSpec spec;
    spec.inspectors = false;
    QStringList labels;
    for (const QString& id : p.value(recsOpt).split(QLatin1Char(','))) {
        const std::string key = id.trimmed().toStdString();
        if (!m_registry.find(key))
            return usage(QString::fromStdString(m_registry.unknownIdMessage(key)));
        spec.cores.push_back({key, {}});
        // The same core twice (an A/A check) gets "#2" so that pairs stay readable.
        QString label = id.trimmed();
        for (int n = 2; labels.contains(label); ++n)
            label = id.trimmed() + QStringLiteral("#%1").arg(n);
        labels << label;
    }
    if (spec.cores.size() < 2 || spec.cores.size() > 4)
        return usage(QStringLiteral("--recommenders expects 2 to 4 core ids, got %1")
                         .arg(spec.cores.size()));
    // --param CORE.KEY=VALUE, CORE being a core's label ("itemknn", "itemknn#2" for the
    // second of two), so that two settings of one core can be compared.
    for (const QString& kv : p.values(paramOpt)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        const qsizetype dot = kv.left(eq).lastIndexOf(QLatin1Char('.'));
        if (eq <= 0 || dot <= 0)
            return usage(QStringLiteral("--param expects CORE.KEY=VALUE, got '%1'").arg(kv));
        const qsizetype core = labels.indexOf(kv.left(dot));
        if (core < 0)
            return usage(QStringLiteral("--param '%1': no core labelled '%2' (the cores are %3)")
                             .arg(kv, kv.left(dot), labels.join(QStringLiteral(", "))));
        spec.cores[static_cast<std::size_t>(core)]
            .params[kv.mid(dot + 1, eq - dot - 1).toStdString()] = kv.mid(eq + 1).toStdString();
    }
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const ArenaSpec::Core& c = spec.cores[static_cast<std::size_t>(i)];
        if (auto resolved = core::resolveParams(m_registry.find(c.recommender)->params, c.params);
            !resolved)
            return usage(QStringLiteral("core '%1': %2")
                             .arg(labels[i], QString::fromStdString(resolved.error())));
    }
    bool ok = true;
    if (const QString bad = readRunLimits(p, eventsOpt, daysOpt, spec.limits); !bad.isEmpty())
        return usage(bad);
    if (const QString bad = readLatencyBudget(p, budgetOpt, spec.limits); !bad.isEmpty())
        return usage(bad);
    if (const QString bad = readCouponPolicies(p, couponsOpt, labels, spec.couponPolicies);
        !bad.isEmpty())
        return usage(bad);
    if (const QString bad = onboardingOpts.readPerCore(p, labels, spec.onboarding); !bad.isEmpty())
        return usage(bad);
    int seeds = 1;
    if (p.isSet(seedsOpt)) {
        seeds = p.value(seedsOpt).toInt(&ok);
        if (!ok || seeds < 1 || seeds > kMaxSeeds)
            return usage(QStringLiteral("--seeds expects a whole number in [1, %1], got '%2'")
                             .arg(kMaxSeeds)
                             .arg(p.value(seedsOpt)));
    }
    // The cores run on this many threads (Arena::run); the results never depend on it.
    // Default: one per hardware thread, which measured fastest (docs/performance.md).
    int threads = std::max(1, QThread::idealThreadCount());
    if (p.isSet(threadsOpt)) {
        threads = p.value(threadsOpt).toInt(&ok);
        if (!ok || threads < 1 || threads > kMaxThreads)
            return usage(QStringLiteral("--threads expects a whole number in [1, %1], got '%2'")
                             .arg(kMaxThreads)
                             .arg(p.value(threadsOpt)));
    }
    std::uint64_t seed = 0;
    if (const QString bad = readSeed(p, seedOpt, seed); !bad.isEmpty())
        return usage(bad);
    core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
    if (!scenario)
        return fail(ExitBadInput, QString::fromStdString(scenario.error()));
    spec.scenario = scenario.value();
    if (const QString bad = onboardingOpts.apply(p, spec.scenario); !bad.isEmpty())
        return usage(bad);
    if (const QString bad = applyCompareSurfaces(p.values(surfaceOpt), labels, spec, m_registry);
        !bad.isEmpty())
        return usage(bad);
    if (!p.isSet(seedOpt))
        seed = spec.scenario.seed;
    spec.label = p.value(labelOpt);
    if (p.isSet(dbOpt)) {
        // Opened once here so that a bad file is reported before any run starts.
        auto opened = RunStore::open(p.value(dbOpt));
        if (!opened)
            return fail(ExitDatabase, QString::fromStdString(opened.error()));
        spec.dbPath = p.value(dbOpt);
    }

    const auto pairs = allPairs(spec.cores.size());
    std::vector<SeedResult> results;
    CompareSurfaceTally surfaces(spec.cores.size());
    bool cancelled = false;
    for (int k = 0; k < seeds && !cancelled; ++k) {
        spec.seed = seed + static_cast<std::uint64_t>(k);
        // Stored runs of one arena share an experiment id (wall-clock ms, never a result).
        const qint64 experiment = spec.dbPath.isEmpty() ? 0 : QDateTime::currentMSecsSinceEpoch();
        auto created = Arena::create(spec, m_registry, experiment);
        if (!created)
            return fail(spec.dbPath.isEmpty() ? ExitUsage : ExitDatabase,
                        QString::fromStdString(created.error()));
        Arena& arena = *created.value();
        const core::Status ran = arena.run(m_cancel, threads);
        cancelled = m_cancel && m_cancel->load() && !arena.allDone();
        const Arena::Finish fin = arena.finish(cancelled);
        if (!ran)
            return fail(ExitDatabase, QString::fromStdString(ran.error()));
        if (!fin.errors.empty())
            return fail(ExitDatabase, QString::fromStdString(fin.errors.front()));
        // A stopped core's figures end at its fault: comparing them would mislead. The
        // other cores ran to the end and every run is stored (the stopped ones as failed).
        if (!fin.coreFailures.empty()) {
            QStringList lines;
            for (const std::string& f : fin.coreFailures)
                lines << QString::fromStdString(f);
            return fail(ExitCoreFailed, lines.join(QStringLiteral("\nrecoscope-cli: ")) +
                                            QStringLiteral("\nrecoscope-cli: nothing compared"));
        }
        if (cancelled)
            break;
        double endDay = spec.limits.maxDays > 0.0 ? spec.limits.maxDays : 1e300;
        for (std::size_t i = 0; i < arena.size(); ++i)
            endDay = std::min(endDay, arena.engine(i).now() / core::kSecondsPerDay);
        if (const QString w = limitedRunWarning(spec.scenario, spec.limits, endDay);
            k == 0 && !w.isEmpty())
            m_err << "recoscope-cli: warning: " << w << '\n';
        SeedResult r;
        r.seed = spec.seed;
        r.runIds = fin.runIds;
        std::vector<const UserRows*> rows;
        for (std::size_t i = 0; i < arena.size(); ++i) {
            r.metrics.push_back(arena.engine(i).summary().stored());
            surfaces.add(i, arena.engine(i).surfaceMetrics().totals());
            rows.push_back(&arena.outcomes(i).rows());
            r.onboarding.push_back(
                arena.job(i).summary().value(QStringLiteral("onboarding")).toObject());
        }
        r.pairs = comparePairs(rows, pairs, true, kLevel);
        results.push_back(std::move(r));
    }
    if (cancelled)
        return fail(ExitInterrupted,
                    QStringLiteral("interrupted after %1 of %2 seeds; nothing compared")
                        .arg(results.size())
                        .arg(seeds));

    // Across seeds: each core's metric, and each pair's per-seed difference of per-user
    // means, with a paired t over seeds (the seed is the unit there).
    const std::size_t nc = spec.cores.size();
    const std::size_t nm = results.front().metrics.front().size();
    auto coreValues = [&](std::size_t core, std::size_t metric) {
        std::vector<double> v;
        for (const SeedResult& r : results)
            v.push_back(r.metrics[core][metric].second);
        return v;
    };
    const std::size_t ncmp = results.front().pairs.size();
    struct Across {
        std::pair<double, double> diff; // mean, sd of the per-seed differences
        PairedDifference t;
        double pHolm = 1.0;
        int significant = 0;
    };
    std::vector<Across> across(ncmp);
    for (std::size_t c = 0; c < ncmp; ++c) {
        std::vector<double> d, a, b;
        for (const SeedResult& r : results) {
            d.push_back(r.pairs[c].diff.mean);
            a.push_back(r.pairs[c].meanA);
            b.push_back(r.pairs[c].meanB);
            across[c].significant += r.pairs[c].significant(kAlpha);
        }
        across[c].diff = meanAndSd(d);
        across[c].t = pairedDifference(a, b, kLevel);
    }
    for (std::size_t start = 0; start < ncmp; start += pairs.size()) {
        std::vector<double> raw;
        for (std::size_t k = 0; k < pairs.size(); ++k)
            raw.push_back(across[start + k].t.p);
        const auto adjusted = holmAdjust(raw);
        for (std::size_t k = 0; k < pairs.size(); ++k)
            across[start + k].pHolm = adjusted[k];
    }

    if (p.isSet(jsonOpt)) {
        QJsonObject o;
        o[QStringLiteral("scenario")] = spec.scenario.name;
        QJsonArray seedList;
        for (const SeedResult& r : results)
            seedList.append(static_cast<qint64>(r.seed));
        o[QStringLiteral("seeds")] = seedList;
        o[QStringLiteral("events_limit")] = static_cast<qint64>(spec.limits.maxEvents);
        o[QStringLiteral("days_limit")] = spec.limits.maxDays;
        o[QStringLiteral("db")] = spec.dbPath.isEmpty() ? QJsonValue() : QJsonValue(spec.dbPath);
        o[QStringLiteral("method")] = methodText(pairs.size());
        o[QStringLiteral("correction")] = QStringLiteral("holm");
        o[QStringLiteral("level")] = kLevel;
        o[QStringLiteral("alpha")] = kAlpha;
        QJsonArray cores;
        for (std::size_t i = 0; i < nc; ++i) {
            QJsonObject c;
            c[QStringLiteral("label")] = labels[static_cast<qsizetype>(i)];
            c[QStringLiteral("recommender")] = QString::fromStdString(spec.cores[i].recommender);
            QJsonObject params;
            for (const auto& [key, value] : spec.cores[i].params)
                params[QString::fromStdString(key)] = QString::fromStdString(value);
            c[QStringLiteral("params")] = params;
            QJsonArray ids;
            for (const SeedResult& r : results)
                ids.append(r.runIds[i]);
            c[QStringLiteral("run_ids")] = ids;
            QJsonObject metrics;
            for (std::size_t m = 0; m < nm; ++m) {
                const std::vector<double> v = coreValues(i, m);
                const auto [mean, sd] = meanAndSd(v);
                QJsonArray values;
                for (double x : v)
                    values.append(num(x));
                metrics[QString::fromStdString(results.front().metrics[i][m].first)] =
                    QJsonObject{{QStringLiteral("mean"), num(mean)},
                                {QStringLiteral("sd"), num(sd)},
                                {QStringLiteral("values"), values}};
            }
            c[QStringLiteral("metrics")] = metrics;
            QJsonArray onboarding; // one block per seed
            for (const SeedResult& r : results)
                onboarding.append(r.onboarding[i]);
            c[QStringLiteral("onboarding")] = onboarding;
            c[QStringLiteral("surfaces")] = surfaces.json(
                i, *spec.cores[i].surfaces, QString::fromStdString(spec.cores[i].recommender));
            cores.append(c);
        }
        o[QStringLiteral("cores")] = cores;
        QJsonArray pairList;
        for (std::size_t c = 0; c < ncmp; ++c) {
            const PairComparison& first = results.front().pairs[c];
            QJsonObject pr;
            pr[QStringLiteral("a")] = labels[static_cast<qsizetype>(first.a)];
            pr[QStringLiteral("b")] = labels[static_cast<qsizetype>(first.b)];
            pr[QStringLiteral("metric")] = QString::fromStdString(first.metric);
            QJsonArray perSeed;
            for (const SeedResult& r : results) {
                const PairComparison& x = r.pairs[c];
                perSeed.append(QJsonObject{{QStringLiteral("seed"), static_cast<qint64>(r.seed)},
                                           {QStringLiteral("users"), x.diff.n},
                                           {QStringLiteral("mean_a"), num(x.meanA)},
                                           {QStringLiteral("mean_b"), num(x.meanB)},
                                           {QStringLiteral("diff"), num(x.diff.mean)},
                                           {QStringLiteral("low"), num(x.diff.low)},
                                           {QStringLiteral("high"), num(x.diff.high)},
                                           {QStringLiteral("p"), num(x.diff.p)},
                                           {QStringLiteral("p_holm"), num(x.pHolm)},
                                           {QStringLiteral("significant"), x.significant(kAlpha)}});
            }
            pr[QStringLiteral("per_seed")] = perSeed;
            if (results.size() > 1) {
                const Across& a = across[c];
                pr[QStringLiteral("across_seeds")] =
                    QJsonObject{{QStringLiteral("seeds"), static_cast<int>(results.size())},
                                {QStringLiteral("mean"), num(a.diff.first)},
                                {QStringLiteral("sd"), num(a.diff.second)},
                                {QStringLiteral("low"), num(a.t.low)},
                                {QStringLiteral("high"), num(a.t.high)},
                                {QStringLiteral("p"), num(a.t.p)},
                                {QStringLiteral("p_holm"), num(a.pHolm)},
                                {QStringLiteral("significant_seeds"), a.significant}};
            }
            pairList.append(pr);
        }
        o[QStringLiteral("pairs")] = pairList;
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
        return ExitOk;
    }

    const bool many = results.size() > 1;
    m_out << "compare: scenario " << spec.scenario.name << ", seed" << (many ? "s " : " ") << seed
          << (many ? QStringLiteral("..%1").arg(seed + results.size() - 1) : QString()) << ", "
          << (spec.limits.maxEvents
                  ? QStringLiteral("%1 events per core").arg(spec.limits.maxEvents)
              : spec.limits.maxDays > 0 ? QStringLiteral("%1 days").arg(spec.limits.maxDays)
                                        : QStringLiteral("the whole scenario"))
          << (spec.dbPath.isEmpty() ? QStringLiteral(", not stored")
                                    : QStringLiteral(", stored in ") + spec.dbPath)
          << "\nmethod: " << methodText(pairs.size()) << '\n';
    if (spec.limits.maxEvents)
        m_out << "note: --events stops each core after that many events, at different "
                 "simulated times: per-user totals (clicks, revenue) then cover different "
                 "spans; --days gives every core the same span\n";
    m_out << '\n';
    QStringList headers{QStringLiteral("metric")};
    headers << labels;
    TextTable cores(many ? QStringLiteral("Cores: mean ± sd over %1 seeds").arg(results.size())
                         : QStringLiteral("Cores (whole run)"),
                    headers);
    for (std::size_t m = 0; m < nm; ++m) {
        const std::string& name = results.front().metrics.front()[m].first;
        QStringList row{QString::fromStdString(name)};
        for (std::size_t i = 0; i < nc; ++i) {
            const auto [mean, sd] = meanAndSd(coreValues(i, m));
            row << TextTable::number(mean, decimalsFor(name)) +
                       (many ? QStringLiteral(" ± ") + TextTable::number(sd, decimalsFor(name))
                             : QString());
        }
        cores.addRow(row);
    }
    cores.write(m_out);
    {
        // decisions/0031: how many sessions each core's newcomers needed (per seed).
        TextTable t(QStringLiteral("New-user onboarding: sessions until newcomers reach the "
                                   "established CTR (per seed; docs/metrics.md)"),
                    {QStringLiteral("core"), QStringLiteral("answered"),
                     QStringLiteral("did not answer"),
                     QStringLiteral("newcomers' CTR, session 1")});
        for (std::size_t i = 0; i < nc; ++i) {
            QStringList answered, silent, first;
            for (const SeedResult& r : results) {
                const QJsonObject& b = r.onboarding[i];
                answered << onboardingParityText(b, QStringLiteral("answered"));
                silent << onboardingParityText(b, QStringLiteral("silent"));
                QStringList ctr;
                for (const char* g : {"answered", "silent"}) {
                    const QJsonObject s1 = b.value(QLatin1String(g))
                                               .toObject()
                                               .value(QStringLiteral("by_session"))
                                               .toArray()
                                               .at(0)
                                               .toObject();
                    if (s1.value(QStringLiteral("ctr")).isDouble())
                        ctr << TextTable::percent(s1.value(QStringLiteral("ctr")).toDouble(), 2);
                }
                first << ctr.join(QStringLiteral(" / "));
            }
            t.addRow({labels[static_cast<qsizetype>(i)], answered.join(QStringLiteral(", ")),
                      silent.join(QStringLiteral(", ")), first.join(QStringLiteral(", "))});
        }
        t.write(m_out);
    }
    surfaces.writeText(labels, spec, m_out);
    TextTable diffs(many ? QStringLiteral("Pairs: per-user difference a - b, across %1 seeds "
                                          "(t over seeds)")
                               .arg(results.size())
                         : QStringLiteral("Pairs: per-user difference a - b"),
                    many ? QStringList{QStringLiteral("metric"), QStringLiteral("a - b"),
                                       QStringLiteral("mean ± sd"), QStringLiteral("95 % CI"),
                                       QStringLiteral("p"), QStringLiteral("p Holm"),
                                       QStringLiteral("significant seeds")}
                         : QStringList{QStringLiteral("metric"), QStringLiteral("a - b"),
                                       QStringLiteral("users"), QStringLiteral("mean a"),
                                       QStringLiteral("mean b"), QStringLiteral("diff"),
                                       QStringLiteral("95 % CI"), QStringLiteral("p"),
                                       QStringLiteral("p Holm"), QString()});
    for (std::size_t c = 0; c < ncmp; ++c) {
        const PairComparison& x = results.front().pairs[c];
        const int d = x.metric == "ctr" ? 5 : 4;
        const QString pair = labels[static_cast<qsizetype>(x.a)] + QStringLiteral(" - ") +
                             labels[static_cast<qsizetype>(x.b)];
        auto ci = [&](double lo, double hi) {
            return QStringLiteral("[%1, %2]")
                .arg(TextTable::number(lo, d), TextTable::number(hi, d));
        };
        auto pv = [](double v) {
            return std::isfinite(v) ? QString::number(v, 'g', 3) : QStringLiteral("-");
        };
        if (many) {
            const Across& a = across[c];
            diffs.addRow({QString::fromStdString(x.metric), pair,
                          TextTable::number(a.diff.first, d) + QStringLiteral(" ± ") +
                              TextTable::number(a.diff.second, d),
                          ci(a.t.low, a.t.high), pv(a.t.p), pv(a.pHolm),
                          QStringLiteral("%1/%2").arg(a.significant).arg(results.size())});
        } else {
            diffs.addRow({QString::fromStdString(x.metric), pair, QString::number(x.diff.n),
                          TextTable::number(x.meanA, d), TextTable::number(x.meanB, d),
                          TextTable::number(x.diff.mean, d), ci(x.diff.low, x.diff.high),
                          pv(x.diff.p), pv(x.pHolm),
                          x.significant(kAlpha) ? QStringLiteral("*") : QString()});
        }
    }
    diffs.write(m_out);
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
