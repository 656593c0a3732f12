#include "recoscope/sim/core_guard.h"

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

// "day 0, 03:10": the workbench's one convention (day 0 is the first day).
std::string dayText(double t) {
    const auto minutes = static_cast<long long>(std::floor(std::max(0.0, t) / 60.0));
    const long long day = minutes / (24 * 60);
    const long long inDay = minutes % (24 * 60);
    char buf[48];
    std::snprintf(buf, sizeof buf, "day %lld, %02lld:%02lld", day, inDay / 60, inDay % 60);
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
    try {
        core.recommend(request, slate);
    } catch (const std::exception& e) {
        slate.clear();
        fail(recommendCall(request), request.time, thrown(e));
        return duration_cast<nanoseconds>(std::chrono::steady_clock::now() - started);
    } catch (...) {
        slate.clear();
        fail(recommendCall(request), request.time,
             "threw an exception that is not a std::exception");
        return duration_cast<nanoseconds>(std::chrono::steady_clock::now() - started);
    }
    const auto latency = std::chrono::steady_clock::now() - started;
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
    try {
        core.observe(event);
    } catch (const std::exception& e) {
        fail("observe() of shopper " + std::to_string(event.user) + "'s event", event.time,
             thrown(e));
    } catch (...) {
        fail("observe() of shopper " + std::to_string(event.user) + "'s event", event.time,
             "threw an exception that is not a std::exception");
    }
}

void CoreGuard::observeSlate(core::Recommender& core, const core::Request& request,
                             const core::Slate& slate, int clicked) {
    try {
        core.observeSlate(request, slate, clicked);
    } catch (const std::exception& e) {
        fail("observeSlate() for shopper " + std::to_string(request.user), request.time, thrown(e));
    } catch (...) {
        fail("observeSlate() for shopper " + std::to_string(request.user), request.time,
             "threw an exception that is not a std::exception");
    }
}

} // namespace recoscope::sim
