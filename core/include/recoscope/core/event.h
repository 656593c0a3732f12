#pragma once
// One shopper action, as the simulator emits it and every recommender observes it.

#include "recoscope/core/types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace recoscope::core {

/// What the shopper did. The numeric values are persisted in the run store: append only.
enum class EventKind : std::uint8_t {
    View = 0,       ///< opened a product page (organically or after a click)
    Click = 1,      ///< clicked an item of a recommendation slate
    Search = 2,     ///< searched; item is the first result the shopper looked at, or kNoItem
    Favourite = 3,  ///< added to the wish-list
    CartAdd = 4,    ///< put one unit in the cart
    CartRemove = 5, ///< took it out again
    Purchase = 6,   ///< bought one unit at Event::price
};
inline constexpr int kEventKindCount = 7;

/// Where in the shop the action happened. Persisted: append only.
enum class Surface : std::uint8_t {
    Home = 0,    ///< the home feed
    Search = 1,  ///< search results
    Product = 2, ///< a product page ("related items", "also bought")
    Cart = 3,    ///< the cart page
};
inline constexpr int kSurfaceCount = 4;

struct Event {
    SimTime time = 0.0;
    UserId user = kNoUser;
    ItemId item = kNoItem;
    EventKind kind = EventKind::View;
    Surface surface = Surface::Home;
    /// Position in the slate the item was shown at (0 = top), -1 when not from a slate.
    std::int16_t position = -1;
    /// True when the action follows a click on a recommendation (attribution).
    bool fromRecommendation = false;
    /// Price paid for purchases; list price for cart events; 0 otherwise.
    float price = 0.0f;

    friend bool operator==(const Event&, const Event&) = default;
};

/// Stable lower-case names ("view", "click", "cart-add", ...) used in files and the CLI.
std::string_view eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(std::string_view name);
std::string_view surfaceName(Surface surface);
std::optional<Surface> surfaceFromName(std::string_view name);

} // namespace recoscope::core
