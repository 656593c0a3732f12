#pragma once
// TradeoffWindow: the Trade-offs view of one sweep's runs in the run history (issue 13).
// A scatter chart of CTR against coverage with revenue as marker size and the Pareto
// front marked (TradeoffChartView), above a table of the parameter sets (means over the
// seeds, sim::SweepTradeoffs). Clicking a marker or a row emits runChosen (the history
// selects that run); double-clicking a row emits runOpened. GUI thread only.

#include <QWidget>

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

signals:
    void runChosen(qint64 runId);
    void runOpened(qint64 runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    TradeoffChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    QString m_sweepId;
};

} // namespace recoscope::ui
