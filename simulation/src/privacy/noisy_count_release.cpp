#include "recoscope/sim/noisy_count_release.h"

#include "recoscope/sim/seeds.h"

#include <boost/random/laplace_distribution.hpp>

#include <cmath>

namespace recoscope::sim {

NoisyCountRelease::NoisyCountRelease(const PrivacySpec& spec, const core::ItemTable& items,
                                     std::size_t users, std::uint64_t runSeed)
    : m_items(items), m_cap(spec.contributionCap), m_perDay(spec.releasesPerDay),
      m_epsilon(spec.releaseEpsilon()), m_scale(spec.contributionCap / spec.releaseEpsilon()),
      m_window(core::kSecondsPerDay / spec.releasesPerDay),
      m_counts(items.size() * core::kEventKindCount, 0u), m_noisy(m_counts.size(), 0.0),
      m_userDay(users, 0u), m_userCount(users, 0u),
      m_rng(makeComponentEngine(streamSeed(runSeed, "privacy-noise"))) {
    // tau = b ln(cells): P(Laplace(b) >= tau) = exp(-tau / b) / 2 = 1 / (2 cells), so an
    // untouched catalogue yields about half a false count per release, whatever its size.
    m_threshold = m_scale * std::log(std::max<double>(2.0, static_cast<double>(m_counts.size())));
}

void NoisyCountRelease::releaseUntil(core::SimTime t, std::vector<core::Event>& out) {
    while (t >= static_cast<double>(m_current + 1) * m_window) {
        release(out);
        ++m_current;
    }
}

void NoisyCountRelease::count(const core::Event& e) {
    if (e.user >= m_userDay.size() || e.item >= m_items.size())
        return;
    const auto day = static_cast<std::uint32_t>(m_current / m_perDay) + 1u;
    if (m_userDay[e.user] != day) {
        m_userDay[e.user] = day;
        m_userCount[e.user] = 0;
    }
    if (m_userCount[e.user] >= static_cast<std::uint32_t>(m_cap)) {
        ++m_overCap;
        return;
    }
    ++m_userCount[e.user];
    ++m_counts[static_cast<std::size_t>(e.item) * core::kEventKindCount +
               static_cast<std::size_t>(e.kind)];
    ++m_windowEvents;
    ++m_counted;
}

void NoisyCountRelease::release(std::vector<core::Event>& out) {
    boost::random::laplace_distribution<double> noise(0.0, m_scale);
    const core::SimTime at = static_cast<double>(m_current + 1) * m_window;
    PrivacyRelease r;
    r.window = m_current;
    r.day = m_current / m_perDay;
    r.epsilon = m_epsilon;
    r.cells = m_counts.size();
    r.trueEvents = m_windowEvents;
    for (std::size_t cell = 0; cell < m_counts.size(); ++cell) {
        // Drawn for every cell, published or not, so the stream stays aligned across runs.
        const double noisy = static_cast<double>(m_counts[cell]) + noise(m_rng);
        m_noisy[cell] = noisy;
        m_counts[cell] = 0;
        if (noisy < m_threshold)
            continue;
        const auto units = static_cast<std::uint64_t>(std::llround(noisy));
        core::Event e;
        e.time = at;
        e.item = static_cast<core::ItemId>(cell / core::kEventKindCount);
        e.kind = static_cast<core::EventKind>(cell % core::kEventKindCount);
        e.surface = core::Surface::Home;
        const bool priced = e.kind == core::EventKind::Purchase ||
                            e.kind == core::EventKind::CartAdd ||
                            e.kind == core::EventKind::CartRemove;
        e.price = priced ? m_items.price[e.item] : 0.0f;
        out.insert(out.end(), units, e);
        r.releasedEvents += units;
    }
    m_released += r.releasedEvents;
    m_windowEvents = 0;
    m_accountant.record(r);
}

} // namespace recoscope::sim
