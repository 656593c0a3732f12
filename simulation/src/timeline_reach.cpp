#include "recoscope/sim/timeline_reach.h"

#include <QStringList>

namespace recoscope::sim {

std::vector<TimelineEvent> unreachedTimeline(const Scenario& scenario, double endDay) {
    std::vector<TimelineEvent> out;
    for (const TimelineEvent& e : scenario.timeline)
        if (e.startDay > endDay && e.startDay < scenario.durationDays)
            out.push_back(e);
    return out;
}

QString unreachedTimelineWarning(const Scenario& scenario, double endDay, const QString& reason) {
    const std::vector<TimelineEvent> missed = unreachedTimeline(scenario, endDay);
    if (missed.empty())
        return {};
    constexpr std::size_t kListed = 5;
    QStringList entries;
    for (std::size_t i = 0; i < missed.size() && i < kListed; ++i)
        entries << QStringLiteral("%1 at day %2")
                       .arg(timelineKindName(missed[i].kind))
                       .arg(missed[i].startDay, 0, 'f', 2);
    if (missed.size() > kListed)
        entries << QStringLiteral("…");
    return QStringLiteral("the run stopped at day %1 (%2), before %3 it would otherwise "
                          "reach: %4")
        .arg(endDay, 0, 'f', 2)
        .arg(reason,
             missed.size() == 1 ? QStringLiteral("1 timeline entry")
                                : QStringLiteral("%1 timeline entries").arg(missed.size()),
             entries.join(QStringLiteral(", ")));
}

QString limitedRunWarning(const Scenario& scenario, const RunLimits& limits, double endDay,
                          const QString& eventsFlag, const QString& daysFlag) {
    QStringList limitsSet;
    if (limits.maxEvents > 0)
        limitsSet << QStringLiteral("%1 %2").arg(eventsFlag).arg(limits.maxEvents);
    if (limits.maxDays > 0.0 && limits.maxDays < scenario.durationDays)
        limitsSet << QStringLiteral("%1 %2").arg(daysFlag).arg(limits.maxDays);
    if (limitsSet.isEmpty())
        return {};
    return unreachedTimelineWarning(
        scenario, endDay,
        QStringLiteral("the %1 limit%2")
            .arg(limitsSet.join(QStringLiteral(" / ")),
                 limitsSet.size() > 1 ? QStringLiteral("s") : QString()));
}

} // namespace recoscope::sim
