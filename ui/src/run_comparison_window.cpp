#include "recoscope/ui/run_comparison_window.h"

#include "recoscope/sim/ab_statistics.h"
#include "recoscope/sim/feedback_loop_json.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/sim/scenario.h"
#include "recoscope/ui/feedback_loop_panel.h"
#include "recoscope/ui/live_charts_panel.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/run_history_model.h"

#include <QVBoxLayout>

#include <optional>

namespace recoscope::ui {

RunComparisonWindow::RunComparisonWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), m_store(std::make_unique<MetricSeriesStore>()) {
    setObjectName(QStringLiteral("runComparisonWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    m_charts = new LiveChartsPanel(this);
    layout->addWidget(m_charts);
    resize(1200, 850);
}

RunComparisonWindow::~RunComparisonWindow() {
    stopStatistics();
    m_feedback.stop();
}

// The feedback loop is not stored: it is recomputed from the slate log and the views, with
// the item vectors of the regenerated shop (seconds for a large shop, O(events)), on a
// thread with its own read-only connection.
void RunComparisonWindow::startFeedbackLoop(const QString& dbPath) {
    m_feedback.stop();
    std::vector<std::pair<int, qint64>> runs; // store index, run id: simulated runs only
    QStringList names;
    for (int c = 0; c < m_store->coreCount(); ++c)
        if (!m_store->core(c).replay) {
            runs.emplace_back(c, m_store->core(c).runId);
            names << m_store->core(c).label;
        }
    FeedbackLoopPanel* panel = m_charts->feedbackLoopPanel();
    if (runs.empty()) {
        panel->setNote({});
        return;
    }
    panel->setNote(tr("Computing the feedback loop from the stored slates and views…"));
    using Days = std::optional<std::vector<core::FeedbackDay>>;
    struct Loaded {
        std::vector<Days> days; // per entry of `runs`
        QString error;
    };
    m_feedback.start<Loaded>(
        this,
        [dbPath, runs](const std::atomic<bool>* cancel) {
            Loaded out;
            auto store = sim::RunStore::open(dbPath, sim::RunStore::Mode::ReadOnly);
            if (!store) {
                out.error = QString::fromStdString(store.error());
                return out;
            }
            for (const auto& [index, runId] : runs) {
                auto days = sim::storedFeedbackDays(*store.value(), runId, cancel);
                if (!days) {
                    out.error = QString::fromStdString(days.error());
                    return out;
                }
                out.days.push_back(std::move(days).value());
            }
            return out;
        },
        [this, runs, names, panel](Loaded loaded) {
            QStringList without;
            for (std::size_t i = 0; i < loaded.days.size(); ++i) {
                if (loaded.days[i])
                    m_store->setFeedbackDays(runs[i].first, std::move(*loaded.days[i]));
                else
                    without << names[static_cast<qsizetype>(i)];
            }
            if (!loaded.error.isEmpty())
                panel->setNote(
                    tr("The feedback loop could not be recomputed: %1").arg(loaded.error));
            else if (!without.isEmpty())
                panel->setNote(tr("No feedback loop for %1: stored without a slate log.")
                                   .arg(without.join(QStringLiteral(", "))));
            else
                panel->setNote({});
            m_charts->invalidate();
            m_charts->showStore(*m_store);
        });
}

void RunComparisonWindow::stopStatistics() {
    if (!m_statistics)
        return;
    m_cancelStatistics->store(true);
    m_statistics->wait();
    m_statistics.reset();
}

// Per-user outcomes are recomputed from the events table, O(events): on a thread with its
// own read-only connection (one SQLite connection per thread), never on the GUI thread.
void RunComparisonWindow::startStatistics(const QString& dbPath, const QList<qint64>& runIds) {
    m_cancelStatistics = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelStatistics;
    m_statistics.reset(QThread::create([this, dbPath, runIds, cancel] {
        QString error;
        std::vector<sim::PairComparison> result;
        auto store = sim::RunStore::open(dbPath, sim::RunStore::Mode::ReadOnly);
        if (!store)
            error = QString::fromStdString(store.error());
        std::vector<sim::UserRows> rows;
        for (qint64 id : runIds) {
            if (!error.isEmpty() || cancel->load())
                break;
            auto r = sim::storedUserOutcomes(*store.value(), id, cancel.get());
            if (!r)
                error = QString::fromStdString(r.error());
            else
                rows.push_back(std::move(r).value());
        }
        if (error.isEmpty() && !cancel->load()) {
            std::vector<const sim::UserRows*> ptrs;
            for (const auto& r : rows)
                ptrs.push_back(&r);
            result = sim::comparePairs(ptrs, sim::versusFirst(ptrs.size()), false);
        }
        if (cancel->load())
            return;
        // Queued to the window: dropped by Qt if the window is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), error] {
                if (m_statistics)
                    m_statistics->wait();
                m_statistics.reset();
                if (error.isEmpty())
                    m_store->setComparisons(result);
                else
                    m_store->setComparisonNote(
                        tr("The per-user statistics could not be computed: %1").arg(error));
                m_charts->showStore(*m_store);
            },
            Qt::QueuedConnection);
    }));
    m_statistics->start();
}

