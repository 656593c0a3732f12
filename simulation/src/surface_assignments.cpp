#include "recoscope/sim/surface_assignments.h"

#include <QJsonArray>
#include <QStringList>

namespace recoscope::sim {

namespace {

QString nameOf(int s) {
    return QString::fromLatin1(core::surfaceName(static_cast<core::Surface>(s)).data());
}

QString surfaceList() {
    QStringList names;
    for (int s = 0; s < core::kSurfaceCount; ++s)
        names << nameOf(s);
    return names.join(QStringLiteral(", "));
}

} // namespace

bool SurfaceAssignments::empty() const {
    for (const QString& s : specs)
        if (!s.trimmed().isEmpty())
            return false;
    return true;
}

SurfaceAssignments SurfaceAssignments::normalised() const {
    SurfaceAssignments out;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        auto spec = core::parseCoreSpec(specs[s].toStdString());
        if (!spec)
            out.specs[s] = specs[s];
        else if (spec.value())
            out.specs[s] = QString::fromStdString(core::formatCoreSpec(*spec.value()));
    }
    return out;
}

core::Result<core::SurfacePlan> surfacePlan(const SurfaceAssignments& a, const QString& where) {
    core::SurfacePlan plan;
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        auto spec = core::parseCoreSpec(a.specs[static_cast<std::size_t>(s)].toStdString());
        if (!spec)
            return core::Error{(where + nameOf(s)).toStdString() + ": " + spec.error()};
        plan.cores[static_cast<std::size_t>(s)] = std::move(spec).value();
    }
    return plan;
}

core::Status checkSurfaceCores(const SurfaceAssignments& a, const core::RecommenderRegistry& r,
                               const QString& where) {
    auto plan = surfacePlan(a, where);
    if (!plan)
        return core::Error{plan.error()};
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const auto& spec = plan.value().cores[static_cast<std::size_t>(s)];
        if (!spec)
            continue;
        const std::string at = (where + nameOf(s)).toStdString() + ": ";
        const core::RecommenderEntry* entry = r.find(spec->id);
        if (!entry)
            return core::Error{at + r.unknownIdMessage(spec->id)};
        if (auto params = core::resolveParams(entry->params, spec->params); !params)
            return core::Error{at + "recommender '" + spec->id + "': " + params.error()};
    }
    return core::Ok{};
}

core::Status applySurfaceArgument(SurfaceAssignments& a, const QString& argument) {
    const qsizetype eq = argument.indexOf(QLatin1Char('='));
    const QString name = argument.left(eq).trimmed();
    std::optional<core::Surface> surface = core::surfaceFromName(name.toStdString());
    if (eq < 0 || !surface)
        return core::Error{QStringLiteral("--surface %1: expected NAME=SPEC with NAME one of %2 "
                                          "(e.g. --surface cart=itemknn)")
                               .arg(argument, surfaceList())
                               .toStdString()};
    QString spec = argument.mid(eq + 1).trimmed();
    if (spec == QLatin1String("main"))
        spec.clear();
    if (auto parsed = core::parseCoreSpec(spec.toStdString()); !parsed)
        return core::Error{QStringLiteral("--surface %1: ").arg(argument).toStdString() +
                           parsed.error()};
    a.at(*surface) = spec;
    return core::Ok{};
}

QJsonObject surfaceTotalsJson(const core::SurfaceTotals& totals, const SurfaceAssignments& a,
                              const QString& mainCore) {
    QJsonObject out;
    const SurfaceAssignments n = a.normalised();
    for (int s = 0; s < core::kSurfaceCount; ++s) {
        const core::SurfaceFigures& f = totals[static_cast<std::size_t>(s)];
        const core::SurfaceCounters& c = f.counters;
        const QString& spec = n.specs[static_cast<std::size_t>(s)];
        auto count = [](std::uint64_t v) { return static_cast<double>(v); };
        out.insert(nameOf(s),
                   QJsonObject{{QStringLiteral("core"), spec.isEmpty() ? mainCore : spec},
                               {QStringLiteral("own_core"), !spec.isEmpty()},
                               {QStringLiteral("requests"), count(c.requests)},
                               {QStringLiteral("impressions"), count(c.impressions)},
                               {QStringLiteral("clicks"), count(c.clicks)},
                               {QStringLiteral("ctr"), c.ctr()},
                               {QStringLiteral("carts"), count(c.carts)},
                               {QStringLiteral("purchases"), count(c.purchases)},
                               {QStringLiteral("revenue"), c.revenue},
                               {QStringLiteral("latency_us"),
                                QJsonObject{{QStringLiteral("p50"), f.latencyP50us},
                                            {QStringLiteral("p95"), f.latencyP95us},
                                            {QStringLiteral("p99"), f.latencyP99us}}}});
    }
    return out;
}

} // namespace recoscope::sim
