#include "privacy_curve_command.h"

#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/privacy_curve.h"

#include "privacy_options.h"
#include "run_limit_options.h"
#include "text_table.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace recoscope::sim {

int PrivacyCurveCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption scenarioOpt(QStringLiteral("scenario"), QString(),
                                   QStringLiteral("NAME|FILE"));
    QCommandLineOption recsOpt(QStringLiteral("recommenders"), QString(), QStringLiteral("A,B"));
    QCommandLineOption epsOpt(QStringLiteral("epsilons"), QString(), QStringLiteral("E1,E2"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption eventsOpt(QStringLiteral("events"), QString(), QStringLiteral("N"));
    QCommandLineOption daysOpt(QStringLiteral("days"), QString(), QStringLiteral("D"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({scenarioOpt, recsOpt, epsOpt, seedOpt, eventsOpt, daysOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(scenarioOpt) || !p.isSet(recsOpt) || !p.isSet(epsOpt))
        return usage(QStringLiteral(
            "privacy-curve needs --scenario NAME|FILE, --recommenders A[,B] and --epsilons E1,E2"));
    if (p.isSet(eventsOpt) && p.isSet(daysOpt))
        return usage(QStringLiteral("--events and --days: choose one"));
    PrivacyCurveSpec spec;
    for (const QString& id : p.value(recsOpt).split(QLatin1Char(','))) {
        const std::string key = id.trimmed().toStdString();
        if (!m_registry.find(key))
            return usage(QString::fromStdString(m_registry.unknownIdMessage(key)));
        spec.cores.push_back(key);
    }
    for (const QString& text : p.value(epsOpt).split(QLatin1Char(','))) {
        const std::optional<double> e = parseEpsilon(text);
        if (!e || *e == 0.0)
            return usage(QStringLiteral("--epsilons expects numbers in (0, 1000], got '%1' (the "
                                        "run with the noise off is always added)")
                             .arg(text));
        spec.epsilons.push_back(*e);
    }
    if (const QString bad = readRunLimits(p, eventsOpt, daysOpt, spec.limits); !bad.isEmpty())
        return usage(bad);
    core::Result<Scenario> scenario = loadScenario(p.value(scenarioOpt));
    if (!scenario)
        return fail(ExitBadInput, QString::fromStdString(scenario.error()));
    spec.scenario = scenario.value();
    spec.seed = spec.scenario.seed;
    if (const QString bad = readSeed(p, seedOpt, spec.seed); !bad.isEmpty())
        return usage(bad);
    auto curve = PrivacyCurve::run(spec, m_registry, m_cancel);
    if (!curve)
        return usage(QString::fromStdString(curve.error()));
    if (p.isSet(jsonOpt)) {
        m_out << QJsonDocument(curve.value().toJson()).toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitOk;
    }
    TextTable t(QStringLiteral("CTR against the privacy budget: scenario %1, seed %2")
                    .arg(spec.scenario.name)
                    .arg(spec.seed),
                {QStringLiteral("core"), QStringLiteral("epsilon/day"), QStringLiteral("CTR"),
                 QStringLiteral("clicks"), QStringLiteral("impressions"),
                 QStringLiteral("epsilon spent"), QStringLiteral("z vs off")});
    for (const PrivacyCurvePoint& pt : curve.value().points)
        t.addRow({QString::fromStdString(pt.core),
                  pt.epsilon > 0 ? QString::number(pt.epsilon) : QStringLiteral("off"),
                  TextTable::percent(pt.ctr, 2), TextTable::number(pt.clicks, 0),
                  TextTable::number(pt.impressions, 0), TextTable::number(pt.epsilonSpent, 2),
                  pt.epsilon > 0 ? TextTable::number(pt.zAgainstOff, 1) : QStringLiteral("-")});
    t.write(m_out);
    m_out << "z vs off: two-proportion z of the CTR against the same core with the noise off "
             "(negative: fewer clicks); |z| > 1.96 is significant at 5 %.\n";
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
