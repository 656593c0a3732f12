#pragma once
// Transparent huge pages for big tables read at random (the simulator's per-item and
// per-user state on `large`, the factor cores' matrices). A million-row table read at
// random touches a different 4 KiB page on almost every access, so the TLB misses and
// every access pays a page walk as well as the cache miss; on 2 MiB pages a 64 MB table
// is 32 TLB entries. Only placement changes: values, and so results, are the same.
// Linux only (madvise); a no-op elsewhere and when the kernel's THP setting is `never`.
// Debian 12 ships THP as `madvise`, so a table is on huge pages only if it asks.

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <vector>

namespace recoscope::core {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// The whole huge pages inside the byte range [begin, begin + bytes): [first, last),
/// 2 MiB-aligned, empty (first == last) when the range holds none. What
/// adviseHugePages() advises.
struct HugePageSpan {
    std::uintptr_t first = 0, last = 0;
};
constexpr HugePageSpan wholeHugePages(std::uintptr_t begin, std::size_t bytes) {
    const std::uintptr_t first = (begin + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    const std::uintptr_t last = (begin + bytes) / kHugePageBytes * kHugePageBytes;
    return last > first ? HugePageSpan{first, last} : HugePageSpan{first, first};
}

/// Advises the kernel to back the whole 2 MiB pages inside [p, p + bytes) with huge
/// pages (the partial pages at either end keep 4 KiB pages; nothing happens for a range
/// that holds no whole huge page). Memory already written keeps its pages: advise before
/// the first write (assignOnHugePages). Thread-safe; never fails (advice only).
void adviseHugePages(void* p, std::size_t bytes) noexcept;

/// `table.assign(n, value)` with the new storage advised as huge pages before it is first
/// written: the old storage is released, `n` elements reserved, advised, then filled.
/// Same contents as assign(); only worth it for tables of several MiB (a smaller one
/// holds no whole huge page and is simply assigned).
template <class T, class Alloc>
void assignOnHugePages(std::vector<T, Alloc>& table, std::size_t n,
                       const std::type_identity_t<T>& value = T()) {
    std::vector<T, Alloc>(table.get_allocator()).swap(table);
    table.reserve(n);
    adviseHugePages(table.data(), n * sizeof(T));
    table.assign(n, value);
}

/// A std::allocator whose blocks of 2 MiB or more start on a huge page, are rounded up to
/// whole huge pages and advised before use; smaller blocks come from operator new as usual.
/// For tables that grow (BeyondAccuracy's users) and the factor cores' matrices
/// (kit::HugePageAllocator, core/src/recommenders/huge_page_allocator.h, is this one).
template <class T> struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() noexcept = default;
    template <class U> HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePageBytes)
            return static_cast<T*>(::operator new (bytes, std::align_val_t{alignof(T)}));
        const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
        void* p = ::operator new (rounded, std::align_val_t{kHugePageBytes});
        adviseHugePages(p, rounded);
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePageBytes)
            ::operator delete (p, std::align_val_t{alignof(T)});
        else
            ::operator delete (p, std::align_val_t{kHugePageBytes});
    }
    template <class U> bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

} // namespace recoscope::core
