#include "ncf_recommender.h"

#include "factor_scan.h"
#include "ncf_model.h"
#include "suite_kit.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core {

namespace {

using Eigen::Map;
using Eigen::MatrixXf;
using Eigen::VectorXf;

// Neural collaborative filtering (He et al. 2017, NeuMF): logit(u, i) =
//   h·(p_u ⊙ q_i)  [GMF]  +  w·relu(W_u p_u + W_i q_i + b1)  [MLP]  + b_i + b0,
// trained with the logistic loss on each positive event and `negatives` sampled items.
// The forward and backward passes live in ncf_model.h (checked against finite
// differences by tst_neural_gradients).
// Samples are buffered; every `batch` samples the shared weights (h, W, b1, w, b0) take
// one averaged gradient step (mini-batch SGD), while embeddings and item biases, which
// are sparse, are updated per sample. Scoring all items needs W_i q_i for every item: it
// is cached as a matrix (hidden x items) and recomputed only after a batch changed W.
class NcfRecommender final : public kit::SuiteCore {
public:
    NcfRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 20), m_d(p.integer("embedding")), m_h(p.integer("hidden")),
          m_batch(p.integer("batch")), m_negatives(p.integer("negatives")),
          m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 17))),
          m_q(ctx.items->size() * static_cast<std::size_t>(m_d)), m_bias(ctx.items->size(), 0.0f) {
        boost::random::normal_distribution<float> emb(0.0f, 0.1f);
        boost::random::normal_distribution<float> he(0.0f,
                                                     std::sqrt(2.0f / static_cast<float>(2 * m_d)));
        for (float& x : m_q)
            x = emb(m_rng);
        m_net.setZero(m_h, m_d);
        for (Eigen::Index r = 0; r < m_h; ++r)
            for (Eigen::Index c = 0; c < m_d; ++c) {
                m_net.wu(r, c) = he(m_rng);
                m_net.wi(r, c) = he(m_rng);
            }
        for (Eigen::Index r = 0; r < m_h; ++r)
            m_net.w[r] = emb(m_rng);
        m_net.gmf = VectorXf::Constant(m_d, 1.0f);
        zeroGrads();
        m_scores.resize(ctx.items->size());
    }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user) || m_items.size() < 2)
            return;
        float* pu = userVec(e.user);
        const float conf = std::log1p(w);
        sample(pu, e.item, 1.0f, conf);
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = kit::sampleOtherItem(m_rng, m_items.size(), e.item);
            sample(pu, j, 0.0f, 1.0f);
        }
    }

    void rank(const Request& request, TopK& topk) override {
        const bool known = request.user < m_known.size() && m_known[request.user];
        if (!known && !m_items.contains(request.contextItem))
            return;
        VectorXf p = VectorXf::Zero(m_d);
        if (known)
            p = Map<const VectorXf>(userPtr(request.user), m_d);
        if (m_items.contains(request.contextItem))
            p += Map<const VectorXf>(itemPtr(request.contextItem), m_d);
        refreshItemCache();
        const VectorXf a = m_net.wu * p + m_net.b1;
        const VectorXf hp = m_net.gmf.cwiseProduct(p);
        const std::size_t n = m_items.size();
        constexpr std::size_t kBlock = 4096;
        for (std::size_t s = 0; s < n; s += kBlock) {
            const auto b = static_cast<Eigen::Index>(std::min(kBlock, n - s));
            const Map<const kit::RowMatrix> qb(itemPtr(static_cast<ItemId>(s)), b, m_d);
            auto out = m_scores.segment(static_cast<Eigen::Index>(s), b);
            out.noalias() = qb * hp;
            out.noalias() += (m_zi.middleCols(static_cast<Eigen::Index>(s), b).colwise() + a)
                                 .cwiseMax(0.0f)
                                 .transpose() *
                             m_net.w;
            out += Map<const VectorXf>(m_bias.data() + s, b);
        }
        scanAll(request, topk, [&](ItemId i) { return m_scores[static_cast<Eigen::Index>(i)]; });
    }

    // rank()'s logit for one item, part by part: GMF h.(p (.) q_i), the MLP
    // w.relu(W_u p + W_i q_i + b1) (W_i q_i from the cache rank() refreshed), the item bias.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const bool known = request.user < m_known.size() && m_known[request.user];
        VectorXf p = VectorXf::Zero(m_d);
        if (known)
            p = Map<const VectorXf>(userPtr(request.user), m_d);
        if (m_items.contains(request.contextItem))
            p += Map<const VectorXf>(itemPtr(request.contextItem), m_d);
        const Map<const VectorXf> q(itemPtr(item), m_d);
        const float gmf = q.dot(m_net.gmf.cwiseProduct(p));
        const VectorXf hidden =
            (m_zi.col(static_cast<Eigen::Index>(item)) + m_net.wu * p + m_net.b1).cwiseMax(0.0f);
        const float mlp = hidden.dot(m_net.w);
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" scores high in the neural model (embeddings + ")
            .fact("hidden units", m_h, Quantity::Count, 0)
            .text("-unit MLP) trained on ")
            .fact("your interactions", static_cast<double>(interactionCount(request.user)),
                  Quantity::Count, 0)
            .text(" of your interactions and ")
            .fact("training samples", static_cast<double>(m_samples), Quantity::Count, 0)
            .text(" training samples overall: matrix-factorisation part ")
            .addend("GMF h.(p * q)", gmf, 3)
            .text(" + MLP part ")
            .addend("MLP w.relu(W_u p + W_i q + b1)", mlp, 3)
            .text(" + item bias ")
            .addend("item bias", m_bias[item], 3)
            .text(" = logit ")
            .total("logit", entry.score, Quantity::Score, 3)
            .text(".")
            .take();
    }

