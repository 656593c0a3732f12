// Latent-factor cores learnt from implicit feedback: online MF by SGD with negative
// sampling, BPR, and implicit ALS with periodic retraining and fold-in.

#include "factor_scan.h"
#include "suite_entries.h"
#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <Eigen/Cholesky>

namespace recoscope::core {

namespace {

// Shared state: item factors Q (items x dim, row-major), item biases, user factors P
// grown on demand (users x dim). Scoring is Q·(p_u + c·q_context) + b, top-k by
// kit::scanFactors.
class FactorCore : public kit::SuiteCore {
public:
    FactorCore(const RecommenderContext& ctx, int dim, std::size_t history, double initSigma)
        : SuiteCore(ctx, history), m_dim(dim),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed))),
          m_q(ctx.items->size() * static_cast<std::size_t>(dim)), m_bias(ctx.items->size(), 0.0f),
          m_initSigma(initSigma), m_query(static_cast<std::size_t>(dim)) {
        boost::random::normal_distribution<float> init(0.0f, static_cast<float>(initSigma));
        for (float& x : m_q)
            x = init(m_rng);
        m_scan.reset(ctx.items->size(), dim);
        m_scan.sync(m_q.data()); // the initial copy is part of construction, not of a request
    }

protected:
    float* itemVec(ItemId i) {
        return m_q.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    }
    const float* itemVec(ItemId i) const {
        return m_q.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    }
    bool hasUser(UserId u) const { return u < m_known.size() && m_known[u]; }
    float* userVec(UserId u) {
        if (u >= m_known.size()) {
            const std::size_t old = m_known.size();
            m_known.resize(static_cast<std::size_t>(u) + 1, 0);
            m_p.resize(m_known.size() * static_cast<std::size_t>(m_dim));
            boost::random::normal_distribution<float> init(0.0f, static_cast<float>(m_initSigma));
            for (std::size_t x = old * static_cast<std::size_t>(m_dim); x < m_p.size(); ++x)
                m_p[x] = init(m_rng);
        }
        m_known[u] = 1;
        return m_p.data() + static_cast<std::size_t>(u) * static_cast<std::size_t>(m_dim);
    }
    const float* userVecOrNull(UserId u) const {
        return hasUser(u)
                   ? m_p.data() + static_cast<std::size_t>(u) * static_cast<std::size_t>(m_dim)
                   : nullptr;
    }
    ItemId sampleItem(ItemId avoid) {
        boost::random::uniform_int_distribution<ItemId> pick(
            0, static_cast<ItemId>(m_items.size() - 1));
        ItemId j = pick(m_rng);
        if (j == avoid)
            j = pick(m_rng);
        return j;
    }

    /// Builds the query vector; false when nothing is known about the request.
    virtual bool query(const Request& request) {
        const float* p = userVecOrNull(request.user);
        const bool ctx = m_items.contains(request.contextItem);
        if (!p && !ctx)
            return false;
        for (int d = 0; d < m_dim; ++d)
            m_query[static_cast<std::size_t>(d)] =
                (p ? p[d] : 0.0f) +
                (ctx ? m_contextWeight * itemVec(request.contextItem)[d] : 0.0f);
        return true;
    }

    void rank(const Request& request, TopK& topk) override {
        if (!ready() || !query(request))
            return;
        m_scan.sync(m_q.data());
        kit::scanBlocked(m_items, request, topk, m_scan, m_query.data(),
                         m_useBias ? m_bias.data() : nullptr, m_scratch);
    }
    virtual bool ready() const { return true; }

    std::string reason(const Request& request, ItemId item) const override {
        if (!m_items.contains(item) || !ready())
            return {};
        const float* p = userVecOrNull(request.user);
        if (!p && !m_items.contains(request.contextItem))
            return {};
        // The interaction whose item vector is closest to the recommended one.
        const float* qi = itemVec(item);
        auto cosine = [&](const float* a) {
            float ab = 0, aa = 0, bb = 0;
            for (int d = 0; d < m_dim; ++d) {
                ab += a[d] * qi[d];
                aa += a[d] * a[d];
                bb += qi[d] * qi[d];
            }
            return ab / std::max(std::sqrt(aa * bb), 1e-12f);
        };
        ItemId best = kNoItem;
        float bestSim = -2.0f;
        if (m_items.contains(request.contextItem)) {
            best = request.contextItem;
            bestSim = cosine(itemVec(best));
        }
        if (const kit::HistoryRing* h = historyOf(request.user))
            for (const kit::Interaction& x : h->raw())
                if (x.item != item && cosine(itemVec(x.item)) > bestSim) {
                    bestSim = cosine(itemVec(x.item));
                    best = x.item;
                }
        std::string why = describeItem(m_items, item) + " fits the taste profile " + name() +
                          " learnt from " + std::to_string(interactionCount(request.user)) +
                          " of your interactions";
        if (best != kNoItem)
            why += "; its latent factors are closest to " + describeItem(m_items, best) +
                   " (cosine " + kit::fmt(bestSim) + ")";
        return why + ".";
    }
    virtual std::string name() const = 0;

    int m_dim;
    boost::random::mt19937 m_rng;
    std::vector<float> m_q;
    std::vector<float> m_bias;
    std::vector<float> m_p;
    std::vector<std::uint8_t> m_known;
    double m_initSigma;
    std::vector<float> m_query;
    kit::BlockedFactors m_scan;
    std::vector<float> m_scratch;
    float m_contextWeight = 1.0f;
    bool m_useBias = true;
};

