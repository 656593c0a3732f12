#pragma once
// The `onboarding` block of `run --json`, `report --json`, `compare --json` and the
// workbench's cold-start table (docs/metrics.md, "New-user onboarding"; decisions/0031):
// the questionnaire's settings, the newcomers of each group (answered / did not answer),
// the established shoppers' CTR, and per group the CTR of the newcomers' n-th sessions and
// the sessions they need to reach the established CTR (core::OnboardingCurve). Every run
// has it (a run without a questionnaire has only "did not answer" newcomers), so "with"
// and "without" compare run against run; a stored run keeps it in its summary.

#include "recoscope/core/onboarding_curve.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>

namespace recoscope::sim {

QJsonObject onboardingReportJson(const OnboardingSpec& spec,
                                 const core::OnboardingCurve::Figures& figures);

/// The block's sessions-to-parity of `group` ("answered" or "silent"): 1..10, 0 when not
/// reached within 10 sessions, -1 when the block has no such newcomers (or no block).
int onboardingSessionsToParity(const QJsonObject& block, const QString& group);

} // namespace recoscope::sim
