// The rows of the onboarding object (docs/use-cases.md, "New-user onboarding";
// decisions/0031). The questionnaire's default "none" keeps every run as it was.

#include "scenario_field_builders.h"

namespace recoscope::sim::fieldrows {

using O = OnboardingSpec;

void appendOnboardingFields(std::vector<ScenarioField>& t) {
    ScenarioField q = row<&S::onboarding, &O::questionnaire>(
        "onboarding.questionnaire", ScenarioField::Type::Choice,
        QT_TRANSLATE_NOOP("ScenarioField", "Questionnaire"),
        QT_TRANSLATE_NOOP(
            "ScenarioField",
            "none: no signup questions. categories: each shopper who joins during the run may "
            "name their favourite leaf categories, drawn from their true tastes with noise; "
            "cores that use the answers say so in their description (content)."));
    q.choices = {QStringLiteral("none"), QStringLiteral("categories")};
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "categories");
    t.push_back(q);
    t.push_back(whole<&S::onboarding, &O::categories>(
        "onboarding.categories", 1, 20, QT_TRANSLATE_NOOP("ScenarioField", "Stated categories"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Leaf categories each answer names: the shopper's favourites by true "
                          "affinity, most liked first (fewer than the shop's leaf categories).")));
    t.push_back(real<&S::onboarding, &O::noise>(
        "onboarding.noise", {0, 1}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Answer noise"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Probability that a stated category is a random other leaf instead of "
                          "a true favourite (1 = answers carry no information).")));
    t.push_back(real<&S::onboarding, &O::share>(
        "onboarding.share", {0, 1}, 2, QT_TRANSLATE_NOOP("ScenarioField", "Share who answer"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Share of the shoppers joining during the run who answer; the others "
                          "skip the questionnaire and are the comparison group.")));
}

} // namespace recoscope::sim::fieldrows
