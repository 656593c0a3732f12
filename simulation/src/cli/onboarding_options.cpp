#include "onboarding_options.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace recoscope::sim {

namespace {
QCommandLineOption valued(const char* name, const char* value) {
    return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value));
}
} // namespace

OnboardingOptions::OnboardingOptions(bool switchOnly)
    : onboarding(switchOnly ? QCommandLineOption(QStringLiteral("onboarding"))
                            : valued("onboarding", "off,on")),
      categories(valued("onboarding-categories", "N")), noise(valued("onboarding-noise", "P")),
      share(valued("onboarding-share", "S")) {}

QList<QCommandLineOption> OnboardingOptions::all() const {
    return {onboarding, categories, noise, share};
}

QString OnboardingOptions::apply(const QCommandLineParser& p, Scenario& scenario) const {
    const bool runSwitch = onboarding.valueName().isEmpty() && p.isSet(onboarding);
    if (!runSwitch && !p.isSet(categories) && !p.isSet(noise) && !p.isSet(share))
        return {};
    // Through the scenario reader: the same ranges, messages and cross-field rules.
    QJsonObject doc = scenario.toJson();
    QJsonObject o = doc.value(QStringLiteral("onboarding")).toObject();
    if (runSwitch)
        o.insert(QStringLiteral("questionnaire"), QStringLiteral("categories"));
    const std::pair<const QCommandLineOption*, const char*> numbers[] = {
        {&categories, "categories"}, {&noise, "noise"}, {&share, "share"}};
    for (const auto& [opt, key] : numbers) {
        if (!p.isSet(*opt))
            continue;
        bool ok = false;
        const double v = p.value(*opt).toDouble(&ok);
        if (!ok)
            return QStringLiteral("--%1 expects a number, got '%2'")
                .arg(opt->names().first(), p.value(*opt));
        o.insert(QString::fromLatin1(key), v);
    }
    doc.insert(QStringLiteral("onboarding"), o);
    core::Result<Scenario> checked = parseScenario(
        QJsonDocument(doc).toJson(QJsonDocument::Compact), QStringLiteral("onboarding options"));
    if (!checked)
        return QString::fromStdString(checked.error());
    scenario.onboarding = checked.value().onboarding;
    return {};
}

QString OnboardingOptions::readPerCore(const QCommandLineParser& p, QStringList& labels,
                                       std::vector<QString>& questionnaires) const {
    if (!p.isSet(onboarding))
        return {};
    const QStringList list = p.value(onboarding).split(QLatin1Char(','));
    if (list.size() != labels.size())
        return QStringLiteral("--onboarding expects off or on per core (%1), got %2")
            .arg(labels.size())
            .arg(list.size());
    questionnaires.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString v = list[i].trimmed();
        if (v != QLatin1String("off") && v != QLatin1String("on"))
            return QStringLiteral("--onboarding: expected off or on, got '%1'").arg(v);
        questionnaires.push_back(v == QLatin1String("on") ? QStringLiteral("categories")
                                                          : QStringLiteral("none"));
        labels[i] += QStringLiteral(" onboarding:") + v;
    }
    return {};
}

} // namespace recoscope::sim
