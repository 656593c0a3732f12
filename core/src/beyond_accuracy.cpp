#include "recoscope/core/beyond_accuracy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace recoscope::core {

namespace {

bool interaction(EventKind k) {
    return k == EventKind::View || k == EventKind::Click || k == EventKind::Favourite ||
           k == EventKind::CartAdd || k == EventKind::Purchase;
}

constexpr int kRetentionDays = 8;

} // namespace

BeyondAccuracy::BeyondAccuracy(const ItemTable& items, std::span<const float> vectors, int dim,
                               int popularK)
    : m_items(items), m_dim(vectors.empty() ? 0 : dim),
      m_popularK(static_cast<std::size_t>(std::max(popularK, 1))), m_count(items.size(), 0),
      m_head(items.size(), 0) {
    // Unit vectors once, so a pair's latent distance is 1 - one dot product.
    if (m_dim > 0 && vectors.size() >= items.size() * static_cast<std::size_t>(m_dim)) {
        m_unit.assign(vectors.begin(),
                      vectors.begin() + static_cast<std::ptrdiff_t>(items.size() * m_dim));
        for (std::size_t i = 0; i < items.size(); ++i) {
            float* v = m_unit.data() + i * static_cast<std::size_t>(m_dim);
            const float norm = std::sqrt(std::inner_product(v, v + m_dim, v, 0.0f));
            for (int d = 0; d < m_dim; ++d)
                v[d] = norm > 0.0f ? v[d] / norm : 0.0f;
        }
    } else {
        m_dim = 0;
    }
}

BeyondAccuracy::UserState& BeyondAccuracy::user(UserId id) {
    if (id >= m_users.size())
        m_users.resize(static_cast<std::size_t>(id) + 1);
    return m_users[id];
}

void BeyondAccuracy::addSlate(Sums& s, UserId id, std::span<const SlateEntry> slate, bool bucket) {
    const std::size_t n = slate.size();
    if (n == 0)
        return;
    ++s.slates;
    s.impressions += n;
    double different = 0, distance = 0, popularity = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const ItemId i = slate[a].item;
        popularity += static_cast<double>(m_count[i]);
        s.novelty -=
            std::log2((static_cast<double>(m_count[i]) + 1.0) /
                      (static_cast<double>(m_countSum) + static_cast<double>(m_count.size())));
        s.tail += m_head[i] ? 0u : 1u;
        for (std::size_t b = a + 1; b < n; ++b) {
            const ItemId j = slate[b].item;
            different += m_items.category[i] != m_items.category[j] ? 1.0 : 0.0;
            if (m_dim > 0) {
                const float* u = m_unit.data() + static_cast<std::size_t>(i) * m_dim;
                const float* v = m_unit.data() + static_cast<std::size_t>(j) * m_dim;
                distance += 1.0 - static_cast<double>(std::inner_product(u, u + m_dim, v, 0.0f));
            }
        }
    }
    const double pairs = static_cast<double>(n * (n - 1) / 2);
    s.ildCategory += pairs > 0 ? different / pairs : 0.0;
    s.ildLatent += pairs > 0 ? distance / pairs : 0.0;
    s.popularity += popularity / static_cast<double>(n);
    UserState& u = user(id);
    const bool first = bucket ? !u.servedInBucket : !u.served;
    if (first && s.servedUsers.size() < kHomogenisationUsers)
        s.servedUsers.push_back(id);
}

void BeyondAccuracy::onSlate(SimTime, UserId id, std::span<const SlateEntry> slate) {
    addSlate(m_bucket, id, slate, true);
    addSlate(m_total, id, slate, false);
    UserState& u = user(id);
    u.served = u.servedInBucket = true;
    u.lastSlate.clear();
    u.unexpected.clear();
    for (const SlateEntry& e : slate) {
        u.lastSlate.push_back(e.item);
        u.unexpected.push_back(std::find(m_top.begin(), m_top.end(), e.item) == m_top.end() ? 1
                                                                                            : 0);
    }
}

void BeyondAccuracy::countInteraction(ItemId item) {
    ++m_count[item];
    ++m_countSum;
    // The popularity top k, best first (ties to the lower id), kept as counts grow by one.
    auto better = [this](ItemId a, ItemId b) {
        return m_count[a] > m_count[b] || (m_count[a] == m_count[b] && a < b);
    };
    auto it = std::find(m_top.begin(), m_top.end(), item);
    if (it == m_top.end()) {
        if (m_top.size() < m_popularK)
            m_top.push_back(item);
        else if (better(item, m_top.back()))
            m_top.back() = item;
        else
            return;
        it = m_top.end() - 1;
    }
    while (it != m_top.begin() && better(*it, *(it - 1))) {
        std::iter_swap(it, it - 1);
        --it;
    }
}

