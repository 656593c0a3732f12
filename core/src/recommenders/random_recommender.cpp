#include "random_recommender.h"

#include "recoscope/core/candidates.h"

#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <cstdint>

namespace recoscope::core {

namespace {

class RandomRecommender final : public Recommender {
public:
    explicit RandomRecommender(const RecommenderContext& ctx)
        : m_items(*ctx.items), m_rng(static_cast<std::uint32_t>(ctx.seed ^ (ctx.seed >> 32))) {}

    void observe(const Event&) override {}

    void recommend(const Request& request, Slate& out) override {
        out.clear();
        const std::size_t n = m_items.size();
        const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
        if (n == 0 || k == 0)
            return;
        // Rejection sampling: cheap while most items are eligible; bounded so that a
        // nearly empty shop falls back to a full permutation scan. Each accepted draw is
        // uniform over the eligible items not yet shown, so by symmetry every eligible item
        // lands at every position with probability 1 / eligible: the propensity logged for
        // off-policy evaluation (docs/ope.md). The fall-back's fill-ins follow a seeded
        // affine permutation whose marginals have no closed form: logged as unknown.
        const float propensity =
            1.0f / static_cast<float>(std::max<std::size_t>(eligibleCount(m_items, request), 1));
        const std::size_t maxTries = 16 * k + 64;
        // Bit (id mod 64) of every item picked so far: a draw whose bit is clear is new
        // without scanning the slate (most draws, for slates of ten).
        std::uint64_t picked = 0;
        for (std::size_t tries = 0; out.size() < k && tries < maxTries; ++tries) {
            const ItemId item = uniformBelow(static_cast<std::uint32_t>(n));
            if (!isEligible(m_items, request, item))
                continue;
            const std::uint64_t bit = std::uint64_t(1) << (item & 63u);
            if ((picked & bit) != 0 &&
                std::any_of(out.begin(), out.end(),
                            [item](const SlateEntry& e) { return e.item == item; }))
                continue;
            picked |= bit;
            out.push_back({item, 0.0f, propensity});
        }
        if (out.size() < k) {
            fillSlate(m_items, request, out, m_rng(), 0.0f);
            for (SlateEntry& e : out)
                e.propensity = kUnknownPropensity;
        }
    }

    Explanation explain(const Request&, const SlateEntry& entry) const override {
        return ExplanationBuilder(Explanation::Basis::Placeholder)
            .text("Picked uniformly at random among the ")
            .fact("available items", static_cast<double>(m_items.availableCount), Quantity::Count,
                  0)
            .text(" available items; ")
            .item(m_items, entry.item)
            .text(" carries no learned preference (its score only keeps the order).")
            .take();
    }

private:
    // Unbiased uniform integer in [0, n) by Lemire's multiply-and-reject ("Fast random
    // integer generation in an interval", 2019): one multiplication per draw and a
    // division only in the rare rejection case. boost::random's uniform_int_distribution
    // divides on every call, which made this core a tenth of the simulator's time.
    std::uint32_t uniformBelow(std::uint32_t n) {
        std::uint64_t m = std::uint64_t(m_rng()) * n;
        auto low = static_cast<std::uint32_t>(m);
        if (low < n) {
            const std::uint32_t threshold = (0u - n) % n;
            while (low < threshold) {
                m = std::uint64_t(m_rng()) * n;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

    const ItemTable& m_items;
    boost::random::mt19937 m_rng;
};

} // namespace

RecommenderEntry randomRecommenderEntry() {
    RecommenderEntry e;
    e.id = "random";
    e.description = "Uniformly random available items: the floor every learning core must beat";
    e.family = "baseline";
    e.make = [](const RecommenderContext& ctx, const ParamValues&,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new RandomRecommender(ctx));
    };
    return e;
}

} // namespace recoscope::core
