#include "feature_index.h"

namespace recoscope::core::kit {

// Lists by (feature, group) rather than by feature alone (decision 0044): a shopper's
// strong features are words of a few top categories, and an item holds words of its own
// top category only, so the bound of what an unread item can score is taken per group.
// Built in two counting passes (items by group, then postings by feature), so each list
// comes out with its items ascending and the lists of a feature by group: O(nnz + groups
// + features), no sort.
void FeatureIndex::build(std::span<const std::uint32_t> offsets,
                         std::span<const std::uint32_t> features, std::span<const float> values,
                         std::size_t featureCount, std::span<const std::uint32_t> itemGroup,
                         std::size_t groupCount, std::span<const std::uint8_t> featureClass,
                         std::size_t classCount) {
    const std::size_t n = offsets.empty() ? 0 : offsets.size() - 1;
    m_groupCount = groupCount;
    m_cap.assign(classCount, 0);
    m_longest = 0;
    // Items in group order (ids ascending within a group).
    std::vector<std::uint32_t> groupStart(groupCount + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++groupStart[itemGroup[i] + 1];
    for (std::size_t g = 0; g < groupCount; ++g)
        groupStart[g + 1] += groupStart[g];
    std::vector<ItemId> byGroup(n);
    for (std::size_t i = 0; i < n; ++i)
        byGroup[groupStart[itemGroup[i]]++] = static_cast<ItemId>(i);
    // Postings by feature, in that item order: each feature's postings run by group.
    std::vector<std::uint32_t> featureStart(featureCount + 1, 0);
    for (std::uint32_t f : features)
        ++featureStart[f + 1];
    for (std::size_t f = 0; f < featureCount; ++f)
        featureStart[f + 1] += featureStart[f];
    m_items.assign(features.size(), 0);
    std::vector<float> value(features.size(), 0.0f);
    std::vector<std::uint32_t> fill(featureStart.begin(), featureStart.end() - 1);
    std::vector<std::uint32_t> perClass(classCount, 0);
    for (ItemId i : byGroup) {
        m_longest = std::max<std::size_t>(m_longest, offsets[i + 1] - offsets[i]);
        std::fill(perClass.begin(), perClass.end(), 0u);
        for (std::uint32_t p = offsets[i]; p < offsets[i + 1]; ++p) {
            const std::uint32_t f = features[p];
            m_items[fill[f]] = i;
            value[fill[f]++] = values[p];
            const std::uint8_t c = featureClass[f];
            m_cap[c] = std::max(m_cap[c], ++perClass[c]);
        }
    }
    // Cut each feature's postings where the group changes.
    m_listOfFeature.assign(featureCount + 1, 0);
    m_start.clear();
    m_max.clear();
    m_group.clear();
    m_listClass.clear();
    for (std::size_t f = 0; f < featureCount; ++f) {
        m_listOfFeature[f] = static_cast<std::uint32_t>(m_start.size());
        for (std::uint32_t p = featureStart[f]; p < featureStart[f + 1]; ++p) {
            const std::uint32_t g = itemGroup[m_items[p]];
            if (p == featureStart[f] || g != m_group.back()) {
                m_start.push_back(p);
                m_max.push_back(0.0f);
                m_group.push_back(g);
                m_listClass.push_back(featureClass[f]);
            }
            m_max.back() = std::max(m_max.back(), value[p]);
        }
    }
    m_listOfFeature[featureCount] = static_cast<std::uint32_t>(m_start.size());
    m_start.push_back(static_cast<std::uint32_t>(m_items.size()));
}

// Buckets the sorted terms by (group, class) with one counting pass; only the buckets
// and groups this query touches are visited, and the destructor clears them, so a
// request costs O(terms + caps x touched groups) whatever the number of groups.
GroupBounds::GroupBounds(const FeatureIndex& index, const std::vector<QueryTerm>& sortedTerms,
                         MaxScoreScratch& scratch)
    : m_index(index), m_s(scratch) {
    const std::size_t buckets = index.groupCount() * index.classCount();
    if (m_s.bucketCount.size() != buckets) {
        m_s.bucketCount.assign(buckets, 0);
        m_s.bucketNext.assign(buckets, 0);
        m_s.bucketEnd.assign(buckets, 0);
        m_s.groupBound.assign(index.groupCount(), 0.0);
        m_s.groupActive.assign(index.groupCount(), 0);
    }
    for (const QueryTerm& t : sortedTerms) {
        const std::size_t b = bucketOf(t.list);
        if (m_s.bucketCount[b]++ == 0) {
            m_s.touchedBuckets.push_back(static_cast<std::uint32_t>(b));
            const std::uint32_t g = index.group(t.list);
            if (!m_s.groupActive[g]) {
                m_s.groupActive[g] = 1;
                m_s.activeGroups.push_back(g);
            }
        }
    }
    std::uint32_t at = 0;
    for (std::uint32_t b : m_s.touchedBuckets) {
        m_s.bucketNext[b] = m_s.bucketEnd[b] = at;
        at += m_s.bucketCount[b];
    }
    m_s.sorted.resize(sortedTerms.size());
    for (const QueryTerm& t : sortedTerms) // in order of bound: largest first in each bucket
        m_s.sorted[m_s.bucketEnd[bucketOf(t.list)]++] = t.bound;
    for (std::uint32_t g : m_s.activeGroups)
        m_largest = std::max(m_largest, m_s.groupBound[g] = sumOf(g));
}

GroupBounds::~GroupBounds() {
    for (std::uint32_t b : m_s.touchedBuckets)
        m_s.bucketCount[b] = 0;
    for (std::uint32_t g : m_s.activeGroups) {
        m_s.groupActive[g] = 0;
        m_s.groupBound[g] = 0.0;
    }
    m_s.touchedBuckets.clear();
    m_s.activeGroups.clear();
}

double GroupBounds::sumOf(std::uint32_t group) const {
    double sum = 0.0;
    const std::size_t classes = m_index.classCount();
    for (std::size_t c = 0; c < classes; ++c) {
        const std::size_t b = group * classes + c;
        if (m_s.bucketCount[b] == 0)
            continue;
        const std::uint32_t end = std::min(m_s.bucketEnd[b], m_s.bucketNext[b] + m_index.cap(c));
        for (std::uint32_t j = m_s.bucketNext[b]; j < end; ++j)
            sum += m_s.sorted[j];
    }
    return sum;
}

void GroupBounds::markRead(const QueryTerm& t) {
    const std::uint32_t g = m_index.group(t.list);
    ++m_s.bucketNext[bucketOf(t.list)];
    const double before = m_s.groupBound[g];
    m_s.groupBound[g] = sumOf(g);
    if (before < m_largest)
        return; // another group holds the largest bound, and this one only fell
    m_largest = 0.0;
    for (std::uint32_t a : m_s.activeGroups)
        m_largest = std::max(m_largest, m_s.groupBound[a]);
}

} // namespace recoscope::core::kit
