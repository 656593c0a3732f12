#include "timeline_markers.h"

#include "recoscope/sim/timeline_reach.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace recoscope::ui {

namespace {

QString kindText(sim::TimelineEvent::Kind kind) {
    switch (kind) {
    case sim::TimelineEvent::Kind::Promotion:
        return QCoreApplication::translate("TimelineMarkers", "promotion");
    case sim::TimelineEvent::Kind::Launch:
        return QCoreApplication::translate("TimelineMarkers", "launch");
    case sim::TimelineEvent::Kind::Cohort:
        return QCoreApplication::translate("TimelineMarkers", "cohort");
    case sim::TimelineEvent::Kind::StockShock:
        return QCoreApplication::translate("TimelineMarkers", "stock shock");
    case sim::TimelineEvent::Kind::Season:
        return QCoreApplication::translate("TimelineMarkers", "season");
    }
    return {};
}

} // namespace

QString limitedRunText(const sim::Scenario& scenario, std::uint64_t maxEvents, double endDay) {
    if (maxEvents == 0)
        return {};
    const std::vector<sim::TimelineEvent> missed = sim::unreachedTimeline(scenario, endDay);
    if (missed.empty())
        return {};
    constexpr std::size_t kListed = 5; // as the CLI lists them
    QStringList entries;
    for (std::size_t i = 0; i < missed.size() && i < kListed; ++i)
        entries << QCoreApplication::translate("TimelineMarkers", "%1 at day %2")
                       .arg(kindText(missed[i].kind))
                       .arg(missed[i].startDay, 0, 'f', 2);
    if (missed.size() > kListed)
        entries << QStringLiteral("…");
    // A named count: lupdate (Qt 6.4) skips a translate() whose count is a static_cast.
    const int count = static_cast<int>(missed.size());
    return QCoreApplication::translate(
               "TimelineMarkers",
               "the run stopped at day %1 (the \"Stop after\" limit of %2 events), before %n "
               "timeline entries it would otherwise reach: %3",
               nullptr, count)
        .arg(endDay, 0, 'f', 2)
        .arg(maxEvents)
        .arg(entries.join(QCoreApplication::translate("TimelineMarkers", ", ")));
}

QList<ChartMarker> timelineMarkers(const std::vector<sim::TimelineEvent>& timeline) {
    // The teaching panel's palette: promotions amber, launches green, shocks red.
    const QColor promotion(0xE6, 0x9F, 0x00), launch(0x00, 0x80, 0x3C), shock(0xB0, 0x00, 0x20);
    QList<ChartMarker> out;
    for (const sim::TimelineEvent& e : timeline) {
        switch (e.kind) {
        case sim::TimelineEvent::Kind::Promotion:
            out.append({e.startDay, std::max(e.endDay, e.startDay),
                        QCoreApplication::translate("TimelineMarkers", "promotion −%1%")
                            .arg(QLocale().toString(e.discount * 100.0, 'f', 0)),
                        promotion});
            break;
        case sim::TimelineEvent::Kind::Launch:
            out.append({e.startDay, e.startDay,
                        QCoreApplication::translate("TimelineMarkers", "launch: %n item(s)",
                                                    nullptr, e.items),
                        launch});
            break;
        case sim::TimelineEvent::Kind::StockShock:
            out.append({e.startDay, e.startDay,
                        QCoreApplication::translate("TimelineMarkers", "stock shock"), shock});
            break;
        case sim::TimelineEvent::Kind::Cohort:
        case sim::TimelineEvent::Kind::Season:
            break;
        }
    }
    return out;
}

} // namespace recoscope::ui
