#include "compare_surfaces.h"

#include "recoscope/sim/paired_stats.h"
#include "recoscope/sim/surface_assignments.h"

#include "text_table.h"

namespace recoscope::sim {

QString applyCompareSurfaces(const QStringList& arguments, const QStringList& labels,
                             ArenaSpec& spec, const core::RecommenderRegistry& registry) {
    for (ArenaSpec::Core& c : spec.cores)
        c.surfaces = spec.scenario.surfaces;
    for (const QString& arg : arguments) {
        // The label ends at the last dot before the first '=' (values may hold dots).
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const qsizetype dot = eq < 0 ? -1 : arg.left(eq).lastIndexOf(QLatin1Char('.'));
        qsizetype only = -1;
        if (dot > 0) {
            only = labels.indexOf(arg.left(dot));
            if (only < 0)
                return QStringLiteral("--surface '%1': no core labelled '%2' (the cores are %3)")
                    .arg(arg, arg.left(dot), labels.join(QStringLiteral(", ")));
        }
        const QString rest = dot > 0 ? arg.mid(dot + 1) : arg;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (only >= 0 && i != only)
                continue;
            ArenaSpec::Core& c = spec.cores[static_cast<std::size_t>(i)];
            if (core::Status st = applySurfaceArgument(*c.surfaces, rest); !st)
                return QString::fromStdString(st.error());
        }
    }
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const ArenaSpec::Core& c = spec.cores[static_cast<std::size_t>(i)];
        if (core::Status st = checkSurfaceCores(*c.surfaces, registry,
                                                QStringLiteral("--surface %1.").arg(labels[i]));
            !st)
            return QString::fromStdString(st.error());
    }
    return {};
}

void CompareSurfaceTally::add(std::size_t core, const core::SurfaceTotals& totals) {
    if (core == 0)
        ++m_seeds;
    core::SurfaceTotals& t = m_totals[core];
    for (std::size_t s = 0; s < t.size(); ++s) {
        core::SurfaceCounters& a = t[s].counters;
        const core::SurfaceCounters& b = totals[s].counters;
        a.requests += b.requests;
        a.impressions += b.impressions;
        a.clicks += b.clicks;
        a.carts += b.carts;
        a.purchases += b.purchases;
        a.revenue += b.revenue;
        t[s].latencyP50us += totals[s].latencyP50us;
        t[s].latencyP95us += totals[s].latencyP95us;
        t[s].latencyP99us += totals[s].latencyP99us;
    }
}

QJsonObject CompareSurfaceTally::json(std::size_t core, const SurfaceAssignments& assignments,
                                      const QString& mainCore) const {
    core::SurfaceTotals t = m_totals[core];
    const double seeds = std::max(1, m_seeds);
    for (core::SurfaceFigures& f : t) {
        f.latencyP50us /= seeds;
        f.latencyP95us /= seeds;
        f.latencyP99us /= seeds;
    }
    return surfaceTotalsJson(t, assignments, mainCore);
}

void CompareSurfaceTally::writeText(const QStringList& labels, const ArenaSpec& spec,
                                    QTextStream& out) const {
    QStringList headers{QStringLiteral("surface")};
    for (const QString& l : labels)
        headers << l + QStringLiteral(": core") << QStringLiteral("CTR [95 % Wilson]");
    TextTable t(QStringLiteral("Per surface: CTR of each configuration (impressions counted as "
                               "independent trials; the paired test above is the stricter one)"),
                headers);
    t.alignLeft(0);
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        QStringList row{
            QString::fromLatin1(core::surfaceName(static_cast<core::Surface>(s)).data())};
        for (std::size_t i = 0; i < m_totals.size(); ++i) {
            const core::SurfaceCounters& c = m_totals[i][static_cast<std::size_t>(s)].counters;
            const ArenaSpec::Core& arm = spec.cores[i];
            const QString own = arm.surfaces
                                    ? arm.surfaces->normalised().at(static_cast<core::Surface>(s))
                                    : QString();
            row << (own.isEmpty() ? QString::fromStdString(arm.recommender) : own);
            if (c.impressions == 0) {
                row << QStringLiteral("-");
                continue;
            }
            const Interval w = wilsonInterval(static_cast<double>(c.clicks),
                                              static_cast<double>(c.impressions), 0.95);
            row << QStringLiteral("%1 [%2, %3]")
                       .arg(TextTable::percent(c.ctr(), 2), TextTable::percent(w.low, 2),
                            TextTable::percent(w.high, 2));
        }
        t.addRow(row);
    }
    t.write(out);
}

} // namespace recoscope::sim
