#include "recoscope/core/registry.h"

#include <algorithm>

namespace recoscope::core {

Status RecommenderRegistry::add(RecommenderEntry entry) {
    if (entry.id.empty())
        return Error{"a recommender needs a non-empty id"};
    if (find(entry.id))
        return Error{"recommender id '" + entry.id + "' is registered twice"};
    if (!entry.make)
        return Error{"recommender '" + entry.id + "' has no factory"};
    for (const ParamSpec& spec : entry.params) {
        Status st = checkParamValue(spec, spec.fallback);
        if (!st)
            return Error{"recommender '" + entry.id + "': default of " + st.error()};
    }
    m_entries.push_back(std::move(entry));
    return Ok{};
}

const RecommenderEntry* RecommenderRegistry::find(const std::string& id) const {
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const RecommenderEntry& e) { return e.id == id; });
    return it == m_entries.end() ? nullptr : &*it;
}

std::vector<std::string> RecommenderRegistry::ids() const {
    std::vector<std::string> out;
    out.reserve(m_entries.size());
    for (const RecommenderEntry& e : m_entries)
        out.push_back(e.id);
    return out;
}

std::string RecommenderRegistry::unknownIdMessage(const std::string& id) const {
    std::string known;
    for (const RecommenderEntry& e : m_entries) {
        if (!known.empty())
            known += ", ";
        known += e.id;
    }
    return "unknown recommender '" + id + "'; known: " + known;
}

Result<std::unique_ptr<Recommender>>
RecommenderRegistry::create(const std::string& id, const std::map<std::string, std::string>& params,
                            const RecommenderContext& context) const {
    const RecommenderEntry* entry = find(id);
    if (!entry)
        return Error{unknownIdMessage(id)};
    Result<ParamValues> values = resolveParams(entry->params, params);
    if (!values)
        return Error{"recommender '" + id + "': " + values.error()};
    return create(id, values.value(), context);
}

Result<std::unique_ptr<Recommender>>
RecommenderRegistry::create(const std::string& id, const ParamValues& params,
                            const RecommenderContext& context) const {
    const RecommenderEntry* entry = find(id);
    if (!entry)
        return Error{unknownIdMessage(id)};
    for (const ParamSpec& spec : entry->params) {
        auto it = params.all().find(spec.key);
        if (it == params.all().end())
            return Error{"recommender '" + id + "': parameter '" + spec.key + "' is missing"};
        Status st = checkParamValue(spec, it->second);
        if (!st)
            return Error{"recommender '" + id + "': " + st.error()};
    }
    if (!context.items || !context.users)
        return Error{"recommender '" + id + "' needs the shop's item and user tables"};
    if (entry->needsOracle && !context.oracle)
        return Error{"recommender '" + id +
                     "' reads the simulator's ground truth, which this run does not provide"};
    Result<std::unique_ptr<Recommender>> made = entry->make(context, params, *this);
    if (made)
        made.value()->m_parameters = params;
    return made;
}

} // namespace recoscope::core
