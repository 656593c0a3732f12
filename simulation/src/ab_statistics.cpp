#include "recoscope/sim/ab_statistics.h"

#include "recoscope/sim/run_store.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace recoscope::sim {

std::vector<std::string> abMetrics(bool withImpressions) {
    std::vector<std::string> m;
    if (withImpressions)
        m.emplace_back("ctr");
    for (const char* name : {"clicks", "rec_purchases", "revenue", "rec_revenue"})
        m.emplace_back(name);
    return m;
}

std::pair<std::vector<double>, std::vector<double>>
pairedUserValues(const UserRows& a, const UserRows& b, const std::string& metric) {
    std::pair<std::vector<double>, std::vector<double>> out;
    const core::UserOutcomes::Row none;
    const std::size_t n = std::max(a.size(), b.size());
    auto row = [&](const UserRows& t, std::size_t u) -> const core::UserOutcomes::Row& {
        return u < t.size() ? t[u] : none;
    };
    double (*value)(const core::UserOutcomes::Row&) = nullptr;
    if (metric == "clicks")
        value = [](const core::UserOutcomes::Row& r) { return static_cast<double>(r.clicks); };
    else if (metric == "rec_purchases")
        value = [](const core::UserOutcomes::Row& r) {
            return static_cast<double>(r.recPurchases);
        };
    else if (metric == "revenue")
        value = [](const core::UserOutcomes::Row& r) { return r.revenue; };
    else if (metric == "rec_revenue")
        value = [](const core::UserOutcomes::Row& r) { return r.recRevenue; };
    else if (metric != "ctr")
        return out;
    for (std::size_t u = 0; u < n; ++u) {
        const auto& ra = row(a, u);
        const auto& rb = row(b, u);
        if (!value) {
            // A user's CTR exists only where the user was shown something.
            if (ra.impressions == 0 || rb.impressions == 0)
                continue;
            out.first.push_back(static_cast<double>(ra.clicks) /
                                static_cast<double>(ra.impressions));
            out.second.push_back(static_cast<double>(rb.clicks) /
                                 static_cast<double>(rb.impressions));
        } else {
            // Users who never came under either core are no unit of the comparison.
            if (ra.events == 0 && rb.events == 0)
                continue;
            out.first.push_back(value(ra));
            out.second.push_back(value(rb));
        }
    }
    return out;
}

std::vector<double> holmAdjust(const std::vector<double>& p) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!std::isnan(p[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return p[x] < p[y]; });
    std::vector<double> out(p.size(), std::numeric_limits<double>::quiet_NaN());
    const std::size_t m = order.size();
    double running = 0.0;
    for (std::size_t k = 0; k < m; ++k) {
        // (m - k) * p_(k), made monotone so a larger raw p never gets a smaller adjusted one.
        running = std::max(running, std::min(1.0, static_cast<double>(m - k) * p[order[k]]));
        out[order[k]] = running;
    }
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> allPairs(std::size_t cores) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < cores; ++i)
        for (std::size_t j = i + 1; j < cores; ++j)
            out.emplace_back(i, j);
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> versusFirst(std::size_t cores) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 1; i < cores; ++i)
        out.emplace_back(i, 0);
    return out;
}

std::vector<PairComparison>
comparePairs(const std::vector<const UserRows*>& cores,
             const std::vector<std::pair<std::size_t, std::size_t>>& pairs, bool withImpressions,
             double level) {
    std::vector<PairComparison> out;
    for (const std::string& metric : abMetrics(withImpressions)) {
        const std::size_t first = out.size();
        std::vector<double> raw;
        for (const auto& [a, b] : pairs) {
            PairComparison c;
            c.a = a;
            c.b = b;
            c.metric = metric;
            const auto [va, vb] = pairedUserValues(*cores[a], *cores[b], metric);
            c.meanA = meanAndSd(va).first;
            c.meanB = meanAndSd(vb).first;
            c.diff = pairedDifference(va, vb, level);
            raw.push_back(c.diff.p);
            out.push_back(std::move(c));
        }
        const std::vector<double> adjusted = holmAdjust(raw);
        for (std::size_t k = 0; k < adjusted.size(); ++k)
            out[first + k].pHolm = adjusted[k];
    }
    return out;
}

std::pair<double, double> meanAndSd(const std::vector<double>& v) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (v.empty())
        return {nan, nan};
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    if (v.size() < 2)
        return {mean, nan};
    double ss = 0.0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return {mean, std::sqrt(ss / static_cast<double>(v.size() - 1))};
}

core::Result<UserRows> storedUserOutcomes(const RunStore& store, qint64 runId,
                                          const std::atomic<bool>* cancel) {
    // Chunks of 65,536 events bound the memory whatever the run's length.
    constexpr qint64 kChunk = 65536;
    UserRows rows;
    for (qint64 offset = 0;; offset += kChunk) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return core::Error{"cancelled"};
        auto chunk = store.events(runId, offset, kChunk);
        if (!chunk)
            return core::Error{chunk.error()};
        for (const core::Event& e : chunk.value()) {
            if (e.user == core::kNoUser)
                continue;
            if (e.user >= rows.size())
                rows.resize(static_cast<std::size_t>(e.user) + 1);
            core::UserOutcomes::Row& r = rows[e.user];
            ++r.events;
            if (e.kind == core::EventKind::Click) {
                ++r.clicks;
            } else if (e.kind == core::EventKind::Purchase) {
                r.revenue += e.price;
                if (e.fromRecommendation) {
                    ++r.recPurchases;
                    r.recRevenue += e.price;
                }
            }
        }
        if (static_cast<qint64>(chunk.value().size()) < kChunk)
            break;
    }
    return rows;
}

} // namespace recoscope::sim
