#include "recoscope/sim/ope_estimators.h"

#include "recoscope/core/slate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace recoscope::sim {

namespace {

// Two-sided 95 % normal quantile. Slates number in the thousands, so the t correction
// would change the third significant digit at most.
constexpr double kZ95 = 1.959963984540054;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string pct(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * share);
    return buf;
}

} // namespace

PositionClickModel PositionClickModel::fit(const std::vector<OpeSlate>& log, double prior) {
    PositionClickModel m;
    std::vector<double> shown, clicks;
    double allShown = 0.0, allClicks = 0.0;
    core::ItemId maxItem = 0;
    for (const OpeSlate& s : log) {
        if (s.logged.size() > shown.size()) {
            shown.resize(s.logged.size(), 0.0);
            clicks.resize(s.logged.size(), 0.0);
        }
        for (std::size_t k = 0; k < s.logged.size(); ++k) {
            shown[k] += 1.0;
            maxItem = std::max(maxItem, s.logged[k]);
        }
        allShown += static_cast<double>(s.logged.size());
        if (s.clicked >= 0) {
            clicks[static_cast<std::size_t>(s.clicked)] += 1.0;
            allClicks += 1.0;
        }
    }
    m.m_overall = allShown > 0.0 ? allClicks / allShown : 0.0;
    m.m_rho.resize(shown.size());
    for (std::size_t k = 0; k < shown.size(); ++k)
        m.m_rho[k] = shown[k] > 0.0 ? clicks[k] / shown[k] : m.m_overall;
    // Attractiveness: observed clicks over the clicks an average item would have had in the
    // same positions, a Bayesian ratio with `prior` pseudo expected clicks at gamma = 1.
    std::vector<double> expected(log.empty() ? 0 : std::size_t(maxItem) + 1, 0.0);
    std::vector<double> got(expected.size(), 0.0);
    for (const OpeSlate& s : log)
        for (std::size_t k = 0; k < s.logged.size(); ++k) {
            expected[s.logged[k]] += m.m_rho[k];
            if (static_cast<int>(k) == s.clicked)
                got[s.logged[k]] += 1.0;
        }
    m.m_gamma.resize(expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        m.m_gamma[i] = (got[i] + prior) / (expected[i] + prior);
    return m;
}

double PositionClickModel::positionCtr(std::size_t position) const {
    return position < m_rho.size() ? m_rho[position] : m_overall;
}

double PositionClickModel::attractiveness(core::ItemId item) const {
    return item < m_gamma.size() ? m_gamma[item] : 1.0;
}

double PositionClickModel::predict(core::ItemId item, std::size_t position) const {
    return std::min(1.0, positionCtr(position) * attractiveness(item));
}

OpeEstimate ratioEstimate(const std::string& name, const std::vector<double>& y,
                          const std::vector<double>& z) {
    OpeEstimate e;
    e.name = name;
    const std::size_t n = std::min(y.size(), z.size());
    double sy = 0.0, sz = 0.0;
    for (std::size_t j = 0; j < n; ++j)
        sy += y[j], sz += z[j];
    if (n < 2 || sz <= 0.0) {
        e.value = e.low = e.high = e.stdError = kNaN;
        e.valid = false;
        e.problem = n < 2 ? "fewer than two slates" : "nothing to normalise by (zero weight)";
        return e;
    }
    e.value = sy / sz;
    // Delta method for a ratio of means: Var(r) ~ Var(y - r z) / (n mean(z)^2).
    double ss = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
        const double d = y[j] - e.value * z[j];
        ss += d * d;
    }
    const double meanZ = sz / static_cast<double>(n);
    e.stdError = std::sqrt(ss / (static_cast<double>(n) * static_cast<double>(n - 1))) / meanZ;
    e.low = e.value - kZ95 * e.stdError;
    e.high = e.value + kZ95 * e.stdError;
    return e;
}

