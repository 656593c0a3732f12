// Labels and notes on runs (issue 14): schema 7's migration from a version 6 file (in
// place, data intact, all or nothing), RunStore::setLabel / setNote and their refusals,
// and `recoscope-cli runs`, `label`, `note`, `report` (text, --json, --html) through the
// real binary. Every check of what was stored reads the file with plain sqlite3, not
// through RunStore.

#include "cli_process.h"
#include "recoscope/sim/run_params_text.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/sweep_plan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace recoscope;

namespace {

using Cli = test::CliResult;
using test::cli;

// One value read with the sqlite3 C API alone (no RunStore), "" for NULL.
QString rawText(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    QString out = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

bool rawExec(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

sim::RunInfo info(const QString& label) {
    sim::RunInfo r;
    r.scenarioName = QStringLiteral("default");
    r.scenarioJson = "{\"name\":\"default\"}";
    r.scenarioHash = QStringLiteral("abc");
    r.seed = 7;
    r.recommender = QStringLiteral("itemknn");
    r.paramsJson = "{\"alpha\":0.5,\"k\":20,\"shrink\":\"none\"}";
    r.buildVersion = QStringLiteral("test");
    r.label = label;
    return r;
}

std::vector<core::Event> events(int n) {
    std::vector<core::Event> out;
    for (int i = 0; i < n; ++i)
        out.push_back({i * 2.0, static_cast<core::UserId>(i % 5), static_cast<core::ItemId>(i),
                       core::EventKind::View, core::Surface::Home, -1, false, 0.0f});
    return out;
}

} // namespace

class TestRunNotes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // A store with two runs (the second a sweep job's), written by this Recoscope.
    QString makeStore(const QString& name) {
        const QString path = m_dir.filePath(name);
        auto opened = sim::RunStore::open(path);
        if (!opened)
            qFatal("%s", opened.error().c_str());
        sim::RunStore& s = *opened.value();
        for (const QString& label :
             {QStringLiteral("first"), sim::SweepPlan::label(QStringLiteral("0123456789ab"), 4)}) {
            const qint64 id = s.beginRun(info(label)).value();
            if (!s.appendEvents(id, events(30)) ||
                !s.finishRun(id, QStringLiteral("finished"), "{\"ctr\":0.25}"))
                qFatal("cannot write the fixture");
        }
        return path;
    }

private slots:
    void migratesAVersion6FileInPlace() {
        // The version 6 fixture: a current file with schema 7's column dropped and the
        // version set back, which is exactly what Recoscope 6 wrote.
        const QString path = makeStore(QStringLiteral("v6.db"));
        const QString hash = sim::RunStore::open(path).value()->eventsHash(1).value();
        // (Later versions' tables dropped too: schema 8's coupon_lines.)
        QVERIFY(rawExec(path, "ALTER TABLE runs DROP COLUMN note; DROP TABLE coupon_lines; "
                              "PRAGMA user_version = 6;"));
        QCOMPARE(rawText(path, "PRAGMA user_version"), QStringLiteral("6"));
        QCOMPARE(rawText(path, "SELECT count(*) FROM pragma_table_info('runs') WHERE name='note'"),
                 QStringLiteral("0"));

        auto opened = sim::RunStore::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().c_str());
        QCOMPARE(opened.value()->schemaVersion(), sim::RunStore::kSchemaVersion);
        QCOMPARE(rawText(path, "PRAGMA user_version"),
                 QString::number(sim::RunStore::kSchemaVersion));
        auto runs = opened.value()->runs();
        QCOMPARE(runs.value().size(), 2);
        QCOMPARE(runs.value()[0].label, QStringLiteral("first"));
        QCOMPARE(runs.value()[0].paramsJson, info({}).paramsJson);
        QCOMPARE(runs.value()[0].summaryJson, QByteArray("{\"ctr\":0.25}"));
        QCOMPARE(runs.value()[0].note, QString());
        QCOMPARE(opened.value()->eventsHash(1).value(), hash);
        QVERIFY(opened.value()->setNote(1, QStringLiteral("kept after the upgrade")).ok());
        QCOMPARE(rawText(path, "SELECT note FROM runs WHERE id = 1"),
                 QStringLiteral("kept after the upgrade"));
    }

