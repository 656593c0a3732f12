#include "recoscope/core/beyond_accuracy.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"

#include <Eigen/Core>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
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
      m_popularK(static_cast<std::size_t>(std::max(popularK, 1))), m_log2Small(kLog2Table),
      m_mask(items.size(), 0) {
    // Read at random by every slate and interaction: on huge pages (core/huge_pages.h).
    assignOnHugePages(m_item, items.size());
    // The caller's vectors are read in place with each item's inverse norm: the engine's
    // copy is the one its shopper model reads for the same slate, so it is in cache, and a
    // normalised copy here cost a cache miss per slate item.
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
    // log2 of small counts from a table: one logarithm per interaction was a third of the
    // accumulator's time. Entry 0 is never read.
    for (std::size_t k = 1; k < m_log2Small.size(); ++k)
        m_log2Small[k] = std::log2(static_cast<double>(k));
}

void BeyondAccuracy::onSlate(SimTime, UserId id, std::span<const SlateEntry> slate) {
    // The simulator serves about a million slates a second: one pass over the slate reads
    // each item's state once, and each figure is computed once for the bucket and the run.
    UserState& u = user(id);
    const std::size_t n = slate.size();
    u.shown.resize(n);
    if (n == 0)
        return;
    m_cats.resize(n);
    const bool latent = m_dim > 0 && n > 1;
    // Eigen maps: the sum's lanes vectorise without an aliasing check per item.
    Eigen::Map<Eigen::VectorXf> sum(m_sum.data(), latent ? m_dim : 0);
    sum.setZero();
    // Raw pointers held in locals: the compiler cannot tell that the stores below leave the
    // vectors' buffers in place, and would reload them for every item.
    const int dim = m_dim;
    const ItemState* items = m_item.data();
    const std::uint32_t* category = m_items.category.data();
    const float* vectors = m_vectors.data();
    std::uint32_t* catCount = m_catCount.data();
    std::uint32_t* cats = m_cats.data();
    Shown* shown = u.shown.data();
    double logCounts = 0;
    std::uint64_t counts = 0, tail = 0, same = 0, unit = 0;
    // The common dimension of 16 sums in four registers with the row's size known at
    // compile time; the dynamic map spent more on its size and alignment checks than on
    // the 16 products. Same products, same additions in the same order: same bits.
    using Row16 = Eigen::Matrix<float, 16, 1>;
    const bool fixed16 = latent && dim == 16;
    Row16 sum16 = Row16::Zero();
    for (std::size_t a = 0; a < n; ++a) {
        const ItemId i = slate[a].item;
        const ItemState& it = items[i];
        shown[a] = {i, static_cast<std::uint8_t>(it.inTop ? 0 : 1)};
        // Pairs in the same leaf category, counted as they arrive: O(k), not O(k^2).
        const std::uint32_t c = category[i];
        cats[a] = c;
        same += catCount[c]++;
        counts += it.count;
        logCounts += it.log2Count;
        tail += it.head ? 0u : 1u;
        if (latent) {
            // sum over pairs of u_a . u_b = (|sum of u|^2 - sum of |u|^2) / 2, u = v / |v|:
            // O(k dim) instead of O(k^2 dim), the same value up to rounding (floats: about
            // 1e-7 of a pair's distance). |u|^2 is 1 for a non-zero vector, else 0.
            unit += it.invNorm > 0.0f ? 1u : 0u;
            if (fixed16)
                sum16 += Eigen::Map<const Row16>(vectors + std::size_t(i) * 16) * it.invNorm;
            else
                sum += Eigen::Map<const Eigen::VectorXf>(vectors + std::size_t(i) * dim, dim) *
                       it.invNorm;
        }
    }
    if (fixed16)
        sum = sum16;
    for (std::uint32_t c : m_cats)
        m_catCount[c] = 0;
    const std::uint64_t pairs = n * (n - 1) / 2;
    double distance = 0;
    if (latent) {
        const double squared = sum.cast<double>().squaredNorm();
        distance = static_cast<double>(pairs) - (squared - static_cast<double>(unit)) / 2.0;
    }
    // -log2((c + 1) / (C + n)) = log2(C + n) - log2(c + 1), the latter kept per item.
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
        if (s->servedUsers.size() < kHomogenisationUsers)
            noteServed(*s, id);
    }
}

void BeyondAccuracy::prefetch(std::span<const SlateEntry> slate) const {
    for (const SlateEntry& e : slate) {
        if (e.item >= m_item.size())
            continue; // refused by the engine's guard before onSlate
        __builtin_prefetch(&m_item[e.item]);
        __builtin_prefetch(&m_items.category[e.item]);
    }
}

void BeyondAccuracy::prefetchUser(UserId id, bool deep) const {
    // Only where the per-user states outgrow the caches (prefetch_policy.h).
    if (id >= m_users.size() || !prefetchPays(m_users.size()))
        return;
    const UserState& u = m_users[id];
    __builtin_prefetch(&u);
    if (deep && !u.shown.empty())
        __builtin_prefetch(u.shown.data());
}

