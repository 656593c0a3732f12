#include "recoscope/sim/command_line.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include "compare_command.h"
#include "export_command.h"
#include "fit_command.h"
#include "log_commands.h"
#include "merge_command.h"
#include "report_text.h"
#include "scenario_fields_command.h"
#include "sweep_command.h"
#include "sweep_report.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace recoscope::sim {

namespace {

QString kindName(core::ParamKind k) {
    switch (k) {
    case core::ParamKind::Integer:
        return QStringLiteral("integer");
    case core::ParamKind::Real:
        return QStringLiteral("real");
    case core::ParamKind::Boolean:
        return QStringLiteral("boolean");
    case core::ParamKind::Choice:
        return QStringLiteral("choice");
    case core::ParamKind::Text:
        return QStringLiteral("text");
    }
    return {};
}

QJsonValue paramJson(const core::ParamValue& v) {
    if (const double* d = std::get_if<double>(&v))
        return *d;
    return QString::fromStdString(std::get<std::string>(v));
}

// The longest run the CLI accepts: ten simulated years, as scenario files allow.
constexpr double kMaxDays = 3650.0;

QString fmt(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

} // namespace

CommandLine::CommandLine(const core::RecommenderRegistry& registry, QTextStream& out,
                         QTextStream& err)
    : m_registry(registry), m_out(out), m_err(err) {}

int CommandLine::usage(const QString& message) {
    m_err << "recoscope-cli: " << message << "\n"
          << "Try 'recoscope-cli --help'.\n";
    m_err.flush();
    return ExitUsage;
}

int CommandLine::exec(const QStringList& arguments) {
    if (arguments.size() < 2)
        return usage(QStringLiteral(
            "missing command (run, list-recommenders, list-scenarios, validate, report, import, "
            "logs, replay, evaluate, fit, export, sweep, merge, list-scenario-fields, compare)"));
    const QString command = arguments.at(1);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.at(0) + QLatin1Char(' ') + command);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printHelp();
        return ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        m_out << buildVersion() << "\n";
        m_out.flush();
        return ExitOk;
    }
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("list-recommenders"))
        return listRecommenders(rest);
    if (command == QLatin1String("list-scenarios"))
        return listScenarios(rest);
    if (command == QLatin1String("list-scenario-fields"))
        return ScenarioFieldsCommand(m_out, m_err).run(rest);
    if (command == QLatin1String("validate"))
        return validate(rest);
    if (command == QLatin1String("report"))
        return report(rest);
    if (command == QLatin1String("fit"))
        return FitCommand(m_out, m_err).fit(rest);
    if (command == QLatin1String("export"))
        return ExportCommand(m_out, m_err).run(rest);
    if (command == QLatin1String("sweep"))
        return SweepCommand(m_registry, m_out, m_err, m_cancel).run(rest);
    if (command == QLatin1String("merge"))
        return MergeCommand(m_out, m_err).run(rest);
    if (command == QLatin1String("compare"))
        return CompareCommand(m_registry, m_out, m_err, m_cancel).run(rest);
    LogCommands logs(m_registry, m_out, m_err, m_cancel, m_showProgress);
    if (command == QLatin1String("import"))
        return logs.import(rest);
    if (command == QLatin1String("logs"))
        return logs.logs(rest);
    if (command == QLatin1String("replay"))
        return logs.replay(rest);
    if (command == QLatin1String("evaluate"))
        return logs.evaluate(rest);
    return usage(
        QStringLiteral(
            "unknown command '%1' (run, list-recommenders, list-scenarios, validate, report, "
            "import, logs, replay, evaluate, fit, export, sweep, merge, list-scenario-fields, "
            "compare)")
            .arg(command));
}

