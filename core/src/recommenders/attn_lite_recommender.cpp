#include "attn_lite_recommender.h"

#include "attn_lite_model.h"
#include "factor_scan.h"
#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core {

namespace {

using Eigen::Map;
using Eigen::VectorXf;

// Sequence model over each user's last `window` items: one self-attention block
// (SASRec-style, Kang & McAuley 2018, reduced to a single head without projections):
// the latest item's input embedding attends over the window, s = sum_j softmax(e_last·e_j
// / sqrt(d)) e_j, and the next item is scored by o_i·s + b_i with separate output
// embeddings. Trained online as next-item prediction with the logistic loss on the
// actual next item and `negatives` sampled ones, with the full gradient (through the
// attention weights too); the model is in attn_lite_model.h. Cost per event:
// O((window + negatives) x d); per request the same scan as the factor models.
class AttnLiteRecommender final : public kit::SuiteCore {
public:
    AttnLiteRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, static_cast<std::size_t>(p.integer("window"))),
          m_d(p.integer("embedding")), m_negatives(p.integer("negatives")),
          m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_gap(p.number("session_gap_minutes") * 60.0),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 29))),
          m_in(ctx.items->size() * static_cast<std::size_t>(m_d)),
          m_out(ctx.items->size() * static_cast<std::size_t>(m_d)),
          m_bias(ctx.items->size(), 0.0f) {
        boost::random::normal_distribution<float> emb(0.0f, 0.1f);
        for (float& x : m_in)
            x = emb(m_rng);
        for (float& x : m_out)
            x = emb(m_rng);
    }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || m_items.size() < 2)
            return;
        if (!context(e.user, kNoItem, e.time))
            return; // no sequence yet: the item starts one
        // Targets: the actual item (label 1, weight log(1 + w)) and sampled negatives.
        const auto m = static_cast<Eigen::Index>(1 + m_negatives);
        m_targets.assign(1, e.item);
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = kit::sampleOtherItem(m_rng, m_items.size(), e.item);
            m_targets.push_back(j);
        }
        m_o.resize(m_d, m);
        m_b.resize(m);
        m_y = VectorXf::Zero(m);
        m_conf = VectorXf::Ones(m);
        m_y[0] = 1.0f;
        m_conf[0] = std::log1p(w);
        for (Eigen::Index t = 0; t < m; ++t) {
            m_o.col(t) = Map<const VectorXf>(outPtr(m_targets[static_cast<std::size_t>(t)]), m_d);
            m_b[t] = m_bias[m_targets[static_cast<std::size_t>(t)]];
        }
        neural::logisticTargets<float>(m_trace.s, m_o, m_b, m_y, m_conf, m_ds, m_dO, m_db);
        neural::attnLiteBackward<float>(m_x, m_trace, m_ds, m_dx);
        for (Eigen::Index t = 0; t < m; ++t) {
            const ItemId item = m_targets[static_cast<std::size_t>(t)];
            Map<VectorXf> o(outPtr(item), m_d);
            o -= m_lr * (m_dO.col(t) + m_reg * o);
            m_bias[item] -= m_lr * m_db[t];
        }
        for (std::size_t k = 0; k < m_window.size(); ++k) {
            Map<VectorXf> ej(inPtr(m_window[k]), m_d);
            ej -= m_lr * (m_dx.col(static_cast<Eigen::Index>(k)) + m_reg * ej);
        }
    }

    void rank(const Request& request, TopK& topk) override {
        if (!context(request.user, request.contextItem, request.time))
            return;
        kit::scanFactors(m_items, request, topk, m_out.data(), m_items.size(), m_d,
                         m_trace.s.data(), m_bias.data(), m_scratch);
    }

    // rank()'s score for one item: its output embedding against the attended state s,
    // plus its bias. context() rebuilds the state exactly as rank() did (same window, same
    // weights: nothing was learnt since).
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        auto* self = const_cast<AttnLiteRecommender*>(this);
        self->context(request.user, request.contextItem, request.time);
        Eigen::Index best = 0;
        m_trace.alpha.maxCoeff(&best);
        const float match = Map<const VectorXf>(self->outPtr(item), m_d).dot(m_trace.s);
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" is the likely next step of your browsing sequence, which focuses on ")
            .item(m_items, m_window[static_cast<std::size_t>(best)])
            .text(" (attention weight ")
            .fact("largest attention weight", m_trace.alpha[best], Quantity::Share, 2)
            .text(" over the last ")
            .fact("items in the window", static_cast<double>(m_window.size()), Quantity::Count, 0)
            .text(" items): match with the sequence ")
            .addend("output embedding . attended state", match, 3)
            .text(" + item bias ")
            .addend("item bias", m_bias[item], 3)
            .text(" = score ")
            .total("score", entry.score, Quantity::Score, 3)
            .text(".")
            .take();
    }

private:
    float* inPtr(ItemId i) {
        return m_in.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_d);
    }
    float* outPtr(ItemId i) {
        return m_out.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_d);
    }

    /// Builds the window (oldest first, context item last) and the attended state.
    bool context(UserId user, ItemId extra, SimTime now) {
        kit::sessionItems(historyOf(user), m_items, extra, now, m_gap, m_window);
        if (m_window.empty())
            return false;
        m_x.resize(m_d, static_cast<Eigen::Index>(m_window.size()));
        for (std::size_t k = 0; k < m_window.size(); ++k)
            m_x.col(static_cast<Eigen::Index>(k)) = Map<const VectorXf>(inPtr(m_window[k]), m_d);
        neural::attnLiteForward<float>(m_x, m_trace);
        return true;
    }

    int m_d, m_negatives;
    float m_lr, m_reg;
    double m_gap;
    boost::random::mt19937 m_rng;
    std::vector<float> m_in, m_out, m_bias;
    std::vector<ItemId> m_window, m_targets;
    neural::AttnLiteTrace<float> m_trace;
    Eigen::MatrixXf m_x, m_dx, m_o, m_dO;
    VectorXf m_b, m_y, m_conf, m_ds, m_db, m_scratch;
};

} // namespace

RecommenderEntry attnLiteRecommenderEntry() {
    RecommenderEntry e;
    e.id = "attn-lite";
    e.description = "Attention-lite: the latest item attends over the shopper's recent items "
                    "(one head, no projections or positions) to predict the next one";
    e.family = "neural";
    e.params = {
        kit::intParam("window", 1.0, 200.0, 10.0, "Recent items the model attends over"),
        kit::intParam("embedding", 2.0, 128.0, 32.0, "Embedding size"),
        kit::intParam("negatives", 0.0, 200.0, 10.0, "Sampled negative items per event"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.2, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 1e-4, "L2 penalty"),
        kit::realParam("session_gap_minutes", 1.0, 100000.0, 120.0,
                       "Items older than this leave the sequence"),
    };
    e.make = kit::factoryOf<AttnLiteRecommender>();
    return e;
}

} // namespace recoscope::core
