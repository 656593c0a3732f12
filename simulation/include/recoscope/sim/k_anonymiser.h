#pragma once
// k-anonymity for exported demographics (docs/export-format.md). The quasi-identifiers
// are a user's four demographic codes (age band, gender, occupation, region). A released
// combination must be shared by at least k of the exported users, or it is generalised
// by suppression, in two fixed steps:
//   1. users whose full combination is shared by >= k exported users keep all four;
//   2. of the others, those whose (age band, gender, occupation) is shared by >= k of
//      *these other users* keep those three and lose the region (the field with the most
//      values, and the one that most narrows a person down: where they live);
//   3. the rest lose all four.
// Every non-blank released combination is then held by >= k users, counting only rows
// released in exactly that form. Deterministic: no order or hash of a container reaches
// the result. Plain functions of values; any thread.

#include <QtGlobal>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace recoscope::sim {

class KAnonymiser {
public:
    enum Field { AgeBand = 0, Gender = 1, Occupation = 2, Region = 3 };
    static constexpr int kFieldCount = 4;
    using Codes = std::array<std::uint8_t, kFieldCount>;

    /// What is released of one user's demographics.
    enum class Release : std::uint8_t { All, WithoutRegion, Nothing };

    struct Outcome {
        std::vector<Release> release; ///< one per input user, same order
        qint64 keptAll = 0, withoutRegion = 0, nothing = 0;
        /// Users whose field was blanked, by Field.
        std::array<qint64, kFieldCount> suppressed{};
    };

    /// `users` holds one entry per exported user (each user once). `k` >= 1 (1 releases
    /// everything).
    static Outcome generalise(std::span<const Codes> users, int k);

    /// True when `field` is released under `release`.
    static bool keeps(Release release, int field) {
        return release == Release::All || (release == Release::WithoutRegion && field != Region);
    }
};

} // namespace recoscope::sim
