#include "recoscope/ui/run_history_panel.h"

#include "flow_layout.h"

#include "recoscope/ui/table_actions.h"

#include "recoscope/core/event.h"
#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/sweep_plan.h"
#include "recoscope/ui/html_report_job.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_chart_view.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/ope_window.h"
#include "recoscope/ui/run_diff_dialog.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/tradeoff_window.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextStream>
#include <QVBoxLayout>

#include <optional>

namespace recoscope::ui {

RunHistoryPanel::RunHistoryPanel(const QString& dbPath, QWidget* parent,
                                 const core::RecommenderRegistry* registry)
    : QWidget(parent), m_registry(registry) {
    setObjectName(QStringLiteral("runHistoryPanel"));
    m_model = new RunHistoryModel(dbPath, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunHistoryModel::SortRole);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // Nine buttons: they wrap onto a second line in a narrow panel (presentation mode).
    auto* buttons = new FlowLayout;
    m_refresh = new QPushButton(this);
    m_open = new QPushButton(this);
    m_compare = new QPushButton(this);
    m_delete = new QPushButton(this);
    m_export = new QPushButton(this);
    m_diff = new QPushButton(this);
    m_diff->setObjectName(QStringLiteral("diffButton"));
    m_report = new QPushButton(this);
    m_report->setObjectName(QStringLiteral("reportButton"));
    m_reportJob = new HtmlReportJob(this);
    m_tradeoffs = new QPushButton(this);
    m_tradeoffs->setObjectName(QStringLiteral("tradeoffsButton"));
    m_ope = new QPushButton(this);
    m_ope->setObjectName(QStringLiteral("opeButton"));
    m_ope->setVisible(registry != nullptr); // the check needs the cores
    for (QPushButton* b :
         {m_refresh, m_open, m_compare, m_diff, m_delete, m_export, m_report, m_tradeoffs, m_ope})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("runHistoryView"));
    m_view->setModel(m_proxy);
    TableActions::install(m_view);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunHistoryModel::Id, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view);

    connect(m_refresh, &QPushButton::clicked, this, &RunHistoryPanel::reload);
    connect(m_open, &QPushButton::clicked, this, [this] { openRuns(withArena(selectedRuns())); });
    connect(m_compare, &QPushButton::clicked, this, [this] { openRuns(selectedRuns()); });
    connect(m_view, &QTableView::doubleClicked, this,
            [this] { openRuns(withArena(selectedRuns())); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRuns();
        if (ids.isEmpty())
            return;
        if (QMessageBox::question(
                this, tr("Delete runs"),
                tr("Delete %n run(s) with their events and metrics? This cannot be undone.",
                   nullptr, static_cast<int>(ids.size()))) == QMessageBox::Yes)
            deleteRuns(ids);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRuns();
        if (ids.isEmpty())
            return;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to folder"));
        if (dir.isEmpty())
            return;
        int files = 0;
        for (qint64 id : ids) {
            QString error;
            const QStringList written = exportRun(id, dir, &error);
            if (written.isEmpty()) {
                emit statusMessage(error);
                return;
            }
            files += static_cast<int>(written.size());
        }
        emit statusMessage(tr("Exported %n file(s) to %1", nullptr, files).arg(dir));
    });
    connect(m_diff, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRuns();
        if (ids.size() == 2)
            openDiff(ids[0], ids[1]);
    });
    connect(m_report, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedRuns();
        if (ids.isEmpty())
            return;
        QString path = QFileDialog::getSaveFileName(this, tr("Save report"),
                                                    QStringLiteral("recoscope-report.html"),
                                                    tr("Web pages (*.html)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".html");
        writeReport(ids, path);
    });
    connect(m_reportJob, &HtmlReportJob::finished, this,
            [this](const QString& path, const QString& error) {
                updateButtons();
                emit statusMessage(error.isEmpty() ? tr("Report written to %1").arg(path)
                                                   : tr("Report failed: %1").arg(error));
                emit reportWritten(path, error);
            });
    connect(m_tradeoffs, &QPushButton::clicked, this, [this] { openTradeoffs(selectedSweep()); });
    connect(m_ope, &QPushButton::clicked, this, [this] {
        if (selectedRuns().size() == 1)
            openOpeCheck(selectedRuns().first());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunHistoryPanel::updateButtons);
    retranslateUi();
    reload();
}

void RunHistoryPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunHistoryPanel::retranslateUi() {
    m_refresh->setText(tr("Refresh"));
    m_open->setText(tr("&Open"));
    m_open->setToolTip(
        tr("Show the charts of the selected run (with the other cores of its arena)"));
    m_compare->setText(tr("&Compare"));
    m_compare->setToolTip(tr("Show the selected runs together, one colour per run"));
    m_delete->setText(tr("Delete"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Write metrics and events as CSV and the charts as PNG, SVG and PDF"));
    m_diff->setText(tr("&Diff"));
    m_diff->setToolTip(tr("The two selected runs' core, seed, parameters and scenario side by "
                          "side, what differs marked"));
    m_report->setText(tr("&Report…"));
    m_report->setToolTip(tr("One web page for the selected runs (up to 8): scenario, "
                            "parameters, summary with intervals, differences, charts, funnel"));
    m_tradeoffs->setText(tr("&Trade-offs"));
    m_tradeoffs->setToolTip(tr("CTR, coverage and revenue of every parameter set of the selected "
                               "run's sweep, with the Pareto front marked"));
    m_ope->setText(tr("Off-policy check…"));
    m_ope->setToolTip(tr("Estimate another core's CTR from the selected run's log (IPS, "
                         "SNIPS, DM, DR) and check it against that core's real run"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, RunHistoryModel::ColumnCount - 1);
}

void RunHistoryPanel::reload() {
    const QList<qint64> selected = selectedRuns();
    if (!m_model->reload())
        emit statusMessage(tr("Run history: %1").arg(m_model->lastError()));
    for (qint64 id : selected) {
        const int row = m_model->rowOfRun(id);
        if (row >= 0)
            m_view->selectionModel()->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                                             QItemSelectionModel::Select |
                                                 QItemSelectionModel::Rows);
    }
    updateButtons();
}

void RunHistoryPanel::updateButtons() {
    const int n = static_cast<int>(selectedRuns().size());
    m_open->setEnabled(n >= 1);
    m_compare->setEnabled(n >= 2);
    m_delete->setEnabled(n >= 1);
    m_export->setEnabled(n >= 1);
    m_diff->setEnabled(n == 2);
    m_report->setEnabled(n >= 1 && n <= 8 && !m_reportJob->isRunning());
    m_tradeoffs->setEnabled(!selectedSweep().isEmpty());
    m_ope->setEnabled(n == 1);
}

OpeWindow* RunHistoryPanel::openOpeCheck(qint64 runId) {
    if (!m_registry || !m_model->store())
        return nullptr;
    auto* w = new OpeWindow(*m_registry, m_model->store()->path(), runId, this);
    w->show();
    return w;
}

QString RunHistoryPanel::selectedSweep() const {
    const QList<qint64> ids = selectedRuns();
    if (ids.isEmpty())
        return {};
    const sim::RunRecord* r = m_model->record(m_model->rowOfRun(ids.first()));
    QString sweepId;
    return r && sim::SweepPlan::parseLabel(r->label, &sweepId, nullptr) ? sweepId : QString();
}

TradeoffWindow* RunHistoryPanel::openTradeoffs(const QString& sweepId) {
    if (sweepId.isEmpty())
        return nullptr;
    auto* w = new TradeoffWindow(this);
    if (const QString error = w->load(*m_model, sweepId); !error.isEmpty()) {
        emit statusMessage(error);
        delete w;
        return nullptr;
    }
    connect(w, &TradeoffWindow::runChosen, this, &RunHistoryPanel::selectRun);
    connect(w, &TradeoffWindow::runOpened, this, [this](qint64 id) { openRuns({id}); });
    w->show();
    return w;
}

bool RunHistoryPanel::selectRun(qint64 runId) {
    const int row = m_model->rowOfRun(runId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QList<qint64> RunHistoryPanel::selectedRuns() const {
    QList<qint64> ids;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        ids << i.data(RunHistoryModel::RunIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> RunHistoryPanel::withArena(const QList<qint64>& runIds) const {
    QList<qint64> out;
    for (qint64 id : runIds) {
        const sim::RunRecord* r = m_model->record(m_model->rowOfRun(id));
        const QList<qint64> arena = r ? m_model->experimentRuns(r->experimentId) : QList<qint64>{};
        for (qint64 a : arena.isEmpty() ? QList<qint64>{id} : arena)
            if (!out.contains(a))
                out << a;
    }
    return out;
}

RunComparisonWindow* RunHistoryPanel::openRuns(const QList<qint64>& runIds) {
    if (runIds.isEmpty())
        return nullptr;
    auto* w = new RunComparisonWindow(this);
    const QString error = w->load(*m_model, runIds);
    if (!error.isEmpty()) {
        emit statusMessage(error);
        delete w;
        return nullptr;
    }
    m_windows << w;
    w->show();
    return w;
}

bool RunHistoryPanel::deleteRuns(const QList<qint64>& runIds) {
    if (!m_model->store())
        return false;
    bool ok = true;
    for (qint64 id : runIds)
        if (core::Status st = m_model->store()->deleteRun(id); !st) {
            emit statusMessage(QString::fromStdString(st.error()));
            ok = false;
        }
    reload();
    return ok;
}

RunDiffDialog* RunHistoryPanel::openDiff(qint64 a, qint64 b) {
    if (!m_model->store())
        return nullptr;
    auto ra = m_model->store()->run(a);
    auto rb = m_model->store()->run(b);
    if (!ra || !rb) {
        emit statusMessage(QString::fromStdString(!ra ? ra.error() : rb.error()));
        return nullptr;
    }
    auto* d = new RunDiffDialog(ra.value(), rb.value(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

bool RunHistoryPanel::writeReport(const QList<qint64>& runIds, const QString& path) {
    if (!m_model->store())
        return false;
    const bool started = m_reportJob->start(m_model->store()->path(), runIds, path);
    if (started)
        emit statusMessage(tr("Writing the report to %1…").arg(path));
    updateButtons();
    return started;
}

QStringList RunHistoryPanel::exportRun(qint64 runId, const QString& dir, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return QStringList{};
    };
    sim::RunStore* store = m_model->store();
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
    if (const QString e = window.load(*m_model, {runId}); !e.isEmpty())
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
