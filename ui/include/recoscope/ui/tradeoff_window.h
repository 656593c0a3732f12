#pragma once
// TradeoffWindow: the Trade-offs view of one sweep's runs in the run history (issue 13).
// A scatter chart of CTR against catalogue coverage or, chosen above it, the long-tail
// share of impressions (fairness to items: what an exposure floor buys, issue 16), with
// revenue as marker size and the Pareto front marked (TradeoffChartView), above a table of the
// parameter sets (means over the seeds, sim::SweepTradeoffs). Clicking a marker or a row emits
// runChosen (the history selects that run); double-clicking a row emits runOpened. GUI thread only.

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace recoscope::ui {

class RunHistoryModel;
class TradeoffChartView;

class TradeoffWindow : public QWidget {
    Q_OBJECT
public:
    explicit TradeoffWindow(QWidget* parent = nullptr);

    /// Shows sweep `sweepId` from the model's runs; returns an error text (empty = ok).
    QString load(const RunHistoryModel& model, const QString& sweepId);
    TradeoffChartView* chart() const { return m_chart; }
    QTableWidget* table() const { return m_table; }
    /// The vertical-axis choice: 0 catalogue coverage, 1 long-tail share.
    QComboBox* verticalChoice() const { return m_vertical; }

signals:
    void runChosen(qint64 runId);
    void runOpened(qint64 runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    TradeoffChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_verticalLabel = nullptr;
    QComboBox* m_vertical = nullptr;
    QString m_sweepId;
};

} // namespace recoscope::ui
