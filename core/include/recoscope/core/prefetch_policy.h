#pragma once
// When the simulator's per-item prefetch hints pay for themselves.

#include <cstddef>

namespace recoscope::core {

/// Catalogues from this many items on get prefetch hints for a slate's items (the shopper
/// model's rows, the metrics' per-item state). Below it every per-item table a slate reads
/// (64-byte hidden vectors, 16- and 32-byte records) fits in a 2 MiB cache and stays there,
/// so the hints find the lines already loaded and only cost instructions: about 300 per
/// step on `default` (3,000 items). At 65,536 items the vectors alone take 4 MiB.
inline constexpr std::size_t kPrefetchMinItems = 65536;

/// True when a catalogue of `items` items is large enough for prefetching to pay.
/// A hint changes no value, so this decides speed only, never a result.
constexpr bool prefetchPays(std::size_t items) {
    return items >= kPrefetchMinItems;
}

} // namespace recoscope::core