OpeEstimates estimateOffPolicy(const std::vector<OpeSlate>& log) {
    OpeEstimates out;
    out.slates = log.size();
    const PositionClickModel model = PositionClickModel::fit(log);
    const std::size_t n = log.size();
    std::vector<double> ips(n), weight(n), dm(n), dr(n), size(n), loggedClicks(n), loggedSize(n),
        matched(n);
    bool allOne = true;
    for (std::size_t j = 0; j < n; ++j) {
        const OpeSlate& s = log[j];
        const std::size_t common = std::min(s.logged.size(), s.target.size());
        size[j] = static_cast<double>(s.target.size());
        loggedSize[j] = static_cast<double>(s.logged.size());
        loggedClicks[j] = s.clicked >= 0 ? 1.0 : 0.0;
        out.positionsBeyondLog += static_cast<double>(s.target.size() - common);
        for (float p : s.propensities) {
            allOne = allOne && p == 1.0f;
            out.unknownPropensities = out.unknownPropensities || !core::propensityKnown(p);
        }
        for (std::size_t k = 0; k < s.target.size(); ++k)
            dm[j] += model.predict(s.target[k], k);
        dr[j] = dm[j];
        for (std::size_t k = 0; k < common; ++k) {
            if (s.target[k] != s.logged[k])
                continue;
            matched[j] += 1.0;
            const double w = 1.0 / static_cast<double>(s.propensities[k]);
            const double c = static_cast<int>(k) == s.clicked ? 1.0 : 0.0;
            weight[j] += w;
            ips[j] += w * c;
            dr[j] += w * (c - model.predict(s.logged[k], k));
        }
    }
    out.deterministicLogger = n > 0 && allOne;
    double sumSize = 0.0, sumMatched = 0.0;
    for (std::size_t j = 0; j < n; ++j)
        sumSize += size[j], sumMatched += matched[j];
    out.impressions = sumSize;
    out.matchRate = sumSize > 0.0 ? sumMatched / sumSize : kNaN;
    out.loggedCtr = ratioEstimate("logged", loggedClicks, loggedSize).value;
    out.support = ratioEstimate("support", weight, size);

    OpeEstimate eIps = ratioEstimate("ips", ips, size);
    OpeEstimate eSnips = ratioEstimate("snips", ips, weight);
    OpeEstimate eDm = ratioEstimate("dm", dm, size);
    OpeEstimate eDr = ratioEstimate("dr", dr, size);

    std::string deficiency;
    if (out.unknownPropensities) {
        // 1 / NaN poisons every weighted sum: nothing weighted can be reported.
        const std::string why = "the logger's propensities are unknown (a sampler without a "
                                "closed form, e.g. thompson): importance weights cannot be formed";
        for (OpeEstimate* e : {&eIps, &eSnips, &eDr, &out.support}) {
            e->value = e->low = e->high = e->stdError = kNaN;
            e->valid = false;
            e->problem = why;
        }
    } else if (out.deterministicLogger && (out.matchRate < 1.0 || out.positionsBeyondLog > 0.0)) {
        deficiency = "support deficiency: " + pct(1.0 - out.matchRate) +
                     " of the target's impressions show an item the deterministic logger never "
                     "shows there (probability 0)";
    } else if (!out.deterministicLogger && out.support.high < 1.0) {
        deficiency = "support deficiency: the importance weights average " +
                     pct(out.support.value) + " (95 % interval up to " + pct(out.support.high) +
                     ") instead of 100 %: part of the target's choices lie outside the "
                     "logger's support";
    }
    if (!deficiency.empty())
        for (OpeEstimate* e : {&eIps, &eSnips, &eDr}) {
            e->valid = false;
            e->problem =
                e == &eDr ? deficiency + "; DR relies on the click model there" : deficiency;
        }
    out.estimates = {eIps, eSnips, eDm, eDr};
    return out;
}

} // namespace recoscope::sim
