#include "scenario_fields_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/scenario_fields.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace recoscope::sim {

namespace {
const QString kBegin = QStringLiteral("<!-- scenario-fields:begin -->");
const QString kEnd = QStringLiteral("<!-- scenario-fields:end -->");
} // namespace

QString ScenarioFieldsCommand::updatedDocument(const QString& doc) {
    const qsizetype b = doc.indexOf(kBegin);
    const qsizetype e = doc.indexOf(kEnd);
    if (b < 0 || e < b)
        return {};
    QString out = doc;
    // A blank line on each side keeps the Markdown tables apart from the markers.
    out.replace(b + kBegin.size(), e - b - kBegin.size(),
                QStringLiteral("\n\n") + scenarioFieldsMarkdown() + QLatin1Char('\n'));
    return out;
}

int ScenarioFieldsCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption json(QStringLiteral("json"));
    QCommandLineOption markdown(QStringLiteral("markdown"));
    QCommandLineOption update(QStringLiteral("update"), QString(), QStringLiteral("FILE"));
    p.addOptions({json, markdown, update});
    if (!p.parse(args) || !p.positionalArguments().isEmpty() ||
        int(p.isSet(json)) + int(p.isSet(markdown)) + int(p.isSet(update)) > 1)
        return fail(ExitUsage,
                    p.errorText().isEmpty()
                        ? QStringLiteral("list-scenario-fields takes one of --json, --markdown, "
                                         "--update FILE\nTry 'recoscope-cli --help'.")
                        : p.errorText());
    if (p.isSet(update)) {
        const QString path = p.value(update);
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return fail(ExitBadInput,
                        QStringLiteral("%1: cannot read: %2").arg(path, in.errorString()));
        const QString doc = updatedDocument(QString::fromUtf8(in.readAll()));
        if (doc.isEmpty())
            return fail(ExitBadInput,
                        QStringLiteral("%1: no %2 ... %3 block").arg(path, kBegin, kEnd));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(doc.toUtf8()) < 0 || !out.commit())
            return fail(ExitBadInput,
                        QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
        return ExitOk;
    }
    if (p.isSet(json)) {
        m_out << QJsonDocument(scenarioFieldsJson()).toJson(QJsonDocument::Indented);
    } else if (p.isSet(markdown)) {
        m_out << scenarioFieldsMarkdown();
    } else {
        for (const ScenarioField& f : scenarioFields())
            m_out << f.jsonPath() << '\t' << QString::fromUtf8(f.label) << '\n';
    }
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
