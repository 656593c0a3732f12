#pragma once
// TradeoffWindow: the Trade-offs view of one sweep's runs in the run history (issue 13).
// A scatter chart of CTR against catalogue coverage or, chosen above it, the long-tail
// share of impressions (fairness to items: what an exposure floor buys, issue 16), with
// revenue as marker size and the Pareto front marked (TradeoffChartView), above a table of the
// parameter sets (means over the seeds, sim::SweepTradeoffs). Clicking a marker or a row emits
// runChosen (the history selects that run); double-clicking a row emits runOpened. GUI thread only.
// The CTR gaps between shopper groups read every run's slate log and regenerate the shop's
// population once per seed: measured on a BackgroundTask after load() has shown the rest, with
// a busy indicator meanwhile ('–' in the gap column until they arrive).

#include "recoscope/ui/background_task.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace recoscope::sim {
class SweepTradeoffs;
}

namespace recoscope::ui {

class RunHistoryModel;
class TradeoffChartView;

class TradeoffWindow : public QWidget {
    Q_OBJECT
public:
    explicit TradeoffWindow(QWidget* parent = nullptr);
    ~TradeoffWindow() override;

    /// Shows sweep `sweepId` from the model's runs and starts measuring its group CTR gaps
    /// (groupGapsMeasured() when done); returns an error text (empty = ok).
    QString load(const RunHistoryModel& model, const QString& sweepId);
    /// True while the group CTR gaps are being measured (the busy indicator shows).
    bool measuringGaps() const { return m_gaps.running(); }
    TradeoffChartView* chart() const { return m_chart; }
    QTableWidget* table() const { return m_table; }
    /// The vertical-axis choice: 0 catalogue coverage, 1 long-tail share.
    QComboBox* verticalChoice() const { return m_vertical; }

signals:
    void runChosen(qint64 runId);
    void runOpened(qint64 runId);
    /// The gaps arrived (the chart and table show them) or could not be measured.
    void groupGapsMeasured();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showSweep(const sim::SweepTradeoffs& sweep);

    TradeoffChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_verticalLabel = nullptr;
    QComboBox* m_vertical = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    QString m_sweepId;
    QString m_gapError; ///< why some gaps are unknown (untranslated store text), or empty
    BackgroundTask m_gaps;
};

} // namespace recoscope::ui
