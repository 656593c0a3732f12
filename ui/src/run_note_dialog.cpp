#include "recoscope/ui/run_note_dialog.h"

#include "recoscope/sim/run_store.h"
#include "recoscope/ui/run_history_model.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace recoscope::ui {

RunNoteDialog::RunNoteDialog(RunHistoryModel* model, qint64 runId, QWidget* parent)
    : QDialog(parent), m_model(model), m_runId(runId) {
    setObjectName(QStringLiteral("runNoteDialog"));
    const sim::RunRecord* r = model->record(model->rowOfRun(runId));
    Q_ASSERT(r); // the panel opens it for a run of the history
    setWindowTitle(tr("Note on run %1").arg(runId));
    auto* layout = new QVBoxLayout(this);
    auto* about = new QLabel(this);
    about->setText(r->label.isEmpty()
                       ? tr("Run %1: %2 on %3").arg(runId).arg(r->recommender, r->scenarioName)
                       : tr("Run %1 “%2”: %3 on %4")
                             .arg(runId)
                             .arg(r->label, r->recommender, r->scenarioName));
    about->setWordWrap(true);
    layout->addWidget(about);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("runNoteEditor"));
    m_editor->setPlainText(r->note);
    m_editor->setPlaceholderText(tr("What this run was for, what you noticed, what to try next…"));
    layout->addWidget(m_editor, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("runNoteError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunNoteDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 320);
}

bool RunNoteDialog::save() {
    const QString error = m_model->setNote(m_runId, m_editor->toPlainText());
    if (!error.isEmpty()) {
        // The text stays in the editor, so that nothing typed is lost.
        m_error->setText(error);
        m_error->show();
        return false;
    }
    m_error->hide();
    accept();
    return true;
}

} // namespace recoscope::ui
