#include "recoscope/sim/privacy_layer.h"

#include "private_recommender.h"

#include "recoscope/sim/seeds.h"

#include <boost/random/uniform_int_distribution.hpp>

#include <numeric>

namespace recoscope::sim {

class PrivacyLayer::Oracle final : public core::TruthOracle {
public:
    Oracle(const PrivacyLayer& layer, const core::TruthOracle& truth)
        : m_layer(layer), m_truth(truth) {}
    float trueUtility(core::UserId user, core::ItemId item, core::SimTime time) const override {
        return m_truth.trueUtility(m_layer.original(user), item, time);
    }

private:
    const PrivacyLayer& m_layer;
    const core::TruthOracle& m_truth;
};

PrivacyLayer::PrivacyLayer(const PrivacySpec& spec, const core::UserTable& users,
                           const core::ItemTable& items, std::uint64_t runSeed)
    : m_spec(spec), m_coreUsers(users) {
    const std::size_t n = users.size();
    if (spec.pseudonymising()) {
        // Fisher-Yates with Boost's distribution: the same permutation on every platform.
        m_forward.resize(n);
        std::iota(m_forward.begin(), m_forward.end(), core::UserId{0});
        auto rng = makeComponentEngine(streamSeed(runSeed, "privacy-pseudonyms"));
        for (std::size_t i = n; i > 1; --i) {
            boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
            std::swap(m_forward[i - 1], m_forward[pick(rng)]);
        }
        m_backward.resize(n);
        for (std::size_t u = 0; u < n; ++u)
            m_backward[m_forward[u]] = static_cast<core::UserId>(u);
        for (std::size_t u = 0; u < n; ++u) {
            const std::size_t p = m_forward[u];
            m_coreUsers.ageBand[p] = users.ageBand[u];
            m_coreUsers.gender[p] = users.gender[u];
            m_coreUsers.occupation[p] = users.occupation[u];
            m_coreUsers.region[p] = users.region[u];
            m_coreUsers.joinTime[p] = users.joinTime[u];
        }
    }
    if (spec.withholding()) {
        // The code equal to the count is "unknown": wide & deep already gives it to users
        // beyond the table, and the demographic core finds no segment for it.
        m_coreUsers.ageBand.assign(n, users.ageBandCount);
        m_coreUsers.gender.assign(n, users.genderCount);
        m_coreUsers.occupation.assign(n, users.occupationCount);
        m_coreUsers.region.assign(n, users.regionCount);
    }
    if (spec.noisy())
        m_counts = std::make_unique<NoisyCountRelease>(spec, items, n, runSeed);
}

PrivacyLayer::~PrivacyLayer() = default;

const core::TruthOracle* PrivacyLayer::oracle(const core::TruthOracle* truth) {
    if (!truth || !m_spec.pseudonymising())
        return truth;
    if (!m_oracle)
        m_oracle = std::make_unique<Oracle>(*this, *truth);
    return m_oracle.get();
}

std::unique_ptr<core::Recommender> PrivacyLayer::wrap(std::unique_ptr<core::Recommender> inner) {
    return std::make_unique<PrivateRecommender>(*this, std::move(inner));
}

QJsonObject PrivacyLayer::toJson() const {
    QJsonObject o{{QStringLiteral("pseudonymise"), m_spec.pseudonymising()},
                  {QStringLiteral("withhold_demographics"), m_spec.withholding()},
                  {QStringLiteral("epsilon_per_day"), m_spec.epsilonPerDay},
                  {QStringLiteral("mode"),
                   m_counts ? QStringLiteral("noisy_counts") : QStringLiteral("events")}};
    if (!m_counts)
        return o;
    const NoisyCountRelease& c = *m_counts;
    const PrivacyAccountant& a = c.accountant();
    o.insert(QStringLiteral("releases_per_day"), m_spec.releasesPerDay);
    o.insert(QStringLiteral("epsilon_per_release"), m_spec.releaseEpsilon());
    o.insert(QStringLiteral("contribution_cap"), m_spec.contributionCap);
    o.insert(QStringLiteral("noise_scale"), c.noiseScale());
    o.insert(QStringLiteral("threshold"), c.threshold());
    o.insert(QStringLiteral("releases"), static_cast<double>(a.releases().size()));
    o.insert(QStringLiteral("epsilon_spent"), a.totalSpent());
    o.insert(QStringLiteral("max_epsilon_per_day"), a.maxDaySpent());
    o.insert(QStringLiteral("days"), a.daysJson());
    o.insert(QStringLiteral("events_counted"), static_cast<double>(c.eventsCounted()));
    o.insert(QStringLiteral("events_over_cap"), static_cast<double>(c.eventsOverCap()));
    o.insert(QStringLiteral("events_released"), static_cast<double>(c.eventsReleased()));
    return o;
}

} // namespace recoscope::sim
