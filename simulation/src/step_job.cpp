#include "recoscope/sim/step_job.h"

#include <algorithm>

namespace recoscope::sim {

StepJob::StepJob(std::vector<StepTape::Op> ops, int firstStep)
    : m_ops(std::move(ops)), m_nextStep(firstStep) {}

std::vector<core::UserId> StepJob::takeRunUsers() {
    std::vector<core::UserId> out;
    out.swap(m_runUsers);
    return out;
}

bool StepJob::work(Arena& arena, std::uint64_t budget) {
    std::uint64_t spent = 0;
    while (!done() && spent < budget) {
        const StepTape::Op& op = m_ops[m_op];
        if (op.kind == StepTape::Op::Kind::Run) {
            // Exactly the calls Resume made (advance(slowest()) n times): a call on a core
            // that has just reached its end changes state too, so calls are what counts.
            for (; m_opActions < op.actions && spent < budget; ++m_opActions, ++spent) {
                const int i = arena.slowest();
                if (i < 0) {
                    m_opActions = op.actions;
                    break;
                }
                const ActionRecord* a = arena.advance(static_cast<std::size_t>(i));
                if (a && i == 0)
                    m_runUsers.push_back(a->user);
            }
            if (m_opActions >= op.actions) {
                ++m_op;
                m_opActions = 0;
            }
            continue;
        }
        if (op.kind == StepTape::Op::Kind::RunEach) {
            // The cores are independent: core after core gives the state the threaded
            // slice left (Arena::advanceEach).
            while (m_core < op.perCore.size() && spent < budget) {
                const std::size_t i = m_core;
                for (; m_opActions < op.perCore[i] && spent < budget; ++m_opActions, ++spent) {
                    const ActionRecord* a = i < arena.size() ? arena.advance(i) : nullptr;
                    if (a && i == 0)
                        m_runUsers.push_back(a->user);
                }
                if (m_opActions >= op.perCore[i]) {
                    ++m_core;
                    m_opActions = 0;
                }
            }
            if (m_core >= op.perCore.size()) {
                m_core = 0;
                ++m_op;
            }
            continue;
        }
        if (!m_inStep) {
            m_inStep = true;
            m_current = StepReport{};
            m_current.step = m_nextStep;
            m_current.follow = op.follow;
            m_current.cores.resize(arena.size());
        }
        // The cores are independent (each has its own engine): stepping them one after
        // the other gives what stepping them together would.
        while (m_core < arena.size() && spent < budget) {
            StepRecord& r = m_current.cores[m_core];
            r.core = static_cast<int>(m_core);
            if (op.follow == core::kNoUser) {
                arena.advance(m_core, &r);
                ++spent;
                ++m_core;
                continue;
            }
            const std::uint64_t before = r.passed;
            const Arena::Seek s = arena.seek(m_core, op.follow, r, budget - spent);
            spent += r.passed - before + 1;
            if (s == Arena::Seek::Budget)
                break;
            ++m_core;
        }
        if (m_core < arena.size())
            continue; // budget spent in the middle of a step
        m_core = 0;
        m_inStep = false;
        m_report = std::move(m_current);
        m_hasReport = true;
        ++m_nextStep;
        ++m_op;
    }
    return done();
}

} // namespace recoscope::sim
