// EventExporter, IdPseudonymiser and KAnonymiser without the CLI: a small simulated run
// and two small imported logs (written by the test) exported as CSV and JSONL, read back
// and compared with the store; the keyed hash against RFC 4231's HMAC-SHA256 vectors;
// anonymised output recounted by brute force (no raw id, floored times, every released
// demographic combination held by >= k users, the report's counts).

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/event_export.h"
#include "recoscope/sim/id_pseudonymiser.h"
#include "recoscope/sim/k_anonymiser.h"
#include "recoscope/sim/log_reader.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_job.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/world.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace recoscope;

namespace {

using Row = QStringList;

// RFC 4180 reader for the test: quoted cells, doubled quotes, no line breaks in cells.
Row csvRow(const QString& line) {
    Row cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"'))
                cell += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cell += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

QList<Row> csvRows(const QByteArray& bytes) {
    QList<Row> rows;
    for (const QByteArray& line : bytes.split('\n'))
        if (!line.isEmpty())
            rows << csvRow(QString::fromUtf8(line));
    return rows;
}

// JSONL lines as rows in the CSV's column order (null -> empty).
QList<Row> jsonlRows(const QByteArray& bytes, const QStringList& header) {
    QList<Row> rows;
    for (const QByteArray& line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
        if (e.error != QJsonParseError::NoError)
            qFatal("bad JSONL line: %s", line.constData());
        if (o.size() != header.size())
            qFatal("JSONL keys differ from the CSV header: %s", line.constData());
        Row r;
        for (const QString& key : header) {
            const QJsonValue v = o.value(key);
            r << (v.isDouble() ? QString::number(v.toDouble(), 'f', 6) : v.toString());
        }
        rows << r;
    }
    return rows;
}

struct Exported {
    QByteArray bytes;
    sim::ExportReport report;
};

Exported exportRun(sim::RunStore& store, qint64 run, const sim::ExportOptions& o) {
    auto x = sim::EventExporter::forRun(store, run, o);
    if (!x)
        qFatal("%s", x.error().c_str());
    QBuffer b;
    b.open(QIODevice::WriteOnly);
    if (auto s = x.value()->write(b); !s)
        qFatal("%s", s.error().c_str());
    return {b.data(), x.value()->report()};
}

Exported exportLog(sim::RunStore& store, const QString& log, const sim::ExportOptions& o) {
    auto x = sim::EventExporter::forLog(store, log, o);
    if (!x)
        qFatal("%s", x.error().c_str());
    QBuffer b;
    b.open(QIODevice::WriteOnly);
    if (auto s = x.value()->write(b); !s)
        qFatal("%s", s.error().c_str());
    return {b.data(), x.value()->report()};
}

sim::ExportOptions anonymised(const QByteArray& salt, int k = 5) {
    sim::ExportOptions o;
    o.anonymise = true;
    o.salt = salt;
    o.granularity = sim::TimeGranularity::Hour;
    o.k = k;
    return o;
}

const QByteArray kSalt = QByteArray::fromHex("00112233445566778899aabbccddeeff"
                                             "00112233445566778899aabbccddeeff");

} // namespace

class TestEventExport : public QObject {
    Q_OBJECT

