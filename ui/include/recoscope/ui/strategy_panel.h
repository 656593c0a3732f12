#pragma once
// StrategyPanel: choose 1-4 recommender cores for one run (the A/B arena) and set each
// core's parameters in a form generated from its ParamSpec schema, and, per core, a core
// of its own for any surface ("Per surface…", SurfaceAssignmentDialog). Cores are discovered
// from the registry; nothing here knows any core by name.

#include "recoscope/sim/engine_worker.h"

#include "recoscope/core/result.h"

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace recoscope::core {
class RecommenderRegistry;
}

namespace recoscope::ui {

class CoreSlot;

class RecommenderListModel;

class StrategyPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxCores = 4;

    explicit StrategyPanel(const core::RecommenderRegistry& registry, QWidget* parent = nullptr);

    /// The cores and parameters as chosen (text values, validated by the registry).
    std::vector<sim::ArenaSpec::Core> cores() const;
    QStringList coreIds() const;
    /// Replaces the slots by these core ids (unknown ids are skipped); at least one slot.
    void setCores(const QStringList& ids);
    int slotCount() const { return static_cast<int>(m_slots.size()); }
    RecommenderListModel* recommenderModel() const { return m_model; }
    /// Sets a parameter of slot `index` by key (for tests and saved settings).
    bool setParam(int index, const QString& key, const QString& value);
    /// The strategy per surface of slot `index` (what its "Per surface…" dialog sets): a core
    /// of their own for some surfaces, slot `index`'s core for the rest. False for a bad index.
    bool setSurfaces(int index, const sim::SurfaceAssignments& surfaces);
    sim::SurfaceAssignments surfaces(int index) const;
    /// Wall-clock budget of one recommendation in microseconds (0 = none): a slower core is
    /// stopped (RunLimits::latencyBudgetUs).
    double latencyBudgetUs() const;
    void setLatencyBudgetUs(double us);
    /// Threads the arena's cores run on (ArenaSpec::threads, 1..16); results never depend
    /// on it, only the speed does.
    int engineThreads() const;
    void setEngineThreads(int threads);
    /// The machine's hardware threads (1..16): the default, which measured fastest.
    static int defaultEngineThreads();

    /// Turns a Python core spec ("py:FILE.py:CLASS") into a registry id, adding the core
    /// to the registry this panel reads (which the caller owns), or says why it cannot.
    /// Called on the GUI thread, also during runs (each run builds its cores from a
    /// snapshot of the registry). docs/python.md.
    using PythonCoreLoader = std::function<core::Result<std::string>(const std::string& spec)>;
    /// Shows "Add Python core…" (hidden while no loader is set: a build without Python).
    void setPythonCoreLoader(PythonCoreLoader loader);
    /// Loads `spec` through the loader and shows the core in a new slot (in the last slot
    /// when all kMaxCores are taken). Returns the loader's error, empty on success.
    QString addPythonCore(const QString& spec);

signals:
    void coresChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addSlot(const QString& id);
    void removeSlot(CoreSlot* slot);
    void updateButtons();

    const core::RecommenderRegistry& m_registry;
    RecommenderListModel* m_model = nullptr;
    QLabel* m_intro = nullptr;
    QVBoxLayout* m_slotsLayout = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_addPython = nullptr;
    PythonCoreLoader m_pythonLoader;
    QLabel* m_budgetLabel = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QLabel* m_threadsLabel = nullptr;
    QSpinBox* m_threads = nullptr;
    std::vector<CoreSlot*> m_slots;
};

} // namespace recoscope::ui
