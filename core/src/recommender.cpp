#include "recoscope/core/recommender.h"

namespace recoscope::core {

void Recommender::observeSlate(const Request&, const Slate&, int) {}

Explanation Recommender::explain(const Request&, const SlateEntry& entry) const {
    ExplanationBuilder b;
    b.text("Item ")
        .name(std::to_string(entry.item))
        .text(" was chosen by this strategy's scoring (score ")
        .total("score", entry.score, Quantity::Score, 3)
        .text(").");
    return b.take();
}

} // namespace recoscope::core
