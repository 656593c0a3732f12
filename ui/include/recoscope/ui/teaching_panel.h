#pragma once
// TeachingPanel: for a class stepping through how a recommender learns. Step advances
// every core by one shopper action; the panel then shows what happened (the request, the
// slate with scores and the core's explanations, the click, the events it caused) and
// highlights what changed since this shopper's previous slate: new items, items that
// moved up or down, and score changes.

#include "recoscope/sim/engine_worker.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace recoscope::ui {

class RunController;

class TeachingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TeachingPanel(RunController& controller, QWidget* parent = nullptr);

    QTableWidget* slateTable() const { return m_slate; }
    QListWidget* eventList() const { return m_events; }
    QLabel* summary() const { return m_summary; }
    QComboBox* coreList() const { return m_core; }
    int steps() const { return m_steps; }

signals:
    void largeFontsRequested(bool on);
    void teachingModeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showStep(const sim::StepReport& report);
    void showCore();

    RunController& m_controller;
    QLabel* m_intro = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_fonts = nullptr;
    QLabel* m_coreLabel = nullptr;
    QComboBox* m_core = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_slate = nullptr;
    QLabel* m_eventsLabel = nullptr;
    QListWidget* m_events = nullptr;
    sim::StepReport m_report;
    int m_steps = 0;
};

} // namespace recoscope::ui
