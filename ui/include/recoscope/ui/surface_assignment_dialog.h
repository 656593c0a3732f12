#pragma once
// "Per surface…" of a strategy slot: a compact table giving any of the four surfaces (home
// feed, search, product page, cart page) a core of its own with its parameters, the slot's
// core serving the rest. Accepting checks every choice against the registry
// (sim::checkSurfaceCores) and keeps the dialog open with the message when one is wrong.
// GUI thread.

#include "recoscope/core/registry.h"
#include "recoscope/sim/surface_assignments.h"

#include <QDialog>

#include <array>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace recoscope::ui {

class SurfaceAssignmentDialog : public QDialog {
    Q_OBJECT
public:
    SurfaceAssignmentDialog(const core::RecommenderRegistry& registry,
                            const sim::SurfaceAssignments& initial, QWidget* parent = nullptr);

    /// What the table says now (specs "ID KEY=VALUE ...", empty for the slot's core).
    sim::SurfaceAssignments assignments() const;
    /// Sets one row (tests, screenshots): `id` empty for the slot's core.
    void setRow(core::Surface surface, const QString& id, const QString& params);
    /// The check accept() makes: empty when every choice is valid, else the message.
    QString problem() const;
    QTableWidget* table() const { return m_table; }

    /// The translated name of a surface ("Cart page").
    static QString surfaceLabel(core::Surface surface);
    /// One line for the slot: "Cart page: itemknn · Product page: markov".
    static QString summary(const sim::SurfaceAssignments& a);

public slots:
    void accept() override;

private:
    const core::RecommenderRegistry& m_registry;
    QTableWidget* m_table = nullptr;
    QLabel* m_error = nullptr;
    std::array<QComboBox*, core::kSurfaceCount> m_cores{};
    std::array<QLineEdit*, core::kSurfaceCount> m_params{};
};

} // namespace recoscope::ui
