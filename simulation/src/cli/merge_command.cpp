#include "merge_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/store_merger.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace recoscope::sim {

int MergeCommand::run(const QStringList& args) {
    QCommandLineParser p;
    const QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({outOpt, jsonOpt});
    QString problem;
    if (!p.parse(args))
        problem = p.errorText();
    else if (!p.isSet(outOpt))
        problem = QStringLiteral("merge needs --out FILE (the store to create or append to)");
    else if (p.positionalArguments().isEmpty())
        problem = QStringLiteral("merge needs at least one input store");
    if (!problem.isEmpty()) {
        m_err << "recoscope-cli: " << problem << "\nTry 'recoscope-cli --help'.\n";
        m_err.flush();
        return ExitUsage;
    }
    const QString output = p.value(outOpt);
    core::Result<StoreMerger::Summary> merged = StoreMerger::merge(p.positionalArguments(), output);
    if (!merged) {
        m_err << "recoscope-cli: " << QString::fromStdString(merged.error()) << '\n';
        m_err.flush();
        return ExitDatabase;
    }
    const StoreMerger::Summary& s = merged.value();
    if (p.isSet(jsonOpt)) {
        QJsonArray runs;
        for (const StoreMerger::Copied& c : s.copied)
            runs.append(QJsonObject{{QStringLiteral("file"), c.file},
                                    {QStringLiteral("run"), c.fromRun},
                                    {QStringLiteral("new_run"), c.toRun}});
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("out"), output},
                                           {QStringLiteral("created"), s.created},
                                           {QStringLiteral("files"), s.files},
                                           {QStringLiteral("runs"), s.runs},
                                           {QStringLiteral("events"), s.events},
                                           {QStringLiteral("metric_rows"), s.metricRows},
                                           {QStringLiteral("slates"), s.slates},
                                           {QStringLiteral("coupon_lines"), s.couponLines},
                                           {QStringLiteral("logs"), s.logs},
                                           {QStringLiteral("copied"), runs}})
                     .toJson(QJsonDocument::Indented);
    } else {
        m_out << "merged " << s.files << (s.files == 1 ? " store" : " stores") << " into " << output
              << (s.created ? " (created)" : " (appended)") << ": " << s.runs
              << (s.runs == 1 ? " run, " : " runs, ") << s.events << " events, " << s.metricRows
              << " metric rows, " << s.slates << " slates, " << s.couponLines << " coupon lines, "
              << s.logs << (s.logs == 1 ? " log\n" : " logs\n");
        for (const StoreMerger::Copied& c : s.copied)
            m_out << "  " << c.file << " run " << c.fromRun << " -> run " << c.toRun << '\n';
    }
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
