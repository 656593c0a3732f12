// RunHistoryPanel: opening the tool windows of a run or a sweep (off-policy check,
// inventory warnings, trade-offs), apart from run_history_panel.cpp to keep it in bounds.

#include "recoscope/ui/run_history_panel.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/ui/inventory_window.h"
#include "recoscope/ui/ope_window.h"
#include "recoscope/ui/run_history_model.h"
#include "recoscope/ui/tradeoff_window.h"

namespace recoscope::ui {

OpeWindow* RunHistoryPanel::openOpeCheck(qint64 runId) {
    if (!m_registry || !m_model->store())
        return nullptr;
    auto* w = new OpeWindow(*m_registry, m_model->store()->path(), runId, this);
    w->show();
    return w;
}

TradeoffWindow* RunHistoryPanel::openTradeoffs(const QString& sweepId) {
    if (sweepId.isEmpty())
        return nullptr;
    auto* w = new TradeoffWindow(this);
    if (const QString error = w->load(*m_model, sweepId); !error.isEmpty()) {
        emit statusMessage(error);
        delete w;
        return nullptr;
    }
    connect(w, &TradeoffWindow::runChosen, this, &RunHistoryPanel::selectRun);
    connect(w, &TradeoffWindow::runOpened, this, [this](qint64 id) { openRuns({id}); });
    w->show();
    return w;
}

InventoryWindow* RunHistoryPanel::openInventory(qint64 runId) {
    if (!m_model->store())
        return nullptr;
    auto* w = new InventoryWindow(m_model->store()->path(), runId, this);
    w->show();
    return w;
}

} // namespace recoscope::ui
