#pragma once
// The one place recommenders are found: id -> description, parameter schema, factory.

#include "recoscope/core/params.h"
#include "recoscope/core/recommender.h"
#include "recoscope/core/result.h"
#include "recoscope/core/shop.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace recoscope::core {

class RecommenderRegistry;

struct RecommenderEntry {
    /// Stable id, persisted in run stores ("itemknn").
    std::string id;
    /// One line for lists and tooltips.
    std::string description;
    /// Family shown as a group in pickers ("baseline", "neighbourhood", ...).
    std::string family;
    std::vector<ParamSpec> params;
    /// True for the bound cores that read the simulator's ground truth.
    bool needsOracle = false;
    /// Builds an instance. The registry is passed so that wrappers (hybrids, re-rankers)
    /// can build the cores they wrap. Parameters are already validated against `params`.
    std::function<Result<std::unique_ptr<Recommender>>(
        const RecommenderContext&, const ParamValues&, const RecommenderRegistry&)>
        make;
};

class RecommenderRegistry {
public:
    /// Adds an entry; refuses an empty or duplicate id.
    Status add(RecommenderEntry entry);

    /// Entry by id, or nullptr.
    const RecommenderEntry* find(const std::string& id) const;

    /// Ids in registration order.
    std::vector<std::string> ids() const;
    const std::vector<RecommenderEntry>& entries() const { return m_entries; }

    /// Validates the textual parameters against the schema, then builds the core.
    /// Unknown ids are refused with the list of known ones.
    Result<std::unique_ptr<Recommender>> create(const std::string& id,
                                                const std::map<std::string, std::string>& params,
                                                const RecommenderContext& context) const;
    /// Same with already-resolved parameters.
    Result<std::unique_ptr<Recommender>> create(const std::string& id, const ParamValues& params,
                                                const RecommenderContext& context) const;

    /// "unknown recommender 'x'; known: random, popularity, ..."
    std::string unknownIdMessage(const std::string& id) const;

private:
    std::vector<RecommenderEntry> m_entries;
};

/// Registers every core that ships with Recoscope. Called by both mains and the tests.
void registerBuiltinRecommenders(RecommenderRegistry& registry);

} // namespace recoscope::core
