#include "wide_deep_recommender.h"

#include "factor_scan.h"
#include "suite_kit.h"
#include "wide_deep_model.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <array>

namespace recoscope::core {

namespace {

using Eigen::Map;
using Eigen::MatrixXf;
using Eigen::VectorXf;

// Wide & Deep (Cheng et al. 2016), trained jointly online. logit(request, i) =
//   wide: the weights of seven crossed features, hashed into 2^wide_bits slots —
//         age band x department, gender x category, region x category, occupation x
//         department, surface x category, category of the last item seen (the product
//         page's item, else the shopper's latest) x category, user x department — plus a
//         per-item weight;
//   deep: an MLP (two ReLU layers) over the sum of the user's id and demographic
//         embeddings and the sum of the item's id, category and brand embeddings;
// (model in wide_deep_model.h, checked against finite differences by
// tst_neural_gradients). Loss: logistic on each positive event (weight log(1 + w)) and
// `negatives` uniformly sampled items. The paper trains the wide part with FTRL + L1;
// here both parts take plain SGD with L2. Sparse parameters (wide weights, embeddings)
// move per sample; the MLP's shared weights take one averaged step per `batch` samples,
// like ncf, so the first layer's item half W1i v_i is cached for every item and
// recomputed at most once per batch. The wide part of a request depends on the item only
// through its category, department and id, so it is summed per category once.
//
// Cost per event: O((1 + negatives) x (H1 x d + H1 x H2)); per request
// O(categories x 7 + items x H1 x H2).
class WideDeepRecommender final : public kit::SuiteCore {
public:
    WideDeepRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 1), m_d(p.integer("embedding")), m_h1(p.integer("hidden")),
          m_h2(std::max(2, m_h1 / 2)), m_batch(p.integer("batch")),
          m_negatives(p.integer("negatives")), m_lr(static_cast<float>(p.number("learning_rate"))),
          m_reg(static_cast<float>(p.number("regularisation"))),
          m_mask((std::uint64_t(1) << p.integer("wide_bits")) - 1),
          m_rng(static_cast<std::uint32_t>(kit::mixSeed(ctx.seed + 47))), m_wide(m_mask + 1, 0.0f),
          m_itemWide(ctx.items->size(), 0.0f) {
        const UserTable& u = *ctx.users;
        const ItemTable& it = *ctx.items;
        // One table per field; the last row of each demographic table is "unknown".
        for (auto [table, rows] :
             {std::pair{&m_emb[kItem], it.size()}, std::pair{&m_emb[kCategory], it.categoryCount()},
              std::pair{&m_emb[kBrand], brandRows(it)},
              std::pair{&m_emb[kAge], std::size_t(u.ageBandCount) + 1},
              std::pair{&m_emb[kGender], std::size_t(u.genderCount) + 1},
              std::pair{&m_emb[kOccupation], std::size_t(u.occupationCount) + 1},
              std::pair{&m_emb[kRegion], std::size_t(u.regionCount) + 1}})
            initRows(*table, rows);
        m_net.setZero(m_d, m_h1, m_h2);
        boost::random::normal_distribution<float> he1(0.0f, std::sqrt(1.0f / float(m_d)));
        boost::random::normal_distribution<float> he2(0.0f, std::sqrt(2.0f / float(m_h1)));
        boost::random::normal_distribution<float> out(0.0f, 0.1f);
        for (Eigen::Index i = 0; i < m_net.w1u.size(); ++i) {
            m_net.w1u.data()[i] = he1(m_rng);
            m_net.w1i.data()[i] = he1(m_rng);
        }
        for (Eigen::Index i = 0; i < m_net.w2.size(); ++i)
            m_net.w2.data()[i] = he2(m_rng);
        for (Eigen::Index i = 0; i < m_net.w3.size(); ++i)
            m_net.w3[i] = out(m_rng);
        m_grad.setZero(m_d, m_h1, m_h2);
    }

protected:
    void learn(const Event& e, float w) override {
        if (w <= 0.0f || !kit::trackableUser(m_users, e.user) || m_items.size() < 2)
            return;
        growUsers(e.user);
        const std::uint32_t last = lastCategory(e.user, kNoItem);
        userInput(e.user, m_u);
        sample(e.user, e.surface, last, e.item, 1.0f, std::log1p(w));
        for (int n = 0; n < m_negatives; ++n) {
            const ItemId j = kit::sampleOtherItem(m_rng, m_items.size(), e.item);
            sample(e.user, e.surface, last, j, 0.0f, 1.0f);
        }
    }

