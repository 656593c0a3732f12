#include "ivf_item_index.h"

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>

namespace recoscope::core::kit {

namespace {

constexpr std::size_t kLanes = BlockedFactors::kLanes;
constexpr std::size_t kChunkBlocks = 256; // 4,096 scores per blockedScores call: in L1

// The smallest float >= d: radii are stored rounded up, so they stay radii.
float roundUp(double d) {
    const auto f = static_cast<float>(d);
    return static_cast<double>(f) < d ? std::nextafter(f, std::numeric_limits<float>::infinity())
                                      : f;
}

// Heap order: the list with the largest bound on top; equal bounds, the lower list first,
// so the visiting order (and with a budget, the answer) depends on nothing else.
bool lowerBound(const std::pair<double, std::uint32_t>& a,
                const std::pair<double, std::uint32_t>& b) {
    return a.first < b.first || (a.first == b.first && a.second > b.second);
}

} // namespace

IvfItemIndex::IvfItemIndex(std::size_t items, int dim, int probe, std::uint64_t seed,
                           std::size_t lists)
    : m_items(items), m_dim(dim), m_probe(probe), m_seed(seed),
      m_listCount(lists ? lists
                        : std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(
                                                       std::sqrt(static_cast<double>(items)))))),
      m_listOf(items, 0), m_slotOf(items, 0), m_dirtyFlag(items, 0),
      m_mean(static_cast<std::size_t>(dim)) {}

void IvfItemIndex::markDirty(ItemId item) {
    if (item < m_items && !m_dirtyFlag[item]) {
        m_dirtyFlag[item] = 1;
        m_dirty.push_back(item);
    }
}

void IvfItemIndex::markAll() {
    m_all = true;
}

void IvfItemIndex::build(const float* q, const float* bias) {
    const auto d = static_cast<std::size_t>(m_dim);
    m_centres = IvfCentroids::train(q, m_items, m_dim, std::min(m_listCount, m_items), m_seed);
    const std::vector<std::uint32_t> of = m_centres.assign(q, m_items);
    m_lists.assign(m_centres.size(), List{});
    std::vector<std::size_t> count(m_lists.size(), 0);
    for (std::uint32_t l : of)
        ++count[l];
    for (std::size_t l = 0; l < m_lists.size(); ++l) {
        m_lists[l].data.reserve((count[l] + kLanes - 1) / kLanes * kLanes * d);
        m_lists[l].ids.reserve(count[l]);
        m_lists[l].bias.reserve(count[l]);
    }
    // Id order: a list's slots are its items by increasing id.
    for (ItemId i = 0; i < m_items; ++i)
        append(of[i], i, q + i * d, bias ? bias[i] : 0.0f);
    // One more Lloyd step over every item (each centre to its members' mean) and the exact
    // radii and largest biases.
    for (std::size_t l = 0; l < m_lists.size(); ++l)
        recentre(static_cast<std::uint32_t>(l));
    m_recentre.clear();
    for (List& list : m_lists)
        list.queued = false;
    for (ItemId i : m_dirty)
        m_dirtyFlag[i] = 0;
    m_dirty.clear();
    m_all = false;
    m_built = true;
}

double IvfItemIndex::distance(std::uint32_t l, const float* row) const {
    const float* c = m_centres.centre(l);
    double s = 0.0;
    for (int j = 0; j < m_dim; ++j) {
        const double x = static_cast<double>(row[j]) - static_cast<double>(c[j]);
        s += x * x;
    }
    return std::sqrt(s);
}

void IvfItemIndex::write(std::uint32_t l, std::uint32_t slot, const float* row, float b) {
    List& list = m_lists[l];
    float* block =
        list.data.data() + slot / kLanes * kLanes * static_cast<std::size_t>(m_dim) + slot % kLanes;
    for (int j = 0; j < m_dim; ++j)
        block[static_cast<std::size_t>(j) * kLanes] = row[j];
    list.bias[slot] = b;
}

void IvfItemIndex::append(std::uint32_t l, ItemId i, const float* row, float b) {
    List& list = m_lists[l];
    const auto slot = static_cast<std::uint32_t>(list.ids.size());
    if (slot % kLanes == 0)
        list.data.resize(list.data.size() + kLanes * static_cast<std::size_t>(m_dim), 0.0f);
    list.ids.push_back(i);
    list.bias.push_back(b);
    m_listOf[i] = l;
    m_slotOf[i] = slot;
    write(l, slot, row, b);
}

