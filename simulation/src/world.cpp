#include "recoscope/sim/world.h"

#include "recoscope/sim/seeds.h"

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace recoscope::sim {

namespace {

using Engine = boost::random::mt19937;

const char* const kTopNames[] = {"Kitchen", "Fashion", "Electronics", "Books",   "Toys",   "Garden",
                                 "Beauty",  "Sports",  "Home",        "Grocery", "Pets",   "Music",
                                 "Office",  "Baby",    "Auto",        "Health",  "Travel", "Games"};
const char* const kSyllables[] = {"ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "pe", "da", "zo", "fi",
                                  "ba", "ru", "te", "no", "li", "sa", "mo", "ge", "ha", "wu", "xi", "ye"};

std::string makeWord(Engine& rng, int syllables) {
    boost::random::uniform_int_distribution<int> pick(0, static_cast<int>(std::size(kSyllables)) - 1);
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

template <class T> void hashVector(QCryptographicHash& h, const std::vector<T>& v) {
    h.addData(QByteArrayView(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size() * sizeof(T))));
}

void generateCatalogue(const Scenario& sc, std::uint64_t seed, World& w) {
    Engine rng = makeComponentEngine(streamSeed(seed, "catalogue"));
    const CatalogueSpec& cs = sc.catalogue;
    const int dim = w.dim;
    const int tops = cs.topCategories;
    const int leaves = tops * cs.subcategoriesPerTop;
    core::ItemTable& t = w.items;

    // Category tree: ids 0..tops-1 are top-level, leaves follow, each under one top.
    t.categoryParent.resize(static_cast<std::size_t>(tops + leaves));
    t.categoryName.resize(t.categoryParent.size());
    for (int c = 0; c < tops; ++c) {
        t.categoryParent[c] = static_cast<std::uint32_t>(c);
        t.categoryName[c] = c < static_cast<int>(std::size(kTopNames)) ? kTopNames[c] : "Department " + std::to_string(c + 1);
    }
    for (int l = 0; l < leaves; ++l) {
        const int top = l / cs.subcategoriesPerTop;
        t.categoryParent[tops + l] = static_cast<std::uint32_t>(top);
        std::string name = makeWord(rng, 2);
        name[0] = static_cast<char>(std::toupper(name[0]));
        t.categoryName[tops + l] = name;
    }

    // Hidden geometry: leaves sit near their top category, items near their leaf.
    std::vector<float> topVec = gaussianVectors(rng, static_cast<std::size_t>(tops), dim);
    std::vector<float> leafVec = gaussianVectors(rng, static_cast<std::size_t>(leaves), dim);
    for (int l = 0; l < leaves; ++l) {
        float* v = leafVec.data() + static_cast<std::size_t>(l) * dim;
        const float* p = topVec.data() + static_cast<std::size_t>(l / cs.subcategoriesPerTop) * dim;
        for (int d = 0; d < dim; ++d)
            v[d] = 0.7f * p[d] + 0.5f * v[d];
        normalise(v, dim);
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

    // Long-tailed category sizes: Zipf-like weights over leaves in a shuffled order.
    std::vector<double> leafWeight(static_cast<std::size_t>(leaves));
    for (int l = 0; l < leaves; ++l)
        leafWeight[l] = 1.0 / std::pow(l + 1.0, 0.8);
    for (int l = leaves - 1; l > 0; --l) {
        boost::random::uniform_int_distribution<int> pick(0, l);
        std::swap(leafWeight[l], leafWeight[pick(rng)]);
    }
    boost::random::discrete_distribution<int, double> pickLeaf(leafWeight.begin(), leafWeight.end());
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    boost::random::normal_distribution<double> catPriceOffset(0.0, 0.5);
    std::vector<double> leafPrice(static_cast<std::size_t>(leaves));
    for (double& p : leafPrice)
        p = std::log(cs.priceMedian) + catPriceOffset(rng);

    const auto n = static_cast<std::size_t>(cs.items);
    t.category.resize(n);
    t.topCategory.resize(n);
    t.brand.resize(n);
    t.price.resize(n);
    t.discount.assign(n, 0.0f);
    t.launchTime.assign(n, 0.0);
    t.available.assign(n, 1);
    t.availableCount = n;
    t.tagOffsets.assign(n + 1, 0);
    w.itemVectors.resize(n * static_cast<std::size_t>(dim));
    w.itemQuality.resize(n);
    w.itemLogRelPrice.resize(n);

    const float coh = static_cast<float>(cs.categoryCoherence);
    const float own = std::sqrt(std::max(0.0f, 1.0f - coh * coh));
    std::vector<std::pair<float, std::uint32_t>> wordScores;
    for (std::size_t i = 0; i < n; ++i) {
        const int leaf = pickLeaf(rng);
        const int top = leaf / cs.subcategoriesPerTop;
        boost::random::uniform_int_distribution<int> pickBrand(0, cs.brandsPerCategory - 1);
        const std::size_t brand = static_cast<std::size_t>(leaf) * cs.brandsPerCategory + pickBrand(rng);
        t.category[i] = static_cast<std::uint32_t>(tops + leaf);
        t.topCategory[i] = static_cast<std::uint32_t>(top);
        t.brand[i] = static_cast<std::uint32_t>(brand);

        float* v = w.itemVectors.data() + i * dim;
        const float* lv = leafVec.data() + static_cast<std::size_t>(leaf) * dim;
        const float* bv = brandVec.data() + brand * dim;
        for (int d = 0; d < dim; ++d)
            v[d] = coh * lv[d] + own * normal(rng) / std::sqrt(static_cast<float>(dim)) + 0.2f * bv[d];
        normalise(v, dim);

        w.itemQuality[i] = static_cast<float>(cs.qualitySigma) * normal(rng);
        const double logPrice = leafPrice[leaf] + cs.priceSigma * normal(rng);
        t.price[i] = static_cast<float>(std::round(std::exp(logPrice) * 100.0) / 100.0);
        t.price[i] = std::max(t.price[i], 0.01f);
        w.itemLogRelPrice[i] = static_cast<float>(std::log(t.price[i] / cs.priceMedian));

        // Tags: the top category's words closest to the item's hidden vector, with noise.
        wordScores.clear();
        for (int k = 0; k < vocabPerTop; ++k) {
            const std::uint32_t word = static_cast<std::uint32_t>(top * vocabPerTop + k);
            const float* wv = wordVec.data() + static_cast<std::size_t>(word) * dim;
            float s = 0.0f;
            for (int d = 0; d < dim; ++d)
                s += wv[d] * v[d];
            wordScores.push_back({s + 0.15f * normal(rng), word});
        }
        const int tags = std::min(cs.tagsPerItem, vocabPerTop);
        std::partial_sort(wordScores.begin(), wordScores.begin() + tags, wordScores.end(),
                          [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
        for (int k = 0; k < tags; ++k)
            t.tagWords.push_back(wordScores[k].second);
        t.tagOffsets[i + 1] = static_cast<std::uint32_t>(t.tagWords.size());
    }
}

void generatePopulation(const Scenario& sc, std::uint64_t seed, World& w) {
    Engine rng = makeComponentEngine(streamSeed(seed, "population"));
    const PopulationSpec& ps = sc.population;
    const int dim = w.dim;
    core::UserTable& u = w.users;
    const auto n = static_cast<std::size_t>(ps.users);
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
    boost::random::discrete_distribution<int, double> occ(ps.occupations.begin(), ps.occupations.end());
    boost::random::discrete_distribution<int, double> region(ps.regions.begin(), ps.regions.end());
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    boost::random::uniform_01<double> uniform;

    u.ageBand.resize(n);
    u.gender.resize(n);
    u.occupation.resize(n);
    u.region.resize(n);
    u.joinTime.assign(n, 0.0);
    w.userVectors.resize(n * static_cast<std::size_t>(dim));
    w.userActivity.resize(n);
    w.userPriceSensitivity.resize(n);
    const float demo = static_cast<float>(std::sqrt(ps.demographicSignal));
    const float personal = static_cast<float>(std::sqrt(1.0 - ps.demographicSignal));
    std::vector<float> group(static_cast<std::size_t>(dim));
    for (std::size_t i = 0; i < n; ++i) {
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
        w.userActivity[i] = std::pow(1.0 - uniform(rng), -1.0 / ps.activityAlpha);
        w.userPriceSensitivity[i] = std::exp(0.3f * normal(rng));
    }
}

} // namespace

World generateWorld(const Scenario& scenario, std::uint64_t seed) {
    World w;
    w.dim = scenario.latentDim;
    generateCatalogue(scenario, seed, w);
    generatePopulation(scenario, seed, w);
    return w;
}

QString World::catalogueHash() const {
    QCryptographicHash h(QCryptographicHash::Sha256);
    hashVector(h, items.category);
    hashVector(h, items.brand);
    hashVector(h, items.price);
    hashVector(h, items.launchTime);
    hashVector(h, items.tagWords);
    hashVector(h, itemVectors);
    hashVector(h, itemQuality);
    return QString::fromLatin1(h.result().toHex());
}

QString World::populationHash() const {
    QCryptographicHash h(QCryptographicHash::Sha256);
    hashVector(h, users.ageBand);
    hashVector(h, users.gender);
    hashVector(h, users.occupation);
    hashVector(h, users.region);
    hashVector(h, userVectors);
    hashVector(h, userActivity);
    return QString::fromLatin1(h.result().toHex());
}

} // namespace recoscope::sim
