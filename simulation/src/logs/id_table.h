#pragma once
// Private: external id (any bytes) -> dense id in first-seen order, for log import.
// Open addressing with linear probing over a byte arena: one hash and usually one key
// comparison per lookup, no allocation per id. It replaced a QHash<QByteArray, quint32>
// that took about a third of an import's time (docs/performance.md).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace recoscope::sim::logs {

class IdTable {
public:
    IdTable() { m_slots.assign(1024, kEmpty); }

    /// The dense id of `key`; a new key gets the next id and `inserted` is set.
    std::uint32_t findOrInsert(std::string_view key, bool& inserted) {
        const std::uint64_t h = hash(key);
        std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.id == kNone)
                break;
            if (s.tag == static_cast<std::uint32_t>(h >> 32) && this->key(s.id) == key) {
                inserted = false;
                return s.id;
            }
        }
        inserted = true;
        const auto id = static_cast<std::uint32_t>(m_offsets.size());
        m_offsets.push_back(static_cast<std::uint64_t>(m_bytes.size()));
        m_bytes.append(key);
        m_ends.push_back(static_cast<std::uint64_t>(m_bytes.size()));
        if (2 * (m_offsets.size() + 1) > m_slots.size())
            grow();
        place(id, h);
        return id;
    }

    std::size_t size() const { return m_offsets.size(); }
    std::string_view key(std::uint32_t id) const {
        return std::string_view(m_bytes).substr(m_offsets[id], m_ends[id] - m_offsets[id]);
    }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    struct Slot {
        std::uint32_t id;
        std::uint32_t tag; ///< high half of the hash: most mismatches end here
    };
    static constexpr Slot kEmpty{kNone, 0};

    // 8 bytes at a time with a multiply-xorshift mix (wyhash-like); ids are short.
    static std::uint64_t hash(std::string_view key) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
        std::size_t i = 0;
        for (; i + 8 <= key.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, key.data() + i, 8);
            h = mix(h ^ w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, key.data() + i, key.size() - i);
        return mix(h ^ tail ^ (0xA0761D6478BD642Full * (key.size() - i)));
    }
    static std::uint64_t mix(std::uint64_t x) {
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93ull;
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93ull;
        return x ^ (x >> 32);
    }

    void place(std::uint32_t id, std::uint64_t h) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = h & mask;
        while (m_slots[i].id != kNone)
            i = (i + 1) & mask;
        m_slots[i] = {id, static_cast<std::uint32_t>(h >> 32)};
    }

    void grow() {
        std::vector<Slot> old(m_slots.size() * 2, kEmpty);
        old.swap(m_slots);
        for (const Slot& s : old)
            if (s.id != kNone)
                place(s.id, hash(key(s.id)));
    }

    std::vector<Slot> m_slots;
    std::vector<std::uint64_t> m_offsets, m_ends;
    std::string m_bytes;
};

} // namespace recoscope::sim::logs
