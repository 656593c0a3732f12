#include "ials_recommender.h"

#include "factor_core.h"
#include "factor_updates.h"

#include <Eigen/Cholesky>

namespace recoscope::core {

namespace {

// Implicit ALS (Hu, Koren & Volinsky 2008): confidence c_ui = 1 + alpha * r_ui over each
// user's capped profile of summed implicit weights; every `retrain_events` events the
// user and item factors are re-solved by `iterations` alternating least-squares sweeps
// using the Y^T Y trick (cost O(nnz * dim^2 + (users + items) * dim^3)). Between
// retrains a user who acted is folded in: x_u is re-solved against the fixed item factors
// at the next request (O(profile * dim^2 + dim^3)), so new users are served at once.
// The solves are kit::ialsSolveRow / kit::ialsSweep (factor_updates.h), checked against
// the dense closed form by tst_factor_internals.
class IalsRecommender final : public kit::FactorCore {
public:
    IalsRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : FactorCore(ctx, p.integer("factors"), 1, 0.1, p),
          m_alpha(static_cast<float>(p.number("alpha"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_retrainEvery(static_cast<std::size_t>(p.integer("retrain_events"))),
          m_iterations(p.integer("iterations")),
          m_cap(static_cast<std::size_t>(p.integer("profile_size"))) {
        m_contextWeight = static_cast<float>(p.number("context_weight"));
        m_useBias = false;
    }

protected:
    std::string name() const override { return "implicit ALS"; }
    bool ready() const override { return m_trained; }

    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user))
            return;
        if (e.user >= m_profiles.size()) {
            m_profiles.resize(static_cast<std::size_t>(e.user) + 1);
            m_dirty.resize(m_profiles.size(), 0);
        }
        auto& prof = m_profiles[e.user];
        auto it = std::find_if(prof.begin(), prof.end(),
                               [&](const auto& x) { return x.first == e.item; });
        if (it != prof.end())
            it->second += w;
        else if (prof.size() < m_cap)
            prof.push_back({e.item, w});
        else
            *std::min_element(prof.begin(), prof.end(), [](const auto& a, const auto& b) {
                return a.second < b.second;
            }) = {e.item, w};
        m_dirty[e.user] = 1;
        userVec(e.user);
        if (++m_sinceRetrain >= m_retrainEvery)
            retrain();
    }

    bool query(const Request& request) override {
        if (request.user < m_dirty.size() && m_dirty[request.user]) {
            solveUser(request.user);
            m_dirty[request.user] = 0;
        }
        if (request.user < m_profiles.size() && m_profiles[request.user].empty() &&
            !m_items.contains(request.contextItem))
            return false;
        return FactorCore::query(request);
    }

private:
    using Mat = Eigen::MatrixXf;

    void solveUser(UserId u) {
        const auto& prof = m_profiles[u];
        kit::ialsSolveRow(m_yty, m_q.data(), m_dim, prof.data(), prof.data() + prof.size(), m_alpha,
                          m_reg, userVec(u));
    }

    void retrain() {
        m_sinceRetrain = 0;
        // Every user with a profile has a vector (learn() created it), so m_p holds at
        // least profiles.size() rows.
        for (int it = 0; it < m_iterations; ++it)
            kit::ialsSweep(m_p.data(), m_q.data(), m_items.size(), m_dim, m_profiles, m_alpha,
                           m_reg);
        const Eigen::Map<kit::RowMatrix> y(m_q.data(), static_cast<Eigen::Index>(m_items.size()),
                                           m_dim);
        m_yty.noalias() = y.transpose() * y;
        m_index->markAll();
        std::fill(m_dirty.begin(), m_dirty.end(), 0);
        m_trained = true;
    }

    float m_alpha, m_reg;
    std::size_t m_retrainEvery;
    int m_iterations;
    std::size_t m_cap;
    std::size_t m_sinceRetrain = 0;
    bool m_trained = false;
    std::vector<std::vector<std::pair<ItemId, float>>> m_profiles;
    std::vector<std::uint8_t> m_dirty;
    Mat m_yty;
};

} // namespace

RecommenderEntry ialsRecommenderEntry() {
    RecommenderEntry e;
    e.id = "ials";
    e.description = "Implicit ALS, retrained periodically, folding in new users between retrains";
    e.family = "factorisation";
    e.params = {
        kit::intParam("factors", 2.0, 128.0, 16.0, "Latent dimensions"),
        kit::realParam("alpha", 0.0, 1000.0, 10.0, "Confidence growth per unit of implicit weight"),
        kit::realParam("regularisation", 1e-6, 1000.0, 0.1, "L2 penalty"),
        kit::intParam("retrain_events", 100.0, 10000000.0, 5000.0, "Events between full retrains"),
        kit::intParam("iterations", 1.0, 20.0, 2.0, "ALS sweeps per retrain"),
        kit::intParam("profile_size", 2.0, 2000.0, 50.0, "Strongest items kept per user"),
        kit::realParam("context_weight", 0.0, 10.0, 1.0,
                       "Weight of the viewed product's factors on product pages"),
    };
    for (ParamSpec& s : kit::retrievalParams())
        e.params.push_back(std::move(s));
    e.make = kit::factoryOf<IalsRecommender>();
    return e;
}

} // namespace recoscope::core
