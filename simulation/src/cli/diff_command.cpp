#include "diff_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_diff.h"
#include "recoscope/sim/run_store.h"

#include "text_table.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace recoscope::sim {

int DiffCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption allOpt(QStringLiteral("all"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, allOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    const QStringList ids = p.positionalArguments();
    if (ids.size() != 2)
        return usage(QStringLiteral("diff needs two run ids, e.g. 'diff 3 7'"));
    qint64 runs[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        bool ok = false;
        runs[i] = ids[i].toLongLong(&ok);
        if (!ok || runs[i] <= 0)
            return usage(QStringLiteral("diff expects run ids > 0, got '%1'").arg(ids[i]));
    }
    const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    auto fail = [this](const QString& message) {
        m_err << "recoscope-cli: " << message << '\n';
        m_err.flush();
        return int(ExitDatabase);
    };
    if (!QFileInfo::exists(path))
        return fail(QStringLiteral("%1: no such run store").arg(path));
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store)
        return fail(QString::fromStdString(store.error()));
    auto a = store.value()->run(runs[0]);
    if (!a)
        return fail(QString::fromStdString(a.error()));
    auto b = store.value()->run(runs[1]);
    if (!b)
        return fail(QString::fromStdString(b.error()));

    const std::vector<RunDiffRow> rows = diffRuns(a.value(), b.value());
    const bool all = p.isSet(allOpt);
    int differing = 0;
    for (const RunDiffRow& r : rows)
        differing += r.differs ? 1 : 0;
    if (p.isSet(jsonOpt)) {
        QJsonArray out;
        for (const RunDiffRow& r : rows)
            if (all || r.differs)
                out.append(QJsonObject{{QStringLiteral("path"), r.path},
                                       {QStringLiteral("a"), r.a},
                                       {QStringLiteral("b"), r.b},
                                       {QStringLiteral("differs"), r.differs}});
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("a"), runs[0]},
                                           {QStringLiteral("b"), runs[1]},
                                           {QStringLiteral("differing"), differing},
                                           {QStringLiteral("rows"), out}})
                     .toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitOk;
    }
    TextTable t(QStringLiteral("Runs %1 and %2: %3 of %4 settings differ")
                    .arg(runs[0])
                    .arg(runs[1])
                    .arg(differing)
                    .arg(rows.size()),
                {QStringLiteral("setting"), QStringLiteral("run %1").arg(runs[0]),
                 QStringLiteral("run %1").arg(runs[1])});
    for (const RunDiffRow& r : rows)
        if (all || r.differs)
            t.addRow({(r.differs && all ? QStringLiteral("* ") : QString()) + r.path, r.a, r.b});
    t.write(m_out);
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
