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

// Calls fn(); what it threw, in words, or empty when it returned. One place for the two
// catch clauses every guarded call needs.
template <class Fn> std::string thrownBy(Fn&& fn) {
    try {
        fn();
        return {};
    } catch (const std::exception& e) {
        return thrown(e);
    } catch (...) {
        return "threw an exception that is not a std::exception";
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
    const auto started = std::chrono::steady_clock::now();
    const std::string threw = thrownBy([&] { core.recommend(request, slate); });
    const auto latency = std::chrono::steady_clock::now() - started;
    if (!threw.empty()) {
        slate.clear();
        fail(recommendCall(request), request.time, threw);
        return duration_cast<nanoseconds>(latency);
    }
    // The check runs after the clock stops: its cost is the guard's, not the core's.
    if (std::string why = core::slateFault(request, slate, catalogueSize); !why.empty()) {
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
    if (std::string threw = thrownBy([&] { core.observe(event); }); !threw.empty())
        fail("observe() of shopper " + std::to_string(event.user) + "'s event", event.time, threw);
}

void CoreGuard::observeSlate(core::Recommender& core, const core::Request& request,
                             const core::Slate& slate, int clicked) {
    if (std::string threw = thrownBy([&] { core.observeSlate(request, slate, clicked); });
        !threw.empty())
        fail("observeSlate() for shopper " + std::to_string(request.user), request.time, threw);
}

} // namespace recoscope::sim
