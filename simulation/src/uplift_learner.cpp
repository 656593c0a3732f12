#include "recoscope/sim/uplift_learner.h"

#include <cmath>

namespace recoscope::sim {

double UpliftLearner::Model::predict(const Features& x) const {
    double z = 0.0;
    for (int k = 0; k < kFeatures; ++k)
        z += w[k] * x[k];
    return 1.0 / (1.0 + std::exp(-z));
}

void UpliftLearner::Model::update(const Features& x, bool y) {
    // Log-loss gradient step with a rate that decays as 1/sqrt(n): fast to leave the
    // 0.5 prior, then steady enough not to chase each line. A little L2 keeps weights of
    // rare features from drifting.
    const double rate = 0.1 / std::sqrt(1.0 + double(n) / 500.0);
    const double err = (y ? 1.0 : 0.0) - predict(x);
    for (int k = 0; k < kFeatures; ++k)
        w[k] += rate * (err * x[k] - (k > 0 ? 1e-4 * w[k] : 0.0));
    ++n;
}

double UpliftLearner::uplift(const Features& x) const {
    if (m_treated.n == 0 || m_control.n == 0)
        return 0.0;
    return m_treated.predict(x) - m_control.predict(x);
}

void UpliftLearner::learn(const Features& x, bool coupon, bool bought) {
    (coupon ? m_treated : m_control).update(x, bought);
}

} // namespace recoscope::sim
