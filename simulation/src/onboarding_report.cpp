#include "recoscope/sim/onboarding_report.h"

#include <QJsonArray>

namespace recoscope::sim {

namespace {

using Curve = core::OnboardingCurve;

QJsonValue rate(const Curve::Cell& c) {
    return c.impressions ? QJsonValue(c.ctr()) : QJsonValue(QJsonValue::Null);
}

QJsonObject group(const Curve::Figures& f, int g) {
    QJsonArray sessions;
    for (int n = 0; n < Curve::kSessions; ++n) {
        const Curve::Cell& c = f.bySession[g][static_cast<std::size_t>(n)];
        sessions.append(
            QJsonObject{{QStringLiteral("session"), n + 1},
                        {QStringLiteral("impressions"), static_cast<double>(c.impressions)},
                        {QStringLiteral("clicks"), static_cast<double>(c.clicks)},
                        {QStringLiteral("ctr"), rate(c)}});
    }
    const int parity = Curve::sessionsToParity(f.bySession[g], f.established);
    // null: no newcomer of the group had a session; 0 would read as "at once".
    QJsonValue toParity = f.reached[g] == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(parity);
    return {{QStringLiteral("newcomers"), static_cast<double>(f.newcomers[g])},
            {QStringLiteral("with_sessions"), static_cast<double>(f.reached[g])},
            {QStringLiteral("sessions_to_parity"), toParity},
            {QStringLiteral("by_session"), sessions}};
}

} // namespace

QJsonObject onboardingReportJson(const OnboardingSpec& spec, const Curve::Figures& f) {
    return {{QStringLiteral("questionnaire"), spec.questionnaire},
            {QStringLiteral("categories"), spec.categories},
            {QStringLiteral("noise"), spec.noise},
            {QStringLiteral("share"), spec.share},
            {QStringLiteral("max_sessions"), Curve::kSessions},
            {QStringLiteral("min_impressions"), static_cast<double>(Curve::kMinImpressions)},
            {QStringLiteral("established"),
             QJsonObject{
                 {QStringLiteral("impressions"), static_cast<double>(f.established.impressions)},
                 {QStringLiteral("clicks"), static_cast<double>(f.established.clicks)},
                 {QStringLiteral("ctr"), rate(f.established)}}},
            {QStringLiteral("answered"), group(f, Curve::Answered)},
            {QStringLiteral("silent"), group(f, Curve::Silent)}};
}

int onboardingSessionsToParity(const QJsonObject& block, const QString& groupName) {
    const QJsonObject g = block.value(groupName).toObject();
    if (g.isEmpty() || g.value(QStringLiteral("newcomers")).toDouble() <= 0.0)
        return -1;
    const QJsonValue v = g.value(QStringLiteral("sessions_to_parity"));
    return v.isDouble() ? v.toInt() : -1;
}

} // namespace recoscope::sim
