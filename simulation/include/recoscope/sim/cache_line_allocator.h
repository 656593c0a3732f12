#pragma once
// An allocator whose blocks start on a 64-byte cache line. The hidden vectors of `large`
// (16 floats = 64 bytes a row) then take one cache line per item or user instead of two:
// glibc's malloc puts big blocks 16 bytes past a page boundary, so every row straddled
// two lines (docs/performance.md, "Simulator"). Blocks of 2 MiB or more start on a huge
// page and are advised as transparent huge pages (core/huge_pages.h): `large` reads its
// 64 MB vector tables at random, one TLB miss per row on 4 KiB pages.

#include "recoscope/core/huge_pages.h"

#include <cstddef>
#include <new>
#include <vector>

namespace recoscope::sim {

inline constexpr std::size_t kCacheLine = 64;

template <class T> struct CacheLineAllocator {
    using value_type = T;
    CacheLineAllocator() noexcept = default;
    template <class U> CacheLineAllocator(const CacheLineAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < core::kHugePageBytes)
            return static_cast<T*>(::operator new (bytes, std::align_val_t{kCacheLine}));
        void* p = ::operator new (bytes, std::align_val_t{core::kHugePageBytes});
        core::adviseHugePages(p, bytes); // before the first write, so faults take huge pages
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < core::kHugePageBytes)
            ::operator delete (p, std::align_val_t{kCacheLine});
        else
            ::operator delete (p, std::align_val_t{core::kHugePageBytes});
    }
    template <class U> bool operator==(const CacheLineAllocator<U>&) const noexcept { return true; }
};

/// Row-major float tables whose first row starts on a cache line.
using AlignedFloats = std::vector<float, CacheLineAllocator<float>>;

} // namespace recoscope::sim
