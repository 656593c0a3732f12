#pragma once
// ItemInspectorPanel: one item's exposure, clicks and purchases over time, its price,
// discount (promotion) and availability, from the engine worker on request.

#include "recoscope/sim/engine_worker.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace recoscope::ui {

class MetricChartView;
class RunController;

class ItemInspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ItemInspectorPanel(RunController& controller, QWidget* parent = nullptr);

    void inspect(quint32 item, int core = -1);
    MetricChartView* chart() const { return m_chart; }
    QTextBrowser* infoView() const { return m_info; }
    const sim::ItemInspection& last() const { return m_last; }

signals:
    void inspected();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showInspection(const sim::ItemInspection& r);

    RunController& m_controller;
    QLabel* m_coreLabel = nullptr;
    QComboBox* m_core = nullptr;
    QLabel* m_itemLabel = nullptr;
    QSpinBox* m_item = nullptr;
    QPushButton* m_go = nullptr;
    QTextBrowser* m_info = nullptr;
    MetricChartView* m_chart = nullptr;
    sim::ItemInspection m_last;
    qint64 m_current = -1;
    QElapsedTimer m_sinceRequest;
};

} // namespace recoscope::ui
