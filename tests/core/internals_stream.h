#pragma once
// Shared by the brute-force internals tests (tst_neighbour_internals, tst_content_internals):
// a small event stream (a few users, a few dozen items, known timestamps with session
// breaks, every event kind), the implicit weights as docs/recommenders.md states them
// (written out again here, not read from the core), and the comparison of a slate's own
// scores with a brute-force recomputation.

#include "contract_fixture.h"
#include "recoscope/core/registry.h"

#include <QtGlobal>

#include <cmath>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace recoscope::test {

/// "item:score item:score ..." for a failure message.
inline std::string describeSlate(const core::Slate& s) {
    std::string out;
    for (const core::SlateEntry& e : s)
        out += std::to_string(e.item) + ":" + std::to_string(e.score) + " ";
    return out;
}

/// Core `id` of `registry` on `shop` (seed 31 unless given); a configuration error is a bug
/// of the test.
inline std::unique_ptr<core::Recommender>
makeCore(const core::RecommenderRegistry& registry, const SyntheticShop& shop,
         const std::string& id, const std::map<std::string, std::string>& params = {},
         std::uint64_t seed = 31) {
    core::RecommenderContext ctx{&shop.items, &shop.users, nullptr, seed};
    auto r = registry.create(id, params, ctx);
    if (!r.ok())
        qFatal("%s", r.error().c_str());
    return std::move(r).value();
}

/// docs/recommenders.md: view 1, click 1, search 0, favourite 2, cart 3, cart-remove -1,
/// purchase 5.
inline double documentedWeight(core::EventKind kind) {
    switch (kind) {
    case core::EventKind::View:
    case core::EventKind::Click:
        return 1.0;
    case core::EventKind::Search:
        return 0.0;
    case core::EventKind::Favourite:
        return 2.0;
    case core::EventKind::CartAdd:
        return 3.0;
    case core::EventKind::CartRemove:
        return -1.0;
    case core::EventKind::Purchase:
        return 5.0;
    }
    return 0.0;
}

/// `count` events in time order from t = 1000 s: steps of 1-10 minutes, one in ten a
/// break of 1-3 hours (ends sessions); each user leans to one department; every kind
/// appears, searches sometimes without an item.
inline std::vector<core::Event> smallStream(const SyntheticShop& shop, std::size_t count,
                                            std::uint64_t seed) {
    Mix rng{seed};
    std::vector<core::Event> out;
    double t = 1000.0;
    const std::size_t n = shop.items.size();
    for (std::size_t e = 0; e < count; ++e) {
        t += rng.below(10) == 0 ? 3600.0 + 7200.0 * rng.unit() : 60.0 + 540.0 * rng.unit();
        const auto user = static_cast<core::UserId>(rng.below(shop.users.size()));
        const double r = rng.unit();
        auto item = static_cast<core::ItemId>(r * r * static_cast<double>(n));
        if (rng.below(2) == 0)
            for (int tries = 0; tries < 20 && shop.items.topCategory[item] != user % 4; ++tries)
                item = rng.below(n);
        const std::uint32_t roll = rng.below(100);
        const core::EventKind kind = roll < 55   ? core::EventKind::View
                                     : roll < 62 ? core::EventKind::Click
                                     : roll < 67 ? core::EventKind::Search
                                     : roll < 75 ? core::EventKind::Favourite
                                     : roll < 85 ? core::EventKind::CartAdd
                                     : roll < 90 ? core::EventKind::CartRemove
                                                 : core::EventKind::Purchase;
        if (kind == core::EventKind::Search && rng.below(2) == 0)
            item = core::kNoItem;
        const float price = kind == core::EventKind::Purchase ? shop.items.price[item] : 0.0f;
        out.push_back({t, user, item, kind, core::Surface::Home, -1, false, price});
    }
    return out;
}

