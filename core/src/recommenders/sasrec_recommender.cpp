#include "sasrec_recommender.h"

#include "factor_scan.h"
#include "sasrec_model.h"
#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core {

namespace {

using Eigen::Map;
using Eigen::MatrixXf;
using Eigen::VectorXf;

// SASRec (Kang & McAuley 2018, "Self-attentive sequential recommendation"), online, one
// block with one head. The sequence is the shopper's last `window` items no more than
// `session_gap_minutes` before now (the product being viewed, if any, last). Each entry
// is its item embedding plus a learned embedding of its recency (position 0 = latest, as
// SASRec aligns sequences to the right). The latest position's output, after the
// attention block (Q/K/V projections, residual) and the point-wise feed-forward block
// (ReLU, residual), scores every item i as e_i·out + b_i with the same item embeddings
// (SASRec shares them), so ranking is one scan of the embedding matrix.
//
// Training: each positive event is the next item of the sequence so far; logistic loss on
// the actual item (weight log(1 + event weight)) and `negatives` uniformly sampled ones,
// as in the paper's binary cross-entropy, with the full gradient of sasrec_model.h
// (checked against finite differences by tst_neural_gradients). Plain SGD with L2; the
// block's weight gradient is clipped to norm 1 per event for stability. Layer norm and
// dropout are left out.
//
// Cost per event: O(window x d^2 + d x ffn + negatives x d); per request the forward pass
// (the same order) plus one scan of items x d.
class SasRecRecommender final : public kit::SuiteCore {
public:
    SasRecRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, static_cast<std::size_t>(p.integer("window"))),
          m_d(p.integer("embedding")), m_ffn(p.integer("ffn")),
          m_window(static_cast<std::size_t>(p.integer("window"))),
          m_negatives(p.integer("negatives")), m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_gap(p.number("session_gap_minutes") * 60.0),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 43))),
          m_emb(ctx.items->size() * static_cast<std::size_t>(m_d)),
          m_bias(ctx.items->size(), 0.0f) {
        boost::random::normal_distribution<float> small(0.0f, 0.1f);
        for (float& x : m_emb)
            x = small(m_rng);
        m_pos = MatrixXf(m_d, static_cast<Eigen::Index>(m_window));
        for (Eigen::Index i = 0; i < m_pos.size(); ++i)
            m_pos.data()[i] = small(m_rng);
        m_net.setZero(m_d, m_ffn);
        m_grad.setZero(m_d, m_ffn);
        boost::random::normal_distribution<float> proj(0.0f, 1.0f / std::sqrt(float(m_d)));
        for (MatrixXf* w : {&m_net.wq, &m_net.wk, &m_net.wv})
            for (Eigen::Index i = 0; i < w->size(); ++i)
                w->data()[i] = proj(m_rng);
        boost::random::normal_distribution<float> he(0.0f, std::sqrt(2.0f / float(m_d)));
        for (Eigen::Index i = 0; i < m_net.w1.size(); ++i)
            m_net.w1.data()[i] = he(m_rng);
        // The feed-forward output starts small, so the untrained block is close to the
        // attention residual alone.
        boost::random::normal_distribution<float> out(0.0f, 0.1f / std::sqrt(float(m_ffn)));
        for (Eigen::Index i = 0; i < m_net.w2.size(); ++i)
            m_net.w2.data()[i] = out(m_rng);
    }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || m_items.size() < 2)
            return;
        if (!context(e.user, kNoItem, e.time))
            return; // no sequence yet: the item starts one
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
            m_o.col(t) = Map<const VectorXf>(embPtr(m_targets[static_cast<std::size_t>(t)]), m_d);
            m_b[t] = m_bias[m_targets[static_cast<std::size_t>(t)]];
        }
        neural::logisticTargets<float>(m_trace.out, m_o, m_b, m_y, m_conf, m_dout, m_dO, m_db);
        m_grad.setZero(m_d, m_ffn);
        neural::sasBackward<float>(m_net, m_x, m_trace, m_dout, m_grad, m_dx);

        // Embeddings are shared by input and output: both gradients land on the same rows,
        // all computed at the same point before any row moves.
        for (Eigen::Index t = 0; t < m; ++t) {
            const ItemId item = m_targets[static_cast<std::size_t>(t)];
            Map<VectorXf> o(embPtr(item), m_d);
            o -= m_lr * (m_dO.col(t) + m_reg * o);
            m_bias[item] -= m_lr * m_db[t];
        }
        const auto n = static_cast<Eigen::Index>(m_seq.size());
        for (Eigen::Index k = 0; k < n; ++k) {
            Map<VectorXf> x(embPtr(m_seq[static_cast<std::size_t>(k)]), m_d);
            x -= m_lr * (m_dx.col(k) + m_reg * x);
            m_pos.col(n - 1 - k) -= m_lr * m_dx.col(k);
        }
        const float norm = std::sqrt(m_grad.squaredNorm());
        const float step = norm > 1.0f ? m_lr / norm : m_lr;
        for (auto [p, g] : {std::pair{&m_net.wq, &m_grad.wq}, std::pair{&m_net.wk, &m_grad.wk},
                            std::pair{&m_net.wv, &m_grad.wv}, std::pair{&m_net.w1, &m_grad.w1},
                            std::pair{&m_net.w2, &m_grad.w2}})
            *p -= step * *g + m_lr * m_reg * *p;
        m_net.c1 -= step * m_grad.c1;
        m_net.c2 -= step * m_grad.c2;
        ++m_updates;
    }

    void rank(const Request& request, TopK& topk) override {
        if (!context(request.user, request.contextItem, request.time))
            return;
        kit::scanFactors(m_items, request, topk, m_emb.data(), m_items.size(), m_d,
                         m_trace.out.data(), m_bias.data(), m_scratch);
    }

    // rank()'s score for one item: its (shared) embedding against the block's output for
    // the sequence (rebuilt by context() as rank() built it), plus its bias.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        auto* self = const_cast<SasRecRecommender*>(this);
        self->context(request.user, request.contextItem, request.time);
        Eigen::Index best = 0;
        m_trace.alpha.maxCoeff(&best);
        const float match = Map<const VectorXf>(self->embPtr(item), m_d).dot(m_trace.out);
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" is the likely next step of your recent ")
            .fact("items in the sequence", static_cast<double>(m_seq.size()), Quantity::Count, 0)
            .text(" items; the self-attention focuses on ")
            .item(m_items, m_seq[static_cast<std::size_t>(best)])
            .text(" (weight ")
            .fact("largest attention weight", m_trace.alpha[best], Quantity::Share, 2)
            .text("): match with the sequence ")
            .addend("item embedding . block output", match, 3)
            .text(" + item bias ")
            .addend("item bias", m_bias[item], 3)
            .text(" = score ")
            .total("score", entry.score, Quantity::Score, 3)
            .text(".")
            .take();
    }

