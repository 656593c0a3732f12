#pragma once
// The plain version of core::BeyondAccuracy's per-slate pass, per-bucket short head and
// log2(C + n), as they stood before the third simulator-step round (main e228e76): each
// Sums computes its own figures per slate, the category and the vector norm are read from
// the caller's tables, the short head makes four passes, the squared norm goes through
// Eigen's dynamic map. tst_beyond_accuracy::sameBitsAsThePlainPass feeds it and the real
// accumulator the same stream and compares every bucket bit for bit. Retention and the
// prefetch hints are left out (unchanged, and not per-slate work).

#include "recoscope/core/beyond_accuracy_point.h"
#include "recoscope/core/event.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <Eigen/Core>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>
#include <span>
#include <vector>

namespace recoscope::test {

class ReferenceBeyondAccuracy {
public:
    ReferenceBeyondAccuracy(const core::ItemTable& items, std::span<const float> vectors = {},
                            int dim = 0, int popularK = 10)
        : m_items(items), m_dim(vectors.empty() ? 0 : dim),
          m_popularK(static_cast<std::size_t>(std::max(popularK, 1))), m_log2Small(4096),
          m_mask(items.size(), 0) {
        m_item.assign(items.size(), ItemState{});
        if (m_dim > 0 && vectors.size() >= items.size() * static_cast<std::size_t>(m_dim)) {
            m_vectors = vectors;
            m_sum.assign(static_cast<std::size_t>(m_dim), 0.0f);
            for (std::size_t i = 0; i < items.size(); ++i) {
                const float* v = vectors.data() + i * static_cast<std::size_t>(m_dim);
                const float norm = std::sqrt(std::inner_product(v, v + m_dim, v, 0.0f));
                m_item[i].invNorm = norm > 0.0f ? 1.0f / norm : 0.0f;
            }
        } else {
            m_dim = 0;
        }
        std::uint32_t categories = 0;
        for (std::uint32_t c : items.category)
            categories = std::max(categories, c + 1);
        m_catCount.assign(categories, 0);
        for (std::size_t k = 1; k < m_log2Small.size(); ++k)
            m_log2Small[k] = std::log2(static_cast<double>(k));
    }

    void onSlate(core::UserId id, std::span<const core::SlateEntry> slate) {
        UserState& u = user(id);
        const std::size_t n = slate.size();
        u.shown.resize(n);
        if (n == 0)
            return;
        m_cats.resize(n);
        const bool latent = m_dim > 0 && n > 1;
        Eigen::Map<Eigen::VectorXf> sum(m_sum.data(), latent ? m_dim : 0);
        sum.setZero();
        const int dim = m_dim;
        double logCounts = 0;
        std::uint64_t counts = 0, tail = 0, same = 0, unit = 0;
        for (std::size_t a = 0; a < n; ++a) {
            const core::ItemId i = slate[a].item;
            const ItemState& it = m_item[i];
            u.shown[a] = {i, static_cast<std::uint8_t>(it.inTop ? 0 : 1)};
            const std::uint32_t c = m_items.category[i];
            m_cats[a] = c;
            same += m_catCount[c]++;
            counts += it.count;
            logCounts += it.log2Count;
            tail += it.head ? 0u : 1u;
            if (latent) {
                unit += it.invNorm > 0.0f ? 1u : 0u;
                sum += Eigen::Map<const Eigen::VectorXf>(m_vectors.data() + std::size_t(i) * dim,
                                                         dim) *
                       it.invNorm;
            }
        }
        for (std::uint32_t c : m_cats)
            m_catCount[c] = 0;
        const std::uint64_t pairs = n * (n - 1) / 2;
        double distance = 0;
        if (latent) {
            const double squared = sum.cast<double>().squaredNorm();
            distance = static_cast<double>(pairs) - (squared - static_cast<double>(unit)) / 2.0;
        }
        const double novelty = static_cast<double>(n) * log2Total() - logCounts;
        const double p = static_cast<double>(pairs);
        for (Sums* s : {&m_bucket, &m_total}) {
            ++s->slates;
            s->impressions += n;
            s->ildCategory += pairs ? static_cast<double>(pairs - same) / p : 0.0;
            s->ildLatent += pairs ? distance / p : 0.0;
            s->popularity += static_cast<double>(counts) / static_cast<double>(n);
            s->novelty += novelty;
            s->tail += tail;
            if (s->servedUsers.size() < 64 &&
                std::find(s->servedUsers.begin(), s->servedUsers.end(), id) == s->servedUsers.end())
                s->servedUsers.push_back(id);
        }
    }