int CommandLine::listRecommenders(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"));
    p.addOption(json);
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(QStringLiteral("list-recommenders takes no arguments"));
    if (p.isSet(json)) {
        QJsonArray list;
        for (const core::RecommenderEntry& e : m_registry.entries()) {
            QJsonArray params;
            for (const core::ParamSpec& s : e.params) {
                QJsonObject o{{QStringLiteral("key"), QString::fromStdString(s.key)},
                              {QStringLiteral("type"), kindName(s.kind)},
                              {QStringLiteral("default"), paramJson(s.fallback)},
                              {QStringLiteral("help"), QString::fromStdString(s.help)}};
                if (s.kind == core::ParamKind::Integer || s.kind == core::ParamKind::Real) {
                    o.insert(QStringLiteral("min"), s.min);
                    o.insert(QStringLiteral("max"), s.max);
                }
                if (!s.choices.empty()) {
                    QJsonArray choices;
                    for (const std::string& c : s.choices)
                        choices.append(QString::fromStdString(c));
                    o.insert(QStringLiteral("choices"), choices);
                }
                params.append(o);
            }
            list.append(
                QJsonObject{{QStringLiteral("id"), QString::fromStdString(e.id)},
                            {QStringLiteral("family"), QString::fromStdString(e.family)},
                            {QStringLiteral("description"), QString::fromStdString(e.description)},
                            {QStringLiteral("needs_oracle"), e.needsOracle},
                            {QStringLiteral("params"), params}});
        }
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else {
        for (const core::RecommenderEntry& e : m_registry.entries())
            m_out << QString::fromStdString(e.id) << '\t' << QString::fromStdString(e.description)
                  << '\n';
    }
    m_out.flush();
    return ExitOk;
}

int CommandLine::listScenarios(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"));
    p.addOption(json);
    if (!p.parse(args))
        return usage(p.errorText());
    QJsonArray list;
    for (const BuiltinScenarioInfo& s : builtinScenarios()) {
        if (p.isSet(json))
            list.append(QJsonObject{{QStringLiteral("name"), s.name},
                                    {QStringLiteral("description"), s.description}});
        else
            m_out << s.name << '\t' << s.description << '\n';
    }
    if (p.isSet(json))
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    m_out.flush();
    return ExitOk;
}

int CommandLine::validate(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOption(jsonOpt);
    if (!p.parse(args))
        return usage(p.errorText());
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return usage(QStringLiteral("validate needs at least one scenario file"));
    const bool json = p.isSet(jsonOpt);
    QJsonArray results;
    int code = ExitOk;
    for (const QString& f : files) {
        core::Result<Scenario> s = loadScenarioFile(f);
        if (!s) {
            code = ExitBadInput;
            if (json)
                results.append(
                    QJsonObject{{QStringLiteral("file"), f},
                                {QStringLiteral("ok"), false},
                                {QStringLiteral("error"), QString::fromStdString(s.error())}});
            else
                m_err << QString::fromStdString(s.error()) << '\n';
            continue;
        }
        const Scenario& sc = s.value();
        if (json) {
            results.append(QJsonObject{
                {QStringLiteral("file"), f},
                {QStringLiteral("ok"), true},
                {QStringLiteral("scenario"), sc.name},
                {QStringLiteral("items"), static_cast<qint64>(sc.catalogue.items)},
                {QStringLiteral("users"), static_cast<qint64>(sc.population.users)},
                {QStringLiteral("duration_days"), sc.durationDays},
                {QStringLiteral("timeline_entries"), static_cast<qint64>(sc.timeline.size())},
                {QStringLiteral("total_items"), static_cast<qint64>(sc.totalItems())},
                {QStringLiteral("total_users"), static_cast<qint64>(sc.totalUsers())}});
            continue;
        }
        m_out << f << ": ok (scenario '" << sc.name << "', " << sc.catalogue.items << " items, "
              << sc.population.users << " users, " << sc.durationDays << " days";
        if (!sc.timeline.empty())
            m_out << "; timeline: " << sc.timeline.size() << " entries, "
                  << sc.totalItems() - sc.catalogue.items << " items launched in batches, "
                  << sc.totalUsers() - sc.population.users << " users in cohorts";
        m_out << ")\n";
    }
    if (json)
        m_out << QJsonDocument(results).toJson(QJsonDocument::Indented);
    m_out.flush();
    m_err.flush();
    return code;
}

int CommandLine::report(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption runOpt(QStringLiteral("run"), QString(), QStringLiteral("N"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    // The side-by-side form (a log beside a run): fit_command.h.
    QCommandLineOption logOpt(QStringLiteral("log"), QString(), QStringLiteral("NAME"));
    QCommandLineOption runDbOpt(QStringLiteral("run-db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption utcOpt(QStringLiteral("utc-offset"), QString(), QStringLiteral("HOURS"));
    // A sweep's trade-offs: sweep_report.h.
    QCommandLineOption sweepOpt(QStringLiteral("sweep"), QString(), QStringLiteral("DIR|FILE"));
    p.addOptions({dbOpt, runOpt, jsonOpt, logOpt, runDbOpt, utcOpt, sweepOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (p.isSet(sweepOpt)) {
        if (p.isSet(runOpt) || p.isSet(logOpt) || p.isSet(dbOpt))
            return usage(QStringLiteral("--sweep takes a folder or a store itself: no --run, "
                                        "--log or --db"));
        return writeSweepReport(p.value(sweepOpt), p.isSet(jsonOpt), m_out, m_err);
    }
    if (!p.isSet(runOpt) && !p.isSet(logOpt))
        return usage(
            QStringLiteral("report needs --run N, --log NAME or both (or --sweep DIR|FILE)"));
    bool ok = !p.isSet(runOpt);
    const qlonglong runId = p.isSet(runOpt) ? p.value(runOpt).toLongLong(&ok) : 0;
    if (!ok || (p.isSet(runOpt) && runId <= 0))
        return usage(QStringLiteral("--run expects a run id > 0, got '%1'").arg(p.value(runOpt)));
    const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    if (p.isSet(logOpt)) {
        FitCommand::CompareRequest q{path, p.value(logOpt), p.value(runDbOpt), runId,
                                     0.0,  p.isSet(jsonOpt)};
        if (p.isSet(utcOpt) && !FitCommand::parseUtcOffset(p.value(utcOpt), q.utcOffsetHours))
            return usage(QStringLiteral("--utc-offset expects hours in [-14, 14], got '%1'")
                             .arg(p.value(utcOpt)));
        return FitCommand(m_out, m_err).compare(q);
    }
    if (p.isSet(runDbOpt) || p.isSet(utcOpt))
        return usage(QStringLiteral("--run-db and --utc-offset go with --log"));
    if (!QFileInfo::exists(path)) {
        m_err << "recoscope-cli: " << path << ": no such run store\n";
        m_err.flush();
        return ExitDatabase;
    }
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store) {
        m_err << "recoscope-cli: " << QString::fromStdString(store.error()) << '\n';
        m_err.flush();
        return ExitDatabase;
    }
    core::Result<QJsonObject> analyses = analyseStoredRun(*store.value(), runId);
    if (!analyses) {
        m_err << "recoscope-cli: " << QString::fromStdString(analyses.error()) << '\n';
        m_err.flush();
        return ExitDatabase;
    }
    // With the analyses of the events, the beyond-accuracy totals the run stored.
    QJsonObject report = analyses.value();
    auto run = store.value()->run(runId);
    if (run)
        report.insert(QStringLiteral("beyond_accuracy"),
                      QJsonDocument::fromJson(run.value().summaryJson)
                          .object()
                          .value(QStringLiteral("beyond_accuracy")));
    if (p.isSet(jsonOpt))
        m_out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    else
        writeReportText(report, m_out);
    m_out.flush();
    return ExitOk;
}

int CommandLine::runCommand(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                   QStringLiteral("NAME|FILE"));
    QCommandLineOption recOpt(QStringLiteral("recommender"), QString(), QStringLiteral("ID"));
    QCommandLineOption paramOpt(QStringLiteral("param"), QString(), QStringLiteral("KEY=VALUE"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption eventsOpt(QStringLiteral("events"), QString(), QStringLiteral("N"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption noDbOpt(QStringLiteral("no-db"));
    QCommandLineOption labelOpt(QStringLiteral("label"), QString(), QStringLiteral("TEXT"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({scenarioOpt, recOpt, paramOpt, seedOpt, eventsOpt, daysOpt, dbOpt, noDbOpt,
                  labelOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(scenarioOpt))
        return usage(QStringLiteral("run needs --scenario NAME|FILE (see list-scenarios)"));
    if (!p.isSet(recOpt))
        return usage(QStringLiteral("run needs --recommender ID (see list-recommenders)"));
    if (p.isSet(dbOpt) && p.isSet(noDbOpt))
        return usage(QStringLiteral("--db and --no-db contradict each other"));

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

    bool ok = true;
    if (p.isSet(eventsOpt)) {
        const qlonglong n = p.value(eventsOpt).toLongLong(&ok);
        if (!ok || n <= 0)
            return usage(QStringLiteral("--events expects a whole number > 0, got '%1'")
                             .arg(p.value(eventsOpt)));
        spec.limits.maxEvents = static_cast<std::uint64_t>(n);
    }
    if (p.isSet(daysOpt)) {
        const double d = p.value(daysOpt).toDouble(&ok);
        if (!ok || !(d > 0.0) || !std::isfinite(d) || d > kMaxDays)
            return usage(QStringLiteral("--days expects a number in (0, %1], got '%2'")
                             .arg(kMaxDays)
                             .arg(p.value(daysOpt)));
        spec.limits.maxDays = d;
    }
    std::uint64_t seed = 0;
    if (p.isSet(seedOpt)) {
        seed = p.value(seedOpt).toULongLong(&ok);
        if (!ok || seed > (std::uint64_t(1) << 53))
            return usage(QStringLiteral("--seed expects a whole number in [0, 2^53], got '%1'")
                             .arg(p.value(seedOpt)));
    }

    core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
    if (!scenario) {
        m_err << "recoscope-cli: " << QString::fromStdString(scenario.error()) << '\n';
        m_err.flush();
        return ExitBadInput;
    }
    spec.scenario = scenario.value();
    spec.seed = p.isSet(seedOpt) ? seed : spec.scenario.seed;
    if (spec.limits.maxDays > spec.scenario.durationDays)
        m_err << "recoscope-cli: note: --days " << spec.limits.maxDays << " runs past scenario '"
              << spec.scenario.name << "' (" << spec.scenario.durationDays
              << " days): the daily and weekly rhythm repeats; timeline entries happen once, "
                 "as scheduled\n";
    spec.label = p.value(labelOpt);

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
    if (outcome.reason == StopReason::SinkFailed || !fin) {
        m_err << "recoscope-cli: "
              << QString::fromStdString(outcome.reason == StopReason::SinkFailed ? outcome.error
                                                                                 : fin.error())
              << '\n';
        m_err.flush();
        return ExitDatabase;
    }

    const QJsonObject s = run.summary();
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
    }
    m_out.flush();
    return cancelled ? ExitInterrupted : ExitOk;
}

} // namespace recoscope::sim
