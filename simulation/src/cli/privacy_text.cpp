// The privacy block (PrivacyLayer::toJson, decisions/0032) as text, for `report` and `run`:
// what the cores were allowed to see and what the accountant counted.

#include "report_text.h"

#include <QJsonArray>

namespace recoscope::sim {

void writePrivacyText(const QJsonObject& p, QTextStream& out) {
    if (p.isEmpty())
        return;
    const auto yes = [&](const char* key) {
        return p.value(QLatin1String(key)).toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    };
    out << "Privacy: cores saw pseudonymised ids " << yes("pseudonymise")
        << ", demographics withheld " << yes("withhold_demographics") << ", learning from "
        << (p.value(QStringLiteral("mode")).toString() == QLatin1String("noisy_counts")
                ? QStringLiteral("noisy counts")
                : QStringLiteral("the events"))
        << "\n";
    if (p.value(QStringLiteral("mode")).toString() != QLatin1String("noisy_counts"))
        return;
    const auto num = [&](const char* key, int decimals) {
        return QString::number(p.value(QLatin1String(key)).toDouble(), 'f', decimals);
    };
    out << "  budget       epsilon " << num("epsilon_per_day", 3) << " per day, "
        << num("releases_per_day", 0) << " release(s) a day at epsilon "
        << num("epsilon_per_release", 3) << ", cap " << num("contribution_cap", 0)
        << " events per user and day\n"
        << "  noise        Laplace scale " << num("noise_scale", 2) << ", published from "
        << num("threshold", 1) << "\n"
        << "  accountant   " << num("releases", 0) << " releases, epsilon spent "
        << num("epsilon_spent", 3) << " (at most " << num("max_epsilon_per_day", 3)
        << " on a day)\n"
        << "  events       " << num("events_counted", 0) << " counted, "
        << num("events_over_cap", 0) << " over the cap, " << num("events_released", 0)
        << " published to the cores\n";
}

} // namespace recoscope::sim
