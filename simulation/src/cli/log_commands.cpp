#include "log_commands.h"

#include "recoscope/sim/command_line.h"
#include "recoscope/sim/log_evaluate.h"
#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/log_replay.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/paired_stats.h"
#include "recoscope/sim/run_store.h"

#include "text_table.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace recoscope::sim {

namespace {

QString storePath(const QCommandLineParser& p, const QCommandLineOption& db) {
    return p.isSet(db) ? p.value(db) : QStringLiteral("recoscope.db");
}

} // namespace

LogCommands::LogCommands(const core::RecommenderRegistry& registry, QTextStream& out,
                         QTextStream& err, const std::atomic<bool>* cancel, bool showProgress)
    : CliCommand(out, err), m_registry(registry), m_cancel(cancel), m_showProgress(showProgress) {}

int LogCommands::import(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption formatOpt(QStringLiteral("format"), QString(), QStringLiteral("F"));
    QCommandLineOption inputOpt(QStringLiteral("input"), QString(), QStringLiteral("FILE"));
    QCommandLineOption mapOpt(QStringLiteral("map"), QString(), QStringLiteral("ROLE=COL,..."));
    QCommandLineOption nameOpt(QStringLiteral("name"), QString(), QStringLiteral("NAME"));
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption skipOpt(QStringLiteral("skip-bad"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({formatOpt, inputOpt, mapOpt, nameOpt, dbOpt, skipOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return usage(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (!p.isSet(formatOpt) || !p.isSet(inputOpt))
        return usage(QStringLiteral(
            "import needs --format movielens|retailrocket|yoochoose|csv and --input FILE"));
    auto format = LogReader::parseFormat(p.value(formatOpt));
    if (!format)
        return usage(QString::fromStdString(format.error()));
    ColumnMap map;
    if (p.isSet(mapOpt)) {
        auto parsed = LogReader::parseMap(p.value(mapOpt));
        if (!parsed)
            return usage(QString::fromStdString(parsed.error()));
        map = parsed.value();
    } else if (format.value() == LogReader::Format::Csv) {
        return usage(QStringLiteral("--format csv needs --map user=COL,item=COL,time=COL"));
    }
    const QString input = p.value(inputOpt);
    auto reader = LogReader::open(input, format.value(), map);
    if (!reader)
        return fail(ExitBadInput, QString::fromStdString(reader.error()));
    auto store = RunStore::open(storePath(p, dbOpt));
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));

    ImportOptions opt;
    opt.name = p.isSet(nameOpt) ? p.value(nameOpt) : QFileInfo(input).completeBaseName();
    opt.format = p.value(formatOpt);
    opt.source = input;
    opt.skipBad = p.isSet(skipOpt);
    opt.cancel = m_cancel;
    if (m_showProgress)
        opt.progress = [this](qint64 done, qint64 total) {
            m_err << "\rimporting: " << (total > 0 ? 100 * done / total : 0) << " %   ";
            m_err.flush();
        };
    LogStore logs(*store.value());
    auto result = logs.import(*reader.value(), opt);
    if (m_showProgress)
        m_err << '\n';
    if (!result) {
        const QString e = QString::fromStdString(result.error());
        if (m_cancel && m_cancel->load())
            return fail(ExitInterrupted, e);
        // A bad line is the input's fault; anything else is the store's.
        return fail(e.startsWith(input) ? ExitBadInput : ExitDatabase, e);
    }
    const ImportResult& r = result.value();
    for (const QString& s : r.skipped)
        m_err << "recoscope-cli: skipped " << s << '\n';
    if (r.info.skippedLines > r.skipped.size())
        m_err << "recoscope-cli: ... " << r.info.skippedLines - r.skipped.size()
              << " more bad lines skipped\n";
    m_err.flush();
    if (p.isSet(jsonOpt)) {
        m_out << QJsonDocument(r.info.toJson()).toJson(QJsonDocument::Compact) << '\n';
    } else {
        TextTable t(QStringLiteral("Imported log '%1' (log %2) into %3")
                        .arg(r.info.name)
                        .arg(r.info.id)
                        .arg(store.value()->path()),
                    {QStringLiteral("measure"), QStringLiteral("value")});
        t.addRow({QStringLiteral("events"), QString::number(r.info.events)});
        t.addRow({QStringLiteral("users"), QString::number(r.info.users)});
        t.addRow({QStringLiteral("items"), QString::number(r.info.items)});
        const QJsonObject kinds =
            r.info.toJson().value(QStringLiteral("events_by_kind")).toObject();
        for (auto it = kinds.begin(); it != kinds.end(); ++it)
            t.addRow({QStringLiteral("  ") + it.key(), QString::number(it.value().toInteger())});
        t.addRow({QStringLiteral("time span (days)"),
                  TextTable::number((r.info.lastTime - r.info.firstTime) / 86400.0, 2)});
        t.addRow({QStringLiteral("bad lines skipped"), QString::number(r.info.skippedLines)});
        t.write(m_out);
    }
    m_out.flush();
    return ExitOk;
}

int LogCommands::logs(const QStringList& args) {
    QCommandLineParser p;
    QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    QCommandLineOption jsonOpt(QStringLiteral("json"));
    p.addOptions({dbOpt, jsonOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    auto store = RunStore::open(storePath(p, dbOpt), RunStore::Mode::ReadOnly);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    auto list = LogStore(*store.value()).logs();
    if (!list)
        return fail(ExitDatabase, QString::fromStdString(list.error()));
    if (p.isSet(jsonOpt)) {
        QJsonArray a;
        for (const LogInfo& l : list.value())
            a.append(l.toJson());
        m_out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        TextTable t(QStringLiteral("Imported logs"),
                    {QStringLiteral("name"), QStringLiteral("format"), QStringLiteral("events"),
                     QStringLiteral("users"), QStringLiteral("items"), QStringLiteral("days")});
        for (const LogInfo& l : list.value())
            t.addRow({l.name, l.format, QString::number(l.events), QString::number(l.users),
                      QString::number(l.items),
                      TextTable::number((l.lastTime - l.firstTime) / 86400.0, 1)});
        t.write(m_out);
    }
    m_out.flush();
    return ExitOk;
}

// The options replay and evaluate share: the store, the log, the cores with their
// parameters, the list length and the scored kinds.
struct LogCommands::QueryOptions {
    QCommandLineOption db{QStringLiteral("db"), QString(), QStringLiteral("FILE")};
    QCommandLineOption log{QStringLiteral("log"), QString(), QStringLiteral("NAME")};
    QCommandLineOption recommender{QStringLiteral("recommender"), QString(), QStringLiteral("ID")};
    QCommandLineOption recommenders{QStringLiteral("recommenders"), QString(),
                                    QStringLiteral("A,B")};
    QCommandLineOption param{QStringLiteral("param"), QString(), QStringLiteral("KEY=VALUE")};
    QCommandLineOption k{QStringLiteral("k"), QString(), QStringLiteral("K")};
    QCommandLineOption target{QStringLiteral("target"), QString(), QStringLiteral("KINDS")};
    QCommandLineOption json{QStringLiteral("json")};
    void addTo(QCommandLineParser& p) const {
        p.addOptions({db, log, recommender, recommenders, param, k, target, json});
    }
};

QString LogCommands::readQuery(const QCommandLineParser& p, const QueryOptions& q,
                               const QString& command, Query& out) const {
    if (!p.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first());
    if (!p.isSet(q.log))
        return QStringLiteral("%1 needs --log NAME (see 'recoscope-cli logs')").arg(command);
    if (p.isSet(q.recommender) == p.isSet(q.recommenders))
        return QStringLiteral("%1 needs --recommender ID or --recommenders A,B,...").arg(command);
    out.db = storePath(p, q.db);
    out.log = p.value(q.log);
    out.cores = p.isSet(q.recommender)
                    ? QStringList{p.value(q.recommender)}
                    : p.value(q.recommenders).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& kv : p.values(q.param)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("--param expects KEY=VALUE, got '%1'").arg(kv);
        out.params[kv.left(eq).toStdString()] = kv.mid(eq + 1).toStdString();
    }
    if (p.isSet(q.param) && out.cores.size() > 1)
        return QStringLiteral("--param goes with one --recommender");
    for (const QString& c : out.cores) {
        const core::RecommenderEntry* e = m_registry.find(c.toStdString());
        if (!e)
            return QString::fromStdString(m_registry.unknownIdMessage(c.toStdString()));
        if (auto r = core::resolveParams(e->params, out.params); !r)
            return QStringLiteral("recommender '%1': %2").arg(c, QString::fromStdString(r.error()));
    }
    if (p.isSet(q.k)) {
        bool ok = false;
        out.k = p.value(q.k).toInt(&ok);
        if (!ok || out.k < 1 || out.k > 1000)
            return QStringLiteral("--k expects a whole number in [1, 1000], got '%1'")
                .arg(p.value(q.k));
    }
    if (p.isSet(q.target)) {
        auto kinds = parseEventKinds(p.value(q.target));
        if (!kinds)
            return QStringLiteral("--target: ") + QString::fromStdString(kinds.error());
        out.targets = kinds.value();
    }
    return {};
}

bool LogCommands::interrupted() const {
    return m_cancel && m_cancel->load();
}

int LogCommands::replay(const QStringList& args) {
    QCommandLineParser p;
    const QueryOptions q;
    q.addTo(p);
    QCommandLineOption excludeOpt(QStringLiteral("exclude-seen"));
    QCommandLineOption unseenOpt(QStringLiteral("include-unseen"));
    QCommandLineOption trecOpt(QStringLiteral("export-trec"), QString(), QStringLiteral("DIR"));
    QCommandLineOption noDbOpt(QStringLiteral("no-store"));
    p.addOptions({excludeOpt, unseenOpt, trecOpt, noDbOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    Query query;
    if (const QString e = readQuery(p, q, QStringLiteral("replay"), query); !e.isEmpty())
        return usage(e);
    const QStringList& cores = query.cores;
    ReplaySpec spec;
    spec.log = query.log;
    spec.params = query.params;
    spec.k = query.k;
    spec.targets = query.targets;
    if (p.isSet(trecOpt) && cores.size() > 1)
        return usage(QStringLiteral("--export-trec goes with one --recommender"));
    spec.excludeSeen = p.isSet(excludeOpt);
    spec.includeUnseen = p.isSet(unseenOpt);
    spec.trecDir = p.value(trecOpt);
    spec.store = !p.isSet(noDbOpt);
    spec.keepPerEvent = cores.size() > 1;

    auto store = RunStore::open(query.db);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    std::vector<ReplaySpec> specs;
    for (const QString& c : cores) {
        spec.recommender = c.toStdString();
        specs.push_back(spec);
    }
    // One pass over the log for every core: the same events, read once.
    auto replayed = replayLogs(*store.value(), m_registry, specs, m_cancel);
    if (!replayed)
        return fail(ExitDatabase, QString::fromStdString(replayed.error()));
    const std::vector<ReplayResult>& results = replayed.value();
    // Paired per event: every core scored the same events in the same order.
    QJsonArray pairs;
    for (std::size_t a = 0; a < results.size(); ++a)
        for (std::size_t b = a + 1; b < results.size(); ++b) {
            QJsonObject pair{{QStringLiteral("a"), cores.at(static_cast<qsizetype>(a))},
                             {QStringLiteral("b"), cores.at(static_cast<qsizetype>(b))}};
            for (const auto& [name, field] : {std::pair{"hit", &ReplayResult::perEventHit},
                                              std::pair{"ndcg", &ReplayResult::perEventNdcg}}) {
                const std::vector<double> x((results[a].*field).begin(), (results[a].*field).end());
                const std::vector<double> y((results[b].*field).begin(), (results[b].*field).end());
                const PairedDifference d = pairedDifference(x, y);
                pair.insert(QLatin1String(name), QJsonObject{{QStringLiteral("diff"), d.mean},
                                                             {QStringLiteral("ci_low"), d.low},
                                                             {QStringLiteral("ci_high"), d.high},
                                                             {QStringLiteral("p"), d.p},
                                                             {QStringLiteral("n"), d.n}});
            }
            pairs.append(pair);
        }
    if (p.isSet(q.json)) {
        if (results.size() == 1) {
            m_out << QJsonDocument(results.front().summary).toJson(QJsonDocument::Compact) << '\n';
        } else {
            QJsonArray list;
            for (const ReplayResult& r : results)
                list.append(r.summary);
            m_out << QJsonDocument(QJsonObject{{QStringLiteral("cores"), list},
                                               {QStringLiteral("pairs"), pairs}})
                         .toJson(QJsonDocument::Compact)
                  << '\n';
        }
        m_out.flush();
        return interrupted() ? ExitInterrupted : ExitOk;
    }
    const QString at = QStringLiteral("@%1").arg(spec.k);
    TextTable t(QStringLiteral("Prequential replay of log '%1' (k = %2)").arg(spec.log).arg(spec.k),
                {QStringLiteral("core"), QStringLiteral("run"), QStringLiteral("HR") + at,
                 QStringLiteral("MRR") + at, QStringLiteral("NDCG") + at, QStringLiteral("P") + at,
                 QStringLiteral("coverage"), QStringLiteral("Gini"), QStringLiteral("events/s")});
    for (std::size_t i = 0; i < results.size(); ++i) {
        const ReplayResult& r = results[i];
        t.addRow({cores.at(static_cast<qsizetype>(i)), QString::number(r.runId),
                  TextTable::number(r.ranking.hit, 4), TextTable::number(r.ranking.mrr, 4),
                  TextTable::number(r.ranking.ndcg, 4), TextTable::number(r.ranking.precision, 4),
                  TextTable::percent(r.ranking.itemCoverage), TextTable::number(r.ranking.gini, 3),
                  TextTable::number(r.eventsPerSecond, 0)});
    }
    t.write(m_out);
    const ReplayResult& f = results.front();
    m_out << "  " << f.events << " events, " << f.scored << " scored; " << f.unseenUser
          << " target events of unseen users and " << f.unseenItem << " of unseen items "
          << (spec.includeUnseen ? "scored as misses" : "left out") << ".\n\n";
    for (const QJsonValue& v : pairs) {
        const QJsonObject o = v.toObject();
        const QJsonObject n = o.value(QStringLiteral("ndcg")).toObject();
        m_out << "  " << o.value(QStringLiteral("a")).toString() << " - "
              << o.value(QStringLiteral("b")).toString() << ": NDCG" << at << " "
              << TextTable::number(n.value(QStringLiteral("diff")).toDouble(), 4) << " [95 % CI "
              << TextTable::number(n.value(QStringLiteral("ci_low")).toDouble(), 4) << ", "
              << TextTable::number(n.value(QStringLiteral("ci_high")).toDouble(), 4)
              << "], p = " << TextTable::number(n.value(QStringLiteral("p")).toDouble(), 4)
              << " (paired t over events)\n";
    }
    m_out.flush();
    return interrupted() ? ExitInterrupted : ExitOk;
}

int LogCommands::evaluate(const QStringList& args) {
    QCommandLineParser p;
    const QueryOptions q;
    q.addTo(p);
    QCommandLineOption splitOpt(QStringLiteral("split"), QString(), QStringLiteral("SPLIT"));
    p.addOption(splitOpt);
    if (!p.parse(args))
        return usage(p.errorText());
    Query query;
    if (const QString e = readQuery(p, q, QStringLiteral("evaluate"), query); !e.isEmpty())
        return usage(e);
    const QStringList& cores = query.cores;
    EvalSpec spec;
    spec.log = query.log;
    if (auto st = parseSplit(p.isSet(splitOpt) ? p.value(splitOpt) : QStringLiteral("temporal:0.8"),
                             spec);
        !st)
        return usage(QString::fromStdString(st.error()));
    spec.params = query.params;
    spec.k = query.k;
    spec.targets = query.targets;
    auto store = RunStore::open(query.db);
    if (!store)
        return fail(ExitDatabase, QString::fromStdString(store.error()));
    QJsonArray all;
    const QString at = QStringLiteral("@%1").arg(spec.k);
    TextTable t(
        QStringLiteral("Offline evaluation of log '%1' (%2, k = %3)")
            .arg(spec.log, spec.split == EvalSpec::Split::Temporal
                               ? QStringLiteral("temporal split, %1 trains").arg(spec.trainFraction)
                               : QStringLiteral("leave-last-out"))
            .arg(spec.k),
        {QStringLiteral("core"), QStringLiteral("HR") + at, QStringLiteral("MRR") + at,
         QStringLiteral("NDCG") + at, QStringLiteral("recall") + at, QStringLiteral("P") + at,
         QStringLiteral("coverage"), QStringLiteral("users")});
    for (const QString& c : cores) {
        spec.recommender = c.toStdString();
        auto r = evaluateLog(*store.value(), m_registry, spec);
        if (!r)
            return fail(ExitDatabase, QString::fromStdString(r.error()));
        const core::RankingSummary& m = r.value().ranking;
        all.append(r.value().summary);
        t.addRow({c, TextTable::number(m.hit, 4), TextTable::number(m.mrr, 4),
                  TextTable::number(m.ndcg, 4), TextTable::number(m.recall, 4),
                  TextTable::number(m.precision, 4), TextTable::percent(m.itemCoverage),
                  QString::number(r.value().testUsers)});
    }
    if (p.isSet(q.json)) {
        const QJsonDocument doc =
            all.size() == 1 ? QJsonDocument(all.at(0).toObject()) : QJsonDocument(all);
        m_out << doc.toJson(QJsonDocument::Compact) << '\n';
    } else
        t.write(m_out);
    m_out.flush();
    return ExitOk;
}

} // namespace recoscope::sim
