#include "export_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/event_export.h"
#include "recoscope/sim/id_pseudonymiser.h"
#include "recoscope/sim/run_store.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace recoscope::sim {

namespace {

QString reportText(const ExportReport& r, const QString& target, const QByteArray& newSalt) {
    QString t =
        QStringLiteral("exported %1 events (%2 users, %3 items) of %4 to %5 as %6\n")
            .arg(r.events)
            .arg(r.users)
            .arg(r.items)
            .arg(r.source, target,
                 r.format == ExportFormat::Csv ? QStringLiteral("CSV") : QStringLiteral("JSONL"));
    if (!r.anonymised) {
        t += QStringLiteral("  not anonymised: ids as stored, %1 times%2\n")
                 .arg(timeGranularityName(r.granularity),
                      r.hasDemographics ? QStringLiteral(", every demographic field") : QString());
        return t;
    }
    t += QStringLiteral("  ids: hashed (HMAC-SHA256 with a secret salt, first %1 hex digits)\n")
             .arg(IdPseudonymiser::kHexDigits);
    if (!newSalt.isEmpty())
        t += QStringLiteral("  salt: %1 (printed once, stored nowhere: keep it secret; --salt "
                            "with it makes a later export linkable to this one)\n")
                 .arg(QString::fromLatin1(newSalt.toHex()));
    t += QStringLiteral("  times: floored to the %1\n").arg(timeGranularityName(r.granularity));
    if (!r.hasDemographics) {
        t += QStringLiteral("  demographics: none in a log; only ids and times were "
                            "transformed\n");
        return t;
    }
    t += QStringLiteral("  k-anonymity (k = %1) on age_band, gender, occupation, region: %2 "
                        "users lost the region only, %3 users lost all four fields\n")
             .arg(r.k)
             .arg(r.usersWithoutRegion)
             .arg(r.usersWithoutAny);
    t += QStringLiteral("  users with the field blanked: age_band %1, gender %2, occupation %3, "
                        "region %4; %5 events have a blanked field\n")
             .arg(r.suppressedUsers[0])
             .arg(r.suppressedUsers[1])
             .arg(r.suppressedUsers[2])
             .arg(r.suppressedUsers[3])
             .arg(r.eventsWithSuppression);
    return t;
}

} // namespace

