#include "fit_command.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/event_profile.h"
#include "recoscope/sim/log_fit.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"

#include "run_limit_options.h"
#include "text_table.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <optional>
#include <string_view>

namespace recoscope::sim {

namespace {

// A read-only open that never creates the file (a typo must not leave an empty store).
core::Result<std::unique_ptr<RunStore>> openExisting(const QString& path) {
    if (!QFileInfo::exists(path))
        return core::Error{QStringLiteral("%1: no such run store").arg(path).toStdString()};
    return RunStore::open(path, RunStore::Mode::ReadOnly);
}

QString cell(const QJsonValue& v) {
    if (v.isArray()) {
        // Rhythm weights: the peak slot says more in a table than 24 numbers.
        const QJsonArray a = v.toArray();
        qsizetype peak = 0;
        for (qsizetype k = 1; k < a.size(); ++k)
            if (a.at(k).toDouble() > a.at(peak).toDouble())
                peak = k;
        return QStringLiteral("%1 weights, peak at %2").arg(a.size()).arg(peak);
    }
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 5);
    return v.isNull() ? QStringLiteral("-") : v.toVariant().toString();
}

// Total variation distance between two share vectors (half the L1 distance): 0 = the same
// rhythm, 1 = disjoint. Slots undefined on either side are left out.
template <std::size_t N>
double totalVariation(const std::array<double, N>& a, const std::array<double, N>& b) {
    double d = 0.0;
    for (std::size_t k = 0; k < N; ++k)
        if (std::isfinite(a[k]) && std::isfinite(b[k]))
            d += std::abs(a[k] - b[k]);
    return d / 2.0;
}

} // namespace

FitCommand::FitCommand(QTextStream& out, QTextStream& err) : CliCommand(out, err) {}

bool FitCommand::parseUtcOffset(const QString& text, double& hours) {
    bool ok = false;
    hours = text.toDouble(&ok);
    return ok && std::isfinite(hours) && hours >= -14.0 && hours <= 14.0;
}

int FitCommand::fit(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption logOpt(QStringLiteral("log"), QString(), QStringLiteral("NAME"));
    QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    QCommandLineOption nameOpt(QStringLiteral("name"), QString(), QStringLiteral("NAME"));
    QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("N"));
    QCommandLineOption utcOpt(QStringLiteral("utc-offset"), QString(), QStringLiteral("HOURS"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, logOpt, outOpt, nameOpt, seedOpt, utcOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(logOpt) || !p.isSet(outOpt))
        return usage(QStringLiteral("fit needs --log NAME (see 'recoscope-cli logs') and "
                                    "--out FILE (the scenario to write)"));
    FitOptions options;
    options.name = p.isSet(nameOpt) ? p.value(nameOpt) : QStringLiteral("fit-") + p.value(logOpt);
    if (const QString bad = readSeed(p, seedOpt, options.seed); !bad.isEmpty())
        return usage(bad);
    if (p.isSet(utcOpt) && !parseUtcOffset(p.value(utcOpt), options.utcOffsetHours))
        return usage(QStringLiteral("--utc-offset expects hours in [-14, 14], got '%1'")
                         .arg(p.value(utcOpt)));
    const QString out = p.value(outOpt);
    if (QFileInfo(out).isDir())
        return fail(ExitBadInput, QStringLiteral("--out %1: is a folder; give a file name such as "
                                                 "%1/shop.json")
                                      .arg(out));
    if (const QFileInfo dir(QFileInfo(out).absolutePath()); !dir.isDir())
        return fail(
            ExitBadInput,
            QStringLiteral("--out %1: the folder %2 does not exist").arg(out, dir.filePath()));

    const QString db = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("recoscope.db");
    auto store = openExisting(db);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    auto info = LogStore(*store.value()).log(p.value(logOpt));
    if (!info)
        return fail(ExitDatabase, QString::fromStdString(info.error()));
    if (info.value().events == 0)
        return fail(ExitBadInput,
                    QStringLiteral("%1: log '%2' has no events: there is nothing to fit")
                        .arg(db, p.value(logOpt)));
    auto fitted = fitLog(*store.value(), p.value(logOpt), options);
    if (!fitted)
        return fail(ExitDatabase, QString::fromStdString(fitted.error()));
    const FitResult& r = fitted.value();

    // The written file must be one `validate` accepts: parse it back before committing.
    const QByteArray json = QJsonDocument(r.scenario.toJson()).toJson(QJsonDocument::Indented);
    if (auto back = parseScenario(json, out); !back)
        return fail(ExitFailure, QStringLiteral("the fitted scenario does not validate (a bug): %1")
                                     .arg(QString::fromStdString(back.error())));
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return fail(
            ExitBadInput,
            QStringLiteral("--out %1: cannot write the scenario: %2").arg(out, file.errorString()));

    if (p.isSet(jsonOpt)) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("out"), out);
        o.insert(QStringLiteral("log"), p.value(logOpt));
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitOk;
    }
    const EventProfileSummary& s = r.profile;
    TextTable t(QStringLiteral("Scenario '%1' fitted to log '%2' (%3 events, %4 users, %5 items, "
                               "%6 days), written to %7")
                    .arg(r.scenario.name, p.value(logOpt))
                    .arg(s.events)
                    .arg(s.users)
                    .arg(s.items)
                    .arg(s.spanDays, 0, 'f', 2)
                    .arg(out),
                {QStringLiteral("field"), QStringLiteral("estimate"), QStringLiteral("written"),
                 QStringLiteral("from")});
    t.alignLeft(3);
    for (const FitField& f : r.fields)
        t.addRow({f.path, cell(f.estimate), cell(f.written), f.source});
    t.write(m_out);
    bool any = false;
    for (const FitField& f : r.fields) {
        if (f.note.isEmpty())
            continue;
        if (!any)
            m_out << "Where the written value differs from the estimate:\n";
        any = true;
        m_out << "  " << f.path << ": " << f.note << '\n';
    }
    m_out << (any ? "\n" : "") << "What the fit cannot express:\n";
    for (const QString& n : r.notes)
        m_out << "  - " << n << '\n';
    m_out << "\nCompare a run of it with the log: recoscope-cli run --scenario " << out
          << " --recommender popularity --db " << db << ", then recoscope-cli report --db " << db
          << " --log " << p.value(logOpt) << " --run N\n";
    m_out.flush();
    return ExitOk;
}

