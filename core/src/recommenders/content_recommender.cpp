#include "content_recommender.h"

#include "feature_index.h"
#include "recoscope/core/introspection.h"
#include "suite_kit.h"

namespace recoscope::core {

namespace {

// Content-based filtering (Pazzani & Billsus 2007; Lops et al. 2011): items are sparse
// L2-normalised vectors of TF-IDF title/tag words plus one-hot attributes (leaf category,
// top category, brand, price quintile). A user's profile is the decayed, behaviour-weighted
// sum of the vectors of the items they touched (view 1 < favourite 2 < cart 3 <
// purchase 5), capped to its strongest `profile_size` features so memory stays per user.
// Score = profile · item (the context item joins the profile on product pages), plus a
// small popularity prior so that equally matching items are ordered by appeal.
// Onboarding (decisions/0031): a shopper who answered the signup questionnaire starts with
// a profile of their stated leaf categories, `stated_weight` each, set before their first
// event or request; it decays like any interaction, so their own behaviour takes over.
// Without answers (RecommenderContext::statedCategories null or empty) nothing changes.
// Top k (issue 17, decision 0038): the score is a sum of non-negative terms plus a prior
// monotone in popularity, so kit::maxScoreTopK reads the most popular items, then the
// inverted lists of the query's features with the largest bounds, and stops when nothing
// unread can reach the k-th score: the scan's slate and scores, ties included. Decision
// 0044: the lists are per (feature, top category), and the bound of what is unread counts
// per item at most its class's cap of features (counted from the vectors: 4 words and one
// of each attribute in the simulator's shops), per top category.
class ContentRecommender final : public kit::SuiteCore, public FullScanProbe {
public:
    ContentRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 1), m_profileSize(static_cast<std::size_t>(p.integer("profile_size"))),
          m_tau(p.number("half_life_hours") * kSecondsPerHour / std::log(2.0)),
          m_attributeWeight(static_cast<float>(p.number("attribute_weight"))),
          m_contextWeight(static_cast<float>(p.number("context_weight"))),
          m_popularityWeight(static_cast<float>(p.number("popularity_weight"))),
          m_statedWeight(static_cast<float>(p.number("stated_weight"))),
          m_stated(ctx.statedCategories) {
        buildItemVectors();
        buildIndex();
        // A float sum of L non-negative products is within (L + 1) ulps of the real sum.
        m_slack = static_cast<double>(m_index.longestItem() + 2) * 0x1p-23;
        m_byPopularity.reset(m_items.size());
        m_inQuery.assign(m_featureCount, 0);
    }

