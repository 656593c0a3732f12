#pragma once
// InventoryWindow: the inventory warnings of one stored run (docs/use-cases.md, "Inventory
// warnings"; `recoscope-cli report --inventory-horizon` in a window). Choose the horizon
// (the run's scenario field inventory.horizon_days when set, else 3 days), score: the run's
// events are replayed over its regenerated shop on a thread of the window's own (never the
// GUI thread), then the figures (precision, recall, mean lead time, sell-outs, lost sales,
// overstocked items) and a table of the warned items with forecast, stock and the actual
// stock-out day. "Follow the run" re-scores every few seconds, for a run still going.
// Closing the window cancels the scoring and waits for its thread.

#include "recoscope/ui/background_task.h"
#include <QJsonObject>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace recoscope::ui {

class InventoryWindow : public QWidget {
    Q_OBJECT
public:
    InventoryWindow(const QString& dbPath, qint64 runId, QWidget* parent = nullptr);
    ~InventoryWindow() override;

    /// Starts scoring with the horizon in the spin box; false when a scoring is running.
    bool startScoring();
    bool running() const { return m_task.running(); }
    /// Shows an `inventory` block (storedInventoryJson's object); public for tests.
    void showResult(const QJsonObject& inventory);

    QDoubleSpinBox* horizonBox() const { return m_horizon; }
    QCheckBox* followBox() const { return m_follow; }
    QTableWidget* table() const { return m_table; }
    QString statusText() const;
    QString figuresText() const;

signals:
    /// A scoring ended: ok = results shown, else the status line says why.
    void scoringFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void stop();

    QString m_dbPath;
    qint64 m_runId;
    QLabel* m_horizonLabel = nullptr;
    QDoubleSpinBox* m_horizon = nullptr;
    QPushButton* m_score = nullptr;
    QCheckBox* m_follow = nullptr;
    QTimer* m_followTimer = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_figures = nullptr;
    QTableWidget* m_table = nullptr;
    QJsonObject m_last;
    BackgroundTask m_task;
};

} // namespace recoscope::ui
