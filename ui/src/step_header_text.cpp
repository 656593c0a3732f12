#include "step_header_text.h"

#include "recoscope/ui/metric_series_store.h"
#include "sim_time_text.h"

#include <QCoreApplication>

#include <limits>

namespace recoscope::ui {

core::SimTime stepClock(const sim::StepReport& report) {
    core::SimTime t = std::numeric_limits<double>::infinity();
    for (const sim::StepRecord& r : report.cores)
        if (r.valid)
            t = std::min(t, r.time);
    return std::isinf(t) ? -1.0 : t;
}

bool sameAction(const sim::StepRecord& a, const sim::StepRecord& b) {
    // Exact equality on purpose: simulated times are drawn with full double precision,
    // so two cores at the same instant are at the same step of the same visit.
    return a.valid && b.valid && a.user == b.user && a.time == b.time;
}

QString stepHeaderHtml(const sim::StepReport& report, const QStringList& coreLabels) {
    const core::SimTime clock = stepClock(report);
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(QCoreApplication::translate("StepHeader", "Step %1").arg(report.step));
    if (clock >= 0.0)
        html += QStringLiteral(" · ") + simTimeText(clock);
    if (report.follow != core::kNoUser)
        html +=
            QStringLiteral(" · ") +
            QCoreApplication::translate("StepHeader", "following shopper %1").arg(report.follow);
    html += QStringLiteral("<table cellspacing=\"6\">");
    // One letter per distinct action, in core order.
    std::vector<int> letter(report.cores.size(), -1);
    int letters = 0;
    for (std::size_t i = 0; i < report.cores.size(); ++i) {
        if (!report.cores[i].valid)
            continue;
        for (std::size_t j = 0; j < i && letter[i] < 0; ++j)
            if (sameAction(report.cores[i], report.cores[j]))
                letter[i] = letter[j];
        if (letter[i] < 0)
            letter[i] = letters++;
    }
    for (std::size_t i = 0; i < report.cores.size(); ++i) {
        const sim::StepRecord& r = report.cores[i];
        const QString label = static_cast<int>(i) < coreLabels.size()
                                  ? coreLabels[static_cast<int>(i)]
                                  : QString::number(i + 1);
        html += QStringLiteral("<tr><td><span style=\"color:%1\">■</span> %2</td>")
                    .arg(coreColor(static_cast<int>(i)).name(), label.toHtmlEscaped());
        if (!r.valid) {
            html +=
                QStringLiteral("<td colspan=\"3\">%1</td></tr>")
                    .arg(report.follow != core::kNoUser
                             ? QCoreApplication::translate(
                                   "StepHeader", "the run ended before this shopper acted again")
                             : QCoreApplication::translate("StepHeader", "the run is over"));
            continue;
        }
        QStringList shared;
        for (std::size_t j = 0; j < report.cores.size(); ++j)
            if (j != i && letter[j] == letter[i] && static_cast<int>(j) < coreLabels.size())
                shared << coreLabels[static_cast<int>(j)];
        QString which = QCoreApplication::translate("StepHeader", "action %1")
                            .arg(QChar(QLatin1Char('A').unicode() + letter[i]));
        if (!shared.isEmpty())
            which += QStringLiteral(" = ") + shared.join(QStringLiteral(", ")).toHtmlEscaped();
        // A plain int: lupdate missed the string when the cast was split over two lines.
        const int passed = static_cast<int>(r.passed);
        if (passed > 0)
            which += QStringLiteral(" · ") +
                     QCoreApplication::translate("StepHeader", "%n other action(s) passed", nullptr,
                                                 passed);
        html += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(QCoreApplication::translate("StepHeader", "shopper %1").arg(r.user),
                         simTimeText(r.time), which);
    }
    html += QStringLiteral("</table>");
    if (report.cores.size() > 1 && letters > 1)
        html += QCoreApplication::translate(
            "StepHeader", "The cores show different shopper actions. Common random numbers give "
                          "every core the same candidate visits (same shoppers, same times, same "
                          "dice), but what a shopper does depends on the slate: after one "
                          "different click or skipped visit, the cores' next actions differ. "
                          "Follow a shopper to see every core at that shopper's next action.");
    else if (report.cores.size() > 1 && letters == 1)
        html += QCoreApplication::translate(
            "StepHeader", "Every core faces the same shopper action (common random numbers).");
    return html;
}

} // namespace recoscope::ui
