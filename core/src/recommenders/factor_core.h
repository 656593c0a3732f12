#pragma once
// Latent-factor cores learnt from implicit feedback: online MF by SGD with negative
// sampling, BPR, and implicit ALS with periodic retraining and fold-in. Private base
// shared by `mf-sgd`, `bpr` (sgd_factor_recommender.h) and `ials`.

#include "exact_item_index.h"
#include "factor_scan.h"
#include "item_index.h"
#include "screened_item_index.h"
#include "suite_kit.h"

#include "recoscope/core/introspection.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace recoscope::core::kit {

// Shared state: item factors Q (items x dim, row-major), item biases, user factors P
// grown on demand (users x dim). Scoring is Q·(p_u + c·q_context) + b, top-k from an
// ItemIndex (item_index.h): the exact scan, HNSW candidates re-scored exactly, or the
// bounded walk over k-means lists (IVF), as the `retrieval` parameter says. Every write to a
// row of Q or to a bias must be followed by m_index->markDirty(item) (markAll() after a
// retrain).
// FullScanProbe (test-only): swaps the index for ExactItemIndex, the plain scan of every
// item that ScreenedItemIndex replaced (decision 0041), so a test can compare the two.
class FactorCore : public kit::SuiteCore, public FullScanProbe {
public:
    FactorCore(const RecommenderContext& ctx, int dim, std::size_t history, double initSigma,
               const ParamValues& p)
        : SuiteCore(ctx, history), m_dim(dim),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed))),
          m_q(ctx.items->size() * static_cast<std::size_t>(dim)), m_bias(ctx.items->size(), 0.0f),
          m_initSigma(initSigma), m_query(static_cast<std::size_t>(dim)) {
        boost::random::normal_distribution<float> init(0.0f, static_cast<float>(initSigma));
        for (float& x : m_q)
            x = init(m_rng);
        m_retrieval = p.text("retrieval");
        m_annEf = p.integer("ann_ef");
        m_ivfProbe = p.integer("ivf_probe");
        m_annSeed = kit::mixSeed(ctx.seed ^ 0x616e6eu);
        m_index =
            kit::makeItemIndex(m_retrieval, ctx.items->size(), dim, m_annEf, m_ivfProbe, m_annSeed);
        // The exact scan's initial copy is part of construction, not of a request; the
        // HNSW graph and the IVF lists are built at the first request, on the vectors learnt
        // by then.
        if (auto* exact = dynamic_cast<kit::ScreenedItemIndex*>(m_index.get()))
            exact->syncNow(m_q.data());
    }

    void setFullScan(bool on) override {
        if (on) {
            auto plain = std::make_unique<kit::ExactItemIndex>(m_items.size(), m_dim);
            plain->syncNow(m_q.data());
            m_index = std::move(plain);
        } else {
            m_index = kit::makeItemIndex(m_retrieval, m_items.size(), m_dim, m_annEf, m_ivfProbe,
                                         m_annSeed);
        }
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
    ItemId sampleItem(ItemId avoid) { return kit::sampleOtherItem(m_rng, m_items.size(), avoid); }

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
        m_index->topK(m_items, request, topk, m_q.data(), m_useBias ? m_bias.data() : nullptr,
                      m_query.data());
    }
    virtual bool ready() const { return true; }

    // rank()'s score for one item, split: the item's factors against the user's, against
    // the viewed product's (times context_weight), and the item's bias.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        const float* p = userVecOrNull(request.user);
        const float* qi = itemVec(item);
        const bool ctx = m_items.contains(request.contextItem);
        float user = 0.0f, viewed = 0.0f;
        for (int d = 0; d < m_dim; ++d) {
            if (p)
                user += p[d] * qi[d];
            if (ctx)
                viewed += m_contextWeight * itemVec(request.contextItem)[d] * qi[d];
        }
        // The interaction whose item vector is closest to the recommended one.
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
        if (ctx) {
            best = request.contextItem;
            bestSim = cosine(itemVec(best));
        }
        if (const kit::HistoryRing* h = historyOf(request.user))
            for (const kit::Interaction& x : h->raw())
                if (x.item != item && cosine(itemVec(x.item)) > bestSim) {
                    bestSim = cosine(itemVec(x.item));
                    best = x.item;
                }
        ExplanationBuilder b;
        b.item(m_items, item)
            .text(" fits the taste profile ")
            .name(name())
            .text(" learnt from ")
            .fact("your interactions", static_cast<double>(interactionCount(request.user)),
                  Quantity::Count, 0)
            .text(" of your interactions");
        if (best != kNoItem)
            b.text("; its latent factors are closest to ")
                .item(m_items, best)
                .text(" (cosine ")
                .fact("cosine of the two items' factor vectors", bestSim, Quantity::Cosine, 2)
                .text(")");
        b.text(". Score: your factors . its factors ")
            .addend("user factors . item factors", user, 3);
        if (ctx)
            b.text(" + viewed product's factors x ")
                .fact("context weight", m_contextWeight, Quantity::Weight, 1)
                .text(" . its factors ")
                .addend("context weight x viewed product . item factors", viewed, 3);
        if (m_useBias)
            b.text(" + item bias ").addend("item bias", m_bias[item], 3);
        return b.text(" = ")
            .total("predicted preference", entry.score, Quantity::Score, 3)
            .text(".")
            .take();
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
    std::unique_ptr<kit::ItemIndex> m_index;
    std::string m_retrieval; // to build the index again (setFullScan)
    int m_annEf = 0;
    int m_ivfProbe = 0;
    std::uint64_t m_annSeed = 0;
    float m_contextWeight = 1.0f;
    bool m_useBias = true;
};

} // namespace recoscope::core::kit

namespace recoscope::core::kit {
/// The retrieval parameters every FactorCore reads (item_index.h).
inline std::vector<ParamSpec> retrievalParams() {
    return {
        choiceParam("retrieval", {"auto", "exact", "ann", "ivf"}, "auto",
                    "How the top items are found: exact scan of every item, approximate "
                    "(HNSW) candidates re-scored exactly, k-means lists visited best bound "
                    "first (IVF), or auto (exact below 200,000 items, IVF from there)"),
        intParam("ann_ef", 10.0, 5000.0, static_cast<double>(kAnnDefaultEf),
                 "Search width of the approximate index: higher finds more of the exact "
                 "top items, slower"),
        intParam("ivf_probe", 0.0, 100000.0, static_cast<double>(kIvfDefaultProbe),
                 "Most lists the IVF index visits once it has k items (0: no limit, the "
                 "answer is always the exact one): lower is faster, may miss top items"),
    };
}
} // namespace recoscope::core::kit
