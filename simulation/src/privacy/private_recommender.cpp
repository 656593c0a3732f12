#include "private_recommender.h"

#include "recoscope/sim/privacy_layer.h"

namespace recoscope::sim {

PrivateRecommender::PrivateRecommender(PrivacyLayer& layer,
                                       std::unique_ptr<core::Recommender> inner)
    : m_layer(layer), m_inner(std::move(inner)) {}

core::Request PrivateRecommender::masked(const core::Request& request) const {
    core::Request r = request;
    r.user = m_layer.pseudonym(request.user);
    return r;
}

// Publishes the windows that ended by `t` and feeds them to the core before it sees
// anything later, so that it learns in time order.
void PrivateRecommender::catchUp(core::SimTime t) {
    NoisyCountRelease* counts = m_layer.counts();
    if (!counts)
        return;
    m_published.clear();
    counts->releaseUntil(t, m_published);
    for (const core::Event& e : m_published)
        m_inner->observe(e);
}

void PrivateRecommender::observe(const core::Event& event) {
    if (NoisyCountRelease* counts = m_layer.counts()) {
        catchUp(event.time);
        counts->count(event); // the event itself stays with the layer
        return;
    }
    core::Event e = event;
    e.user = m_layer.pseudonym(event.user);
    m_inner->observe(e);
}

void PrivateRecommender::observeSlate(const core::Request& request, const core::Slate& slate,
                                      int clicked) {
    // A click on a slate is one user's action: under noise it is only counted (observe()).
    if (m_layer.counts())
        return;
    m_inner->observeSlate(masked(request), slate, clicked);
}

void PrivateRecommender::recommend(const core::Request& request, core::Slate& out) {
    catchUp(request.time);
    m_inner->recommend(masked(request), out);
}

core::Explanation PrivateRecommender::explain(const core::Request& request,
                                              const core::SlateEntry& entry) const {
    return m_inner->explain(masked(request), entry);
}

} // namespace recoscope::sim
