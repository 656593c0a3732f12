#pragma once
// The plain version of core::BeyondAccuracy's activity figures (active users, return rate,
// retention by cohort) as they stood before the fourth simulator-step round (main
// ddc698a): the day of every event from floor(t / 86400), cohorts in a map looked up per
// new active day. tst_beyond_accuracy_bits feeds it the events it gives the accumulator
// and compares the buckets' activity and the retention table bit for bit.

#include "recoscope/core/beyond_accuracy_point.h"
#include "recoscope/core/event.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <vector>

namespace recoscope::test {

class ReferenceActivity {
public:
    void onEvent(const core::Event& e) {
        if (e.user == core::kNoUser)
            return;
        if (e.user >= m_users.size())
            m_users.resize(static_cast<std::size_t>(e.user) + 1);
        User& u = m_users[e.user];
        if (u.lastBucket != m_bucketIndex) {
            ++m_bucketActive;
            if (u.lastBucket >= 0)
                ++m_bucketReturning;
            u.lastBucket = m_bucketIndex;
        }
        const auto day = static_cast<std::int32_t>(std::floor(e.time / core::kSecondsPerDay));
        if (u.firstDay < 0) {
            u.firstDay = day;
            ++m_everActive;
        }
        if (u.lastDay >= 0 && u.lastDay != day && !u.multiDay) {
            u.multiDay = true;
            ++m_multiDay;
        }
        u.lastDay = day;
        m_lastDaySeen = std::max(m_lastDaySeen, day);
        const std::int32_t d = day - u.firstDay;
        if (d < 8 && !(u.retentionBits & (1u << d))) {
            u.retentionBits = static_cast<std::uint8_t>(u.retentionBits | (1u << d));
            auto& row = m_cohort[u.firstDay];
            row.resize(8, 0);
            ++row[static_cast<std::size_t>(d)];
        }
    }

    /// The bucket's active users and return rate; the next bucket starts.
    void take(core::BeyondAccuracyPoint& p) {
        p.activeUsers = m_bucketActive;
        p.returnRate = m_bucketActive ? static_cast<double>(m_bucketReturning) /
                                            static_cast<double>(m_bucketActive)
                                      : 0.0;
        m_bucketActive = m_bucketReturning = 0;
        ++m_bucketIndex;
    }
    void total(core::BeyondAccuracyPoint& p) const {
        p.activeUsers = m_everActive;
        p.returnRate = m_everActive
                           ? static_cast<double>(m_multiDay) / static_cast<double>(m_everActive)
                           : 0.0;
    }

    core::RetentionTable retentionTable(int days) const {
        days = std::clamp(days, 1, 8);
        core::RetentionTable out;
        if (m_cohort.empty())
            return out;
        const std::int32_t first = m_cohort.begin()->first;
        out.firstDay = first;
        for (std::int32_t c = first; c <= m_lastDaySeen; ++c) {
            std::vector<double> row(static_cast<std::size_t>(days), 0.0);
            const auto it = m_cohort.find(c);
            for (int d = 0; d < days; ++d) {
                double& v = row[static_cast<std::size_t>(d)];
                if (c + d > m_lastDaySeen || it == m_cohort.end())
                    v = std::numeric_limits<double>::quiet_NaN();
                else if (it->second[0] > 0)
                    v = static_cast<double>(it->second[static_cast<std::size_t>(d)]) /
                        static_cast<double>(it->second[0]);
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

private:
    struct User {
        std::int32_t firstDay = -1, lastDay = -1, lastBucket = -1;
        std::uint8_t retentionBits = 0;
        bool multiDay = false;
    };
    std::vector<User> m_users;
    std::int32_t m_bucketIndex = 0, m_lastDaySeen = -1;
    std::uint64_t m_bucketActive = 0, m_bucketReturning = 0, m_everActive = 0, m_multiDay = 0;
    std::map<std::int32_t, std::vector<std::uint64_t>> m_cohort;
};

} // namespace recoscope::test