// Online matrix factorisation by SGD on implicit feedback with negative sampling
// (Vinagre, Jorge & Gama 2014 "ISGD"; negatives as in word2vec / Pan et al. 2008 one-class
// CF): each positive event (u, i) is a target 1 weighted by its implicit weight, each of
// `negatives` uniformly drawn items a target 0; squared loss with L2, one SGD step each.
// `replay` positives re-drawn from the user's recent history are trained again to speed
// up learning without storing the event stream. Cost per event: (1 + negatives) x
// (1 + replay) x dim multiply-adds.
//
// BPR (Rendle et al. 2009) shares everything but the loss: ln sigmoid(x_ui - x_uj) over
// sampled pairs (positive i, negative j).
class SgdFactorRecommender final : public FactorCore {
public:
    SgdFactorRecommender(const RecommenderContext& ctx, const ParamValues& p, bool bpr)
        : FactorCore(ctx, p.integer("factors"), 20, 0.1), m_bpr(bpr),
          m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_negatives(p.integer(bpr ? "samples" : "negatives")), m_replay(p.integer("replay")) {
        m_contextWeight = static_cast<float>(p.number("context_weight"));
    }

protected:
    std::string name() const override { return m_bpr ? "BPR" : "online MF"; }

    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user) || m_items.size() < 2)
            return;
        float* pu = userVec(e.user);
        const float conf = std::log1p(w); // purchase counts more than a view, sub-linearly
        trainPositive(pu, e.item, conf);
        if (m_replay > 0)
            if (const kit::HistoryRing* h = historyOf(e.user); h && !h->empty()) {
                boost::random::uniform_int_distribution<std::size_t> pick(0, h->size() - 1);
                for (int r = 0; r < m_replay; ++r) {
                    const kit::Interaction& x = h->raw()[pick(m_rng)];
                    trainPositive(pu, x.item, std::log1p(x.weight));
                }
            }
    }

private:
    void trainPositive(float* pu, ItemId i, float conf) {
        const int d = m_dim;
        Eigen::Map<Eigen::VectorXf> p(pu, d);
        Eigen::Map<Eigen::VectorXf> qi(itemVec(i), d);
        m_scan.markDirty(i);
        if (!m_bpr) {
            sgdStep(p, qi, m_bias[i], 1.0f, conf);
            for (int n = 0; n < m_negatives; ++n) {
                const ItemId j = sampleItem(i);
                Eigen::Map<Eigen::VectorXf> qj(itemVec(j), d);
                sgdStep(p, qj, m_bias[j], 0.0f, 1.0f);
                m_scan.markDirty(j);
            }
            return;
        }
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = sampleItem(i);
            m_scan.markDirty(j);
            Eigen::Map<Eigen::VectorXf> qj(itemVec(j), d);
            const float x = p.dot(qi - qj) + m_bias[i] - m_bias[j];
            const float g = conf / (1.0f + std::exp(x)); // sigmoid(-x)
            m_tmp = p;
            p += m_lr * (g * (qi - qj) - m_reg * p);
            qi += m_lr * (g * m_tmp - m_reg * qi);
            qj += m_lr * (-g * m_tmp - m_reg * qj);
            m_bias[i] += m_lr * (g - m_reg * m_bias[i]);
            m_bias[j] += m_lr * (-g - m_reg * m_bias[j]);
        }
    }

    void sgdStep(Eigen::Map<Eigen::VectorXf>& p, Eigen::Map<Eigen::VectorXf>& q, float& b,
                 float target, float conf) {
        const float err = conf * (target - (p.dot(q) + b));
        m_tmp = p;
        p += m_lr * (err * q - m_reg * p);
        q += m_lr * (err * m_tmp - m_reg * q);
        b += m_lr * (err - m_reg * b);
    }

    bool m_bpr;
    float m_lr, m_reg;
    int m_negatives, m_replay;
    Eigen::VectorXf m_tmp;
};

