#include "recoscope/ui/log_source_panel.h"

#include "recoscope/ui/table_actions.h"

#include "metric_text.h"
#include "recoscope/sim/log_store.h"
#include "recoscope/sim/run_store.h"
#include "recoscope/ui/run_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace recoscope::ui {

namespace {

const QStringList kFormats = {QStringLiteral("movielens"), QStringLiteral("retailrocket"),
                              QStringLiteral("yoochoose"), QStringLiteral("csv")};

QTableWidgetItem* cell(const QString& text, bool number) {
    auto* it = new QTableWidgetItem(text);
    if (number)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

} // namespace

LogSourcePanel::LogSourcePanel(RunController& controller, const QString& dbPath, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_dbPath(dbPath) {
    setObjectName(QStringLiteral("logSourcePanel"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_logs = new QTableWidget(this);
    TableActions::install(m_logs);
    m_logs->setObjectName(QStringLiteral("logsTable"));
    m_logs->setColumnCount(6);
    m_logs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logs->verticalHeader()->hide();
    m_logs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_logs->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_logs, 1);

    auto* importRow = new QHBoxLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("logFormat"));
    m_format->addItems(kFormats);
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importLog"));
    m_cancelImport = new QPushButton(this);
    m_cancelImport->setVisible(false);
    m_importProgress = new QProgressBar(this);
    m_importProgress->setRange(0, 1000);
    m_importProgress->setVisible(false);
    m_refresh = new QPushButton(this);
    importRow->addWidget(m_format);
    importRow->addWidget(m_import);
    importRow->addWidget(m_importProgress, 1);
    importRow->addWidget(m_cancelImport);
    importRow->addStretch();
    importRow->addWidget(m_refresh);
    layout->addLayout(importRow);

    auto* form = new QGridLayout;
    m_kLabel = new QLabel(this);
    m_k = new QSpinBox(this);
    m_k->setObjectName(QStringLiteral("replayK"));
    m_k->setRange(1, 1000);
    m_k->setValue(10);
    m_kLabel->setBuddy(m_k);
    form->addWidget(m_kLabel, 0, 0);
    form->addWidget(m_k, 0, 1, Qt::AlignLeft);
    m_targetsLabel = new QLabel(this);
    form->addWidget(m_targetsLabel, 1, 0, Qt::AlignTop);
    auto* kinds = new QGridLayout;
    const std::vector<core::EventKind> defaults = sim::defaultReplayTargets();
    for (int k = 0; k < core::kEventKindCount; ++k) {
        auto* box = new QCheckBox(this);
        box->setObjectName(QStringLiteral("target%1").arg(k));
        box->setChecked(std::find(defaults.begin(), defaults.end(),
                                  static_cast<core::EventKind>(k)) != defaults.end());
        m_targets[static_cast<std::size_t>(k)] = box;
        kinds->addWidget(box, k / 3, k % 3);
    }
    form->addLayout(kinds, 1, 1);
    m_excludeSeen = new QCheckBox(this);
    m_includeUnseen = new QCheckBox(this);
    form->addWidget(m_excludeSeen, 2, 0, 1, 2);
    form->addWidget(m_includeUnseen, 3, 0, 1, 2);
    layout->addLayout(form);

    m_replay = new QPushButton(this);
    m_replay->setObjectName(QStringLiteral("replayLog"));
    layout->addWidget(m_replay);

    connect(m_refresh, &QPushButton::clicked, this, &LogSourcePanel::reload);
    connect(m_import, &QPushButton::clicked, this, &LogSourcePanel::chooseFile);
    connect(m_cancelImport, &QPushButton::clicked, &m_controller, &RunController::cancelImport);
    connect(m_replay, &QPushButton::clicked, this, &LogSourcePanel::replayRequested);
    connect(m_logs, &QTableWidget::itemSelectionChanged, this,
            [this] { m_replay->setEnabled(!selectedLog().isEmpty()); });
    connect(&m_controller, &RunController::importProgress, this,
            [this](double f) { m_importProgress->setValue(static_cast<int>(f * 1000.0)); });
    auto importDone = [this] {
        m_import->setEnabled(true);
        m_importProgress->setVisible(false);
        m_cancelImport->setVisible(false);
    };
    connect(&m_controller, &RunController::importFinished, this,
            [this, importDone](const QString& name, qint64 events, qint64 users, qint64 items,
                               qint64 skipped) {
                importDone();
                reload();
                selectLog(name);
                emit statusMessage(tr("Imported log '%1': %2 events of %3 users on %4 items; "
                                      "%5 bad lines skipped.")
                                       .arg(name, QLocale().toString(events),
                                            QLocale().toString(users), QLocale().toString(items),
                                            QLocale().toString(skipped)));
            });
    connect(&m_controller, &RunController::importFailed, this,
            [this, importDone](const QString& message) {
                importDone();
                emit statusMessage(tr("Import failed: %1").arg(message));
            });
    retranslateUi();
    reload();
}

void LogSourcePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LogSourcePanel::retranslateUi() {
    m_intro->setText(tr("Real logs imported into the run store. Replaying one runs the cores "
                        "chosen under Strategies over its events in time order: before each "
                        "event the core ranks, the rank of the item the user really chose is "
                        "scored, then the core learns from the event."));
    m_logs->setHorizontalHeaderLabels(
        {tr("Log"), tr("Format"), tr("Events"), tr("Users"), tr("Items"), tr("Days")});
    m_import->setText(tr("&Import file…"));
    m_import->setToolTip(tr("Import a log file in the chosen format (docs/import-formats.md); "
                            "the workbench stays usable meanwhile"));
    m_format->setToolTip(tr("Format of the file to import"));
    m_cancelImport->setText(tr("Cancel"));
    m_refresh->setText(tr("Re&fresh"));
    m_kLabel->setText(tr("List length &k:"));
    m_k->setToolTip(tr("Each core ranks k items before each scored event; HR, MRR and NDCG "
                       "are cut at k."));
    m_targetsLabel->setText(tr("Scored events:"));
    for (int k = 0; k < core::kEventKindCount; ++k)
        m_targets[static_cast<std::size_t>(k)]->setText(eventKindTitle(k));
    m_excludeSeen->setText(tr("Never recommend what the user already interacted with"));
    m_includeUnseen->setText(
        tr("Score events of never-seen users or items too (as misses; no core can rank them)"));
    m_replay->setText(tr("&Replay with the chosen strategies"));
    m_replay->setToolTip(tr("Replay the selected log with the 1–4 cores of the Strategies "
                            "panel; the dashboard charts HR@k, NDCG@k and MRR@k over time."));
}

void LogSourcePanel::reload() {
    const QString keep = selectedLog();
    m_names.clear();
    m_logs->setRowCount(0);
    auto store = sim::RunStore::open(m_dbPath, sim::RunStore::Mode::ReadOnly);
    if (store) {
        auto logs = sim::LogStore(*store.value()).logs();
        if (logs) {
            m_logs->setRowCount(static_cast<int>(logs.value().size()));
            int row = 0;
            for (const sim::LogInfo& l : logs.value()) {
                m_names << l.name;
                const QLocale loc;
                m_logs->setItem(row, 0, cell(l.name, false));
                m_logs->setItem(row, 1, cell(l.format, false));
                m_logs->setItem(row, 2, cell(loc.toString(l.events), true));
                m_logs->setItem(row, 3, cell(loc.toString(l.users), true));
                m_logs->setItem(row, 4, cell(loc.toString(l.items), true));
                m_logs->setItem(
                    row, 5, cell(loc.toString((l.lastTime - l.firstTime) / 86400.0, 'f', 1), true));
                m_logs->item(row, 0)->setToolTip(l.source);
                ++row;
            }
        } else {
            emit statusMessage(QString::fromStdString(logs.error()));
        }
    }
    // A store that does not exist yet simply has no logs.
    if (!selectLog(keep) && !m_names.isEmpty())
        m_logs->selectRow(0);
    m_replay->setEnabled(!selectedLog().isEmpty());
}

QString LogSourcePanel::selectedLog() const {
    const QList<QTableWidgetItem*> sel = m_logs->selectedItems();
    if (sel.isEmpty())
        return {};
    const int row = sel.front()->row();
    return row >= 0 && row < m_names.size() ? m_names[row] : QString();
}

bool LogSourcePanel::selectLog(const QString& name) {
    const qsizetype row = m_names.indexOf(name);
    if (name.isEmpty() || row < 0)
        return false;
    m_logs->selectRow(static_cast<int>(row));
    return true;
}

sim::ReplaySpec LogSourcePanel::replaySettings() const {
    sim::ReplaySpec spec;
    spec.log = selectedLog();
    spec.k = m_k->value();
    spec.targets.clear();
    for (int k = 0; k < core::kEventKindCount; ++k)
        if (m_targets[static_cast<std::size_t>(k)]->isChecked())
            spec.targets.push_back(static_cast<core::EventKind>(k));
    spec.excludeSeen = m_excludeSeen->isChecked();
    spec.includeUnseen = m_includeUnseen->isChecked();
    // More buckets than the CLI's 50: the live curves should move smoothly.
    spec.buckets = 200;
    return spec;
}

QString LogSourcePanel::freeName(const QString& base) const {
    QString name = base.isEmpty() ? QStringLiteral("log") : base;
    for (int n = 2; m_names.contains(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

void LogSourcePanel::importFile(const QString& path, const QString& format) {
    sim::LogImportJob job;
    job.dbPath = m_dbPath;
    job.path = path;
    job.format = format;
    job.name = freeName(QFileInfo(path).completeBaseName());
    // The GUI imports what it can and says how much it skipped: a dialog per bad line
    // would be worse than the CLI's default of stopping.
    job.skipBad = true;
    m_import->setEnabled(false);
    m_importProgress->setValue(0);
    m_importProgress->setVisible(true);
    m_cancelImport->setVisible(true);
    m_controller.importLog(job);
    emit statusMessage(tr("Importing %1 as '%2'…").arg(path, job.name));
}

void LogSourcePanel::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a log"), QString(),
        tr("Log files (*.data *.csv *.dat *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path, m_format->currentText());
}

} // namespace recoscope::ui
