#pragma once
// How a simulated shopper reacts: utilities, the choice among a slate, and the funnel
// after a click (favourite, cart, purchase at the end of the session).

#include "recoscope/core/event.h"
#include "recoscope/core/slate.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/sim/session.h"
#include "recoscope/sim/world.h"

#include <boost/random/discrete_distribution.hpp>

#include <vector>

namespace recoscope::sim {

class ShopperModel {
public:
    ShopperModel(const Scenario& scenario, const World& world);

    /// True utility of an item for a user (before the no-click threshold).
    float utility(core::UserId user, core::ItemId item) const;

    /// Which slate position the shopper clicks, or -1: multinomial logit over the
    /// examined positions plus a no-click option; position p is examined with
    /// probability positionBias^p.
    int chooseFromSlate(Session& s, const core::Slate& slate) const;

    /// An item the shopper reaches without the recommender (browsing, search results):
    /// a few popular candidates, the best for this shopper by utility with noise.
    core::ItemId organicItem(Session& s) const;

    /// After the shopper looked at an item: appends Favourite / CartAdd events and puts
    /// the item in the cart as decided. `fromRec` and `position` carry attribution.
    void afterView(Session& s, core::ItemId item, bool fromRec, std::int16_t position, core::SimTime t,
                   std::vector<core::Event>& out) const;

    /// End of the session: each cart line is bought or abandoned.
    void checkout(Session& s, core::SimTime t, std::vector<core::Event>& out) const;

    bool continues(Session& s) const;
    bool browsesOrganically(Session& s) const;
    bool searchesFirst(Session& s) const;
    /// Simulated seconds until the shopper's next step.
    double thinkTime(Session& s) const;

private:
    const Scenario& m_scenario;
    const World& m_world;
    float m_affinityScale;
    boost::random::discrete_distribution<core::ItemId, double> m_popular;
    std::vector<float> m_examine; // positionBias^p
};

} // namespace recoscope::sim
