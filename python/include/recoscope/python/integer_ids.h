#pragma once
// IntegerIds: a slate of item ids as a Python policy or core returns it, read in place when
// it is a 1-d NumPy integer array (a slice of `candidates`, the usual answer) instead of
// converted to a new int64 array: NumPy's cast was a tenth of a simulator step's cost
// (callgrind, docs/performance.md#python). Needs the GIL; valid while the array lives.

#include <pybind11/numpy.h>

#include <cstdint>
#include <cstring>

namespace recoscope::python {

/// A 1-d NumPy array of integers in native byte order, read in place through its strides.
struct IntegerIds {
    const char* data = nullptr;
    pybind11::ssize_t size = 0, stride = 0;
    char kind = 0; // 'i' or 'u'
    pybind11::ssize_t width = 0;

    /// Empty (false) unless `h` is a 1-d integer array in native byte order.
    static IntegerIds of(const pybind11::handle& h) {
        IntegerIds ids;
        if (!pybind11::isinstance<pybind11::array>(h))
            return ids;
        auto a = pybind11::reinterpret_borrow<pybind11::array>(h);
        const pybind11::dtype dt = a.dtype();
        const char order = dt.byteorder();
        if (a.ndim() != 1 || (dt.kind() != 'i' && dt.kind() != 'u') ||
            (order != '=' && order != '|'))
            return ids;
        ids.data = static_cast<const char*>(a.data());
        ids.size = a.shape(0);
        ids.stride = a.strides(0);
        ids.kind = dt.kind();
        ids.width = dt.itemsize();
        return ids;
    }
    explicit operator bool() const { return kind != 0; }
    std::int64_t at(pybind11::ssize_t i) const {
        const char* p = data + i * stride;
        switch (width * (kind == 'u' ? -1 : 1)) {
        case 1:
            return read<std::int8_t>(p);
        case 2:
            return read<std::int16_t>(p);
        case 4:
            return read<std::int32_t>(p);
        case 8:
            return read<std::int64_t>(p);
        case -1:
            return read<std::uint8_t>(p);
        case -2:
            return read<std::uint16_t>(p);
        case -4:
            return read<std::uint32_t>(p);
        default:
            return static_cast<std::int64_t>(read<std::uint64_t>(p));
        }
    }
    template <class T> static std::int64_t read(const char* p) {
        T v;
        std::memcpy(&v, p, sizeof v); // strides need not be aligned
        return static_cast<std::int64_t>(v);
    }
};

} // namespace recoscope::python
