#include "recoscope/sim/core_guard.h"

#include "recoscope/core/day_clock.h"
#include "recoscope/core/slate_check.h"

#include <cxxabi.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <typeinfo>

namespace recoscope::sim {

namespace {

// "day 0, 03:10", as the workbench writes it (core::dayClock).
std::string dayText(double t) {
    const core::DayClock c = core::dayClock(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "day %lld, %02d:%02d", c.day, c.hour, c.minute);
    return buf;
}

// "threw std::runtime_error: boom" (the dynamic type, demangled).
std::string thrown(const std::exception& e) {
    int status = 0;
    const std::unique_ptr<char, void (*)(void*)> name(
        abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status), std::free);
    return std::string("threw ") + (status == 0 && name ? name.get() : typeid(e).name()) + ": " +
           e.what();
}

// Calls fn(); when it throws, calls onThrow with what it threw, in words. One place for
// the two catch clauses every guarded call needs; a call that returns builds no string
// (the guard wraps every recommend and observe of a run: ~1.5 M calls a second).
template <class Fn, class OnThrow> void guarded(Fn&& fn, OnThrow&& onThrow) {
    try {
        fn();
    } catch (const std::exception& e) {
        onThrow(thrown(e));
    } catch (...) {
        onThrow(std::string("threw an exception that is not a std::exception"));
    }
}

std::string recommendCall(const core::Request& request) {
    return "recommend() for shopper " + std::to_string(request.user);
}

} // namespace

void CoreGuard::fail(const std::string& call, double time, const std::string& what) {
    if (!m_fault.empty())
        return; // the first fault is the one that explains the others
    m_fault = call + " at " + dayText(time) + " " + what;
}

std::chrono::nanoseconds CoreGuard::recommend(core::Recommender& core, const core::Request& request,
                                              core::Slate& slate, std::size_t catalogueSize) {
    using std::chrono::duration_cast;
    using std::chrono::nanoseconds;
    // Two clock reads per request, both needed: the engine reads the clock only at the
    // start and end of a run, so neither can be shared with it.
    const auto started = std::chrono::steady_clock::now();
    bool threw = false;
    guarded([&] { core.recommend(request, slate); },
            [&](const std::string& what) {
                threw = true;
                slate.clear();
                fail(recommendCall(request), request.time, what);
            });
    const auto latency = std::chrono::steady_clock::now() - started;
    if (threw)
        return duration_cast<nanoseconds>(latency);
    // The check runs after the clock stops: its cost is the guard's, not the core's. The
    // message is built only for a slate the check refuses.
    if (!core::slateWellFormed(request, slate, catalogueSize)) {
        const std::string why = core::slateFault(request, slate, catalogueSize);
        slate.clear();
        fail(recommendCall(request), request.time, "returned a malformed slate: " + why);
    } else if (m_budget.count() > 0 && latency > m_budget) {
        slate.clear();
        fail(recommendCall(request), request.time,
             "took " + std::to_string(std::chrono::duration<double, std::micro>(latency).count()) +
                 " µs, over its budget of " +
                 std::to_string(std::chrono::duration<double, std::micro>(m_budget).count()) +
                 " µs");
    }
    return duration_cast<nanoseconds>(latency);
}

void CoreGuard::observe(core::Recommender& core, const core::Event& event) {
    guarded([&] { core.observe(event); },
            [&](const std::string& what) {
                fail("observe() of shopper " + std::to_string(event.user) + "'s event", event.time,
                     what);
            });
}

void CoreGuard::observeSlate(core::Recommender& core, const core::Request& request,
                             const core::Slate& slate, int clicked) {
    guarded([&] { core.observeSlate(request, slate, clicked); },
            [&](const std::string& what) {
                fail("observeSlate() for shopper " + std::to_string(request.user), request.time,
                     what);
            });
}

} // namespace recoscope::sim
