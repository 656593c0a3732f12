#include "recoscope/ui/run_diff_dialog.h"

#include "recoscope/sim/run_diff.h"
#include "recoscope/sim/scenario_fields.h"
#include "recoscope/ui/table_actions.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace recoscope::ui {

namespace {

// A setting's path is its key in the files and on the command line, so it stays; where the
// current language has a name for it (the field's label, the parameter's name), the name
// comes first: "商品数 (scenario.catalogue.items)". English shows the path alone, as before.
QString settingText(const QString& path) {
    QString english, translated;
    if (path == QLatin1String("recommender")) {
        english = QStringLiteral("Core");
        translated = RunDiffDialog::tr("Core");
    } else if (path == QLatin1String("seed")) {
        english = QStringLiteral("Seed");
        translated = RunDiffDialog::tr("Seed");
    } else if (path.startsWith(QLatin1String("params."))) {
        english = path.mid(7);
        translated =
            QCoreApplication::translate("RecommenderParamName", english.toUtf8().constData());
    } else if (path.startsWith(QLatin1String("scenario."))) {
        QString field = path.mid(9);
        const qsizetype bracket = field.indexOf(QLatin1Char('['));
        if (bracket >= 0)
            field.truncate(bracket); // an entry of a list or of weights: the field's name
        if (const sim::ScenarioField* f = sim::findScenarioField(field)) {
            english = QString::fromUtf8(f->label);
            translated = QCoreApplication::translate("ScenarioField", f->label);
        }
    }
    if (translated.isEmpty() || translated == english)
        return path;
    return RunDiffDialog::tr("%1 (%2)").arg(translated, path);
}

} // namespace

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
        // "(absent)": a path one run's set-up lacks (sim::diffRuns' word for it).
        auto value = [](const QString& v) {
            return v == QLatin1String("(absent)") ? tr("(absent)") : v;
        };
        const QString cells[3] = {settingText(d.path), value(d.a), value(d.b)};
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