// Swap-remove: the list's last member takes the hole, so slots stay dense and a list is
// always one contiguous run of blocks.
void IvfItemIndex::remove(ItemId i) {
    List& list = m_lists[m_listOf[i]];
    const std::uint32_t slot = m_slotOf[i];
    const auto last = static_cast<std::uint32_t>(list.ids.size() - 1);
    if (slot != last) {
        const std::size_t d = static_cast<std::size_t>(m_dim);
        const float* from = list.data.data() + last / kLanes * kLanes * d + last % kLanes;
        float* to = list.data.data() + slot / kLanes * kLanes * d + slot % kLanes;
        for (std::size_t j = 0; j < d; ++j)
            to[j * kLanes] = from[j * kLanes];
        list.ids[slot] = list.ids[last];
        list.bias[slot] = list.bias[last];
        m_slotOf[list.ids[slot]] = slot;
    }
    list.ids.pop_back();
    list.bias.pop_back();
    if (list.ids.size() % kLanes == 0)
        list.data.resize(list.ids.size() / kLanes * kLanes * static_cast<std::size_t>(m_dim));
}

void IvfItemIndex::touch(std::uint32_t l) {
    if (!m_lists[l].queued) {
        m_lists[l].queued = true;
        m_recentre.push_back(l);
    }
}

// Where an updated item goes. Staying is O(dim); a move costs a pass over the centres
// (O(dim x lists), ~1,000 x 32 at 1M items), so it is kept for items that left their ball
// by more than kKeepGrowth: an SGD step nudges an item by a few per cent of a radius, and
// its nearest centre is then almost always still its own, so searching would only find
// the same list at a higher cost.
void IvfItemIndex::refresh(const float* q, const float* bias, ItemId i) {
    const float* row = q + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_dim);
    const float b = bias ? bias[i] : 0.0f;
    const std::uint32_t home = m_listOf[i];
    const double dist = distance(home, row);
    std::uint32_t to = home;
    if (!(dist <= static_cast<double>(m_lists[home].radius) * kKeepGrowth))
        to = m_centres.nearest(row, m_dots);
    if (to == home) {
        write(home, m_slotOf[i], row, b);
    } else {
        remove(i);
        append(to, i, row, b);
        ++m_moved;
        touch(home);
    }
    List& list = m_lists[to];
    const double r = to == home ? dist : distance(to, row);
    if (r > static_cast<double>(list.radius)) {
        list.radius = roundUp(r);
        ++m_grown;
    }
    list.maxBias = std::max(list.maxBias, b);
    touch(to);
}

// Centre = members' mean (double sums in slot order), radius and largest bias recomputed
// exactly from the list's own copy: the only place a radius shrinks.
void IvfItemIndex::recentre(std::uint32_t l) {
    List& list = m_lists[l];
    list.queued = false;
    const std::size_t size = list.ids.size(), d = static_cast<std::size_t>(m_dim);
    if (size == 0) {
        list.radius = 0.0f;
        list.maxBias = -std::numeric_limits<float>::infinity();
        return;
    }
    auto at = [&](std::size_t s, std::size_t j) {
        return list.data[s / kLanes * kLanes * d + j * kLanes + s % kLanes];
    };
    std::vector<double> sum(d, 0.0);
    for (std::size_t s = 0; s < size; ++s)
        for (std::size_t j = 0; j < d; ++j)
            sum[j] += static_cast<double>(at(s, j));
    for (std::size_t j = 0; j < d; ++j)
        m_mean[j] = static_cast<float>(sum[j] / static_cast<double>(size));
    m_centres.setCentre(l, m_mean.data());
    const float* c = m_centres.centre(l);
    double radius = 0.0;
    float maxBias = -std::numeric_limits<float>::infinity();
    for (std::size_t s = 0; s < size; ++s) {
        double r2 = 0.0;
        for (std::size_t j = 0; j < d; ++j) {
            const double x = static_cast<double>(at(s, j)) - static_cast<double>(c[j]);
            r2 += x * x;
        }
        radius = std::max(radius, std::sqrt(r2));
        maxBias = std::max(maxBias, list.bias[s]);
    }
    list.radius = roundUp(radius);
    list.maxBias = maxBias;
}

void IvfItemIndex::sync(const float* q, const float* bias) {
    if (m_all) {
        // A retrain moved every vector: the lists are trained again (seconds at 1M items).
        ++m_rebuilds;
        build(q, bias);
        return;
    }
    for (ItemId i : m_dirty) {
        m_dirtyFlag[i] = 0;
        refresh(q, bias, i);
    }
    m_dirty.clear();
    // One changed list re-centred per request: O(dim x list size), ~1,000 x 32 at 1M.
    if (!m_recentre.empty()) {
        const std::uint32_t l = m_recentre.front();
        m_recentre.pop_front();
        recentre(l);
        ++m_recentred;
    }
}

