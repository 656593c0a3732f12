// recoscope-bench-gui: the GUI thread's event-loop latency while the engine runs at full
// speed (docs/performance.md, "GUI"). A 10 ms timer on the GUI thread records how late
// each tick fires while a two-core arena of `default` runs unthrottled and the dashboard
// repaints at ~30 Hz. Not a test: the figures depend on the machine.
//
// Lateness depends on the other threads of a shared machine; two figures do not: the GUI
// thread's CPU time per refresh, and the CPU time of each uninterrupted block of GUI work
// (one top-level event: the refresh timer, a paint, a queued batch). A 10 ms timer can
// only be on time if no block is longer than a few ms.
//
//   recoscope-bench-gui [SECONDS] [CORES...]    (default: 20 s, popularity itemknn)
//   RECOSCOPE_BENCH_THREADS=N sets the workbench's Engine threads (default: its default).

#include "recoscope/core/registry.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/main_window.h"
#include "recoscope/ui/run_controller.h"
#include "recoscope/ui/scenario_panel.h"
#include "recoscope/ui/strategy_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace recoscope;

namespace {

// CPU time of the calling thread: unlike timer lateness, it does not depend on how busy
// the other cores of a shared machine are.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Records the GUI thread's CPU time spent in each top-level event delivery (nested
// sendEvent calls belong to the block that made them).
class BlockTimingApp final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (!recording || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        const double t0 = threadCpuMs();
        const bool r = QApplication::notify(receiver, event);
        blocks.push_back(threadCpuMs() - t0);
        --m_depth;
        return r;
    }
    bool recording = false;
    std::vector<double> blocks;

private:
    int m_depth = 0;
};

} // namespace

int main(int argc, char** argv) {
    BlockTimingApp app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("RecoscopeBench"));
    const QStringList args = QApplication::arguments();
    const double seconds = args.size() > 1 ? args[1].toDouble() : 20.0;
    QStringList cores = args.mid(2);
    if (cores.isEmpty())
        cores = {QStringLiteral("popularity"), QStringLiteral("itemknn")};

    QTemporaryDir tmp;
    core::RecommenderRegistry registry;
    core::registerBuiltinRecommenders(registry);
    ui::MainWindow w(registry, tmp.filePath(QStringLiteral("bench.db")));
    w.resize(1600, 1000);
    w.show();
    w.scenarioPanel()->selectPreset(QStringLiteral("default"));
    w.strategyPanel()->setCores(cores);
    w.scenarioPanel()->setEventLimit(0);
    if (const int threads = qEnvironmentVariableIntValue("RECOSCOPE_BENCH_THREADS"); threads > 0)
        w.strategyPanel()->setEngineThreads(threads);

    std::vector<double> late;
    int refreshes = 0;
    double cpuStart = 0.0;
    QObject::connect(&w.controller(), &ui::RunController::refreshed, [&] { ++refreshes; });
    QElapsedTimer tick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (tick.isValid())
            late.push_back(std::max(0.0, static_cast<double>(tick.nsecsElapsed()) / 1e6 - 10.0));
        tick.start();
    });
    QElapsedTimer wall;
    QTimer::singleShot(500, [&] {
        w.startRun();
        probe.start();
        wall.start();
        cpuStart = threadCpuMs();
        app.recording = true;
    });
    QTimer stop;
    QObject::connect(&stop, &QTimer::timeout, [&] {
        if (!wall.isValid())
            return;
        const bool over = w.controller().state() == ui::RunController::State::Finished;
        if (over || static_cast<double>(wall.elapsed()) / 1000.0 >= seconds) {
            probe.stop();
            app.recording = false;
            const double cpu = threadCpuMs() - cpuStart;
            const double s = static_cast<double>(wall.elapsed()) / 1000.0;
            const std::uint64_t events = w.controller().events();
            w.controller().stop();
            std::sort(late.begin(), late.end());
            auto q = [&](double p) {
                return late.empty() ? 0.0
                                    : late[static_cast<std::size_t>(p * double(late.size() - 1))];
            };
            std::printf("cores: %s, engine threads: %d\n", qPrintable(cores.join(QLatin1Char(' '))),
                        w.strategyPanel()->engineThreads());
            std::printf("wall: %.1f s, events (all cores): %llu, %.0f events/s, chart refreshes: "
                        "%d (%.1f/s)\n",
                        s, static_cast<unsigned long long>(events), double(events) / s, refreshes,
                        refreshes / s);
            std::printf("10 ms timer lateness over %zu ticks: p50 %.1f ms, p95 %.1f ms, p99 %.1f "
                        "ms, max %.1f ms\n",
                        late.size(), q(0.5), q(0.95), q(0.99), late.empty() ? 0.0 : late.back());
            std::printf(
                "GUI thread CPU: %.0f ms over %.1f s (%.1f %% of one core), %.1f ms per refresh\n",
                cpu, s, cpu / (s * 10.0), refreshes ? cpu / refreshes : 0.0);
            std::vector<double>& b = app.blocks;
            std::sort(b.begin(), b.end());
            const auto longer = [&](double ms) {
                return std::count_if(b.begin(), b.end(), [ms](double x) { return x > ms; });
            };
            const auto bq = [&](double p) {
                return b.empty() ? 0.0 : b[static_cast<std::size_t>(p * double(b.size() - 1))];
            };
            std::printf("GUI blocks (CPU per top-level event): %zu, p99 %.1f ms, p99.9 %.1f ms, "
                        "max %.1f ms, over 4 ms: %td, over 8 ms: %td, over 16 ms: %td\n",
                        b.size(), bq(0.99), bq(0.999), b.empty() ? 0.0 : b.back(), longer(4.0),
                        longer(8.0), longer(16.0));
            QApplication::quit();
        }
    });
    stop.start(100);
    return QApplication::exec();
}