int FitCommand::compare(const CompareRequest& q) {
    auto logStore = openExisting(q.db);
    if (!logStore)
        return fail(ExitDatabase, QString::fromStdString(logStore.error()));
    auto log = profileLog(*logStore.value(), q.log, q.utcOffsetHours);
    if (!log)
        return fail(ExitDatabase, QString::fromStdString(log.error()));
    std::optional<EventProfileSummary> run;
    if (q.run > 0) {
        auto runStore =
            q.runDb.isEmpty() || q.runDb == q.db ? std::move(logStore) : openExisting(q.runDb);
        if (!runStore)
            return fail(ExitDatabase, QString::fromStdString(runStore.error()));
        auto r = profileRun(*runStore.value(), q.run);
        if (!r)
            return fail(ExitDatabase, QString::fromStdString(r.error()));
        run = r.value();
    }
    const EventProfileSummary& a = log.value();
    if (q.json) {
        QJsonObject o{{QStringLiteral("log_name"), q.log},
                      {QStringLiteral("log"), EventProfile::toJson(a)}};
        if (run) {
            o.insert(QStringLiteral("run_id"), q.run);
            o.insert(QStringLiteral("run"), EventProfile::toJson(*run));
            o.insert(QStringLiteral("distance"),
                     QJsonObject{{QStringLiteral("hourly_tv"),
                                  totalVariation(a.hourlyShare, run->hourlyShare)},
                                 {QStringLiteral("weekly_tv"),
                                  totalVariation(a.weeklyShare, run->weeklyShare)}});
        }
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitOk;
    }

    std::vector<const EventProfileSummary*> columns{&a};
    if (run)
        columns.push_back(&*run);
    QStringList headers{QStringLiteral("measure"), QStringLiteral("log '%1'").arg(q.log)};
    if (run)
        headers << QStringLiteral("run %1").arg(q.run);
    TextTable t(run ? QStringLiteral("Log '%1' beside run %2 (the same analyses on both)")
                          .arg(q.log)
                          .arg(q.run)
                    : QStringLiteral("Log '%1'").arg(q.log),
                headers);
    using Getter = double (*)(const EventProfileSummary&);
    auto row = [&](const QString& name, Getter get, int decimals, bool percent) {
        auto fmt = [&](const EventProfileSummary& s) {
            return percent ? TextTable::percent(get(s), decimals)
                           : TextTable::number(get(s), decimals);
        };
        QStringList cells{name, fmt(a)};
        if (run)
            cells << fmt(*run);
        t.addRow(cells);
    };
    row(
        QStringLiteral("events"), [](const auto& s) { return double(s.events); }, 0, false);
    row(
        QStringLiteral("users"), [](const auto& s) { return double(s.users); }, 0, false);
    row(
        QStringLiteral("items"), [](const auto& s) { return double(s.items); }, 0, false);
    row(
        QStringLiteral("days"), [](const auto& s) { return s.spanDays; }, 2, false);
    row(
        QStringLiteral("events per day"),
        [](const auto& s) { return double(s.events) / std::max(s.spanDays, 1.0 / 24.0); }, 0,
        false);
    row(
        QStringLiteral("visits per day"),
        [](const auto& s) { return double(s.visits) / std::max(s.spanDays, 1.0 / 24.0); }, 0,
        false);
    row(
        QStringLiteral("active users per day"), [](const auto& s) { return s.usersPerDay; }, 0,
        false);
    row(
        QStringLiteral("active items per day"), [](const auto& s) { return s.itemsPerDay; }, 0,
        false);
    for (int k = 0; k < core::kEventKindCount; ++k) {
        const std::string_view name = core::eventKindName(static_cast<core::EventKind>(k));
        QStringList cells{
            QStringLiteral("  share %1")
                .arg(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())))};
        for (const EventProfileSummary* s : columns)
            cells << TextTable::percent(
                s->events > 0 ? double(s->byKind[static_cast<std::size_t>(k)]) / double(s->events)
                              : std::nan(""),
                2);
        t.addRow(cells);
    }
    row(
        QStringLiteral("view -> cart"), [](const auto& s) { return s.viewToCart; }, 2, true);
    row(
        QStringLiteral("cart -> purchase"), [](const auto& s) { return s.cartToPurchase; }, 1,
        true);
    row(
        QStringLiteral("favourites per view"), [](const auto& s) { return s.favouritePerView; }, 2,
        true);
    row(
        QStringLiteral("removals per cart"), [](const auto& s) { return s.removePerCart; }, 1,
        true);
    row(
        QStringLiteral("visits that buy"), [](const auto& s) { return s.visitsWithPurchase; }, 2,
        true);
    row(
        QStringLiteral("events per visit"), [](const auto& s) { return s.eventsPerVisit; }, 2,
        false);
    row(
        QStringLiteral("  visit length p50"), [](const auto& s) { return s.visitLengthP50; }, 0,
        false);
    row(
        QStringLiteral("  visit length p90"), [](const auto& s) { return s.visitLengthP90; }, 0,
        false);
    row(
        QStringLiteral("  visit length p99"), [](const auto& s) { return s.visitLengthP99; }, 0,
        false);
    row(
        QStringLiteral("seconds between a visit's events"),
        [](const auto& s) { return s.meanStepGapSeconds; }, 1, false);
    row(
        QStringLiteral("visits per user"), [](const auto& s) { return s.visitsPerUser; }, 2, false);
    row(
        QStringLiteral("Gini of visits per user"), [](const auto& s) { return s.userGini; }, 3,
        false);
    row(
        QStringLiteral("Gini of events per item"), [](const auto& s) { return s.itemGini; }, 3,
        false);
    row(
        QStringLiteral("top 1 % items' share"), [](const auto& s) { return s.topOnePercentShare; },
        1, true);
    row(
        QStringLiteral("Zipf exponent (rank-frequency)"),
        [](const auto& s) { return s.zipfExponent; }, 3, false);
    t.write(m_out);

    // Rhythm: four-hour blocks and weekdays, as shares of the visit starts per exposed hour.
    TextTable r(QStringLiteral("Visit starts by time (share per covered hour / day)"), headers);
    for (int start = 0; start < 24; start += 4) {
        QStringList cells{QStringLiteral("%1-%2")
                              .arg(start, 2, 10, QLatin1Char('0'))
                              .arg(start + 4, 2, 10, QLatin1Char('0'))};
        for (const EventProfileSummary* s : columns) {
            double v = 0.0;
            for (int h = start; h < start + 4; ++h)
                v += std::isfinite(s->hourlyShare[h]) ? s->hourlyShare[h] : 0.0;
            cells << TextTable::percent(v, 1);
        }
        r.addRow(cells);
    }
    static const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int d = 0; d < 7; ++d) {
        QStringList cells{QLatin1String(days[d])};
        for (const EventProfileSummary* s : columns)
            cells << TextTable::percent(s->weeklyShare[d], 1);
        r.addRow(cells);
    }
    r.write(m_out);
    if (run)
        m_out << "Distance of the rhythms (total variation, 0 = the same): hourly "
              << TextTable::number(totalVariation(a.hourlyShare, run->hourlyShare), 3)
              << ", weekly "
              << TextTable::number(totalVariation(a.weeklyShare, run->weeklyShare), 3) << ".\n";
    m_out << "Log hours are UTC";
    if (q.utcOffsetHours != 0.0)
        m_out << (q.utcOffsetHours > 0.0 ? " +" : " ") << q.utcOffsetHours << " h";
    m_out << "; runs start on a Monday at 00:00. Definitions: docs/scenario-format.md, "
             "\"Fitting a scenario to a log\".\n";
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
