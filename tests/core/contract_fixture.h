#pragma once
// A small synthetic shop and a deterministic event/slate feed shared by the contract
// suite and the recommender benchmarks: it drives a core the way the engine does
// (events in time order, slates with clicks fed back), without the simulator.

#include "recoscope/core/recommender.h"
#include "recoscope/core/shop.h"

#include "mix.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace recoscope::test {

/// A shop of `items` items in 4 top x 4 leaf categories, 12 brands, 80 words, ~8 % of the
/// items unavailable; `users` users with demographics.
struct SyntheticShop {
    core::ItemTable items;
    core::UserTable users;
    /// Units in stock (RecommenderContext::stock): every fifth item unlimited (-1), the
    /// others a few units, so that stock-aware meets both cases and explains its
    /// demotions. Fixed: the feed does not sell anything down.
    std::vector<std::int32_t> stock;

    SyntheticShop(std::size_t itemCount, std::size_t userCount, std::uint64_t seed = 7) {
        Mix rng{seed};
        const std::uint32_t tops = 4, leavesPerTop = 4;
        for (std::uint32_t t = 0; t < tops; ++t) {
            items.categoryParent.push_back(t);
            items.categoryName.push_back("Top" + std::to_string(t));
        }
        for (std::uint32_t t = 0; t < tops; ++t)
            for (std::uint32_t l = 0; l < leavesPerTop; ++l) {
                items.categoryParent.push_back(t);
                items.categoryName.push_back("Leaf" + std::to_string(t) + "." + std::to_string(l));
            }
        for (int w = 0; w < 80; ++w)
            items.vocabulary.push_back("word" + std::to_string(w));
        items.brandCount = 12;
        items.tagOffsets.push_back(0);
        for (std::size_t i = 0; i < itemCount; ++i) {
            const std::uint32_t leaf = rng.below(tops * leavesPerTop);
            const std::uint32_t top = leaf / leavesPerTop;
            items.category.push_back(tops + leaf);
            items.topCategory.push_back(top);
            items.brand.push_back(rng.below(12));
            items.price.push_back(static_cast<float>(5.0 + 100.0 * rng.unit() * rng.unit()));
            items.discount.push_back(rng.below(5) == 0 ? 0.2f : 0.0f);
            items.launchTime.push_back(0.0);
            items.available.push_back(rng.below(12) == 0 ? 0 : 1);
            for (int w = 0; w < 4; ++w) // words cluster by leaf category
                items.tagWords.push_back((leaf * 5 + rng.below(8)) % 80);
            items.tagOffsets.push_back(static_cast<std::uint32_t>(items.tagWords.size()));
        }
        recount();
        for (std::size_t i = 0; i < itemCount; ++i)
            stock.push_back(i % 5 == 0 ? -1 : static_cast<std::int32_t>(1 + (i * 7) % 30));
        users.ageBandCount = 6;
        users.genderCount = 3;
        users.occupationCount = 6;
        users.regionCount = 5;
        for (std::size_t u = 0; u < userCount; ++u) {
            users.ageBand.push_back(static_cast<std::uint8_t>(rng.below(6)));
            users.gender.push_back(static_cast<std::uint8_t>(rng.below(3)));
            users.occupation.push_back(static_cast<std::uint8_t>(rng.below(6)));
            users.region.push_back(static_cast<std::uint8_t>(rng.below(5)));
            users.joinTime.push_back(0.0);
        }
    }
    void recount() {
        items.availableCount = 0;
        for (std::uint8_t a : items.available)
            items.availableCount += a;
    }
};

/// A ground truth for the bound cores: a fixed pseudo-random utility per (user, item).
class FakeOracle final : public core::TruthOracle {
public:
    float trueUtility(core::UserId user, core::ItemId item, core::SimTime) const override {
        Mix m{(static_cast<std::uint64_t>(user) << 32) ^ item ^ 0xABCDEFull};
        return static_cast<float>(m.unit() * 4.0 - 2.0);
    }
};

/// Drives a core like the engine: shoppers with a favourite top category view items
/// (skewed towards low ids within it), sometimes favourite, cart or buy; every third step
/// asks for a slate (home or product page) and feeds the click back.
class Feed {
public:
    Feed(const SyntheticShop& shop, std::uint64_t seed) : m_shop(shop), m_rng{seed} {}

    /// `onServed` (optional) sees each slate right after recommend(), before the core gets
    /// any feedback: where the engine composes explanations.
    void run(core::Recommender& core, std::size_t events,
             std::vector<core::Slate>* slates = nullptr,
             const std::function<void(const core::Request&, const core::Slate&)>& onServed = {}) {
        const auto& items = m_shop.items;
        const std::size_t n = items.size(), users = m_shop.users.size();
        core::Slate slate;
        for (std::size_t e = 0; e < events; ++e) {
            m_time += 20.0 + 40.0 * m_rng.unit();
            const auto user = static_cast<core::UserId>(m_rng.below(users));
            if (e % 3 == 0) {
                core::Request req;
                req.user = user;
                req.time = m_time;
                req.k = 10;
                if (m_rng.below(2) == 0) {
                    req.surface = core::Surface::Product;
                    req.contextItem = m_rng.below(n);
                }
                core.recommend(req, slate);
                if (onServed)
                    onServed(req, slate);
                if (slates)
                    slates->push_back(slate);
                int clicked = -1;
                for (std::size_t p = 0; p < slate.size(); ++p)
                    if (m_rng.below(12) == 0) {
                        clicked = static_cast<int>(p);
                        break;
                    }
                core.observeSlate(req, slate, clicked);
                if (clicked >= 0) {
                    const core::ItemId item = slate[static_cast<std::size_t>(clicked)].item;
                    core.observe({m_time, user, item, core::EventKind::Click, req.surface,
                                  static_cast<std::int16_t>(clicked), true, 0.0f});
                    continue;
                }
            }
            // Organic view within the user's favourite top category, skewed to popular ids.
            const std::uint32_t top = user % 4;
            core::ItemId item = core::kNoItem;
            for (int tries = 0; tries < 20; ++tries) {
                const double r = m_rng.unit();
                const auto cand = static_cast<core::ItemId>(r * r * static_cast<double>(n));
                if (items.topCategory[cand] == top || tries == 19) {
                    item = cand;
                    break;
                }
            }
            const std::uint32_t roll = m_rng.below(100);
            const core::EventKind kind = roll < 80   ? core::EventKind::View
                                         : roll < 86 ? core::EventKind::Favourite
                                         : roll < 94 ? core::EventKind::CartAdd
                                         : roll < 96 ? core::EventKind::CartRemove
                                         : roll < 99 ? core::EventKind::Purchase
                                                     : core::EventKind::Search;
            core.observe({m_time, user, item, kind, core::Surface::Home, -1, false,
                          kind == core::EventKind::Purchase ? items.price[item] : 0.0f});
        }
    }
    double time() const { return m_time; }

private:
    const SyntheticShop& m_shop;
    Mix m_rng;
    double m_time = 0.0;
};

} // namespace recoscope::test
