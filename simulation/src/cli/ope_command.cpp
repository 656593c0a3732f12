#include "ope_command.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/ope_check.h"
#include "recoscope/sim/run_store.h"

#include "run_limit_options.h"
#include "text_table.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace recoscope::sim {

namespace {

constexpr int kMaxSeeds = 1000;
constexpr double kMaxDays = 3650.0;

const char* const kNames[] = {"IPS", "SNIPS", "DM", "DR"};

QString pct(double v, int decimals = 3) {
    return std::isfinite(v) ? QString::number(100.0 * v, 'f', decimals) + QStringLiteral(" %")
                            : QStringLiteral("n/a");
}

QString paramsText(const OpeCore& c) {
    QStringList kv;
    for (const auto& [key, value] : c.params)
        kv << QString::fromStdString(key + "=" + value);
    return QString::fromStdString(c.id) +
           (kv.isEmpty() ? QString()
                         : QStringLiteral(" (") + kv.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

} // namespace

int OpeCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption runOpt(QStringLiteral("run"), QString(), QStringLiteral("N"));
    QCommandLineOption targetOpt(QStringLiteral("target"), QString(), QStringLiteral("ID"));
    QCommandLineOption paramOpt(QStringLiteral("param"), QString(), QStringLiteral("KEY=VALUE"));
    QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                   QStringLiteral("NAME|FILE"));
    QCommandLineOption loggerOpt(QStringLiteral("logger"), QString(), QStringLiteral("ID"));
    QCommandLineOption loggerParamOpt(QStringLiteral("logger-param"), QString(),
                                      QStringLiteral("KEY=VALUE"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption seedsOpt(QStringLiteral("seeds"), QString(), QStringLiteral("K"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, runOpt, targetOpt, paramOpt, scenarioOpt, loggerOpt, loggerParamOpt,
                  seedOpt, seedsOpt, daysOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    const bool stored = p.isSet(runOpt);
    if (stored == p.isSet(scenarioOpt))
        return usage(QStringLiteral("ope needs either --run N (a stored run; --db FILE) or "
                                    "--scenario NAME|FILE with --logger ID"));
    if (!p.isSet(targetOpt))
        return usage(QStringLiteral("ope needs --target ID (see list-recommenders)"));
    if (stored && (p.isSet(loggerOpt) || p.isSet(loggerParamOpt) || p.isSet(seedOpt) ||
                   p.isSet(seedsOpt) || p.isSet(daysOpt)))
        return usage(QStringLiteral("--logger, --logger-param, --seed, --seeds and --days go "
                                    "with --scenario; a stored run has its own"));
    if (!stored && !p.isSet(loggerOpt))
        return usage(QStringLiteral("--scenario needs --logger ID: the core that logs"));

    // Core ids and parameters are checked before anything runs.
    auto parseCore = [&](const QString& id, const QStringList& kvs, const QString& flag,
                         OpeCore& out) -> QString {
        out.id = id.toStdString();
        const core::RecommenderEntry* entry = m_registry.find(out.id);
        if (!entry)
            return QString::fromStdString(m_registry.unknownIdMessage(out.id));
        for (const QString& kv : kvs) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return QStringLiteral("%1 expects KEY=VALUE, got '%2'").arg(flag, kv);
            out.params[kv.left(eq).toStdString()] = kv.mid(eq + 1).toStdString();
        }
        if (auto r = core::resolveParams(entry->params, out.params); !r)
            return QStringLiteral("%1: core '%2': %3")
                .arg(flag, id, QString::fromStdString(r.error()));
        return {};
    };
    OpeCore target, logger;
    if (QString e =
            parseCore(p.value(targetOpt), p.values(paramOpt), QStringLiteral("--param"), target);
        !e.isEmpty())
        return usage(e);
    if (!stored)
        if (QString e = parseCore(p.value(loggerOpt), p.values(loggerParamOpt),
                                  QStringLiteral("--logger-param"), logger);
            !e.isEmpty())
            return usage(e);

    std::vector<OpeResult> results;
    bool ok = true;
    if (stored) {
        const qlonglong runId = p.value(runOpt).toLongLong(&ok);
        if (!ok || runId <= 0)
            return usage(
                QStringLiteral("--run expects a run id > 0, got '%1'").arg(p.value(runOpt)));
        const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
        if (!QFileInfo::exists(path))
            return fail(ExitDatabase, QStringLiteral("%1: no such run store").arg(path));
        auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
        if (!store)
            return fail(ExitDatabase, QString::fromStdString(store.error()));
        auto r = checkStoredRun(*store.value(), runId, target, m_registry, m_cancel);
        if (!r)
            return fail(m_cancel && m_cancel->load() ? ExitInterrupted : ExitDatabase,
                        QString::fromStdString(r.error()));
        results.push_back(std::move(r).value());
    } else {
        if (p.isSet(dbOpt))
            return usage(QStringLiteral("--db goes with --run: fresh logging runs are not stored"));
        int seeds = 1;
        if (p.isSet(seedsOpt)) {
            seeds = p.value(seedsOpt).toInt(&ok);
            if (!ok || seeds < 1 || seeds > kMaxSeeds)
                return usage(QStringLiteral("--seeds expects a whole number in [1, %1], got '%2'")
                                 .arg(kMaxSeeds)
                                 .arg(p.value(seedsOpt)));
        }
        double days = 0.0;
        if (p.isSet(daysOpt)) {
            days = p.value(daysOpt).toDouble(&ok);
            if (!ok || !(days > 0.0) || !std::isfinite(days) || days > kMaxDays)
                return usage(QStringLiteral("--days expects a number in (0, %1], got '%2'")
                                 .arg(kMaxDays)
                                 .arg(p.value(daysOpt)));
        }
        std::uint64_t seed = 0;
        if (const QString bad = readSeed(p, seedOpt, seed); !bad.isEmpty())
            return usage(bad);
        core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
        if (!scenario)
            return fail(ExitBadInput, QString::fromStdString(scenario.error()));
        if (!p.isSet(seedOpt))
            seed = scenario.value().seed;
        for (int k = 0; k < seeds; ++k) {
            auto r = checkFreshRun(scenario.value(), seed + static_cast<std::uint64_t>(k), days,
                                   logger, target, m_registry, m_cancel);
            if (!r)
                return fail(m_cancel && m_cancel->load() ? ExitInterrupted : ExitBadInput,
                            QString::fromStdString(r.error()));
            results.push_back(std::move(r).value());
        }
    }

    if (p.isSet(jsonOpt)) {
        QJsonObject o = results.front().toJson();
        if (results.size() > 1) {
            QJsonArray perSeed;
            for (const OpeResult& r : results)
                perSeed.append(r.toJson());
            o = QJsonObject{{QStringLiteral("runs"), perSeed},
                            {QStringLiteral("summary"), summariseSeeds(results)}};
        }
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (const OpeResult& r : results)
            writeText(r);
        if (results.size() > 1) {
            const QJsonObject s = summariseSeeds(results);
            TextTable t(QStringLiteral("Across %1 seeds (mean truth CTR %2)")
                            .arg(results.size())
                            .arg(pct(s.value(QStringLiteral("mean_truth_ctr")).toDouble())),
                        {QStringLiteral("estimator"), QStringLiteral("mean estimate"),
                         QStringLiteral("bias"), QStringLiteral("RMSE"), QStringLiteral("coverage"),
                         QStringLiteral("flagged")});
            const QJsonArray list = s.value(QStringLiteral("estimators")).toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QJsonObject e = list[i].toObject();
                auto v = [&](const char* key) {
                    const QJsonValue x = e.value(QLatin1String(key));
                    return x.isNull() ? std::nan("") : x.toDouble();
                };
                t.addRow({QString::fromLatin1(kNames[i]), pct(v("mean_estimate")), pct(v("bias")),
                          pct(v("rmse")), TextTable::percent(v("coverage"), 0),
                          QString::number(v("flagged_invalid"))});
            }
            t.write(m_out);
        }
    }
    m_out.flush();
    return ExitOk;
}

void OpeCommand::writeText(const OpeResult& r) {
    const OpeEstimates& s = r.estimates;
    m_out << "ope: target " << paramsText(r.target) << " on "
          << (r.runId ? QStringLiteral("run %1").arg(r.runId) : QStringLiteral("a fresh run"))
          << " (logger " << paramsText(r.logger) << ", scenario " << r.scenario << ", seed "
          << r.seed << ", " << QString::number(r.periodDays, 'f', 2) << " days)\n"
          << "  log      " << s.slates << " slates, logged CTR " << pct(s.loggedCtr)
          << (s.deterministicLogger   ? QStringLiteral(", deterministic logger (propensities 1)")
              : s.unknownPropensities ? QStringLiteral(", propensities unknown")
                                      : QStringLiteral(", stochastic logger"))
          << "\n"
          << "  support  the target shows the logged item at " << pct(s.matchRate, 2)
          << " of its positions; mean importance weight " << pct(s.support.value, 1) << " ["
          << pct(s.support.low, 1) << ", " << pct(s.support.high, 1) << "] (100 % = full support)\n"
          << "  truth    the target's own run: CTR " << pct(r.truth.ctr) << " ("
          << static_cast<qint64>(r.truth.impressions) << " impressions, "
          << static_cast<qint64>(r.truth.clicks) << " clicks)\n\n";
    TextTable t(QStringLiteral("Estimates of the target's CTR (95 % intervals, CLT over slates)"),
                {QStringLiteral("estimator"), QStringLiteral("estimate"), QStringLiteral("low"),
                 QStringLiteral("high"), QStringLiteral("error"), QStringLiteral("covered"),
                 QStringLiteral("valid")});
    for (std::size_t i = 0; i < s.estimates.size(); ++i) {
        const OpeEstimate& e = s.estimates[i];
        const bool finite = std::isfinite(e.value);
        t.addRow({QString::fromLatin1(kNames[i]), pct(e.value), pct(e.low), pct(e.high),
                  finite ? pct(e.value - r.truth.ctr) : QStringLiteral("n/a"),
                  !finite                                         ? QStringLiteral("n/a")
                  : e.low <= r.truth.ctr && r.truth.ctr <= e.high ? QStringLiteral("yes")
                                                                  : QStringLiteral("no"),
                  e.valid ? QStringLiteral("yes") : QStringLiteral("NO")});
    }
    t.write(m_out);
    for (std::size_t i = 0; i < s.estimates.size(); ++i)
        if (!s.estimates[i].problem.empty())
            m_out << "  ! " << kNames[i] << ": " << QString::fromStdString(s.estimates[i].problem)
                  << "\n";
    m_out << "\n";
}

} // namespace recoscope::sim
