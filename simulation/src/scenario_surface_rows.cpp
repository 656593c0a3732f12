// The rows of the `surfaces` object: a core per surface (docs/scenario-format.md,
// docs/use-cases.md "A strategy per surface"). Left out of toJson() while every surface is
// served by the main core, so scenarios without it keep their hash.

#include "scenario_field_builders.h"

namespace recoscope::sim::fieldrows {

namespace {

template <core::Surface K> QJsonValue readSpec(const Scenario& s) {
    return s.surfaces.at(K);
}
template <core::Surface K> void writeSpec(Scenario& s, const QJsonValue& v) {
    s.surfaces.at(K) = v.toString();
}

template <core::Surface K>
ScenarioField spec(const char* path, const char* label, const char* help) {
    ScenarioField f = group(path, Type::Text, label, help);
    f.read = &readSpec<K>;
    f.write = &writeSpec<K>;
    return f;
}

} // namespace

void appendSurfaceFields(std::vector<ScenarioField>& t) {
    ScenarioField surfaces = group(
        "surfaces", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Strategy per surface"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "A core of its own for any surface, as \"ID KEY=VALUE ...\" (e.g. "
                          "\"itemknn neighbours=20\" or \"mmr inner=itemknn lambda=0.5\"); empty: "
                          "the run's main core serves it. Every core learns from every event."));
    surfaces.omitWhenDefault = true;
    t.push_back(surfaces);
    t.push_back(spec<core::Surface::Home>(
        "surfaces.home", QT_TRANSLATE_NOOP("ScenarioField", "Home feed core"),
        QT_TRANSLATE_NOOP("ScenarioField", "Core of the home feed; empty: the main core.")));
    t.push_back(spec<core::Surface::Search>(
        "surfaces.search", QT_TRANSLATE_NOOP("ScenarioField", "Search page core"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Core of the slates beside search results; empty: the main core.")));
    t.push_back(spec<core::Surface::Product>(
        "surfaces.product", QT_TRANSLATE_NOOP("ScenarioField", "Product page core"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Core of \"related / also bought\" on product pages; empty: the main "
                          "core.")));
    t.push_back(spec<core::Surface::Cart>(
        "surfaces.cart", QT_TRANSLATE_NOOP("ScenarioField", "Cart page core"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Core of \"complete your order\" on the cart page (accessories, "
                          "consumables); empty: the main core.")));
}

} // namespace recoscope::sim::fieldrows
