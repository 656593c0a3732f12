#include "huge_page_allocator.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace recoscope::core::kit {

void adviseHugePages([[maybe_unused]] void* p, [[maybe_unused]] std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Advice only: if the kernel refuses (THP disabled), the memory stays on 4 KiB pages.
    (void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
}

} // namespace recoscope::core::kit
