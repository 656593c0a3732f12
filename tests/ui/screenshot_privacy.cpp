// recoscope-screenshots: the privacy curve window (docs/use-cases.md, "Privacy"), apart
// from screenshots.cpp to keep that file in bounds.

#include "recoscope/ui/main_window.h"
#include "recoscope/ui/privacy_curve_window.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <functional>

namespace recoscope {

// The editor's scenario (default), two count-based cores and itemknn, a week, seed 7:
// the curve docs/use-cases.md quotes.
bool renderPrivacy(ui::MainWindow& main, const QDir& out, const QString& suffix,
                   const std::function<bool(QWidget*, const QString&)>& save) {
    ui::PrivacyCurveWindow* w = main.openPrivacyCurve();
    if (!w)
        return false;
    w->coresEdit()->setText(QStringLiteral("popularity, trending, itemknn"));
    w->epsilonsEdit()->setText(QStringLiteral("0.5, 1, 2, 5, 10, 20"));
    w->daysBox()->setValue(7.0);
    auto* seed = w->findChild<QSpinBox*>();
    if (!seed)
        return false;
    seed->setValue(7);
    QSignalSpy done(w, &ui::PrivacyCurveWindow::curveFinished);
    if (!w->start() || !done.wait(600000) || !done.front().front().toBool())
        return false;
    QTest::qWait(500);
    const bool ok = save(w, out.filePath(QStringLiteral("privacy-curve%1.png").arg(suffix)));
    w->close();
    return ok;
}

} // namespace recoscope
