#include "compare_text.h"

#include "recoscope/core/beyond_accuracy_point.h"

namespace recoscope::sim {

// Decimals by scale: money and latency 2, counts 0, rates and other figures 5.
int decimalsFor(const std::string& m) {
    if (m.find("revenue") != std::string::npos || m.rfind("latency", 0) == 0 || m == "aov")
        return 2;
    const bool whole =
        m == "orders" || m == "active_users" || !core::BeyondAccuracyPoint::isStoredName(m);
    return m == "ctr" || m.rfind("cvr", 0) == 0 || m == "coverage" || m == "gini" || !whole ? 5 : 0;
}

QString methodText(std::size_t pairs) {
    return QStringLiteral("paired Student t over users (per-user values, docs/metrics.md), "
                          "95 % two-sided interval; Holm correction over the %1 pair(s) of "
                          "each metric; significant = Holm-adjusted p < 0.05")
        .arg(pairs);
}

} // namespace recoscope::sim
