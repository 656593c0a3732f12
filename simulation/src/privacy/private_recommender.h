#pragma once
// Internal: a core behind the privacy layer (privacy_layer.h, decisions/0032). Requests,
// slate feedback and events reach the inner core with pseudonyms; with noise on, events
// and slate feedback never reach it: before each call it gets the counts published since
// (NoisyCountRelease) as events of no user.

#include "recoscope/core/recommender.h"

#include <memory>
#include <vector>

namespace recoscope::sim {

class PrivacyLayer;

class PrivateRecommender final : public core::Recommender {
public:
    PrivateRecommender(PrivacyLayer& layer, std::unique_ptr<core::Recommender> inner);

    void observe(const core::Event& event) override;
    void observeSlate(const core::Request& request, const core::Slate& slate, int clicked) override;
    void recommend(const core::Request& request, core::Slate& out) override;
    core::Explanation explain(const core::Request& request,
                              const core::SlateEntry& entry) const override;

    core::Recommender& inner() const { return *m_inner; }

private:
    core::Request masked(const core::Request& request) const;
    void catchUp(core::SimTime t);

    PrivacyLayer& m_layer;
    std::unique_ptr<core::Recommender> m_inner;
    std::vector<core::Event> m_published; // reused buffer
};

} // namespace recoscope::sim
