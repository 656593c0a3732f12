#include "recoscope/core/surface_router.h"

#include <cassert>
#include <cctype>

namespace recoscope::core {

namespace {

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// splitmix64's finaliser: a different, well-mixed seed per surface from the run's core seed.
std::uint64_t mixSeed(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

Result<std::optional<CoreSpec>> parseCoreSpec(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start)
            parts.push_back(text.substr(start, i - start));
    }
    if (parts.empty())
        return std::optional<CoreSpec>{};
    CoreSpec spec;
    spec.id = std::string(parts.front());
    if (spec.id.find('=') != std::string::npos)
        return Error{"expected a core id first, got '" + spec.id + "'"};
    for (std::size_t p = 1; p < parts.size(); ++p) {
        const std::string_view part = parts[p];
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == part.size())
            return Error{"expected KEY=VALUE after the core id, got '" + std::string(part) + "'"};
        const std::string key(part.substr(0, eq));
        if (!spec.params.emplace(key, std::string(part.substr(eq + 1))).second)
            return Error{"parameter '" + key + "' given twice"};
    }
    return std::optional<CoreSpec>{std::move(spec)};
}

std::string formatCoreSpec(const CoreSpec& spec) {
    std::string out = spec.id;
    for (const auto& [key, value] : spec.params)
        out += ' ' + key + '=' + value;
    return out;
}

bool SurfacePlan::empty() const {
    for (const auto& c : cores)
        if (c)
            return false;
    return true;
}

SurfaceRouter::SurfaceRouter(std::unique_ptr<Recommender> main,
                             std::array<std::unique_ptr<Recommender>, kSurfaceCount> own)
    : m_main(std::move(main)), m_own(std::move(own)) {
    assert(m_main);
}

Recommender& SurfaceRouter::coreFor(Surface surface) const {
    const auto& own = m_own[static_cast<std::size_t>(surface)];
    return own ? *own : *m_main;
}

void SurfaceRouter::observe(const Event& event) {
    // Every core learns from the whole stream, whichever surface it serves: a cart-page
    // core needs the product views and purchases made elsewhere.
    m_main->observe(event);
    for (auto& c : m_own)
        if (c)
            c->observe(event);
}

void SurfaceRouter::observeSlate(const Request& request, const Slate& slate, int clicked) {
    // Feedback on a slate belongs to the core that chose it (a bandit learns from its own
    // arms only).
    coreFor(request.surface).observeSlate(request, slate, clicked);
}

void SurfaceRouter::recommend(const Request& request, Slate& out) {
    coreFor(request.surface).recommend(request, out);
}

Explanation SurfaceRouter::explain(const Request& request, const SlateEntry& entry) const {
    return coreFor(request.surface).explain(request, entry);
}

Result<std::unique_ptr<Recommender>> buildSurfaceRouter(std::unique_ptr<Recommender> main,
                                                        const SurfacePlan& plan,
                                                        const RecommenderRegistry& registry,
                                                        const RecommenderContext& context) {
    if (plan.empty())
        return main;
    std::array<std::unique_ptr<Recommender>, kSurfaceCount> own;
    for (int s = 0; s < kSurfaceCount; ++s) {
        const auto& spec = plan.cores[static_cast<std::size_t>(s)];
        if (!spec)
            continue;
        const std::string where =
            "surface '" + std::string(surfaceName(static_cast<Surface>(s))) + "': ";
        if (!registry.find(spec->id))
            return Error{where + registry.unknownIdMessage(spec->id)};
        RecommenderContext ctx = context;
        ctx.seed = mixSeed(context.seed ^ (0x51ull + static_cast<std::uint64_t>(s)));
        auto made = registry.create(spec->id, spec->params, ctx);
        if (!made)
            return Error{where + made.error()};
        own[static_cast<std::size_t>(s)] = std::move(made).value();
    }
    return std::unique_ptr<Recommender>(new SurfaceRouter(std::move(main), std::move(own)));
}

} // namespace recoscope::core