    void aFailedMigrationLeavesVersion6() {
        // A "version 6" file that already has the column makes the ALTER fail: the open
        // is refused naming the file and the file stays at version 6 (one transaction).
        // (Mutation tried: the migration step without BEGIN/COMMIT around it still fails
        // here, so the version check below is what guards partial upgrades.)
        const QString path = makeStore(QStringLiteral("half.db"));
        QVERIFY(rawExec(path, "PRAGMA user_version = 6;"));
        auto opened = sim::RunStore::open(path);
        QVERIFY(!opened.ok());
        QVERIFY2(QString::fromStdString(opened.error()).contains(path), opened.error().c_str());
        QCOMPARE(rawText(path, "PRAGMA user_version"), QStringLiteral("6"));
        QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 1"), QStringLiteral("first"));
    }

    void labelsAndNotesAreStoredOrRefusedWhole() {
        const QString path = makeStore(QStringLiteral("notes.db"));
        auto opened = sim::RunStore::open(path);
        sim::RunStore& s = *opened.value();
        const QString longest(sim::RunStore::kMaxLabelLength, QLatin1Char('x'));
        QVERIFY(s.setLabel(1, longest).ok());
        QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 1"), longest);
        // (Mutation tried: `>` turned into `>=` in labelProblem -> the 80-character label
        // above is refused and this test fails.)
        const struct {
            QString label;
            const char* because;
        } refused[] = {{longest + QLatin1Char('x'), "at most 80"},
                       {QStringLiteral("two\nlines"), "one line"},
                       {QStringLiteral("tab\there"), "control"},
                       {QStringLiteral("sweep:0123456789ab job:1"), "reserved"}};
        for (const auto& r : refused) {
            const core::Status st = s.setLabel(1, r.label);
            QVERIFY2(!st.ok(), qPrintable(r.label));
            QVERIFY2(st.error().find(r.because) != std::string::npos, st.error().c_str());
            QVERIFY2(QString::fromStdString(st.error()).contains(path), st.error().c_str());
            QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 1"), longest);
        }
        // A sweep job's label is its key: refused, unless unchanged.
        const QString key = rawText(path, "SELECT label FROM runs WHERE id = 2");
        QVERIFY(!s.setLabel(2, QStringLiteral("mine")).ok());
        QVERIFY(s.setLabel(2, key).ok());
        QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 2"), key);
        // No such run.
        const core::Status none = s.setNote(99, QStringLiteral("x"));
        QVERIFY(!none.ok());
        QVERIFY2(none.error().find("no run 99") != std::string::npos, none.error().c_str());
        QVERIFY(!s.setLabel(99, QStringLiteral("x")).ok());
        // Notes: several lines are fine, one character too many is not.
        const QString note = QStringLiteral("Baseline for the flash sale.\nCTR looks low – ü 漢字");
        QVERIFY(s.setNote(1, note).ok());
        QCOMPARE(rawText(path, "SELECT note FROM runs WHERE id = 1"), note);
        QVERIFY(!s.setNote(1, QString(sim::RunStore::kMaxNoteLength + 1, QLatin1Char('n'))).ok());
        QCOMPARE(rawText(path, "SELECT note FROM runs WHERE id = 1"), note);
        QCOMPARE(s.run(1).value().note, note);
        // Clearing.
        QVERIFY(s.setLabel(1, QString()).ok());
        QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 1"), QString());
    }

