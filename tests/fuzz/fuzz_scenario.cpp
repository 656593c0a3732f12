// Fuzz target: the scenario loader (JSON text -> Scenario, validation by the field table).
// Any input must give a Scenario or an error message naming the source; never a crash.

#include "fuzz_target.h"
#include "recoscope/sim/scenario.h"

#include <QByteArray>
#include <QString>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto s = recoscope::sim::parseScenario(json, QStringLiteral("fuzz.json"));
    if (!s.ok() && s.error().empty())
        std::abort(); // an error must say what is wrong
    if (s.ok()) {
        // What was accepted must round-trip: the canonical JSON parses to the same hash.
        auto again = recoscope::sim::parseScenario(s.value().canonicalJson(), QStringLiteral("x"));
        if (!again.ok() || again.value().hash() != s.value().hash())
            std::abort();
    }
    return 0;
}
