#pragma once
// BlockMt19937: the 32-bit Mersenne Twister (Matsumoto and Nishimura, 1998) with the same
// numbers as boost::random::mt19937 for the same seed, tempered a block at a time.
//
// Boost tempers each number as it is drawn (four shift-mask-xor steps, ~20 instructions a
// draw with the index kept in memory). Here each twist of the 624-word state is followed by
// the tempering of all 624 words into a second array, two loops over whole words that the
// compiler turns into four-lane vector code; a draw is then one load and an index step.
// `random` draws ten or more numbers per request, the simulator a million requests a
// second. tst_random_draws compares the streams with Boost's for several seeds, millions of
// numbers each.
//
// Single-threaded, like any engine; 5 KiB of state.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace recoscope::core {

class BlockMt19937 {
public:
    using result_type = std::uint32_t;

    /// Seeded as boost::random::mt19937(seed) (the reference implementation's init_genrand).
    explicit BlockMt19937(std::uint32_t seed) {
        m_state[0] = seed;
        for (std::uint32_t j = 1; j < kN; ++j)
            m_state[j] = 1812433253u * (m_state[j - 1] ^ (m_state[j - 1] >> 30)) + j;
        m_next = kN;
    }

    /// The next number, uniform over all 32-bit values.
    std::uint32_t operator()() {
        if (m_next == kN) [[unlikely]]
            refill();
        return m_tempered[m_next++];
    }

    /// For a caller that maps many numbers in one tight loop (`random`'s draws): the numbers
    /// not yet drawn, in the order operator() would return them, are [pending(), blockEnd());
    /// after reading some, the caller says where it stopped with consumedTo(p), p in
    /// [pending(), blockEnd()]. The range is empty once a block is used up: call
    /// refillIfEmpty() first (when the next block is computed changes no number).
    void refillIfEmpty() {
        if (m_next == kN)
            refill();
    }
    const std::uint32_t* pending() const { return m_tempered.data() + m_next; }
    const std::uint32_t* blockEnd() const { return m_tempered.data() + kN; }
    void consumedTo(const std::uint32_t* p) {
        m_next = static_cast<std::size_t>(p - m_tempered.data());
    }

private:
    static constexpr std::size_t kN = 624, kM = 397;
    static constexpr std::uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u,
                                   kLower = 0x7fffffffu;

    // Four lanes of state words (GCC / Clang vector extensions: SSE2 on x86-64).
    using Lanes = std::uint32_t __attribute__((vector_size(16)));
    static Lanes load(const std::uint32_t* p) {
        Lanes v;
        std::memcpy(&v, p, sizeof v);
        return v;
    }
    // One step of the recurrence for four consecutive j: x[j+m] ^ (y >> 1) ^ (y odd ? a : 0),
    // y the top bit of x[j] and the low 31 of x[j+1]; -(x & 1) & a is (x & 1) * a.
    static Lanes step(Lanes xj, Lanes xj1, Lanes xjm) {
        const Lanes y = (xj & kUpper) | (xj1 & kLower);
        return xjm ^ (y >> 1) ^ ((Lanes{} - (xj1 & 1u)) & kMatrixA);
    }
    static std::uint32_t step(std::uint32_t xj, std::uint32_t xj1, std::uint32_t xjm) {
        const std::uint32_t y = (xj & kUpper) | (xj1 & kLower);
        return xjm ^ (y >> 1) ^ ((xj1 & 1u) * kMatrixA);
    }

    // Boost's tempering of one word, and of four.
    static std::uint32_t temper(std::uint32_t z) {
        z ^= z >> 11;
        z ^= (z << 7) & 0x9d2c5680u;
        z ^= (z << 15) & 0xefc60000u;
        return z ^ (z >> 18);
    }
    static Lanes temper(Lanes z) {
        z ^= z >> 11;
        z ^= (z << 7) & 0x9d2c5680u;
        z ^= (z << 15) & 0xefc60000u;
        return z ^ (z >> 18);
    }
    // Stores the new state words x[j .. j + 3] and their tempered numbers.
    void put(std::size_t j, Lanes next) {
        std::memcpy(m_state.data() + j, &next, sizeof next);
        const Lanes tempered = temper(next);
        std::memcpy(m_tempered.data() + j, &tempered, sizeof tempered);
    }
    void put(std::size_t j, std::uint32_t next) {
        m_state[j] = next;
        m_tempered[j] = temper(next);
    }

    // The next 624 words of the state (the reference twist, split where j + kM wraps, as
    // Boost's), four words at a time: each four read x[j + 1 .. j + 4] before writing
    // x[j .. j + 3], and x[j + kM] (not yet rewritten) or x[j + kM - kN] (rewritten 227
    // words before), so the order of the reference's reads and writes is kept. Each new
    // word is tempered as it is written (one pass over the state, not two: about 9.5
    // instructions a word before, tst_random_draws compares the numbers with Boost's).
    [[gnu::noinline]] void refill() {
        const std::uint32_t* x = m_state.data();
        std::size_t j = 0;
        for (; j + 4 <= kN - kM; j += 4)
            put(j, step(load(x + j), load(x + j + 1), load(x + j + kM)));
        for (; j < kN - kM; ++j)
            put(j, step(x[j], x[j + 1], x[j + kM]));
        // 396 words from j = 227 to 622: whole groups of four, no tail.
        static_assert((kM - 1) % 4 == 0);
        for (; j + 4 <= kN - 1; j += 4)
            put(j, step(load(x + j), load(x + j + 1), load(x + (j + kM - kN))));
        put(kN - 1, step(x[kN - 1], x[0], x[kM - 1]));
        m_next = 0;
    }

    std::array<std::uint32_t, kN> m_state;
    std::array<std::uint32_t, kN> m_tempered;
    std::size_t m_next;
};

} // namespace recoscope::core
