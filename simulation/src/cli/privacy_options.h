#pragma once
// run's privacy options (decisions/0032): `--epsilon E|off`, `--pseudonymise`,
// `--withhold-demographics`, each over the scenario's privacy object.

#include "recoscope/sim/scenario.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace recoscope::sim {

struct PrivacyOptions {
    QCommandLineOption epsilon{QStringLiteral("epsilon"), QString(), QStringLiteral("E|off")};
    QCommandLineOption pseudonymise{QStringLiteral("pseudonymise")};
    QCommandLineOption withhold{QStringLiteral("withhold-demographics")};
    void addTo(QCommandLineParser& p) const { p.addOptions({epsilon, pseudonymise, withhold}); }
};

/// `--epsilon`'s value: a number in (0, 1000] or "off" (0); nullopt for anything else.
std::optional<double> parseEpsilon(const QString& text);

/// Applies the set options to `spec`; returns the usage message for a bad value or a
/// budget the scenario's releases would overspend (empty when fine).
QString applyPrivacyOptions(const QCommandLineParser& p, const PrivacyOptions& o,
                            PrivacySpec& spec);

} // namespace recoscope::sim