    void rank(const Request& request, TopK& topk) override {
        if (m_samples == 0)
            return; // untrained: the popularity fill-in answers
        refreshItemCache();
        userInput(request.user, m_u);
        wideTables(request.user, request.surface, lastCategory(request.user, request.contextItem));
        const VectorXf a = m_net.w1u * m_u + m_net.b1;
        const std::size_t n = m_items.size();
        m_scores.resize(static_cast<Eigen::Index>(n));
        constexpr std::size_t kBlock = 1024;
        for (std::size_t s = 0; s < n; s += kBlock) {
            const auto b = static_cast<Eigen::Index>(std::min(kBlock, n - s));
            const auto first = static_cast<Eigen::Index>(s);
            m_a1 = (m_zi.middleCols(first, b).colwise() + a).cwiseMax(0.0f);
            m_a2.noalias() = m_net.w2 * m_a1;
            m_a2 = (m_a2.colwise() + m_net.b2).cwiseMax(0.0f);
            m_scores.segment(first, b).noalias() = m_a2.transpose() * m_net.w3;
        }
        scanAll(request, topk, [&](ItemId i) {
            return m_scores[static_cast<Eigen::Index>(i)] + wideOf(i) + m_net.b0;
        });
    }

    // rank()'s logit for one item: the wide part (crossed features), the deep network's
    // output and the global bias b0, from the same inputs rank() built.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        auto* self = const_cast<WideDeepRecommender*>(this);
        self->userInput(request.user, self->m_u);
        self->wideTables(request.user, request.surface,
                         self->lastCategory(request.user, request.contextItem));
        const float wide = self->wideOf(item);
        // The deep part as rank() computed it: the item half of the first layer comes from
        // the cache of the last mini-batch (the item's embeddings may have moved since).
        const VectorXf a1 =
            (m_zi.col(static_cast<Eigen::Index>(item)) + m_net.w1u * m_u + m_net.b1).cwiseMax(0.0f);
        const VectorXf a2 = (m_net.w2 * a1 + m_net.b2).cwiseMax(0.0f);
        const float deep = a2.dot(m_net.w3);
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" scores ")
            .total("logit", entry.score, Quantity::Score, 3)
            .text(" in the wide & deep model: ")
            .addend("wide part", wide, 3)
            .text(" from crossed features (your profile and last category with its category) + ")
            .addend("deep part", deep, 3)
            .text(" from the deep network over ")
            .fact("training samples", static_cast<double>(m_samples), Quantity::Count, 0)
            .text(" training samples + global bias ")
            .addend("global bias b0", m_net.b0, 3)
            .text(".")
            .take();
    }

