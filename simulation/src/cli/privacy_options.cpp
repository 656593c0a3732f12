#include "privacy_options.h"

#include "recoscope/sim/scenario_fields.h"

namespace recoscope::sim {

std::optional<double> parseEpsilon(const QString& text) {
    if (text.trimmed() == QLatin1String("off"))
        return 0.0;
    bool ok = false;
    const double e = text.toDouble(&ok);
    // The field table's bound, so that the flag and the file accept the same budgets.
    const double most = findScenarioField(QStringLiteral("privacy.epsilon_per_day"))->range.max;
    if (!ok || !(e > 0.0) || e > most)
        return std::nullopt;
    return e;
}

QString applyPrivacyOptions(const QCommandLineParser& p, const PrivacyOptions& o,
                            PrivacySpec& spec) {
    if (p.isSet(o.epsilon)) {
        const std::optional<double> e = parseEpsilon(p.value(o.epsilon));
        if (!e)
            return QStringLiteral("--epsilon expects a number in (0, 1000] or 'off', got '%1'")
                .arg(p.value(o.epsilon));
        spec.epsilonPerDay = *e;
    }
    if (p.isSet(o.pseudonymise))
        spec.pseudonymise = QStringLiteral("on");
    if (p.isSet(o.withhold))
        spec.withholdDemographics = QStringLiteral("on");
    if (const QString why = spec.budgetProblem(); !why.isEmpty())
        return QStringLiteral("--epsilon: the scenario's privacy.") + why;
    return QString();
}

} // namespace recoscope::sim
