#include "recoscope/sim/onboarding_answers.h"

#include "recoscope/sim/seeds.h"

#include <boost/random/uniform_01.hpp>

#include <algorithm>
#include <numeric>

namespace recoscope::sim {

namespace {

// Mean hidden vector of each leaf's items, leaves in world.leafCategories order.
std::vector<float> leafCentroids(const World& w) {
    const auto dim = static_cast<std::size_t>(w.dim);
    const std::size_t leaves = w.leafCategories.size();
    std::vector<std::size_t> slot(w.items.categoryCount(), leaves);
    for (std::size_t l = 0; l < leaves; ++l)
        slot[w.leafCategories[l]] = l;
    std::vector<float> sum(leaves * dim, 0.0f);
    std::vector<std::size_t> count(leaves, 0);
    for (core::ItemId i = 0; i < w.items.size(); ++i) {
        const std::size_t l = slot[w.items.category[i]];
        if (l == leaves)
            continue;
        ++count[l];
        const float* v = w.itemVector(i);
        for (std::size_t d = 0; d < dim; ++d)
            sum[l * dim + d] += v[d];
    }
    for (std::size_t l = 0; l < leaves; ++l)
        for (std::size_t d = 0; d < dim && count[l]; ++d)
            sum[l * dim + d] /= static_cast<float>(count[l]);
    return sum;
}

std::vector<float> affinities(const World& w, const std::vector<float>& centroids,
                              core::UserId user) {
    const auto dim = static_cast<std::size_t>(w.dim);
    const float* u = w.userVector(user);
    std::vector<float> a(w.leafCategories.size(), 0.0f);
    for (std::size_t l = 0; l < a.size(); ++l)
        for (std::size_t d = 0; d < dim; ++d)
            a[l] += u[d] * centroids[l * dim + d];
    return a;
}

} // namespace

std::vector<float> leafAffinities(const World& world, core::UserId user) {
    return affinities(world, leafCentroids(world), user);
}

std::vector<std::vector<std::uint32_t>>
drawStatedCategories(const World& world, const OnboardingSpec& spec, std::uint64_t runSeed) {
    std::vector<std::vector<std::uint32_t>> stated(world.users.size());
    const std::size_t leaves = world.leafCategories.size();
    const auto n = static_cast<std::size_t>(std::max(spec.categories, 0));
    if (!spec.enabled() || n == 0 || n >= leaves)
        return stated;
    auto rng = makeComponentEngine(streamSeed(runSeed, "onboarding"));
    boost::random::uniform_01<double> uniform;
    const std::vector<float> centroids = leafCentroids(world);
    std::vector<std::size_t> order(leaves);
    std::vector<std::uint8_t> taken(leaves, 0);
    for (core::UserId u = 0; u < world.users.size(); ++u) {
        if (world.users.joinTime[u] <= 0.0)
            continue; // signed up before the run: never asked
        // Always the same draws per newcomer (share, then noise and pick per entry).
        const bool answers = uniform(rng) < spec.share;
        const std::vector<float> a = affinities(world, centroids, u);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::partial_sort(
            order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
            [&](std::size_t x, std::size_t y) { return a[x] != a[y] ? a[x] > a[y] : x < y; });
        std::vector<std::size_t> answer(order.begin(),
                                        order.begin() + static_cast<std::ptrdiff_t>(n));
        for (std::size_t l : answer)
            taken[l] = 1;
        std::size_t spare = leaves - n; // leaves neither a favourite nor stated yet
        for (std::size_t k = 0; k < n; ++k) {
            const double noiseDraw = uniform(rng), pickDraw = uniform(rng);
            if (noiseDraw >= spec.noise || spare == 0)
                continue;
            // The pick-th spare leaf (ascending). The favourite it replaces stays marked,
            // so a later replacement cannot bring it back: a replaced entry is always wrong.
            auto pick = static_cast<std::size_t>(pickDraw * static_cast<double>(spare));
            pick = std::min(pick, spare - 1);
            std::size_t l = 0;
            for (;; ++l)
                if (!taken[l] && pick-- == 0)
                    break;
            taken[l] = 1;
            --spare;
            answer[k] = l;
        }
        std::fill(taken.begin(), taken.end(), std::uint8_t{0});
        if (answers)
            for (std::size_t l : answer)
                stated[u].push_back(world.leafCategories[l]);
    }
    return stated;
}

} // namespace recoscope::sim
