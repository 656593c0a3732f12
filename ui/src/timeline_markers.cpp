#include "timeline_markers.h"

#include <QCoreApplication>
#include <QLocale>

namespace recoscope::ui {

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
