#include "recoscope/ui/strategy_panel.h"

#include "recoscope/core/registry.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/recommender_list_model.h"

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

/// One core of the arena: picker, description, parameter form.
class CoreSlot : public QGroupBox {
public:
    CoreSlot(const core::RecommenderRegistry& registry, RecommenderListModel* model,
             QWidget* parent)
        : QGroupBox(parent), m_registry(registry) {
        auto* layout = new QVBoxLayout(this);
        auto* row = new QHBoxLayout;
        m_combo = new QComboBox(this);
        m_combo->setObjectName(QStringLiteral("corePicker"));
        // Grouped by family: a disabled header row per family, cores indented under it.
        m_combo->setModel(model);
        m_remove = new QToolButton(this);
        m_remove->setText(QStringLiteral("✕"));
        row->addWidget(m_combo, 1);
        row->addWidget(m_remove);
        layout->addLayout(row);
        m_description = new QLabel(this);
        m_description->setWordWrap(true);
        layout->addWidget(m_description);
        m_form = new QFormLayout;
        layout->addLayout(m_form);
        QObject::connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    }

    // Core texts come from the registry in English; translations live in the contexts
    // Recommender, RecommenderFamily and RecommenderParam (resources/translations,
    // catalogue_strings.cpp), with the English text as fallback.
    static QString trCore(const char* context, const QString& english) {
        return QCoreApplication::translate(context, english.toUtf8().constData());
    }

    void retranslate() {
        const core::RecommenderEntry* e = m_registry.find(coreId().toStdString());
        m_description->setText(e ? trCore("Recommender", QString::fromStdString(e->description))
                                 : QString());
        if (e)
            for (const core::ParamSpec& p : e->params) {
                auto it = m_editors.find(p.key);
                if (it == m_editors.end())
                    continue;
                const QString key = QString::fromStdString(p.key);
                const QString help = trCore("RecommenderParam", QString::fromStdString(p.help)) +
                                     QLatin1Char('\n') +
                                     StrategyPanel::tr("Accepted: %1")
                                         .arg(QString::fromStdString(core::describeRange(p))) +
                                     QLatin1Char('\n') + StrategyPanel::tr("Key: %1").arg(key);
                it->second->setToolTip(help);
                if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(it->second))) {
                    label->setToolTip(help);
                    // The key is the parameter's name in English (scenario files and
                    // --param use it); other languages show a translated name, the key
                    // staying in the tooltip.
                    label->setText(trCore("RecommenderParamName", key));
                }
            }
    }

    QToolButton* removeButton() const { return m_remove; }
    QComboBox* combo() const { return m_combo; }

    QString coreId() const { return m_combo->currentData(Qt::UserRole).toString(); }

    void setCoreId(const QString& id) {
        const int i = m_combo->findData(id, Qt::UserRole);
        if (i >= 0)
            m_combo->setCurrentIndex(i);
    }

    void setColor(int index) {
        setStyleSheet(
            QStringLiteral("QGroupBox { border: 2px solid %1; border-radius: 4px; "
                           "margin-top: 1.2em; padding-top: 4px; } "
                           "QGroupBox::title { color: %1; subcontrol-origin: margin; left: 8px; }")
                .arg(coreColor(index).name()));
        setTitle(StrategyPanel::tr("Core %1").arg(index + 1));
    }

    std::map<std::string, std::string> params() const {
        std::map<std::string, std::string> out;
        for (const auto& [key, w] : m_editors) {
            QString v;
            if (auto* s = qobject_cast<QSpinBox*>(w))
                v = QString::number(s->value());
            else if (auto* d = qobject_cast<QDoubleSpinBox*>(w))
                v = QString::number(d->value(), 'g', 10);
            else if (auto* c = qobject_cast<QCheckBox*>(w))
                v = c->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
            else if (auto* cb = qobject_cast<QComboBox*>(w))
                v = cb->currentText();
            else if (auto* le = qobject_cast<QLineEdit*>(w))
                v = le->text();
            out[key] = v.toStdString();
        }
        return out;
    }

    bool setParam(const QString& key, const QString& value) {
        auto it = m_editors.find(key.toStdString());
        if (it == m_editors.end())
            return false;
        QWidget* w = it->second;
        if (auto* s = qobject_cast<QSpinBox*>(w))
            s->setValue(value.toInt());
        else if (auto* d = qobject_cast<QDoubleSpinBox*>(w))
            d->setValue(value.toDouble());
        else if (auto* c = qobject_cast<QCheckBox*>(w))
            c->setChecked(value == QLatin1String("true") || value == QLatin1String("1"));
        else if (auto* cb = qobject_cast<QComboBox*>(w))
            cb->setCurrentText(value);
        else if (auto* le = qobject_cast<QLineEdit*>(w))
            le->setText(value);
        return true;
    }

