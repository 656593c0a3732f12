#include "sweep_command.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/sweep_plan.h"

#include "run_limit_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>

namespace recoscope::sim {

int SweepCommand::run(const QStringList& args) {
    QCommandLineParser p;
    const QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption jobOpt(QStringLiteral("job"), QString(), QStringLiteral("I"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QStringList planning{QStringLiteral("scenario"), QStringLiteral("recommender"),
                               QStringLiteral("grid"),     QStringLiteral("seeds"),
                               QStringLiteral("seed"),     QStringLiteral("events"),
                               QStringLiteral("days")};
    p.addOptions({outOpt, jobOpt, jsonOpt});
    for (const QString& name : planning)
        p.addOption(QCommandLineOption(name, QString(), QStringLiteral("VALUE")));
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(outOpt))
        return usage(QStringLiteral("sweep needs --out DIR"));
    if (!p.isSet(jobOpt))
        return plan(args);
    for (const QString& name : planning)
        if (p.isSet(name))
            return usage(QStringLiteral("--job runs a planned job: --%1 belongs to planning "
                                        "(the plan in DIR/jobs.json says what the job runs)")
                             .arg(name));
    const QString dir = p.value(outOpt);
    core::Result<SweepPlan> plan = SweepPlan::load(dir);
    if (!plan)
        return fail(ExitBadInput, QString::fromStdString(plan.error()));
    bool ok = false;
    const int index = p.value(jobOpt).toInt(&ok);
    const int count = static_cast<int>(plan.value().jobs().size());
    if (!ok || index < 0 || index >= count)
        return usage(QStringLiteral("--job expects a job index in [0, %1] (sweep %2 has %3 "
                                    "jobs), got '%4'")
                         .arg(count - 1)
                         .arg(plan.value().sweepId())
                         .arg(count)
                         .arg(p.value(jobOpt)));
    return runJob(plan.value(), QFileInfo(dir).absoluteFilePath(), index, p.isSet(jsonOpt));
}

int SweepCommand::plan(const QStringList& args) {
    QCommandLineParser p;
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                         QStringLiteral("NAME|FILE"));
    const QCommandLineOption recOpt(QStringLiteral("recommender"), QString(), QStringLiteral("ID"));
    const QCommandLineOption gridOpt(QStringLiteral("grid"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption seedsOpt(QStringLiteral("seeds"), QString(), QStringLiteral("K"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QString(), QStringLiteral("N"));
    const QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions(
        {scenarioOpt, recOpt, gridOpt, seedsOpt, seedOpt, eventsOpt, daysOpt, outOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    for (const auto& [opt, what] :
         {std::pair{&scenarioOpt, "--scenario NAME|FILE"}, std::pair{&recOpt, "--recommender ID"},
          std::pair{&gridOpt, "--grid FILE"}})
        if (!p.isSet(*opt))
            return usage(QStringLiteral("sweep needs %1 (or --job I to run a planned job)")
                             .arg(QLatin1String(what)));
    const core::RecommenderEntry* entry = m_registry.find(p.value(recOpt).toStdString());
    if (!entry)
        return usage(
            QString::fromStdString(m_registry.unknownIdMessage(p.value(recOpt).toStdString())));
    bool ok = true;
    int seeds = 1;
    if (p.isSet(seedsOpt)) {
        seeds = p.value(seedsOpt).toInt(&ok);
        if (!ok || seeds < 1 || seeds > 100000)
            return usage(QStringLiteral("--seeds expects a whole number in [1, 100000], got '%1'")
                             .arg(p.value(seedsOpt)));
    }
    RunLimits limits;
    if (const QString bad = readRunLimits(p, eventsOpt, daysOpt, limits); !bad.isEmpty())
        return usage(bad);
    core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
    if (!scenario)
        return fail(ExitBadInput, QString::fromStdString(scenario.error()));
    std::uint64_t firstSeed = scenario.value().seed;
    if (const QString bad = readSeed(p, seedOpt, firstSeed); !bad.isEmpty())
        return usage(bad);
    core::Result<SweepPlan> plan =
        SweepPlan::fromGrid(p.value(gridOpt), *entry, scenario.value(), seeds, firstSeed, limits);
    if (!plan)
        return fail(ExitBadInput, QString::fromStdString(plan.error()));
    const QString cli = QCoreApplication::instance() ? QCoreApplication::applicationFilePath()
                                                     : QStringLiteral("recoscope-cli");
    const QString dir = QFileInfo(p.value(outOpt)).absoluteFilePath();
    if (core::Status st = plan.value().write(dir, cli); !st)
        return fail(ExitBadInput, QString::fromStdString(st.error()));
    const qsizetype n = static_cast<qsizetype>(plan.value().jobs().size());
    if (p.isSet(jsonOpt)) {
        QFile f(QDir(dir).filePath(QStringLiteral("jobs.json")));
        if (f.open(QIODevice::ReadOnly))
            m_out << f.readAll();
    } else {
        m_out << "sweep " << plan.value().sweepId() << ": " << n << (n == 1 ? " job" : " jobs")
              << " (" << n / seeds << " parameter sets x " << seeds
              << (seeds == 1 ? " seed" : " seeds") << ") planned in " << dir << "\n"
              << "  one job:       " << cli << " sweep --out " << dir << " --job I   (I = 0.."
              << n - 1 << ")\n"
              << "  GNU parallel:  " << dir << "/run-parallel.sh\n"
              << "  Slurm:         sbatch " << dir << "/slurm-array.sh\n"
              << "  then:          " << cli << " merge " << dir << "/job-*.db --out all.db\n";
    }
    m_out.flush();
    return ExitOk;
}

int SweepCommand::runJob(const SweepPlan& plan, const QString& dir, int index, bool json) {
    const QString db = QDir(dir).filePath(SweepPlan::jobDbName(index));
    const QString label = SweepPlan::label(plan.sweepId(), index);
    if (QFileInfo::exists(db)) {
        // Only a finished job is ever renamed to job-I.db; check it is this job's before
        // saying so, and never overwrite it.
        auto store = RunStore::open(db, RunStore::Mode::ReadOnly);
        if (!store)
            return fail(ExitDatabase, QString::fromStdString(store.error()));
        auto runs = store.value()->runs();
        if (!runs)
            return fail(ExitDatabase, QString::fromStdString(runs.error()));
        if (runs.value().size() == 1 && runs.value().first().label == label &&
            runs.value().first().status == QLatin1String("finished")) {
            m_err << "recoscope-cli: sweep " << plan.sweepId() << " job " << index
                  << " already finished in " << db << " (run " << runs.value().first().id
                  << "); skipped. Delete the file to run it again.\n";
            m_err.flush();
            return ExitOk;
        }
        return fail(ExitDatabase, QStringLiteral("%1 exists but is not the finished run of sweep "
                                                 "%2 job %3; move it away to run the job")
                                      .arg(db, plan.sweepId())
                                      .arg(index));
    }
    const QString part = db + QStringLiteral(".part");
    for (const QString& stale :
         {part, part + QStringLiteral("-wal"), part + QStringLiteral("-shm")})
        QFile::remove(stale); // a killed earlier attempt of this job
    QJsonObject summary;
    qint64 runId = 0;
    bool cancelled = false;
    {
        auto opened = RunStore::open(part);
        if (!opened)
            return fail(ExitDatabase, QString::fromStdString(opened.error()));
        auto job = RunJob::create(plan.runSpec(index), m_registry, opened.value().get());
        if (!job)
            return fail(ExitUsage, QString::fromStdString(job.error()));
        const RunOutcome outcome = job.value()->runSlice(0, m_cancel);
        cancelled = outcome.reason == StopReason::Cancelled;
        const core::Status fin = job.value()->finish(cancelled ? QStringLiteral("cancelled")
                                                               : QStringLiteral("finished"));
        if (outcome.reason == StopReason::SinkFailed || !fin)
            return fail(ExitDatabase, QString::fromStdString(
                                          outcome.reason == StopReason::SinkFailed ? outcome.error
                                                                                   : fin.error()));
        summary = job.value()->summary();
        runId = job.value()->runId();
    } // the store is closed here: its WAL is folded into the file before the rename
    if (cancelled) {
        QFile::remove(part);
        return fail(ExitInterrupted,
                    QStringLiteral("sweep %1 job %2 interrupted; nothing kept (run it again)")
                        .arg(plan.sweepId())
                        .arg(index));
    }
    if (!QFile::rename(part, db))
        return fail(ExitDatabase, QStringLiteral("%1: cannot rename to %2").arg(part, db));
    if (json) {
        m_out << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_out << "sweep " << plan.sweepId() << " job " << index << ": run " << runId << " in " << db
              << ", " << summary.value(QStringLiteral("events")).toInteger() << " events, CTR "
              << QString::number(summary.value(QStringLiteral("ctr")).toDouble() * 100, 'f', 3)
              << " %, coverage "
              << QString::number(summary.value(QStringLiteral("coverage")).toDouble() * 100, 'f', 1)
              << " %, revenue "
              << QString::number(summary.value(QStringLiteral("revenue")).toDouble(), 'f', 2)
              << ", " << QString::number(summary.value(QStringLiteral("wall_s")).toDouble(), 'f', 2)
              << " s\n";
    }
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
