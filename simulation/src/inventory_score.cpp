#include "recoscope/sim/inventory_score.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace recoscope::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(std::size_t a, std::size_t b) {
    return b == 0 ? kNaN : static_cast<double>(a) / static_cast<double>(b);
}

// Per item, its warning times and stock-out times, each in time order (both inputs are).
struct ItemTimes {
    std::vector<core::SimTime> warnings, stockOuts, sellOuts;
};

std::map<core::ItemId, ItemTimes> byItem(const std::vector<StockWarning>& warnings,
                                         const std::vector<StockOutRecord>& stockOuts) {
    std::map<core::ItemId, ItemTimes> m;
    for (const StockWarning& w : warnings)
        m[w.item].warnings.push_back(w.time);
    for (const StockOutRecord& o : stockOuts) {
        m[o.item].stockOuts.push_back(o.time);
        if (!o.shock)
            m[o.item].sellOuts.push_back(o.time);
    }
    return m;
}

} // namespace

InventoryScore scoreWarnings(const std::vector<StockWarning>& warnings,
                             const std::vector<StockOutRecord>& stockOuts, double horizonDays) {
    const double h = horizonDays * core::kSecondsPerDay;
    InventoryScore s;
    s.warnings = warnings.size();
    double leadSum = 0.0;
    for (const auto& [item, t] : byItem(warnings, stockOuts)) {
        for (core::SimTime w : t.warnings) {
            // The first sell-out strictly after the warning, within the horizon.
            auto it = std::upper_bound(t.sellOuts.begin(), t.sellOuts.end(), w);
            if (it != t.sellOuts.end() && *it <= w + h)
                ++s.confirmed;
        }
        for (core::SimTime o : t.sellOuts) {
            ++s.sellOuts;
            // The stock-out before this one (any kind) bounds the window from below.
            auto prev = std::lower_bound(t.stockOuts.begin(), t.stockOuts.end(), o);
            const core::SimTime from =
                std::max(o - h, prev == t.stockOuts.begin() ? 0.0 : *std::prev(prev));
            auto first = std::lower_bound(t.warnings.begin(), t.warnings.end(), from);
            if (first != t.warnings.end() && *first < o) {
                ++s.warned;
                leadSum += (o - *first) / core::kSecondsPerDay;
            }
        }
    }
    for (const StockOutRecord& o : stockOuts)
        s.shockStockOuts += o.shock ? 1 : 0;
    s.precision = ratio(s.confirmed, s.warnings);
    s.recall = ratio(s.warned, s.sellOuts);
    s.meanLeadDays = s.warned == 0 ? kNaN : leadSum / static_cast<double>(s.warned);
    return s;
}

std::vector<WarnedItem> warnedItems(const std::vector<StockWarning>& warnings,
                                    const std::vector<StockOutRecord>& stockOuts,
                                    double horizonDays) {
    std::map<core::ItemId, WarnedItem> rows;
    for (const StockWarning& w : warnings) {
        auto [it, fresh] = rows.try_emplace(w.item);
        WarnedItem& r = it->second;
        if (fresh) {
            r.item = w.item;
            r.firstWarningDay = w.time / core::kSecondsPerDay;
            r.forecast = w.forecast;
            r.stock = w.stock;
        }
        ++r.warnings;
    }
    for (const StockOutRecord& o : stockOuts) {
        auto it = rows.find(o.item);
        const double day = o.time / core::kSecondsPerDay;
        if (o.shock || it == rows.end() || it->second.stockOutDay >= 0.0 ||
            day <= it->second.firstWarningDay)
            continue;
        it->second.stockOutDay = day;
        if (day - it->second.firstWarningDay <= horizonDays)
            it->second.leadDays = day - it->second.firstWarningDay;
    }
    std::vector<WarnedItem> out;
    out.reserve(rows.size());
    for (auto& [item, r] : rows)
        out.push_back(r);
    std::stable_sort(out.begin(), out.end(), [](const WarnedItem& a, const WarnedItem& b) {
        return a.firstWarningDay < b.firstWarningDay;
    });
    return out;
}

} // namespace recoscope::sim
