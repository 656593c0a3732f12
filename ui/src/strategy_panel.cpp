#include "recoscope/ui/strategy_panel.h"

#include "recoscope/core/registry.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/recommender_list_model.h"

#include "core_slot.h"
#include "python_core_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace recoscope::ui {

StrategyPanel::StrategyPanel(const core::RecommenderRegistry& registry, QWidget* parent)
    : QWidget(parent), m_registry(registry), m_model(new RecommenderListModel(registry, this)) {
    setObjectName(QStringLiteral("strategyPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    outer->addWidget(m_intro);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* host = new QWidget;
    m_slotsLayout = new QVBoxLayout(host);
    m_slotsLayout->setContentsMargins(0, 0, 0, 0);
    m_slotsLayout->addStretch();
    scroll->setWidget(host);
    outer->addWidget(scroll, 1);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addCore"));
    outer->addWidget(m_add);
    m_addPython = new QPushButton(this);
    m_addPython->setObjectName(QStringLiteral("addPythonCore"));
    m_addPython->setVisible(false);
    outer->addWidget(m_addPython);
    connect(m_addPython, &QPushButton::clicked, this, [this] {
        const QString spec = pickPythonCoreSpec(this);
        if (spec.isEmpty())
            return;
        if (const QString error = addPythonCore(spec); !error.isEmpty())
            showPythonCoreError(this, error);
    });
    auto* budgetRow = new QHBoxLayout;
    m_budgetLabel = new QLabel(this);
    m_budget = new QDoubleSpinBox(this);
    m_budget->setObjectName(QStringLiteral("latencyBudget"));
    m_budget->setRange(0.0, 3.6e9);
    m_budget->setDecimals(0);
    m_budget->setSingleStep(100.0);
    m_budgetLabel->setBuddy(m_budget);
    budgetRow->addWidget(m_budgetLabel);
    budgetRow->addWidget(m_budget, 1);
    outer->addLayout(budgetRow);
    auto* threadsRow = new QHBoxLayout;
    m_threadsLabel = new QLabel(this);
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("engineThreads"));
    m_threads->setRange(1, 16);
    m_threads->setValue(defaultEngineThreads());
    m_threadsLabel->setBuddy(m_threads);
    threadsRow->addWidget(m_threadsLabel);
    threadsRow->addWidget(m_threads, 1);
    outer->addLayout(threadsRow);
    connect(m_add, &QPushButton::clicked, this, [this] {
        // A second core defaults to a different one than the first: a comparison.
        const auto ids = m_registry.ids();
        QString next = ids.empty() ? QString() : QString::fromStdString(ids.front());
        for (const std::string& id : ids)
            if (!coreIds().contains(QString::fromStdString(id))) {
                next = QString::fromStdString(id);
                break;
            }
        addSlot(next);
        emit coresChanged();
    });
    retranslateUi();
    const auto ids = m_registry.ids();
    // Start with a sensible non-random baseline when there is one.
    QString first = ids.empty() ? QString() : QString::fromStdString(ids.front());
    for (const char* preferred : {"popularity", "itemknn"})
        if (m_registry.find(preferred)) {
            first = QString::fromLatin1(preferred);
            break;
        }
    addSlot(first);
    // A newcomer's first Start is already a comparison: a second, different core.
    if (ids.size() > 1) {
        QString second;
        for (const char* preferred : {"itemknn", "content"})
            if (m_registry.find(preferred) && QString::fromLatin1(preferred) != first) {
                second = QString::fromLatin1(preferred);
                break;
            }
        for (std::size_t i = 0; second.isEmpty() && i < ids.size(); ++i)
            if (QString::fromStdString(ids[i]) != first)
                second = QString::fromStdString(ids[i]);
        addSlot(second);
    }
}

void StrategyPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StrategyPanel::retranslateUi() {
    m_intro->setText(tr("Pick 1 to %1 recommender cores. Each faces the same shoppers with the "
                        "same random numbers, so differences come from the cores alone.")
                         .arg(kMaxCores));
    m_add->setText(tr("&Add a core to compare"));
    m_threadsLabel->setText(tr("Engine &threads:"));
    m_threads->setToolTip(tr("How many threads run the cores of a comparison. The results are "
                             "the same for every value; more threads finish sooner when the "
                             "machine has free processor cores."));
    m_addPython->setText(tr("Add &Python core…"));
    m_addPython->setToolTip(tr("Load a class with recommend(request) from a .py file and run "
                               "it as a core beside the built-in ones (docs/python.md)."));
    m_budgetLabel->setText(tr("Latency &budget:"));
    m_budget->setSpecialValueText(tr("none"));
    m_budget->setSuffix(tr(" µs"));
    m_budget->setToolTip(tr("A core whose recommendation takes longer than this is stopped and "
                            "reported; the other cores go on. Wall-clock time: a run with a "
                            "budget is reproducible only while every core keeps it."));
    m_model->retranslate();
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        m_slots[i]->setColor(static_cast<int>(i));
        m_slots[i]->removeButton()->setToolTip(tr("Remove this core"));
        m_slots[i]->combo()->setToolTip(
            tr("Recommender core; hover an entry for its description."));
        m_slots[i]->retranslate();
    }
}

