#pragma once
// The generated shop: public tables the recommenders see, plus the hidden truth the
// shoppers act on. Generated deterministically from (scenario, seed); never depends on
// the recommender.

#include "recoscope/core/shop.h"
#include "recoscope/sim/cache_line_allocator.h"
#include "recoscope/sim/scenario.h"

#include <QByteArray>

#include <cstdint>
#include <span>
#include <vector>

namespace recoscope::sim {

struct World {
    core::ItemTable items;
    core::UserTable users;

    int dim = 0;
    /// Hidden item vectors, row-major items x dim, starting on a cache line.
    AlignedFloats itemVectors;
    /// Hidden intrinsic appeal of each item (log scale): the popularity long tail.
    std::vector<float> itemQuality;
    /// Hidden user preference vectors, row-major users x dim, starting on a cache line.
    AlignedFloats userVectors;
    /// Relative activity of each user (session arrival weight).
    std::vector<double> userActivity;
    /// Price sensitivity multiplier of each user (log-normal around 1).
    std::vector<float> userPriceSensitivity;
    /// log(price / median) per item, cached for the utility.
    std::vector<float> itemLogRelPrice;

    /// Initial (and restock) quantity of each item; -1 = unlimited.
    std::vector<std::int32_t> itemStock;
    /// Simulated seconds from a stock-out of the item to its restock.
    std::vector<float> itemRestockLead;
    /// Standing discount of each item (ItemTable::discount starts here; promotions raise it).
    std::vector<float> itemBaseDiscount;
    /// 1 for consumables (bought again after a cycle).
    std::vector<std::uint8_t> itemConsumable;
    /// Hidden successors (complements) of each item: `successorCount` ids per item,
    /// row-major; what a shopper tends to look at next (the sequence signal).
    int successorCount = 0;
    std::vector<core::ItemId> itemSuccessors;
    /// Leaf categories (ItemTable::category values), and for each category of the tree its
    /// depth (0 = top).
    std::vector<std::uint32_t> leafCategories;
    std::vector<std::uint8_t> categoryDepth;

    /// Brand loyalty of each user: utility bonus for brands they bought before.
    std::vector<float> userBrandLoyalty;
    /// Favourite hour of day of each user (0..23), for time-of-day habits.
    std::vector<std::uint8_t> userHabitHour;
    /// Population group of each user: 0 = the initial population, g >= 1 = the g-th
    /// cohort of the timeline (joins at UserTable::joinTime).
    std::vector<std::uint16_t> userGroup;
    /// Join time of each group (group 0 at 0), in simulated seconds.
    std::vector<core::SimTime> groupJoinTime;

    std::span<const core::ItemId> successors(core::ItemId i) const {
        return {itemSuccessors.data() + static_cast<std::size_t>(i) * successorCount,
                static_cast<std::size_t>(successorCount)};
    }
    /// True when `category` is the item's leaf or one of its ancestors.
    bool inCategory(core::ItemId i, std::uint32_t category) const;

    const float* itemVector(core::ItemId i) const {
        return itemVectors.data() + static_cast<std::size_t>(i) * dim;
    }
    const float* userVector(core::UserId u) const {
        return userVectors.data() + static_cast<std::size_t>(u) * dim;
    }

    /// SHA-256 (hex) over the catalogue tables and hidden item vectors.
    QString catalogueHash() const;
    /// SHA-256 (hex) over the user tables and hidden user vectors.
    QString populationHash() const;
};

/// Generates the catalogue and population of a scenario for a run seed.
World generateWorld(const Scenario& scenario, std::uint64_t seed);

} // namespace recoscope::sim
