#include "recoscope/core/pareto.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace recoscope::core {

namespace {
// NaN compares false with everything, which would make a NaN point undominated; a run
// with no impressions (CTR NaN) must not appear optimal, so NaN counts as -infinity.
double key(double v) {
    return std::isnan(v) ? -INFINITY : v;
}
} // namespace

bool dominates(const Objectives& a, const Objectives& b) {
    bool better = false;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (key(a[i]) < key(b[i]))
            return false;
        if (key(a[i]) > key(b[i]))
            better = true;
    }
    return better;
}

std::vector<bool> paretoFront(std::span<const Objectives> points) {
    // Visit points in lexicographically decreasing order: a point can only be dominated
    // by one visited before it (a dominator is >= in every objective, so >= in this
    // order, and not equal). So comparing each point with the front found so far is
    // enough, and it is usually small compared with the whole sweep.
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Objectives& pa = points[a];
        const Objectives& pb = points[b];
        for (std::size_t i = 0; i < pa.size() && i < pb.size(); ++i)
            if (key(pa[i]) != key(pb[i]))
                return key(pa[i]) > key(pb[i]);
        return false;
    });
    std::vector<bool> onFront(points.size(), false);
    std::vector<std::size_t> front;
    for (std::size_t idx : order) {
        const bool dominated = std::any_of(front.begin(), front.end(), [&](std::size_t f) {
            return dominates(points[f], points[idx]);
        });
        if (!dominated) {
            onFront[idx] = true;
            front.push_back(idx);
        }
    }
    return onFront;
}

} // namespace recoscope::core
