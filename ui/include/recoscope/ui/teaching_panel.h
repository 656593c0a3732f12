#pragma once
// TeachingPanel: for a class stepping through how a recommender learns. Step advances
// every core by one shopper action, or with "Follow shopper" every core to that shopper's
// next action; Step back replays the run from the seed to the previous step. The header
// says which shopper and which simulated moment each core shows, marking the cores that
// face the same shopper action; below, for the chosen core, what happened (the request,
// the slate with scores and the explanations composed when it was served, the click, the
// events it caused) and what changed since this shopper's previous slate: new items,
// items that moved up or down, and score changes.

#include "recoscope/sim/engine_worker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
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
    QLabel* header() const { return m_header; }
    QPushButton* stepButton() const { return m_step; }
    QPushButton* stepBackButton() const { return m_back; }
    QCheckBox* followBox() const { return m_followBox; }
    QSpinBox* followUser() const { return m_followUser; }
    /// The number of the step on screen (0: none).
    int steps() const { return m_report.step; }
    /// Shows whether presentation mode is on (the button's state), without asking for it.
    void setPresentationChecked(bool on);

signals:
    /// The "Presentation mode" button (MainWindow::setPresentationMode).
    void largeFontsRequested(bool on);
    void teachingModeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showStep(const sim::StepReport& report);
    void showCore();
    void updateButtons();
    void updateFollow();

    RunController& m_controller;
    QLabel* m_intro = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_fonts = nullptr;
    QCheckBox* m_followBox = nullptr;
    QSpinBox* m_followUser = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_coreLabel = nullptr;
    QComboBox* m_core = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_slate = nullptr;
    QLabel* m_eventsLabel = nullptr;
    QListWidget* m_events = nullptr;
    sim::StepReport m_report;
    bool m_backPending = false; // the step under way is a Step back (a replay)
};

} // namespace recoscope::ui
