#include "run_notes_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_params_text.h"
#include "recoscope/sim/run_store.h"

#include "text_table.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace recoscope::sim {

namespace {

// A cell of the text listing: the first line, cut at `width` characters with "…" (the
// whole text is in --json).
QString cell(const QString& text, int width) {
    QString line = text.section(QLatin1Char('\n'), 0, 0);
    const bool more = line.size() > width || line.size() < text.size();
    if (line.size() > width)
        line = line.left(width - 1);
    return more ? line + QStringLiteral("…") : line;
}

QJsonObject runJson(const RunRecord& r) {
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("started"), r.started},
                       {QStringLiteral("finished"), r.finished},
                       {QStringLiteral("status"), r.status},
                       {QStringLiteral("scenario"), r.scenarioName},
                       {QStringLiteral("recommender"), r.recommender},
                       {QStringLiteral("seed"), static_cast<double>(r.seed)},
                       {QStringLiteral("experiment_id"), r.experimentId},
                       {QStringLiteral("params"), QJsonDocument::fromJson(r.paramsJson).object()},
                       {QStringLiteral("params_text"), RunParamsText::brief(r.paramsJson)},
                       {QStringLiteral("label"), r.label},
                       {QStringLiteral("note"), r.note}};
}

} // namespace

int RunNotesCommand::runs(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption filterOpt(QStringLiteral("filter"), QString(), QStringLiteral("TEXT"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, filterOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    if (!QFileInfo::exists(path))
        return fail(ExitDatabase, QStringLiteral("%1: no such run store").arg(path));
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    auto all = store.value()->runs();
    if (!all)
        return fail(ExitDatabase, QString::fromStdString(all.error()));
    // The same fields as the history's search box: label, note, parameters, scenario, core.
    const QString filter = p.value(filterOpt);
    QList<RunRecord> shown;
    for (const RunRecord& r : all.value())
        if (filter.isEmpty() || QStringList{r.label, r.note, RunParamsText::brief(r.paramsJson),
                                            r.scenarioName, r.recommender}
                                    .join(QLatin1Char('\n'))
                                    .contains(filter, Qt::CaseInsensitive))
            shown << r;
    if (p.isSet(jsonOpt)) {
        QJsonArray list;
        for (const RunRecord& r : shown)
            list.append(runJson(r));
        m_out << QJsonDocument(
                     QJsonObject{{QStringLiteral("db"), path}, {QStringLiteral("runs"), list}})
                     .toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitOk;
    }
    TextTable t(
        QStringLiteral("%1: %2 of %3 runs").arg(path).arg(shown.size()).arg(all.value().size()),
        {QStringLiteral("run"), QStringLiteral("status"), QStringLiteral("scenario"),
         QStringLiteral("core"), QStringLiteral("parameters"), QStringLiteral("label"),
         QStringLiteral("note")});
    for (qsizetype c = 1; c <= 6; ++c)
        t.alignLeft(c);
    for (const RunRecord& r : shown)
        t.addRow({QString::number(r.id), r.status, r.scenarioName, r.recommender,
                  cell(RunParamsText::brief(r.paramsJson), 48), r.label, cell(r.note, 40)});
    t.write(m_out);
    m_out.flush();
    return ExitOk;
}

int RunNotesCommand::label(const QStringList& args) {
    return annotate(args, Field::Label);
}

int RunNotesCommand::note(const QStringList& args) {
    return annotate(args, Field::Note);
}

int RunNotesCommand::annotate(const QStringList& args, Field field) {
    const QString name = field == Field::Label ? QStringLiteral("label") : QStringLiteral("note");
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption runOpt(QStringLiteral("run"), QString(), QStringLiteral("N"));
    QCommandLineOption fileOpt(QStringLiteral("file"), QString(), QStringLiteral("FILE"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, runOpt, jsonOpt});
    if (field == Field::Note)
        p.addOption(fileOpt);
    if (!p.parse(args))
        return usage(p.errorText());
    bool ok = false;
    const qint64 runId = p.value(runOpt).toLongLong(&ok);
    if (!p.isSet(runOpt) || !ok || runId <= 0)
        return usage(
            QStringLiteral("%1 needs --run N, a run id > 0 (got '%2')").arg(name, p.value(runOpt)));
    const QStringList rest = p.positionalArguments();
    const bool fromFile = field == Field::Note && p.isSet(fileOpt);
    if (rest.size() != (fromFile ? 0 : 1))
        return usage(fromFile ? QStringLiteral("note takes the text or --file FILE, not both")
                              : QStringLiteral("%1 needs the text as one argument (\"\" clears "
                                               "it), e.g. %1 --run 3 \"baseline\"")
                                    .arg(name));
    QString text = fromFile ? QString() : rest.first();
    if (fromFile) {
        QFile f(p.value(fileOpt));
        if (!f.open(QIODevice::ReadOnly))
            return fail(ExitBadInput,
                        QStringLiteral("%1: cannot read: %2").arg(f.fileName(), f.errorString()));
        QStringDecoder utf8(QStringDecoder::Utf8);
        text = utf8(f.readAll());
        if (utf8.hasError())
            return fail(ExitBadInput, QStringLiteral("%1: not UTF-8 text").arg(f.fileName()));
    }
    // Checked before the store is opened: a bad text never touches the file.
    const QString problem =
        field == Field::Label ? RunStore::labelProblem(text) : RunStore::noteProblem(text);
    if (!problem.isEmpty())
        return usage(QStringLiteral("run %1: %2").arg(runId).arg(problem));
    const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    if (!QFileInfo::exists(path))
        return fail(ExitDatabase, QStringLiteral("%1: no such run store").arg(path));
    auto store = RunStore::open(path);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    const core::Status written = field == Field::Label ? store.value()->setLabel(runId, text)
                                                       : store.value()->setNote(runId, text);
    if (!written)
        return fail(ExitDatabase, QString::fromStdString(written.error()));
    auto stored = store.value()->run(runId);
    if (!stored)
        return fail(ExitDatabase, QString::fromStdString(stored.error()));
    if (p.isSet(jsonOpt)) {
        m_out << QJsonDocument(runJson(stored.value())).toJson(QJsonDocument::Indented);
    } else if (text.isEmpty()) {
        m_out << "run " << runId << ": " << name << " cleared\n";
    } else {
        m_out << "run " << runId << ": " << name << " set ("
              << (field == Field::Label ? QStringLiteral("'%1'").arg(text)
                                        : QStringLiteral("%1 characters").arg(text.size()))
              << ")\n";
    }
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
