#include "item_index.h"

#include "hnsw_item_index.h"
#include "ivf_item_index.h"
#include "screened_item_index.h"

namespace recoscope::core::kit {

std::unique_ptr<ItemIndex> makeItemIndex(const std::string& retrieval, std::size_t items, int dim,
                                         int ef, int probe, std::uint64_t seed) {
    const bool large = retrieval == "auto" && items >= kAnnAutoItems;
    if (retrieval == "ann")
        return std::make_unique<HnswItemIndex>(items, dim, ef, seed);
    if (retrieval == "ivf" || large)
        return std::make_unique<IvfItemIndex>(items, dim, probe, seed);
    return std::make_unique<ScreenedItemIndex>(items, dim); // exact: decision 0041
}

} // namespace recoscope::core::kit
