#pragma once
// The seed sequence of a shopper session's stream (seeds.h, makeSessionEngine): the same
// words as boost::random::seed_seq over four input words, computed once per session.
//
// Boost's taus88 seeds each of its three component generators with
// seed_seq::generate(4 words) — the same four words each time, since generate() only reads
// the sequence — and Boost's loop takes a run-time modulo at every step. Seeding was a
// quarter of starting a session. This class runs the same algorithm with the sizes fixed
// at compile time (the modulos fold away) and hands out the remembered words for the
// second and third generator. Any other length goes to boost::random::seed_seq itself.
// tst_shopper_model checks the words against Boost's for many inputs and lengths.

#include <boost/random/seed_seq.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace recoscope::sim {

/// boost::random::seed_seq::generate for S input words and N output words, transcribed
/// with the same operations in the same order (unsigned 32-bit arithmetic).
template <std::size_t S, std::size_t N>
constexpr std::array<std::uint32_t, N> seedSeqWords(const std::array<std::uint32_t, S>& v) {
    std::array<std::uint32_t, N> out{};
    out.fill(0x8b8b8b8bu);
    constexpr std::size_t s = S, n = N;
    constexpr std::size_t t = (n >= 623)  ? 11
                              : (n >= 68) ? 7
                              : (n >= 39) ? 5
                              : (n >= 7)  ? 3
                                          : (n - 1) / 2;
    constexpr std::size_t p = (n - t) / 2;
    constexpr std::size_t q = p + t;
    constexpr std::size_t m = std::max(s + 1, n);
    for (std::size_t k = 0; k < m; ++k) {
        std::uint32_t r1 = out[k % n] ^ out[(k + p) % n] ^ out[(k + n - 1) % n];
        r1 = r1 ^ (r1 >> 27);
        r1 = r1 * 1664525u;
        const auto r2 = static_cast<std::uint32_t>(r1 + ((k == 0)   ? s
                                                         : (k <= s) ? k % n + v[k - 1]
                                                                    : (k % n)));
        out[(k + p) % n] = out[(k + p) % n] + r1;
        out[(k + q) % n] = out[(k + q) % n] + r2;
        out[k % n] = r2;
    }
    for (std::size_t k = m; k < m + n; ++k) {
        std::uint32_t r3 = out[k % n] + out[(k + p) % n] + out[(k + n - 1) % n];
        r3 = r3 ^ (r3 >> 27);
        r3 = r3 * 1566083941u;
        const auto r4 = static_cast<std::uint32_t>(r3 - k % n);
        out[(k + p) % n] ^= r3;
        out[(k + q) % n] ^= r4;
        out[k % n] = r4;
    }
    return out;
}

/// A seed sequence of four words for Boost.Random engines' SeedSeq constructors.
class SessionSeedSeq {
public:
    SessionSeedSeq(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d)
        : m_in{a, b, c, d} {}

    /// Fills [first, last) exactly as boost::random::seed_seq{a, b, c, d} would.
    template <class Iter> void generate(Iter first, Iter last) const {
        if (std::distance(first, last) == 4) {
            if (!m_ready) {
                m_four = seedSeqWords<4, 4>(m_in);
                m_ready = true;
            }
            std::copy(m_four.begin(), m_four.end(), first);
            return;
        }
        generateOther(first, last);
    }

private:
    // Engines other than taus88 ask for more words: Boost's own sequence, kept out of
    // line so that the four-word path above stays small enough to inline.
    template <class Iter> [[gnu::noinline]] void generateOther(Iter first, Iter last) const {
        boost::random::seed_seq(m_in.begin(), m_in.end()).generate(first, last);
    }

    std::array<std::uint32_t, 4> m_in;
    mutable std::array<std::uint32_t, 4> m_four{};
    mutable bool m_ready = false;
};

} // namespace recoscope::sim
