#pragma once
// Private counters of the recommender suite (split from suite_kit.h): time-decayed
// per-slot sums and capped per-key (item, count) lists. Memory is sized by slots and
// keys, never by events.

#include "recoscope/core/types.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace recoscope::core::kit {

/// Per-slot exponentially decayed sums: add(w) at time t contributes w * exp(-(now-t)/tau).
/// Kept relative to a reference time so that decay never touches every slot; the
/// reference moves (one rescale of all slots) before the exponent could overflow.
class DecayedCounter {
public:
    DecayedCounter(std::size_t slots, double halfLifeHours)
        : m_tau(halfLifeHours > 0.0 ? halfLifeHours * kSecondsPerHour / std::log(2.0) : 0.0),
          m_value(slots, 0.0f) {}

    void add(std::size_t slot, float w, SimTime t) {
        if (slot >= m_value.size())
            return;
        const double f = factor(t);
        m_value[slot] += static_cast<float>(w * f);
        m_total += w * f;
    }
    /// Raw (relatively scaled) value: comparable between slots, not across rebases.
    float raw(std::size_t slot) const { return slot < m_value.size() ? m_value[slot] : 0.0f; }
    const std::vector<float>& rawValues() const { return m_value; }
    double rawTotal() const { return m_total; }
    /// Value as of time t in event-weight units.
    double at(std::size_t slot, SimTime t) const {
        if (slot >= m_value.size())
            return 0.0;
        return m_tau > 0.0 ? m_value[slot] * std::exp((m_t0 - t) / m_tau) : m_value[slot];
    }
    /// Factor turning raw values into values as of time t (one exp per request, not per item).
    double scaleAt(SimTime t) const { return m_tau > 0.0 ? std::exp((m_t0 - t) / m_tau) : 1.0; }
    double totalAt(SimTime t) const {
        return m_tau > 0.0 ? m_total * std::exp((m_t0 - t) / m_tau) : m_total;
    }
    std::size_t size() const { return m_value.size(); }
    void resize(std::size_t n) { m_value.resize(n, 0.0f); }
    /// How many times the reference time moved (every raw value rescaled): a core that
    /// keeps the slots in order (RankedOrder) sorts again when this changes.
    std::uint64_t rebases() const { return m_rebases; }

private:
    double factor(SimTime t) {
        if (m_tau <= 0.0)
            return 1.0;
        if ((t - m_t0) / m_tau > 60.0) {
            const double f = std::exp((m_t0 - t) / m_tau);
            // Slots that decay below 1e-30 become 0: denormal floats would slow every
            // later scan by an order of magnitude.
            for (float& v : m_value) {
                v = static_cast<float>(v * f);
                if (v < 1e-30f)
                    v = 0.0f;
            }
            m_total *= f;
            m_t0 = t;
            ++m_rebases;
        }
        return std::exp((t - m_t0) / m_tau);
    }

    double m_tau;
    SimTime m_t0 = 0.0;
    double m_total = 0.0;
    std::vector<float> m_value;
    std::uint64_t m_rebases = 0;
};

/// A capped list of (item, count) slots per key, updated Space-Saving style (Metwally et
/// al. 2005): when the list is full the weakest slot is taken over and the newcomer
/// inherits its count, which bounds the over-estimate and lets rising pairs climb. Memory
/// is keys x cap, whatever the number of events.
class CappedCounts {
public:
    struct Slot {
        ItemId item;
        float count;
    };
    CappedCounts(std::size_t keys, std::size_t cap)
        : m_cap(cap), m_slots(keys), m_total(keys, 0.0f) {}
    void add(std::size_t key, ItemId item, float c) {
        if (key >= m_slots.size() || m_cap == 0)
            return;
        m_total[key] += c;
        std::vector<Slot>& slots = m_slots[key];
        for (Slot& s : slots)
            if (s.item == item) {
                s.count += c;
                return;
            }
        if (slots.size() < m_cap) {
            slots.push_back({item, c});
            return;
        }
        auto weakest =
            std::min_element(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
                return a.count < b.count || (a.count == b.count && a.item > b.item);
            });
        weakest->item = item;
        weakest->count += c;
    }
    const std::vector<Slot>& slots(std::size_t key) const {
        static const std::vector<Slot> none;
        return key < m_slots.size() ? m_slots[key] : none;
    }
    float count(std::size_t key, ItemId item) const {
        for (const Slot& s : slots(key))
            if (s.item == item)
                return s.count;
        return 0.0f;
    }
    float total(std::size_t key) const { return key < m_total.size() ? m_total[key] : 0.0f; }

private:
    std::size_t m_cap;
    std::vector<std::vector<Slot>> m_slots;
    std::vector<float> m_total;
};

} // namespace recoscope::core::kit
