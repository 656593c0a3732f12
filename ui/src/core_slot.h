#pragma once
// Internal to StrategyPanel: one core of the arena - picker, description, the parameter form
// generated from the core's ParamSpec schema, and its strategy per surface ("Per surface…",
// SurfaceAssignmentDialog). Texts are translated in the StrategyPanel context. GUI thread.

#include "recoscope/core/registry.h"
#include "recoscope/sim/surface_assignments.h"
#include "recoscope/ui/metric_series_store.h"
#include "recoscope/ui/recommender_list_model.h"
#include "recoscope/ui/strategy_panel.h"

#include "recoscope/ui/surface_assignment_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

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
        // A strategy per surface: this core serves the surfaces left to it, others their own.
        auto* surfaceRow = new QHBoxLayout;
        m_surfaceButton = new QPushButton(this);
        m_surfaceButton->setObjectName(QStringLiteral("perSurface"));
        m_surfaceSummary = new QLabel(this);
        m_surfaceSummary->setObjectName(QStringLiteral("perSurfaceSummary"));
        m_surfaceSummary->setWordWrap(true);
        surfaceRow->addWidget(m_surfaceButton);
        surfaceRow->addWidget(m_surfaceSummary, 1);
        layout->addLayout(surfaceRow);
        QObject::connect(m_surfaceButton, &QPushButton::clicked, this, [this] {
            SurfaceAssignmentDialog dialog(m_registry, m_surfaces, this);
            if (dialog.exec() == QDialog::Accepted)
                setSurfaces(dialog.assignments());
        });
        QObject::connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    }

    // Core texts come from the registry in English; translations live in the contexts
    // Recommender, RecommenderFamily and RecommenderParam (resources/translations,
    // catalogue_strings.cpp), with the English text as fallback.
    static QString trCore(const char* context, const QString& english) {
        return QCoreApplication::translate(context, english.toUtf8().constData());
    }

    void retranslate() {
        m_surfaceButton->setText(StrategyPanel::tr("Per &surface…"));
        m_surfaceButton->setToolTip(
            StrategyPanel::tr("Give the home feed, search, product page or cart page a core of "
                              "its own; this core serves the others. Every core learns from "
                              "every event."));
        m_surfaceSummary->setText(m_surfaces.empty()
                                      ? StrategyPanel::tr("Serves every surface")
                                      : SurfaceAssignmentDialog::summary(m_surfaces));
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

    /// Per-surface cores of this slot (empty: this core everywhere).
    const sim::SurfaceAssignments& surfaces() const { return m_surfaces; }
    void setSurfaces(const sim::SurfaceAssignments& surfaces) {
        m_surfaces = surfaces.normalised();
        retranslate();
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
    QPushButton* m_surfaceButton = nullptr;
    QLabel* m_surfaceSummary = nullptr;
    sim::SurfaceAssignments m_surfaces;
};

} // namespace recoscope::ui
