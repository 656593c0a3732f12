#include "recoscope/sim/step_tape.h"

#include <cassert>

namespace recoscope::sim {

void StepTape::recordRun(std::uint64_t actions) {
    if (actions == 0)
        return;
    if (!m_ops.empty() && m_ops.back().kind == Op::Kind::Run)
        m_ops.back().actions += actions;
    else
        m_ops.push_back({Op::Kind::Run, actions, core::kNoUser, {}});
}

void StepTape::recordRunEach(const std::vector<std::uint64_t>& calls) {
    bool any = false;
    for (std::uint64_t c : calls)
        any = any || c > 0;
    if (!any)
        return;
    if (!m_ops.empty() && m_ops.back().kind == Op::Kind::RunEach &&
        m_ops.back().perCore.size() == calls.size()) {
        for (std::size_t i = 0; i < calls.size(); ++i)
            m_ops.back().perCore[i] += calls[i];
        return;
    }
    m_ops.push_back({Op::Kind::RunEach, 0, core::kNoUser, calls});
}

void StepTape::recordStep(core::UserId follow) {
    m_ops.push_back({Op::Kind::Step, 0, follow, {}});
    ++m_steps;
}

std::vector<StepTape::Op> StepTape::prefix(int n) const {
    assert(n >= 0 && n <= m_steps);
    std::vector<Op> out;
    int steps = 0;
    for (const Op& op : m_ops) {
        // Stop before what followed step n: the next step, or a run after it.
        if (steps == n && (op.kind == Op::Kind::Step || n > 0))
            break;
        out.push_back(op);
        if (op.kind == Op::Kind::Step)
            ++steps;
    }
    return out;
}

void StepTape::truncate(int n) {
    m_ops = prefix(n);
    m_steps = n;
}

} // namespace recoscope::sim
