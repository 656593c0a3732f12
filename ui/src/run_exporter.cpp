// RunExporter: one stored run as files a spreadsheet or a slide can take. Moved out of
// RunHistoryPanel so that the panel is about the history, not about file formats.

#include "recoscope/ui/run_exporter.h"

#include "recoscope/core/event.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/run_comparison_window.h"
#include "recoscope/ui/run_history_model.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

namespace recoscope::ui {

QString RunExporter::exportRuns(const RunHistoryModel& model, const QList<qint64>& runIds,
                                const QString& dir) {
    int files = 0;
    for (qint64 id : runIds) {
        QString error;
        const QStringList written = exportRun(model, id, dir, &error);
        if (written.isEmpty())
            return error;
        files += static_cast<int>(written.size());
    }
    return tr("Exported %n file(s) to %1", nullptr, files).arg(dir);
}

QStringList RunExporter::exportRun(const RunHistoryModel& model, qint64 runId, const QString& dir,
                                   QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return QStringList{};
    };
    sim::RunStore* store = model.store();
    if (!store)
        return fail(tr("No run store is open."));
    QStringList written;
    const QString base = QDir(dir).filePath(QStringLiteral("run-%1-").arg(runId));

    // Metrics: one row per bucket, one column per stored metric.
    auto names = store->metricNames(runId);
    if (!names)
        return fail(QString::fromStdString(names.error()));
    std::vector<std::vector<sim::MetricSample>> columns;
    for (const QString& n : names.value()) {
        auto s = store->metricSeries(runId, n);
        if (!s)
            return fail(QString::fromStdString(s.error()));
        columns.push_back(std::move(s).value());
    }
    {
        QFile f(base + QStringLiteral("metrics.csv"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return fail(tr("Cannot write %1: %2").arg(f.fileName(), f.errorString()));
        QTextStream out(&f);
        out << "bucket_end_s";
        for (const QString& n : names.value())
            out << ',' << n;
        out << '\n';
        const std::size_t rows = columns.empty() ? 0 : columns.front().size();
        for (std::size_t r = 0; r < rows; ++r) {
            out << QString::number(columns.front()[r].bucketEnd, 'g', 12);
            for (const auto& c : columns)
                out << ',' << (r < c.size() ? QString::number(c[r].value, 'g', 12) : QString());
            out << '\n';
        }
        written << f.fileName();
    }
    // Events, read in chunks so a long run never sits in memory at once.
    {
        QFile f(base + QStringLiteral("events.csv"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return fail(tr("Cannot write %1: %2").arg(f.fileName(), f.errorString()));
        QTextStream out(&f);
        out << "seq,time_s,user,item,kind,surface,position,from_recommendation,price\n";
        constexpr qint64 kChunk = 100000;
        for (qint64 offset = 0;; offset += kChunk) {
            auto events = store->events(runId, offset, kChunk);
            if (!events)
                return fail(QString::fromStdString(events.error()));
            qint64 seq = offset;
            for (const core::Event& e : events.value()) {
                out << seq++ << ',' << QString::number(e.time, 'f', 3) << ',' << e.user << ','
                    << (e.item == core::kNoItem ? QString() : QString::number(e.item)) << ','
                    << QString::fromUtf8(core::eventKindName(e.kind).data(),
                                         static_cast<qsizetype>(core::eventKindName(e.kind).size()))
                    << ','
                    << QString::fromUtf8(
                           core::surfaceName(e.surface).data(),
                           static_cast<qsizetype>(core::surfaceName(e.surface).size()))
                    << ',' << e.position << ',' << (e.fromRecommendation ? 1 : 0) << ','
                    << QString::number(e.price, 'f', 2) << '\n';
            }
            if (static_cast<qint64>(events.value().size()) < kChunk)
                break;
        }
        written << f.fileName();
    }
    // Charts: drawn by the same dashboard as the live run, offscreen.
    RunComparisonWindow window;
    window.resize(1200, 850);
    if (const QString e = window.load(model, {runId}); !e.isEmpty())
        return fail(e);
    window.charts()->showAll(window.store());
    static const std::pair<MetricId, const char*> charts[] = {
        {MetricId::Ctr, "ctr"},         {MetricId::Cvr, "cvr"},
        {MetricId::Revenue, "revenue"}, {MetricId::Coverage, "coverage"},
        {MetricId::Gini, "gini"},       {MetricId::LatencyP95, "latency"}};
    for (const auto& [id, key] : charts) {
        MetricChartView* v = window.charts()->chart(id);
        if (!v)
            continue;
        v->resize(900, 500);
        v->refresh();
        const QString png = base + QString::fromLatin1(key) + QStringLiteral(".png");
        if (!v->grab().save(png))
            return fail(tr("Cannot write %1").arg(png));
        const QString svg = base + QString::fromLatin1(key) + QStringLiteral(".svg");
        if (!v->exportSvg(svg))
            return fail(tr("Cannot write %1").arg(svg));
        const QString pdf = base + QString::fromLatin1(key) + QStringLiteral(".pdf");
        if (!v->exportPdf(pdf))
            return fail(tr("Cannot write %1").arg(pdf));
        written << png << svg << pdf;
    }
    return written;
}

} // namespace recoscope::ui
