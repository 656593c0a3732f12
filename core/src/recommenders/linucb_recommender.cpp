// LinUCB learns from slate feedback (observeSlate), counted with the cascade model as for the
// item bandits (item_bandit.h).

#include "linucb_recommender.h"

#include "linucb_walk.h"
#include "recoscope/core/introspection.h"
#include "suite_kit.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <cmath>

namespace recoscope::core {

namespace {

// LinUCB (Li et al. 2010), one shared ridge-regression model over features of the
// (user, item) pair: bias, top category (one-hot), price band (one-hot), discount, the
// item's log popularity, the user's share of recent interest in the item's top category
// and brand, the item's smoothed click-through rate on slates, and how strongly the user
// interacted with the item recently. Score = theta·x + alpha sqrt(x^T A^-1 x); A and b are
// accumulated per examined item, theta = A^-1 b and A^-1 are re-solved every `refresh` slates.
//
// One feature function, sparseFeatures(), defines x for learning, ranking and reason():
// ranking splits it into its item part (precomputed in refreshStatic) and its user part,
// and the item-only features that move with feedback (popularity, CTR) are snapshots
// taken at the same refresh, so the x learnt for a shown item is exactly the x it was
// ranked with. (Until issue 11 learning used 7 of the 9 features: the CTR and seen-weight
// were ranked with but never learnt, so their weights stayed 0 and their A^-1 entries at
// 1/ridge, a fixed exploration bonus that never shrank.)
// Top k (issue 17, decision 0040): the score is the item part K_i = m + alpha sqrt(q) moved
// by the user part u = (category share, brand share, seen weight), u in [0, U]. Unseen items
// have u_seen = 0, so score_i <= K_i + Delta(U): the items are kept in order of K (sorted
// at each rebuild), the seen items are scored first, and the walk down the order stops when
// K_i + Delta falls below the k-th score. Every visited item gets the scan's exact score.
class LinUcbRecommender final : public kit::SuiteCore,
                                public LinearBanditProbe,
                                public FullScanProbe {
public:
    LinUcbRecommender(const RecommenderContext& ctx, const ParamValues& p)
        : SuiteCore(ctx, 30), m_alpha(static_cast<float>(p.number("alpha"))),
          m_tops(
              std::min<std::uint32_t>(static_cast<std::uint32_t>(ctx.items->categoryCount()), 32)) {
        m_dimension = 1 + static_cast<int>(m_tops) + 5 + 6;
        m_refresh = p.integer("refresh");
        m_a = Eigen::MatrixXd::Identity(m_dimension, m_dimension) * p.number("ridge");
        m_ainv = Eigen::MatrixXf::Identity(m_dimension, m_dimension) /
                 static_cast<float>(p.number("ridge"));
        m_b = Eigen::VectorXd::Zero(m_dimension);
        m_theta = Eigen::VectorXf::Zero(m_dimension);
        // Price quintile cut points.
        std::vector<float> sorted(m_items.price.begin(), m_items.price.end());
        std::sort(sorted.begin(), sorted.end());
        for (int q = 0; q < 4; ++q)
            m_cuts[q] = sorted.empty()
                            ? 0.0f
                            : sorted[(sorted.size() * static_cast<std::size_t>(q + 1)) / 5];
        m_band.resize(m_items.size());
        for (ItemId i = 0; i < m_items.size(); ++i)
            m_band[i] = static_cast<std::uint8_t>(
                std::upper_bound(m_cuts, m_cuts + 4, m_items.price[i]) - m_cuts);
        m_catShare.assign(ctx.items->categoryCount() + 1, 0.0f);
        std::uint32_t brands = ctx.items->brandCount;
        for (std::uint32_t b : ctx.items->brand)
            brands = std::max(brands, b + 1);
        m_brandDense.assign(brands, 0.0f);
        m_ridge = p.number("ridge");
        m_clicks.assign(m_items.size(), 0.0f);
        m_shown.assign(m_items.size(), 0.0f);
        m_seenWeight.assign(m_items.size(), 0.0f);
    }

    void observeSlate(const Request& request, const Slate& slate, int clicked) override {
        userShares(request.user);
        // The snapshot the slate was ranked with (built here only if nothing was ranked yet).
        if (m_ctrFeature.size() != m_items.size())
            refreshStatic();
        const std::size_t examined =
            clicked >= 0 ? static_cast<std::size_t>(clicked) + 1 : slate.size();
        Eigen::VectorXf x(m_dimension);
        for (std::size_t p = 0; p < examined && p < slate.size(); ++p) {
            if (!m_items.contains(slate[p].item))
                continue;
            features(slate[p].item, x);
            const Eigen::VectorXd xd = x.cast<double>();
            m_a.noalias() += xd * xd.transpose();
            const bool click = static_cast<int>(p) == clicked;
            if (click)
                m_b += xd;
            if (m_learnLog)
                m_learnLog(std::span<const float>(x.data(), static_cast<std::size_t>(x.size())),
                           click ? 1.0f : 0.0f);
        }
        for (std::size_t p = 0; p < examined && p < slate.size(); ++p)
            if (m_items.contains(slate[p].item)) {
                m_shown[slate[p].item] += 1.0f;
                if (static_cast<int>(p) == clicked)
                    m_clicks[slate[p].item] += 1.0f;
            }
        if (++m_pending < m_refresh)
            return;
        m_pending = 0;
        // A is accumulated in double and inverted afresh (d^3 with d ~ 25, microseconds):
        // a long chain of single-precision Sherman-Morrison updates drifts away from
        // a positive-definite inverse over 10^5 updates.
        const Eigen::LDLT<Eigen::MatrixXd> ldlt(m_a);
        m_theta = ldlt.solve(m_b).cast<float>();
        m_ainv = ldlt.solve(Eigen::MatrixXd::Identity(m_dimension, m_dimension)).cast<float>();
        ++m_version;
        // The item part of every score moves with theta and A^-1: recomputed here, where they
        // change, not by the next request (issue 17: that recompute, ~60 flops per item, was
        // the p99 of every `refresh`-th request; decision 0036). Its CTR snapshot is the one
        // the next slate is ranked with, as before: only observeSlate moves the counts.
        rebuildStatic();
    }

protected:
    void learn(const Event&, float) override {}

    void rank(const Request& request, TopK& topk) override {
        userShares(request.user);
        // x has few non-zeros (bias, one top category, one band, 6 dense): exploit it.
        // x = (item part s_i, user part u_i). Everything that depends only on the item
        // (theta_s·s_i, s_i^T A^-1 s_i and A^-1_us s_i) is precomputed whenever theta,
        // A^-1 or the popularity feature change, so a request costs ~20 flops per item.
        refreshStatic();
        int uidx[3];
        userIndices(uidx);
        float thetaU[3], auu[3][3];
        for (int a = 0; a < 3; ++a) {
            thetaU[a] = m_theta[uidx[a]];
            for (int b = 0; b < 3; ++b)
                auu[a][b] = m_ainv(uidx[a], uidx[b]);
        }
        const auto score = [&](ItemId i) {
            float u[3];
            userFeatures(i, u);
            const float* c = &m_cross[static_cast<std::size_t>(i) * 3];
            float mean = m_staticMean[i], quad = m_staticQuad[i];
            // No skipping of zero user features: whether one is zero depends on the
            // item's category and brand, an unpredictable branch that cost more than the
            // nine multiply-adds it saved (adding a zero product leaves the sums as they are).
            for (int a = 0; a < 3; ++a) {
                mean += thetaU[a] * u[a];
                quad += 2.0f * c[a] * u[a];
                for (int b = 0; b < 3; ++b)
                    quad += u[a] * auu[a][b] * u[b];
            }
            return mean + m_alpha * std::sqrt(std::max(0.0f, quad));
        };
        const auto consider = [&](ItemId i) {
            if (!m_items.available[i])
                return;
            const float s = score(i);
            if (topk.admits(s, i) && !request.excludes(i))
                topk.offer(i, s);
        };
        const std::size_t n = m_items.size();
        if (m_fullScan || !m_walk.exact()) {
            for (ItemId i = 0; i < n; ++i)
                consider(i);
            return;
        }
        for (ItemId i : m_seen)
            consider(i);
        const double delta = userBound(thetaU, auu);
        for (ItemId i : m_walk.order()) {
            const float k = m_walk.key(i);
            if (topk.full() && static_cast<double>(k) + delta < topk.threshold())
                break;
            if (m_seenWeight[i] == 0.0f)
                consider(i);
        }
    }

    // The score the item was ranked with: the same features (sparseFeatures, the same
    // popularity and CTR snapshot) and the same theta and A^-1 as rank(), as long as no
    // feedback was learnt since.
    Explanation reason(const Request& request, const SlateEntry& entry) const override {
        const ItemId item = entry.item;
        auto* self = const_cast<LinUcbRecommender*>(this);
        self->userShares(request.user);
        if (m_ctrFeature.size() != m_items.size())
            self->refreshStatic();
        Eigen::VectorXf x(m_dimension);
        self->features(item, x);
        const float mean = m_theta.dot(x),
                    bonus = m_alpha * std::sqrt(std::max(0.0f, x.dot(m_ainv * x)));
        return ExplanationBuilder()
            .item(m_items, item)
            .text(" has an expected click score of ")
            .addend("theta . x", mean, 4)
            .text(" from its department, price band, discount, popularity and click-through "
                  "rate and your interest in its category, its brand and the item itself "
                  "(LinUCB), plus an exploration bonus of ")
            .addend("alpha sqrt(x^T A^-1 x)", bonus, 4)
            .text(": score ")
            .total("upper confidence bound", entry.score, Quantity::Score, 4)
            .text(".")
            .take();
    }

public:
    // LinearBanditProbe (test-only, recoscope/core/introspection.h).
    State linearBanditState() const override {
        State st;
        st.dimension = m_dimension;
        st.alpha = m_alpha;
        st.ridge = m_ridge;
        const auto d = static_cast<std::size_t>(m_dimension);
        st.a.resize(d * d);
        st.aInverse.resize(d * d);
        for (int r = 0; r < m_dimension; ++r)
            for (int c = 0; c < m_dimension; ++c) {
                st.a[static_cast<std::size_t>(r) * d + static_cast<std::size_t>(c)] = m_a(r, c);
                st.aInverse[static_cast<std::size_t>(r) * d + static_cast<std::size_t>(c)] =
                    m_ainv(r, c);
            }
        st.b.assign(m_b.data(), m_b.data() + m_b.size());
        st.theta.assign(m_theta.data(), m_theta.data() + m_theta.size());
        return st;
    }
    void setLearnLog(LearnLog log) override { m_learnLog = std::move(log); }
    // FullScanProbe (test-only): rank every item, the path before decision 0040.
    void setFullScan(bool on) override { m_fullScan = on; }

private:
    void userShares(UserId user) {
        for (const auto& [b, w] : m_brandShare)
            m_brandDense[b] = 0.0f;
        for (ItemId i : m_seen)
            m_seenWeight[i] = 0.0f;
        m_seen.clear();
        std::fill(m_catShare.begin(), m_catShare.end(), 0.0f);
        m_brandShare.clear();
        float total = 0.0f;
        if (const kit::HistoryRing* h = historyOf(user))
            for (const kit::Interaction& x : h->raw()) {
                m_catShare[m_items.topCategory[x.item]] += x.weight;
                m_brandShare.push_back({m_items.brand[x.item], x.weight});
                total += x.weight;
                if (m_seenWeight[x.item] == 0.0f)
                    m_seen.push_back(x.item);
                m_seenWeight[x.item] = std::min(1.0f, m_seenWeight[x.item] + x.weight / 5.0f);
            }
        m_shareNorm = total > 0.0f ? 1.0f / total : 0.0f;
        for (const auto& [b, w] : m_brandShare)
            if (b < m_brandDense.size())
                m_brandDense[b] += w * m_shareNorm;
    }
    void refreshPopularity() {
        // The popularity feature (log scale, 0..1) is refreshed every few hundred calls:
        // a slightly stale value costs nothing in quality and saves a log per item.
        if (++m_popAge < 512 && !m_popFeature.empty())
            return;
        m_popAge = 0;
        ++m_version;
        const auto& v = m_popular.rawValues();
        const float mx = std::max(v.empty() ? 1.0f : *std::max_element(v.begin(), v.end()), 1e-6f);
        m_popFeature.resize(m_items.size());
        for (ItemId i = 0; i < m_items.size(); ++i)
            m_popFeature[i] =
                static_cast<float>(std::log1p(v[i] / mx * 1000.0f) / std::log1p(1000.0f));
    }
    // Layout of x: bias, top category one-hot (m_tops), price band one-hot (5), then the
    // dense block: discount, popularity, category share, brand share, CTR, seen-weight.
    int denseStart() const { return 1 + static_cast<int>(m_tops) + 5; }
    void userIndices(int* uidx) const {
        const int dense = denseStart();
        uidx[0] = dense + 2, uidx[1] = dense + 3, uidx[2] = dense + 5;
    }
    // The 6 features that depend on the item only (popularity and CTR from the snapshot
    // of the last refreshStatic()).
    void itemFeatures(ItemId i, int* idx, float* val) const {
        const int dense = denseStart();
        idx[0] = 0, val[0] = 1.0f;
        idx[1] = 1 + static_cast<int>(m_items.topCategory[i] % m_tops), val[1] = 1.0f;
        idx[2] = 1 + static_cast<int>(m_tops) + m_band[i], val[2] = 1.0f;
        idx[3] = dense, val[3] = m_items.discount[i];
        idx[4] = dense + 1, val[4] = i < m_popFeature.size() ? m_popFeature[i] : 0.0f;
        idx[5] = dense + 4, val[5] = i < m_ctrFeature.size() ? m_ctrFeature[i] : 0.0f;
    }
    // The 3 features that depend on the user (at userIndices()), as of userShares().
    void userFeatures(ItemId i, float* u) const {
        u[0] = m_catShare[m_items.topCategory[i]] * m_shareNorm;
        u[1] = m_items.brand[i] < m_brandDense.size() ? m_brandDense[m_items.brand[i]] : 0.0f;
        u[2] = m_seenWeight[i];
    }
    // Dense indices of the 9 possibly non-zero features and their values: the one
    // definition of x, for learning, ranking and reason().
    int sparseFeatures(ItemId i, int* idx, float* val) const {
        itemFeatures(i, idx, val);
        userIndices(idx + 6);
        userFeatures(i, val + 6);
        return 9;
    }
    void refreshStatic() {
        refreshPopularity();
        if (m_staticVersion == m_version && m_staticMean.size() == m_items.size())
            return;
        rebuildStatic();
    }
    void rebuildStatic() {
        m_staticVersion = m_version;
        const std::size_t n = m_items.size();
        m_staticMean.resize(n);
        m_staticQuad.resize(n);
        m_cross.resize(3 * n);
        // The CTR feature is frozen here, with theta and A^-1: the slates ranked until the
        // next refresh are learnt with the value they were ranked with.
        m_ctrFeature.resize(n);
        for (ItemId i = 0; i < n; ++i)
            m_ctrFeature[i] = ctrFeature(i);
        int uidx[3];
        userIndices(uidx);
        for (ItemId i = 0; i < n; ++i) {
            int idx[6];
            float val[6];
            itemFeatures(i, idx, val);
            float mean = 0.0f, quad = 0.0f, cross[3] = {0, 0, 0};
            for (int a = 0; a < 6; ++a) {
                mean += m_theta[idx[a]] * val[a];
                for (int b = 0; b < 6; ++b)
                    quad += val[a] * m_ainv(idx[a], idx[b]) * val[b];
                for (int u = 0; u < 3; ++u)
                    cross[u] += val[a] * m_ainv(idx[a], uidx[u]);
            }
            m_staticMean[i] = mean;
            m_staticQuad[i] = quad;
            for (int u = 0; u < 3; ++u)
                m_cross[3 * static_cast<std::size_t>(i) + static_cast<std::size_t>(u)] = cross[u];
        }
        m_walk.rebuild(m_staticMean, m_staticQuad, m_cross, m_alpha);
    }
    // The shopper's largest category and brand shares: the U of the walk's bound.
    double userBound(const float* thetaU, const float (*auu)[3]) const {
        double uMax[2] = {0.0, 0.0};
        for (std::size_t c = 0; c < m_catShare.size(); ++c)
            uMax[0] = std::max(uMax[0], static_cast<double>(m_catShare[c] * m_shareNorm));
        for (const auto& [b, w] : m_brandShare)
            if (b < m_brandDense.size())
                uMax[1] = std::max(uMax[1], static_cast<double>(m_brandDense[b]));
        return m_walk.gain(uMax, thetaU, auu);
    }
    float ctrFeature(ItemId i) const { return 10.0f * (m_clicks[i] + 1.0f) / (m_shown[i] + 30.0f); }

    void features(ItemId i, Eigen::VectorXf& x) const {
        int idx[9];
        float val[9];
        x.setZero();
        for (int n = sparseFeatures(i, idx, val); n-- > 0;)
            x[idx[n]] += val[n];
    }
    float m_alpha;
    std::uint32_t m_tops;
    int m_dimension = 0;
    int m_refresh = 16;
    std::uint64_t m_version = 0, m_staticVersion = ~0ull;
    std::vector<float> m_staticMean, m_staticQuad, m_cross;
    int m_pending = 0;
    Eigen::MatrixXd m_a;
    Eigen::VectorXd m_b;
    Eigen::MatrixXf m_ainv;
    Eigen::VectorXf m_theta;
    float m_cuts[4] = {0, 0, 0, 0};
    std::vector<std::uint8_t> m_band;
    std::vector<float> m_catShare;
    std::vector<std::pair<std::uint32_t, float>> m_brandShare;
    std::vector<float> m_brandDense;
    std::vector<float> m_popFeature; // snapshot, refreshed every 512 requests
    std::vector<float> m_ctrFeature; // snapshot, refreshed with theta (refreshStatic)
    double m_ridge = 1.0;
    LearnLog m_learnLog;
    std::vector<float> m_clicks, m_shown, m_seenWeight;
    std::vector<ItemId> m_seen;
    float m_shareNorm = 0.0f;
    int m_popAge = 0;
    kit::LinUcbWalk m_walk; // the order and bound of rank()'s walk, rebuilt with the item part
    bool m_fullScan = false;
};

} // namespace

RecommenderEntry linUcbRecommenderEntry() {
    RecommenderEntry e;
    e.id = "linucb";
    e.description =
        "LinUCB: contextual bandit over item features and the shopper's category interest";
    e.family = "bandit";
    e.params = {
        kit::realParam("alpha", 0.0, 10.0, 0.2, "Width of the upper confidence bound"),
        kit::realParam("ridge", 1e-4, 1000.0, 1.0, "Ridge regularisation (A starts as ridge * I)"),
        kit::intParam("refresh", 1.0, 10000.0, 16.0,
                      "Slates between two solves of the ridge regression"),
    };
    e.make = kit::factoryOf<LinUcbRecommender>();
    return e;
}

} // namespace recoscope::core
