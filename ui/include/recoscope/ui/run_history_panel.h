#pragma once
// RunHistoryPanel: every run in the store, sortable; open a past run (its whole arena)
// or compare selected runs in a window that draws their stored buckets with the same
// dashboard as live runs; delete; export metrics and events as CSV and charts as PNG/SVG;
// show the trade-offs of a sweep's runs (TradeoffWindow).

#include <QPointer>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>

class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace recoscope::ui {

class LiveChartsPanel;
class MetricSeriesStore;
class RunHistoryModel;
class TradeoffWindow;

/// A window showing stored runs (one or several) with the dashboard. Runs of one scenario
/// and seed (the same shoppers) also get the paired per-user statistics against the first
/// run, recomputed from their stored events on a thread of the window's own (O(events));
/// the table says "computing" until they arrive. Closing the window stops that thread.
class RunComparisonWindow : public QWidget {
    Q_OBJECT
public:
    RunComparisonWindow(QWidget* parent = nullptr);
    ~RunComparisonWindow() override;
    LiveChartsPanel* charts() const { return m_charts; }
    const MetricSeriesStore& store() const { return *m_store; }
    /// Loads the runs from the store; errors are returned as text (empty = ok).
    QString load(const class RunHistoryModel& model, const QList<qint64>& runIds);

    /// True once the per-user statistics arrived or cannot be computed (tests).
    bool comparisonsSettled() const { return !m_statistics; }

private:
    void startStatistics(const QString& dbPath, const QList<qint64>& runIds);
    void stopStatistics();

    LiveChartsPanel* m_charts = nullptr;
    std::unique_ptr<MetricSeriesStore> m_store;
    std::unique_ptr<QThread> m_statistics;
    std::shared_ptr<std::atomic<bool>> m_cancelStatistics;
};

class RunHistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunHistoryPanel(const QString& dbPath, QWidget* parent = nullptr);

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
    /// Selects one run's row (and scrolls to it); false when it is not in the history.
    bool selectRun(qint64 runId);
    /// Writes run-<id>-metrics.csv, run-<id>-events.csv and run-<id>-<chart>.png/.svg into
    /// `dir`; returns the files written, or an empty list and `error`.
    QStringList exportRun(qint64 runId, const QString& dir, QString* error = nullptr);

signals:
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    QList<qint64> withArena(const QList<qint64>& runIds) const;

    RunHistoryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_tradeoffs = nullptr;
    QList<QPointer<RunComparisonWindow>> m_windows;
};

} // namespace recoscope::ui
