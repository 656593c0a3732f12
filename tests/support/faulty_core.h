#pragma once
// A recommender that behaves like `popularity` until its n-th recommend() (1-based), then
// misbehaves one way: the faults sim::CoreGuard must stop. Header-only; used by
// tst_core_guard (engine, arena, store) and tst_main_window (the GUI's report).

#include "recoscope/core/registry.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace recoscope::test {

enum class Fault { Throw, ThrowInObserve, Duplicate, OutOfRange, NaNScore, Slow, TooMany };

class FaultyCore : public core::Recommender {
public:
    FaultyCore(std::unique_ptr<core::Recommender> inner, Fault fault, long at)
        : m_inner(std::move(inner)), m_fault(fault), m_at(at) {}

    void observe(const core::Event& event) override {
        if (m_fault == Fault::ThrowInObserve && m_requests >= m_at)
            throw std::logic_error("observe broke");
        m_inner->observe(event);
    }
    void recommend(const core::Request& request, core::Slate& out) override {
        m_inner->recommend(request, out);
        if (++m_requests != m_at || out.size() < 2)
            return;
        switch (m_fault) {
        case Fault::Throw:
            throw std::runtime_error("boom");
        case Fault::Duplicate:
            out[1].item = out[0].item;
            break;
        case Fault::OutOfRange:
            out[0].item = 123456789;
            break;
        case Fault::NaNScore:
            out[1].score = std::numeric_limits<float>::quiet_NaN();
            break;
        case Fault::Slow:
            // Far beyond the tests' 100 ms budget, and that budget far beyond what a healthy
            // core takes even on a loaded two-core CI machine (a 5 ms budget once stopped
            // `popularity` there when the scheduler preempted it).
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            break;
        case Fault::TooMany:
            while (static_cast<int>(out.size()) <= request.k)
                out.push_back({static_cast<core::ItemId>(out.size()), 0.0f, 1.0f});
            break;
        case Fault::ThrowInObserve:
            break;
        }
    }

private:
    std::unique_ptr<core::Recommender> m_inner;
    Fault m_fault;
    long m_at;
    long m_requests = 0;
};

/// Adds "faulty-<name>" (popularity until request `at`, then `fault`) to `registry`.
inline void addFaultyCore(core::RecommenderRegistry& registry, const std::string& name, Fault fault,
                          long at) {
    core::RecommenderEntry e;
    e.id = "faulty-" + name;
    e.description = "popularity, then a fault (tests)";
    e.family = "test";
    e.make = [fault, at](const core::RecommenderContext& context, const core::ParamValues&,
                         const core::RecommenderRegistry& r)
        -> core::Result<std::unique_ptr<core::Recommender>> {
        auto inner = r.create("popularity", std::map<std::string, std::string>{}, context);
        if (!inner)
            return core::Error{inner.error()};
        return std::unique_ptr<core::Recommender>(
            new FaultyCore(std::move(inner).value(), fault, at));
    };
    (void)registry.add(std::move(e));
}

} // namespace recoscope::test
