// Golden runs: small scenarios run with a few cores must reproduce the recorded event
// fingerprint and metrics. A change to the shopper model or a core that moves these
// figures must be deliberate: regenerate with RECOSCOPE_UPDATE_GOLDEN=1 and review the
// diff of tests/golden/*.csv in the commit.

#include "recoscope/core/registry.h"
#include "recoscope/sim/builtin_scenarios.h"
#include "recoscope/sim/engine.h"
#include "test_paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace recoscope;

namespace {

const QString kGoldenDir = recoscope::test::sourcePath(QStringLiteral("/tests/golden"));

struct Golden {
    QString eventsHash;
    QList<QPair<QString, double>> metrics; // "name@bucketEnd" -> value, latency excluded
};

QString fingerprint(const std::vector<core::Event>& events) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const core::Event& e : events) {
        h.addData(QByteArrayView(reinterpret_cast<const char*>(&e.time), sizeof e.time));
        const std::uint32_t ints[] = {e.user,
                                      e.item,
                                      std::uint32_t(e.kind),
                                      std::uint32_t(e.surface),
                                      std::uint32_t(std::int32_t(e.position)),
                                      e.fromRecommendation ? 1u : 0u};
        h.addData(QByteArrayView(reinterpret_cast<const char*>(ints), sizeof ints));
        h.addData(QByteArrayView(reinterpret_cast<const char*>(&e.price), sizeof e.price));
    }
    return QString::fromLatin1(h.result().toHex());
}

Golden runGolden(const core::RecommenderRegistry& registry, const QString& scenario,
                 const std::string& core, std::uint64_t events) {
    auto s = sim::loadBuiltinScenario(scenario);
    if (!s.ok())
        qFatal("%s", s.error().c_str());
    auto engine = sim::Engine::create(s.value(), 2026, registry, core, {});
    if (!engine.ok())
        qFatal("%s", engine.error().c_str());
    struct Collect : sim::EventSink {
        std::vector<core::Event> events;
        core::Status consume(std::span<const core::Event> e) override {
            events.insert(events.end(), e.begin(), e.end());
            return core::Ok{};
        }
    } sink;
    engine.value()->setEventSink(&sink);
    sim::RunLimits limits;
    limits.maxEvents = events;
    engine.value()->run(limits);
    Golden g;
    g.eventsHash = fingerprint(sink.events);
    for (const core::MetricPoint& p : engine.value()->flushBuckets())
        for (const auto& [name, value] : p.named())
            if (name.rfind("latency", 0) != 0)
                g.metrics.append({QStringLiteral("%1@%2")
                                      .arg(QString::fromStdString(name))
                                      .arg(p.bucketEnd, 0, 'f', 3),
                                  value});
    return g;
}

QString goldenPath(const QString& scenario, const QString& core) {
    return kGoldenDir + QStringLiteral("/%1.%2.csv").arg(scenario, core);
}

void write(const QString& path, const Golden& g) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write("events_sha256," + g.eventsHash.toLatin1() + "\n");
    for (const auto& [key, value] : g.metrics)
        f.write(key.toLatin1() + "," + QByteArray::number(value, 'g', 17) + "\n");
}

bool read(const QString& path, Golden& g) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    while (!f.atEnd()) {
        const QList<QByteArray> parts = f.readLine().trimmed().split(',');
        if (parts.size() != 2)
            continue;
        if (parts[0] == "events_sha256")
            g.eventsHash = QString::fromLatin1(parts[1]);
        else
            g.metrics.append({QString::fromLatin1(parts[0]), parts[1].toDouble()});
    }
    return true;
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT
    core::RecommenderRegistry m_registry;

private slots:
    void initTestCase() { core::registerBuiltinRecommenders(m_registry); }

    void golden_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("core");
        QTest::addColumn<int>("events");
        for (const char* core : {"random", "popularity", "itemknn"}) {
            QTest::newRow(qPrintable(QStringLiteral("teaching-small/%1").arg(QLatin1String(core))))
                << QStringLiteral("teaching-small") << QString::fromLatin1(core) << 3000;
            QTest::newRow(qPrintable(QStringLiteral("default/%1").arg(QLatin1String(core))))
                << QStringLiteral("default") << QString::fromLatin1(core) << 40000;
        }
    }
    void golden() {
        QFETCH(QString, scenario);
        QFETCH(QString, core);
        QFETCH(int, events);
        const Golden now =
            runGolden(m_registry, scenario, core.toStdString(), static_cast<std::uint64_t>(events));
        const QString path = goldenPath(scenario, core);
        if (qEnvironmentVariableIsSet("RECOSCOPE_UPDATE_GOLDEN")) {
            write(path, now);
            QSKIP("golden file rewritten; review the diff");
        }
        Golden expected;
        QVERIFY2(
            read(path, expected),
            qPrintable(path + QStringLiteral(" is missing; run with RECOSCOPE_UPDATE_GOLDEN=1")));
        QCOMPARE(now.metrics.size(), expected.metrics.size());
        for (qsizetype i = 0; i < now.metrics.size(); ++i) {
            QCOMPARE(now.metrics[i].first, expected.metrics[i].first);
            const double a = now.metrics[i].second, b = expected.metrics[i].second;
            QVERIFY2(std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)),
                     qPrintable(QStringLiteral("%1: %2, golden %3")
                                    .arg(now.metrics[i].first)
                                    .arg(a, 0, 'g', 17)
                                    .arg(b, 0, 'g', 17)));
        }
        QCOMPARE(now.eventsHash, expected.eventsHash);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
