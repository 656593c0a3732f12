// Broken plugins for tst_plugin_loader and the CLI test: one source, built once per
// RECOSCOPE_TEST_PLUGIN_<CASE> (tests/plugins/CMakeLists.txt), each with one defect that
// the loader must refuse with a message naming the file, never a crash.

#include <recoscope/core/plugin_api.h>

#include <memory>
#include <stdexcept>

namespace {

using namespace recoscope::core;

class FirstItems final : public Recommender {
public:
    explicit FirstItems(const ItemTable& items) : m_items(items) {}
    void observe(const Event&) override {}
    void recommend(const Request& request, Slate& out) override {
        out.clear();
        for (ItemId i = 0; i < m_items.size() && static_cast<int>(out.size()) < request.k; ++i)
            if (m_items.isAvailable(i) && !request.excludes(i))
                out.push_back({i, 1.0f, 1.0f});
    }

private:
    const ItemTable& m_items;
};

RecommenderEntry entry(const char* id) {
    RecommenderEntry e;
    e.id = id;
    e.description = "Test core";
    e.family = "baseline";
    e.make = [](const RecommenderContext& ctx, const ParamValues&,
                const RecommenderRegistry&) -> Result<std::unique_ptr<Recommender>> {
        return std::unique_ptr<Recommender>(std::make_unique<FirstItems>(*ctx.items));
    };
    return e;
}

} // namespace

#if defined(RECOSCOPE_TEST_PLUGIN_WRONG_VERSION)
// A plugin built against a future interface: its info says version (ours + 1).
extern "C" RECOSCOPE_PLUGIN_EXPORT const RecoscopePluginInfo* recoscope_plugin_info(void) {
    static const RecoscopePluginInfo info = {RECOSCOPE_PLUGIN_INTERFACE_VERSION + 1u, 0u,
                                             pluginAbiFingerprint(), "future", "9"};
    return &info;
}
#elif defined(RECOSCOPE_TEST_PLUGIN_WRONG_FINGERPRINT)
// Same version, another standard library or layout (as a plugin built by another compiler).
extern "C" RECOSCOPE_PLUGIN_EXPORT const RecoscopePluginInfo* recoscope_plugin_info(void) {
    static const RecoscopePluginInfo info = {RECOSCOPE_PLUGIN_INTERFACE_VERSION, 0u,
                                             pluginAbiFingerprint() ^ 1u, "other-abi", "1"};
    return &info;
}
#elif !defined(RECOSCOPE_TEST_PLUGIN_NO_INFO)
RECOSCOPE_PLUGIN_INFO("test plugin", "1")
#endif

#if defined(RECOSCOPE_TEST_PLUGIN_NO_INFO)
// A shared library that is no plugin at all.
extern "C" RECOSCOPE_PLUGIN_EXPORT int some_other_function(void) {
    return 1;
}
#elif !defined(RECOSCOPE_TEST_PLUGIN_NO_ENTRY)
extern "C" RECOSCOPE_PLUGIN_EXPORT void recoscope_plugin_v1(std::vector<RecommenderEntry>* cores) {
#if defined(RECOSCOPE_TEST_PLUGIN_DUPLICATE)
    // A fresh id and then one that is built in: neither may be added.
    cores->push_back(entry("test-fresh"));
    cores->push_back(entry("popularity"));
#elif defined(RECOSCOPE_TEST_PLUGIN_THROWS)
    cores->push_back(entry("test-thrower"));
    throw std::runtime_error("model file weights.bin not found");
#elif defined(RECOSCOPE_TEST_PLUGIN_EMPTY)
    (void)cores;
#elif defined(RECOSCOPE_TEST_PLUGIN_BAD_DEFAULT)
    RecommenderEntry e = entry("test-bad-default");
    ParamSpec p;
    p.key = "alpha";
    p.kind = ParamKind::Real;
    p.min = 0.0;
    p.max = 1.0;
    p.fallback = 7.0;
    p.help = "out of its own range";
    e.params.push_back(p);
    cores->push_back(e);
#else
    cores->push_back(entry("test-first-items"));
#endif
}
#endif
