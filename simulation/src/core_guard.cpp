#include "recoscope/sim/core_guard.h"

#include "recoscope/core/day_clock.h"
#include "recoscope/core/slate_check.h"

#include <cxxabi.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
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

// What the exception being handled is, in words: "threw std::runtime_error: boom", or that
// it is not a std::exception. Called only from a catch clause (it rethrows to classify).
std::string describeCurrentException() {
    try {
        throw;
    } catch (const std::exception& e) {
        return thrown(e);
    } catch (...) {
        return "threw an exception that is not a std::exception";
    }
}

// The monotonic clock in nanoseconds, for the two reads around every recommend(). On
// Linux this is what libstdc++'s steady_clock::now() returns (clock_gettime with
// CLOCK_MONOTONIC), without its out-of-line wrapper (about 10 instructions a read, 20 per
// request); elsewhere it is steady_clock.
std::int64_t monotonicNanoseconds() {
#if defined(__linux__)
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
#else
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
#endif
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
    // Two clock reads per request, both needed: the engine reads the clock only at the
    // start and end of a run, so neither can be shared with it. The faults are handled by
    // out-of-line cold lambdas, so the path of a core that behaves is the two reads, the
    // call and the check (no registers or stack kept for the messages).
    const std::int64_t started = monotonicNanoseconds();
    try {
        core.recommend(request, slate);
    } catch (...) {
        const std::chrono::nanoseconds latency(monotonicNanoseconds() - started);
        [&]() __attribute__((noinline, cold)) {
            const std::string what = describeCurrentException();
            slate.clear();
            fail(recommendCall(request), request.time, what);
        }
        ();
        return latency;
    }
    const std::chrono::nanoseconds latency(monotonicNanoseconds() - started);
    // The check runs after the clock stops: its cost is the guard's, not the core's. The
    // message is built only for a slate the check refuses.
    if (!core::slateWellFormed(request, slate, catalogueSize) ||
        (m_budget.count() > 0 && latency > m_budget)) [[unlikely]]
        [&]() __attribute__((noinline, cold)) {
            if (!core::slateWellFormed(request, slate, catalogueSize)) {
                const std::string why = core::slateFault(request, slate, catalogueSize);
                slate.clear();
                fail(recommendCall(request), request.time, "returned a malformed slate: " + why);
            } else {
                slate.clear();
                fail(
                    recommendCall(request), request.time,
                    "took " +
                        std::to_string(std::chrono::duration<double, std::micro>(latency).count()) +
                        " µs, over its budget of " +
                        std::to_string(
                            std::chrono::duration<double, std::micro>(m_budget).count()) +
                        " µs");
            }
        }
    ();
    return latency;
}

void CoreGuard::observeThrew(const core::Event& event) {
    fail("observe() of shopper " + std::to_string(event.user) + "'s event", event.time,
         describeCurrentException());
}

void CoreGuard::observeSlateThrew(const core::Request& request) {
    fail("observeSlate() for shopper " + std::to_string(request.user), request.time,
         describeCurrentException());
}

} // namespace recoscope::sim
