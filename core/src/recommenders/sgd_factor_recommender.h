#pragma once
// Private: the SGD factor model behind `mf-sgd` (squared loss) and `bpr` (pairwise loss).

#include "factor_core.h"
#include "factor_updates.h"

#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core::kit {

// Online matrix factorisation by SGD on implicit feedback with negative sampling
// (Vinagre, Jorge & Gama 2014 "ISGD"; negatives as in word2vec / Pan et al. 2008 one-class
// CF): each positive event (u, i) is a target 1 weighted by its implicit weight, each of
// `negatives` uniformly drawn items a target 0; squared loss with L2, one SGD step each.
// `replay` positives re-drawn from the user's recent history are trained again to speed
// up learning without storing the event stream. The steps and their losses are in
// factor_updates.h (checked against finite differences by tst_factor_internals). Cost per event: (1
// + negatives) x (1 + replay) x dim multiply-adds.
//
// BPR (Rendle et al. 2009) shares everything but the loss: ln sigmoid(x_ui - x_uj) over
// sampled pairs (positive i, negative j).
class SgdFactorRecommender final : public FactorCore {
public:
    SgdFactorRecommender(const RecommenderContext& ctx, const ParamValues& p, bool bpr)
        : FactorCore(ctx, p.integer("factors"), 20, 0.1, p), m_bpr(bpr),
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
        m_index->markDirty(i);
        if (!m_bpr) {
            kit::squaredLossStep(p, qi, m_bias[i], 1.0f, conf, m_lr, m_reg);
            for (int n = 0; n < m_negatives; ++n) {
                const ItemId j = sampleItem(i);
                Eigen::Map<Eigen::VectorXf> qj(itemVec(j), d);
                kit::squaredLossStep(p, qj, m_bias[j], 0.0f, 1.0f, m_lr, m_reg);
                m_index->markDirty(j);
            }
            return;
        }
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = sampleItem(i);
            m_index->markDirty(j);
            Eigen::Map<Eigen::VectorXf> qj(itemVec(j), d);
            kit::bprStep(p, qi, qj, m_bias[i], m_bias[j], conf, m_lr, m_reg);
        }
    }

    bool m_bpr;
    float m_lr, m_reg;
    int m_negatives, m_replay;
};

inline std::vector<ParamSpec> sgdParams(bool bpr) {
    std::vector<ParamSpec> params = {
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
    for (ParamSpec& s : retrievalParams())
        params.push_back(std::move(s));
    return params;
}

} // namespace recoscope::core::kit
