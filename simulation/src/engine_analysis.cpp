// Engine's live analyses, apart from engine.cpp (the simulator's loop) to keep that file
// within bounds.

#include "recoscope/sim/engine.h"

#include "recoscope/sim/run_analysis.h"

#include <QJsonObject>

namespace recoscope::sim {

void Engine::setAnalysisEnabled(bool enabled) {
    if (!enabled)
        m_analysis.reset();
    else if (!m_analysis)
        m_analysis = std::make_unique<RunAnalysis>(m_scenario, m_world, m_seed);
}

QJsonObject Engine::analysisJson() const {
    if (!m_analysis)
        return {};
    QJsonObject o = m_analysis->toJson(m_now);
    o.insert(QStringLiteral("regret"),
             QJsonObject{{QStringLiteral("mean_per_slate"), meanSlateRegret()},
                         {QStringLiteral("mean_per_session"), meanSessionRegret()},
                         {QStringLiteral("samples"), static_cast<double>(m_regretSamples)}});
    o.insert(QStringLiteral("shop"),
             QJsonObject{{QStringLiteral("stock_outs"), static_cast<double>(m_state.stockOuts)},
                         {QStringLiteral("lost_sales"), static_cast<double>(lostSales())},
                         {QStringLiteral("skipped_visits"), static_cast<double>(m_skippedVisits)},
                         {QStringLiteral("churned_users"), static_cast<double>(m_churnedUsers)},
                         {QStringLiteral("available_items"),
                          static_cast<double>(m_world.items.availableCount)}});
    return o;
}

} // namespace recoscope::sim
