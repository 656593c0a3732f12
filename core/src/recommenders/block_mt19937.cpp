#include "block_mt19937.h"

#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// The eight-lane helpers below are always inlined, so no vector crosses a call: GCC's note
// that passing one would change the ABI without AVX does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace recoscope::core {

namespace {

constexpr std::size_t kN = 624, kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u, kLower = 0x7fffffffu;

// Lanes of state words (GCC / Clang vector extensions). Eight lanes are one AVX2 register
// in wideTwist() and two SSE2 registers in the portable twist(); four lanes finish the
// second part of the twist, one lane the words left over. (Spelled out: a vector_size
// that depends on a template parameter is dropped in an alias template.)
using Words8 = std::uint32_t __attribute__((vector_size(32)));
using Words4 = std::uint32_t __attribute__((vector_size(16)));
static_assert(sizeof(Words8) == 32 && sizeof(Words4) == 16);

template <class V> [[gnu::always_inline]] inline V load(const std::uint32_t* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// One step of the recurrence for consecutive j: x[j+m] ^ (y >> 1) ^ (y odd ? a : 0), y the
// top bit of x[j] and the low 31 of x[j+1]; -(x & 1) & a is (x & 1) * a.
template <class V> [[gnu::always_inline]] inline V step(V xj, V xj1, V xjm) {
    const V y = (xj & kUpper) | (xj1 & kLower);
    return xjm ^ (y >> 1) ^ ((V{} - (xj1 & 1u)) & kMatrixA);
}

// Boost's tempering, lane by lane.
template <class V> [[gnu::always_inline]] inline V temper(V z) {
    z ^= z >> 11;
    z ^= (z << 7) & 0x9d2c5680u;
    z ^= (z << 15) & 0xefc60000u;
    return z ^ (z >> 18);
}

// Stores the new state words x[j ..] and their tempered numbers.
template <class V>
[[gnu::always_inline]] inline void put(std::uint32_t* state, std::uint32_t* tempered, std::size_t j,
                                       V next) {
    std::memcpy(state + j, &next, sizeof next);
    const V t = temper(next);
    std::memcpy(tempered + j, &t, sizeof t);
}

// The reference twist, split where j + kM wraps as Boost's, eight words at a time: each
// group reads x[j + 1 ..] before writing x[j ..], and x[j + kM] (not yet rewritten) or
// x[j + kM - kN] (rewritten 227 words before, more than a group's width), so the order of
// the reference's reads and writes is kept. Each new word is tempered as it is written.
// The counts are spelled out (227 = 28 x 8 + 3; 396 = 49 x 8 + 4, then the last word):
// with scalar tail loops instead, GCC 12 at -O2 vectorised one of them into wrong words.
[[gnu::always_inline]] inline void twist(std::uint32_t* x, std::uint32_t* tempered) {
    static_assert(kN - kM == 28 * 8 + 3 && kN - 1 - (kN - kM) == 49 * 8 + 4);
    std::size_t j = 0;
    for (; j < 28 * 8; j += 8)
        put(x, tempered, j,
            step(load<Words8>(x + j), load<Words8>(x + j + 1), load<Words8>(x + j + kM)));
    put(x, tempered, 224, step(x[224], x[225], x[224 + kM]));
    put(x, tempered, 225, step(x[225], x[226], x[225 + kM]));
    put(x, tempered, 226, step(x[226], x[227], x[226 + kM]));
    for (j = kN - kM; j < kN - kM + 49 * 8; j += 8)
        put(x, tempered, j,
            step(load<Words8>(x + j), load<Words8>(x + j + 1), load<Words8>(x + (j + kM - kN))));
    put(x, tempered, j,
        step(load<Words4>(x + j), load<Words4>(x + j + 1), load<Words4>(x + (j + kM - kN))));
    put(x, tempered, kN - 1, step(x[kN - 1], x[0], x[kM - 1]));
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__AVX2__)
// The same source compiled for AVX2: one register holds the eight lanes.
[[gnu::target("avx2")]] void wideTwist(std::uint32_t* x, std::uint32_t* tempered) {
    twist(x, tempered);
    // GCC adds this itself from -O2, not at -O1 (asan preset) or -O0 (its VZEROUPPER pass
    // is an "expensive optimisation"); without it the caller's SSE code runs with the upper
    // halves in use (simulation's vector_state.h, tst_vector_state).
    _mm256_zeroupper();
}
#define RECOSCOPE_WIDE_TWIST 1
#endif

} // namespace

bool BlockMt19937::wideTwistAvailable() {
#if defined(RECOSCOPE_WIDE_TWIST)
    return __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

void BlockMt19937::refill() {
#if defined(RECOSCOPE_WIDE_TWIST)
    if (m_wide) {
        wideTwist(m_state.data(), m_tempered.data());
        m_next = 0;
        return;
    }
#endif
    twist(m_state.data(), m_tempered.data());
    m_next = 0;
}

} // namespace recoscope::core
