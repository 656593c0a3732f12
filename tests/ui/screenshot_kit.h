#pragma once
// The helpers recoscope-screenshots' renderers share (screenshots.cpp and the per-topic
// files beside it): wait for the GUI, grab a widget into docs/images, raise a dock.

#include "recoscope/core/registry.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_controller.h"

#include <QDir>
#include <QString>
#include <QStringList>

class QWidget;

namespace recoscope::test {

/// Every file name save() wrote (main() checks it against the tool's list).
extern QStringList g_saved;

void settle(int ms = 300);
/// Grabs `w` into `path`, records the name, says "wrote"/"FAILED" on stderr.
bool save(QWidget* w, const QString& path);
void raiseDock(ui::MainWindow& w, QWidget* panel);
bool waitState(ui::MainWindow& w, ui::RunController::State s, int ms);
/// Runs `spec` to its end into `store` (the run stays closed as finished, opened by the
/// history afterwards); its run id, or 0 when it could not be created or finished.
qint64 storeRun(sim::RunStore& store, const sim::RunSpec& spec,
                const core::RecommenderRegistry& registry);

/// A strategy per surface (docs/use-cases.md): the "Per surface…" dialog with the cart page
/// given markov, then the dashboard's CTR per surface after popularity against the same
/// with markov on the cart page. surface-dialog.png and surface-ctr.png (+ suffix).
bool renderSurfaces(ui::MainWindow& w, const QDir& out, const QString& suffix,
                    const core::RecommenderRegistry& registry);

/// New-user onboarding (docs/use-cases.md): new-user-wave with the questionnaire asked of
/// half the newcomers, content and popularity, the funnel tab's cold-start table.
/// onboarding.png (+ suffix).
bool renderOnboarding(ui::MainWindow& w, const QDir& out, const QString& suffix);

} // namespace recoscope::test
