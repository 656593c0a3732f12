#pragma once
// The onboarding options of run and compare (docs/cli.md; decisions/0031):
//   --onboarding                 (run) switch the signup questionnaire on
//   --onboarding off,on          (compare) the questionnaire per core, on the same shoppers
//   --onboarding-categories N, --onboarding-noise P, --onboarding-share S
// The values are checked as the scenario file's own fields are (the field table and its
// cross-field rules), so a bad one is refused with the field it would have set.

#include "recoscope/sim/scenario.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace recoscope::sim {

struct OnboardingOptions {
    /// `switchOnly`: run's flag form of --onboarding; else compare's value form (off,on).
    explicit OnboardingOptions(bool switchOnly);
    QList<QCommandLineOption> all() const;

    /// Applies --onboarding-categories/-noise/-share (and run's --onboarding) to
    /// `scenario`; returns the usage message for a bad value, empty when all is well.
    QString apply(const QCommandLineParser& p, Scenario& scenario) const;
    /// compare: `--onboarding A,B`, one of off|on per core, into `questionnaires`
    /// ("none" or "categories"); each label gets " onboarding:off|on".
    QString readPerCore(const QCommandLineParser& p, QStringList& labels,
                        std::vector<QString>& questionnaires) const;

    QCommandLineOption onboarding, categories, noise, share;
};

} // namespace recoscope::sim
