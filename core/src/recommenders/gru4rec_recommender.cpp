#include "gru4rec_recommender.h"

#include "factor_scan.h"
#include "gru_model.h"
#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core {

namespace {

using Eigen::Map;
using Eigen::MatrixXf;
using Eigen::VectorXf;

// GRU4Rec (Hidasi et al. 2016, "Session-based recommendations with recurrent neural
// networks"), online. The session is the shopper's last `window` items no more than
// `session_gap_minutes` apart from now (the product being viewed, if any, last); a GRU
// over their input embeddings ends in a state h that scores every item as o_i·h + b_i.
//
// Training: each positive event is the next item of the session so far. The loss is the
// cross-entropy of a softmax over the actual item and `negatives` uniformly sampled
// items (the paper's "cross-entropy over sampled items"; BPR-max is not used), weighted
// by log(1 + event weight), back-propagated through the whole window (full BPTT, not the
// paper's one-step truncation: the window is short). Plain SGD with L2; the recurrent
// weights' gradient is clipped to norm 1 (Pascanu et al. 2013) so that early steps on an
// untrained model stay stable. The model is gru_model.h (checked against finite
// differences by tst_neural_gradients).
//
// Cost per event: O(window x 3H x (d + H) + negatives x H); per request the window's
// forward pass plus one scan of the output matrix (items x H), like the factor models.
class Gru4RecRecommender final : public kit::SuiteCore {
public:
    Gru4RecRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, static_cast<std::size_t>(p.integer("window"))),
          m_d(p.integer("embedding")), m_h(p.integer("hidden")),
          m_negatives(p.integer("negatives")), m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_gap(p.number("session_gap_minutes") * 60.0),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 41))),
          m_in(ctx.items->size() * static_cast<std::size_t>(m_d)),
          m_out(ctx.items->size() * static_cast<std::size_t>(m_h)),
          m_bias(ctx.items->size(), 0.0f) {
        boost::random::normal_distribution<float> emb(0.0f, 0.1f);
        for (float& x : m_in)
            x = emb(m_rng);
        for (float& x : m_out)
            x = emb(m_rng);
        m_net.setZero(m_h, m_d);
        m_grad.setZero(m_h, m_d);
        boost::random::normal_distribution<float> wx(0.0f, 1.0f / std::sqrt(float(m_d)));
        boost::random::normal_distribution<float> wh(0.0f, 1.0f / std::sqrt(float(m_h)));
        for (Eigen::Index i = 0; i < m_net.w.size(); ++i)
            m_net.w.data()[i] = wx(m_rng);
        for (Eigen::Index i = 0; i < m_net.u.size(); ++i)
            m_net.u.data()[i] = wh(m_rng);
    }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || m_items.size() < 2)
            return;
        if (!context(e.user, kNoItem, e.time))
            return; // no session yet: the item starts one
        const auto m = static_cast<Eigen::Index>(1 + m_negatives);
        m_targets.assign(1, e.item);
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = kit::sampleOtherItem(m_rng, m_items.size(), e.item);
            m_targets.push_back(j);
        }
        m_o.resize(m_h, m);
        m_b.resize(m);
        for (Eigen::Index t = 0; t < m; ++t) {
            m_o.col(t) = Map<const VectorXf>(outPtr(m_targets[static_cast<std::size_t>(t)]), m_h);
            m_b[t] = m_bias[m_targets[static_cast<std::size_t>(t)]];
        }
        neural::softmaxTargets<float>(m_trace.last(), m_o, m_b, std::log1p(w), m_dh, m_dO, m_db);
        m_grad.setZero(m_h, m_d);
        neural::gruBackward<float>(m_net, m_x, m_trace, m_dh, m_grad, m_dx);

        for (Eigen::Index t = 0; t < m; ++t) {
            const ItemId item = m_targets[static_cast<std::size_t>(t)];
            Map<VectorXf> o(outPtr(item), m_h);
            o -= m_lr * (m_dO.col(t) + m_reg * o);
            m_bias[item] -= m_lr * m_db[t];
        }
        for (std::size_t k = 0; k < m_window.size(); ++k) {
            Map<VectorXf> x(inPtr(m_window[k]), m_d);
            x -= m_lr * (m_dx.col(static_cast<Eigen::Index>(k)) + m_reg * x);
        }
        const float norm =
            std::sqrt(m_grad.w.squaredNorm() + m_grad.u.squaredNorm() + m_grad.b.squaredNorm());
        const float step = norm > 1.0f ? m_lr / norm : m_lr;
        m_net.w -= step * m_grad.w + m_lr * m_reg * m_net.w;
        m_net.u -= step * m_grad.u + m_lr * m_reg * m_net.u;
        m_net.b -= step * m_grad.b;
        ++m_updates;
    }

    void rank(const Request& request, TopK& topk) override {
        if (!context(request.user, request.contextItem, request.time))
            return;
        const VectorXf h = m_trace.last();
        kit::scanFactors(m_items, request, topk, m_out.data(), m_items.size(), m_h, h.data(),
                         m_bias.data(), m_scratch);
    }

    // rank()'s score for one item: its output embedding against the GRU's last hidden
    // state (rebuilt by context() as rank() built it), plus its bias.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        auto* self = const_cast<Gru4RecRecommender*>(this);
        self->context(request.user, request.contextItem, request.time);
        const VectorXf h = m_trace.last();
        const float match = Map<const VectorXf>(self->outPtr(item), m_h).dot(h);
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" is a likely next step after your session's last ")
            .fact("items in the session window", static_cast<double>(m_window.size()),
                  Quantity::Count, 0)
            .text(" items, ending with ")
            .item(m_items, m_window.back())
            .text(" (a recurrent network trained on ")
            .fact("session steps learnt", static_cast<double>(m_updates), Quantity::Count, 0)
            .text(" session steps): match with the session state ")
            .addend("output embedding . last hidden state", match, 3)
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
        return m_out.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_h);
    }

    /// Builds the session window (oldest first, `extra` last) and runs the GRU over it.
    bool context(UserId user, ItemId extra, SimTime now) {
        kit::sessionItems(historyOf(user), m_items, extra, now, m_gap, m_window);
        if (m_window.empty())
            return false;
        m_x.resize(m_d, static_cast<Eigen::Index>(m_window.size()));
        for (std::size_t k = 0; k < m_window.size(); ++k)
            m_x.col(static_cast<Eigen::Index>(k)) = Map<const VectorXf>(inPtr(m_window[k]), m_d);
        neural::gruForward<float>(m_net, m_x, m_trace);
        return true;
    }

    int m_d, m_h, m_negatives;
    float m_lr, m_reg;
    double m_gap;
    boost::random::mt19937 m_rng;
    std::vector<float> m_in, m_out, m_bias;
    neural::GruWeights<float> m_net, m_grad;
    neural::GruTrace<float> m_trace;
    std::vector<ItemId> m_window, m_targets;
    MatrixXf m_x, m_dx, m_o, m_dO;
    VectorXf m_b, m_db, m_dh, m_scratch;
    std::uint64_t m_updates = 0;
};

} // namespace

RecommenderEntry gru4recRecommenderEntry() {
    RecommenderEntry e;
    e.id = "gru4rec";
    e.description = "GRU4Rec: a recurrent network (GRU) over the shopper's session predicts the "
                    "next item; trained online with a softmax over sampled negatives";
    e.family = "neural";
    e.params = {
        kit::intParam("window", 1.0, 50.0, 8.0,
                      "Latest session items the GRU runs over (and back-propagates through)"),
        kit::intParam("embedding", 2.0, 128.0, 32.0, "Item embedding size"),
        kit::intParam("hidden", 2.0, 128.0, 32.0, "Units of the GRU's state"),
        kit::intParam("negatives", 1.0, 500.0, 32.0,
                      "Sampled negative items in the softmax of each event"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.05, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 1e-4, "L2 penalty"),
        kit::realParam("session_gap_minutes", 1.0, 100000.0, 120.0,
                       "Items older than this leave the session"),
    };
    e.make = kit::factoryOf<Gru4RecRecommender>();
    return e;
}

} // namespace recoscope::core
