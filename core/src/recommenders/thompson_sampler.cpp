#include "thompson_sampler.h"

// The sampler's bookkeeping (posteriors, the clicked items' order and block bounds, the
// never-clicked groups); the draws are templates on the generator, in the header.

namespace recoscope::core::kit {

ThompsonSampler::ThompsonSampler(std::size_t items, float priorClicks, float priorSkips)
    : m_a0(priorClicks), m_b0(priorSkips), m_where(items, kUnclicked) {
    std::vector<ItemId>& unseen = m_groups[0];
    m_groupPos.resize(items);
    for (ItemId i = 0; i < items; ++i) {
        m_groupPos[i] = i;
        unseen.push_back(i);
    }
}

void ThompsonSampler::examined(ItemId item, float clicksBefore, std::uint32_t shownBefore,
                               float clicks, float shown) {
    if (clicksBefore == 0.0f) {
        leaveGroup(item, shownBefore);
        if (clicks == 0.0f) {
            std::vector<ItemId>& g = m_groups[shownBefore + 1];
            m_groupPos[item] = static_cast<std::uint32_t>(g.size());
            g.push_back(item);
            return;
        }
        m_where[item] = static_cast<std::uint32_t>(m_clicked.size());
        m_clicked.push_back(item);
        m_post.emplace_back();
    }
    m_post[m_where[item]] = posterior(clicks, shown);
    if (++m_sinceSort >= kResortEvery)
        resort();
    else
        refreshBlock(m_where[item] / kBlock);
}

ThompsonSampler::Posterior ThompsonSampler::posterior(float clicks, float shown) const {
    Posterior p;
    const float a = clicks + m_a0, b = shown - clicks + m_b0; // the draw's own parameters
    p.a = a;
    p.b = b;
    const double n = p.a + p.b;
    p.mean = p.a / n;
    p.logLik = p.a * std::log(p.mean) + p.b * std::log1p(-p.mean);
    p.potential = static_cast<float>(p.mean + 3.0 * std::sqrt(p.a * p.b / (n * n * (n + 1.0))));
    p.tail = BetaTail(p.a, p.b);
    return p;
}

void ThompsonSampler::resort() {
    m_sinceSort = 0;
    m_order.resize(m_clicked.size());
    for (std::uint32_t k = 0; k < m_order.size(); ++k)
        m_order[k] = k;
    std::sort(m_order.begin(), m_order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const float px = m_post[x].potential, py = m_post[y].potential;
        return px > py || (px == py && m_clicked[x] < m_clicked[y]);
    });
    std::vector<ItemId> clicked(m_clicked.size());
    std::vector<Posterior> post(m_post.size());
    for (std::size_t k = 0; k < m_order.size(); ++k) {
        clicked[k] = m_clicked[m_order[k]];
        post[k] = m_post[m_order[k]];
        m_where[clicked[k]] = static_cast<std::uint32_t>(k);
    }
    m_clicked.swap(clicked);
    m_post.swap(post);
    // The reference threshold: the lowest threshold the clicked items' pass started
    // from since the last re-sort, so that most requests may use the blocks' bounds.
    if (m_lowestStart < std::numeric_limits<double>::infinity() && m_lowestStart > 0.0)
        m_tRef = m_lowestStart;
    m_lowestStart = std::numeric_limits<double>::infinity();
    m_blockMin.assign((m_clicked.size() + kBlock - 1) / kBlock, 0.0);
    m_blockLogMiss.assign(m_blockMin.size(), 0.0);
    for (std::size_t b = 0; b < m_blockMin.size(); ++b)
        refreshBlock(b);
}

void ThompsonSampler::refreshBlock(std::size_t b) {
    if (m_tRef <= 0.0)
        return;
    if (b >= m_blockMin.size()) {
        m_blockMin.resize(b + 1, 0.0);
        m_blockLogMiss.resize(b + 1, 0.0);
    }
    const double l1 = std::log(m_tRef), l2 = std::log1p(-m_tRef);
    double dmin = std::numeric_limits<double>::infinity();
    for (std::size_t k = b * kBlock; k < std::min(m_post.size(), (b + 1) * kBlock); ++k)
        dmin = std::min(dmin, exponent(m_post[k], m_tRef, l1, l2));
    m_blockMin[b] = dmin;
    m_blockLogMiss[b] = std::log1p(-std::exp(-dmin));
}

double ThompsonSampler::below(const TopK& topk) {
    const float t = topk.threshold();
    if (t > 0.0f && t <= std::numeric_limits<float>::max()) {
        std::uint32_t bits;
        std::memcpy(&bits, &t, sizeof bits);
        --bits; // the next float down, for a positive finite float
        float lower;
        std::memcpy(&lower, &bits, sizeof lower);
        return lower;
    }
    return std::nextafter(t, -std::numeric_limits<float>::infinity());
}

void ThompsonSampler::offerCandidate(const Request& request, TopK& topk, std::size_t k, double e) {
    const Posterior& p = m_post[k];
    const double t = below(topk);
    if (-e >= p.tail.logTail(t))
        return; // P(X > x) = e^-E at an x <= t
    const ItemId i = m_clicked[k];
    const float draw = static_cast<float>(p.tail.upperQuantile(-e, t));
    if (topk.admits(draw, i) && !request.excludes(i))
        topk.offer(i, draw);
}

float ThompsonSampler::unclickedUpperQuantile(double tail, std::uint32_t shown) const {
    if (tail <= 0.0)
        return 1.0f;
    const double b = static_cast<double>(m_b0) + shown;
    if (m_a0 == 1.0f)
        return static_cast<float>(-std::expm1(std::log(tail) / b));
    return static_cast<float>(boost::math::ibetac_inv(static_cast<double>(m_a0), b, tail));
}

void ThompsonSampler::leaveGroup(ItemId i, std::uint32_t shown) {
    const auto it = m_groups.find(shown);
    std::vector<ItemId>& g = it->second;
    const std::uint32_t pos = m_groupPos[i];
    g[pos] = g.back();
    m_groupPos[g[pos]] = pos;
    g.pop_back();
    if (g.empty())
        m_groups.erase(it);
}

} // namespace recoscope::core::kit