private:
    float* itemPtr(ItemId i) {
        return m_q.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_d);
    }
    const float* itemPtr(ItemId i) const {
        return m_q.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_d);
    }
    const float* userPtr(UserId u) const {
        return m_p.data() + static_cast<std::size_t>(u) * static_cast<std::size_t>(m_d);
    }
    float* userVec(UserId u) {
        if (u >= m_known.size()) {
            const std::size_t old = m_p.size();
            m_known.resize(static_cast<std::size_t>(u) + 1, 0);
            m_p.resize(m_known.size() * static_cast<std::size_t>(m_d));
            boost::random::normal_distribution<float> emb(0.0f, 0.1f);
            for (std::size_t x = old; x < m_p.size(); ++x)
                m_p[x] = emb(m_rng);
        }
        m_known[u] = 1;
        return m_p.data() + static_cast<std::size_t>(u) * static_cast<std::size_t>(m_d);
    }

    void zeroGrads() {
        m_grad.setZero(m_h, m_d);
        m_inBatch = 0;
    }

    void sample(float* puRaw, ItemId i, float y, float conf) {
        Map<VectorXf> p(puRaw, m_d);
        Map<VectorXf> q(itemPtr(i), m_d);
        neural::ncfBackward<float>(m_net, p, q, m_bias[i], y, conf, m_grad, m_sparse);
        p -= m_lr * (m_sparse.dp + m_reg * p);
        q -= m_lr * (m_sparse.dq + m_reg * q);
        m_bias[i] -= m_lr * (m_sparse.dbias + m_reg * m_bias[i]);
        ++m_samples;
        if (++m_inBatch >= m_batch)
            applyBatch();
    }

    void applyBatch() {
        // One averaged step of the batch's summed gradient; the L2 penalty on the two
        // weight matrices decays them once per batch.
        const float step = m_lr / static_cast<float>(m_inBatch);
        m_net.wu -= step * m_grad.wu + m_lr * m_reg * m_net.wu;
        m_net.wi -= step * m_grad.wi + m_lr * m_reg * m_net.wi;
        m_net.b1 -= step * m_grad.b1;
        m_net.w -= step * m_grad.w;
        m_net.gmf -= step * m_grad.gmf;
        m_net.b0 -= step * m_grad.b0;
        zeroGrads();
        ++m_version;
    }

    void refreshItemCache() {
        // W_i q_i changes with W (each batch) and q_i (each sample); recompute once per
        // batch at most, which keeps the request cost at O(items x hidden).
        if (m_cachedVersion == m_version &&
            m_zi.cols() == static_cast<Eigen::Index>(m_items.size()))
            return;
        const Map<const kit::RowMatrix> q(m_q.data(), static_cast<Eigen::Index>(m_items.size()),
                                          m_d);
        m_zi.noalias() = m_net.wi * q.transpose();
        m_cachedVersion = m_version;
    }

    int m_d, m_h, m_batch, m_negatives;
    float m_lr, m_reg;
    boost::random::mt19937 m_rng;
    std::vector<float> m_q, m_bias, m_p;
    std::vector<std::uint8_t> m_known;
    neural::NcfShared<float> m_net, m_grad; // weights; summed gradient of the batch
    neural::NcfSparseGrad<float> m_sparse;
    MatrixXf m_zi;
    int m_inBatch = 0;
    std::uint64_t m_samples = 0;
    std::uint64_t m_version = 0, m_cachedVersion = ~0ull;
    VectorXf m_scores;
};

} // namespace

RecommenderEntry ncfRecommenderEntry() {
    RecommenderEntry e;
    e.id = "ncf";
    e.description =
        "Neural collaborative filtering: embeddings + MLP (NeuMF), trained online in mini-batches";
    e.family = "neural";
    e.params = {
        kit::intParam("embedding", 2.0, 128.0, 16.0, "Embedding size of users and items"),
        kit::intParam("hidden", 2.0, 256.0, 32.0, "Units of the MLP's hidden layer"),
        kit::intParam("batch", 1.0, 4096.0, 64.0,
                      "Samples per mini-batch update of the shared weights"),
        kit::intParam("negatives", 0.0, 100.0, 4.0, "Sampled negative items per positive event"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.2, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 1e-4, "L2 penalty"),
    };
    e.make = kit::factoryOf<NcfRecommender>();
    return e;
}

} // namespace recoscope::core
