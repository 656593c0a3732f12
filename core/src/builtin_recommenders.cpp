// The list of cores that ship with Recoscope. Registration is explicit (no static
// constructors): a static library's linker would drop self-registering objects.

#include "recoscope/core/registry.h"

#include "recommenders/itemknn_recommender.h"
#include "recommenders/popularity_recommender.h"
#include "recommenders/random_recommender.h"

#include <cassert>

namespace recoscope::core {

void registerBuiltinRecommenders(RecommenderRegistry& registry) {
    for (RecommenderEntry (*entry)() : {&randomRecommenderEntry, &popularityRecommenderEntry,
                                        &itemKnnRecommenderEntry}) {
        [[maybe_unused]] Status st = registry.add(entry());
        assert(st.ok());
    }
}

} // namespace recoscope::core
