#include "recoscope/sim/step_tape.h"

#include <cassert>

namespace recoscope::sim {

void StepTape::recordRun(std::uint64_t actions) {
    if (actions == 0)
        return;
    if (!m_ops.empty() && m_ops.back().kind == Op::Kind::Run)
        m_ops.back().actions += actions;
    else
        m_ops.push_back({Op::Kind::Run, actions, core::kNoUser});
}

void StepTape::recordStep(core::UserId follow) {
    m_ops.push_back({Op::Kind::Step, 0, follow});
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
