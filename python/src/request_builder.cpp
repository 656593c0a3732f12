#include "recoscope/python/request_builder.h"

#include <pybind11/numpy.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace py = pybind11;

namespace recoscope::python {

namespace {

// A read-only view on a vector owned by the engine: no copy, so a policy reading the
// prices of 3,000 items per slate pays nothing for them.
template <class T> py::array view(const std::vector<T>& v, const py::object& owner) {
    py::array a(py::dtype::of<T>(), {static_cast<py::ssize_t>(v.size())}, {sizeof(T)}, v.data(),
                owner ? owner : py::none());
    readOnly(a);
    return a;
}

} // namespace

void readOnly(py::array& a) {
    py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

void writeRecord(const core::Event& e, EventRecord* out) {
    // Padding is not a value: neither `EventRecord{...}` nor a struct copy defines it, and
    // ASan's allocator showed it (a run's events array differed from a slice of itself in
    // bytes 21-23 and 28-31 of each record, tests/python/test_store.py).
    std::memset(out, 0, sizeof(EventRecord));
    out->time = e.time;
    out->user = e.user;
    out->item = e.item;
    out->kind = static_cast<std::uint8_t>(e.kind);
    out->surface = static_cast<std::uint8_t>(e.surface);
    out->position = e.position;
    out->from_recommendation = e.fromRecommendation;
    out->price = e.price;
}

void registerEventDtype() {
    // The CLI's interpreter registers it, and a core file it loads may import the module,
    // which registers it again: the second time is a no-op (pybind11 would refuse it).
    if (py::detail::get_numpy_internals().get_type_info(typeid(EventRecord), false))
        return;
    PYBIND11_NUMPY_DTYPE(EventRecord, time, user, item, kind, surface, position,
                         from_recommendation, price);
}

py::array newArray(const py::dtype& dtype, std::size_t count) {
    // NumPy's C API directly: py::array's constructor builds shape and stride vectors
    // (two allocations) and looks the dtype up again, a third of a request's cost before.
    auto& api = py::detail::npy_api::get();
    Py_intptr_t dims[1] = {static_cast<Py_intptr_t>(count)};
    PyObject* descr = dtype.inc_ref().ptr(); // stolen by PyArray_NewFromDescr
    PyObject* a =
        api.PyArray_NewFromDescr_(api.PyArray_Type_, descr, 1, dims, nullptr, nullptr, 0, nullptr);
    if (!a)
        throw py::error_already_set();
    return py::reinterpret_steal<py::array>(a);
}

const py::dtype& eventDtype() {
    // Looked up once (pybind11 finds a registered dtype through a hash of the type name);
    // never freed, so it cannot outlive the interpreter at exit.
    static const py::dtype* dtype = new py::dtype(py::dtype::of<EventRecord>());
    return *dtype;
}

py::array eventArray(const EventRecord* events, std::size_t count) {
    py::array a = newArray(eventDtype(), count);
    if (count)
        std::memcpy(a.mutable_data(), events, count * sizeof(EventRecord));
    return a;
}

RequestBuilder::RequestBuilder(const core::ItemTable& items, py::object owner)
    : m_items_table(items) {
    // Without an owner the views must not outlive the call; a capsule that frees nothing
    // marks them as borrowed (a base is needed, or NumPy would copy).
    if (!owner || owner.is_none())
        owner = py::capsule(&items, [](void*) {});
    m_items["category"] = view(items.category, owner);
    m_items["top_category"] = view(items.topCategory, owner);
    m_items["brand"] = view(items.brand, owner);
    m_items["price"] = view(items.price, owner);
    m_items["discount"] = view(items.discount, owner);
    m_items["available"] = view(items.available, owner);
    m_items["launch_time"] = view(items.launchTime, owner);
    m_ids = py::dtype::of<std::uint32_t>();
    m_noIds = newArray(m_ids, 0);
    readOnly(m_noIds);
    for (int s = 0; s < core::kSurfaceCount; ++s)
        m_surfaceNames[static_cast<std::size_t>(s)] =
            py::str(std::string(core::surfaceName(static_cast<core::Surface>(s))));
    for (int k = 0; k < core::kEventKindCount; ++k)
        m_kindNames[static_cast<std::size_t>(k)] =
            py::str(std::string(core::eventKindName(static_cast<core::EventKind>(k))));
    // A named tuple rather than a bound C++ class: no type registration to clash when the
    // embedded interpreter of the CLI also imports the recoscope module.
    m_eventType = py::module_::import("collections")
                      .attr("namedtuple")("Event", py::make_tuple("time", "user", "item", "kind",
                                                                  "surface", "position",
                                                                  "from_recommendation", "price"));
}

void RequestBuilder::setItem(const py::dict& request, const py::str& key, const py::object& value) {
    if (!value || PyDict_SetItem(request.ptr(), key.ptr(), value.ptr()) != 0)
        throw py::error_already_set();
}

py::object RequestBuilder::event(const core::Event& e) const {
    return m_eventType(e.time, e.user,
                       e.item == core::kNoItem ? std::int64_t(-1) : std::int64_t(e.item),
                       m_kindNames[static_cast<std::size_t>(e.kind)],
                       m_surfaceNames[static_cast<std::size_t>(e.surface)], e.position,
                       e.fromRecommendation, e.price);
}

void RequestBuilder::observe(const core::Event& event) {
    if (event.user >= m_recent.size())
        m_recent.resize(std::size_t(event.user) + 1);
    Recent& r = m_recent[event.user];
    writeRecord(event, &r.ring[r.count % kRecent]);
    ++r.count;
}

py::dict RequestBuilder::build(const core::Request& request) {
    const core::ItemTable& items = m_items_table;
    // Availability changes rarely (launches, stock-outs, restocks): the available ids are
    // kept as one sorted read-only array, rebuilt (as a new array: one handed out earlier
    // never changes) only when the availability bytes differ from the last copy (one
    // memcmp). A request that excludes nothing gets that very array, zero-copy; otherwise
    // the few exclusions are cut out by binary search. Scanning the catalogue per request
    // cost half of a trivial Python core's time (callgrind, docs/performance.md).
    if (m_availableSeen.size() != items.available.size() ||
        std::memcmp(m_availableSeen.data(), items.available.data(), items.available.size()) != 0) {
        m_availableSeen = items.available;
        std::vector<std::uint32_t> ids;
        ids.reserve(items.availableCount);
        for (core::ItemId i = 0; i < items.available.size(); ++i)
            if (items.available[i])
                ids.push_back(i);
        m_available = newArray(m_ids, ids.size());
        if (!ids.empty())
            std::memcpy(m_available.mutable_data(), ids.data(), ids.size() * sizeof(std::uint32_t));
        readOnly(m_available);
    }
    const auto* ids = static_cast<const std::uint32_t*>(m_available.data());
    const std::size_t count = static_cast<std::size_t>(m_available.size());
    m_skip.clear();
    auto skip = [&](core::ItemId item) {
        const std::uint32_t* it = std::lower_bound(ids, ids + count, item);
        if (it != ids + count && *it == item)
            m_skip.push_back(static_cast<std::size_t>(it - ids));
    };
    for (core::ItemId item : request.exclude)
        skip(item);
    if (request.contextItem != core::kNoItem)
        skip(request.contextItem);
    py::array candidates = m_available;
    if (!m_skip.empty()) {
        std::sort(m_skip.begin(), m_skip.end());
        m_skip.erase(std::unique(m_skip.begin(), m_skip.end()), m_skip.end());
        candidates = newArray(m_ids, count - m_skip.size());
        auto* out = static_cast<std::uint32_t*>(candidates.mutable_data());
        std::size_t from = 0;
        for (std::size_t cut : m_skip) {
            out = std::copy(ids + from, ids + cut, out);
            from = cut + 1;
        }
        std::copy(ids + from, ids + count, out);
        readOnly(candidates);
    }

    // PyDict_SetItem with the interned keys: pybind11's d[key] = v goes through the
    // generic PyObject_SetItem and a temporary accessor for each of the dozen keys.
    const Keys& key = m_keys;
    py::dict d = py::reinterpret_steal<py::dict>(_PyDict_NewPresized(12));
    auto set = [&d](const py::str& k, py::object v) {
        if (!v || PyDict_SetItem(d.ptr(), k.ptr(), v.ptr()) != 0)
            throw py::error_already_set();
    };
    set(key.user, py::int_(request.user));
    set(key.time, py::float_(request.time));
    set(key.day, py::float_(request.time / core::kSecondsPerDay));
    set(key.surface, m_surfaceNames[static_cast<std::size_t>(request.surface)]);
    set(key.k, py::int_(request.k));
    set(key.contextItem, py::int_(request.contextItem == core::kNoItem
                                      ? std::int64_t(-1)
                                      : static_cast<std::int64_t>(request.contextItem)));
    if (request.exclude.empty()) {
        set(key.exclude, m_noIds); // shared, read-only: nothing to copy
    } else {
        py::array exclude = newArray(m_ids, request.exclude.size());
        std::memcpy(exclude.mutable_data(), request.exclude.data(),
                    request.exclude.size() * sizeof(std::uint32_t));
        set(key.exclude, std::move(exclude));
    }
    set(key.candidates, std::move(candidates));
    std::size_t n = 0;
    py::array recent;
    if (request.user < m_recent.size()) {
        const Recent& r = m_recent[request.user];
        n = std::min<std::size_t>(r.count, kRecent);
        recent = newArray(eventDtype(), n);
        auto* out = static_cast<EventRecord*>(recent.mutable_data());
        for (std::size_t j = 0; j < n; ++j) // oldest first
            std::memcpy(&out[j], &r.ring[(r.count - n + j) % kRecent], sizeof(EventRecord));
    } else {
        recent = newArray(eventDtype(), 0);
    }
    set(key.recentEvents, std::move(recent));
    set(key.items, m_items);
    return d;
}

} // namespace recoscope::python
