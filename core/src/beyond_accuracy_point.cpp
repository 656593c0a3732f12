#include "recoscope/core/beyond_accuracy_point.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace recoscope::core {

namespace {

using Field = double BeyondAccuracyPoint::*;

// One table for the names, the fields and the stored order, so named(), setNamed() and
// the chart selector cannot drift apart.
constexpr struct {
    const char* name;
    Field field;
} kFigures[] = {{"ild_category", &BeyondAccuracyPoint::ildCategory},
                {"ild_latent", &BeyondAccuracyPoint::ildLatent},
                {"novelty", &BeyondAccuracyPoint::novelty},
                {"avg_popularity", &BeyondAccuracyPoint::averagePopularity},
                {"tail_share", &BeyondAccuracyPoint::tailShare},
                {"serendipity", &BeyondAccuracyPoint::serendipity},
                {"homogenisation", &BeyondAccuracyPoint::homogenisation},
                {"aov", &BeyondAccuracyPoint::aov},
                {"return_rate", &BeyondAccuracyPoint::returnRate}};
static_assert(std::size(kFigures) == BeyondAccuracyPoint::FigureCount);

constexpr std::string_view kOrders = "orders";
constexpr std::string_view kActiveUsers = "active_users";

std::uint64_t count(double v) {
    return static_cast<std::uint64_t>(std::llround(std::max(0.0, v)));
}

} // namespace

const char* BeyondAccuracyPoint::figureName(int f) {
    return f >= 0 && f < FigureCount ? kFigures[f].name : "";
}

double BeyondAccuracyPoint::figure(int f) const {
    return f >= 0 && f < FigureCount ? this->*kFigures[f].field : 0.0;
}

bool BeyondAccuracyPoint::defined(int f) const {
    switch (f) {
    case IldCategory:
    case AveragePopularity:
    case Homogenisation:
        return slates > 0;
    case IldLatent:
        return hasLatent && slates > 0;
    case Novelty:
    case TailShare:
    case Serendipity:
        return impressions > 0;
    case Aov:
        return orders > 0;
    case ReturnRate:
        return activeUsers > 0;
    default:
        return false;
    }
}

std::vector<std::pair<std::string, double>> BeyondAccuracyPoint::named() const {
    std::vector<std::pair<std::string, double>> out;
    out.reserve(FigureCount + 2);
    for (int f = 0; f < FigureCount; ++f)
        if (f != IldLatent || hasLatent)
            out.emplace_back(kFigures[f].name, this->*kFigures[f].field);
    out.emplace_back(kOrders, static_cast<double>(orders));
    out.emplace_back(kActiveUsers, static_cast<double>(activeUsers));
    return out;
}

bool BeyondAccuracyPoint::setNamed(std::string_view name, double value) {
    for (int f = 0; f < FigureCount; ++f)
        if (name == kFigures[f].name) {
            this->*kFigures[f].field = value;
            hasLatent = hasLatent || f == IldLatent;
            return true;
        }
    if (name == kOrders)
        orders = count(value);
    else if (name == kActiveUsers)
        activeUsers = count(value);
    else
        return false;
    return true;
}

bool BeyondAccuracyPoint::isStoredName(std::string_view name) {
    return name == kOrders || name == kActiveUsers ||
           std::any_of(std::begin(kFigures), std::end(kFigures),
                       [&](const auto& f) { return name == f.name; });
}

} // namespace recoscope::core