int ExportCommand::run(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption runOpt(QStringLiteral("run"), QString(), QStringLiteral("N"));
    QCommandLineOption logOpt(QStringLiteral("log"), QString(), QStringLiteral("NAME"));
    QCommandLineOption formatOpt(QStringLiteral("format"), QString(), QStringLiteral("F"));
    QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    QCommandLineOption anonOpt(
        QStringList{QStringLiteral("anonymise"), QStringLiteral("anonymize")});
    QCommandLineOption saltOpt(QStringLiteral("salt"), QString(), QStringLiteral("HEX"));
    QCommandLineOption grainOpt(QStringLiteral("time-granularity"), QString(), QStringLiteral("G"));
    QCommandLineOption kOpt(QStringLiteral("k"), QString(), QStringLiteral("N"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions(
        {dbOpt, runOpt, logOpt, formatOpt, outOpt, anonOpt, saltOpt, grainOpt, kOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (p.isSet(runOpt) == p.isSet(logOpt))
        return usage(QStringLiteral("export needs either --run N or --log NAME"));
    qlonglong runId = 0;
    if (p.isSet(runOpt)) {
        bool ok = false;
        runId = p.value(runOpt).toLongLong(&ok);
        if (!ok || runId <= 0)
            return usage(
                QStringLiteral("--run expects a run id > 0, got '%1'").arg(p.value(runOpt)));
    }
    ExportOptions options;
    if (p.isSet(formatOpt)) {
        auto format = parseExportFormat(p.value(formatOpt));
        if (!format)
            return usage(QString::fromStdString(format.error()));
        options.format = format.value();
    }
    options.anonymise = p.isSet(anonOpt);
    if (!options.anonymise && (p.isSet(saltOpt) || p.isSet(kOpt)))
        return usage(QStringLiteral("--salt and --k go with --anonymise"));
    // Anonymised exports default to hours: fine enough for daily and weekly rhythms and
    // session analyses by hour, coarse enough that exact click times cannot be matched.
    options.granularity = options.anonymise ? TimeGranularity::Hour : TimeGranularity::Exact;
    if (p.isSet(grainOpt)) {
        auto g = parseTimeGranularity(p.value(grainOpt));
        if (!g)
            return usage(QString::fromStdString(g.error()));
        options.granularity = g.value();
    }
    if (p.isSet(kOpt)) {
        bool ok = false;
        options.k = p.value(kOpt).toInt(&ok);
        if (!ok || options.k < 2)
            return usage(QStringLiteral("--k expects a whole number >= 2 (k = 1 would hide "
                                        "nothing), got '%1'")
                             .arg(p.value(kOpt)));
    }
    QByteArray newSalt;
    if (p.isSet(saltOpt)) {
        const QByteArray hex = p.value(saltOpt).toLatin1();
        const QByteArray salt = QByteArray::fromHex(hex);
        if (hex.size() % 2 || salt.toHex() != hex.toLower() ||
            salt.size() < IdPseudonymiser::kMinSaltBytes)
            return usage(QStringLiteral("--salt expects at least %1 hex digits (the salt an "
                                        "earlier export printed), got '%2'")
                             .arg(2 * IdPseudonymiser::kMinSaltBytes)
                             .arg(p.value(saltOpt)));
        options.salt = salt;
    } else if (options.anonymise) {
        newSalt = IdPseudonymiser::randomSalt();
        options.salt = newSalt;
    }

    const QString path = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    if (!QFileInfo::exists(path))
        return fail(ExitDatabase, QStringLiteral("%1: no such run store").arg(path));
    auto store = RunStore::open(path, RunStore::Mode::ReadOnly);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    auto exporter = p.isSet(runOpt)
                        ? EventExporter::forRun(*store.value(), runId, options)
                        : EventExporter::forLog(*store.value(), p.value(logOpt), options);
    if (!exporter)
        return fail(ExitDatabase, QString::fromStdString(exporter.error()));

    const QString target = p.value(outOpt);
    const bool toStdout = target.isEmpty() || target == QLatin1String("-");
    // A file is written beside its target and renamed over it only when complete.
    QSaveFile file(target);
    QBuffer buffer; // stdout when the stream has no device (in-process callers)
    QIODevice* device = nullptr;
    if (!toStdout) {
        if (!file.open(QIODevice::WriteOnly))
            return fail(ExitBadInput,
                        QStringLiteral("%1: cannot write: %2").arg(target, file.errorString()));
        device = &file;
    } else if (m_out.device()) {
        m_out.flush();
        device = m_out.device();
    } else {
        buffer.open(QIODevice::WriteOnly);
        device = &buffer;
    }
    core::Status written = exporter.value()->write(*device);
    if (written && !toStdout && !file.commit())
        return fail(ExitBadInput,
                    QStringLiteral("%1: cannot write: %2").arg(target, file.errorString()));
    if (!written) {
        const auto why = exporter.value()->failure();
        const QString message = QString::fromStdString(written.error());
        if (why == EventExporter::Failure::Output)
            return fail(ExitBadInput, QStringLiteral("%1: %2").arg(
                                          toStdout ? QStringLiteral("stdout") : target, message));
        return fail(why == EventExporter::Failure::Collision ? ExitFailure : ExitDatabase, message);
    }
    if (buffer.isOpen())
        m_out << QString::fromUtf8(buffer.data());
    m_out.flush();

    const ExportReport& r = exporter.value()->report();
    if (p.isSet(jsonOpt)) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("output"), toStdout ? QStringLiteral("-") : target);
        if (!newSalt.isEmpty())
            o.insert(QStringLiteral("salt"), QString::fromLatin1(newSalt.toHex()));
        m_err << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_err << reportText(r, toStdout ? QStringLiteral("stdout") : target, newSalt);
    }
    m_err.flush();
    return ExitOk;
}

} // namespace recoscope::sim
