#pragma once
// ShopperInspectorPanel: pick a shopper (by id, or from the live list of active sessions)
// and see the profile, RFM figures, segment, recent events and the current slate with
// each item's score and the core's explanation. Data comes from the engine worker on
// request (a queued call, answered between slices), never by reading engine state here.

#include "recoscope/sim/engine_worker.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace recoscope::ui {

class RunController;

class ShopperInspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ShopperInspectorPanel(RunController& controller, QWidget* parent = nullptr);

    /// Asks the worker for this shopper (of core `core`); the answer fills the panel.
    void inspect(quint32 user, int core = -1);
    QListWidget* activeList() const { return m_active; }
    QTableWidget* slateTable() const { return m_slate; }
    QTextBrowser* profileView() const { return m_profile; }
    const sim::UserInspection& last() const { return m_last; }

signals:
    void inspected();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onRefresh();
    void showInspection(const sim::UserInspection& r);

    RunController& m_controller;
    QLabel* m_coreLabel = nullptr;
    QComboBox* m_core = nullptr;
    QLabel* m_userLabel = nullptr;
    QSpinBox* m_user = nullptr;
    QPushButton* m_go = nullptr;
    QLabel* m_activeLabel = nullptr;
    QListWidget* m_active = nullptr;
    QTextBrowser* m_profile = nullptr;
    QLabel* m_slateLabel = nullptr;
    QTableWidget* m_slate = nullptr;
    sim::UserInspection m_last;
    qint64 m_current = -1;
    QElapsedTimer m_sinceRequest;
};

} // namespace recoscope::ui
