#pragma once
// StepJob: plays StepTape ops on an arena in bounded portions, so that a thread shell
// (EngineWorker) stays responsive: a step that follows a shopper may go through thousands
// of other actions first, and a replay (Step back) redoes everything since the seed.
// Plain class, used on the arena's thread only.

#include "recoscope/sim/arena.h"
#include "recoscope/sim/inspection.h"
#include "recoscope/sim/step_tape.h"

#include <cstdint>
#include <vector>

namespace recoscope::sim {

class StepJob {
public:
    /// Plays `ops` in order; the first Step op among them is step number `firstStep`.
    StepJob(std::vector<StepTape::Op> ops, int firstStep);

    /// Takes at most about `budget` actions; true once every op is done.
    bool work(Arena& arena, std::uint64_t budget);
    bool done() const { return m_op >= m_ops.size(); }
    /// Whether a Step op ran, and the report of the last one (generation left 0).
    bool hasReport() const { return m_hasReport; }
    const StepReport& report() const { return m_report; }
    /// Users of the actions taken for Run ops (for the worker's list of active shoppers).
    std::vector<core::UserId> takeRunUsers();

private:
    std::vector<StepTape::Op> m_ops;
    std::size_t m_op = 0;          // current op
    std::uint64_t m_opActions = 0; // Run: advance calls made so far
    std::size_t m_core = 0;        // Step: the core being stepped
    bool m_inStep = false;         // a Step op has started (its report is being filled)
    int m_nextStep;
    StepReport m_current, m_report;
    bool m_hasReport = false;
    std::vector<core::UserId> m_runUsers;
};

} // namespace recoscope::sim