private:
    float* embPtr(ItemId i) {
        return m_emb.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_d);
    }

    /// Builds the sequence (oldest first, `extra` last) and runs the block over it.
    bool context(UserId user, ItemId extra, SimTime now) {
        kit::sessionItems(historyOf(user), m_items, extra, now, m_gap, m_seq);
        if (m_seq.size() > m_window) // the ring holds `window`; the extra item may add one
            m_seq.erase(m_seq.begin());
        if (m_seq.empty())
            return false;
        const auto n = static_cast<Eigen::Index>(m_seq.size());
        m_x.resize(m_d, n);
        for (Eigen::Index k = 0; k < n; ++k)
            m_x.col(k) = Map<const VectorXf>(embPtr(m_seq[static_cast<std::size_t>(k)]), m_d) +
                         m_pos.col(n - 1 - k);
        neural::sasForward<float>(m_net, m_x, m_trace);
        return true;
    }

    int m_d, m_ffn;
    std::size_t m_window;
    int m_negatives;
    float m_lr, m_reg;
    double m_gap;
    boost::random::mt19937 m_rng;
    std::vector<float> m_emb, m_bias;
    MatrixXf m_pos; // d x window, column 0 = latest position
    neural::SasWeights<float> m_net, m_grad;
    neural::SasTrace<float> m_trace;
    std::vector<ItemId> m_seq, m_targets;
    MatrixXf m_x, m_dx, m_o, m_dO;
    VectorXf m_b, m_y, m_conf, m_dout, m_db, m_scratch;
    std::uint64_t m_updates = 0;
};

} // namespace

RecommenderEntry sasrecRecommenderEntry() {
    RecommenderEntry e;
    e.id = "sasrec";
    e.description = "SASRec: a self-attention block (learned positions, projections, "
                    "feed-forward) over the shopper's recent items predicts the next one";
    e.family = "neural";
    e.params = {
        kit::intParam("window", 1.0, 50.0, 10.0, "Recent items the block attends over"),
        kit::intParam("embedding", 2.0, 128.0, 32.0, "Item and position embedding size"),
        kit::intParam("ffn", 2.0, 256.0, 32.0, "Units of the feed-forward layer"),
        kit::intParam("negatives", 0.0, 200.0, 10.0, "Sampled negative items per event"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.1, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 1e-4, "L2 penalty"),
        kit::realParam("session_gap_minutes", 1.0, 100000.0, 120.0,
                       "Items older than this leave the sequence"),
    };
    e.make = kit::factoryOf<SasRecRecommender>();
    return e;
}

} // namespace recoscope::core
