#include "recoscope/resources.h"

#include <QtCore/qglobal.h>

#include <mutex>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initScenarioResources() {
    Q_INIT_RESOURCE(scenarios);
}

namespace recoscope {
void initResources() {
    static std::once_flag once;
    std::call_once(once, [] { initScenarioResources(); });
}
} // namespace recoscope
