#include "html_report_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/html_report.h"
#include "recoscope/sim/run_store.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

namespace recoscope::sim {

int writeHtmlReportFile(const QString& dbPath, const QString& runList, const QString& outPath,
                        QTextStream& out, QTextStream& err) {
    auto fail = [&err](const QString& message, int code) {
        err << "recoscope-cli: " << message << '\n';
        err.flush();
        return code;
    };
    QList<qint64> ids;
    for (const QString& part : runList.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return fail(QStringLiteral("--run expects run ids > 0 separated by commas, got '%1'")
                            .arg(runList),
                        ExitUsage);
        ids << id;
    }
    if (ids.size() > 8)
        return fail(
            QStringLiteral("--html: a report covers at most 8 runs, got %1").arg(ids.size()),
            ExitUsage);
    if (!QFileInfo::exists(dbPath))
        return fail(QStringLiteral("%1: no such run store").arg(dbPath), ExitDatabase);
    auto store = RunStore::open(dbPath, RunStore::Mode::ReadOnly);
    if (!store)
        return fail(QString::fromStdString(store.error()), ExitDatabase);
    auto page = htmlReport(*store.value(), ids);
    if (!page)
        return fail(QStringLiteral("%1: %2").arg(dbPath, QString::fromStdString(page.error())),
                    ExitDatabase);
    // Written whole or not at all: an interrupted write never leaves half a report.
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(page.value().toUtf8()) < 0 || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString()),
                    ExitDatabase);
    out << "wrote " << outPath << " (" << ids.size() << (ids.size() == 1 ? " run" : " runs")
        << ")\n";
    out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
