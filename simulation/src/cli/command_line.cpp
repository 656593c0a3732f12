#include "recoscope/sim/command_line.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/inventory_report.h"
#include "recoscope/sim/run_analysis.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"

#include "compare_command.h"
#include "diff_command.h"
#include "export_command.h"
#include "fit_command.h"
#include "html_report_command.h"
#include "log_commands.h"
#include "merge_command.h"
#include "ope_command.h"
#include "plugin_options.h"
#include "privacy_curve_command.h"
#include "report_text.h"
#include "run_notes_command.h"
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

// Every command, for the messages that list them.
constexpr const char* kCommands =
    "run, list-recommenders, list-scenarios, validate, report, import, logs, replay, evaluate, "
    "fit, export, sweep, merge, list-scenario-fields, compare, diff, ope, privacy-curve, runs, "
    "label, note";

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
        return usage(QStringLiteral("missing command (%1)").arg(QLatin1String(kCommands)));
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
    // External cores first: the commands below then see them as registered ones.
    if (acceptsPluginOption(command)) {
        QString error;
        const QStringList plugins = takePluginOptions(rest, error);
        if (!error.isEmpty())
            return usage(error);
        if (!plugins.isEmpty())
            return execWithPlugins(plugins, arguments.at(0), command, rest.mid(1));
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
    if (command == QLatin1String("diff"))
        return DiffCommand(m_out, m_err).run(rest);
    if (command == QLatin1String("runs"))
        return RunNotesCommand(m_out, m_err).runs(rest);
    if (command == QLatin1String("label"))
        return RunNotesCommand(m_out, m_err).label(rest);
    if (command == QLatin1String("note"))
        return RunNotesCommand(m_out, m_err).note(rest);
    if (command == QLatin1String("ope"))
        return OpeCommand(m_registry, m_out, m_err, m_cancel).run(rest);
    if (command == QLatin1String("privacy-curve"))
        return PrivacyCurveCommand(m_registry, m_out, m_err, m_cancel).run(rest);
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
        QStringLiteral("unknown command '%1' (%2)").arg(command, QLatin1String(kCommands)));
}

int CommandLine::execWithPlugins(const QStringList& plugins, const QString& program,
                                 const QString& command, const QStringList& args) {
    QString error;
    QHash<QString, QString> origins;
    const core::RecommenderRegistry registry =
        registryWithPlugins(m_registry, plugins, error, origins);
    if (!error.isEmpty()) {
        m_err << "recoscope-cli: " << error << "\n";
        m_err.flush();
        return ExitBadInput;
    }
    CommandLine inner(registry, m_out, m_err);
    inner.m_origins = origins;
    inner.setCancelFlag(m_cancel);
    inner.setShowProgress(m_showProgress);
    return inner.exec(QStringList{program, command} + args);
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
            list.append(QJsonObject{
                {QStringLiteral("id"), QString::fromStdString(e.id)},
                {QStringLiteral("family"), QString::fromStdString(e.family)},
                {QStringLiteral("description"), QString::fromStdString(e.description)},
                {QStringLiteral("needs_oracle"), e.needsOracle},
                {QStringLiteral("origin"), m_origins.value(QString::fromStdString(e.id))},
                {QStringLiteral("params"), params}});
        }
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else {
        for (const core::RecommenderEntry& e : m_registry.entries()) {
            m_out << QString::fromStdString(e.id) << '\t' << QString::fromStdString(e.description);
            const QString origin = m_origins.value(QString::fromStdString(e.id));
            if (!origin.isEmpty()) // external: say where it comes from
                m_out << "\t[plugin " << origin << ']';
            m_out << '\n';
        }
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
    // One self-contained HTML page for one run or several: html_report_command.h.
    QCommandLineOption htmlOpt(QStringLiteral("html"), QString(), QStringLiteral("FILE"));
    // Inventory warnings of a run whatever its scenario's inventory.horizon_days.
    QCommandLineOption invOpt(QStringLiteral("inventory-horizon"), QString(),
                              QStringLiteral("DAYS"));
    p.addOptions({dbOpt, runOpt, jsonOpt, logOpt, runDbOpt, utcOpt, sweepOpt, htmlOpt, invOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    bool horizonOk = true;
    const double horizon = p.isSet(invOpt) ? p.value(invOpt).toDouble(&horizonOk) : 0.0;
    if (!horizonOk || (p.isSet(invOpt) && !(horizon > 0.0 && horizon <= 60.0)))
        return usage(QStringLiteral("--inventory-horizon expects days in (0, 60], got '%1'")
                         .arg(p.value(invOpt)));
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (p.isSet(sweepOpt)) {
        if (p.isSet(runOpt) || p.isSet(logOpt) || p.isSet(dbOpt))
            return usage(QStringLiteral("--sweep takes a folder or a store itself: no --run, "
                                        "--log or --db"));
        return writeSweepReport(p.value(sweepOpt), p.isSet(jsonOpt), m_out, m_err);
    }
    if (p.isSet(htmlOpt)) {
        if (!p.isSet(runOpt) || p.isSet(logOpt) || p.isSet(jsonOpt))
            return usage(QStringLiteral("--html needs --run N[,M,...] (and no --log or --json)"));
        return writeHtmlReportFile(p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db"),
                                   p.value(runOpt), p.value(htmlOpt), m_out, m_err);
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
    if (run) {
        const QJsonObject summary = QJsonDocument::fromJson(run.value().summaryJson).object();
        report.insert(QStringLiteral("beyond_accuracy"),
                      summary.value(QStringLiteral("beyond_accuracy")));
        // Per surface: null for a run stored before the figures existed (the text says so).
        const QJsonValue surfaces = summary.value(QStringLiteral("surfaces"));
        report.insert(QStringLiteral("surfaces"),
                      surfaces.isObject() ? surfaces : QJsonValue(QJsonValue::Null));
        // Privacy (decisions/0032): the accountant's figures as the run stored them.
        if (const QJsonValue privacy = summary.value(QStringLiteral("privacy")); privacy.isObject())
            report.insert(QStringLiteral("privacy"), privacy);
    }
    core::Result<QJsonObject> inventory = storedInventoryJson(*store.value(), runId, horizon);
    if (!inventory) {
        m_err << "recoscope-cli: " << QString::fromStdString(inventory.error()) << '\n';
        m_err.flush();
        return ExitDatabase;
    }
    if (!inventory.value().isEmpty())
        report.insert(QStringLiteral("inventory"), inventory.value());
    if (p.isSet(jsonOpt))
        m_out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    else
        writeReportText(report, m_out);
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
