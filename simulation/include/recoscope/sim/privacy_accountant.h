#pragma once
// The privacy accountant of a run (decisions/0032): one row per release of noisy counts,
// with the epsilon it spent. Sequential composition: the epsilon a day spends is the sum
// over that day's releases, the run's total the sum over its days (a user's events of a
// day may all fall into one release, so releases of one day are not disjoint in users).
// Plain values; one thread.

#include <QJsonArray>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

struct PrivacyRelease {
    std::int64_t window = 0;      ///< release index since the start: day x releases_per_day + slot
    std::int64_t day = 0;         ///< simulated day the counts come from
    double epsilon = 0.0;         ///< budget spent: noise scale = cap / epsilon
    std::uint64_t cells = 0;      ///< counts released (items x event kinds)
    std::uint64_t trueEvents = 0; ///< events counted into this release (after the cap)
    std::uint64_t releasedEvents = 0; ///< sum of the published counts (noisy, thresholded)
};

class PrivacyAccountant {
public:
    void record(const PrivacyRelease& release) { m_releases.push_back(release); }
    const std::vector<PrivacyRelease>& releases() const { return m_releases; }
    /// Epsilon spent by the releases of `day` (sum over them).
    double spentOnDay(std::int64_t day) const;
    /// Epsilon spent over the run: the sum over every release.
    double totalSpent() const;
    /// The most any one day spent.
    double maxDaySpent() const;
    /// [{day, releases, epsilon}] in day order, one entry per day with a release.
    QJsonArray daysJson() const;

private:
    std::vector<PrivacyRelease> m_releases;
};

} // namespace recoscope::sim