    void setFullScan(bool on) override { m_fullScan = on; }

protected:
    void learn(const Event& e, float w) override {
        if (w > 0.0f) // SuiteCore::observe has just added w to e.item's popularity
            keepPopularityOrder(e.item);
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user))
            return;
        seedStated(e.user, e.time);
        if (e.user >= m_profiles.size())
            m_profiles.resize(static_cast<std::size_t>(e.user) + 1);
        Profile& prof = m_profiles[e.user];
        const float decay =
            prof.last > 0.0 || !prof.entries.empty()
                ? static_cast<float>(std::exp(-std::max(0.0, e.time - prof.last) / m_tau))
                : 1.0f;
        for (auto& [f, v] : prof.entries)
            v *= decay;
        prof.last = e.time;
        for (std::uint32_t n = m_offsets[e.item]; n < m_offsets[e.item + 1]; ++n)
            addFeature(prof, m_features[n], w * m_values[n]);
    }

    void rank(const Request& request, TopK& topk) override {
        seedStated(request.user, request.time);
        const bool hasProfile =
            request.user < m_profiles.size() && !m_profiles[request.user].entries.empty();
        const bool hasContext = m_items.contains(request.contextItem);
        if (!hasProfile && !hasContext)
            return; // nothing known: popularity fill-in answers
        buildQuery(request);
        const float popScale = m_popularityWeight / std::max(maxPopularity(), 1e-12f);
        const auto& pop = m_popular.rawValues();
        const float* query = m_query.data();
        const Slot* slots = m_slots.data();
        const std::size_t width = m_width;
        const auto score = [&](ItemId i) {
            // Four slots a step (the width is a multiple of 4): the same left-to-right sum.
            float s = 0.0f;
            const Slot* v = slots + static_cast<std::size_t>(i) * width;
            for (const Slot* end = v + width; v != end; v += 4) {
                s += query[v[0].feature] * v[0].value;
                s += query[v[1].feature] * v[1].value;
                s += query[v[2].feature] * v[2].value;
                s += query[v[3].feature] * v[3].value;
            }
            return s + popScale * pop[i];
        };
        if (m_fullScan || !collectTerms())
            scanAll(request, topk, score);
        else
            kit::maxScoreTopK(
                m_index, m_terms, m_byPopularity, kSeedDepth * topk.k() + kSeedDepth, m_slack, topk,
                m_search, score, [&](ItemId i) { return popScale * pop[i]; },
                [&](ItemId i) { return m_items.available[i] && !request.excludes(i); });
        clearQuery();
    }

    // rank()'s score for one item: the query (L2-normalised profile plus the weighted
    // context item) dotted with the item's vector, plus the popularity prior; the feature
    // adding most to the dot product is named.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const bool hasProfile =
            request.user < m_profiles.size() && !m_profiles[request.user].entries.empty();
        float norm2 = 0.0f;
        if (hasProfile)
            for (const auto& [f, v] : m_profiles[request.user].entries)
                norm2 += v * v;
        const float scale = norm2 > 0.0f ? std::sqrt(norm2) : 1.0f;
        std::uint32_t bestF = 0;
        float best = 0.0f, match = 0.0f;
        for (std::uint32_t n = m_offsets[item]; n < m_offsets[item + 1]; ++n) {
            float q = 0.0f;
            if (hasProfile)
                for (const auto& [f, v] : m_profiles[request.user].entries)
                    if (f == m_features[n])
                        q += v / scale;
            if (m_items.contains(request.contextItem))
                for (std::uint32_t c = m_offsets[request.contextItem];
                     c < m_offsets[request.contextItem + 1]; ++c)
                    if (m_features[c] == m_features[n])
                        q += m_contextWeight * m_values[c];
            match += q * m_values[n];
            if (q * m_values[n] > best) {
                best = q * m_values[n];
                bestF = m_features[n];
            }
        }
        const float prior =
            m_popularityWeight / std::max(maxPopularity(), 1e-12f) * m_popular.raw(item);
        ExplanationBuilder b;
        b.item(m_items, item);
        if (best > 0.0f) {
            b.text(" matches your interest in ");
            if (const std::uint32_t brand = brandOf(bestF); brand != kNoBrand)
                b.text("brand ").fact("brand", brand, Quantity::Label, 0);
            else
                appendFeature(b, bestF);
            b.text(m_items.contains(request.contextItem)
                       ? ", like the product you are looking at (that feature adds "
                       : " (that feature adds ")
                .fact("largest feature contribution", best, Quantity::Score, 3)
                .text(")");
        } else {
            b.text(" shares no feature with your profile");
        }
        return b.text(": profile match ")
            .addend("profile . item vector", match, 3)
            .text(" + popularity prior ")
            .addend("popularity prior", prior, 3)
            .text(" = score ")
            .total("score", entry.score, Quantity::Score, 3)
            .text(".")
            .take();
    }

