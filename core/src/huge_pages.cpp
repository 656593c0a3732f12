#include "recoscope/core/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace recoscope::core {

void adviseHugePages([[maybe_unused]] void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Only whole huge pages: madvise wants a page-aligned start, and a huge page that
    // straddles the table's ends would also hold other allocations' memory.
    const HugePageSpan span = wholeHugePages(reinterpret_cast<std::uintptr_t>(p), bytes);
    if (p == nullptr || span.last == span.first)
        return;
    // Advice only: if the kernel refuses (THP disabled), the memory stays on 4 KiB pages.
    (void)madvise(reinterpret_cast<void*>(span.first), span.last - span.first, MADV_HUGEPAGE);
#endif
}

} // namespace recoscope::core
