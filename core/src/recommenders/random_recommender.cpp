#include "random_recommender.h"

#include "block_mt19937.h"
#include "recoscope/core/candidates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

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
        // The picks go to a local array (the slate is written once at the end), so the
        // loop keeps its count, the table pointers and the masks in registers instead of
        // reloading the slate's end after every store (about 85 instructions per draw
        // before, most of them bookkeeping around a 20-instruction Mersenne Twister draw).
        std::array<ItemId, kLocalPicks> local;
        if (k > kLocalPicks)
            m_picks.resize(k);
        ItemId* const picks = k > kLocalPicks ? m_picks.data() : local.data();
        const std::size_t count =
            drawPicks(request, static_cast<std::uint32_t>(n), k, maxTries, picks);
        out.reserve(k);
        for (std::size_t i = 0; i < count; ++i)
            out.push_back({picks[i], 0.0f, propensity});
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
    static constexpr std::size_t kLocalPicks = 64;

    // Up to k distinct eligible items, drawn one uniformBelow(n) per try for at most
    // maxTries tries, into picks[0, count); returns count. A draw is accepted exactly when
    // isEligible(m_items, request, item) holds and it is not yet picked: the same draws and
    // the same picks as the plain loop (tst_random_draws compares them slate by slate).
    //
    // Two bit masks (bit id mod 64) spare the exact tests for most draws: `blocked` holds
    // the context item's and every excluded id's bit, `picked` every pick's. A draw whose
    // bit is in neither is neither excluded nor a repeat; only the others (about one in 13
    // on `default`: 0.8 of 11 draws a request) go through request.excludes() and the scan.
    std::size_t drawPicks(const Request& request, std::uint32_t n, std::size_t k,
                          std::size_t maxTries, ItemId* picks) {
        const std::uint8_t* const available = m_items.available.data();
        // uniformBelow(n) < n: inside the table when it covers the catalogue (as the
        // simulator's does); otherwise isAvailable's bound check stays.
        const bool covered = m_items.available.size() >= n;
        std::uint64_t blocked = 0;
        if (request.contextItem < n)
            blocked |= bitOf(request.contextItem);
        for (const ItemId item : request.exclude)
            if (item < n)
                blocked |= bitOf(item);
        std::uint64_t picked = 0;
        std::size_t count = 0;
        for (std::size_t tries = 0; count < k && tries < maxTries; ++tries) {
            const ItemId item = uniformBelow(n);
            if (covered ? available[item] == 0 : !m_items.isAvailable(item))
                continue;
            const std::uint64_t bit = bitOf(item);
            if (((blocked | picked) & bit) != 0) {
                if ((blocked & bit) != 0 && request.excludes(item))
                    continue;
                if ((picked & bit) != 0 && std::find(picks, picks + count, item) != picks + count)
                    continue;
            }
            picked |= bit;
            picks[count++] = item;
        }
        return count;
    }

    static std::uint64_t bitOf(ItemId item) { return std::uint64_t(1) << (item & 63u); }

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
    BlockMt19937 m_rng;          // boost::random::mt19937's numbers, tempered a block at a time
    std::vector<ItemId> m_picks; // the picks of slates longer than kLocalPicks
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
