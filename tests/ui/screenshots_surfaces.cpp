// recoscope-screenshots, "A strategy per surface" (docs/use-cases.md).

#include "screenshot_kit.h"

#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"

#include "recoscope/ui/surface_assignment_dialog.h"
#include "recoscope/ui/surface_ctr_table.h"

#include <QTabWidget>

namespace recoscope::test {

bool renderSurfaces(ui::MainWindow& w, const QDir& out, const QString& suffix,
                    const core::RecommenderRegistry& registry) {
    bool ok = true;
    sim::SurfaceAssignments cart;
    cart.at(core::Surface::Cart) = QStringLiteral("markov");
    {
        sim::SurfaceAssignments shown = cart;
        shown.at(core::Surface::Product) = QStringLiteral("mmr inner=itemknn lambda=0.5");
        ui::SurfaceAssignmentDialog dialog(registry, shown, &w);
        dialog.resize(720, dialog.sizeHint().height());
        dialog.show();
        settle();
        ok &= save(&dialog, out.filePath(QStringLiteral("surface-dialog%1.png").arg(suffix)));
        dialog.close();
    }
    // Configuration A: popularity everywhere; B: the same with markov on the cart page.
    raiseDock(w, w.strategyPanel());
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    w.strategyPanel()->setCores({QStringLiteral("popularity"), QStringLiteral("popularity")});
    w.strategyPanel()->setSurfaces(1, cart);
    w.scenarioPanel()->setEventLimit(300000);
    w.startRun();
    ok &= waitState(w, ui::RunController::State::Finished, 300000);
    w.liveCharts()->tabs()->setCurrentIndex(2);
    settle(500);
    ui::SurfaceCtrTable* table = w.liveCharts()->surfaceTable();
    table->adjustSize();
    ok &= save(table, out.filePath(QStringLiteral("surface-ctr%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);
    w.strategyPanel()->setSurfaces(1, {});
    w.scenarioPanel()->setEventLimit(0);
    return ok;
}

} // namespace recoscope::test