double BeyondAccuracy::log2Total() {
    // log2(T), T = C + n, for every slate: exact at an anchor T0, then log2(T0) + log2(1 + x),
    // x = (T - T0) / T0, by its series to the fourth power while x <= 1/256 (what is left
    // is below x^5 / (5 ln 2) < 3e-13). One logarithm per ~T0/256 interactions instead of
    // one per slate, which was a fifth of the accumulator's time.
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

void BeyondAccuracy::countInteraction(ItemId item) {
    ItemState& state = m_item[item];
    ++state.count;
    ++m_countSum;
    const std::uint64_t c = state.count + 1;
    state.log2Count = c < m_log2Small.size() ? m_log2Small[c] : std::log2(static_cast<double>(c));
    // The popularity top k, best first (ties to the lower id), kept as counts grow by one.
    auto better = [this](ItemId a, ItemId b) {
        const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
        return ca > cb || (ca == cb && a < b);
    };
    // Set in both branches: `m_top.end() - 1` on an empty list is undefined (UBSan found it on
    // the first event of a run, in the fuzz build).
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
        static_cast<std::size_t>(e.position) < u.shown.size() &&
        u.shown[static_cast<std::size_t>(e.position)].item == e.item &&
        u.shown[static_cast<std::size_t>(e.position)].unexpected) {
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
    if (interaction(e.kind) && e.item < m_item.size())
        countInteraction(e.item);
}

double BeyondAccuracy::homogenisation(const std::vector<UserId>& users) const {
    // Each item of the sampled slates gets the set of sampled users shown it (a 64-bit
    // mask); going through user a's items and the users b > a in each mask counts
    // common(a, b) = Σ over x_a of [x_a,i in y_b], duplicates as they appear, in work
    // proportional to the pairs that share something, not to all pairs times k.
    static_assert(kHomogenisationUsers <= 64);
    const std::size_t m = users.size();
    for (std::size_t b = 0; b < m; ++b)
        for (const Shown& e : m_users[users[b]].shown)
            m_mask[e.item] |= std::uint64_t(1) << b;
    std::vector<std::uint16_t> common(m * m, 0);
    for (std::size_t a = 0; a < m; ++a)
        for (const Shown& e : m_users[users[a]].shown) {
            // The users after a in the mask of this item.
            std::uint64_t later = a + 1 < 64 ? m_mask[e.item] & (~std::uint64_t(0) << (a + 1)) : 0;
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

BeyondAccuracyPoint BeyondAccuracy::current() const {
    BeyondAccuracyPoint p = point(m_bucket);
    p.activeUsers = m_bucketActive;
    p.returnRate = m_bucketActive ? static_cast<double>(m_bucketReturning) /
                                        static_cast<double>(m_bucketActive)
                                  : 0.0;
    return p;
}

BeyondAccuracyPoint BeyondAccuracy::take() {
    BeyondAccuracyPoint p = current();
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
    // all interactions are covered. Every item above the boundary count is in, and of the
    // items at it the lowest ids. Found once a bucket without sorting the catalogue (that
    // was a tenth of the simulator's time): the few items counted above `cap` are sorted,
    // the rest walked through a histogram of their counts, most first.
    for (ItemState& it : m_item)
        it.head = 0;
    if (m_countSum == 0)
        return;
    const double threshold = kHeadShare * static_cast<double>(m_countSum);
    std::uint64_t maxCount = 0;
    for (const ItemState& it : m_item)
        maxCount = std::max(maxCount, it.count);
    const std::uint64_t cap = std::min<std::uint64_t>(maxCount, 4 * m_item.size() + 1024);
    std::vector<std::uint32_t> histogram(static_cast<std::size_t>(cap) + 1, 0);
    std::vector<ItemId> above;
    for (ItemId i = 0; i < m_item.size(); ++i) {
        if (m_item[i].count > cap)
            above.push_back(i);
        else
            ++histogram[static_cast<std::size_t>(m_item[i].count)];
    }
    std::sort(above.begin(), above.end(), [this](ItemId a, ItemId b) {
        const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
        return ca > cb || (ca == cb && a < b);
    });
    std::uint64_t covered = 0, boundary = 0, atBoundary = 0;
    for (ItemId i : above) {
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

std::vector<std::vector<double>> BeyondAccuracy::retention(int days) const {
    return retentionTable(days).rows;
}

RetentionTable BeyondAccuracy::retentionTable(int days) const {
    days = std::clamp(days, 1, kRetentionDays);
    RetentionTable out;
    if (m_cohort.empty())
        return out;
    // A row per day from the first cohort to the last day seen; a day on which no one was
    // new has no cohort (NaN rather than a retention of 0).
    const std::int32_t first = m_cohort.begin()->first, last = m_lastDaySeen;
    out.firstDay = first;
    for (std::int32_t c = first; c <= last; ++c) {
        std::vector<double> row(static_cast<std::size_t>(days), 0.0);
        const auto it = m_cohort.find(c);
        for (int d = 0; d < days; ++d) {
            double& v = row[static_cast<std::size_t>(d)];
            if (c + d > m_lastDaySeen || it == m_cohort.end())
                v = std::numeric_limits<double>::quiet_NaN();
            else if (it->second[0] > 0)
                v = static_cast<double>(it->second[static_cast<std::size_t>(d)]) /
                    static_cast<double>(it->second[0]);
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

} // namespace recoscope::core