    void aLockedStoreChangesNothing() {
        const QString path = makeStore(QStringLiteral("locked.db"));
        auto opened = sim::RunStore::open(path);
        sim::RunStore& s = *opened.value();
        s.setBusyTimeout(50);
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        const core::Status st = s.setLabel(1, QStringLiteral("while locked"));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().find("locked") != std::string::npos, st.error().c_str());
        QVERIFY(!s.setNote(1, QStringLiteral("while locked")).ok());
        QCOMPARE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QCOMPARE(rawText(path, "SELECT label FROM runs WHERE id = 1"), QStringLiteral("first"));
        QCOMPARE(rawText(path, "SELECT note FROM runs WHERE id = 1"), QString());
    }

    void paramsTextReadsEveryParameter() {
        QCOMPARE(
            sim::RunParamsText::brief("{\"k\":20,\"alpha\":0.5,\"mode\":\"fast\",\"on\":true}"),
            QStringLiteral("alpha=0.5, k=20, mode=fast, on=true"));
        QCOMPARE(sim::RunParamsText::full("{\"k\":20,\"alpha\":1e-05}"),
                 QStringLiteral("alpha = 1e-05\nk = 20"));
        QCOMPARE(sim::RunParamsText::brief("{}"), QStringLiteral("(none)"));
        QCOMPARE(sim::RunParamsText::brief("not json"), QStringLiteral("(not JSON)"));
    }

    void cliLabelNoteAndListing() {
        const QString db = m_dir.filePath(QStringLiteral("cli.db"));
        Cli run = cli({"run", "--scenario", "teaching-small", "--recommender", "itemknn", "--param",
                       "neighbours=15", "--events", "3000", "--db", db});
        QVERIFY2(run.code == 0, qPrintable(run.err));

        Cli label = cli({"label", "--db", db, "--run", "1", "baseline & co"});
        QVERIFY2(label.code == 0, qPrintable(label.err));
        QVERIFY2(label.out.contains(QStringLiteral("label set")), qPrintable(label.out));
        QCOMPARE(rawText(db, "SELECT label FROM runs WHERE id = 1"),
                 QStringLiteral("baseline & co"));
        QFile noteFile(m_dir.filePath(QStringLiteral("note.txt")));
        QVERIFY(noteFile.open(QIODevice::WriteOnly));
        noteFile.write("Two lines <b>\nsecond – ü\n");
        noteFile.close();
        Cli note = cli({"note", "--db", db, "--run", "1", "--file", noteFile.fileName(), "--json"});
        QVERIFY2(note.code == 0, qPrintable(note.err));
        QCOMPARE(QJsonDocument::fromJson(note.out.toUtf8()).object().value("note").toString(),
                 QStringLiteral("Two lines <b>\nsecond – ü\n"));
        QCOMPARE(rawText(db, "SELECT note FROM runs WHERE id = 1"),
                 QStringLiteral("Two lines <b>\nsecond – ü\n"));

        // Refusals: the message names what is wrong, the exit code says what kind, and
        // the file holds what it held.
        const struct {
            QStringList args;
            int code;
            const char* message;
        } bad[] = {
            {{"label", "--db", db, "--run", "9", "x"}, 4, "no run 9"},
            {{"label", "--db", db, "--run", "1", QString(81, QLatin1Char('y'))}, 2, "at most 80"},
            {{"label", "--db", db, "--run", "1", "a\nb"}, 2, "one line"},
            {{"label", "--db", db, "--run", "0", "x"}, 2, "--run N"},
            {{"label", "--db", db, "--run", "1"}, 2, "needs the text"},
            {{"note", "--db", db, "--run", "1", "--file", m_dir.filePath("none.txt")},
             3,
             "none.txt"},
            {{"note", "--db", m_dir.filePath("missing.db"), "--run", "1", "x"},
             4,
             "no such run store"},
            // A label given when the run is made follows the same rule (it went unchecked).
            {{"run", "--scenario", "teaching-small", "--recommender", "random", "--events", "50",
              "--db", db, "--label", "a\nb"},
             2,
             "--label: a label is one line"},
            {{"compare", "--scenario", "teaching-small", "--recommenders", "random,popularity",
              "--events", "50", "--db", db, "--label", "sweep:1 job:2"},
             2,
             "reserved for a sweep"},
        };
        for (const auto& b : bad) {
            Cli r = cli(b.args);
            QVERIFY2(r.code == b.code, qPrintable(b.args.join(' ') + " -> " + r.err));
            QVERIFY2(r.err.contains(QString::fromLatin1(b.message)), qPrintable(r.err));
        }
        QCOMPARE(rawText(db, "SELECT label FROM runs WHERE id = 1"),
                 QStringLiteral("baseline & co"));

        // A locked store: exit 4 after the busy timeout, nothing written.
        {
            sqlite3* other = nullptr;
            QCOMPARE(sqlite3_open(db.toUtf8().constData(), &other), SQLITE_OK);
            QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
            Cli locked = cli({"label", "--db", db, "--run", "1", "other"});
            QCOMPARE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(other);
            QVERIFY2(locked.code == 4, qPrintable(locked.err));
            QVERIFY2(locked.err.contains(QStringLiteral("locked")), qPrintable(locked.err));
            QCOMPARE(rawText(db, "SELECT label FROM runs WHERE id = 1"),
                     QStringLiteral("baseline & co"));
        }

        // The listing: text and JSON, with the parameters as stored.
        Cli runs = cli({"runs", "--db", db});
        QVERIFY2(runs.code == 0, qPrintable(runs.err));
        QVERIFY2(runs.out.contains(QStringLiteral("baseline & co")), qPrintable(runs.out));
        QVERIFY2(runs.out.contains(QStringLiteral("neighbours=15")), qPrintable(runs.out));
        QVERIFY2(runs.out.contains(QStringLiteral("Two lines <b>…")), qPrintable(runs.out));
        Cli json = cli({"runs", "--db", db, "--json"});
        const QJsonArray list =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value("runs").toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject r1 = list.first().toObject();
        QCOMPARE(r1.value("label").toString(), QStringLiteral("baseline & co"));
        QCOMPARE(r1.value("note").toString(), QStringLiteral("Two lines <b>\nsecond – ü\n"));
        QCOMPARE(r1.value("params").toObject().value("neighbours").toDouble(), 15.0);
        QCOMPARE(QJsonDocument(r1.value("params").toObject()).toJson(QJsonDocument::Compact),
                 rawText(db, "SELECT params_json FROM runs WHERE id = 1").toUtf8());
        QCOMPARE(cli({"runs", "--db", db, "--filter", "BASELINE"}).out.count("itemknn"), 1);
        QVERIFY(!cli({"runs", "--db", db, "--filter", "nothing like it"}).out.contains("itemknn"));

        // report: text, JSON and the HTML page carry both.
        Cli report = cli({"report", "--db", db, "--run", "1"});
        QVERIFY2(report.out.contains(QStringLiteral("Label: baseline & co")),
                 qPrintable(report.out));
        QVERIFY2(report.out.contains(QStringLiteral("Note: Two lines <b>")),
                 qPrintable(report.out));
        const QJsonObject rj = QJsonDocument::fromJson(
                                   cli({"report", "--db", db, "--run", "1", "--json"}).out.toUtf8())
                                   .object();
        QCOMPARE(rj.value("label").toString(), QStringLiteral("baseline & co"));
        QCOMPARE(rj.value("note").toString(), QStringLiteral("Two lines <b>\nsecond – ü\n"));
        const QString html = m_dir.filePath(QStringLiteral("r.html"));
        Cli page = cli({"report", "--db", db, "--run", "1", "--html", html});
        QVERIFY2(page.code == 0, qPrintable(page.err));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(h.readAll());
        QVERIFY(text.contains(QStringLiteral("<b>baseline &amp; co</b>")));
        QVERIFY(text.contains(QStringLiteral("Two lines &lt;b&gt;<br>second – ü")));
    }
};

QTEST_GUILESS_MAIN(TestRunNotes)
#include "tst_run_notes.moc"
