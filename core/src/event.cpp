#include "recoscope/core/event.h"

namespace recoscope::core {

namespace {
constexpr std::array<std::string_view, kEventKindCount> kKindNames = {
    "view", "click", "search", "favourite", "cart-add", "cart-remove", "purchase"};
constexpr std::array<std::string_view, kSurfaceCount> kSurfaceNames = {"home", "search", "product",
                                                                       "cart"};
} // namespace

std::string_view eventKindName(EventKind kind) {
    return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<EventKind> eventKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name)
            return static_cast<EventKind>(i);
    return std::nullopt;
}

std::string_view surfaceName(Surface surface) {
    return kSurfaceNames[static_cast<std::size_t>(surface)];
}

std::optional<Surface> surfaceFromName(std::string_view name) {
    for (std::size_t i = 0; i < kSurfaceNames.size(); ++i)
        if (kSurfaceNames[i] == name)
            return static_cast<Surface>(i);
    return std::nullopt;
}

} // namespace recoscope::core
