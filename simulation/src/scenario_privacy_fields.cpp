// The rows of the privacy object (docs/use-cases.md, "Privacy"; decisions/0032). Every
// default is "off": such a scenario builds no privacy layer and runs as it always did.

#include "scenario_field_builders.h"

namespace recoscope::sim::fieldrows {

using K = PrivacySpec;

namespace {

ScenarioField onOff(ScenarioField f) {
    f.choices = {QStringLiteral("off"), QStringLiteral("on")};
    return f;
}

} // namespace

void appendPrivacyFields(std::vector<ScenarioField>& t) {
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "off");
    (void)QT_TRANSLATE_NOOP("ScenarioChoice", "on");
    t.push_back(onOff(row<&S::privacy, &K::pseudonymise>(
        "privacy.pseudonymise", ScenarioField::Type::Choice,
        QT_TRANSLATE_NOOP("ScenarioField", "Pseudonymise users"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "on: cores see every user id through a permutation keyed by the run's "
                          "seed. Ids stay consistent within a run, so cores still learn, but "
                          "cannot be joined with the shop's own ids."))));
    t.push_back(onOff(row<&S::privacy, &K::withholdDemographics>(
        "privacy.withhold_demographics", ScenarioField::Type::Choice,
        QT_TRANSLATE_NOOP("ScenarioField", "Withhold demographics"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "on: the user table the cores get has age band, gender, occupation and "
                          "region unknown for everyone; the demographic core falls back to "
                          "shop-wide popularity."))));
    t.push_back(real<&S::privacy, &K::epsilonPerDay>(
        "privacy.epsilon_per_day", {0, 1000}, 3,
        QT_TRANSLATE_NOOP("ScenarioField", "Privacy budget per day (epsilon)"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Differential privacy: 0 = off. Otherwise cores never see an event; "
                          "they learn only from per-item event counts, each user's events "
                          "capped per day, released with Laplace noise (scale cap / epsilon of "
                          "the release). Smaller epsilon: more noise, more privacy.")));
    t.push_back(whole<&S::privacy, &K::releasesPerDay>(
        "privacy.releases_per_day", 1, 24, QT_TRANSLATE_NOOP("ScenarioField", "Releases per day"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "How often the noisy counts are released to the cores; each release "
                          "covers 24 / releases hours and spends its own epsilon.")));
    t.push_back(real<&S::privacy, &K::epsilonPerRelease>(
        "privacy.epsilon_per_release", {0, 1000}, 3,
        QT_TRANSLATE_NOOP("ScenarioField", "Epsilon per release"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Budget one release spends; 0 = the day's budget split evenly over its "
                          "releases. A day's releases may not spend more than the day's budget "
                          "(sequential composition): such a scenario is refused. Unused while "
                          "epsilon_per_day is 0.")));
    t.push_back(whole<&S::privacy, &K::contributionCap>(
        "privacy.contribution_cap", 1, 10000,
        QT_TRANSLATE_NOOP("ScenarioField", "Contribution cap per user and day"),
        QT_TRANSLATE_NOOP("ScenarioField",
                          "Events of one user counted per simulated day at most; later ones are "
                          "left out of the counts. It bounds what one user can change in a "
                          "release (its sensitivity).")));
}

} // namespace recoscope::sim::fieldrows
