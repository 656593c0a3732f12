#include "recoscope/core/metrics.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace recoscope::core {

void Counters::add(const Counters& o) {
    events += o.events;
    sessions += o.sessions;
    requests += o.requests;
    impressions += o.impressions;
    clicks += o.clicks;
    views += o.views;
    searches += o.searches;
    favourites += o.favourites;
    carts += o.carts;
    cartRemoves += o.cartRemoves;
    purchases += o.purchases;
    recPurchases += o.recPurchases;
    revenue += o.revenue;
    recRevenue += o.recRevenue;
    for (std::size_t i = 0; i < byKind.size(); ++i)
        byKind[i] += o.byKind[i];
}

std::vector<std::pair<std::string, double>> MetricPoint::named() const {
    const Counters& c = counters;
    auto d = [](std::uint64_t v) { return static_cast<double>(v); };
    return {{"events", d(c.events)},
            {"sessions", d(c.sessions)},
            {"requests", d(c.requests)},
            {"impressions", d(c.impressions)},
            {"clicks", d(c.clicks)},
            {"views", d(c.views)},
            {"searches", d(c.searches)},
            {"favourites", d(c.favourites)},
            {"carts", d(c.carts)},
            {"cart_removes", d(c.cartRemoves)},
            {"purchases", d(c.purchases)},
            {"rec_purchases", d(c.recPurchases)},
            {"revenue", c.revenue},
            {"rec_revenue", c.recRevenue},
            {"ctr", ctr},
            {"cvr_impressions", cvrImpressions},
            {"cvr_clicks", cvrClicks},
            {"coverage", coverage},
            {"gini", gini},
            {"latency_p50_us", latencyP50us},
            {"latency_p95_us", latencyP95us},
            {"latency_p99_us", latencyP99us}};
}

std::vector<std::pair<std::string, double>> MetricPoint::stored() const {
    std::vector<std::pair<std::string, double>> out = named();
    if (hasBeyond)
        for (auto& row : beyond.named())
            out.push_back(std::move(row));
    return out;
}

double giniCoefficient(const std::vector<std::uint64_t>& counts) {
    // G = sum_i (2i - n - 1) x_(i) / (n * sum x), x sorted ascending, i = 1..n.
    // Zeros sort first and only shift the ranks of the non-zero counts, so only those are
    // sorted: cost grows with the number of exposed items, not the catalogue.
    const std::size_t n = counts.size();
    if (n == 0)
        return 0.0;
    std::vector<std::uint64_t> nonZero;
    for (std::uint64_t c : counts)
        if (c)
            nonZero.push_back(c);
    if (nonZero.empty())
        return 0.0;
    // Exposure counts are small integers: a counting sort (linear) gives the same
    // ascending sequence as std::sort, which was most of the cost of closing a bucket.
    const std::uint64_t maxCount = *std::max_element(nonZero.begin(), nonZero.end());
    if (maxCount <= 4 * nonZero.size() + 1024) {
        std::vector<std::uint32_t> histogram(static_cast<std::size_t>(maxCount) + 1, 0);
        for (std::uint64_t c : nonZero)
            ++histogram[static_cast<std::size_t>(c)];
        std::size_t at = 0;
        for (std::size_t v = 1; v < histogram.size(); ++v)
            for (std::uint32_t m = histogram[v]; m > 0; --m)
                nonZero[at++] = v;
    } else {
        std::sort(nonZero.begin(), nonZero.end());
    }
    const std::size_t zeros = n - nonZero.size();
    long double weighted = 0.0L, total = 0.0L;
    for (std::size_t j = 0; j < nonZero.size(); ++j) {
        const long double rank = static_cast<long double>(zeros + j + 1);
        weighted += (2.0L * rank - static_cast<long double>(n) - 1.0L) * nonZero[j];
        total += nonZero[j];
    }
    return static_cast<double>(weighted / (static_cast<long double>(n) * total));
}

MetricsAccumulator::MetricsAccumulator(const ItemTable& items, SimTime bucketWidth,
                                       std::span<const float> vectors, int dim)
    : m_items(items), m_bucketWidth(bucketWidth), m_prefetch(prefetchPays(items.size())),
      m_gini(4 * items.size() + 1024), m_beyond(items, vectors, dim) {
    assert(bucketWidth > 0.0);
    // Every slate bumps its items' counters: on a million items, reads at random.
    assignOnHugePages(m_exposure, items.size(), 0);
}

void MetricsAccumulator::closeBucketsBefore(SimTime time) {
    while (time >= m_bucketStart + m_bucketWidth)
        m_pending.push_back(closeBucket(m_bucketStart + m_bucketWidth));
}

void MetricsAccumulator::onSessionStart(SimTime time) {
    advanceTo(time);
    ++m_bucket.sessions;
    ++m_total.sessions;
}

void MetricsAccumulator::onSlate(SimTime time, const Slate& slate, std::uint64_t latencyNs,
                                 UserId user) {
    advanceTo(time);
    if (user != kNoUser) {
        // The exposure counters are bumped in the beyond-accuracy pass over the slate, which
        // reads every item anyway (its ids are items of the table, as BeyondAccuracy
        // requires, so the range check below is not needed there).
        m_beyond.onSlate(time, user, slate, m_exposure.data());
    } else {
        for (const SlateEntry& e : slate)
            if (e.item < m_exposure.size())
                ++m_exposure[e.item];
    }
    ++m_bucket.requests;
    ++m_total.requests;
    m_bucket.impressions += slate.size();
    m_total.impressions += slate.size();
    // The run's histogram gets the bucket's when it closes (closeBucket): quantiles count
    // per bin, so merged they are the same; one record() per slate instead of two.
    m_bucketLatency.record(latencyNs);
}

