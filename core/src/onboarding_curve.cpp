#include "recoscope/core/onboarding_curve.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"

#include <cmath>
#include <limits>

namespace recoscope::core {

double OnboardingCurve::Cell::ctr() const {
    return impressions ? static_cast<double>(clicks) / static_cast<double>(impressions) : 0.0;
}

OnboardingCurve::OnboardingCurve(const UserTable& users,
                                 const std::vector<std::vector<std::uint32_t>>* stated)
    : m_users(&users), m_stated(stated) {
    // Read for the user of every slate: on a million users, at random (huge_pages.h).
    assignOnHugePages(m_sessions, users.size(), 0);
    assignOnHugePages(m_lastSession, users.size(), 0);
    for (UserId u = 0; u < users.size(); ++u) {
        if (users.joinTime[u] <= 0.0)
            continue;
        const bool answered = stated && u < stated->size() && !(*stated)[u].empty();
        ++m_figures.newcomers[answered ? Answered : Silent];
        if (m_firstJoin < 0.0 || users.joinTime[u] < m_firstJoin)
            m_firstJoin = users.joinTime[u];
    }
}

void OnboardingCurve::prefetch(UserId user) const {
    if (!m_users || user >= m_sessions.size() || !prefetchPays(m_sessions.size()))
        return;
    __builtin_prefetch(&m_sessions[user]);
    __builtin_prefetch(&m_lastSession[user]);
    __builtin_prefetch(&m_users->joinTime[user]);
}

void OnboardingCurve::onSlate(UserId user, std::uint64_t session, SimTime time, std::size_t size,
                              int clicked) {
    if (!m_users || user >= m_sessions.size() || size == 0)
        return;
    std::uint16_t& n = m_sessions[user];
    const bool firstOfSession = m_lastSession[user] != session;
    m_lastSession[user] = session;
    if (firstOfSession && n < std::numeric_limits<std::uint16_t>::max())
        ++n;
    const std::uint64_t click = clicked >= 0 ? 1 : 0;
    if (m_users->joinTime[user] <= 0.0) {
        // Before the first newcomer the core has not yet met anyone new: not comparable.
        if (m_firstJoin >= 0.0 && time >= m_firstJoin) {
            m_figures.established.impressions += size;
            m_figures.established.clicks += click;
        }
        return;
    }
    const bool answered = m_stated && user < m_stated->size() && !(*m_stated)[user].empty();
    const int g = answered ? Answered : Silent;
    if (firstOfSession && n == 1)
        ++m_figures.reached[g];
    if (n < 1 || n > kSessions)
        return;
    Cell& c = m_figures.bySession[g][n - 1];
    c.impressions += size;
    c.clicks += click;
}

int OnboardingCurve::sessionsToParity(const std::array<Cell, kSessions>& bySession,
                                      const Cell& established) {
    if (established.impressions == 0)
        return 0;
    const double p = established.ctr();
    // "Not significantly below" (one-sided 97.5 %) rather than "at least p": a session
    // index with a few hundred impressions cannot tell p from p minus a little, and
    // CTR_n >= p alone would make the figure a coin toss once the curves meet.
    for (int n = 0; n < kSessions; ++n) {
        const Cell& c = bySession[static_cast<std::size_t>(n)];
        if (c.impressions < kMinImpressions)
            continue;
        const double se = std::sqrt(p * (1.0 - p) / static_cast<double>(c.impressions));
        if (c.ctr() >= p - 1.96 * se)
            return n + 1;
    }
    return 0;
}

} // namespace recoscope::core
