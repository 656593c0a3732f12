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

EventRecord toRecord(const core::Event& e) {
    return {e.time,
            e.user,
            e.item,
            static_cast<std::uint8_t>(e.kind),
            static_cast<std::uint8_t>(e.surface),
            e.position,
            e.fromRecommendation,
            e.price};
}

void registerEventDtype() {
    // The CLI's interpreter registers it, and a core file it loads may import the module,
    // which registers it again: the second time is a no-op (pybind11 would refuse it).
    if (py::detail::get_numpy_internals().get_type_info(typeid(EventRecord), false))
        return;
    PYBIND11_NUMPY_DTYPE(EventRecord, time, user, item, kind, surface, position,
                         from_recommendation, price);
}

py::array eventArray(const EventRecord* events, std::size_t count) {
    py::array_t<EventRecord> a(static_cast<py::ssize_t>(count));
    if (count)
        std::copy(events, events + count, a.mutable_data());
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
    r.ring[r.count % kRecent] = toRecord(event);
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
        m_available = py::array_t<std::uint32_t>(static_cast<py::ssize_t>(ids.size()), ids.data());
        readOnly(m_available);
    }
    const std::uint32_t* ids = m_available.data();
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
    py::array_t<std::uint32_t> candidates = m_available;
    if (!m_skip.empty()) {
        std::sort(m_skip.begin(), m_skip.end());
        m_skip.erase(std::unique(m_skip.begin(), m_skip.end()), m_skip.end());
        candidates = py::array_t<std::uint32_t>(static_cast<py::ssize_t>(count - m_skip.size()));
        std::uint32_t* out = candidates.mutable_data();
        std::size_t from = 0;
        for (std::size_t cut : m_skip) {
            out = std::copy(ids + from, ids + cut, out);
            from = cut + 1;
        }
        std::copy(ids + from, ids + count, out);
        readOnly(candidates);
    }

    const Keys& key = m_keys;
    py::dict d;
    d[key.user] = py::int_(request.user);
    d[key.time] = py::float_(request.time);
    d[key.day] = py::float_(request.time / core::kSecondsPerDay);
    d[key.surface] = m_surfaceNames[static_cast<std::size_t>(request.surface)];
    d[key.k] = py::int_(request.k);
    d[key.contextItem] = py::int_(request.contextItem == core::kNoItem
                                      ? std::int64_t(-1)
                                      : static_cast<std::int64_t>(request.contextItem));
    d[key.exclude] = py::array_t<std::uint32_t>(static_cast<py::ssize_t>(request.exclude.size()),
                                                request.exclude.data());
    d[key.candidates] = std::move(candidates);
    std::array<EventRecord, kRecent> recent{};
    std::size_t n = 0;
    if (request.user < m_recent.size()) {
        const Recent& r = m_recent[request.user];
        n = std::min<std::size_t>(r.count, kRecent);
        for (std::size_t j = 0; j < n; ++j) // oldest first
            recent[j] = r.ring[(r.count - n + j) % kRecent];
    }
    d[key.recentEvents] = eventArray(recent.data(), n);
    d[key.items] = m_items;
    return d;
}

} // namespace recoscope::python
