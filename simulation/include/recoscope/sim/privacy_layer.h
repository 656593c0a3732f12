#pragma once
// The privacy layer between the engine and the cores (decisions/0032): what a core may see
// of the shoppers when the scenario's privacy object is on.
//
// - Pseudonyms: user u appears to the cores as pi(u), pi a permutation of [0, users) drawn
//   from the run's "privacy-pseudonyms" stream (Fisher-Yates): a bijection, the same for
//   the whole run, another for another seed. Ids stay dense, so cores index them as before.
// - The cores' user table: rows permuted with pi (row pi(u) describes u) and, with
//   withhold_demographics, every demographic code set to its count ("unknown", the code
//   cores already give an unknown user).
// - Noisy counts (epsilon_per_day > 0): cores get no event and no slate feedback; they learn
//   only from the counts NoisyCountRelease publishes.
//
// The engine owns the layer; wrap() puts a core behind it. Not thread-safe; the engine's
// thread.

#include "recoscope/core/recommender.h"
#include "recoscope/core/shop.h"
#include "recoscope/sim/noisy_count_release.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>

#include <memory>
#include <vector>

namespace recoscope::sim {

class PrivacyLayer {
public:
    /// `spec.active()` must hold. `users` and `items` are the run's tables; they must
    /// outlive the layer.
    PrivacyLayer(const PrivacySpec& spec, const core::UserTable& users,
                 const core::ItemTable& items, std::uint64_t runSeed);
    ~PrivacyLayer();

    const PrivacySpec& spec() const { return m_spec; }
    /// The user table cores are created with (permuted, demographics withheld).
    const core::UserTable& coreUsers() const { return m_coreUsers; }
    /// The id a core sees for `user` (kNoUser and ids beyond the table unchanged).
    core::UserId pseudonym(core::UserId user) const {
        return user < m_forward.size() ? m_forward[user] : user;
    }
    /// The shop's id behind a pseudonym (the inverse of pseudonym()).
    core::UserId original(core::UserId pseudonym) const {
        return pseudonym < m_backward.size() ? m_backward[pseudonym] : pseudonym;
    }
    /// An oracle that answers for pseudonyms by asking `truth` about the shop's ids, so
    /// the ground-truth cores stay what they are (upper and lower bounds).
    const core::TruthOracle* oracle(const core::TruthOracle* truth);

    /// `inner` behind the layer: requests and events with pseudonyms, and with noise on,
    /// the published counts instead of the events.
    std::unique_ptr<core::Recommender> wrap(std::unique_ptr<core::Recommender> inner);

    /// Null when epsilon_per_day is 0.
    const NoisyCountRelease* counts() const { return m_counts.get(); }
    NoisyCountRelease* counts() { return m_counts.get(); }

    /// The "privacy" block of run/report --json (docs/metrics.md, "Privacy").
    QJsonObject toJson() const;

private:
    class Oracle;
    PrivacySpec m_spec;
    std::vector<core::UserId> m_forward, m_backward;
    core::UserTable m_coreUsers;
    std::unique_ptr<NoisyCountRelease> m_counts;
    std::unique_ptr<Oracle> m_oracle;
};

} // namespace recoscope::sim
