#pragma once
// Private: the item vectors of the `content` core (TF-IDF words plus one-hot attributes),
// in the two layouts it reads them in: CSR rows for learning and explanations, padded
// slot blocks for scoring (decision 0044).

#include "recoscope/core/explanation.h"
#include "recoscope/core/shop.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace recoscope::core::kit {

/// Sparse L2-normalised item vectors over the features: words [0, wordCount), then the leaf
/// categories, the top categories, the brands and five price bands. Built once from the
/// catalogue; read-only afterwards.
struct ContentVectors {
    struct Slot {
        std::uint32_t feature;
        float value;
    };

    /// Builds every item's vector: IDF-weighted words, `attributeWeight` for the leaf
    /// category and brand, half of it for the top category and the price band (quintiles of
    /// the prices), then each row scaled to unit length (a row of zeros stays zero).
    void build(const ItemTable& items, float attributeWeight);

    /// Each feature's class for FeatureIndex::build: 0 words, 1 leaf category, 2 top
    /// category, 3 brand, 4 price band.
    std::vector<std::uint8_t> featureClasses(const ItemTable& items) const;

    /// The brand a feature stands for, or kNoBrand.
    std::uint32_t brandOf(const ItemTable& items, std::uint32_t f) const;
    static constexpr std::uint32_t kNoBrand = ~std::uint32_t{0};

    /// A feature's name for an explanation: words and category names are data
    /// (placeholders), the rest fixed words of the pattern.
    void appendFeature(const ItemTable& items, ExplanationBuilder& b, std::uint32_t f) const;

    std::uint32_t wordCount = 0;
    std::uint32_t featureCount = 0;
    std::vector<std::uint32_t> offsets; ///< item i's features: [offsets[i], offsets[i + 1])
    std::vector<std::uint32_t> features;
    std::vector<float> values;
    /// Item i's features: slots[i * width, (i + 1) * width), its own first in the same order,
    /// then padding on feature `featureCount` with value 0; width is a multiple of 4.
    std::vector<Slot> slots;
    std::size_t width = 1;
};

} // namespace recoscope::core::kit
