#pragma once
// OnboardingCurve: how fast newcomers catch up (docs/metrics.md, "New-user onboarding").
// Newcomers are the shoppers who join during the run (UserTable::joinTime > 0); each is
// counted in one of two groups, those who answered the signup questionnaire (a non-empty
// stated-category list) and those who did not. For each group, impressions and clicks of
// the slates served in the newcomers' n-th session (n = 1 .. kSessions; a session counts
// from its first slate). Established shoppers (joinTime == 0) are counted over the slates
// served from the first newcomer's join time on, so both sides see the core at the same
// stage of learning. Single-threaded; memory: one counter per user.

#include "recoscope/core/shop.h"
#include "recoscope/core/types.h"

#include <array>
#include <cstdint>
#include <vector>

namespace recoscope::core {

class OnboardingCurve {
public:
    static constexpr int kSessions = 10;
    /// Fewest impressions a session index needs before it may count as having caught up.
    static constexpr std::uint64_t kMinImpressions = 100;

    struct Cell {
        std::uint64_t impressions = 0, clicks = 0;
        double ctr() const;
    };
    enum Group { Answered = 0, Silent = 1 };
    struct Figures {
        std::uint64_t newcomers[2] = {0, 0}; ///< newcomers in each group (whether seen or not)
        std::uint64_t reached[2] = {0, 0};   ///< ... of whom had at least one session
        std::array<Cell, kSessions> bySession[2];
        Cell established;
    };

    OnboardingCurve() = default;
    /// `stated` may be null (no questionnaire); both must outlive the curve.
    OnboardingCurve(const UserTable& users, const std::vector<std::vector<std::uint32_t>>* stated);

    /// A slate of `size` items served to `user` at `time` in session `session` (an id unique
    /// to the session, never 0); `clicked` the clicked position or -1. Slates in time order;
    /// an empty slate counts nothing.
    void onSlate(UserId user, std::uint64_t session, SimTime time, std::size_t size, int clicked);

    /// A hint that onSlate() comes soon for `user`: the user's counters start loading. No
    /// value changes; nothing below prefetchPays users.
    void prefetch(UserId user) const;

    const Figures& figures() const { return m_figures; }
    bool hasNewcomers() const { return m_figures.newcomers[0] + m_figures.newcomers[1] > 0; }

    /// The first session index n (1-based) at which the group's CTR is not significantly
    /// below the established shoppers' CTR p: impressions_n >= kMinImpressions and
    /// CTR_n >= p - 1.96 sqrt(p (1 - p) / impressions_n). 0 when no n <= kSessions does.
    static int sessionsToParity(const std::array<Cell, kSessions>& bySession,
                                const Cell& established);

private:
    const UserTable* m_users = nullptr;
    const std::vector<std::vector<std::uint32_t>>* m_stated = nullptr;
    SimTime m_firstJoin = -1.0;               ///< earliest joinTime > 0, or -1
    std::vector<std::uint16_t> m_sessions;    ///< sessions seen per user (saturates)
    std::vector<std::uint64_t> m_lastSession; ///< id of each user's latest counted session
    Figures m_figures;
};

} // namespace recoscope::core
