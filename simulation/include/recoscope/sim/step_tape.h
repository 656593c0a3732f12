#pragma once
// StepTape: what was done to an arena since it was created, in order — runs of actions
// (advancing slowest() n times, as Resume does) and teaching steps (one action per core,
// or every core to one shopper's next action). The arena is deterministic, so replaying a
// prefix on a fresh arena built from the same spec rebuilds exactly the state after any
// earlier step: that is Step back (docs/decisions/0017-teaching-follow-and-step-back.md). Plain
// value type; O(steps + pauses) memory.

#include "recoscope/core/types.h"

#include <cstdint>
#include <vector>

namespace recoscope::sim {

class StepTape {
public:
    struct Op {
        /// Run: advance(slowest()) `actions` times. RunEach: advance(i) perCore[i] times for
        /// every core i, in any order (Arena::advanceEach, threaded slices).
        enum class Kind { Run, Step, RunEach };
        Kind kind = Kind::Step;
        std::uint64_t actions = 0;           ///< Run: calls of advance(slowest())
        core::UserId follow = core::kNoUser; ///< Step: the shopper followed, or none
        std::vector<std::uint64_t> perCore;  ///< RunEach: calls of advance(i) per core
    };

    /// `actions` more advance(slowest()) calls (merged with a run just before).
    void recordRun(std::uint64_t actions);
    /// advance(i) `calls[i]` more times per core (merged with a RunEach just before).
    void recordRunEach(const std::vector<std::uint64_t>& calls);
    /// One teaching step; `follow` = core::kNoUser for one action per core.
    void recordStep(core::UserId follow);
    /// Teaching steps recorded.
    int steps() const { return m_steps; }
    /// The ops that rebuild the arena as it was right after step `n` (0 = the runs before
    /// the first step), n in [0, steps()].
    std::vector<Op> prefix(int n) const;
    /// Forgets everything after step `n` (Step back).
    void truncate(int n);
    const std::vector<Op>& ops() const { return m_ops; }

private:
    std::vector<Op> m_ops;
    int m_steps = 0;
};

} // namespace recoscope::sim
