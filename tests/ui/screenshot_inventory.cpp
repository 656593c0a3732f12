// recoscope-screenshots: the inventory warnings window (docs/use-cases.md, "Inventory
// warnings"), apart from screenshots.cpp to keep that file in bounds.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/inventory_window.h"
#include "recoscope/ui/run_history_panel.h"
#include "screenshot_kit.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace recoscope {

// The default shop with a smaller stock (8 units on average) for four days: items sell
// out from the first day, the window scores a 2-day horizon.
bool renderInventory(const QDir& out, const QString& suffix,
                     const core::RecommenderRegistry& registry, const QTemporaryDir& tmp,
                     const std::function<bool(QWidget*, const QString&)>& save) {
    const QString db = tmp.filePath(QStringLiteral("inventory.db"));
    qint64 runId = 0;
    {
        auto store = sim::RunStore::open(db);
        sim::RunSpec spec;
        spec.scenario = sim::loadBuiltinScenario(QStringLiteral("default")).value();
        spec.scenario.durationDays = 4.0;
        spec.scenario.catalogue.stockMean = 8.0;
        spec.scenario.timeline.clear(); // its promotion starts on day 4: outside a 4-day run
        spec.scenario.inventory.horizonDays = 2.0;
        spec.recommender = "popularity";
        if (!store || (runId = test::storeRun(*store.value(), spec, registry)) == 0)
            return false;
    }
    ui::RunHistoryPanel history(db, nullptr, &registry);
    ui::InventoryWindow* w = history.openInventory(runId);
    if (!w)
        return false;
    QSignalSpy done(w, &ui::InventoryWindow::scoringFinished);
    if (!w->startScoring() || !done.wait(120000))
        return false;
    QTest::qWait(500);
    const bool ok = save(w, out.filePath(QStringLiteral("inventory%1.png").arg(suffix)));
    w->close();
    return ok;
}

} // namespace recoscope
