#pragma once
/* The binary interface between Recoscope and a recommender plugin: a shared library built
 * out of tree against the installed core (find_package(Recoscope), docs/plugins.md).
 *
 * A plugin exports two functions with C linkage:
 *
 *   const RecoscopePluginInfo* recoscope_plugin_info(void);
 *       Plain C, safe to call whatever the plugin was built with: the loader reads the
 *       interface version and the ABI fingerprint from it before anything else, and refuses
 *       the plugin when either differs from its own.
 *
 *   void recoscope_plugin_v1(std::vector<recoscope::core::RecommenderEntry>* cores);
 *       Appends the plugin's cores, as registry entries (id, description, family, parameter
 *       schema, factory), to `cores`. Called once, on the loading thread, only after the
 *       checks passed. It may throw; the loader catches and reports it. The loader validates
 *       the entries as RecommenderRegistry::add does and adds all of them or none.
 *
 * What "stable" means here (docs/decisions/0022-cpp-plugins.md): only the info struct is a
 * C interface. The entry point and everything behind it pass C++ objects (std::string,
 * std::vector, std::function, the Recommender vtable) across the library boundary, so a
 * plugin must be built with the same compiler family, the same C++ standard library and
 * the same core headers as the program that loads it. The fingerprint catches the common
 * mismatches (another libstdc++ ABI, a debug-mode standard library, a changed layout of a
 * type that crosses the boundary); the interface version catches the rest, as long as it is
 * raised whenever the Recommender interface, the registry entry or a type they pass changes
 * meaning. A fingerprint cannot prove two builds compatible; it only refuses what it sees.
 *
 * Plugin code and memory stay loaded until the process ends (cores built by a plugin may
 * live as long as the registry); a plugin is never unloaded.
 */

#include <stdint.h>

/* Raise on every change of the Recommender interface, RecommenderEntry, ParamSpec,
 * RecommenderContext or any type they pass (Request, Slate, Event, ItemTable, UserTable,
 * Explanation, ParamValues, Result). */
#define RECOSCOPE_PLUGIN_INTERFACE_VERSION 1u

#if defined(_WIN32)
#define RECOSCOPE_PLUGIN_EXPORT __declspec(dllexport)
#else
#define RECOSCOPE_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Layout frozen forever (append-only would still break old loaders reading it). */
typedef struct RecoscopePluginInfo {
    /* RECOSCOPE_PLUGIN_INTERFACE_VERSION the plugin was compiled against. */
    uint32_t interface_version;
    uint32_t reserved;
    /* recoscope_plugin_abi_fingerprint() as the plugin saw it. */
    uint64_t abi_fingerprint;
    /* Shown in messages and the GUI; UTF-8, static storage. */
    const char* name;
    const char* version;
} RecoscopePluginInfo;

typedef const RecoscopePluginInfo* (*RecoscopePluginInfoFunction)(void);

#ifdef __cplusplus
} /* extern "C" */

#include "recoscope/core/explanation.h"
#include "recoscope/core/params.h"
#include "recoscope/core/recommender.h"
#include "recoscope/core/registry.h"
#include "recoscope/core/request.h"
#include "recoscope/core/shop.h"
#include "recoscope/core/slate.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace recoscope::core {

/// The v1 entry point's type.
using PluginEntryFunction = void (*)(std::vector<RecommenderEntry>* cores);

/// Names of the two exported symbols.
inline constexpr const char* kPluginInfoSymbol = "recoscope_plugin_info";
inline constexpr const char* kPluginEntrySymbol = "recoscope_plugin_v1";

namespace detail {
constexpr std::uint64_t fnvMix(std::uint64_t h, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        h ^= (v >> (8 * i)) & 0xffu;
        h *= 1099511628211ull;
    }
    return h;
}
} // namespace detail

/// A hash of what both sides must agree on beyond the interface version: the compiler
/// family and major version, the standard library and its ABI switches, and the size and
/// alignment of every type that crosses the boundary. Computed in the plugin (through
/// RECOSCOPE_PLUGIN_INFO) and in the loader, each with its own view of these headers.
constexpr std::uint64_t pluginAbiFingerprint() {
    using StringMap = std::map<std::string, std::string>;
    std::uint64_t h = 14695981039346656037ull;
    h = detail::fnvMix(h, RECOSCOPE_PLUGIN_INTERFACE_VERSION);
#if defined(__clang__)
    h = detail::fnvMix(h, 0xc1a9u);
    h = detail::fnvMix(h, __clang_major__);
#elif defined(__GNUC__)
    h = detail::fnvMix(h, 0x6cc0u);
    h = detail::fnvMix(h, __GNUC__);
#endif
#if defined(_GLIBCXX_RELEASE)
    h = detail::fnvMix(h, _GLIBCXX_RELEASE);
    h = detail::fnvMix(h, _GLIBCXX_USE_CXX11_ABI);
#endif
#if defined(_LIBCPP_VERSION)
    h = detail::fnvMix(h, _LIBCPP_VERSION);
#endif
#if defined(_GLIBCXX_DEBUG)
    h = detail::fnvMix(h, 0xdeb6u);
#endif
#define RECOSCOPE_FP_TYPE(T) h = detail::fnvMix(detail::fnvMix(h, sizeof(T)), alignof(T))
    RECOSCOPE_FP_TYPE(void*);
    RECOSCOPE_FP_TYPE(std::string);
    RECOSCOPE_FP_TYPE(std::vector<int>);
    RECOSCOPE_FP_TYPE(StringMap);
    RECOSCOPE_FP_TYPE(std::function<void()>);
    RECOSCOPE_FP_TYPE(ParamSpec);
    RECOSCOPE_FP_TYPE(ParamValues);
    RECOSCOPE_FP_TYPE(RecommenderEntry);
    RECOSCOPE_FP_TYPE(RecommenderContext);
    RECOSCOPE_FP_TYPE(Recommender);
    RECOSCOPE_FP_TYPE(Request);
    RECOSCOPE_FP_TYPE(SlateEntry);
    RECOSCOPE_FP_TYPE(Event);
    RECOSCOPE_FP_TYPE(ItemTable);
    RECOSCOPE_FP_TYPE(UserTable);
    RECOSCOPE_FP_TYPE(Explanation);
    RECOSCOPE_FP_TYPE(ExplanationTerm);
    RECOSCOPE_FP_TYPE(ExplanationArg);
    RECOSCOPE_FP_TYPE(Result<int>);
#undef RECOSCOPE_FP_TYPE
    return h;
}

} // namespace recoscope::core

/// Defines recoscope_plugin_info() for a plugin named NAME at VERSION (string literals).
/// Use it once, at namespace scope, in one source file of the plugin.
#define RECOSCOPE_PLUGIN_INFO(NAME, VERSION)                                                       \
    extern "C" RECOSCOPE_PLUGIN_EXPORT const RecoscopePluginInfo* recoscope_plugin_info(void) {    \
        static const RecoscopePluginInfo info = {RECOSCOPE_PLUGIN_INTERFACE_VERSION, 0u,           \
                                                 ::recoscope::core::pluginAbiFingerprint(), NAME,  \
                                                 VERSION};                                         \
        return &info;                                                                              \
    }

#endif /* __cplusplus */
