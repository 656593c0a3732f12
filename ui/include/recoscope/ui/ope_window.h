#pragma once
// OpeWindow: the off-policy check of one stored run (docs/ope.md, `recoscope-cli ope` in a
// window). Pick a target core (and optionally its parameters as KEY=VALUE, ...), run the
// check: the replay and the target's real run go on a thread of the window's own (never the
// GUI thread), with progress in the status line; then a chart of each estimator with its
// interval against the truth, and a table with the errors, coverage and any problem.
// Closing the window cancels the check and waits for its thread.

#include "recoscope/core/registry.h"
#include "recoscope/ui/background_task.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace recoscope::sim {
struct OpeResult;
}

namespace recoscope::ui {

class OpeChartView;

class OpeWindow : public QWidget {
    Q_OBJECT
public:
    /// `registry` must outlive the window; the check's thread reads a snapshot of it.
    OpeWindow(const core::RecommenderRegistry& registry, const QString& dbPath, qint64 runId,
              QWidget* parent = nullptr);
    ~OpeWindow() override;

    /// Starts the check for the target chosen in the window; false (with the reason in the
    /// status line) when its parameters do not parse or a check is already running.
    bool startCheck();
    bool running() const { return m_task.running(); }

    QComboBox* targetBox() const { return m_target; }
    QLineEdit* paramsEdit() const { return m_params; }
    OpeChartView* chart() const { return m_chart; }
    QTableWidget* table() const { return m_table; }
    QString statusText() const;

signals:
    /// The check ended: ok = results shown, else the status line says why.
    void checkFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showResult(const sim::OpeResult& r);
    void stop();

    const core::RecommenderRegistry& m_registry;
    QString m_dbPath;
    qint64 m_runId;
    QComboBox* m_target = nullptr;
    QLineEdit* m_params = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_targetLabel = nullptr;
    QLabel* m_paramsLabel = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    OpeChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    BackgroundTask m_task;
};

} // namespace recoscope::ui
