#include "recoscope/sim/world.h"

#include "recoscope/core/huge_pages.h"
#include "sha256.h"
#include "word_scores.h"

#include "recoscope/sim/seeds.h"
#include "recoscope/sim/vector_state.h"

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <future>
#include <numeric>
#include <system_error>

namespace recoscope::sim {

namespace {

using Engine = boost::random::mt19937;

const char* const kTopNames[] = {"Kitchen", "Fashion", "Electronics", "Books",   "Toys",   "Garden",
                                 "Beauty",  "Sports",  "Home",        "Grocery", "Pets",   "Music",
                                 "Office",  "Baby",    "Auto",        "Health",  "Travel", "Games"};
const char* const kSyllables[] = {"ka", "lo", "mi", "ne", "ra", "to", "vi", "su",
                                  "pe", "da", "zo", "fi", "ba", "ru", "te", "no",
                                  "li", "sa", "mo", "ge", "ha", "wu", "xi", "ye"};

std::string makeWord(Engine& rng, int syllables) {
    boost::random::uniform_int_distribution<int> pick(0,
                                                      static_cast<int>(std::size(kSyllables)) - 1);
    std::string w;
    for (int s = 0; s < syllables; ++s)
        w += kSyllables[pick(rng)];
    return w;
}

void normalise(float* v, int dim) {
    double n = 0.0;
    for (int d = 0; d < dim; ++d)
        n += static_cast<double>(v[d]) * v[d];
    n = std::sqrt(n);
    if (n > 0.0)
        for (int d = 0; d < dim; ++d)
            v[d] = static_cast<float>(v[d] / n);
}

std::vector<float> gaussianVectors(Engine& rng, std::size_t count, int dim) {
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> out(count * static_cast<std::size_t>(dim));
    for (float& x : out)
        x = normal(rng);
    for (std::size_t i = 0; i < count; ++i)
        normalise(out.data() + i * dim, dim);
    return out;
}

template <class T, class A> void hashVector(Sha256& h, const std::vector<T, A>& v) {
    h.addData(v.data(), v.size() * sizeof(T));
}

// Which leaves lie under `category` (itself when it is a leaf).
std::vector<int> leavesUnder(const World& w, int category) {
    std::vector<int> out;
    const auto& parent = w.items.categoryParent;
    for (std::size_t l = 0; l < w.leafCategories.size(); ++l) {
        std::uint32_t c = w.leafCategories[l];
        for (;;) {
            if (static_cast<int>(c) == category) {
                out.push_back(static_cast<int>(l));
                break;
            }
            if (parent[c] == c)
                break;
            c = parent[c];
        }
    }
    return out;
}

void generateCatalogue(const Scenario& sc, std::uint64_t seed, World& w) {
    Engine rng = makeComponentEngine(streamSeed(seed, "catalogue"));
    const CatalogueSpec& cs = sc.catalogue;
    const int dim = w.dim;
    const int tops = cs.topCategories;
    const int subs = tops * cs.subcategoriesPerTop;
    const bool threeLevels = cs.leavesPerSubcategory > 0;
    const int leaves = threeLevels ? subs * cs.leavesPerSubcategory : subs;
    core::ItemTable& t = w.items;

    // Category tree: ids 0..tops-1 are top-level, then the subcategories (each under one
    // top), then, in a three-level tree, the leaves (each under one subcategory).
    const int categories = sc.categoryCount();
    t.categoryParent.resize(static_cast<std::size_t>(categories));
    t.categoryName.resize(t.categoryParent.size());
    w.categoryDepth.assign(t.categoryParent.size(), 0);
    for (int c = 0; c < tops; ++c) {
        t.categoryParent[c] = static_cast<std::uint32_t>(c);
        t.categoryName[c] = c < static_cast<int>(std::size(kTopNames))
                                ? kTopNames[c]
                                : "Department " + std::to_string(c + 1);
    }
    auto name = [&] {
        std::string n = makeWord(rng, 2);
        n[0] = static_cast<char>(std::toupper(n[0]));
        return n;
    };
    for (int sub = 0; sub < subs; ++sub) {
        t.categoryParent[tops + sub] = static_cast<std::uint32_t>(sub / cs.subcategoriesPerTop);
        t.categoryName[tops + sub] = name();
        w.categoryDepth[tops + sub] = 1;
    }
    if (threeLevels)
        for (int l = 0; l < leaves; ++l) {
            t.categoryParent[tops + subs + l] =
                static_cast<std::uint32_t>(tops + l / cs.leavesPerSubcategory);
            t.categoryName[tops + subs + l] = name();
            w.categoryDepth[tops + subs + l] = 2;
        }
    const int firstLeaf = threeLevels ? tops + subs : tops;
    w.leafCategories.resize(static_cast<std::size_t>(leaves));
    for (int l = 0; l < leaves; ++l)
        w.leafCategories[l] = static_cast<std::uint32_t>(firstLeaf + l);
    auto topOfLeaf = [&](int leaf) {
        std::uint32_t c = w.leafCategories[leaf];
        while (t.categoryParent[c] != c)
            c = t.categoryParent[c];
        return static_cast<int>(c);
    };

    // Hidden geometry: subcategories near their top, leaves near their subcategory, items
    // near their leaf and brand.
    std::vector<float> topVec = gaussianVectors(rng, static_cast<std::size_t>(tops), dim);
    std::vector<float> subVec = gaussianVectors(rng, static_cast<std::size_t>(subs), dim);
    for (int sub = 0; sub < subs; ++sub) {
        float* v = subVec.data() + static_cast<std::size_t>(sub) * dim;
        const float* p =
            topVec.data() + static_cast<std::size_t>(sub / cs.subcategoriesPerTop) * dim;
        for (int d = 0; d < dim; ++d)
            v[d] = 0.7f * p[d] + 0.5f * v[d];
        normalise(v, dim);
    }
    std::vector<float> leafVec = subVec;
    if (threeLevels) {
        leafVec = gaussianVectors(rng, static_cast<std::size_t>(leaves), dim);
        for (int l = 0; l < leaves; ++l) {
            float* v = leafVec.data() + static_cast<std::size_t>(l) * dim;
            const float* p =
                subVec.data() + static_cast<std::size_t>(l / cs.leavesPerSubcategory) * dim;
            for (int d = 0; d < dim; ++d)
                v[d] = 0.8f * p[d] + 0.4f * v[d];
            normalise(v, dim);
        }
    }
    const std::size_t brands = static_cast<std::size_t>(leaves) * cs.brandsPerCategory;
    t.brandCount = static_cast<std::uint32_t>(brands);
    std::vector<float> brandVec = gaussianVectors(rng, brands, dim);

    // Vocabulary: each top category has its own words, each word a direction in the
    // hidden space, so that words describe what shoppers respond to (content signal).
    const int vocabPerTop = cs.vocabularyPerCategory;
    t.vocabulary.reserve(static_cast<std::size_t>(tops * vocabPerTop));
    for (int i = 0; i < tops * vocabPerTop; ++i)
        t.vocabulary.push_back(makeWord(rng, 2 + i % 2));
    std::vector<float> wordVec = gaussianVectors(rng, t.vocabulary.size(), dim);
    detail::WordScores wordScorer(wordVec, tops, vocabPerTop, dim);

    // Long-tailed category sizes: Zipf-like weights over leaves in a shuffled order.
    std::vector<double> leafWeight(static_cast<std::size_t>(leaves));
    for (int l = 0; l < leaves; ++l)
        leafWeight[l] = 1.0 / std::pow(l + 1.0, cs.categoryZipf);
    for (int l = leaves - 1; l > 0; --l) {
        boost::random::uniform_int_distribution<int> pick(0, l);
        std::swap(leafWeight[l], leafWeight[pick(rng)]);
    }
    boost::random::discrete_distribution<int, double> pickLeaf(leafWeight.begin(),
                                                               leafWeight.end());
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    boost::random::uniform_01<double> uniform;
    boost::random::normal_distribution<double> catPriceOffset(0.0, 0.5);
    std::vector<double> leafPrice(static_cast<std::size_t>(leaves));
    for (double& p : leafPrice)
        p = std::log(cs.priceMedian) + catPriceOffset(rng);

    const auto n = static_cast<std::size_t>(sc.totalItems());
    // The tables a step reads at random go on huge pages (core/huge_pages.h).
    core::assignOnHugePages(t.category, n);
    t.topCategory.resize(n);
    core::assignOnHugePages(t.brand, n);
    t.price.resize(n);
    core::assignOnHugePages(t.discount, n, 0.0f);
    t.launchTime.assign(n, 0.0);
    core::assignOnHugePages(t.available, n, 0);
    t.availableCount = 0;
    t.tagOffsets.assign(n + 1, 0);
    t.tagWords.reserve(n * static_cast<std::size_t>(std::min(cs.tagsPerItem, vocabPerTop)));
    w.itemVectors.resize(n * static_cast<std::size_t>(dim));
    w.itemQuality.resize(n);
    w.itemLogRelPrice.resize(n);
    w.itemStock.resize(n);
    w.itemRestockLead.resize(n);
    w.itemBaseDiscount.assign(n, 0.0f);
    core::assignOnHugePages(w.itemConsumable, n, 0);

    const float coh = static_cast<float>(cs.categoryCoherence);
    const float own = std::sqrt(std::max(0.0f, 1.0f - coh * coh));
    const double duration = sc.durationDays * core::kSecondsPerDay;
    const double stockSigma = 0.8;
    std::vector<std::pair<float, std::uint32_t>> wordScores;
    auto makeItem = [&](std::size_t i, int leaf, core::SimTime launch) {
        const int top = topOfLeaf(leaf);
        boost::random::uniform_int_distribution<int> pickBrand(0, cs.brandsPerCategory - 1);
        const std::size_t brand =
            static_cast<std::size_t>(leaf) * cs.brandsPerCategory + pickBrand(rng);
        t.category[i] = w.leafCategories[leaf];
        t.topCategory[i] = static_cast<std::uint32_t>(top);
        t.brand[i] = static_cast<std::uint32_t>(brand);
        t.launchTime[i] = launch;

        float* v = w.itemVectors.data() + i * dim;
        const float* lv = leafVec.data() + static_cast<std::size_t>(leaf) * dim;
        const float* bv = brandVec.data() + brand * dim;
        for (int d = 0; d < dim; ++d)
            v[d] =
                coh * lv[d] + own * normal(rng) / std::sqrt(static_cast<float>(dim)) + 0.2f * bv[d];
        normalise(v, dim);

        w.itemQuality[i] = static_cast<float>(cs.qualitySigma) * normal(rng);
        const double logPrice = leafPrice[leaf] + cs.priceSigma * normal(rng);
        t.price[i] = static_cast<float>(std::round(std::exp(logPrice) * 100.0) / 100.0);
        t.price[i] = std::max(t.price[i], 0.01f);
        w.itemLogRelPrice[i] = static_cast<float>(std::log(t.price[i] / cs.priceMedian));

        // Stock: log-normal around stock_mean (mean preserved), at least one unit.
        const float z = normal(rng);
        w.itemStock[i] =
            cs.stockMean > 0.0
                ? std::max<std::int32_t>(
                      1,
                      static_cast<std::int32_t>(std::lround(
                          cs.stockMean * std::exp(stockSigma * z - stockSigma * stockSigma / 2))))
                : -1;
        w.itemRestockLead[i] = static_cast<float>(-std::log(1.0 - uniform(rng)) * cs.restockDays *
                                                  core::kSecondsPerDay);
        if (uniform(rng) < cs.discountShare)
            w.itemBaseDiscount[i] = static_cast<float>(
                std::round((0.05 + (cs.discountMax - 0.05) * uniform(rng)) * 100.0) / 100.0);
        w.itemConsumable[i] = uniform(rng) < cs.consumableShare ? 1 : 0;

        // Tags: the top category's words closest to the item's hidden vector, with noise.
        wordScores.clear();
        const float* dots = wordScorer.dots(top, v); // each word's dot, as one by one
        for (int k = 0; k < vocabPerTop; ++k) {
            const std::uint32_t word = static_cast<std::uint32_t>(top * vocabPerTop + k);
            wordScores.push_back({dots[k] + 0.15f * normal(rng), word});
        }
        const int tags = std::min(cs.tagsPerItem, vocabPerTop);
        std::partial_sort(wordScores.begin(), wordScores.begin() + tags, wordScores.end(),
                          [](const auto& a, const auto& b) {
                              return a.first > b.first ||
                                     (a.first == b.first && a.second < b.second);
                          });
        for (int k = 0; k < tags; ++k)
            t.tagWords.push_back(wordScores[k].second);
        t.tagOffsets[i + 1] = static_cast<std::uint32_t>(t.tagWords.size());
    };

    std::size_t next = 0;
    for (; next < static_cast<std::size_t>(cs.items); ++next) {
        const int leaf = pickLeaf(rng);
        // A share of the catalogue arrives during the run: new-item cold start.
        const core::SimTime launch =
            uniform(rng) < cs.launchShare ? std::floor(uniform(rng) * duration) : 0.0;
        makeItem(next, leaf, launch);
    }
    // Timeline launches: batches of new items at a given time, in one category or anywhere.
    for (const TimelineEvent& e : sc.timeline) {
        if (e.kind != TimelineEvent::Kind::Launch)
            continue;
        std::vector<int> allowed =
            e.category >= 0 ? leavesUnder(w, e.category) : std::vector<int>{};
        std::vector<double> weights;
        for (int l : allowed)
            weights.push_back(leafWeight[l]);
        boost::random::discrete_distribution<int, double> pickAllowed(
            weights.empty() ? std::vector<double>{1.0} : weights);
        for (int k = 0; k < e.items; ++k, ++next) {
            const int leaf = allowed.empty() ? pickLeaf(rng) : allowed[pickAllowed(rng)];
            makeItem(next, leaf, e.startDay * core::kSecondsPerDay);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        t.discount[i] = w.itemBaseDiscount[i];
        t.available[i] = t.launchTime[i] <= 0.0 ? 1 : 0;
        t.availableCount += t.available[i];
    }

    // Hidden successors: each item leads on to a few items of a complementary leaf (a
    // sibling leaf most of the time, sometimes anywhere) or of its own leaf: the
    // "next item" a shopper looks at, which session-based cores can learn.
    Engine srng = makeComponentEngine(streamSeed(seed, "successors"));
    w.successorCount = cs.successors;
    w.itemSuccessors.assign(n * static_cast<std::size_t>(cs.successors), 0);
    if (cs.successors > 0 && n > 0) {
        std::vector<std::uint32_t> leafOffsets(static_cast<std::size_t>(leaves) + 1, 0);
        std::vector<std::uint32_t> leafIndex(t.categoryParent.size(), 0);
        for (int l = 0; l < leaves; ++l)
            leafIndex[w.leafCategories[l]] = static_cast<std::uint32_t>(l);
        for (std::size_t i = 0; i < n; ++i)
            ++leafOffsets[leafIndex[t.category[i]] + 1];
        for (int l = 0; l < leaves; ++l)
            leafOffsets[l + 1] += leafOffsets[l];
        std::vector<core::ItemId> byLeaf(n);
        std::vector<std::uint32_t> fill(leafOffsets.begin(), leafOffsets.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            byLeaf[fill[leafIndex[t.category[i]]]++] = static_cast<core::ItemId>(i);
        // Complement leaf of each leaf: a sibling under the same top (70 %) or any leaf.
        std::vector<int> complement(static_cast<std::size_t>(leaves));
        const int leavesPerTop = leaves / tops;
        for (int l = 0; l < leaves; ++l) {
            const int top = topOfLeaf(l);
            if (uniform(srng) < 0.7 && leavesPerTop > 1)
                complement[l] = top * leavesPerTop + boost::random::uniform_int_distribution<int>(
                                                         0, leavesPerTop - 1)(srng);
            else
                complement[l] = pickLeaf(srng);
        }
        for (std::size_t i = 0; i < n; ++i) {
            const int ownLeaf = static_cast<int>(leafIndex[t.category[i]]);
            for (int k = 0; k < cs.successors; ++k) {
                int leaf = uniform(srng) < 0.6 ? complement[ownLeaf] : ownLeaf;
                if (leafOffsets[leaf + 1] == leafOffsets[leaf])
                    leaf = ownLeaf;
                const std::uint32_t size = leafOffsets[leaf + 1] - leafOffsets[leaf];
                core::ItemId pick = byLeaf[leafOffsets[leaf] +
                                           boost::random::uniform_int_distribution<std::uint32_t>(
                                               0, size - 1)(srng)];
                if (pick == i) // never its own successor
                    pick = byLeaf[leafOffsets[leaf] +
                                  (pick == byLeaf[leafOffsets[leaf]] && size > 1 ? 1 : 0)];
                if (pick == i && n > 1) // the item is alone in its leaf: its neighbour by id
                    pick = static_cast<core::ItemId>((i + 1) % n);
                w.itemSuccessors[i * cs.successors + k] = pick;
            }
        }
    }
}

void generatePopulation(const Scenario& sc, std::uint64_t seed, World& w) {
    Engine rng = makeComponentEngine(streamSeed(seed, "population"));
    const PopulationSpec& ps = sc.population;
    const int dim = w.dim;
    core::UserTable& u = w.users;
    const auto n = static_cast<std::size_t>(sc.totalUsers());
    u.ageBandCount = static_cast<std::uint8_t>(ps.ageBands.size());
    u.genderCount = static_cast<std::uint8_t>(ps.genders.size());
    u.occupationCount = static_cast<std::uint8_t>(ps.occupations.size());
    u.regionCount = static_cast<std::uint8_t>(ps.regions.size());

    // Each demographic value has a hidden taste direction; a user's preference mixes the
    // directions of their groups (share demographicSignal) with a personal one.
    std::vector<float> ageVec = gaussianVectors(rng, ps.ageBands.size(), dim);
    std::vector<float> genderVec = gaussianVectors(rng, ps.genders.size(), dim);
    std::vector<float> occVec = gaussianVectors(rng, ps.occupations.size(), dim);
    std::vector<float> regionVec = gaussianVectors(rng, ps.regions.size(), dim);

    boost::random::discrete_distribution<int, double> age(ps.ageBands.begin(), ps.ageBands.end());
    boost::random::discrete_distribution<int, double> gender(ps.genders.begin(), ps.genders.end());
    boost::random::discrete_distribution<int, double> occ(ps.occupations.begin(),
                                                          ps.occupations.end());
    boost::random::discrete_distribution<int, double> region(ps.regions.begin(), ps.regions.end());
    boost::random::discrete_distribution<int, double> habitHour(sc.behaviour.hourly.begin(),
                                                                sc.behaviour.hourly.end());
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    boost::random::uniform_01<double> uniform;

    u.ageBand.resize(n);
    u.gender.resize(n);
    u.occupation.resize(n);
    u.region.resize(n);
    core::assignOnHugePages(u.joinTime, n, 0.0);
    w.userVectors.resize(n * static_cast<std::size_t>(dim));
    w.userActivity.resize(n);
    core::assignOnHugePages(w.userPriceSensitivity, n);
    core::assignOnHugePages(w.userBrandLoyalty, n);
    core::assignOnHugePages(w.userHabitHour, n);
    w.userGroup.assign(n, 0);
    w.groupJoinTime.assign(1, 0.0);
    const float demo = static_cast<float>(std::sqrt(ps.demographicSignal));
    const float personal = static_cast<float>(std::sqrt(1.0 - ps.demographicSignal));
    const float priceSigma = static_cast<float>(ps.priceSensitivitySigma);
    std::vector<float> group(static_cast<std::size_t>(dim));
    auto makeUser = [&](std::size_t i, double activityScale) {
        u.ageBand[i] = static_cast<std::uint8_t>(age(rng));
        u.gender[i] = static_cast<std::uint8_t>(gender(rng));
        u.occupation[i] = static_cast<std::uint8_t>(occ(rng));
        u.region[i] = static_cast<std::uint8_t>(region(rng));
        for (int d = 0; d < dim; ++d)
            group[d] = ageVec[u.ageBand[i] * dim + d] + genderVec[u.gender[i] * dim + d] +
                       occVec[u.occupation[i] * dim + d] + regionVec[u.region[i] * dim + d];
        normalise(group.data(), dim);
        float* v = w.userVectors.data() + i * dim;
        for (int d = 0; d < dim; ++d)
            v[d] = normal(rng);
        normalise(v, dim);
        for (int d = 0; d < dim; ++d)
            v[d] = demo * group[d] + personal * v[d];
        normalise(v, dim);
        // Pareto activity: (1-U)^(-1/alpha) has a heavy tail for small alpha.
        // Truncated at 100x the least active user, so that in a small population one
        // shopper cannot carry most of the traffic (and take it away when churning).
        w.userActivity[i] =
            activityScale * std::min(100.0, std::pow(1.0 - uniform(rng), -1.0 / ps.activityAlpha));
        w.userPriceSensitivity[i] =
            std::exp(priceSigma * normal(rng) - priceSigma * priceSigma / 2);
        w.userBrandLoyalty[i] =
            static_cast<float>(-std::log(1.0 - uniform(rng)) * ps.brandLoyaltyMean);
        w.userHabitHour[i] = static_cast<std::uint8_t>(habitHour(rng));
    };
    std::size_t next = 0;
    for (; next < static_cast<std::size_t>(ps.users); ++next)
        makeUser(next, 1.0);
    // New-user cohorts (a marketing campaign): appended, joining at their day.
    for (const TimelineEvent& e : sc.timeline) {
        if (e.kind != TimelineEvent::Kind::Cohort)
            continue;
        const auto g = static_cast<std::uint16_t>(w.groupJoinTime.size());
        w.groupJoinTime.push_back(e.startDay * core::kSecondsPerDay);
        for (int k = 0; k < e.users; ++k, ++next) {
            makeUser(next, e.activity);
            u.joinTime[next] = e.startDay * core::kSecondsPerDay;
            w.userGroup[next] = g;
        }
    }
}

bool inCategoryImpl(const core::ItemTable& t, core::ItemId i, std::uint32_t category) {
    std::uint32_t c = t.category[i];
    for (;;) {
        if (c == category)
            return true;
        const std::uint32_t p = t.categoryParent[c];
        if (p == c)
            return false;
        c = p;
    }
}

} // namespace

World generateWorld(const Scenario& scenario, std::uint64_t seed) {
    // Parsing the scenario (Qt's hash) leaves the upper vector state dirty, and the
    // generators call exp/log millions of times on `large` (vector_state.h).
    clearUpperVectorState();
    World w;
    w.dim = scenario.latentDim;
    // The population draws from a stream of its own and writes only the user tables, and
    // the catalogue never reads them: it is made on a second thread while the catalogue is
    // made here, the same tables bit for bit (on `large` a tenth of the start-up). Where no
    // thread can be started, one after the other as before.
    std::future<void> population;
    try {
        population = std::async(std::launch::async, [&scenario, seed, &w] {
            clearUpperVectorState();
            generatePopulation(scenario, seed, w);
        });
    } catch (const std::system_error&) {
    }
    generateCatalogue(scenario, seed, w);
    if (population.valid())
        population.get(); // rethrows what the population's thread threw
    else
        generatePopulation(scenario, seed, w);
    return w;
}

bool World::inCategory(core::ItemId i, std::uint32_t category) const {
    return inCategoryImpl(items, i, category);
}

QString World::catalogueHash() const {
    Sha256 h;
    hashVector(h, items.category);
    hashVector(h, items.brand);
    hashVector(h, items.price);
    hashVector(h, items.launchTime);
    hashVector(h, items.tagWords);
    hashVector(h, itemVectors);
    hashVector(h, itemQuality);
    hashVector(h, itemStock);
    hashVector(h, itemRestockLead);
    hashVector(h, itemBaseDiscount);
    hashVector(h, itemConsumable);
    hashVector(h, itemSuccessors);
    return h.hexResult();
}

QString World::populationHash() const {
    Sha256 h;
    hashVector(h, users.ageBand);
    hashVector(h, users.gender);
    hashVector(h, users.occupation);
    hashVector(h, users.region);
    hashVector(h, userVectors);
    hashVector(h, userActivity);
    hashVector(h, users.joinTime);
    hashVector(h, userPriceSensitivity);
    hashVector(h, userBrandLoyalty);
    hashVector(h, userHabitHour);
    return h.hexResult();
}

} // namespace recoscope::sim
