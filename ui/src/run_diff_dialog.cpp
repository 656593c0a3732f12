#include "recoscope/ui/run_diff_dialog.h"

#include "recoscope/sim/run_diff.h"
#include "recoscope/ui/table_actions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace recoscope::ui {

RunDiffDialog::RunDiffDialog(const sim::RunRecord& a, const sim::RunRecord& b, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("runDiffDialog"));
    setWindowTitle(tr("Runs %1 and %2 side by side").arg(a.id).arg(b.id));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_only = new QCheckBox(tr("Only what differs"), this);
    m_only->setChecked(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_only);

    const std::vector<sim::RunDiffRow> rows = sim::diffRuns(a, b);
    m_table = new QTableWidget(static_cast<int>(rows.size()), 3, this);
    m_table->setObjectName(QStringLiteral("runDiffTable"));
    m_table->setHorizontalHeaderLabels({tr("Setting"),
                                        tr("Run %1 (%2)").arg(a.id).arg(a.recommender),
                                        tr("Run %1 (%2)").arg(b.id).arg(b.recommender)});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    TableActions::install(m_table);
    const QColor changed(0xff, 0xf0, 0xc8); // pale amber: not one of the core colours
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const sim::RunDiffRow& d = rows[static_cast<std::size_t>(r)];
        const QString cells[3] = {d.path, d.a, d.b};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (d.differs) {
                item->setBackground(changed);
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(r, c, item);
        }
        m_table->item(r, 0)->setData(Qt::UserRole, d.differs);
        m_differing += d.differs ? 1 : 0;
    }
    m_summary->setText(tr("%1 of %2 settings differ.").arg(m_differing).arg(rows.size()));
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    connect(m_only, &QCheckBox::toggled, this, &RunDiffDialog::applyFilter);
    applyFilter();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 560);
}

void RunDiffDialog::applyFilter() {
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->setRowHidden(r, m_only->isChecked() &&
                                     !m_table->item(r, 0)->data(Qt::UserRole).toBool());
}

} // namespace recoscope::ui
