#pragma once
// A two-model ("T-learner") uplift estimate of a coupon: one online logistic regression
// learns P(buy | features, coupon) from the checkout lines that got a coupon, another
// P(buy | features, no coupon) from those that did not; the predicted uplift is their
// difference (decisions/0028). Features are what a shop observes at checkout (the
// line's price, the shopper's earlier carts and purchases, whether a recommendation led
// to the line), never the simulator's hidden truth.
//
// Deterministic: plain SGD in a fixed order, no random numbers. Not thread-safe.

#include <array>
#include <cstdint>

namespace recoscope::sim {

class UpliftLearner {
public:
    static constexpr int kFeatures = 6;
    /// [1, log(price / median), shopper's mean log price of earlier lines, logit of the
    /// shopper's smoothed purchase share of earlier lines, from a recommendation (0/1),
    /// log(1 + lines in this cart)].
    using Features = std::array<double, kFeatures>;

    double purchaseWithCoupon(const Features& x) const { return m_treated.predict(x); }
    double purchaseWithout(const Features& x) const { return m_control.predict(x); }
    /// Predicted rise in the purchase probability; 0 before either model has seen a line.
    double uplift(const Features& x) const;
    /// One observed checkout line: its features, whether it had a coupon, whether it was
    /// bought.
    void learn(const Features& x, bool coupon, bool bought);

    std::uint64_t treatedLines() const { return m_treated.n; }
    std::uint64_t controlLines() const { return m_control.n; }

private:
    struct Model {
        std::array<double, kFeatures> w{};
        std::uint64_t n = 0;
        double predict(const Features& x) const;
        void update(const Features& x, bool y);
    };
    Model m_treated, m_control;
};

} // namespace recoscope::sim
