#pragma once
// RunExporter: writes one stored run of the history as files: run-<id>-metrics.csv (one
// row per bucket, one column per stored metric), run-<id>-events.csv (read in chunks, so a
// long run never sits in memory at once) and each dashboard chart as PNG, SVG and PDF,
// drawn offscreen by the same dashboard as the live run. GUI thread only (it draws).

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace recoscope::ui {

class RunHistoryModel;

class RunExporter {
    Q_DECLARE_TR_FUNCTIONS(RunExporter)
public:
    /// Writes the files of run `runId` of `model`'s store into `dir`; returns the files
    /// written, or an empty list and `error` (a translated message naming the file).
    static QStringList exportRun(const RunHistoryModel& model, qint64 runId, const QString& dir,
                                 QString* error = nullptr);
    /// exportRun() for each of `runIds`, stopping at the first error; returns the message
    /// for the status bar: how many files were written, or that error.
    static QString exportRuns(const RunHistoryModel& model, const QList<qint64>& runIds,
                              const QString& dir);
};

} // namespace recoscope::ui