/// Compares the core's own entries of `slate` (score >= 0: every fill-in scores below 0)
/// with `expected` (item -> brute-force score, for the items the definition scores; the
/// eligibility filter is applied here). Own entries must carry the expected score
/// (relative 1e-4: the cores sum in float) and be the top min(k, eligible expected)
/// items. Returns an empty string or what differs.
inline std::string compareOwnScores(const core::ItemTable& items, const core::Request& req,
                                    const core::Slate& slate,
                                    const std::map<core::ItemId, double>& expected) {
    auto tol = [](double v) { return 1e-4 * std::abs(v) + 1e-6; };
    std::size_t own = 0;
    double lowest = 1e300;
    for (const core::SlateEntry& e : slate) {
        if (e.score < 0.0f)
            continue;
        ++own;
        auto it = expected.find(e.item);
        if (it == expected.end())
            return "item " + std::to_string(e.item) + " scored " + std::to_string(e.score) +
                   " has no brute-force score";
        if (std::abs(e.score - it->second) > tol(it->second))
            return "item " + std::to_string(e.item) + ": core " + std::to_string(e.score) +
                   ", brute force " + std::to_string(it->second);
        lowest = std::min(lowest, it->second);
    }
    std::size_t eligible = 0;
    for (const auto& [item, score] : expected) {
        if (!items.isAvailable(item) || req.excludes(item))
            continue;
        ++eligible;
        const bool shown = std::any_of(slate.begin(), slate.end(), [item](const auto& e) {
            return e.item == item && e.score >= 0.0f;
        });
        if (!shown && own == static_cast<std::size_t>(req.k) && score > lowest + tol(lowest))
            return "item " + std::to_string(item) + " (brute force " + std::to_string(score) +
                   ") missing from the top " + std::to_string(req.k);
    }
    const std::size_t want = std::min<std::size_t>(static_cast<std::size_t>(req.k), eligible);
    if (own != want)
        return std::to_string(own) + " own entries, brute force has " + std::to_string(want);
    return {};
}

/// Requests for every user in the stream and one unknown user, on the home page and on
/// a product page (context item from `rng`), with one excluded item each.
struct Probe {
    core::Request request;
    std::vector<core::ItemId> exclude;
};
inline std::vector<Probe> probesAt(const SyntheticShop& shop, double time, Mix& rng) {
    std::vector<Probe> out;
    const auto n = static_cast<std::uint32_t>(shop.items.size());
    for (core::UserId u = 0; u <= shop.users.size(); ++u)
        for (int surface = 0; surface < 2; ++surface) {
            Probe p;
            p.request.user = u == shop.users.size() ? 100000 : u;
            p.request.time = time;
            p.request.k = 6;
            p.exclude = {rng.below(n)};
            if (surface == 1) {
                p.request.surface = core::Surface::Product;
                p.request.contextItem = rng.below(n);
            }
            out.push_back(std::move(p));
        }
    return out;
}

/// The number that follows `marker` in `text` (e.g. the similarity an explanation
/// quotes), or NaN when the marker is missing.
inline double numberAfter(const std::string& text, const std::string& marker) {
    const std::size_t at = text.find(marker);
    if (at == std::string::npos)
        return std::nan("");
    try {
        return std::stod(text.substr(at + marker.size()));
    } catch (...) {
        return std::nan("");
    }
}

/// An explanation that lists the parts of a score, largest first, quotes a similarity
/// `quoted` (2 decimals) of one of the parts adding most: `parts` holds each part's
/// (similarity, contribution); ties may lead in any order.
inline bool leadsWithTopPart(double quoted, const std::vector<std::pair<double, double>>& parts) {
    double top = 0.0;
    for (const auto& [sim, part] : parts)
        top = std::max(top, part);
    for (const auto& [sim, part] : parts)
        if (part >= top * (1.0 - 1e-5) && std::abs(quoted - sim) <= 0.0051)
            return true;
    return false;
}

/// The number after ". Score " is `want` to its 3 printed decimals.
inline bool endsWithScore(const std::string& why, double want) {
    return std::abs(numberAfter(why, ". Score ") - want) <= 5e-4 + 1e-4 * std::abs(want);
}

} // namespace recoscope::test
