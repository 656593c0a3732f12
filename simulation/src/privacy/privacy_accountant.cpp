#include "recoscope/sim/privacy_accountant.h"

#include <QJsonObject>

#include <algorithm>
#include <map>

namespace recoscope::sim {

double PrivacyAccountant::spentOnDay(std::int64_t day) const {
    double sum = 0.0;
    for (const PrivacyRelease& r : m_releases)
        if (r.day == day)
            sum += r.epsilon;
    return sum;
}

double PrivacyAccountant::totalSpent() const {
    double sum = 0.0;
    for (const PrivacyRelease& r : m_releases)
        sum += r.epsilon;
    return sum;
}

double PrivacyAccountant::maxDaySpent() const {
    double most = 0.0;
    for (const PrivacyRelease& r : m_releases)
        most = std::max(most, spentOnDay(r.day));
    return most;
}

QJsonArray PrivacyAccountant::daysJson() const {
    // Ordered by day (releases arrive in time order already; the map makes it explicit).
    std::map<std::int64_t, std::pair<int, double>> byDay;
    for (const PrivacyRelease& r : m_releases) {
        auto& d = byDay[r.day];
        ++d.first;
        d.second += r.epsilon;
    }
    QJsonArray days;
    for (const auto& [day, d] : byDay)
        days.append(QJsonObject{{QStringLiteral("day"), static_cast<double>(day)},
                                {QStringLiteral("releases"), d.first},
                                {QStringLiteral("epsilon"), d.second}});
    return days;
}

} // namespace recoscope::sim
