#pragma once
// RequestBuilder: turns a core::Request into the dict a Python policy reads (the
// recoscope.Simulator's next_request() and a Python core's recommend() argument), and
// keeps each user's recent events for it. One dict per slate, never one object per item:
// the candidates are one NumPy array, the item features zero-copy views of the shop's
// ItemTable (docs/python.md lists the keys).
//
// Every call needs the GIL. Not thread-safe: one builder serves one run.

#include "recoscope/core/event.h"
#include "recoscope/core/request.h"
#include "recoscope/core/shop.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <array>
#include <cstdint>
#include <vector>

namespace recoscope::python {

/// One event as a NumPy record: the dtype of every events array the module returns
/// (fields time, user, item, kind, surface, position, from_recommendation, price).
struct EventRecord {
    double time;
    std::uint32_t user;
    std::uint32_t item;
    std::uint8_t kind;
    std::uint8_t surface;
    std::int16_t position;
    bool from_recommendation;
    float price;
};

/// Writes `e` to `*out`, padding bytes included (zero): the struct has 7 bytes of padding
/// that NumPy shows (tobytes(), np.save, hashes), so they must not carry old heap or stack
/// bytes. Copy records with std::memcpy, never `=` (the compiler may copy field by field).
void writeRecord(const core::Event& e, EventRecord* out);
/// Registers EventRecord's dtype with NumPy (once per module or interpreter).
void registerEventDtype();
/// Clears the array's WRITEABLE flag (views of the engine's data, shared arrays).
void readOnly(pybind11::array& a);
/// A fresh NumPy array of `events` with EventRecord's dtype.
pybind11::array eventArray(const EventRecord* events, std::size_t count);
/// EventRecord's dtype (registerEventDtype() first), looked up once.
const pybind11::dtype& eventDtype();
/// A fresh, uninitialised 1-d array of `count` elements of `dtype`.
pybind11::array newArray(const pybind11::dtype& dtype, std::size_t count);

class RequestBuilder {
public:
    /// `items` must outlive the builder and every array it hands out; `owner` is set as the
    /// base of the zero-copy feature arrays (the Python object that keeps `items` alive),
    /// or none when the arrays only live during a call (a Python core's recommend()).
    RequestBuilder(const core::ItemTable& items, pybind11::object owner);

    /// Remembers the event in its user's recent history (the newest kRecent are kept).
    void observe(const core::Event& event);
    /// The request dict: user, time, day, surface, k, context_item (-1 = none), exclude,
    /// candidates (available and not excluded, ascending ids; read-only, and the same
    /// array for successive requests that exclude nothing while availability is
    /// unchanged), recent_events (oldest first), items (the feature views).
    pybind11::dict build(const core::Request& request);
    /// The event as a Python object for observe(): a named tuple (time, user, item, kind,
    /// surface, position, from_recommendation, price), kind and surface as their names.
    pybind11::object event(const core::Event& event) const;
    /// {"category", "top_category", "brand", "price", "discount", "available",
    /// "launch_time"}: read-only views of the current item table (prices and availability
    /// change as promotions and stock do).
    const pybind11::dict& items() const { return m_items; }
    /// Sets `key`'s item of a request dict (the Simulator's extra keys) with an interned key.
    static void setItem(const pybind11::dict& request, const pybind11::str& key,
                        const pybind11::object& value);
    const pybind11::str& sessionKey() const { return m_keys.session; }
    const pybind11::str& sessionStartKey() const { return m_keys.sessionStart; }

    static constexpr std::size_t kRecent = 16;

private:
    struct Recent {
        std::array<EventRecord, kRecent> ring{};
        std::uint32_t count = 0; // events seen; ring[count % kRecent] is the next slot
    };
    const core::ItemTable& m_items_table;
    pybind11::dict m_items;
    std::vector<Recent> m_recent;
    struct Keys {
        pybind11::str user{"user"}, time{"time"}, day{"day"}, surface{"surface"}, k{"k"},
            contextItem{"context_item"}, exclude{"exclude"}, candidates{"candidates"},
            recentEvents{"recent_events"}, items{"items"}, session{"session"},
            sessionStart{"session_start"};
    };
    Keys m_keys; // created once: building a key per request showed in the profile
    std::vector<std::uint8_t> m_availableSeen; // items.available when m_available was built
    pybind11::dtype m_ids;                     // uint32
    pybind11::array m_available;               // sorted available ids (uint32), read-only
    pybind11::array m_noIds;                   // empty, read-only: `exclude` of most requests
    std::vector<std::size_t> m_skip;           // positions in m_available excluded
    std::array<pybind11::str, core::kSurfaceCount> m_surfaceNames;
    std::array<pybind11::str, core::kEventKindCount> m_kindNames;
    pybind11::object m_eventType;
};

} // namespace recoscope::python
