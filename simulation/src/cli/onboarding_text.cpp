// The onboarding block (onboarding_report.h) as text, for `report`, `run` and `compare`:
// the newcomers' CTR session by session beside the established shoppers', per group
// (answered the questionnaire / did not), and the sessions each group needed to catch up.

#include "report_text.h"

#include "text_table.h"

#include <QJsonArray>

#include <cmath>

namespace recoscope::sim {

namespace {

double value(const QJsonValue& v) {
    return v.isDouble() ? v.toDouble() : NAN;
}

QString parity(const QJsonObject& group) {
    const QJsonValue v = group.value(QStringLiteral("sessions_to_parity"));
    if (!v.isDouble())
        return QStringLiteral("-");
    return v.toInt() > 0 ? QString::number(v.toInt()) : QStringLiteral("> 10");
}

} // namespace

QString onboardingParityText(const QJsonObject& block, const QString& group) {
    const QJsonObject g = block.value(group).toObject();
    if (value(g.value(QStringLiteral("newcomers"))) > 0.0)
        return parity(g);
    return QStringLiteral("-");
}

void writeOnboardingText(const QJsonObject& o, QTextStream& out) {
    if (o.isEmpty())
        return;
    const QJsonObject est = o.value(QStringLiteral("established")).toObject();
    const QJsonObject a = o.value(QStringLiteral("answered")).toObject();
    const QJsonObject s = o.value(QStringLiteral("silent")).toObject();
    const bool asked = o.value(QStringLiteral("questionnaire")).toString() != QLatin1String("none");
    TextTable t(
        QStringLiteral("New-user onboarding: questionnaire %1%2; established CTR %3 (%4 "
                       "impressions); sessions to reach it: answered %5, did not answer %6")
            .arg(o.value(QStringLiteral("questionnaire")).toString(),
                 asked ? QStringLiteral(" (%1 categories, noise %2, share %3)")
                             .arg(o.value(QStringLiteral("categories")).toInt())
                             .arg(TextTable::number(value(o.value(QStringLiteral("noise"))), 2),
                                  TextTable::number(value(o.value(QStringLiteral("share"))), 2))
                       : QString(),
                 TextTable::percent(value(est.value(QStringLiteral("ctr"))), 2),
                 TextTable::number(value(est.value(QStringLiteral("impressions"))), 0),
                 onboardingParityText(o, QStringLiteral("answered")),
                 onboardingParityText(o, QStringLiteral("silent"))),
        {QStringLiteral("session"), QStringLiteral("answered: impressions"), QStringLiteral("CTR"),
         QStringLiteral("did not answer: impressions"), QStringLiteral("CTR")});
    const QJsonArray as = a.value(QStringLiteral("by_session")).toArray();
    const QJsonArray ss = s.value(QStringLiteral("by_session")).toArray();
    for (qsizetype n = 0; n < std::max(as.size(), ss.size()); ++n) {
        const QJsonObject x = as.at(n).toObject(), y = ss.at(n).toObject();
        t.addRow({QString::number(n + 1),
                  TextTable::number(value(x.value(QStringLiteral("impressions"))), 0),
                  TextTable::percent(value(x.value(QStringLiteral("ctr"))), 2),
                  TextTable::number(value(y.value(QStringLiteral("impressions"))), 0),
                  TextTable::percent(value(y.value(QStringLiteral("ctr"))), 2)});
    }
    t.write(out);
}

} // namespace recoscope::sim