void StrategyPanel::addSlot(const QString& id) {
    if (static_cast<int>(m_slots.size()) >= kMaxCores)
        return;
    auto* slot = new CoreSlot(m_registry, m_model, this);
    slot->setCoreId(id);
    m_slotsLayout->insertWidget(m_slotsLayout->count() - 1, slot);
    m_slots.push_back(slot);
    connect(slot->removeButton(), &QToolButton::clicked, this, [this, slot] {
        removeSlot(slot);
        emit coresChanged();
    });
    connect(slot->combo(), &QComboBox::currentIndexChanged, this, &StrategyPanel::coresChanged);
    updateButtons();
    retranslateUi();
}

void StrategyPanel::removeSlot(CoreSlot* slot) {
    if (m_slots.size() <= 1)
        return;
    m_slots.erase(std::find(m_slots.begin(), m_slots.end(), slot));
    slot->deleteLater();
    updateButtons();
    retranslateUi();
}

void StrategyPanel::updateButtons() {
    m_add->setEnabled(static_cast<int>(m_slots.size()) < kMaxCores);
    for (CoreSlot* s : m_slots)
        s->removeButton()->setEnabled(m_slots.size() > 1);
}

std::vector<sim::ArenaSpec::Core> StrategyPanel::cores() const {
    std::vector<sim::ArenaSpec::Core> out;
    for (const CoreSlot* s : m_slots) {
        out.push_back({s->coreId().toStdString(), s->params()});
        // A slot without assignments leaves the scenario's `surfaces` to apply.
        if (!s->surfaces().empty())
            out.back().surfaces = s->surfaces();
    }
    return out;
}

QStringList StrategyPanel::coreIds() const {
    QStringList ids;
    for (const CoreSlot* s : m_slots)
        ids << s->coreId();
    return ids;
}

void StrategyPanel::setCores(const QStringList& ids) {
    QStringList known;
    for (const QString& id : ids)
        if (m_registry.find(id.toStdString()))
            known << id;
    if (known.isEmpty())
        return;
    while (m_slots.size() > 1)
        removeSlot(m_slots.back());
    m_slots.front()->setCoreId(known.front());
    for (int i = 1; i < known.size() && i < kMaxCores; ++i)
        addSlot(known[i]);
    emit coresChanged();
}

bool StrategyPanel::setParam(int index, const QString& key, const QString& value) {
    if (index < 0 || index >= slotCount())
        return false;
    return m_slots[static_cast<std::size_t>(index)]->setParam(key, value);
}

bool StrategyPanel::setSurfaces(int index, const sim::SurfaceAssignments& surfaces) {
    if (index < 0 || index >= slotCount())
        return false;
    m_slots[static_cast<std::size_t>(index)]->setSurfaces(surfaces);
    emit coresChanged();
    return true;
}

sim::SurfaceAssignments StrategyPanel::surfaces(int index) const {
    return index < 0 || index >= slotCount() ? sim::SurfaceAssignments{}
                                             : m_slots[static_cast<std::size_t>(index)]->surfaces();
}

void StrategyPanel::setPythonCoreLoader(PythonCoreLoader loader) {
    m_pythonLoader = std::move(loader);
    m_addPython->setVisible(static_cast<bool>(m_pythonLoader));
}

QString StrategyPanel::addPythonCore(const QString& spec) {
    if (!m_pythonLoader)
        return tr("This build has no Python support.");
    core::Result<std::string> id = m_pythonLoader(spec.toStdString());
    if (!id)
        return QString::fromStdString(id.error());
    m_model->appendNewEntries();
    const QString core = QString::fromStdString(id.value());
    if (static_cast<int>(m_slots.size()) < kMaxCores)
        addSlot(core);
    else
        m_slots.back()->setCoreId(core);
    emit coresChanged();
    return {};
}

double StrategyPanel::latencyBudgetUs() const {
    return m_budget->value();
}

void StrategyPanel::setLatencyBudgetUs(double us) {
    m_budget->setValue(us);
}

int StrategyPanel::engineThreads() const {
    return m_threads->value();
}

void StrategyPanel::setEngineThreads(int threads) {
    m_threads->setValue(threads);
}

int StrategyPanel::defaultEngineThreads() {
    return std::clamp(QThread::idealThreadCount(), 1, 16);
}

} // namespace recoscope::ui
