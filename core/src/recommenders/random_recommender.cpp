#include "random_recommender.h"

#include "block_mt19937.h"
#include "recoscope/core/candidates.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace recoscope::core {

namespace {

class RandomRecommender final : public Recommender {
public:
    explicit RandomRecommender(const RecommenderContext& ctx)
        : m_items(*ctx.items), m_rng(static_cast<std::uint32_t>(ctx.seed ^ (ctx.seed >> 32))) {}

    void observe(const Event&) override {}

    void recommend(const Request& request, Slate& out) override {
        const std::size_t n = m_items.size();
        const std::size_t k = static_cast<std::size_t>(std::max(request.k, 0));
        if (n == 0 || k == 0) {
            out.clear();
            return;
        }
        // Rejection sampling: cheap while most items are eligible; bounded so that a
        // nearly empty shop falls back to a full permutation scan. Each accepted draw is
        // uniform over the eligible items not yet shown, so by symmetry every eligible item
        // lands at every position with probability 1 / eligible: the propensity logged for
        // off-policy evaluation (docs/ope.md). The fall-back's fill-ins follow a seeded
        // affine permutation whose marginals have no closed form: logged as unknown.
        const float propensity =
            1.0f / static_cast<float>(std::max<std::size_t>(eligibleCount(m_items, request), 1));
        const std::size_t maxTries = 16 * k + 64;
        // The picks are written in place: the slate is sized to k first (nothing to do when
        // the last answer had k entries, as in a run, where the engine hands the same slate
        // back) and trimmed to the picks after, instead of clear, reserve and a push_back
        // with its capacity test per pick.
        if (out.size() != k)
            out.resize(k);
        const std::size_t count =
            drawPicks(request, static_cast<std::uint32_t>(n), k, maxTries, propensity, out.data());
        if (count < k) {
            out.resize(count);
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
    // Up to k distinct eligible items, drawn one uniformBelow(n) per try for at most
    // maxTries tries, into slate[0, count) (score 0, `propensity`); returns count. A draw is
    // accepted exactly when isEligible(m_items, request, item) holds and it is not yet
    // picked: the same draws and the same picks as the plain loop (tst_random_draws
    // compares them slate by slate).
    //
    // A bit mask (bit id mod 64) spares the exact tests for most draws: `seen` holds the
    // context item's and every excluded id's bit (`blocked`) and every pick's. A draw whose
    // bit is not in it is neither excluded nor a repeat; only the others (about one in 13
    // on `default`) go through request.excludes() and the scan (fresh()).
    //
    // Most draws run in the tight loop: it reads the generator's tempered block in place
    // and counts picks against one bound, limit = min(k, count + draws left), where the
    // draws left are those before the block ends or the tries run out. An accepted draw
    // moves count and the draws left together, so the bound changes only on a rejection.
    // It stops at the end of a block (refilled, then on), and before a word that falls
    // in Lemire's rejection zone (low half below n: about n / 2^32 of draws): the plain
    // loop then redraws that word and finishes the request, as it does when the
    // availability table does not cover the catalogue.
    std::size_t drawPicks(const Request& request, std::uint32_t n, std::size_t k,
                          std::size_t maxTries, float propensity, SlateEntry* slate) {
        std::uint64_t blocked = 0;
        if (request.contextItem < n)
            blocked |= bitOf(request.contextItem);
        for (const ItemId item : request.exclude)
            if (item < n)
                blocked |= bitOf(item);
        std::uint64_t seen = blocked;
        std::size_t count = 0, tries = 0;
        if (m_items.available.size() >= n) { // uniformBelow(n) < n: no bound check needed
            const std::uint8_t* const available = m_items.available.data();
            const std::uint64_t n64 = n; // one register for the product and Lemire's test
            // The score (0) and the propensity of every pick, stored as one 8-byte word.
            static_assert(offsetof(SlateEntry, propensity) == offsetof(SlateEntry, score) + 4);
            const SlateEntry proto{0, 0.0f, propensity};
            std::uint64_t tail;
            std::memcpy(
                &tail, reinterpret_cast<const unsigned char*>(&proto) + offsetof(SlateEntry, score),
                sizeof tail);
            for (;;) {
                m_rng.refillIfEmpty();
                const std::uint32_t* const start = m_rng.pending();
                const std::uint32_t* const stop =
                    start + std::min<std::size_t>(maxTries - tries, static_cast<std::size_t>(
                                                                        m_rng.blockEnd() - start));
                const std::uint32_t* p = start;
                SlateEntry* e = slate + count;
                SlateEntry* limit = slate + std::min(k, count + static_cast<std::size_t>(stop - p));
                while (e < limit) {
                    const std::uint64_t m = std::uint64_t(*p) * n64;
                    if (static_cast<std::uint32_t>(m) < static_cast<std::uint32_t>(n64))
                        [[unlikely]]
                        break;
                    ++p;
                    const auto item = static_cast<ItemId>(m >> 32);
                    if (available[item] == 0 ||
                        (hasBit(seen, item) && !fresh(request, blocked, slate,
                                                      static_cast<std::size_t>(e - slate), item))) {
                        limit = slate + std::min(k, static_cast<std::size_t>(e - slate) +
                                                        static_cast<std::size_t>(stop - p));
                        continue;
                    }
                    setBit(seen, item);
                    e->item = item;
                    std::memcpy(reinterpret_cast<unsigned char*>(e) + offsetof(SlateEntry, score),
                                &tail, sizeof tail);
                    ++e;
                }
                count = static_cast<std::size_t>(e - slate);
                m_rng.consumedTo(p);
                tries += static_cast<std::size_t>(p - start);
                if (count == k || tries == maxTries)
                    return count;
                if (p != stop)
                    break; // Lemire's rejection zone: the plain loop redraws this word
            }
        }
        for (; count < k && tries < maxTries; ++tries) {
            const ItemId item = uniformBelow(n);
            if (!m_items.isAvailable(item))
                continue;
            if ((seen & bitOf(item)) != 0 && !fresh(request, blocked, slate, count, item))
                continue;
            seen |= bitOf(item);
            slate[count++] = {item, 0.0f, propensity};
        }
        return count;
    }

    // For a draw whose bit is in the mask: true when it is neither excluded (its bit in
    // `blocked` and request.excludes() says so) nor among the picks so far.
    [[gnu::noinline]] static bool fresh(const Request& request, std::uint64_t blocked,
                                        const SlateEntry* slate, std::size_t count, ItemId item) {
        if ((blocked & bitOf(item)) != 0 && request.excludes(item))
            return false;
        for (std::size_t i = 0; i < count; ++i)
            if (slate[i].item == item)
                return false;
        return true;
    }

    static std::uint64_t bitOf(ItemId item) { return std::uint64_t(1) << (item & 63u); }
    // (mask & bitOf(item)) != 0, written as a shift of the mask so that the compiler emits
    // one `bt` instead of building the bit first.
    static bool hasBit(std::uint64_t mask, ItemId item) {
        return ((mask >> (item & 63u)) & 1u) != 0;
    }
    // mask |= bitOf(item) in one `bts` (GCC 12 builds the bit with mov, shl and or).
    static void setBit(std::uint64_t& mask, ItemId item) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
        asm("btsq %1, %0" : "+r"(mask) : "r"(std::uint64_t{item}) : "cc");
#else
        mask |= bitOf(item);
#endif
    }

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
    BlockMt19937 m_rng; // boost::random::mt19937's numbers, tempered a block at a time
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
