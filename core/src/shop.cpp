#include "recoscope/core/shop.h"

namespace recoscope::core {

std::string describeItem(const ItemTable& items, ItemId item) {
    std::string out = "item " + std::to_string(item);
    if (!items.contains(item) || items.categoryName.empty())
        return out;
    const std::uint32_t leaf = items.category[item];
    const std::uint32_t parent = items.categoryParent[leaf];
    out += " (";
    if (parent != leaf)
        out += items.categoryName[parent] + " > ";
    out += items.categoryName[leaf] + ")";
    return out;
}

} // namespace recoscope::core
