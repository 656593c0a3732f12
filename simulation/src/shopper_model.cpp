#include "recoscope/sim/shopper_model.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <cmath>

namespace recoscope::sim {

namespace {
float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
double uniform(boost::random::taus88& rng) { return boost::random::uniform_01<double>()(rng); }
} // namespace

ShopperModel::ShopperModel(const Scenario& scenario, const World& world)
    : m_scenario(scenario), m_world(world),
      // Unit vectors in `dim` dimensions have dot products of spread ~1/sqrt(dim); scaling
      // by sqrt(dim) makes affinityScale mean the same thing whatever the dimension.
      m_affinityScale(static_cast<float>(scenario.behaviour.affinityScale * std::sqrt(double(world.dim)))) {
    // Organic traffic follows intrinsic appeal: exp(quality) gives the popularity long tail.
    std::vector<double> appeal(world.itemQuality.size());
    for (std::size_t i = 0; i < appeal.size(); ++i)
        appeal[i] = std::exp(static_cast<double>(world.itemQuality[i]));
    if (appeal.empty())
        appeal.push_back(1.0);
    m_popular = boost::random::discrete_distribution<core::ItemId, double>(appeal.begin(), appeal.end());
    const int maxK = std::max(scenario.slateSize, 100);
    m_examine.resize(static_cast<std::size_t>(maxK));
    float e = 1.0f;
    for (float& x : m_examine) {
        x = e;
        e *= static_cast<float>(scenario.behaviour.positionBias);
    }
}

float ShopperModel::utility(core::UserId user, core::ItemId item) const {
    const float* u = m_world.userVector(user);
    const float* v = m_world.itemVector(item);
    float dot = 0.0f;
    for (int d = 0; d < m_world.dim; ++d)
        dot += u[d] * v[d];
    const BehaviourSpec& b = m_scenario.behaviour;
    const float discount = m_world.items.discount[item];
    return m_affinityScale * dot + m_world.itemQuality[item] -
           static_cast<float>(b.priceSensitivity) * m_world.userPriceSensitivity[user] * m_world.itemLogRelPrice[item] +
           2.0f * discount;
}

int ShopperModel::chooseFromSlate(Session& s, const core::Slate& slate) const {
    // Weights e_p * exp(U_j) against exp(U_0); one uniform draw picks the outcome.
    float weights[128];
    const std::size_t n = std::min<std::size_t>(slate.size(), std::min<std::size_t>(128, m_examine.size()));
    float total = std::exp(static_cast<float>(m_scenario.behaviour.noClickUtility));
    for (std::size_t p = 0; p < n; ++p) {
        const core::ItemId item = slate[p].item;
        weights[p] = m_world.items.isAvailable(item) ? m_examine[p] * std::exp(utility(s.user, item)) : 0.0f;
        total += weights[p];
    }
    float r = static_cast<float>(uniform(s.rng)) * total;
    for (std::size_t p = 0; p < n; ++p) {
        if (r < weights[p])
            return static_cast<int>(p);
        r -= weights[p];
    }
    return -1;
}

core::ItemId ShopperModel::organicItem(Session& s) const {
    // Browsing and search results surface popular items; the shopper opens the one that
    // appeals most among a handful (Gumbel noise = a logit choice among the candidates).
    constexpr int kCandidates = 6;
    core::ItemId best = core::kNoItem;
    float bestScore = -1e30f;
    for (int c = 0; c < kCandidates; ++c) {
        const core::ItemId item = m_popular(s.rng);
        if (!m_world.items.isAvailable(item))
            continue;
        const float gumbel = -std::log(-std::log(static_cast<float>(uniform(s.rng)) + 1e-12f) + 1e-12f);
        const float score = utility(s.user, item) + gumbel;
        if (score > bestScore) {
            bestScore = score;
            best = item;
        }
    }
    return best;
}

void ShopperModel::afterView(Session& s, core::ItemId item, bool fromRec, std::int16_t position, core::SimTime t,
                             std::vector<core::Event>& out) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    const float u = utility(s.user, item);
    const core::Surface surface = s.surface;
    const float price = m_world.items.price[item] * (1.0f - m_world.items.discount[item]);
    if (uniform(s.rng) < sigmoid(u + static_cast<float>(b.favouriteOffset)))
        out.push_back({t, s.user, item, core::EventKind::Favourite, surface, position, fromRec, 0.0f});
    if (uniform(s.rng) < sigmoid(u + static_cast<float>(b.cartOffset))) {
        for (const CartLine& line : s.cart)
            if (line.item == item)
                return; // already in the cart
        out.push_back({t, s.user, item, core::EventKind::CartAdd, surface, position, fromRec, price});
        s.cart.push_back({item, fromRec, position});
    }
}

void ShopperModel::checkout(Session& s, core::SimTime t, std::vector<core::Event>& out) const {
    const BehaviourSpec& b = m_scenario.behaviour;
    for (const CartLine& line : s.cart) {
        if (!m_world.items.isAvailable(line.item))
            continue; // sold out meanwhile: cannot be bought
        const float u = utility(s.user, line.item);
        if (uniform(s.rng) < sigmoid(0.5f * u + static_cast<float>(b.purchaseOffset))) {
            const float price = m_world.items.price[line.item] * (1.0f - m_world.items.discount[line.item]);
            out.push_back({t, s.user, line.item, core::EventKind::Purchase, core::Surface::Cart, line.position,
                           line.fromRecommendation, price});
        }
    }
    s.cart.clear();
}

bool ShopperModel::continues(Session& s) const { return uniform(s.rng) < m_scenario.behaviour.continueProbability; }

bool ShopperModel::browsesOrganically(Session& s) const {
    return uniform(s.rng) < m_scenario.behaviour.organicProbability;
}

bool ShopperModel::searchesFirst(Session& s) const { return uniform(s.rng) < 0.3; }

double ShopperModel::thinkTime(Session& s) const {
    return boost::random::exponential_distribution<double>(1.0 / m_scenario.behaviour.stepSeconds)(s.rng);
}

} // namespace recoscope::sim
