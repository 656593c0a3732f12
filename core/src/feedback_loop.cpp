#include "recoscope/core/feedback_loop.h"

#include "recoscope/core/metrics.h"

#include <cmath>
#include <limits>

namespace recoscope::core {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

FeedbackLoop::FeedbackLoop(const ItemTable& items, std::span<const float> vectors, int dim)
    : m_items(items), m_vectors(vectors),
      m_dim(vectors.size() >= items.size() * static_cast<std::size_t>(std::max(dim, 0)) ? dim : 0) {
}

FeedbackLoop::Day& FeedbackLoop::dayOf(SimTime time) {
    Day& d = m_days[static_cast<int>(std::floor(time / kSecondsPerDay))];
    if (d.viewsByCategory.empty()) {
        d.viewsByCategory.assign(m_items.categoryCount(), 0);
        d.interest.assign(static_cast<std::size_t>(m_dim), 0.0);
    }
    return d;
}

void FeedbackLoop::onView(SimTime time, ItemId item) {
    if (!m_items.contains(item))
        return;
    Day& d = dayOf(time);
    ++d.views;
    if (m_items.category[item] < d.viewsByCategory.size())
        ++d.viewsByCategory[m_items.category[item]];
    if (m_dim == 0)
        return;
    const float* v = m_vectors.data() + static_cast<std::size_t>(item) * m_dim;
    double norm = 0.0;
    for (int j = 0; j < m_dim; ++j)
        norm += static_cast<double>(v[j]) * v[j];
    if (norm <= 0.0)
        return; // a zero vector has no direction: it moves nothing
    const double inv = 1.0 / std::sqrt(norm);
    for (int j = 0; j < m_dim; ++j)
        d.interest[static_cast<std::size_t>(j)] += v[j] * inv;
}

void FeedbackLoop::onImpression(SimTime time, ItemId item) {
    if (!m_items.contains(item))
        return;
    Day& d = dayOf(time);
    if (d.impressionsByItem.empty())
        d.impressionsByItem.assign(m_items.size(), 0);
    ++d.impressions;
    ++d.impressionsByItem[item];
}

std::vector<FeedbackDay> FeedbackLoop::days() const {
    std::vector<FeedbackDay> out;
    const std::vector<double>* first = nullptr;
    double firstNorm = 0.0;
    for (const auto& [day, d] : m_days) {
        FeedbackDay f;
        f.day = day;
        f.views = d.views;
        f.impressions = d.impressions;
        f.viewConcentration = d.views > 0 ? giniCoefficient(d.viewsByCategory) : kNaN;
        f.exposureGini = d.impressions > 0 ? giniCoefficient(d.impressionsByItem) : kNaN;
        double norm = 0.0;
        for (double x : d.interest)
            norm += x * x;
        f.interestDrift = kNaN;
        if (norm > 0.0) {
            if (!first) {
                first = &d.interest;
                firstNorm = norm;
            }
            double dot = 0.0;
            for (std::size_t j = 0; j < d.interest.size(); ++j)
                dot += d.interest[j] * (*first)[j];
            // The mean's direction is the sum's: the cosine needs no division by the count.
            f.interestDrift = 1.0 - dot / std::sqrt(norm * firstNorm);
        }
        out.push_back(f);
    }
    return out;
}

} // namespace recoscope::core
