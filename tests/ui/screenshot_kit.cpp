#include "screenshot_kit.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QTest>
#include <QWidget>

#include <cstdio>

namespace recoscope::test {

QStringList g_saved;

void settle(int ms) {
    QTest::qWait(ms);
    QCoreApplication::processEvents();
}

bool save(QWidget* w, const QString& path) {
    g_saved << QFileInfo(path).fileName();
    const bool ok = w->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

void raiseDock(ui::MainWindow& w, QWidget* panel) {
    for (QDockWidget* d : w.findChildren<QDockWidget*>())
        if (d->widget() == panel) {
            d->show();
            d->raise();
        }
}

bool waitState(ui::MainWindow& w, ui::RunController::State s, int ms) {
    return QTest::qWaitFor([&] { return w.controller().state() == s; }, ms);
}

qint64 storeRun(sim::RunStore& store, const sim::RunSpec& spec,
                const core::RecommenderRegistry& registry) {
    auto run = sim::RunJob::create(spec, registry, &store);
    if (!run)
        return 0;
    run.value()->runSlice(0);
    if (!run.value()->finish(QStringLiteral("finished")))
        return 0;
    return run.value()->runId();
}

} // namespace recoscope::test
