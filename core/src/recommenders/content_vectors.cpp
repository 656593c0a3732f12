#include "content_vectors.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace recoscope::core::kit {

void ContentVectors::build(const ItemTable& items, float attributeWeight) {
    const std::size_t n = items.size();
    wordCount = static_cast<std::uint32_t>(items.vocabulary.size());
    std::uint32_t maxWord = 0;
    for (std::uint32_t w : items.tagWords)
        maxWord = std::max(maxWord, w + 1);
    wordCount = std::max(wordCount, maxWord);
    // Document frequency for the IDF.
    std::vector<std::uint32_t> df(wordCount, 0);
    for (ItemId i = 0; i < n; ++i) {
        auto words = items.words(i);
        for (std::size_t a = 0; a < words.size(); ++a)
            if (std::find(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(a),
                          words[a]) == words.begin() + static_cast<std::ptrdiff_t>(a))
                ++df[words[a]];
    }
    // Price quintiles from the sorted log prices.
    std::vector<float> sorted(items.price.begin(), items.price.end());
    std::sort(sorted.begin(), sorted.end());
    float cuts[4] = {0, 0, 0, 0};
    for (int q = 0; q < 4 && !sorted.empty(); ++q)
        cuts[q] = sorted[(sorted.size() * static_cast<std::size_t>(q + 1)) / 5];
    const std::uint32_t cats = static_cast<std::uint32_t>(items.categoryCount());
    const std::uint32_t catBase = wordCount, topBase = catBase + cats, brandBase = topBase + cats,
                        bandBase = brandBase + items.brandCount;
    featureCount = bandBase + 5;
    offsets.assign(n + 1, 0);
    features.clear();
    values.clear();
    for (ItemId i = 0; i < n; ++i) {
        std::vector<std::pair<std::uint32_t, float>> v;
        auto words = items.words(i);
        for (std::uint32_t w : words) {
            auto it = std::find_if(v.begin(), v.end(), [w](const auto& x) { return x.first == w; });
            const float idf = static_cast<float>(std::log((n + 1.0) / (df[w] + 1.0)) + 1.0);
            if (it == v.end())
                v.push_back({w, idf});
            else
                it->second += idf;
        }
        v.push_back({catBase + items.category[i], attributeWeight});
        v.push_back({topBase + items.topCategory[i], 0.5f * attributeWeight});
        v.push_back({brandBase + items.brand[i], attributeWeight});
        const std::uint32_t band =
            static_cast<std::uint32_t>(std::upper_bound(cuts, cuts + 4, items.price[i]) - cuts);
        v.push_back({bandBase + band, 0.5f * attributeWeight});
        float norm = 0.0f;
        for (const auto& x : v)
            norm += x.second * x.second;
        norm = norm > 0.0f ? 1.0f / std::sqrt(norm) : 0.0f;
        for (const auto& x : v) {
            features.push_back(x.first);
            values.push_back(x.second * norm);
        }
        offsets[i + 1] = static_cast<std::uint32_t>(features.size());
    }
    // The scoring layout: every item in `width` (a multiple of 4) slots of (feature, value),
    // its own features first, in the same order, then padding on the feature featureCount,
    // whose query weight stays 0. A padding slot adds q x 0 = +0 to a sum that is already
    // >= +0, which leaves its bits as they are: the same float score as the sum over the
    // item's own features, read from one contiguous block per item.
    width = 1;
    for (ItemId i = 0; i < n; ++i)
        width = std::max<std::size_t>(width, offsets[i + 1] - offsets[i]);
    width = (width + 3) / 4 * 4;
    slots.assign(n * width, Slot{featureCount, 0.0f});
    for (ItemId i = 0; i < n; ++i)
        for (std::uint32_t p = offsets[i]; p < offsets[i + 1]; ++p)
            slots[i * width + (p - offsets[i])] = {features[p], values[p]};
}

std::vector<std::uint8_t> ContentVectors::featureClasses(const ItemTable& items) const {
    std::vector<std::uint8_t> featureClass(featureCount, 0);
    const std::uint32_t cats = static_cast<std::uint32_t>(items.categoryCount());
    for (std::uint32_t f = wordCount; f < featureCount; ++f) {
        const std::uint32_t a = f - wordCount;
        featureClass[f] = a < cats ? 1 : a < 2 * cats ? 2 : a < 2 * cats + items.brandCount ? 3 : 4;
    }
    return featureClass;
}

std::uint32_t ContentVectors::brandOf(const ItemTable& items, std::uint32_t f) const {
    const std::uint32_t base = wordCount + 2 * static_cast<std::uint32_t>(items.categoryCount());
    return f >= base && f - base < items.brandCount ? f - base : kNoBrand;
}

void ContentVectors::appendFeature(const ItemTable& items, ExplanationBuilder& b,
                                   std::uint32_t f) const {
    if (f < wordCount) {
        b.text("'").name(items.vocabulary[f]).text("'");
        return;
    }
    f -= wordCount;
    if (f < items.categoryCount()) {
        b.name(items.categoryName[f]);
        return;
    }
    f -= static_cast<std::uint32_t>(items.categoryCount());
    if (f < items.categoryCount()) {
        b.text("the ").name(items.categoryName[f]).text(" department");
        return;
    }
    f -= static_cast<std::uint32_t>(items.categoryCount());
    if (f < items.brandCount) {
        b.text("brand ").name(std::to_string(f));
        return;
    }
    f -= items.brandCount;
    static constexpr const char* bands[] = {"low-priced items", "budget items", "mid-priced items",
                                            "upper mid-priced items", "premium items"};
    b.text(bands[std::min<std::uint32_t>(f, 4)]);
}

} // namespace recoscope::core::kit