void IvfItemIndex::scanList(const List& list, const ItemTable& items, const Request& request,
                            TopK& topk, const float* u, std::size_t n) {
    const std::size_t size = list.ids.size();
    const std::size_t blocks = (size + kLanes - 1) / kLanes;
    const std::size_t stride = kLanes * static_cast<std::size_t>(m_dim);
    m_scores.resize(kChunkBlocks * kLanes);
    for (std::size_t b0 = 0; b0 < blocks; b0 += kChunkBlocks) {
        const std::size_t nb = std::min(kChunkBlocks, blocks - b0);
        blockedScores(list.data.data() + b0 * stride, nb, m_dim, u, m_scores.data());
        const std::size_t first = b0 * kLanes, last = std::min(size, first + nb * kLanes);
        float threshold = topk.threshold();
        for (std::size_t s = first; s < last; ++s) {
            // The exact scan's expression: factors summed in order, then the bias.
            const float sc = m_scores[s - first] + list.bias[s];
            if (sc < threshold)
                continue;
            const ItemId id = list.ids[s];
            if (id >= n || !items.available[id] || !topk.admits(sc, id) || request.excludes(id))
                continue;
            topk.offer(id, sc);
            threshold = topk.threshold();
        }
    }
    m_lastScored += size;
}

void IvfItemIndex::topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
                        const float* bias, const float* u) {
    if (!m_built)
        build(q, bias);
    else
        sync(q, bias);
    m_lastVisited = m_lastScored = 0;
    m_lastExact = true;
    if (topk.k() == 0)
        return;
    const std::size_t n = std::min(m_items, items.size());
    double un = 0.0;
    for (int j = 0; j < m_dim; ++j)
        un += static_cast<double>(u[j]) * static_cast<double>(u[j]);
    un = std::sqrt(un);
    // Bound of list l: u·c + |u| r + B. The float dot products (this one and every
    // member's score) are each within (dim + 1) float epsilons of |u| |c| + |u| |q_i| +
    // |b| of the real values (Higham, "Accuracy and Stability of Numerical Algorithms",
    // 3.1), and |q_i| <= |c| + r; the slack is twice that, so the bound stays above every
    // member's float score.
    m_centres.dots(u, m_dots);
    const double eps = 2.0 * static_cast<double>(m_dim + 2) * static_cast<double>(FLT_EPSILON);
    m_heap.clear();
    for (std::size_t l = 0; l < m_lists.size(); ++l) {
        const List& list = m_lists[l];
        if (list.ids.empty())
            continue;
        const double r = static_cast<double>(list.radius), b = static_cast<double>(list.maxBias);
        const double slack = eps * (un * (2.0 * m_centres.norm(l) + r) + std::abs(b));
        m_heap.emplace_back(static_cast<double>(m_dots[l]) + un * r + b + slack + DBL_MIN,
                            static_cast<std::uint32_t>(l));
    }
    std::make_heap(m_heap.begin(), m_heap.end(), lowerBound);
    while (!m_heap.empty()) {
        if (topk.full()) {
            if (m_heap.front().first < static_cast<double>(topk.threshold()))
                break; // nothing left can enter: exact
            if (m_probe > 0 && m_lastVisited >= static_cast<std::size_t>(m_probe)) {
                m_lastExact = false;
                break;
            }
        }
        const std::uint32_t l = m_heap.front().second;
        std::pop_heap(m_heap.begin(), m_heap.end(), lowerBound);
        m_heap.pop_back();
        scanList(m_lists[l], items, request, topk, u, n);
        ++m_lastVisited;
    }
}

std::string IvfItemIndex::checkInvariants(const float* q, const float* bias) const {
    if (!m_built)
        return "not built";
    const std::size_t d = static_cast<std::size_t>(m_dim);
    std::size_t members = 0;
    for (const List& list : m_lists)
        members += list.ids.size();
    if (members != m_items)
        return std::to_string(members) + " members for " + std::to_string(m_items) + " items";
    for (ItemId i = 0; i < m_items; ++i) {
        const std::uint32_t l = m_listOf[i], s = m_slotOf[i];
        const List& list = m_lists[l];
        const std::string what = "item " + std::to_string(i) + " (list " + std::to_string(l) + ")";
        if (s >= list.ids.size() || list.ids[s] != i)
            return what + ": not at its slot";
        const float* row = q + i * d;
        for (std::size_t j = 0; j < d; ++j)
            if (std::bit_cast<std::uint32_t>(
                    list.data[s / kLanes * kLanes * d + j * kLanes + s % kLanes]) !=
                std::bit_cast<std::uint32_t>(row[j]))
                return what + ": stale factor " + std::to_string(j);
        const float b = bias ? bias[i] : 0.0f;
        if (std::bit_cast<std::uint32_t>(list.bias[s]) != std::bit_cast<std::uint32_t>(b))
            return what + ": stale bias";
        if (b > list.maxBias)
            return what + ": bias above the list's largest";
        if (distance(l, row) > static_cast<double>(list.radius))
            return what + ": outside the radius";
    }
    return {};
}

} // namespace recoscope::core::kit
