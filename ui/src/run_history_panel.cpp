#include "recoscope/ui/run_history_panel.h"

#include "flow_layout.h"

#include "recoscope/ui/table_actions.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/sim/sweep_plan.h"
#include "recoscope/ui/html_report_job.h"
#include "recoscope/ui/run_diff_dialog.h"
#include "recoscope/ui/run_exporter.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/run_note_dialog.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace recoscope::ui {

RunHistoryPanel::RunHistoryPanel(const QString& dbPath, QWidget* parent,
                                 const core::RecommenderRegistry* registry)
    : QWidget(parent), m_registry(registry) {
    setObjectName(QStringLiteral("runHistoryPanel"));
    m_model = new RunHistoryModel(dbPath, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunHistoryModel::SortRole);
    // The search box matches label, note, parameters, scenario and core (SearchRole, kept
    // on the Id column of every row), ignoring case.
    m_proxy->setFilterRole(RunHistoryModel::SearchRole);
    m_proxy->setFilterKeyColumn(RunHistoryModel::Id);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
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
    m_note = new QPushButton(this);
    m_note->setObjectName(QStringLiteral("noteButton"));
    m_inventory = new QPushButton(this);
    m_inventory->setObjectName(QStringLiteral("inventoryButton"));
    for (QPushButton* b : {m_refresh, m_open, m_compare, m_diff, m_note, m_delete, m_export,
                           m_report, m_tradeoffs, m_ope, m_inventory})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("historyNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: #b00020"));
    m_notice->hide();
    layout->addWidget(m_notice);
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
    // Parameters and notes can be long: widths in characters (compactRows), one line each,
    // the whole text in the tooltip.
    m_view->setWordWrap(false);
    for (int c : {int(RunHistoryModel::Parameters), int(RunHistoryModel::Note)})
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Interactive);
    // Double-click on a label edits it (anywhere else it opens the run); F2 edits too.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addWidget(m_view, 1);
    compactRows();
    m_editLabel = new QAction(this);
    m_editLabel->setObjectName(QStringLiteral("editLabelAction"));
    m_editNote = new QAction(this);
    m_editNote->setObjectName(QStringLiteral("editNoteAction"));
    m_view->insertActions(m_view->actions().value(0), {m_editLabel, m_editNote});

    connect(m_refresh, &QPushButton::clicked, this, &RunHistoryPanel::reload);
    connect(m_open, &QPushButton::clicked, this, [this] { openRuns(withArena(selectedRuns())); });
    connect(m_compare, &QPushButton::clicked, this, [this] { openRuns(selectedRuns()); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != RunHistoryModel::Label)
            openRuns(withArena(selectedRuns()));
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_model, &RunHistoryModel::editFailed, this, [this](const QString& message) {
        m_notice->setText(message);
        m_notice->show();
        emit statusMessage(message);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, m_notice, &QWidget::hide);
    auto editLabel = [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows(RunHistoryModel::Label);
        if (rows.size() == 1)
            m_view->edit(rows.first());
    };
    connect(m_editLabel, &QAction::triggered, this, editLabel);
    auto editNote = [this] {
        if (selectedRuns().size() == 1)
            openNoteEditor(selectedRuns().first());
    };
    connect(m_note, &QPushButton::clicked, this, editNote);
    connect(m_editNote, &QAction::triggered, this, editNote);
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
        const QString dir = ids.isEmpty()
                                ? QString()
                                : QFileDialog::getExistingDirectory(this, tr("Export to folder"));
        if (!dir.isEmpty())
            emit statusMessage(RunExporter::exportRuns(*m_model, ids, dir));
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
    connect(m_inventory, &QPushButton::clicked, this, [this] {
        if (selectedRuns().size() == 1)
            openInventory(selectedRuns().first());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunHistoryPanel::updateButtons);
    retranslateUi();
    reload();
}

void RunHistoryPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange)
        compactRows();
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
    m_note->setText(tr("Edit &note…"));
    m_note->setToolTip(tr("Write a note on the selected run; it is saved in the run store"));
    m_editLabel->setText(tr("Edit label"));
    m_editNote->setText(tr("Edit note…"));
    m_filter->setPlaceholderText(tr("Search labels, notes, parameters, scenarios and cores"));
    m_ope->setText(tr("Off-policy check…"));
    m_ope->setToolTip(tr("Estimate another core's CTR from the selected run's log (IPS, "
                         "SNIPS, DM, DR) and check it against that core's real run"));
    m_inventory->setText(tr("Inventory…"));
    m_inventory->setToolTip(tr("Forecast demand from the selected run's purchases, warn about "
                               "items about to sell out and score the warnings"));
    emit m_model->headerDataChanged(Qt::Horizontal, 0, RunHistoryModel::ColumnCount - 1);
}

void RunHistoryPanel::reload() {
    const QList<qint64> selected = selectedRuns();
    if (!m_model->reload())
        emit statusMessage(tr("Run history: %1").arg(m_model->lastError()));
    if (!m_model->readOnlyReason().isEmpty()) {
        m_notice->setText(tr("Read-only: %1").arg(m_model->readOnlyReason()));
        m_notice->show();
    }
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
    m_inventory->setEnabled(n == 1);
    m_note->setEnabled(n == 1);
    m_editLabel->setEnabled(n == 1);
    m_editNote->setEnabled(n == 1);
}

void RunHistoryPanel::compactRows() {
    // One line of text and a little air: the style's default (about 30 px) shows a third
    // fewer runs. Follows the font, so a larger one (presentation mode) is never cut.
    m_view->verticalHeader()->setMinimumSectionSize(0);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // About 32 characters at the current font: "history=20, neighbours=100" whole.
    for (int c : {int(RunHistoryModel::Parameters), int(RunHistoryModel::Note)})
        m_view->setColumnWidth(c, 32 * m_view->fontMetrics().averageCharWidth());
}

int RunHistoryPanel::heightForRows(int rows) const {
    const QMargins m = layout()->contentsMargins();
    const int chrome = m.top() + m.bottom() + 3 * layout()->spacing() +
                       m_refresh->sizeHint().height() + m_filter->sizeHint().height();
    const int table = m_view->horizontalHeader()->sizeHint().height() +
                      rows * m_view->verticalHeader()->defaultSectionSize() +
                      2 * m_view->frameWidth() + m_view->horizontalScrollBar()->sizeHint().height();
    return chrome + table;
}

RunNoteDialog* RunHistoryPanel::openNoteEditor(qint64 runId) {
    if (!m_model->store() || m_model->rowOfRun(runId) < 0)
        return nullptr;
    auto* d = new RunNoteDialog(m_model, runId, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

QString RunHistoryPanel::selectedSweep() const {
    const QList<qint64> ids = selectedRuns();
    if (ids.isEmpty())
        return {};
    const sim::RunRecord* r = m_model->record(m_model->rowOfRun(ids.first()));
    QString sweepId;
    return r && sim::SweepPlan::parseLabel(r->label, &sweepId, nullptr) ? sweepId : QString();
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
    return RunExporter::exportRun(*m_model, runId, dir, error);
}

} // namespace recoscope::ui
