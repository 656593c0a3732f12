#pragma once
// RunDiffDialog: two stored runs' set-ups side by side (sim::diffRuns): core, seed,
// parameters and every scenario field, the differing rows marked and, by default, the
// only ones shown. Opened from the run history with two runs selected.

#include "recoscope/sim/run_store.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace recoscope::ui {

class RunDiffDialog : public QDialog {
    Q_OBJECT
public:
    RunDiffDialog(const sim::RunRecord& a, const sim::RunRecord& b, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QCheckBox* onlyDifferences() const { return m_only; }
    int differing() const { return m_differing; }

private:
    void applyFilter();

    QTableWidget* m_table = nullptr;
    QCheckBox* m_only = nullptr;
    QLabel* m_summary = nullptr;
    int m_differing = 0;
};

} // namespace recoscope::ui
