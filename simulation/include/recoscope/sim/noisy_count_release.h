#pragma once
// Differentially private release of the counts cores learn from (decisions/0032).
//
// Events are counted per (item, event kind) over a release window of 24 / R simulated
// hours (R = privacy.releases_per_day). Each user contributes at most C events per
// simulated day (C = privacy.contribution_cap; later events of that day are left out), so
// one user changes the vector of a release's counts by at most C in L1 norm: its
// sensitivity. When a window ends, every count (items x kinds, zero counts included) gets
// independent Laplace(0, b) noise with b = C / epsilon_release: the Laplace mechanism,
// epsilon_release-DP. The noisy count is published only when it reaches the threshold
// tau = b ln(cells) (so about half a count in a release is a false positive of an item
// nobody touched) and is then rounded to whole events; both are post-processing of the
// noisy vector and cost no budget. Each release is recorded with the accountant.
//
// Noise comes from the run's "privacy-noise" stream, drawn for every cell in (item, kind)
// order: two cores run on the same seed get the same noise on the same cells.
// Memory: items x kinds counts and two numbers per user; never grows with events.
// Not thread-safe; one thread.

#include "recoscope/core/event.h"
#include "recoscope/core/shop.h"
#include "recoscope/sim/privacy_accountant.h"
#include "recoscope/sim/scenario.h"

#include <boost/random/mersenne_twister.hpp>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

class NoisyCountRelease {
public:
    /// `spec.noisy()` must hold. Users and items are the run's tables (ids index them).
    NoisyCountRelease(const PrivacySpec& spec, const core::ItemTable& items, std::size_t users,
                      std::uint64_t runSeed);

    /// Publishes every window that ended at or before `t` (in order), appending one
    /// synthetic event per published unit to `out`: user kNoUser, the item, the kind, the
    /// window's end as time, the list price for cart and purchase events.
    void releaseUntil(core::SimTime t, std::vector<core::Event>& out);
    /// Counts `e` into the current window unless its user reached the day's cap. Call
    /// releaseUntil(e.time) first. Events without an item or a known user are not counted.
    void count(const core::Event& e);

    const PrivacyAccountant& accountant() const { return m_accountant; }
    /// The last release's noisy counts before the threshold and the rounding (cell =
    /// item x kEventKindCount + kind): what the mechanism released; tests check its law.
    const std::vector<double>& lastNoisy() const { return m_noisy; }
    double noiseScale() const { return m_scale; }
    double threshold() const { return m_threshold; }
    double windowSeconds() const { return m_window; }
    std::uint64_t eventsCounted() const { return m_counted; }
    std::uint64_t eventsOverCap() const { return m_overCap; }
    std::uint64_t eventsReleased() const { return m_released; }

private:
    void release(std::vector<core::Event>& out);

    const core::ItemTable& m_items;
    int m_cap;
    int m_perDay;
    double m_epsilon; // per release
    double m_scale;
    double m_threshold;
    double m_window;
    std::int64_t m_current = 0;          // window being counted
    std::vector<std::uint32_t> m_counts; // item * kEventKindCount + kind
    std::vector<double> m_noisy;
    std::vector<std::uint32_t> m_userDay; // day + 1 of the user's last counted event
    std::vector<std::uint32_t> m_userCount;
    std::uint64_t m_windowEvents = 0;
    std::uint64_t m_counted = 0, m_overCap = 0, m_released = 0;
    boost::random::mt19937 m_rng;
    PrivacyAccountant m_accountant;
};

} // namespace recoscope::sim
