// Two runs' set-ups side by side (issue 14): every leaf of the scenario and parameters,
// the differing ones marked, and `recoscope-cli diff`.

#include "recoscope/core/registry.h"
#include "recoscope/sim/command_line.h"
#include "recoscope/sim/run_diff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace recoscope;

class TestRunDiff : public QObject {
    Q_OBJECT

private slots:
    void leavesAreEveryScalarWithItsPath() {
        const QJsonObject o =
            QJsonDocument::fromJson(
                R"({"a": {"b": 1, "c": [2.5, "x"]}, "d": {}, "e": [], "f": true})")
                .object();
        const auto leaves = sim::jsonLeaves(o, QStringLiteral("s"));
        const std::vector<std::pair<QString, QString>> expected = {
            {QStringLiteral("s.a.b"), QStringLiteral("1")},
            {QStringLiteral("s.a.c[0]"), QStringLiteral("2.5")},
            {QStringLiteral("s.a.c[1]"), QStringLiteral("x")},
            {QStringLiteral("s.d"), QStringLiteral("{}")},
            {QStringLiteral("s.e"), QStringLiteral("[]")},
            {QStringLiteral("s.f"), QStringLiteral("true")}};
        QCOMPARE(leaves, expected);
    }

    void differingRowsAreMarked() {
        sim::RunRecord a, b;
        a.id = 1;
        b.id = 2;
        a.recommender = b.recommender = QStringLiteral("itemknn");
        a.seed = 1;
        b.seed = 2;
        a.paramsJson = R"({"neighbours": 100, "history": 20})";
        b.paramsJson = R"({"neighbours": 50})";
        a.scenarioJson = R"({"catalogue": {"items": 3000}, "slate_size": 10})";
        b.scenarioJson = R"({"catalogue": {"items": 3000}, "slate_size": 12})";
        const auto rows = sim::diffRuns(a, b);
        QStringList paths, differing;
        for (const auto& r : rows) {
            paths << r.path;
            if (r.differs)
                differing << r.path + QLatin1Char('=') + r.a + QLatin1Char('|') + r.b;
        }
        QCOMPARE(paths,
                 QStringList({QStringLiteral("recommender"), QStringLiteral("seed"),
                              QStringLiteral("params.history"), QStringLiteral("params.neighbours"),
                              QStringLiteral("scenario.catalogue.items"),
                              QStringLiteral("scenario.slate_size")}));
        QCOMPARE(differing, QStringList({QStringLiteral("seed=1|2"),
                                         QStringLiteral("params.history=20|(absent)"),
                                         QStringLiteral("params.neighbours=100|50"),
                                         QStringLiteral("scenario.slate_size=10|12")}));
    }

    void cliPrintsTheDifferences() {
        core::RecommenderRegistry registry;
        core::registerBuiltinRecommenders(registry);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.db"));
        auto cli = [&](const QStringList& args, QString* out, QString* err) {
            QString o, e;
            QTextStream os(&o), es(&e);
            sim::CommandLine command(registry, os, es);
            const int code = command.exec(QStringList{QStringLiteral("recoscope-cli")} + args);
            *out = o;
            *err = e;
            return code;
        };
        QString out, err;
        for (const char* seed : {"1", "2"})
            QCOMPARE(
                cli({QStringLiteral("run"), QStringLiteral("--scenario"),
                     QStringLiteral("teaching-small"), QStringLiteral("--recommender"),
                     QStringLiteral("random"), QStringLiteral("--seed"), QString::fromLatin1(seed),
                     QStringLiteral("--events"), QStringLiteral("200"), QStringLiteral("--db"), db},
                    &out, &err),
                0);
        QCOMPARE(cli({QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("2"),
                      QStringLiteral("--db"), db},
                     &out, &err),
                 0);
        // Only the seed: the run's and the resolved scenario's copy of it.
        QVERIFY2(out.contains(QStringLiteral("2 of ")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("scenario.seed")));
        QCOMPARE(cli({QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("2"),
                      QStringLiteral("--db"), db, QStringLiteral("--json")},
                     &out, &err),
                 0);
        const QJsonObject j = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("differing")).toInt(), 2);
        QCOMPARE(cli({QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("x"),
                      QStringLiteral("--db"), db},
                     &out, &err),
                 2);
        QCOMPARE(cli({QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("9"),
                      QStringLiteral("--db"), db},
                     &out, &err),
                 4);
        QVERIFY(err.contains(QStringLiteral("9")));
    }
};

QTEST_MAIN(TestRunDiff)
#include "tst_run_diff.moc"