private:
    struct Profile {
        std::vector<std::pair<std::uint32_t, float>> entries;
        SimTime last = 0.0;
    };

    // Once per user, before anything else enters their profile.
    void seedStated(UserId u, SimTime t) {
        if (!m_stated || m_statedWeight <= 0.0f || u >= m_stated->size() || (*m_stated)[u].empty())
            return;
        if (u >= m_seeded.size())
            m_seeded.resize(static_cast<std::size_t>(u) + 1, 0);
        if (m_seeded[u])
            return;
        m_seeded[u] = 1;
        if (u >= m_profiles.size())
            m_profiles.resize(static_cast<std::size_t>(u) + 1);
        Profile& prof = m_profiles[u];
        for (std::uint32_t c : (*m_stated)[u])
            if (c < m_items.categoryCount())
                addFeature(prof, m_wordCount + c, m_statedWeight);
        prof.last = t;
    }

    void addFeature(Profile& prof, std::uint32_t f, float v) {
        for (auto& [g, x] : prof.entries)
            if (g == f) {
                x += v;
                return;
            }
        if (prof.entries.size() < m_profileSize) {
            prof.entries.push_back({f, v});
            return;
        }
        auto weakest =
            std::min_element(prof.entries.begin(), prof.entries.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        if (weakest->second < v)
            *weakest = {f, v};
    }

    void buildQuery(const Request& request) {
        float norm = 0.0f;
        if (request.user < m_profiles.size()) {
            const Profile& prof = m_profiles[request.user];
            for (const auto& [f, v] : prof.entries) {
                m_query[f] += v;
                norm += v * v;
                m_touched.push_back(f);
            }
        }
        const float scale = norm > 0.0f ? std::sqrt(norm) : 1.0f;
        for (std::uint32_t f : m_touched)
            m_query[f] /= scale;
        if (m_items.contains(request.contextItem))
            for (std::uint32_t n = m_offsets[request.contextItem];
                 n < m_offsets[request.contextItem + 1]; ++n) {
                m_query[m_features[n]] += m_contextWeight * m_values[n];
                m_touched.push_back(m_features[n]);
            }
    }
    void clearQuery() {
        for (std::uint32_t f : m_touched)
            m_query[f] = 0.0f;
        m_touched.clear();
    }

    float maxPopularity() const {
        // Exact on every request: the prior is documented as popularity / the largest
        // popularity (a maximum cached for 512 requests let scores drift from that
        // definition); the kept order's head is that maximum.
        return m_byPopularity.size() == 0 ? 0.0f : m_popular.raw(m_byPopularity.at(0));
    }

    // The popularity order follows every change of one item's count; a rebase rescales
    // every count (and may zero some), so it sorts again.
    void keepPopularityOrder(ItemId item) {
        const auto key = [this](ItemId i) { return m_popular.raw(i); };
        if (m_popular.rebases() != m_rebasesSeen) {
            m_rebasesSeen = m_popular.rebases();
            m_byPopularity.resort(key);
        } else {
            m_byPopularity.update(item, key);
        }
    }

    // The query's lists (every (feature, top category) list of each distinct feature) with
    // their largest contribution; false (scan instead) if a weight is negative, which the
    // bound does not cover (profiles only add non-negative weights, so this is a guard,
    // not a path).
    bool collectTerms() {
        m_terms.clear();
        bool ok = true;
        for (std::uint32_t f : m_touched) {
            if (m_inQuery[f])
                continue;
            m_inQuery[f] = 1;
            const float q = m_query[f];
            ok = ok && q >= 0.0f;
            if (q > 0.0f)
                for (std::uint32_t l = m_index.firstList(f); l < m_index.firstList(f + 1); ++l)
                    m_terms.push_back(
                        {l, static_cast<double>(q) * static_cast<double>(m_index.maxValue(l))});
        }
        for (std::uint32_t f : m_touched)
            m_inQuery[f] = 0;
        return ok;
    }

    // The index groups items by top category (an item's words are drawn from its top
    // category's vocabulary in the simulator's shops, so most word lists fall in one
    // group) and classes features by kind: words, leaf category, top category, brand,
    // price band. The caps per class (4 words, one of each attribute here) are counted
    // from the vectors by FeatureIndex::build, not assumed.
    void buildIndex() {
        std::vector<std::uint8_t> featureClass(m_featureCount, 0);
        const std::uint32_t cats = static_cast<std::uint32_t>(m_items.categoryCount());
        for (std::uint32_t f = m_wordCount; f < m_featureCount; ++f) {
            const std::uint32_t a = f - m_wordCount;
            featureClass[f] = a < cats                            ? 1
                              : a < 2 * cats                      ? 2
                              : a < 2 * cats + m_items.brandCount ? 3
                                                                  : 4;
        }
        std::vector<std::uint32_t> group(m_items.topCategory.begin(), m_items.topCategory.end());
        std::size_t groups = 1;
        for (std::uint32_t& g : group) {
            g = std::min<std::uint32_t>(g, cats); // a top category out of range: one group
            groups = std::max<std::size_t>(groups, g + 1);
        }
        m_index.build(m_offsets, m_features, m_values, m_featureCount, group, groups, featureClass,
                      5);
    }

    static constexpr std::uint32_t kNoBrand = ~std::uint32_t{0};
    /// The brand a feature stands for, or kNoBrand.
    std::uint32_t brandOf(std::uint32_t f) const {
        const std::uint32_t base =
            m_wordCount + 2 * static_cast<std::uint32_t>(m_items.categoryCount());
        return f >= base && f - base < m_items.brandCount ? f - base : kNoBrand;
    }

    // A feature's name: words and category names are data (placeholders), the rest fixed
    // words of the pattern.
    void appendFeature(ExplanationBuilder& b, std::uint32_t f) const {
        if (f < m_wordCount) {
            b.text("'").name(m_items.vocabulary[f]).text("'");
            return;
        }
        f -= m_wordCount;
        if (f < m_items.categoryCount()) {
            b.name(m_items.categoryName[f]);
            return;
        }
        f -= static_cast<std::uint32_t>(m_items.categoryCount());
        if (f < m_items.categoryCount()) {
            b.text("the ").name(m_items.categoryName[f]).text(" department");
            return;
        }
        f -= static_cast<std::uint32_t>(m_items.categoryCount());
        if (f < m_items.brandCount) {
            b.text("brand ").name(std::to_string(f));
            return;
        }
        f -= m_items.brandCount;
        static constexpr const char* bands[] = {"low-priced items", "budget items",
                                                "mid-priced items", "upper mid-priced items",
                                                "premium items"};
        b.text(bands[std::min<std::uint32_t>(f, 4)]);
    }

    void buildItemVectors() {
        const std::size_t n = m_items.size();
        m_wordCount = static_cast<std::uint32_t>(m_items.vocabulary.size());
        std::uint32_t maxWord = 0;
        for (std::uint32_t w : m_items.tagWords)
            maxWord = std::max(maxWord, w + 1);
        m_wordCount = std::max(m_wordCount, maxWord);
        // Document frequency for the IDF.
        std::vector<std::uint32_t> df(m_wordCount, 0);
        for (ItemId i = 0; i < n; ++i) {
            auto words = m_items.words(i);
            for (std::size_t a = 0; a < words.size(); ++a)
                if (std::find(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(a),
                              words[a]) == words.begin() + static_cast<std::ptrdiff_t>(a))
                    ++df[words[a]];
        }
        // Price quintiles from the sorted log prices.
        std::vector<float> sorted(m_items.price.begin(), m_items.price.end());
        std::sort(sorted.begin(), sorted.end());
        float cuts[4] = {0, 0, 0, 0};
        for (int q = 0; q < 4 && !sorted.empty(); ++q)
            cuts[q] = sorted[(sorted.size() * static_cast<std::size_t>(q + 1)) / 5];
        const std::uint32_t cats = static_cast<std::uint32_t>(m_items.categoryCount());
        const std::uint32_t catBase = m_wordCount, topBase = catBase + cats,
                            brandBase = topBase + cats, bandBase = brandBase + m_items.brandCount;
        m_featureCount = bandBase + 5;
        m_offsets.assign(n + 1, 0);
        for (ItemId i = 0; i < n; ++i) {
            std::vector<std::pair<std::uint32_t, float>> v;
            auto words = m_items.words(i);
            for (std::uint32_t w : words) {
                auto it =
                    std::find_if(v.begin(), v.end(), [w](const auto& x) { return x.first == w; });
                const float idf = static_cast<float>(std::log((n + 1.0) / (df[w] + 1.0)) + 1.0);
                if (it == v.end())
                    v.push_back({w, idf});
                else
                    it->second += idf;
            }
            v.push_back({catBase + m_items.category[i], m_attributeWeight});
            v.push_back({topBase + m_items.topCategory[i], 0.5f * m_attributeWeight});
            v.push_back({brandBase + m_items.brand[i], m_attributeWeight});
            const std::uint32_t band = static_cast<std::uint32_t>(
                std::upper_bound(cuts, cuts + 4, m_items.price[i]) - cuts);
            v.push_back({bandBase + band, 0.5f * m_attributeWeight});
            float norm = 0.0f;
            for (const auto& x : v)
                norm += x.second * x.second;
            norm = norm > 0.0f ? 1.0f / std::sqrt(norm) : 0.0f;
            for (const auto& x : v) {
                m_features.push_back(x.first);
                m_values.push_back(x.second * norm);
            }
            m_offsets[i + 1] = static_cast<std::uint32_t>(m_features.size());
        }
        // The scoring layout: every item in `m_width` (a multiple of 4) slots of (feature, value),
        // its own features first, in the same order, then padding on the feature m_featureCount,
        // whose query weight stays 0. A padding slot adds q x 0 = +0 to a sum that is
        // already >= +0, which leaves its bits as they are: the same float score as the
        // sum over the item's own features, read from one contiguous block per item.
        m_query.assign(m_featureCount + 1, 0.0f);
        m_width = 1;
        for (ItemId i = 0; i < n; ++i)
            m_width = std::max<std::size_t>(m_width, m_offsets[i + 1] - m_offsets[i]);
        m_width = (m_width + 3) / 4 * 4;
        m_slots.assign(n * m_width, Slot{m_featureCount, 0.0f});
        for (ItemId i = 0; i < n; ++i)
            for (std::uint32_t p = m_offsets[i]; p < m_offsets[i + 1]; ++p)
                m_slots[i * m_width + (p - m_offsets[i])] = {m_features[p], m_values[p]};
    }

    std::size_t m_profileSize;
    double m_tau;
    float m_attributeWeight;
    float m_contextWeight;
    float m_popularityWeight;
    float m_statedWeight;
    const std::vector<std::vector<std::uint32_t>>* m_stated;
    std::vector<std::uint8_t> m_seeded; ///< per user: stated categories already in the profile
    std::uint32_t m_wordCount = 0;
    std::uint32_t m_featureCount = 0;
    std::vector<std::uint32_t> m_offsets;
    std::vector<std::uint32_t> m_features;
    std::vector<float> m_values;
    struct Slot {
        std::uint32_t feature;
        float value;
    };
    std::vector<Slot> m_slots; ///< item i's features: m_slots[i * m_width, (i + 1) * m_width)
    std::size_t m_width = 1;
    std::vector<Profile> m_profiles;
    std::vector<float> m_query;
    std::vector<std::uint32_t> m_touched;
    // The pruned top k (decision 0038): the inverted index, the items by popularity and
    // the search's scratch.
    // Popular items scored first: 4k + 4 (callgrind, 10k items: 0 gives 614 k
    // instructions per request, k + 1 165 k, 4k + 4 161 k, 16k + 16 175 k).
    static constexpr std::size_t kSeedDepth = 4;
    kit::FeatureIndex m_index;
    kit::RankedOrder m_byPopularity;
    std::uint64_t m_rebasesSeen = 0;
    double m_slack = 0.0;
    bool m_fullScan = false;
    std::vector<kit::QueryTerm> m_terms;
    std::vector<std::uint8_t> m_inQuery;
    kit::MaxScoreScratch m_search;
};

} // namespace

RecommenderEntry contentRecommenderEntry() {
    RecommenderEntry e;
    e.id = "content";
    e.description = "TF-IDF of titles and tags plus category, brand and price band, matched to a "
                    "decayed profile (seeded from the signup questionnaire's stated categories)";
    e.family = "content";
    e.params = {
        kit::intParam("profile_size", 8.0, 2000.0, 64.0,
                      "Strongest features kept in each user's profile"),
        kit::realParam("half_life_hours", 0.1, 8760.0, 72.0,
                       "Half-life of an interaction in the profile (hours)"),
        kit::realParam("attribute_weight", 0.0, 10.0, 1.0,
                       "Weight of category/brand/price features against words"),
        kit::realParam("context_weight", 0.0, 10.0, 1.0,
                       "Weight of the viewed product on product pages"),
        kit::realParam("popularity_weight", 0.0, 10.0, 1.0,
                       "Weight of the popularity prior among matching items"),
        kit::realParam("stated_weight", 0.0, 100.0, 1.0,
                       "Profile weight of each category a new shopper stated at signup "
                       "(onboarding questionnaire); 0 = ignore the answers"),
    };
    e.make = kit::factoryOf<ContentRecommender>();
    return e;
}

} // namespace recoscope::core