void MetricsAccumulator::prefetchSlate(const Slate& slate) const {
    m_beyond.prefetch(slate);
    for (const SlateEntry& e : slate)
        if (e.item < m_exposure.size())
            __builtin_prefetch(&m_exposure[e.item]);
}

void MetricsAccumulator::onEvent(const Event& e) {
    advanceTo(e.time);
    auto count = [&](Counters& c) {
        ++c.events;
        ++c.byKind[static_cast<std::size_t>(e.kind)];
        switch (e.kind) {
        case EventKind::View:
            ++c.views;
            break;
        case EventKind::Click:
            ++c.clicks;
            break;
        case EventKind::Search:
            ++c.searches;
            break;
        case EventKind::Favourite:
            ++c.favourites;
            break;
        case EventKind::CartAdd:
            ++c.carts;
            break;
        case EventKind::CartRemove:
            ++c.cartRemoves;
            break;
        case EventKind::Purchase:
            ++c.purchases;
            c.revenue += e.price;
            if (e.fromRecommendation) {
                ++c.recPurchases;
                c.recRevenue += e.price;
            }
            break;
        }
    };
    count(m_bucket);
    count(m_total);
    m_beyond.onEvent(e);
}

double MetricsAccumulator::coverage(SimTime now) const {
    std::uint64_t launched = 0, covered = 0;
    for (std::size_t i = 0; i < m_exposure.size(); ++i) {
        if (m_items.launchTime[i] <= now) {
            ++launched;
            covered += m_exposure[i] != 0;
        }
    }
    return launched ? static_cast<double>(covered) / static_cast<double>(launched) : 0.0;
}

double MetricsAccumulator::gini(SimTime now) const {
    std::vector<std::uint64_t> launched;
    launched.reserve(m_exposure.size());
    for (std::size_t i = 0; i < m_exposure.size(); ++i)
        if (m_items.launchTime[i] <= now)
            launched.push_back(m_exposure[i]);
    return giniCoefficient(launched);
}

double rate(std::uint64_t num, std::uint64_t den) {
    return den ? static_cast<double>(num) / static_cast<double>(den) : 0.0;
}

void MetricsAccumulator::deriveRates(MetricPoint& p) {
    const Counters& c = p.counters;
    p.ctr = rate(c.clicks, c.impressions);
    p.cvrImpressions = rate(c.recPurchases, c.impressions);
    p.cvrClicks = rate(c.recPurchases, c.clicks);
}

MetricPoint MetricsAccumulator::point(SimTime start, SimTime end, const Counters& counters,
                                      const LatencyHistogram& latency) const {
    MetricPoint p;
    p.bucketStart = start;
    p.bucketEnd = end;
    p.counters = counters;
    deriveRates(p);
    // Coverage and Gini of the launched items in one pass, the Gini from a histogram of
    // the exposure counts (gini_histogram.h: the same bits as gini(end), which sorts a copy
    // of them; that was most of the cost of closing a bucket). Exposure counts above the
    // histogram's cap, or too large for exact sums, fall back to gini(end).
    // The covered items are the launched ones less those the histogram holds at count 0.
    std::uint64_t launched = 0;
    const SimTime* launch = m_items.launchTime.data();
    m_gini.addWhere(m_exposure, [&](std::size_t i) {
        if (!(launch[i] <= end))
            return false;
        ++launched;
        return true;
    });
    const std::uint64_t covered = launched - m_gini.zeros();
    p.coverage = launched ? static_cast<double>(covered) / static_cast<double>(launched) : 0.0;
    const std::optional<double> gini = m_gini.take();
    p.gini = gini ? *gini : this->gini(end);
    p.latencyP50us = latency.quantile(0.50) / 1000.0;
    p.latencyP95us = latency.quantile(0.95) / 1000.0;
    p.latencyP99us = latency.quantile(0.99) / 1000.0;
    return p;
}

MetricPoint MetricsAccumulator::closeBucket(SimTime end) {
    MetricPoint p = point(m_bucketStart, end, m_bucket, m_bucketLatency);
    p.beyond = m_beyond.take();
    p.hasBeyond = true;
    m_bucket = Counters{};
    m_bucketLatency.drainInto(m_totalLatency);
    m_bucketStart = end;
    return p;
}

void MetricsAccumulator::takeFinishedBuckets(SimTime now, std::vector<MetricPoint>& out) {
    advanceTo(now);
    out.insert(out.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
}

void MetricsAccumulator::flush(SimTime now, std::vector<MetricPoint>& out) {
    takeFinishedBuckets(now, out);
    if (now > m_bucketStart || m_bucket.events || m_bucket.requests)
        out.push_back(closeBucket(std::max(now, m_bucketStart)));
}

LatencyHistogram MetricsAccumulator::latency() const {
    LatencyHistogram all = m_totalLatency;
    all.merge(m_bucketLatency);
    return all;
}

MetricPoint MetricsAccumulator::total(SimTime now) const {
    MetricPoint p = point(0.0, now, m_total, latency());
    p.beyond = m_beyond.total();
    p.hasBeyond = true;
    return p;
}

MetricPoint MetricsAccumulator::openBucket(const MetricPoint& total) const {
    MetricPoint p = total;
    p.bucketStart = m_bucketStart;
    p.counters = m_bucket;
    deriveRates(p);
    p.beyond = m_beyond.current();
    return p;
}

} // namespace recoscope::core