    core::RecommenderRegistry m_registry;
    QTemporaryDir m_dir;
    std::unique_ptr<sim::RunStore> m_store;
    qint64 m_run = 0;
    std::vector<core::Event> m_events;
    sim::World m_world;
    // The csv fixture's raw external ids.
    QList<QByteArray> m_rawIds;

private slots:
    void initTestCase() {
        core::registerBuiltinRecommenders(m_registry);
        auto store = sim::RunStore::open(m_dir.filePath(QStringLiteral("x.db")));
        QVERIFY(store.ok());
        m_store = std::move(store).value();

        // A small shop: 1,500 users over 540 demographic combinations, so that groups of
        // every size exist.
        auto sc = sim::loadBuiltinScenario(QStringLiteral("default"));
        QVERIFY(sc.ok());
        sim::RunSpec spec;
        spec.scenario = sc.value();
        spec.scenario.population.users = 1500;
        spec.scenario.catalogue.items = 300;
        spec.scenario.timeline.clear();
        spec.seed = 5;
        spec.recommender = "popularity";
        spec.limits.maxEvents = 12000;
        auto job = sim::RunJob::create(spec, m_registry, m_store.get());
        QVERIFY2(job.ok(), job.ok() ? "" : job.error().c_str());
        job.value()->runSlice(0);
        QVERIFY(job.value()->finish(QStringLiteral("finished")).ok());
        m_run = job.value()->runId();
        m_events = m_store->events(m_run, 0, 1 << 30).value();
        QVERIFY(m_events.size() == 12000);
        m_world = sim::generateWorld(spec.scenario, spec.seed);

        // A MovieLens u.data log and a mapped CSV whose ids need quoting and encoding.
        QByteArray ml;
        for (int i = 0; i < 400; ++i)
            ml += QByteArray::number(i % 37 + 1) + '\t' + QByteArray::number(i * 7 % 53 + 1) +
                  '\t' + QByteArray::number(i % 5 + 1) + '\t' +
                  QByteArray::number(881250949 + 97 * i) + '\n';
        importLog(QStringLiteral("u.data"), ml, sim::LogReader::Format::MovieLens, {},
                  QStringLiteral("ml"));
        m_rawIds = {"alice@example.org", "bob, \"the builder\"", "caf\xe9-latin1", "dora"};
        QByteArray csv = "user,item,time,event,value\n";
        csv += "alice@example.org,sku-1,1700000000,view,0\n";
        csv += "\"bob, \"\"the builder\"\"\",sku-2,1700003599.5,purchase,19.99\n";
        csv += "caf\xe9-latin1,sku-1,1700003600,cart,5\n";
        csv += "dora,\"sku,3\",1700090000,view,0\n";
        importLog(QStringLiteral("shop.csv"), csv, sim::LogReader::Format::Csv,
                  sim::LogReader::parseMap(QStringLiteral("user=user,item=item,time=time")).value(),
                  QStringLiteral("shop"));
    }

