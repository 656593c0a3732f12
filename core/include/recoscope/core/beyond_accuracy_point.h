#pragma once
// The beyond-accuracy figures of one bucket or of a whole run (core::BeyondAccuracy computes
// them; docs/metrics.md, "Beyond accuracy", defines them), and their stored form: one
// `metrics` row per figure and bucket under the names below, in a fixed order.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recoscope::core {

struct BeyondAccuracyPoint {
    /// The charted figures, in the order of figureName().
    enum Figure {
        IldCategory,
        IldLatent,
        Novelty,
        AveragePopularity,
        TailShare,
        Serendipity,
        Homogenisation,
        Aov,
        ReturnRate,
        FigureCount
    };

    double ildCategory = 0, ildLatent = 0, novelty = 0, averagePopularity = 0, tailShare = 0,
           serendipity = 0, homogenisation = 0, aov = 0, returnRate = 0;
    std::uint64_t slates = 0, impressions = 0, orders = 0, activeUsers = 0;
    bool hasLatent = false;

    /// Stored name of a figure: ild_category, ild_latent, novelty, avg_popularity,
    /// tail_share, serendipity, homogenisation, aov, return_rate.
    static const char* figureName(int figure);
    double figure(int figure) const;
    /// False when the figure's denominator is empty (no slate, no impression, no order, no
    /// active user; ild_latent without item vectors): the stored value is then 0 and means
    /// "not defined", so charts leave the point out.
    bool defined(int figure) const;

    /// The stored rows: every figure (ild_latent only with item vectors), then `orders`
    /// and `active_users`. `slates` and `impressions` are not stored: they are the bucket's
    /// `requests` and `impressions` rows.
    std::vector<std::pair<std::string, double>> named() const;
    /// Sets the field stored under `name`; false for names named() never writes.
    bool setNamed(std::string_view name, double value);
    static bool isStoredName(std::string_view name);
};

/// Retention by cohort (BeyondAccuracy::retention): rows[c][d] is the share of the users
/// first active on day firstDay + c who were active again d days later; NaN where not
/// observed (after the last day seen, or a day on which nobody was new).
struct RetentionTable {
    std::int32_t firstDay = 0;
    std::vector<std::vector<double>> rows;
};

} // namespace recoscope::core