QString RunComparisonWindow::load(const RunHistoryModel& model, const QList<qint64>& runIds) {
    m_store->clear();
    if (!model.store())
        return tr("No run store is open.");
    QStringList labels;
    for (qint64 id : runIds) {
        if (core::Status st = m_store->addStoredRun(*model.store(), id); !st)
            return QString::fromStdString(st.error());
        labels << m_store->core(m_store->coreCount() - 1).label;
    }
    keepArenaColours(model, runIds);
    setWindowTitle(runIds.size() == 1
                       ? tr("Run %1").arg(labels.join(QString()))
                       : tr("Comparison: %1").arg(labels.join(QStringLiteral(", "))));
    stopStatistics();
    if (runIds.size() > 1) {
        // Pairing users is only meaningful when the runs faced the same shoppers.
        bool paired = true;
        std::optional<sim::RunRecord> first;
        for (qint64 id : runIds) {
            auto r = model.store()->run(id);
            if (!r)
                return QString::fromStdString(r.error());
            if (!first)
                first = r.value();
            else if (r.value().scenarioHash != first->scenarioHash || r.value().seed != first->seed)
                paired = false;
        }
        if (paired) {
            m_store->setComparisonNote(tr("Computing the per-user statistics from the stored "
                                          "events…"));
            startStatistics(model.store()->path(), runIds);
        } else {
            m_store->setComparisonNote(tr("No per-user statistics: these runs faced different "
                                          "shoppers (another scenario or seed)."));
        }
    }
    startFeedbackLoop(model.store()->path());
    m_charts->setTimeline(sharedTimeline(model, runIds));
    m_charts->invalidate();
    m_charts->showStore(*m_store);
    return {};
}

// Runs of one arena keep the colours they had live (the i-th core the i-th colour), also
// when only some of them are shown or one is exported alone; runs of different arenas
// take the colours of their order here.
void RunComparisonWindow::keepArenaColours(const RunHistoryModel& model,
                                           const QList<qint64>& runIds) {
    qint64 experiment = 0;
    for (qint64 id : runIds) {
        auto r = model.store()->run(id);
        if (!r || r.value().experimentId == 0 ||
            (experiment != 0 && r.value().experimentId != experiment))
            return;
        experiment = r.value().experimentId;
    }
    const QList<qint64> arena = model.experimentRuns(experiment);
    for (int c = 0; c < m_store->coreCount(); ++c)
        if (const auto at = arena.indexOf(m_store->core(c).runId); at >= 0)
            m_store->setColourIndex(c, static_cast<int>(at));
}

// The markers of the live view, from the scenario stored with each run. Runs of different
// timelines get none: a promotion of one run drawn over another would mislead. A replay
// (no scenario) and a scenario that no longer parses get none either.
std::vector<sim::TimelineEvent> RunComparisonWindow::sharedTimeline(const RunHistoryModel& model,
                                                                    const QList<qint64>& runIds) {
    std::optional<std::vector<sim::TimelineEvent>> shared;
    for (qint64 id : runIds) {
        auto r = model.store()->run(id);
        if (!r)
            return {};
        auto scenario = sim::parseScenario(r.value().scenarioJson, tr("run %1").arg(id));
        if (!scenario)
            return {};
        if (!shared)
            shared = scenario.value().timeline;
        else if (sim::timelineToJson(*shared) != sim::timelineToJson(scenario.value().timeline))
            return {};
    }
    return shared.value_or(std::vector<sim::TimelineEvent>{});
}

} // namespace recoscope::ui
