#pragma once
// PrivacyCurveWindow: CTR against the privacy budget for several cores (docs/use-cases.md,
// "Privacy"; `recoscope-cli privacy-curve` in a window). The scenario is the editor's; the
// user picks the cores, the epsilons per day, the days and the seed. The runs (sim::
// PrivacyCurve: each core with the noise off, then at each epsilon, on the same seed) go on
// a thread of the window's own, never the GUI thread; the chart then shows each core's CTR
// against epsilon as a line and its CTR with the noise off as a dashed level, and the table
// every point with its z against that level. Closing the window cancels and waits.

#include "recoscope/core/registry.h"
#include "recoscope/sim/privacy_curve.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/ui/background_task.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace recoscope::ui {

class MetricChartView;

class PrivacyCurveWindow : public QWidget {
    Q_OBJECT
public:
    PrivacyCurveWindow(const core::RecommenderRegistry& registry, sim::Scenario scenario,
                       QWidget* parent = nullptr);
    ~PrivacyCurveWindow() override;

    /// Starts the runs with the fields' values; false when runs are going or a field is
    /// wrong (the status line says which).
    bool start();
    bool running() const { return m_task.running(); }
    /// Shows a finished curve; public for tests and the screenshot tool.
    void showCurve(const sim::PrivacyCurve& curve);

    QLineEdit* coresEdit() const { return m_cores; }
    QLineEdit* epsilonsEdit() const { return m_epsilons; }
    QDoubleSpinBox* daysBox() const { return m_days; }
    QTableWidget* table() const { return m_table; }
    MetricChartView* chart() const { return m_chart; }
    QString statusText() const;

signals:
    /// The runs ended: ok = the curve is shown, else the status line says why.
    void curveFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void stop();

    const core::RecommenderRegistry& m_registry;
    sim::Scenario m_scenario;
    QLabel* m_coresLabel = nullptr;
    QLineEdit* m_cores = nullptr;
    QLabel* m_epsilonsLabel = nullptr;
    QLineEdit* m_epsilons = nullptr;
    QLabel* m_daysLabel = nullptr;
    QDoubleSpinBox* m_days = nullptr;
    QLabel* m_seedLabel = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    MetricChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    BackgroundTask m_task;
    std::unique_ptr<sim::PrivacyCurve> m_last;
};

} // namespace recoscope::ui
