#pragma once
// The shape every core's answer must have, checked on every request of a run (the
// simulator's guard, sim::CoreGuard) so that a faulty core stops with a message instead of
// corrupting the shopper model, the metrics or the store.

#include "recoscope/core/request.h"
#include "recoscope/core/slate.h"

#include <cstddef>
#include <string>

namespace recoscope::core {

/// Why `slate` is malformed for `request`, or an empty string when it is well formed:
/// more than request.k entries, an item id outside [0, catalogueSize), an item twice, a
/// score that is NaN or infinite, or a propensity that is neither in (0, 1] nor
/// kUnknownPropensity. The message names the position and the value.
///
/// Eligibility (stock, exclusions) is not checked here: showing an out-of-stock item is a
/// quality defect the contract suite catches (tst_recommender_contract), not a malformed
/// answer. Cost: a pairwise scan (no allocation) up to 64 entries, a sort above.
std::string slateFault(const Request& request, const Slate& slate, std::size_t catalogueSize);

/// True exactly when slateFault(request, slate, catalogueSize) is empty, without building
/// or returning a string for a well-formed slate (up to 64 entries): the check for every
/// request; call slateFault() for the message once this says false.
bool slateWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize);

/// The code slateWellFormed() runs for slates of up to 16 entries: Fastest is eight lanes
/// in AVX2 registers where the CPU has AVX2, Portable four in SSE2 registers (every
/// x86-64). Both give the same verdict; tests run both.
enum class SlateCheckCode { Fastest, Portable };
bool slateWellFormed(const Request& request, const Slate& slate, std::size_t catalogueSize,
                     SlateCheckCode code);

} // namespace recoscope::core
