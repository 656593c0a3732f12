#include "surface_text.h"

#include "text_table.h"

#include "recoscope/core/event.h"

#include <QJsonObject>

#include <cmath>

namespace recoscope::sim {

void writeSurfaceText(const QJsonValue& surfaces, QTextStream& out) {
    if (!surfaces.isObject()) {
        out << "Per surface: not recorded for this run (stored before per-surface figures "
               "existed)\n\n";
        return;
    }
    TextTable t(QStringLiteral("Per surface (carts, purchases and revenue attributed to the "
                               "surface's slates; docs/metrics.md)"),
                {QStringLiteral("surface"), QStringLiteral("core"), QStringLiteral("slates"),
                 QStringLiteral("impressions"), QStringLiteral("clicks"), QStringLiteral("CTR"),
                 QStringLiteral("carts"), QStringLiteral("purchases"), QStringLiteral("revenue"),
                 QStringLiteral("p95 us")});
    t.alignLeft(0);
    t.alignLeft(1);
    auto count = [](const QJsonValue& v) {
        return QString::number(static_cast<qint64>(std::llround(v.toDouble())));
    };
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const QString name =
            QString::fromLatin1(core::surfaceName(static_cast<core::Surface>(s)).data());
        const QJsonObject o = surfaces.toObject().value(name).toObject();
        const bool shown = o.value(QStringLiteral("impressions")).toDouble() > 0.0;
        t.addRow({name,
                  o.value(QStringLiteral("core")).toString() +
                      (o.value(QStringLiteral("own_core")).toBool() ? QString()
                                                                    : QStringLiteral(" (main)")),
                  count(o.value(QStringLiteral("requests"))),
                  count(o.value(QStringLiteral("impressions"))),
                  count(o.value(QStringLiteral("clicks"))),
                  shown ? TextTable::percent(o.value(QStringLiteral("ctr")).toDouble(), 2)
                        : QStringLiteral("-"),
                  count(o.value(QStringLiteral("carts"))),
                  count(o.value(QStringLiteral("purchases"))),
                  TextTable::number(o.value(QStringLiteral("revenue")).toDouble(), 2),
                  TextTable::number(o.value(QStringLiteral("latency_us"))
                                        .toObject()
                                        .value(QStringLiteral("p95"))
                                        .toDouble(),
                                    1)});
    }
    t.write(out);
}

} // namespace recoscope::sim
