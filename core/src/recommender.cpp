#include "recoscope/core/recommender.h"

namespace recoscope::core {

void Recommender::observeSlate(const Request&, const Slate&, int) {}

std::string Recommender::explain(const Request&, ItemId item) const {
    return "Item " + std::to_string(item) + " was chosen by this strategy's scoring.";
}

} // namespace recoscope::core
