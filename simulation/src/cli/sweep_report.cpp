#include "sweep_report.h"

#include "text_table.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/sweep_tradeoffs.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace recoscope::sim {

namespace {
// Percentage points: the difference of two rates ("-" when unknown).
QString gapText(double gap) {
    return std::isfinite(gap) ? QString::number(gap * 100.0, 'f', 2) + QStringLiteral(" pp")
                              : QStringLiteral("-");
}
} // namespace

int writeSweepReport(const QString& path, bool json, QTextStream& out, QTextStream& err) {
    core::Result<std::vector<SweepTradeoffs>> loaded = SweepTradeoffs::load(path);
    if (!loaded) {
        err << "recoscope-cli: " << QString::fromStdString(loaded.error()) << '\n';
        err.flush();
        return ExitDatabase;
    }
    if (json) {
        QJsonArray list;
        for (const SweepTradeoffs& s : loaded.value())
            list.append(s.toJson());
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("source"), path}, {QStringLiteral("sweeps"), list}})
                   .toJson(QJsonDocument::Indented);
        out.flush();
        return ExitOk;
    }
    for (const SweepTradeoffs& s : loaded.value()) {
        TextTable table(QStringLiteral("Sweep %1: %2 on '%3', %4 parameter sets "
                                       "(* = Pareto-optimal in CTR, coverage and revenue)")
                            .arg(s.sweepId, s.recommender, s.scenario)
                            .arg(s.points.size()),
                        {QStringLiteral(""), QStringLiteral("parameters"), QStringLiteral("seeds"),
                         QStringLiteral("CTR"), QStringLiteral("coverage"),
                         QStringLiteral("long-tail share"), QStringLiteral("group CTR gap"),
                         QStringLiteral("revenue"), QStringLiteral("runs")});
        table.alignLeft(1);
        table.alignLeft(8);
        for (const TradeoffPoint& p : s.points) {
            QStringList runs;
            for (const TradeoffRun& r : p.runs)
                runs << (r.file == path ? QStringLiteral("run %1").arg(r.runId)
                                        : QStringLiteral("%1#%2")
                                              .arg(QFileInfo(r.file).fileName())
                                              .arg(r.runId));
            table.addRow({p.pareto ? QStringLiteral("*") : QString(), p.paramsText,
                          QString::number(p.runs.size()), TextTable::percent(p.ctr, 3),
                          TextTable::percent(p.coverage, 1), TextTable::percent(p.tailShare, 2),
                          gapText(p.groupCtrGap), TextTable::number(p.revenue, 2),
                          runs.join(QStringLiteral(", "))});
        }
        table.write(out);
        if (!s.missingJobs.isEmpty()) {
            QStringList jobs;
            for (int j : s.missingJobs)
                jobs << QString::number(j);
            out << "Jobs without a finished run (not in the table): " << jobs.join(", ") << "\n";
        }
    }
    out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