private:
    enum Field { kItem, kCategory, kBrand, kAge, kGender, kOccupation, kRegion, kUser, kFields };

    static std::size_t brandRows(const ItemTable& it) {
        std::size_t rows = it.brandCount;
        for (std::uint32_t b : it.brand)
            rows = std::max(rows, std::size_t(b) + 1);
        return rows;
    }
    void initRows(std::vector<float>& table, std::size_t rows) {
        boost::random::normal_distribution<float> emb(0.0f, 0.1f);
        const std::size_t old = table.size();
        table.resize(rows * static_cast<std::size_t>(m_d));
        for (std::size_t x = old; x < table.size(); ++x)
            table[x] = emb(m_rng);
    }
    void growUsers(UserId u) {
        if (std::size_t(u) + 1 > m_userRows) {
            m_userRows = std::size_t(u) + 1;
            initRows(m_emb[kUser], m_userRows);
        }
    }
    float* row(Field f, std::size_t r) {
        return m_emb[f].data() + r * static_cast<std::size_t>(m_d);
    }
    /// The rows whose sum is the user side of the deep input (unknown fields: last row).
    int userRows(UserId u, std::array<std::pair<Field, std::size_t>, 5>& rows) const {
        const UserTable& t = m_users;
        const bool in = t.contains(u);
        rows[0] = {kAge, in ? t.ageBand[u] : t.ageBandCount};
        rows[1] = {kGender, in ? t.gender[u] : t.genderCount};
        rows[2] = {kOccupation, in ? t.occupation[u] : t.occupationCount};
        rows[3] = {kRegion, in ? t.region[u] : t.regionCount};
        if (u == kNoUser || std::size_t(u) >= m_userRows)
            return 4;
        rows[4] = {kUser, u};
        return 5;
    }
    void userInput(UserId u, VectorXf& out) {
        std::array<std::pair<Field, std::size_t>, 5> rows;
        const int n = userRows(u, rows);
        out = VectorXf::Zero(m_d);
        for (int k = 0; k < n; ++k)
            out += Map<const VectorXf>(row(rows[k].first, rows[k].second), m_d);
    }
    void itemInput(ItemId i, VectorXf& out) {
        out = Map<const VectorXf>(row(kItem, i), m_d) +
              Map<const VectorXf>(row(kCategory, m_items.category[i]), m_d) +
              Map<const VectorXf>(row(kBrand, m_items.brand[i]), m_d);
    }
    std::uint32_t lastCategory(UserId u, ItemId context) const {
        if (m_items.contains(context))
            return m_items.category[context];
        if (const kit::HistoryRing* h = historyOf(u); h && !h->empty())
            return m_items.category[h->recent(0).item];
        return static_cast<std::uint32_t>(m_items.categoryCount()); // "none"
    }

    /// Slot of a crossed feature (cross id, request-side value, item-side value).
    std::size_t slot(std::uint64_t cross, std::uint64_t a, std::uint64_t b) const {
        return static_cast<std::size_t>(kit::mixSeed((cross << 56) ^ (a << 28) ^ b) & m_mask);
    }
    /// The 7 crosses of (request side, item): the first four by leaf category, the last
    /// three by department.
    void crossSlots(UserId u, Surface surface, std::uint32_t last, std::uint32_t cat,
                    std::uint32_t top, std::array<std::size_t, 7>& out) const {
        const UserTable& t = m_users;
        const bool in = t.contains(u);
        out[0] = slot(1, in ? t.gender[u] : 255u, cat);
        out[1] = slot(2, in ? t.region[u] : 255u, cat);
        out[2] = slot(3, static_cast<std::uint64_t>(surface), cat);
        out[3] = slot(4, last, cat);
        out[4] = slot(5, in ? t.ageBand[u] : 255u, top);
        out[5] = slot(6, in ? t.occupation[u] : 255u, top);
        out[6] = slot(7, u, top);
    }
    /// Per-category sums of the request's wide weights (by leaf and by department).
    void wideTables(UserId u, Surface surface, std::uint32_t last) {
        const std::size_t c = m_items.categoryCount();
        m_wideLeaf.assign(c, 0.0f);
        m_wideTop.assign(c, 0.0f);
        std::array<std::size_t, 7> s;
        for (std::uint32_t k = 0; k < c; ++k) {
            crossSlots(u, surface, last, k, k, s);
            m_wideLeaf[k] = m_wide[s[0]] + m_wide[s[1]] + m_wide[s[2]] + m_wide[s[3]];
            m_wideTop[k] = m_wide[s[4]] + m_wide[s[5]] + m_wide[s[6]];
        }
    }
    float wideOf(ItemId i) const {
        return m_wideLeaf[m_items.category[i]] + m_wideTop[m_items.topCategory[i]] + m_itemWide[i];
    }

    void sample(UserId u, Surface surface, std::uint32_t last, ItemId i, float y, float conf) {
        std::array<std::size_t, 7> s;
        crossSlots(u, surface, last, m_items.category[i], m_items.topCategory[i], s);
        float wide = m_itemWide[i];
        for (std::size_t x : s)
            wide += m_wide[x];
        itemInput(i, m_v);
        neural::wideDeepBackward<float>(m_net, m_u, m_v, wide, y, conf, m_grad, m_sparse);
        for (std::size_t x : s)
            m_wide[x] -= m_lr * (m_sparse.dWide + m_reg * m_wide[x]);
        m_itemWide[i] -= m_lr * (m_sparse.dWide + m_reg * m_itemWide[i]);
        for (auto [f, r] : {std::pair{kItem, std::size_t(i)},
                            std::pair{kCategory, std::size_t(m_items.category[i])},
                            std::pair{kBrand, std::size_t(m_items.brand[i])}}) {
            Map<VectorXf> e(row(f, r), m_d);
            e -= m_lr * (m_sparse.dv + m_reg * e);
        }
        std::array<std::pair<Field, std::size_t>, 5> rows;
        const int n = userRows(u, rows);
        for (int k = 0; k < n; ++k) {
            Map<VectorXf> e(row(rows[k].first, rows[k].second), m_d);
            e -= m_lr * (m_sparse.du + m_reg * e);
        }
        m_u -= m_lr * n * m_sparse.du; // keep the summed input in step for the negatives
        ++m_samples;
        if (++m_inBatch >= m_batch)
            applyBatch();
    }

    void applyBatch() {
        const float step = m_lr / static_cast<float>(m_inBatch);
        m_net.w1u -= step * m_grad.w1u + m_lr * m_reg * m_net.w1u;
        m_net.w1i -= step * m_grad.w1i + m_lr * m_reg * m_net.w1i;
        m_net.b1 -= step * m_grad.b1;
        m_net.w2 -= step * m_grad.w2 + m_lr * m_reg * m_net.w2;
        m_net.b2 -= step * m_grad.b2;
        m_net.w3 -= step * m_grad.w3;
        m_net.b0 -= step * m_grad.b0;
        m_grad.setZero(m_d, m_h1, m_h2);
        m_inBatch = 0;
        ++m_version;
    }

    void refreshItemCache() {
        const auto n = static_cast<Eigen::Index>(m_items.size());
        if (m_cachedVersion == m_version && m_zi.cols() == n)
            return;
        m_zi.resize(m_h1, n);
        VectorXf v;
        for (Eigen::Index i = 0; i < n; ++i) {
            itemInput(static_cast<ItemId>(i), v);
            m_zi.col(i).noalias() = m_net.w1i * v;
        }
        m_cachedVersion = m_version;
    }

    int m_d, m_h1, m_h2, m_batch, m_negatives;
    float m_lr, m_reg;
    std::uint64_t m_mask;
    boost::random::mt19937 m_rng;
    std::array<std::vector<float>, kFields> m_emb; // row-major rows x d per field
    std::size_t m_userRows = 0;
    std::vector<float> m_wide, m_itemWide, m_wideLeaf, m_wideTop;
    neural::WideDeepWeights<float> m_net, m_grad;
    neural::WideDeepSparseGrad<float> m_sparse;
    VectorXf m_u, m_v, m_scores;
    MatrixXf m_zi, m_a1, m_a2;
    int m_inBatch = 0;
    std::uint64_t m_samples = 0;
    std::uint64_t m_version = 0, m_cachedVersion = ~0ull;
};

} // namespace

RecommenderEntry wideDeepRecommenderEntry() {
    RecommenderEntry e;
    e.id = "wide-deep";
    e.description = "Wide & Deep: a linear model over crossed features (demographics, surface, "
                    "last category x category) plus an MLP over embeddings, trained jointly";
    e.family = "neural";
    e.params = {
        kit::intParam("embedding", 2.0, 128.0, 16.0, "Embedding size of every field"),
        kit::intParam("hidden", 2.0, 256.0, 32.0,
                      "Units of the MLP's first layer (the second has half as many)"),
        kit::intParam("batch", 1.0, 4096.0, 64.0,
                      "Samples per mini-batch update of the MLP's weights"),
        kit::intParam("negatives", 0.0, 100.0, 4.0, "Sampled negative items per positive event"),
        kit::intParam("wide_bits", 8.0, 24.0, 18.0, "Hashed slots of the wide part: 2^bits"),
        kit::realParam("learning_rate", 1e-5, 1.0, 0.1, "SGD step size"),
        kit::realParam("regularisation", 0.0, 1.0, 1e-4, "L2 penalty"),
    };
    e.make = kit::factoryOf<WideDeepRecommender>();
    return e;
}

} // namespace recoscope::core
