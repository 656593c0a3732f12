#pragma once
// What a recommender may know about the shop: public item attributes and user
// demographics. Plain data (structure of arrays) owned by the simulation, which updates
// it between calls; recommenders read it during observe()/recommend() only, on the
// thread that drives the run. Hidden truths (latent vectors, true utilities) are not here.

#include "recoscope/core/types.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace recoscope::core {

struct ItemTable {
    /// Leaf category of each item, 0 .. categoryCount-1.
    std::vector<std::uint32_t> category;
    /// Top-level ancestor of each item's category.
    std::vector<std::uint32_t> topCategory;
    /// Brand of each item, 0 .. brandCount-1.
    std::vector<std::uint32_t> brand;
    /// Current list price in the shop currency, before discount.
    std::vector<float> price;
    /// Current discount as a fraction of the list price, 0 .. 0.9.
    std::vector<float> discount;
    /// Simulated time at which the item appears in the shop.
    std::vector<SimTime> launchTime;
    /// 1 when the item is launched and in stock (may be shown and bought), else 0.
    std::vector<std::uint8_t> available;
    /// Tag (word) ids of each item's title and tags, in compressed sparse rows:
    /// the words of item i are tagWords[tagOffsets[i] .. tagOffsets[i+1]).
    std::vector<std::uint32_t> tagOffsets;
    std::vector<std::uint32_t> tagWords;
    /// Words of the shop's vocabulary, indexed by word id.
    std::vector<std::string> vocabulary;
    /// Parent of each category (itself for top-level ones) and its display name.
    std::vector<std::uint32_t> categoryParent;
    std::vector<std::string> categoryName;
    std::uint32_t brandCount = 0;
    /// Number of items with available[i] == 1; kept current by the owner.
    std::size_t availableCount = 0;

    std::size_t size() const { return category.size(); }
    bool contains(ItemId item) const { return item < category.size(); }
    bool isAvailable(ItemId item) const { return item < available.size() && available[item] != 0; }
    std::span<const std::uint32_t> words(ItemId item) const {
        return {tagWords.data() + tagOffsets[item], tagWords.data() + tagOffsets[item + 1]};
    }
    std::size_t categoryCount() const { return categoryParent.size(); }
};

struct UserTable {
    /// Demographics as small codes; the scenario names them (see sim::Scenario).
    std::vector<std::uint8_t> ageBand;
    std::vector<std::uint8_t> gender;
    std::vector<std::uint8_t> occupation;
    std::vector<std::uint8_t> region;
    /// Simulated time the user joined the shop (new-user cohorts join mid-run).
    std::vector<SimTime> joinTime;
    std::uint8_t ageBandCount = 0, genderCount = 0, occupationCount = 0, regionCount = 0;

    std::size_t size() const { return ageBand.size(); }
    bool contains(UserId user) const { return user < ageBand.size(); }
};

/// "item 42 (Kitchen > Kettles)": how explanations name an item.
std::string describeItem(const ItemTable& items, ItemId item);

/// Ground truth, exposed by the simulator to the bound cores (oracle, anti-oracle) only.
class TruthOracle {
public:
    virtual ~TruthOracle() = default;
    /// The utility the shopper would draw from the item at that time, fatigue included.
    virtual float trueUtility(UserId user, ItemId item, SimTime time) const = 0;
};

/// What a recommender gets when it is created. Pointers outlive the recommender.
struct RecommenderContext {
    const ItemTable* items = nullptr;
    const UserTable* users = nullptr;
    /// Only set for cores whose schema asks for it (RecommenderEntry::needsOracle).
    const TruthOracle* oracle = nullptr;
    /// Seed of the core's own random stream (derived from the run seed).
    std::uint64_t seed = 0;
    /// Units in stock per item (-1 = unlimited), kept current by the simulation as items
    /// sell and are restocked; null where stock is not known (log replays). Read-only.
    const std::vector<std::int32_t>* stock = nullptr;
    /// Signup questionnaire (docs/use-cases.md, "New-user onboarding"): per user, the leaf
    /// categories they said they like (ItemTable::category values, most liked first; may
    /// be wrong, as people answer), empty for a user who did not answer. Null when the
    /// scenario asks no questions, and for log replays. Read-only; does not change during
    /// a run.
    const std::vector<std::vector<std::uint32_t>>* statedCategories = nullptr;
};

} // namespace recoscope::core