    void hmacMatchesRfc4231() {
        // RFC 4231 test cases 1 and 2, HMAC-SHA-256.
        QCOMPARE(sim::IdPseudonymiser(QByteArray(20, '\x0b')).digest("Hi There").toHex(),
                 QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        const sim::IdPseudonymiser jefe("Jefe");
        QCOMPARE(jefe.digest("what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // A pseudonym is the digest of the domain-prefixed id, cut to 16 hex digits.
        QCOMPARE(jefe.pseudonym(sim::IdPseudonymiser::Domain::User, "42"),
                 jefe.digest("u:42").toHex().left(16));
        QVERIFY(jefe.pseudonym(sim::IdPseudonymiser::Domain::User, "42") !=
                jefe.pseudonym(sim::IdPseudonymiser::Domain::Item, "42"));
        const QByteArray a = sim::IdPseudonymiser::randomSalt();
        QCOMPARE(a.size(), 32);
        QVERIFY(a != sim::IdPseudonymiser::randomSalt());
    }

    void kAnonymiserSteps() {
        using C = sim::KAnonymiser::Codes;
        using R = sim::KAnonymiser::Release;
        // Five identical users keep all; 3 + 2 who differ by region only lose the region;
        // a lone user loses everything.
        std::vector<C> users(5, C{1, 1, 1, 1});
        users.insert(users.end(), 3, C{2, 0, 3, 0});
        users.insert(users.end(), 2, C{2, 0, 3, 4});
        users.push_back(C{5, 2, 5, 0});
        const auto o = sim::KAnonymiser::generalise(users, 5);
        QCOMPARE(o.release, (std::vector<R>{R::All, R::All, R::All, R::All, R::All,
                                            R::WithoutRegion, R::WithoutRegion, R::WithoutRegion,
                                            R::WithoutRegion, R::WithoutRegion, R::Nothing}));
        QCOMPARE(o.keptAll, qint64(5));
        QCOMPARE(o.withoutRegion, qint64(5));
        QCOMPARE(o.nothing, qint64(1));
        QCOMPARE(o.suppressed, (std::array<qint64, 4>{1, 1, 1, 6}));
    }

    void runRoundTrip() {
        sim::ExportOptions o;
        const Exported csv = exportRun(*m_store, m_run, o);
        o.format = sim::ExportFormat::Jsonl;
        const Exported jsonl = exportRun(*m_store, m_run, o);
        QList<Row> rows = csvRows(csv.bytes);
        const Row header = rows.takeFirst();
        QCOMPARE(header, (Row{"time", "user", "item", "kind", "value", "age_band", "gender",
                              "occupation", "region"}));
        QCOMPARE(rows.size(), qsizetype(m_events.size()));
        QCOMPARE(csv.report.events, qint64(m_events.size()));
        const auto& u = m_world.users;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const core::Event& e = m_events[static_cast<std::size_t>(i)];
            const Row& r = rows[i];
            QCOMPARE(r.size(), 9);
            QCOMPARE(r[0].toDouble(), e.time); // exact: shortest round-trip text
            QCOMPARE(r[1], QString::number(e.user));
            QCOMPARE(r[2], e.item == core::kNoItem ? QString() : QString::number(e.item));
            QCOMPARE(r[3], QString::fromUtf8(core::eventKindName(e.kind)));
            QCOMPARE(static_cast<float>(r[4].toDouble()), e.price);
            QCOMPARE(r[8], QString::number(u.region[e.user]));
            QVERIFY(!r[5].isEmpty() && !r[6].isEmpty() && !r[7].isEmpty());
            if (i > 0)
                QVERIFY(r[0].toDouble() >= rows[i - 1][0].toDouble()); // time order
        }
        // JSONL: the same rows, same keys.
        QList<Row> fromJson = jsonlRows(jsonl.bytes, header);
        QCOMPARE(fromJson.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            Row expected = rows[i];
            expected[0] = QString::number(expected[0].toDouble(), 'f', 6);
            expected[4] = QString::number(expected[4].toDouble(), 'f', 6);
            QCOMPARE(fromJson[i], expected);
        }
    }

    void logRoundTrip() {
        sim::ExportOptions o;
        Exported csv = exportLog(*m_store, QStringLiteral("shop"), o);
        QList<Row> rows = csvRows(csv.bytes);
        QCOMPARE(rows.takeFirst(), (Row{"time", "user", "item", "kind", "value"}));
        QCOMPARE(rows,
                 (QList<Row>{{"1700000000", "alice@example.org", "sku-1", "view", "0"},
                             {"1700003599.5", "bob, \"the builder\"", "sku-2", "purchase", "19.99"},
                             {"1700003600", "caf%E9-latin1", "sku-1", "cart-add", "5"},
                             {"1700090000", "dora", "sku,3", "view", "0"}}));
        QVERIFY(!csv.report.hasDemographics);
        QCOMPARE(csv.report.users, qint64(4));
        o.format = sim::ExportFormat::Jsonl;
        const Exported jsonl = exportLog(*m_store, QStringLiteral("shop"), o);
        QCOMPARE(
            jsonlRows(jsonl.bytes, {"time", "user", "item", "kind", "value"}).at(1),
            (Row{"1700003599.500000", "bob, \"the builder\"", "sku-2", "purchase", "19.990000"}));
        // MovieLens: 400 events in time order with their external ids.
        rows = csvRows(exportLog(*m_store, QStringLiteral("ml"), {}).bytes);
        rows.removeFirst();
        QCOMPARE(rows.size(), 400);
        QCOMPARE(rows[3], (Row{QString::number(881250949 + 97 * 3), "4", "22", "view", "4"}));
    }

    void sameSaltSameIdsAndNoRawIds() {
        const Exported a = exportLog(*m_store, QStringLiteral("shop"), anonymised(kSalt));
        const Exported b = exportLog(*m_store, QStringLiteral("shop"), anonymised(kSalt));
        QByteArray other = kSalt;
        other[0] = '\x01';
        const Exported c = exportLog(*m_store, QStringLiteral("shop"), anonymised(other));
        QCOMPARE(a.bytes, b.bytes);
        QList<Row> ra = csvRows(a.bytes), rc = csvRows(c.bytes);
        ra.removeFirst();
        rc.removeFirst();
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{16}$"));
        for (qsizetype i = 0; i < ra.size(); ++i) {
            QVERIFY(hex.match(ra[i][1]).hasMatch() && hex.match(ra[i][2]).hasMatch());
            QVERIFY(ra[i][1] != rc[i][1] && ra[i][2] != rc[i][2]);
        }
        // The pseudonyms are the documented HMAC of the raw bytes.
        const sim::IdPseudonymiser h(kSalt);
        QCOMPARE(ra[2][1].toLatin1(),
                 h.pseudonym(sim::IdPseudonymiser::Domain::User, "caf\xe9-latin1"));
        for (const QByteArray& raw : m_rawIds)
            QVERIFY2(!a.bytes.contains(raw.left(4)), raw.constData());
        for (const char* item : {"sku-1", "sku-2", "sku,3"})
            QVERIFY(!a.bytes.contains(item));
        QCOMPARE(
            a.report.toJson().value(QStringLiteral("note")).toString(),
            QStringLiteral("the log has no demographics: only ids and times were transformed"));
    }

    void timesFloored_data() {
        QTest::addColumn<int>("granularity");
        QTest::addColumn<double>("step");
        QTest::newRow("second") << int(sim::TimeGranularity::Second) << 1.0;
        QTest::newRow("minute") << int(sim::TimeGranularity::Minute) << 60.0;
        QTest::newRow("hour") << int(sim::TimeGranularity::Hour) << 3600.0;
        QTest::newRow("day") << int(sim::TimeGranularity::Day) << 86400.0;
    }
    void timesFloored() {
        QFETCH(int, granularity);
        QFETCH(double, step);
        sim::ExportOptions o = anonymised(kSalt);
        o.granularity = static_cast<sim::TimeGranularity>(granularity);
        QList<Row> rows = csvRows(exportRun(*m_store, m_run, o).bytes);
        rows.removeFirst();
        QCOMPARE(rows.size(), qsizetype(m_events.size()));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const double t = rows[i][0].toDouble();
            QCOMPARE(t, std::floor(m_events[static_cast<std::size_t>(i)].time / step) * step);
            QCOMPARE(std::fmod(t, step), 0.0);
        }
        // A log's Unix times: a day starts at midnight UTC.
        rows = csvRows(exportLog(*m_store, QStringLiteral("shop"), o).bytes);
        QCOMPARE(rows[2][0].toDouble(), std::floor(1700003599.5 / step) * step);
    }

    void kAnonymity_data() {
        QTest::addColumn<int>("k");
        QTest::newRow("k=2") << 2;
        QTest::newRow("k=5") << 5;
        QTest::newRow("k=8") << 8;
    }
    void kAnonymity() {
        QFETCH(int, k);
        const Exported x = exportRun(*m_store, m_run, anonymised(kSalt, k));
        QList<Row> rows = csvRows(x.bytes);
        rows.removeFirst();
        // Map pseudonyms back to dense ids with the salt, to know each user's true codes.
        const sim::IdPseudonymiser h(kSalt);
        std::map<QString, core::UserId> dense;
        for (core::UserId u = 0; u < m_world.users.size(); ++u)
            dense[QString::fromLatin1(
                h.pseudonym(sim::IdPseudonymiser::Domain::User, QByteArray::number(u)))] = u;
        std::map<QString, Row> released; // user -> demographic cells (one form per user)
        qint64 eventsBlank = 0;
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{16}$"));
        for (const Row& r : rows) {
            QVERIFY(dense.count(r[1])); // a pseudonym, never the raw dense id
            QVERIFY(hex.match(r[1]).hasMatch() && (r[2].isEmpty() || hex.match(r[2]).hasMatch()));
            const Row cells = r.mid(5);
            const auto it = released.emplace(r[1], cells).first;
            QCOMPARE(it->second, cells);
            if (cells.contains(QString()))
                ++eventsBlank;
        }
        QCOMPARE(x.report.users, qint64(released.size()));
        QCOMPARE(x.report.eventsWithSuppression, eventsBlank);
        // Brute force: every released combination that is not all blank is held by >= k
        // users; suppression is region-only or everything.
        std::map<Row, int> groups;
        std::array<qint64, 4> blank{};
        qint64 regionOnly = 0, all = 0;
        for (const auto& [user, cells] : released) {
            for (int f = 0; f < 4; ++f)
                blank[static_cast<std::size_t>(f)] += cells[f].isEmpty();
            if (cells == Row{"", "", "", ""}) {
                ++all;
                continue;
            }
            QVERIFY(!cells[0].isEmpty() && !cells[1].isEmpty() && !cells[2].isEmpty());
            regionOnly += cells[3].isEmpty();
            ++groups[cells];
        }
        for (const auto& [cells, n] : groups)
            QVERIFY2(n >= k, qPrintable(cells.join(QLatin1Char('/'))));
        QCOMPARE(x.report.suppressedUsers, blank);
        QCOMPARE(x.report.usersWithoutRegion, regionOnly);
        QCOMPARE(x.report.usersWithoutAny, all);
        // Users whose true combination is shared by >= k exported users kept every field.
        const auto& u = m_world.users;
        std::map<std::array<int, 4>, int> truth;
        auto codes = [&](core::UserId id) {
            return std::array<int, 4>{u.ageBand[id], u.gender[id], u.occupation[id], u.region[id]};
        };
        for (const auto& [user, cells] : released)
            ++truth[codes(dense[user])];
        int keptChecked = 0;
        for (const auto& [user, cells] : released)
            if (truth[codes(dense[user])] >= k) {
                QVERIFY(!cells.contains(QString()));
                QCOMPARE(cells[3], QString::number(u.region[dense[user]]));
                ++keptChecked;
            }
        QVERIFY(keptChecked > 0);
        // The shop is small enough that every k suppresses someone.
        QVERIFY(blank[3] > 0);
    }

    void collidingIdsFailBeforeWriting() {
        // "caf\xe9" is not UTF-8 and is written percent-encoded, as "caf%E9": the same text
        // as the other user's id. The exporter must refuse rather than merge the two; the
        // pseudonym check is the same code.
        importLog(QStringLiteral("clash.csv"),
                  "user,item,time\ncaf\xe9,a,1700000000\ncaf%E9,a,1700000001\n",
                  sim::LogReader::Format::Csv,
                  sim::LogReader::parseMap(QStringLiteral("user=user,item=item,time=time")).value(),
                  QStringLiteral("clash"));
        auto x = sim::EventExporter::forLog(*m_store, QStringLiteral("clash"), {});
        QVERIFY(x.ok());
        QBuffer b;
        b.open(QIODevice::WriteOnly);
        const core::Status s = x.value()->write(b);
        QVERIFY(!s.ok());
        QCOMPARE(x.value()->failure(), sim::EventExporter::Failure::Collision);
        QVERIFY2(QString::fromStdString(s.error()).contains(QStringLiteral("caf%E9")),
                 s.error().c_str());
        QVERIFY(b.data().isEmpty());
        // Anonymised, the raw bytes differ, so the pseudonyms do too.
        QVERIFY(exportLog(*m_store, QStringLiteral("clash"), anonymised(kSalt)).report.users == 2);
    }

    void missingSourcesFail() {
        QVERIFY(!sim::EventExporter::forRun(*m_store, 999, {}).ok());
        auto missing = sim::EventExporter::forLog(*m_store, QStringLiteral("nope"), {});
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error()).contains(QStringLiteral("nope")));
    }

private:
    void importLog(const QString& file, const QByteArray& bytes, sim::LogReader::Format format,
                   const sim::ColumnMap& map, const QString& name) {
        const QString path = m_dir.filePath(file);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto reader = sim::LogReader::open(path, format, map);
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().c_str());
        sim::LogStore logs(*m_store);
        sim::ImportOptions opt;
        opt.name = name;
        opt.format = QStringLiteral("test");
        opt.source = path;
        auto r = logs.import(*reader.value(), opt);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_event_export.moc"
