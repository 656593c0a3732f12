// The `group-fair` re-ranker narrows the age-band CTR gap (issue 16, fairness across
// shoppers; docs/use-cases.md). One `compare` arena puts `popularity`, `group-fair` over it
// (defaults: age_band, lift, strength 4) and `group-fair` at strength 0 before the same
// shoppers (default, seed 7, 100,000 events each), then `report --json` gives each run's
// CTR per age band.
//
// Margin: a group's CTR is clicks / impressions; a slate holds at most one click, so its
// variance is at most p (1 - p) / impressions (binomial over impressions, conservative).
// The gap is max - min over the groups, and the difference of two runs' gaps has a
// standard error of sqrt of the four groups' variances; the test asks for z > 1.96.
// Strength 0 must leave the inner core's events untouched: every stored event and slate of
// that run equals popularity's, column by column.
//
// Mutation tried: the group weight's sign flipped (groups served worse are pushed further
// from what they click: `1.0 - CTR_g / CTR` -> `CTR_g / CTR - 1.0`): gapNarrows fails (the
// gap widens, z < 0).

#include "cli_process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>

using namespace recoscope;

namespace {

struct Gap {
    double gap = 0.0, variance = 0.0, ctr = 0.0;
};

// The age-band gap of `run` from report --json, with the variance of its two groups' CTRs.
Gap ageBandGap(const QString& db, int run) {
    const test::CliResult r =
        test::cli({"report", "--run", QString::number(run), "--json", "--db", db});
    if (r.code != 0)
        qFatal("report failed: %s", qPrintable(r.err));
    const QJsonObject groups =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value("shopper_groups").toObject();
    Gap out;
    double lo = 1.0, hi = -1.0, loVar = 0.0, hiVar = 0.0, clicks = 0.0, impressions = 0.0;
    for (const QJsonValue& a : groups.value("attributes").toArray()) {
        if (a.toObject().value("attribute").toString() != QLatin1String("age_band"))
            continue;
        for (const QJsonValue& v : a.toObject().value("groups").toArray()) {
            const QJsonObject g = v.toObject();
            const double n = g.value("impressions").toDouble(), c = g.value("clicks").toDouble();
            clicks += c, impressions += n;
            const double p = c / n;
            if (p < lo)
                lo = p, loVar = p * (1.0 - p) / n;
            if (p > hi)
                hi = p, hiVar = p * (1.0 - p) / n;
        }
        out.gap = hi - lo;
        out.variance = loVar + hiVar;
        out.ctr = clicks / impressions;
    }
    return out;
}

// Every row of `table` for `run`, as text, in sequence order (the run id left out).
QStringList rowsOf(const QString& db, const char* table, const char* columns, int run) {
    QStringList out;
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr);
    const QByteArray sql =
        QByteArray("SELECT ") + columns + " FROM " + table + " WHERE run_id = ? ORDER BY seq";
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql.constData(), -1, &st, nullptr);
    sqlite3_bind_int(st, 1, run);
    while (sqlite3_step(st) == SQLITE_ROW) {
        QString row;
        for (int c = 0; c < sqlite3_column_count(st); ++c)
            row +=
                QString::fromUtf8(QByteArray(static_cast<const char*>(sqlite3_column_blob(st, c)),
                                             sqlite3_column_bytes(st, c))
                                      .toHex()) +
                QLatin1Char('|');
        out.push_back(row);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

} // namespace

class TestGroupFairEffect : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase() {
        m_db = m_dir.filePath(QStringLiteral("fair.db"));
        const test::CliResult r =
            test::cli({"compare", "--scenario", "default", "--recommenders",
                       "popularity,group-fair,group-fair", "--param", "group-fair#2.strength=0",
                       "--seed", "7", "--events", "100000", "--threads", "2", "--db", m_db});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void gapNarrows() {
        const Gap plain = ageBandGap(m_db, 1), fair = ageBandGap(m_db, 2);
        const double z = (plain.gap - fair.gap) / std::sqrt(plain.variance + fair.variance);
        const QString what = QStringLiteral("age-band CTR gap %1 -> %2 pp, z %3; CTR %4 -> %5 %")
                                 .arg(100 * plain.gap)
                                 .arg(100 * fair.gap)
                                 .arg(z)
                                 .arg(100 * plain.ctr)
                                 .arg(100 * fair.ctr);
        qInfo("%s", qPrintable(what));
        QVERIFY2(z > 1.96, qPrintable(what));
    }

    void strengthZeroIsTheInnerCore() {
        const char* events = "time, user, item, kind, surface, position, from_rec, price";
        const char* slates = "time, user, surface, context_item, clicked, items, propensities";
        const QStringList a = rowsOf(m_db, "events", events, 1);
        QVERIFY(a.size() > 90000);
        QVERIFY(a == rowsOf(m_db, "events", events, 3));
        const QStringList s = rowsOf(m_db, "slates", slates, 1);
        QVERIFY(s.size() > 10000);
        QVERIFY(s == rowsOf(m_db, "slates", slates, 3));
        QVERIFY(a != rowsOf(m_db, "events", events, 2)); // the comparison can tell runs apart
    }
};

QTEST_GUILESS_MAIN(TestGroupFairEffect)
#include "tst_group_fair_effect.moc"