void BeyondAccuracy::onEvent(const Event& e) {
    if (e.user == kNoUser)
        return;
    UserState& u = user(e.user);
    // Activity: the bucket's returning users, the run's multi-day users, cohorts.
    if (u.lastBucket != m_bucketIndex) {
        ++m_bucketActive;
        if (u.lastBucket >= 0)
            ++m_bucketReturning;
        u.lastBucket = m_bucketIndex;
    }
    const auto day = static_cast<std::int32_t>(std::floor(e.time / kSecondsPerDay));
    if (u.firstDay < 0) {
        u.firstDay = day;
        ++m_everActive;
    }
    if (u.lastDay >= 0 && u.lastDay != day && !u.multiDay) {
        u.multiDay = true;
        ++m_multiDay;
    }
    u.lastDay = day;
    m_lastDaySeen = std::max(m_lastDaySeen, day);
    const std::int32_t d = day - u.firstDay;
    if (d < kRetentionDays && !(u.retentionBits & (1u << d))) {
        u.retentionBits = static_cast<std::uint8_t>(u.retentionBits | (1u << d));
        auto& row = m_cohort[u.firstDay];
        row.resize(kRetentionDays, 0);
        ++row[static_cast<std::size_t>(d)];
    }
    if (e.kind == EventKind::Click && e.position >= 0 &&
        static_cast<std::size_t>(e.position) < u.lastSlate.size() &&
        u.lastSlate[static_cast<std::size_t>(e.position)] == e.item &&
        u.unexpected[static_cast<std::size_t>(e.position)]) {
        ++m_bucket.serendipitous;
        ++m_total.serendipitous;
    }
    if (e.kind == EventKind::Purchase) {
        const bool newOrder = u.lastPurchase < 0 || e.time - u.lastPurchase >= kOrderGapSeconds;
        u.lastPurchase = e.time;
        for (Sums* s : {&m_bucket, &m_total}) {
            s->revenue += e.price;
            s->orders += newOrder ? 1u : 0u;
        }
    }
    if (interaction(e.kind) && e.item < m_count.size())
        countInteraction(e.item);
}

double BeyondAccuracy::homogenisation(const std::vector<UserId>& users) const {
    double sum = 0;
    std::uint64_t pairs = 0;
    for (std::size_t a = 0; a < users.size(); ++a)
        for (std::size_t b = a + 1; b < users.size(); ++b) {
            const auto& x = m_users[users[a]].lastSlate;
            const auto& y = m_users[users[b]].lastSlate;
            std::size_t common = 0;
            for (ItemId i : x)
                common += std::count(y.begin(), y.end(), i) > 0 ? 1u : 0u;
            const std::size_t uni = x.size() + y.size() - common;
            sum += uni > 0 ? static_cast<double>(common) / static_cast<double>(uni) : 0.0;
            ++pairs;
        }
    return pairs ? sum / static_cast<double>(pairs) : 0.0;
}

BeyondAccuracyPoint BeyondAccuracy::point(const Sums& s) const {
    BeyondAccuracyPoint p;
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

BeyondAccuracyPoint BeyondAccuracy::take() {
    BeyondAccuracyPoint p = point(m_bucket);
    p.activeUsers = m_bucketActive;
    p.returnRate = m_bucketActive ? static_cast<double>(m_bucketReturning) /
                                        static_cast<double>(m_bucketActive)
                                  : 0.0;
    for (UserState& u : m_users)
        u.servedInBucket = false;
    m_bucket = Sums{};
    m_bucketActive = m_bucketReturning = 0;
    ++m_bucketIndex;
    fixHead();
    return p;
}

BeyondAccuracyPoint BeyondAccuracy::total() const {
    BeyondAccuracyPoint p = point(m_total);
    p.activeUsers = m_everActive;
    p.returnRate =
        m_everActive ? static_cast<double>(m_multiDay) / static_cast<double>(m_everActive) : 0.0;
    return p;
}

void BeyondAccuracy::fixHead() {
    // The short head: most interacted-with first (ties to the lower id) until 80 % of
    // all interactions are covered.
    std::fill(m_head.begin(), m_head.end(), 0);
    if (m_countSum == 0)
        return;
    std::vector<ItemId> order(m_count.size());
    std::iota(order.begin(), order.end(), ItemId{0});
    std::sort(order.begin(), order.end(), [this](ItemId a, ItemId b) {
        return m_count[a] > m_count[b] || (m_count[a] == m_count[b] && a < b);
    });
    std::uint64_t covered = 0;
    for (ItemId i : order) {
        if (static_cast<double>(covered) >= kHeadShare * static_cast<double>(m_countSum))
            break;
        m_head[i] = 1;
        covered += m_count[i];
    }
}

std::vector<std::vector<double>> BeyondAccuracy::retention(int days) const {
    days = std::clamp(days, 1, kRetentionDays);
    std::vector<std::vector<double>> out;
    if (m_cohort.empty())
        return out;
    // A row per day from the first cohort to the last day seen; a day on which no one was
    // new has no cohort (NaN rather than a retention of 0).
    const std::int32_t first = m_cohort.begin()->first, last = m_lastDaySeen;
    for (std::int32_t c = first; c <= last; ++c) {
        std::vector<double> row(static_cast<std::size_t>(days), 0.0);
        const auto it = m_cohort.find(c);
        for (int d = 0; d < days; ++d) {
            double& v = row[static_cast<std::size_t>(d)];
            if (c + d > m_lastDaySeen || it == m_cohort.end())
                v = std::numeric_limits<double>::quiet_NaN();
            else if (it != m_cohort.end() && it->second[0] > 0)
                v = static_cast<double>(it->second[static_cast<std::size_t>(d)]) /
                    static_cast<double>(it->second[0]);
        }
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace recoscope::core