private:
    void rebuild() {
        while (m_form->rowCount())
            m_form->removeRow(0);
        m_editors.clear();
        const core::RecommenderEntry* e = m_registry.find(coreId().toStdString());
        if (!e) {
            m_description->clear();
            return;
        }
        for (const core::ParamSpec& p : e->params) {
            QWidget* w = nullptr;
            const double fallback =
                std::holds_alternative<double>(p.fallback) ? std::get<double>(p.fallback) : 0.0;
            switch (p.kind) {
            case core::ParamKind::Integer: {
                auto* s = new QSpinBox;
                s->setRange(
                    static_cast<int>(std::max(p.min, double(std::numeric_limits<int>::min()))),
                    static_cast<int>(std::min(p.max, double(std::numeric_limits<int>::max()))));
                s->setValue(static_cast<int>(fallback));
                w = s;
                break;
            }
            case core::ParamKind::Real: {
                auto* d = new QDoubleSpinBox;
                // Enough decimals for small learning rates and regularisers.
                const int decimals = p.min > 0.0 && p.min < 1e-3 ? 6 : 4;
                d->setDecimals(decimals);
                d->setRange(p.min, p.max);
                d->setSingleStep(std::max((p.max - p.min) / 100.0, std::pow(10.0, -decimals)));
                d->setValue(fallback);
                w = d;
                break;
            }
            case core::ParamKind::Boolean: {
                auto* c = new QCheckBox;
                c->setChecked(fallback != 0.0);
                w = c;
                break;
            }
            case core::ParamKind::Choice: {
                auto* cb = new QComboBox;
                for (const std::string& choice : p.choices)
                    cb->addItem(QString::fromStdString(choice));
                if (std::holds_alternative<std::string>(p.fallback))
                    cb->setCurrentText(QString::fromStdString(std::get<std::string>(p.fallback)));
                w = cb;
                break;
            }
            case core::ParamKind::Text: {
                auto* le = new QLineEdit;
                if (std::holds_alternative<std::string>(p.fallback))
                    le->setText(QString::fromStdString(std::get<std::string>(p.fallback)));
                w = le;
                break;
            }
            }
            const QString help = QString::fromStdString(p.help) + QLatin1Char('\n') +
                                 StrategyPanel::tr("Accepted: %1")
                                     .arg(QString::fromStdString(core::describeRange(p)));
            w->setToolTip(help);
            w->setObjectName(QString::fromStdString(p.key));
            auto* label = new QLabel(QString::fromStdString(p.key));
            label->setToolTip(help);
            m_form->addRow(label, w);
            m_editors[p.key] = w;
        }
        retranslate();
    }

    const core::RecommenderRegistry& m_registry;
    QComboBox* m_combo = nullptr;
    QToolButton* m_remove = nullptr;
    QLabel* m_description = nullptr;
    QFormLayout* m_form = nullptr;
    std::map<std::string, QWidget*> m_editors;
};

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
    for (const CoreSlot* s : m_slots)
        out.push_back({s->coreId().toStdString(), s->params()});
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
