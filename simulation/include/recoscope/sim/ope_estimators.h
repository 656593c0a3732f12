#pragma once
// Off-policy estimators of a target core's click-through rate from a logged run
// (docs/ope.md): per-position IPS, self-normalised IPS, the direct method with a
// position-based click model fitted on the log, and doubly robust; each with a 95 % interval
// by the central limit theorem over slates (ratio estimators by the delta method), and a
// support diagnostic. Pure computation on plain data: no store, no engine, no Qt.
//
// The model (item-position, Li et al. 2011 replay / per-position IPS): the click at position
// k depends only on the item there and on k. Then for every slate j and position k,
//   w_jk = 1[target item at k == logged item at k] / p_jk   (p_jk the logged propensity)
// gives E[w_jk c_jk] = the target's click probability at k, and E[w_jk] = the share of
// the target's choices at k that the logger could have made (1 under full support).

#include "recoscope/core/types.h"

#include <string>
#include <vector>

namespace recoscope::sim {

/// One logged slate and the target's answer to the same request.
struct OpeSlate {
    std::vector<core::ItemId> logged;
    std::vector<float> propensities; ///< per logged position; NaN = unknown
    int clicked = -1;                ///< logged clicked position, -1 = none
    std::vector<core::ItemId> target;
};

/// Position-based click model for the direct method: q(a, k) = min(1, rho_k * gamma_a), with
/// rho_k the logged CTR of position k and gamma_a the item's clicks over its expected clicks
/// (sum of rho_k over its impressions), shrunk towards 1 by `prior` expected clicks. Items never
/// shown get gamma = 1; positions never logged the overall CTR.
class PositionClickModel {
public:
    static PositionClickModel fit(const std::vector<OpeSlate>& log, double prior = 1.0);
    double predict(core::ItemId item, std::size_t position) const;
    double positionCtr(std::size_t position) const;
    double attractiveness(core::ItemId item) const;

private:
    std::vector<double> m_rho;
    std::vector<double> m_gamma; // by item id; missing = 1
    double m_overall = 0.0;
};

/// A ratio estimate sum(Y_j) / sum(Z_j) over slates with its delta-method interval.
struct OpeEstimate {
    std::string name; ///< "ips", "snips", "dm", "dr"
    double value = 0.0;
    double low = 0.0, high = 0.0; ///< 95 % interval
    double stdError = 0.0;
    /// False when the estimator cannot be trusted on this log (unknown propensities,
    /// support deficiency); `problem` says why. NaN value when it cannot be computed at all.
    bool valid = true;
    std::string problem;
};

struct OpeEstimates {
    std::size_t slates = 0;
    double impressions = 0.0; ///< positions the target filled: the CTR's denominator
    double loggedCtr = 0.0;   ///< the logger's own clicks / impressions
    double matchRate = 0.0;   ///< target positions showing the logged item
    /// Mean weight per target impression (sum w / impressions) with its interval: the share of
    /// the target's choices inside the logger's support, 1 under full support.
    OpeEstimate support;
    bool deterministicLogger = false; ///< every logged propensity is 1
    bool unknownPropensities = false; ///< some logged propensity is unknown (NaN)
    /// Target positions where the logger had no position (a longer target slate).
    double positionsBeyondLog = 0.0;
    std::vector<OpeEstimate> estimates; ///< ips, snips, dm, dr in this order
};

/// Computes every estimator on the log. At least two slates are needed (for the intervals);
/// with fewer every value is NaN.
OpeEstimates estimateOffPolicy(const std::vector<OpeSlate>& log);

/// sum(y) / sum(z) and its delta-method standard error, sqrt(sum((y - r z)^2) / (n (n-1))) /
/// mean(z). Exposed for the tests.
OpeEstimate ratioEstimate(const std::string& name, const std::vector<double>& y,
                          const std::vector<double>& z);

} // namespace recoscope::sim
