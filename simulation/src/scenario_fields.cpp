#include "recoscope/sim/scenario_fields.h"

#include "scenario_field_builders.h"

namespace recoscope::sim {

namespace {

using namespace fieldrows;

std::vector<ScenarioField> buildTable() {
    std::vector<ScenarioField> t;
    ScenarioField format =
        group("format", Type::Integer, QT_TRANSLATE_NOOP("ScenarioField", "Format"),
              QT_TRANSLATE_NOOP("ScenarioField", "File format version."));
    format.range = {1, 1};
    format.read = [](const Scenario&) { return QJsonValue(1); };
    t.push_back(format);
    t.push_back(
        row<&S::name>("name", Type::Text, QT_TRANSLATE_NOOP("ScenarioField", "Name"),
                      QT_TRANSLATE_NOOP("ScenarioField", "Shown in lists and stored with runs.")));
    t.push_back(row<&S::description>(
        "description", Type::Text, QT_TRANSLATE_NOOP("ScenarioField", "Description"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "One paragraph shown in the workbench and by list-scenarios.")));
    // Seeds up to 2^53 so that they survive JSON's doubles exactly.
    t.push_back(whole<&S::seed>(
        "seed", 0, qint64(1) << 53, QT_TRANSLATE_NOOP("ScenarioField", "Seed"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "The run's random seed: the same scenario, seed and core give the same "
                          "events. The command line's --seed overrides it; every random stream "
                          "derives from it.")));
    t.push_back(real<&S::durationDays>(
        "duration_days", {0.01, 3650}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Duration (days)"),
        QT_TRANSLATE_NOOP("ScenarioField", "Simulated days the run covers."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "days")));
    t.push_back(real<&S::bucketHours>(
        "bucket_hours", {1.0 / 60.0, 24.0 * 30}, 4,
        QT_TRANSLATE_NOOP("ScenarioField", "Metric bucket (hours)"),
        QT_TRANSLATE_NOOP("ScenarioField", "Width of a metrics bucket in simulated hours: one "
                                           "chart point and one stored sample per bucket."),
        QT_TRANSLATE_NOOP("ScenarioUnit", "hours")));
    t.push_back(whole<&S::slateSize>(
        "slate_size", 1, 100, QT_TRANSLATE_NOOP("ScenarioField", "Slate size"),
        QT_TRANSLATE_NOOP("ScenarioField", "Items per recommendation slate (k).")));
    t.push_back(whole<&S::latentDim>(
        "latent_dim", 2, 128, QT_TRANSLATE_NOOP("ScenarioField", "Hidden taste dimensions"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Size of the hidden user and item vectors the shoppers act on.")));
    t.push_back(
        group("catalogue", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Catalogue"),
              QT_TRANSLATE_NOOP("ScenarioField",
                                "The items: categories, brands, prices, stock and discounts.")));
    t.push_back(group(
        "population", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Population"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "The shoppers: how many, how active, their demographics and tastes.")));
    t.push_back(
        group("behaviour", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Behaviour"),
              QT_TRANSLATE_NOOP("ScenarioField",
                                "How shoppers visit, look at slates, click, buy and leave.")));
    t.push_back(group(
        "inventory", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Inventory warnings"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Demand forecast from the sales and the warnings it gives: items about "
                          "to sell out, overstocked items. Reading only: the shop is unchanged.")));
    t.push_back(
        group("coupons", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Coupons"),
              QT_TRANSLATE_NOOP("ScenarioField",
                                "Personalised coupons at checkout: who gets one, the discount, the "
                                "daily budget and the margin the report assumes.")));
    ScenarioField privacy = group(
        "privacy", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "Privacy"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "What the cores may see: pseudonymised user ids, no demographics, and "
                          "only noisy daily counts (differential privacy with a budget per day)."));
    // Left out while off, so that every scenario written before it keeps its hash.
    privacy.omitWhenDefault = true;
    t.push_back(privacy);
    // Left out of the canonical JSON while unset: every stored scenario keeps its hash.
    ScenarioField onboarding = group(
        "onboarding", Type::Object, QT_TRANSLATE_NOOP("ScenarioField", "New-user onboarding"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "A signup questionnaire: shoppers who join during the run state a few "
                          "favourite categories, with noise, and cores may read the answers."));
    onboarding.omitWhenDefault = true;
    t.push_back(onboarding);
    ScenarioField timeline =
        group("timeline", Type::List, QT_TRANSLATE_NOOP("ScenarioField", "Timeline"),
              QT_TRANSLATE_NOOP(
                  "ScenarioField",
                  "Dated events: promotions, launches, cohorts, stock shocks and seasons."));
    timeline.maxCount = 1000;
    timeline.read = [](const Scenario& s) { return QJsonValue(timelineToJson(s.timeline)); };
    t.push_back(timeline);
    appendCatalogueFields(t);
    appendPopulationFields(t);
    appendBehaviourFields(t);
    appendInventoryFields(t);
    appendSurfaceFields(t);
    appendCouponFields(t);
    appendPrivacyFields(t);
    appendOnboardingFields(t);
    return t;
}

} // namespace

QJsonValue ScenarioField::defaultValue() const {
    return read ? read(Scenario{}) : QJsonValue();
}

const std::vector<ScenarioField>& scenarioFields() {
    // A function-local static: built on first use, after every other static is ready.
    static const std::vector<ScenarioField> table = buildTable();
    return table;
}

const ScenarioField* findScenarioField(const QString& path) {
    const QString p = path.startsWith(QLatin1String("$.")) ? path.mid(2) : path;
    for (const ScenarioField& f : scenarioFields())
        if (f.path == p)
            return &f;
    return nullptr;
}

QStringList scenarioFieldKeys(const QString& parent) {
    QStringList keys;
    for (const ScenarioField& f : scenarioFields())
        if (f.parent() == parent)
            keys << f.key();
    return keys;
}

} // namespace recoscope::sim
