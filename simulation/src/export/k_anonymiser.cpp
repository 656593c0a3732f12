#include "recoscope/sim/k_anonymiser.h"

#include <map>

namespace recoscope::sim {

namespace {

// Codes packed in one integer; `fields` leaves the trailing ones out (3 = no region).
std::uint32_t key(const KAnonymiser::Codes& c, int fields) {
    std::uint32_t k = 0;
    for (int f = 0; f < fields; ++f)
        k = (k << 8) | c[static_cast<std::size_t>(f)];
    return k;
}

} // namespace

KAnonymiser::Outcome KAnonymiser::generalise(std::span<const Codes> users, int k) {
    Outcome out;
    out.release.assign(users.size(), Release::Nothing);
    // An ordered map, not a hash: the counts are the same either way, but nothing here
    // should depend on a container's iteration order.
    std::map<std::uint32_t, qint64> full;
    for (const Codes& c : users)
        ++full[key(c, kFieldCount)];
    std::map<std::uint32_t, qint64> partial;
    for (std::size_t u = 0; u < users.size(); ++u) {
        if (full[key(users[u], kFieldCount)] >= k)
            out.release[u] = Release::All;
        else
            ++partial[key(users[u], kFieldCount - 1)];
    }
    // Step 2 counts only the users left over by step 1: a released (a, g, o, blank) row
    // must be indistinguishable among rows released in that same form.
    for (std::size_t u = 0; u < users.size(); ++u) {
        if (out.release[u] == Release::All)
            continue;
        if (partial[key(users[u], kFieldCount - 1)] >= k)
            out.release[u] = Release::WithoutRegion;
    }
    for (Release r : out.release) {
        switch (r) {
        case Release::All:
            ++out.keptAll;
            break;
        case Release::WithoutRegion:
            ++out.withoutRegion;
            break;
        case Release::Nothing:
            ++out.nothing;
            break;
        }
        for (int f = 0; f < kFieldCount; ++f)
            if (!keeps(r, f))
                ++out.suppressed[static_cast<std::size_t>(f)];
    }
    return out;
}

} // namespace recoscope::sim
