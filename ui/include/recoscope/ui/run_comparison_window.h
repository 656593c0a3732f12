#pragma once
// RunComparisonWindow: stored runs drawn by the live dashboard, with the paired per-user
// statistics computed off the GUI thread.

#include "recoscope/ui/background_task.h"

#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

namespace recoscope::sim {
struct TimelineEvent;
}

namespace recoscope::ui {

class LiveChartsPanel;
class MetricSeriesStore;
class RunHistoryModel;

/// A window showing stored runs (one or several) with the dashboard. Runs of one scenario
/// and seed (the same shoppers) also get the paired per-user statistics against the first
/// run, recomputed from their stored events on a thread of the window's own (O(events));
/// the table says "computing" until they arrive. Closing the window stops that thread.
/// The charts carry the timeline markers of the runs' scenario when they share one. The
/// "Feedback loop" tab's figures are recomputed from each run's slate log and events (the
/// shop regenerated from its scenario, as `report` does) on a BackgroundTask: the same
/// figures the run showed live.
class RunComparisonWindow : public QWidget {
    Q_OBJECT
public:
    RunComparisonWindow(QWidget* parent = nullptr);
    ~RunComparisonWindow() override;
    LiveChartsPanel* charts() const { return m_charts; }
    const MetricSeriesStore& store() const { return *m_store; }
    /// Loads the runs from the store; errors are returned as text (empty = ok).
    QString load(const RunHistoryModel& model, const QList<qint64>& runIds);

    /// True once the per-user statistics arrived or cannot be computed (tests).
    bool comparisonsSettled() const { return !m_statistics; }
    /// True once the feedback loop figures arrived or cannot be computed (tests).
    bool feedbackLoopSettled() const { return !m_feedback.running(); }

private:
    void keepArenaColours(const RunHistoryModel& model, const QList<qint64>& runIds);
    static std::vector<sim::TimelineEvent> sharedTimeline(const RunHistoryModel& model,
                                                          const QList<qint64>& runIds);
    void startStatistics(const QString& dbPath, const QList<qint64>& runIds);
    void stopStatistics();
    void startFeedbackLoop(const QString& dbPath);

    LiveChartsPanel* m_charts = nullptr;
    std::unique_ptr<MetricSeriesStore> m_store;
    std::unique_ptr<QThread> m_statistics;
    std::shared_ptr<std::atomic<bool>> m_cancelStatistics;
    BackgroundTask m_feedback;
};

} // namespace recoscope::ui
