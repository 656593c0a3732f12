#pragma once
// Shop metrics per surface (home feed, search, product page, cart page), kept beside the
// run's MetricsAccumulator so that a run serving a different core per surface
// (SurfaceRouter) can be read surface by surface. Definitions (docs/metrics.md, "Per
// surface"), all countable again from the stored event and slate logs:
//   requests, impressions = slates served on the surface and the items in them
//   clicks      = Click events on the surface (a click is on a slate; its surface is the slate's)
//   carts       = CartAdd events that follow a recommendation click (fromRecommendation) on
//                 the surface: the click's step carries the slate's surface
//   purchases, revenue = Purchase events with fromRecommendation, each attributed to the
//                 surface of the same shopper's latest recommended CartAdd of that item
//                 (purchases themselves are logged on the Cart surface, at checkout)
//   latency     = wall-clock duration of the recommend() calls that served the surface
// No randomness, no effect on the run: the figures are the same whether or not the
// surfaces have cores of their own. Not thread-safe; one run, one thread.

#include "recoscope/core/event.h"
#include "recoscope/core/latency_histogram.h"
#include "recoscope/core/types.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace recoscope::core {

struct SurfaceCounters {
    std::uint64_t requests = 0;
    std::uint64_t impressions = 0;
    std::uint64_t clicks = 0;
    std::uint64_t carts = 0;
    std::uint64_t purchases = 0;
    double revenue = 0.0;

    /// clicks / impressions, 0 without impressions.
    double ctr() const;
    friend bool operator==(const SurfaceCounters&, const SurfaceCounters&) = default;
};

/// One surface's figures as snapshots, stores and reports carry them.
struct SurfaceFigures {
    SurfaceCounters counters;
    double latencyP50us = 0.0, latencyP95us = 0.0, latencyP99us = 0.0;
};
using SurfaceTotals = std::array<SurfaceFigures, kSurfaceCount>;

class SurfaceMetrics {
public:
    /// A slate of `size` items served on `surface`; latency in wall-clock nanoseconds.
    /// Inline, as is the common case of onEvent(): the simulator calls both once a step.
    void onSlate(Surface surface, std::size_t size, std::uint64_t latencyNs) {
        const auto s = static_cast<std::size_t>(surface);
        ++m_counters[s].requests;
        m_counters[s].impressions += size;
        m_latency[s].record(latencyNs);
    }
    /// The per-user cart table sized for ids below `users` now, at start-up, rather than
    /// grown to the largest id seen during the run. Changes no figure.
    void reserveUsers(std::size_t users) {
        if (users > m_cartOrigin.size())
            m_cartOrigin.resize(users);
    }
    /// Every event of the run, in order.
    void onEvent(const Event& event) {
        if (event.kind == EventKind::Click)
            ++m_counters[static_cast<std::size_t>(event.surface)].clicks;
        else if (event.kind == EventKind::CartAdd || event.kind == EventKind::Purchase ||
                 event.kind == EventKind::CartRemove)
            onCartEvent(event);
    }

    const SurfaceCounters& counters(Surface surface) const {
        return m_counters[static_cast<std::size_t>(surface)];
    }
    /// Counters and latency quantiles (microseconds) of every surface so far.
    SurfaceTotals totals() const;

private:
    /// onEvent() for the events that move m_cartOrigin (out of line: a few per session).
    [[gnu::noinline]] void onCartEvent(const Event& event);

    std::array<SurfaceCounters, kSurfaceCount> m_counters{};
    std::array<LatencyHistogram, kSurfaceCount> m_latency{};
    // Per user: the items in the cart that came from a recommendation, with the surface
    // of the slate. Entries leave at the item's purchase or removal, so the lists stay as
    // short as the carts (a line that could not be bought, sold out at checkout, stays
    // until the item is carted again: bounded by the user's distinct items).
    std::vector<std::vector<std::pair<ItemId, Surface>>> m_cartOrigin;
};

} // namespace recoscope::core
