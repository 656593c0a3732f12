#pragma once
// UserOutcomes: what one core did for each shopper of a run (sessions, impressions,
// clicks, purchases, revenue), the units of the arena's paired A/B statistics
// (docs/metrics.md, "A/B statistics"). With common random numbers the same user ids
// face every core, so the rows of two cores can be paired user by user. O(users) memory,
// O(1) per call; single-threaded.

#include "recoscope/core/event.h"
#include "recoscope/core/slate.h"

#include <cstdint>
#include <vector>

namespace recoscope::core {

class UserOutcomes {
public:
    struct Row {
        std::uint32_t sessions = 0;
        std::uint64_t events = 0;      ///< behavioural events (impressions excluded)
        std::uint64_t impressions = 0; ///< items shown to the user in slates
        std::uint64_t clicks = 0;      ///< clicks on those slates
        std::uint64_t recPurchases = 0;
        double revenue = 0.0, recRevenue = 0.0;
    };

    explicit UserOutcomes(std::size_t users = 0) : m_rows(users) {}

    void onSessionStart(UserId user);
    /// A slate of `size` items shown to `user`; `clicked` = clicked position or -1.
    void onSlate(UserId user, std::size_t size, int clicked);
    /// Counts events and purchases (revenue, attributed purchases); clicks come from
    /// onSlate so that a click counts with its slate.
    void onEvent(const Event& event);

    /// Sessions so far (0 for an unknown user).
    std::uint32_t sessions(UserId user) const;
    const std::vector<Row>& rows() const { return m_rows; }

private:
    Row* row(UserId user);
    std::vector<Row> m_rows;
};

} // namespace recoscope::core
