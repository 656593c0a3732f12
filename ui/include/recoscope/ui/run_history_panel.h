#pragma once
// RunHistoryPanel: every run in the store, sortable and searchable (label, note,
// parameters, scenario, core); edit a run's label in place (double-click or F2, Enter
// saves) and its note (Edit note…), both written to the store at once, a refusal shown
// above the table; open a past run (its whole arena)
// or compare selected runs in a window that draws their stored buckets with the same
// dashboard as live runs; delete; export metrics and events as CSV and charts as
// PNG/SVG/PDF; write one HTML report of the selected runs (HtmlReportJob); show the
// trade-offs of a sweep's runs (TradeoffWindow); check off-policy estimates on a run
// (OpeWindow); score a run's inventory warnings (InventoryWindow).

#include "recoscope/core/registry.h"
#include "recoscope/ui/run_comparison_window.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace recoscope::ui {

class HtmlReportJob;
class InventoryWindow;
class LiveChartsPanel;
class RunDiffDialog;
class RunNoteDialog;
class MetricSeriesStore;
class OpeWindow;
class RunHistoryModel;
class TradeoffWindow;

class RunHistoryPanel : public QWidget {
    Q_OBJECT
public:
    /// With a registry the panel offers the off-policy check of a run (OpeWindow).
    explicit RunHistoryPanel(const QString& dbPath, QWidget* parent = nullptr,
                             const core::RecommenderRegistry* registry = nullptr);

    RunHistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// Re-reads the store.
    void reload();
    /// Opens runs in a new window (an arena's runs together); returns it.
    RunComparisonWindow* openRuns(const QList<qint64>& runIds);
    /// Run ids of the selected rows.
    QList<qint64> selectedRuns() const;
    bool deleteRuns(const QList<qint64>& runIds);
    /// The sweep id of the selected run (empty when none or not a sweep's run).
    QString selectedSweep() const;
    /// Opens the Trade-offs view of a sweep; clicking its points selects their runs here.
    TradeoffWindow* openTradeoffs(const QString& sweepId);
    /// Opens the off-policy check of a stored run (null without a registry or store).
    OpeWindow* openOpeCheck(qint64 runId);
    /// Opens the inventory warnings of a stored run (null without a store).
    InventoryWindow* openInventory(qint64 runId);
    /// Selects one run's row (and scrolls to it); false when it is not in the history.
    bool selectRun(qint64 runId);
    /// Writes run-<id>-metrics.csv, run-<id>-events.csv and run-<id>-<chart>.png/.svg into
    /// `dir`; returns the files written, or an empty list and `error`.
    QStringList exportRun(qint64 runId, const QString& dir, QString* error = nullptr);

    /// Writes the HTML report of `runIds` (1-8) to `path` in the background;
    /// reportWritten follows. False when another report is being written.
    bool writeReport(const QList<qint64>& runIds, const QString& path);
    /// Opens the side-by-side set-ups of runs `a` and `b` (non-modal); nullptr on errors.
    RunDiffDialog* openDiff(qint64 a, qint64 b);
    /// Opens the note editor of run `runId` (non-modal); nullptr when it is not in the
    /// history.
    RunNoteDialog* openNoteEditor(qint64 runId);
    /// The search box above the table and the line that shows refused edits.
    QLineEdit* filter() const { return m_filter; }
    QLabel* notice() const { return m_notice; }
    /// The height (px) that shows the buttons, the search box, the header and `rows`
    /// table rows at the current font: the main window's default for the history dock.
    int heightForRows(int rows) const;

signals:
    void statusMessage(const QString& message);
    void reportWritten(const QString& path, const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void compactRows();
    QList<qint64> withArena(const QList<qint64>& runIds) const;

    RunHistoryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_report = nullptr;
    QPushButton* m_diff = nullptr;
    QPushButton* m_tradeoffs = nullptr;
    QPushButton* m_ope = nullptr;
    QPushButton* m_inventory = nullptr;
    QPushButton* m_note = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_notice = nullptr;
    QAction* m_editLabel = nullptr;
    QAction* m_editNote = nullptr;
    const core::RecommenderRegistry* m_registry = nullptr;
    HtmlReportJob* m_reportJob = nullptr;
    QList<QPointer<RunComparisonWindow>> m_windows;
};

} // namespace recoscope::ui
