#pragma once
// An allocator whose blocks start on a 64-byte cache line. The hidden vectors of `large`
// (16 floats = 64 bytes a row) then take one cache line per item or user instead of two:
// glibc's malloc puts big blocks 16 bytes past a page boundary, so every row straddled
// two lines (docs/performance.md, "Simulator").

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
        return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{kCacheLine}));
    }
    void deallocate(T* p, std::size_t) noexcept {
        ::operator delete (p, std::align_val_t{kCacheLine});
    }
    template <class U> bool operator==(const CacheLineAllocator<U>&) const noexcept { return true; }
};

/// Row-major float tables whose first row starts on a cache line.
using AlignedFloats = std::vector<float, CacheLineAllocator<float>>;

} // namespace recoscope::sim
