#pragma once
// Private: ItemIndex that scores every item (kit::scanBlocked over a blocked copy of the
// factors). The default retrieval of the factorisation cores; the golden runs pin it.

#include "factor_scan.h"
#include "item_index.h"

#include <vector>

namespace recoscope::core::kit {

class ExactItemIndex final : public ItemIndex {
public:
    ExactItemIndex(std::size_t items, int dim) { m_scan.reset(items, dim); }
    void markDirty(ItemId item) override { m_scan.markDirty(item); }
    void markAll() override { m_scan.markAll(); }
    void topK(const ItemTable& items, const Request& request, TopK& topk, const float* q,
              const float* bias, const float* u) override {
        m_scan.sync(q);
        scanBlocked(items, request, topk, m_scan, u, bias, m_scratch);
    }
    /// Copies the factors now (the cores do it at construction, not in the first request).
    void syncNow(const float* q) { m_scan.sync(q); }

private:
    BlockedFactors m_scan;
    std::vector<float> m_scratch;
};

} // namespace recoscope::core::kit
