#pragma once
// Named random streams derived from the run seed. Each component draws from its own
// stream, so adding draws to one (or a new stream) never shifts the others, and each
// shopper session has its own stream derived from (seed, user, session number): two
// recommenders run with the same seed face the same shoppers with the same dice.
// Streams use Boost.Random engines and distributions, which give the same draws on every
// platform and standard library (std:: distributions do not).

#include "recoscope/sim/session_seed_seq.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/seed_seq.hpp>
#include <boost/random/taus88.hpp>

#include <cstdint>
#include <string_view>

namespace recoscope::sim {

/// Stable 64-bit mix (SplitMix64 finaliser).
constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// FNV-1a of a stream name: a stable id that does not depend on declaration order.
constexpr std::uint64_t streamId(std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : name)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
}

/// Seed of a named component stream ("catalogue", "population", "arrivals", "core").
constexpr std::uint64_t streamSeed(std::uint64_t runSeed, std::string_view name) {
    return mix64(runSeed ^ mix64(streamId(name)));
}

/// Engine for long-lived component streams (generators): large period, seeded from all
/// 64 bits of the stream seed.
inline boost::random::mt19937 makeComponentEngine(std::uint64_t seed) {
    boost::random::seed_seq seq{static_cast<std::uint32_t>(seed),
                                static_cast<std::uint32_t>(seed >> 32)};
    return boost::random::mt19937(seq);
}

/// Small, cheap-to-seed engine for one shopper session (12 bytes of state).
inline boost::random::taus88 makeSessionEngine(std::uint64_t runSeed, std::uint32_t user,
                                               std::uint32_t session) {
    const std::uint64_t s = streamSeed(runSeed, "behaviour");
    // The words of boost::random::seed_seq{s, s >> 32, user, session}, computed once for
    // the three generators of taus88 (session_seed_seq.h).
    SessionSeedSeq seq{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s >> 32), user,
                       session};
    return boost::random::taus88(seq);
}

} // namespace recoscope::sim
