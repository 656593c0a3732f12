// `recoscope-cli run` (docs/cli.md): one core on one scenario, stored or not, with a
// progress line, a summary, and a warning when a limit cut the run short of timeline
// entries it would otherwise have reached.

#include "recoscope/sim/command_line.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/timeline_reach.h"

#include "report_text.h"
#include "surface_text.h"

#include "onboarding_options.h"
#include "privacy_options.h"
#include "run_limit_options.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace recoscope::sim {

namespace {

QString fmt(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

} // namespace

int CommandLine::runCommand(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                   QStringLiteral("NAME|FILE"));
    QCommandLineOption recOpt(QStringLiteral("recommender"), QString(), QStringLiteral("ID"));
    QCommandLineOption paramOpt(QStringLiteral("param"), QString(), QStringLiteral("KEY=VALUE"));
    QCommandLineOption surfaceOpt(QStringLiteral("surface"), QString(),
                                  QStringLiteral("NAME=SPEC"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption eventsOpt(QStringLiteral("events"), QString(), QStringLiteral("N"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    const QCommandLineOption budgetOpt = latencyBudgetOption();
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption noDbOpt(QStringLiteral("no-db"));
    QCommandLineOption noSlatesOpt(QStringLiteral("no-slate-log"));
    QCommandLineOption labelOpt(QStringLiteral("label"), QString(), QStringLiteral("TEXT"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    QCommandLineOption couponOpt(QStringLiteral("coupon-policy"), QString(),
                                 QStringLiteral("POLICY"));
    p.addOptions({scenarioOpt, recOpt, paramOpt, surfaceOpt, seedOpt, eventsOpt, daysOpt, budgetOpt,
                  dbOpt, noDbOpt, noSlatesOpt, labelOpt, jsonOpt, couponOpt});
    const PrivacyOptions privacyOpts;
    privacyOpts.addTo(p);
    const OnboardingOptions onboardingOpts(true);
    p.addOptions(onboardingOpts.all());
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(scenarioOpt))
        return usage(QStringLiteral("run needs --scenario NAME|FILE (see list-scenarios)"));
    if (!p.isSet(recOpt))
        return usage(QStringLiteral("run needs --recommender ID (see list-recommenders)"));
    // The same rule as `recoscope-cli label` and the history's editor: the run would otherwise
    // be stored with a label those refuse (several lines, 500 characters, 'sweep:…').
    if (const QString why = RunStore::labelProblem(p.value(labelOpt)); !why.isEmpty())
        return usage(QStringLiteral("--label: ") + why);
    if (p.isSet(dbOpt) && p.isSet(noDbOpt))
        return usage(QStringLiteral("--db and --no-db contradict each other"));
    if (const QString bad = couponPolicyProblem(p.value(couponOpt));
        p.isSet(couponOpt) && !bad.isEmpty())
        return usage(QStringLiteral("--coupon-policy: ") + bad);

    RunSpec spec;
    spec.recommender = p.value(recOpt).toStdString();
    const core::RecommenderEntry* entry = m_registry.find(spec.recommender);
    if (!entry)
        return usage(QString::fromStdString(m_registry.unknownIdMessage(spec.recommender)));
    for (const QString& kv : p.values(paramOpt)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--param expects KEY=VALUE, got '%1'").arg(kv));
        spec.params[kv.left(eq).toStdString()] = kv.mid(eq + 1).toStdString();
    }
    if (auto resolved = core::resolveParams(entry->params, spec.params); !resolved)
        return usage(QStringLiteral("recommender '%1': %2")
                         .arg(p.value(recOpt), QString::fromStdString(resolved.error())));

    if (const QString bad = readRunLimits(p, eventsOpt, daysOpt, spec.limits); !bad.isEmpty())
        return usage(bad);
    if (const QString bad = readLatencyBudget(p, budgetOpt, spec.limits); !bad.isEmpty())
        return usage(bad);
    std::uint64_t seed = 0;
    if (const QString bad = readSeed(p, seedOpt, seed); !bad.isEmpty())
        return usage(bad);

    core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
    if (!scenario) {
        m_err << "recoscope-cli: " << QString::fromStdString(scenario.error()) << '\n';
        m_err.flush();
        return ExitBadInput;
    }
    spec.scenario = scenario.value();
    // A strategy per surface: the file's own `surfaces` first (a bad core there is bad
    // input), then each --surface NAME=SPEC over it (a bad one is a usage error).
    if (core::Status st = checkSurfaceCores(spec.scenario.surfaces, m_registry); !st) {
        m_err << "recoscope-cli: " << p.value(scenarioOpt) << ": "
              << QString::fromStdString(st.error()) << '\n';
        m_err.flush();
        return ExitBadInput;
    }
    for (const QString& arg : p.values(surfaceOpt)) {
        if (core::Status st = applySurfaceArgument(spec.scenario.surfaces, arg); !st)
            return usage(QString::fromStdString(st.error()));
        if (core::Status st =
                checkSurfaceCores(spec.scenario.surfaces, m_registry, QStringLiteral("--surface "));
            !st)
            return usage(QString::fromStdString(st.error()));
    }
    if (p.isSet(couponOpt))
        spec.scenario.coupons.policy = p.value(couponOpt);
    if (const QString bad = applyPrivacyOptions(p, privacyOpts, spec.scenario.privacy);
        !bad.isEmpty())
        return usage(bad);
    if (const QString bad = onboardingOpts.apply(p, spec.scenario); !bad.isEmpty())
        return usage(bad);
    spec.seed = p.isSet(seedOpt) ? seed : spec.scenario.seed;
    if (spec.limits.maxDays > spec.scenario.durationDays)
        m_err << "recoscope-cli: note: --days " << spec.limits.maxDays << " runs past scenario '"
              << spec.scenario.name << "' (" << spec.scenario.durationDays
              << " days): the daily and weekly rhythm repeats; timeline entries happen once, "
                 "as scheduled\n";
    spec.label = p.value(labelOpt);
    spec.logSlates = !p.isSet(noSlatesOpt);

    std::unique_ptr<RunStore> store;
    if (!p.isSet(noDbOpt)) {
        const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
        auto opened = RunStore::open(path);
        if (!opened) {
            m_err << "recoscope-cli: " << QString::fromStdString(opened.error()) << '\n';
            m_err.flush();
            return ExitDatabase;
        }
        store = std::move(opened).value();
        if (const auto& gone = store->interruptedOnOpen(); !gone.empty()) {
            QStringList ids;
            for (qint64 id : gone)
                ids << QString::number(id);
            m_err << "recoscope-cli: " << path << ": marked " << gone.size()
                  << (gone.size() == 1 ? " run" : " runs") << " interrupted (" << ids.join(", ")
                  << "): the process writing them ended before finishing them\n";
            m_err.flush();
        }
    }

    auto job = RunJob::create(spec, m_registry, store.get());
    if (!job) {
        m_err << "recoscope-cli: " << QString::fromStdString(job.error()) << '\n';
        m_err.flush();
        return store ? ExitDatabase : ExitUsage;
    }
    RunJob& run = *job.value();

    int lastPercent = -1;
    auto progress = [&](const Progress& pr) {
        if (!m_showProgress)
            return;
        const int percent = static_cast<int>(std::floor(pr.fraction * 100.0));
        if (percent == lastPercent)
            return;
        lastPercent = percent;
        const int width = 30;
        const int filled = std::clamp(percent * width / 100, 0, width);
        m_err << "\r[" << QString(filled, QLatin1Char('#'))
              << QString(width - filled, QLatin1Char(' ')) << "] " << percent << "%  " << pr.events
              << " events, day " << fmt(pr.simTime / core::kSecondsPerDay, 2) << "   ";
        m_err.flush();
    };
    const RunOutcome outcome = run.runSlice(0, m_cancel, progress);
    if (m_showProgress) {
        m_err << '\n';
        m_err.flush();
    }
    const bool cancelled = outcome.reason == StopReason::Cancelled;
    core::Status fin =
        run.finish(cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished"));
    if (outcome.reason == StopReason::CoreFailed && fin) {
        m_err << "recoscope-cli: core '" << QString::fromStdString(spec.recommender)
              << "' stopped: " << QString::fromStdString(outcome.error) << '\n';
        if (run.runId())
            m_err << "recoscope-cli: run " << run.runId()
                  << " is stored as failed, with the events up to the fault\n";
        m_err.flush();
        return ExitCoreFailed;
    }
    if (outcome.reason == StopReason::SinkFailed || !fin) {
        m_err << "recoscope-cli: "
              << QString::fromStdString(outcome.reason == StopReason::SinkFailed ? outcome.error
                                                                                 : fin.error())
              << '\n';
        m_err.flush();
        return ExitDatabase;
    }

    const QJsonObject s = run.summary();
    // A limit that cuts the run short of a promotion or launch changes what is being
    // compared; say so (stderr, so that --json output stays one object).
    if (const QString warning = limitedRunWarning(spec.scenario, spec.limits,
                                                  s.value(QStringLiteral("sim_days")).toDouble());
        !cancelled && !warning.isEmpty()) {
        m_err << "recoscope-cli: warning: " << warning << '\n';
        m_err.flush();
    }
    if (p.isSet(jsonOpt)) {
        m_out << QJsonDocument(s).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_out << "run " << run.runId()
              << (store ? QStringLiteral(" stored in ") + store->path()
                        : QStringLiteral(" (not stored)"))
              << (cancelled ? " -- cancelled" : "") << "\n"
              << "  scenario     " << spec.scenario.name << " (seed " << spec.seed << ")\n"
              << "  recommender  " << p.value(recOpt) << ' ' << run.resolvedParamsJson() << "\n";
        writeRunText(s, m_out);
        if (!spec.scenario.surfaces.empty())
            writeSurfaceText(s.value(QStringLiteral("surfaces")), m_out);
    }
    m_out.flush();
    return cancelled ? ExitInterrupted : ExitOk;
}

} // namespace recoscope::sim
