// recoscope-screenshots: new-user onboarding (docs/use-cases.md, "New-user onboarding"),
// apart from screenshots.cpp to keep that file in bounds. The new-user-wave shop with the
// signup questionnaire asked of half the newcomers, content against popularity; the
// dashboard's funnel tab with the cold-start table (sessions to catch up per group).

#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"
#include "screenshot_kit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTableWidget>

namespace recoscope::test {

bool renderOnboarding(ui::MainWindow& w, const QDir& out, const QString& suffix) {
    raiseDock(w, w.scenarioPanel());
    if (!w.scenarioPanel()->selectPreset(QStringLiteral("new-user-wave")))
        return false;
    QJsonObject doc = QJsonDocument::fromJson(w.scenarioPanel()->jsonText().toUtf8()).object();
    doc.insert(QStringLiteral("onboarding"),
               QJsonObject{{QStringLiteral("questionnaire"), QStringLiteral("categories")},
                           {QStringLiteral("categories"), 3},
                           {QStringLiteral("noise"), 0.2},
                           {QStringLiteral("share"), 0.5}});
    w.scenarioPanel()->setJsonText(QString::fromUtf8(QJsonDocument(doc).toJson()));
    w.strategyPanel()->setCores({QStringLiteral("content"), QStringLiteral("popularity")});
    w.scenarioPanel()->setEventLimit(300000); // past the day-2 wave's first sessions
    w.startRun();
    if (!waitState(w, ui::RunController::State::Finished, 600000))
        return false;
    auto* cold = w.liveCharts()->findChild<QTableWidget*>(QStringLiteral("coldStartTable"));
    if (!cold)
        return false;
    w.liveCharts()->tabs()->setCurrentWidget(cold->parentWidget());
    settle(500);
    const bool ok =
        save(cold->parentWidget(), out.filePath(QStringLiteral("onboarding%1.png").arg(suffix)));
    w.liveCharts()->tabs()->setCurrentIndex(0);
    return ok;
}

} // namespace recoscope::test
