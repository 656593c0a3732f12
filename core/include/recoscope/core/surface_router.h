#pragma once
// A strategy per surface: a run's main core plus, for any of the four surfaces (home feed,
// search, product page, cart page), a core of its own. SurfaceRouter is the one
// Recommender the engine sees: each request goes to the core of its surface (the main core
// where none is assigned), while every core observes every event, so each learns from the
// whole stream. Slate feedback (observeSlate) and explanations go to the core that served
// the slate. docs/decisions/0027-surface-router.md.
//
// A core spec is written "ID KEY=VALUE KEY=VALUE ..." (whitespace between the parts; no
// whitespace inside a value), e.g. "itemknn neighbours=20" or "mmr inner=itemknn lambda=0.5":
// the scenario field surfaces.<name> and the CLI's --surface NAME=SPEC take it.

#include "recoscope/core/event.h"
#include "recoscope/core/recommender.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/result.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace recoscope::core {

struct CoreSpec {
    std::string id;
    std::map<std::string, std::string> params;
    friend bool operator==(const CoreSpec&, const CoreSpec&) = default;
};

/// Parses "ID KEY=VALUE ...". Blank text gives nullopt (no core of its own). Errors say
/// what is wrong with which part ("expected KEY=VALUE after the core id, got 'x'",
/// "parameter 'k' given twice"); the registry checks ids and values later.
Result<std::optional<CoreSpec>> parseCoreSpec(std::string_view text);
/// "ID KEY=VALUE ..." with keys sorted: parseCoreSpec(formatCoreSpec(s)) == s.
std::string formatCoreSpec(const CoreSpec& spec);

/// Which surfaces have a core of their own (nullopt = the main core serves it).
struct SurfacePlan {
    std::array<std::optional<CoreSpec>, kSurfaceCount> cores;
    bool empty() const;
    const std::optional<CoreSpec>& at(Surface s) const {
        return cores[static_cast<std::size_t>(s)];
    }
};

class SurfaceRouter : public Recommender {
public:
    /// `main` serves every surface without a core in `own` (null entries). Non-null.
    SurfaceRouter(std::unique_ptr<Recommender> main,
                  std::array<std::unique_ptr<Recommender>, kSurfaceCount> own);

    void observe(const Event& event) override;
    void observeSlate(const Request& request, const Slate& slate, int clicked) override;
    void recommend(const Request& request, Slate& out) override;
    Explanation explain(const Request& request, const SlateEntry& entry) const override;

    /// The core that answers requests of `surface`.
    Recommender& coreFor(Surface surface) const;
    Recommender& mainCore() const { return *m_main; }

private:
    std::unique_ptr<Recommender> m_main;
    std::array<std::unique_ptr<Recommender>, kSurfaceCount> m_own;
};

/// Builds the router around `main` from `plan`: each assigned core is created through the
/// registry with `context`, its random stream seeded apart from the main core's (a
/// stochastic core on two surfaces does not draw the same numbers twice). An empty plan
/// returns `main` itself, untouched (a run without assignments is the run it always was).
/// Errors name the surface: "surface 'cart': unknown recommender 'x'; known: ...".
Result<std::unique_ptr<Recommender>> buildSurfaceRouter(std::unique_ptr<Recommender> main,
                                                        const SurfacePlan& plan,
                                                        const RecommenderRegistry& registry,
                                                        const RecommenderContext& context);

} // namespace recoscope::core
