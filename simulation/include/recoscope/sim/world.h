#pragma once
// The generated shop: public tables the recommenders see, plus the hidden truth the
// shoppers act on. Generated deterministically from (scenario, seed); never depends on
// the recommender.

#include "recoscope/core/shop.h"
#include "recoscope/sim/scenario.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace recoscope::sim {

struct World {
    core::ItemTable items;
    core::UserTable users;

    int dim = 0;
    /// Hidden item vectors, row-major items x dim.
    std::vector<float> itemVectors;
    /// Hidden intrinsic appeal of each item (log scale): the popularity long tail.
    std::vector<float> itemQuality;
    /// Hidden user preference vectors, row-major users x dim.
    std::vector<float> userVectors;
    /// Relative activity of each user (session arrival weight).
    std::vector<double> userActivity;
    /// Price sensitivity multiplier of each user (log-normal around 1).
    std::vector<float> userPriceSensitivity;
    /// log(price / median) per item, cached for the utility.
    std::vector<float> itemLogRelPrice;

    const float* itemVector(core::ItemId i) const { return itemVectors.data() + static_cast<std::size_t>(i) * dim; }
    const float* userVector(core::UserId u) const { return userVectors.data() + static_cast<std::size_t>(u) * dim; }

    /// SHA-256 (hex) over the catalogue tables and hidden item vectors.
    QString catalogueHash() const;
    /// SHA-256 (hex) over the user tables and hidden user vectors.
    QString populationHash() const;
};

/// Generates the catalogue and population of a scenario for a run seed.
World generateWorld(const Scenario& scenario, std::uint64_t seed);

} // namespace recoscope::sim
