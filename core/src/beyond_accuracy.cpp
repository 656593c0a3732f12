#include "recoscope/core/beyond_accuracy.h"
#include "recoscope/core/huge_pages.h"
#include "recoscope/core/prefetch_policy.h"

#include <algorithm>
#include <array>
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
    // Every item starts at count 0; the histogram grows with the largest count.
    m_countItems.assign(1, static_cast<std::uint32_t>(items.size()));
    m_countCap = 4 * static_cast<std::uint64_t>(items.size()) + 1024;
    // Read at random by every slate and interaction: on huge pages (core/huge_pages.h).
    assignOnHugePages(m_item, items.size());
    m_itemCount = static_cast<double>(m_item.size());
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
            m_item[i].unit = norm > 0.0f ? 1 : 0;
        }
    } else {
        m_dim = 0;
    }
    std::uint32_t categories = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        m_item[i].category = items.category[i];
        categories = std::max(categories, items.category[i] + 1);
    }
    m_catCount.assign(categories, 0);
    // log2 of small counts from a table: one logarithm per interaction was a third of the
    // accumulator's time. Entry 0 is never read.
    for (std::size_t k = 1; k < m_log2Small.size(); ++k)
        m_log2Small[k] = std::log2(static_cast<double>(k));
}

void BeyondAccuracy::prefetch(std::span<const SlateEntry> slate) const {
    for (const SlateEntry& e : slate) {
        if (e.item >= m_item.size())
            continue;                        // refused by the engine's guard before onSlate
        __builtin_prefetch(&m_item[e.item]); // the category is in the record now
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

std::int32_t BeyondAccuracy::dayOf(double t) {
    // floor(t / kSecondsPerDay), as onEvent always computed it. The same expression at the
    // day's first second and at its last whole second: when both give this day, every
    // time between them does too (a correctly rounded division and floor are monotonic),
    // so day() answers from the cache until the clock leaves them. Otherwise (times beyond
    // 2^53, NaN) the cache is just this one time.
    auto of = [](double x) { return static_cast<std::int32_t>(std::floor(x / kSecondsPerDay)); };
    const std::int32_t d = of(t);
    const double low = static_cast<double>(d) * kSecondsPerDay;
    const double high = low + (kSecondsPerDay - 1.0);
    if (low <= t && t <= high && of(low) == d && of(high) == d) {
        m_dayLow = low;
        m_dayHigh = high;
    } else {
        m_dayLow = m_dayHigh = t;
    }
    m_day = d;
    return d;
}

double BeyondAccuracy::reanchor(double t) {
    m_anchor = t;
    m_anchorLog2 = std::log2(t);
    return m_anchorLog2;
}

[[gnu::always_inline]] inline void BeyondAccuracy::countInteraction(ItemId item) {
    ItemState& state = m_item[item];
    const std::uint64_t was = state.count++;
    ++m_countSum;
    // fixHead()'s histogram of the counts, moved along with this one (a few instructions
    // per interaction instead of a pass over the catalogue per bucket).
    if (state.count <= m_countCap) {
        --m_countItems[static_cast<std::size_t>(was)];
        if (state.count == m_countItems.size())
            m_countItems.push_back(0);
        ++m_countItems[static_cast<std::size_t>(state.count)];
    } else if (was == m_countCap) {
        --m_countItems[static_cast<std::size_t>(was)];
        m_aboveCap.push_back(item);
    }
    const std::uint64_t c = state.count + 1;
    state.log2Count = c < m_log2Small.size() ? m_log2Small[c] : std::log2(static_cast<double>(c));
    // Most interactions are with an item outside a full top k that stays outside: decided
    // here, inline in onEvent; the top k's update is out of line (its register saves cost
    // as much as the rest of the count when the whole function was called).
    if (state.unexpected && m_top.size() >= m_popularK && !better(item, m_top.back()))
        return;
    updateTop(item);
}

void BeyondAccuracy::updateTop(ItemId item) {
    ItemState& state = m_item[item];
    // Set in both branches: `m_top.end() - 1` on an empty list is undefined (UBSan found it on
    // the first event of a run, in the fuzz build).
    decltype(m_top.begin()) it;
    if (!state.unexpected) {
        it = std::find(m_top.begin(), m_top.end(), item);
    } else {
        if (m_top.size() < m_popularK) {
            m_top.push_back(item);
        } else { // better(item, m_top.back()), tested by countInteraction
            m_item[m_top.back()].unexpected = 1;
            m_top.back() = item;
        }
        state.unexpected = 0;
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
    const std::int32_t day = this->day(e.time);
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
    std::array<std::uint32_t, kHomogenisationUsers> size{};
    // sharing[a]: the users b > a with common(a, b) > 0.
    std::array<std::uint64_t, kHomogenisationUsers> sharing{};
    for (std::size_t b = 0; b < m; ++b) {
        const std::vector<Shown>& shown = m_users[users[b]].shown;
        size[b] = static_cast<std::uint32_t>(shown.size());
        for (const Shown& e : shown)
            m_mask[e.item] |= std::uint64_t(1) << b;
    }
    std::vector<std::uint16_t> common(m * m, 0);
    for (std::size_t a = 0; a < m; ++a)
        for (const Shown& e : m_users[users[a]].shown) {
            // The users after a in the mask of this item.
            std::uint64_t later = a + 1 < 64 ? m_mask[e.item] & (~std::uint64_t(0) << (a + 1)) : 0;
            sharing[a] |= later;
            for (; later; later &= later - 1)
                ++common[a * m + static_cast<std::size_t>(std::countr_zero(later))];
        }
    for (std::size_t b = 0; b < m; ++b)
        for (const Shown& e : m_users[users[b]].shown)
            m_mask[e.item] = 0;
    // The Jaccard indices added pair by pair, a then b ascending. A pair with nothing in
    // common adds +0.0 (0 / union, or 0 for two empty slates), which leaves the sum (never
    // -0.0: it starts at +0.0 and every term is >= 0) the same bits, so only the pairs in
    // `sharing` are visited, in the same order: about 3 % of the 2,016 on `default`.
    double sum = 0;
    for (std::size_t a = 0; a < m; ++a)
        for (std::uint64_t later = sharing[a]; later; later &= later - 1) {
            const auto b = static_cast<std::size_t>(std::countr_zero(later));
            const std::size_t c = common[a * m + b];
            const std::size_t uni = std::size_t(size[a]) + size[b] - c;
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
    for (UserId u : m_bucket.servedUsers)
        m_servedBits[u / 64] = 0; // the bits set are exactly these users'
    m_bucket = Sums{};
    m_sampleRoom = true; // the bucket's list starts empty
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
    // was a tenth of the simulator's time): the few items counted above the histogram's
    // cap are sorted, the rest walked through the histogram of their counts (m_countItems,
    // kept as counts grow), most first. One pass over the catalogue, which sets every
    // item's flag, in or out.
    if (m_countSum == 0) {
        for (ItemState& it : m_item)
            it.tail = 1;
        return;
    }
    const double threshold = kHeadShare * static_cast<double>(m_countSum);
    std::uint64_t covered = 0, boundary = 0, atBoundary = 0;
    if (!m_aboveCap.empty()) {
        std::vector<ItemId> above = m_aboveCap;
        std::sort(above.begin(), above.end(), [this](ItemId a, ItemId b) {
            const std::uint64_t ca = m_item[a].count, cb = m_item[b].count;
            return ca > cb || (ca == cb && a < b);
        });
        for (ItemId i : above) {
            if (static_cast<double>(covered) >= threshold)
                break;
            const std::uint64_t c = m_item[i].count;
            atBoundary = c == boundary ? atBoundary + 1 : 1;
            boundary = c;
            covered += c;
        }
    }
    const std::uint32_t* histogram = m_countItems.data();
    for (std::size_t c = m_countItems.size() - 1; c > 0; --c) {
        const std::uint32_t items = histogram[c];
        if (items == 0)
            continue;
        if (static_cast<double>(covered) >= threshold)
            break;
        boundary = c;
        // How many items at this count it takes: the first m in 1..items with
        // double(covered + m c) >= threshold, else items, as adding c one item at a time
        // until the threshold finds it (that loop was a fifth of fixHead on `default`). The
        // test is monotonic in m, so an estimate corrected in steps of one gives the same m.
        const auto reached = [&](std::uint64_t m) {
            return static_cast<double>(covered + m * c) >= threshold;
        };
        const double need = (threshold - static_cast<double>(covered)) / static_cast<double>(c);
        std::uint64_t m =
            need >= static_cast<double>(items)
                ? items
                : std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(need)));
        while (m > 1 && reached(m - 1))
            --m;
        while (m < items && !reached(m))
            ++m;
        atBoundary = m;
        covered += m * c;
    }
    // In id order: above the boundary in, at it the first atBoundary items in; once those
    // are placed, an item is in exactly when its count is above the boundary.
    ItemState* state = m_item.data();
    const std::size_t n = m_item.size();
    std::size_t i = 0;
    for (; i < n && atBoundary > 0; ++i) {
        ItemState& it = state[i];
        if (it.count > boundary) {
            it.tail = 0;
        } else if (it.count == boundary) {
            it.tail = 0;
            --atBoundary;
        } else {
            it.tail = 1;
        }
    }
    for (; i < n; ++i)
        state[i].tail = state[i].count <= boundary ? 1 : 0;
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
