#pragma once
// BlockMt19937: the 32-bit Mersenne Twister (Matsumoto and Nishimura, 1998) with the same
// numbers as boost::random::mt19937 for the same seed, tempered a block at a time.
//
// Boost tempers each number as it is drawn (four shift-mask-xor steps, ~20 instructions a
// draw with the index kept in memory). Here each twist of the 624-word state is followed by
// the tempering of all 624 words into a second array, in eight-lane vector code (AVX2
// where the CPU has it, chosen at run time); a draw is then one load and an index step.
// `random` draws ten or more numbers per request, the simulator a million requests a
// second. tst_random_draws compares the streams with Boost's for several seeds, millions of
// numbers each.
//
// Single-threaded, like any engine; 5 KiB of state.

#include <array>
#include <cstddef>
#include <cstdint>

namespace recoscope::core {

class BlockMt19937 {
public:
    using result_type = std::uint32_t;

    /// How a block is computed: eight words per instruction where the CPU has AVX2 (about
    /// half the instructions), four with SSE2 (every x86-64) or plain code elsewhere. Both
    /// give the same numbers; Fastest picks the best the CPU has, the others are for tests.
    enum class Twist { Fastest, Portable };

    /// Seeded as boost::random::mt19937(seed) (the reference implementation's init_genrand).
    explicit BlockMt19937(std::uint32_t seed, Twist twist = Twist::Fastest)
        : m_wide(twist == Twist::Fastest && wideTwistAvailable()) {
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
    static constexpr std::size_t kN = 624;

    // The next 624 words of the state and their tempered numbers, with the AVX2 code or
    // the portable one (block_mt19937.cpp); m_next = 0.
    [[gnu::noinline]] void refill();
    static bool wideTwistAvailable();

    std::array<std::uint32_t, kN> m_state;
    std::array<std::uint32_t, kN> m_tempered;
    std::size_t m_next;
    bool m_wide; // the AVX2 twist
};

} // namespace recoscope::core