    void onEvent(const core::Event& e) {
        using core::EventKind;
        if (e.user == core::kNoUser)
            return;
        UserState& u = user(e.user);
        if (e.kind == EventKind::Click && e.position >= 0 &&
            static_cast<std::size_t>(e.position) < u.shown.size() &&
            u.shown[static_cast<std::size_t>(e.position)].item == e.item &&
            u.shown[static_cast<std::size_t>(e.position)].unexpected) {
            ++m_bucket.serendipitous;
            ++m_total.serendipitous;
        }
        if (e.kind == EventKind::Purchase) {
            const bool newOrder = u.lastPurchase < 0 || e.time - u.lastPurchase >= 1800.0;
            u.lastPurchase = e.time;
            for (Sums* s : {&m_bucket, &m_total}) {
                s->revenue += e.price;
                s->orders += newOrder ? 1u : 0u;
            }
        }
        const bool interaction = e.kind == EventKind::View || e.kind == EventKind::Click ||
                                 e.kind == EventKind::Favourite || e.kind == EventKind::CartAdd ||
                                 e.kind == EventKind::Purchase;
        if (interaction && e.item < m_item.size())
            countInteraction(e.item);
    }

    /// The figures BeyondAccuracy::take() computes from these sums (activity left out).
    core::BeyondAccuracyPoint take() {
        core::BeyondAccuracyPoint p = point(m_bucket);
        m_bucket = Sums{};
        fixHead();
        return p;
    }
    core::BeyondAccuracyPoint total() const { return point(m_total); }
    bool inHead(core::ItemId item) const { return m_item[item].head != 0; }

private:
    struct Sums {
        double ildCategory = 0, ildLatent = 0, novelty = 0, popularity = 0, revenue = 0;
        std::uint64_t slates = 0, impressions = 0, tail = 0, serendipitous = 0, orders = 0;
        std::vector<core::UserId> servedUsers;
    };
    struct Shown {
        core::ItemId item;
        std::uint8_t unexpected;
    };
    struct UserState {
        std::vector<Shown> shown;
        double lastPurchase = -1.0;
    };
    struct ItemState {
        std::uint64_t count = 0;
        double log2Count = 0;
        float invNorm = 0;
        std::uint8_t head = 0;
        std::uint8_t inTop = 0;
    };

    UserState& user(core::UserId id) {
        if (id >= m_users.size())
            m_users.resize(static_cast<std::size_t>(id) + 1);
        return m_users[id];
    }

    double log2Total() {
        const double t = static_cast<double>(m_countSum) + static_cast<double>(m_item.size());
        const double k = t - m_anchor;
        if (k < 0.0 || k * 256.0 > m_anchor || m_anchor <= 0.0) {
            m_anchor = t;
            m_anchorLog2 = std::log2(t);
            return m_anchorLog2;
        }
        const double x = k / m_anchor;
        return m_anchorLog2 +
               x * (1.0 - x * (1.0 / 2.0 - x * (1.0 / 3.0 - x * (1.0 / 4.0)))) / std::numbers::ln2;
    }

    void countInteraction(core::ItemId item) {
        ItemState& state = m_item[item];
        ++state.count;
        ++m_countSum;
        const std::uint64_t c = state.count + 1;
        state.log2Count =
            c < m_log2Small.size() ? m_log2Small[c] : std::log2(static_cast<double>(c));
        auto better = [this](core::ItemId a, core::ItemId b) {
            const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
            return ca > cb || (ca == cb && a < b);
        };
        decltype(m_top.begin()) it;
        if (state.inTop) {
            it = std::find(m_top.begin(), m_top.end(), item);
        } else {
            if (m_top.size() < m_popularK) {
                m_top.push_back(item);
            } else if (better(item, m_top.back())) {
                m_item[m_top.back()].inTop = 0;
                m_top.back() = item;
            } else {
                return;
            }
            state.inTop = 1;
            it = m_top.end() - 1;
        }
        while (it != m_top.begin() && better(*it, *(it - 1))) {
            std::iter_swap(it, it - 1);
            --it;
        }
    }