// Implicit ALS (Hu, Koren & Volinsky 2008): confidence c_ui = 1 + alpha * r_ui over each
// user's capped profile of summed implicit weights; every `retrain_events` events the
// user and item factors are re-solved by `iterations` alternating least-squares sweeps
// using the Y^T Y trick (cost O(nnz * dim^2 + (users + items) * dim^3)). Between
// retrains a user who acted is folded in: x_u is re-solved against the fixed item factors
// at the next request (O(profile * dim^2 + dim^3)), so new users are served at once.
class IalsRecommender final : public FactorCore {
public:
    IalsRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : FactorCore(ctx, p.integer("factors"), 1, 0.1),
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
        const int d = m_dim;
        Mat a = m_yty;
        Eigen::VectorXf b = Eigen::VectorXf::Zero(d);
        for (const auto& [i, r] : m_profiles[u]) {
            const Eigen::Map<const Eigen::VectorXf> y(itemVec(i), d);
            const float c = 1.0f + m_alpha * r;
            a.noalias() += (c - 1.0f) * y * y.transpose();
            b += c * y;
        }
        a.diagonal().array() += m_reg;
        Eigen::Map<Eigen::VectorXf>(userVec(u), d) = a.ldlt().solve(b);
    }

    void retrain() {
        m_sinceRetrain = 0;
        const int d = m_dim;
        const std::size_t n = m_items.size();
        // Transposed profiles (item -> users), temporary and bounded by users x profile_size.
        std::vector<std::uint32_t> offsets(n + 1, 0);
        for (const auto& prof : m_profiles)
            for (const auto& x : prof)
                ++offsets[x.first + 1];
        for (std::size_t i = 0; i < n; ++i)
            offsets[i + 1] += offsets[i];
        std::vector<std::pair<UserId, float>> byItem(offsets[n]);
        {
            std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
            for (UserId u = 0; u < m_profiles.size(); ++u)
                for (const auto& x : m_profiles[u])
                    byItem[fill[x.first]++] = {u, x.second};
        }
        const Eigen::Map<kit::RowMatrix> y(m_q.data(), static_cast<Eigen::Index>(n), d);
        for (int it = 0; it < m_iterations; ++it) {
            m_yty.noalias() = y.transpose() * y;
            for (UserId u = 0; u < m_profiles.size(); ++u)
                if (!m_profiles[u].empty())
                    solveUser(u);
            // Item side with X^T X over known users.
            Mat xtx = Mat::Zero(d, d);
            for (UserId u = 0; u < m_profiles.size(); ++u)
                if (!m_profiles[u].empty()) {
                    const Eigen::Map<const Eigen::VectorXf> x(userVecOrNull(u), d);
                    xtx.noalias() += x * x.transpose();
                }
            for (ItemId i = 0; i < n; ++i) {
                if (offsets[i] == offsets[i + 1])
                    continue; // no evidence: keep the current vector
                Mat a = xtx;
                Eigen::VectorXf b = Eigen::VectorXf::Zero(d);
                for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
                    const Eigen::Map<const Eigen::VectorXf> x(userVecOrNull(byItem[k].first), d);
                    const float c = 1.0f + m_alpha * byItem[k].second;
                    a.noalias() += (c - 1.0f) * x * x.transpose();
                    b += c * x;
                }
                a.diagonal().array() += m_reg;
                Eigen::Map<Eigen::VectorXf>(itemVec(i), d) = a.ldlt().solve(b);
            }
        }
        m_yty.noalias() = y.transpose() * y;
        m_scan.markAll();
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

std::vector<ParamSpec> sgdParams(bool bpr) {
    return {
        kit::intParam("factors", 2.0, 256.0, bpr ? 32.0 : 10.0, "Latent dimensions"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.1, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 0.01, "L2 penalty on factors and biases"),
        bpr ? kit::intParam("samples", 1.0, 1000.0, 5.0,
                            "Negative items sampled per positive (pairs)")
            : kit::intParam("negatives", 0.0, 1000.0, 100.0,
                            "Negative items sampled per positive event"),
        kit::intParam("replay", 0.0, 50.0, 1.0,
                      "Recent positives of the same user trained again per event"),
        kit::realParam("context_weight", 0.0, 10.0, 1.0,
                       "Weight of the viewed product's factors on product pages"),
    };
}

} // namespace

RecommenderEntry mfSgdRecommenderEntry() {
    RecommenderEntry e;
    e.id = "mf-sgd";
    e.description = "Online matrix factorisation: one SGD step per event, with sampled negatives";
    e.family = "factorisation";
    e.params = sgdParams(false);
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new SgdFactorRecommender(ctx, p, false));
    };
    return e;
}

RecommenderEntry bprRecommenderEntry() {
    RecommenderEntry e;
    e.id = "bpr";
    e.description =
        "Bayesian personalised ranking: pairwise SGD on (bought/viewed, sampled) item pairs";
    e.family = "factorisation";
    e.params = sgdParams(true);
    e.make = [](const RecommenderContext& ctx, const ParamValues& p,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(new SgdFactorRecommender(ctx, p, true));
    };
    return e;
}

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
    e.make = kit::factoryOf<IalsRecommender>();
    return e;
}

} // namespace recoscope::core