    double homogenisation(const std::vector<core::UserId>& users) const {
        const std::size_t m = users.size();
        for (std::size_t b = 0; b < m; ++b)
            for (const Shown& e : m_users[users[b]].shown)
                m_mask[e.item] |= std::uint64_t(1) << b;
        std::vector<std::uint16_t> common(m * m, 0);
        for (std::size_t a = 0; a < m; ++a)
            for (const Shown& e : m_users[users[a]].shown) {
                std::uint64_t later =
                    a + 1 < 64 ? m_mask[e.item] & (~std::uint64_t(0) << (a + 1)) : 0;
                for (; later; later &= later - 1)
                    ++common[a * m + static_cast<std::size_t>(std::countr_zero(later))];
            }
        for (std::size_t b = 0; b < m; ++b)
            for (const Shown& e : m_users[users[b]].shown)
                m_mask[e.item] = 0;
        double sum = 0;
        for (std::size_t a = 0; a < m; ++a)
            for (std::size_t b = a + 1; b < m; ++b) {
                const std::size_t c = common[a * m + b];
                const std::size_t uni =
                    m_users[users[a]].shown.size() + m_users[users[b]].shown.size() - c;
                sum += uni > 0 ? static_cast<double>(c) / static_cast<double>(uni) : 0.0;
            }
        const std::size_t pairs = m * (m - 1) / 2;
        return pairs ? sum / static_cast<double>(pairs) : 0.0;
    }

    core::BeyondAccuracyPoint point(const Sums& s) const {
        core::BeyondAccuracyPoint p;
        p.slates = s.slates;
        p.impressions = s.impressions;
        p.orders = s.orders;
        p.hasLatent = m_dim > 0;
        if (s.slates) {
            const auto n = static_cast<double>(s.slates);
            p.ildCategory = s.ildCategory / n;
            p.ildLatent = s.ildLatent / n;
            p.averagePopularity = s.popularity / n;
        }
        if (s.impressions) {
            const auto n = static_cast<double>(s.impressions);
            p.novelty = s.novelty / n;
            p.tailShare = static_cast<double>(s.tail) / n;
            p.serendipity = static_cast<double>(s.serendipitous) / n;
        }
        p.homogenisation = homogenisation(s.servedUsers);
        p.aov = s.orders ? s.revenue / static_cast<double>(s.orders) : 0.0;
        return p;
    }

    void fixHead() {
        for (ItemState& it : m_item)
            it.head = 0;
        if (m_countSum == 0)
            return;
        const double threshold = 0.8 * static_cast<double>(m_countSum);
        std::uint64_t maxCount = 0;
        for (const ItemState& it : m_item)
            maxCount = std::max(maxCount, it.count);
        const std::uint64_t cap = std::min<std::uint64_t>(maxCount, 4 * m_item.size() + 1024);
        std::vector<std::uint32_t> histogram(static_cast<std::size_t>(cap) + 1, 0);
        std::vector<core::ItemId> above;
        for (core::ItemId i = 0; i < m_item.size(); ++i) {
            if (m_item[i].count > cap)
                above.push_back(i);
            else
                ++histogram[static_cast<std::size_t>(m_item[i].count)];
        }
        std::sort(above.begin(), above.end(), [this](core::ItemId a, core::ItemId b) {
            const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
            return ca > cb || (ca == cb && a < b);
        });
        std::uint64_t covered = 0, boundary = 0, atBoundary = 0;
        for (core::ItemId i : above) {
            if (static_cast<double>(covered) >= threshold)
                break;
            const std::uint64_t c = m_item[i].count;
            atBoundary = c == boundary ? atBoundary + 1 : 1;
            boundary = c;
            covered += c;
        }
        for (std::uint64_t c = cap; c > 0; --c) {
            const std::uint32_t items = histogram[static_cast<std::size_t>(c)];
            if (items == 0)
                continue;
            if (static_cast<double>(covered) >= threshold)
                break;
            boundary = c;
            for (atBoundary = 0; atBoundary < items && static_cast<double>(covered) < threshold;
                 ++atBoundary)
                covered += c;
        }
        for (ItemState& it : m_item) {
            if (it.count > boundary) {
                it.head = 1;
            } else if (it.count == boundary && atBoundary > 0) {
                it.head = 1;
                --atBoundary;
            }
        }
    }

    const core::ItemTable& m_items;
    int m_dim;
    std::span<const float> m_vectors;
    std::vector<float> m_sum;
    std::vector<std::uint32_t> m_cats, m_catCount;
    std::size_t m_popularK;
    std::vector<ItemState> m_item;
    std::vector<double> m_log2Small;
    std::uint64_t m_countSum = 0;
    double m_anchor = 0, m_anchorLog2 = 0;
    std::vector<core::ItemId> m_top;
    mutable std::vector<std::uint64_t> m_mask;
    std::vector<UserState> m_users;
    Sums m_bucket, m_total;
};

} // namespace recoscope::test
