#pragma once
// RunNoteDialog: edits one run's free-text note (RunHistoryModel::setNote). Save writes the
// store at once and closes; when the store refuses (read-only or locked file, too long)
// the dialog stays open with the store's message under the text, which is kept, and the
// stored note is unchanged. Opened from the history's Edit note… button and context menu.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace recoscope::ui {

class RunHistoryModel;

class RunNoteDialog : public QDialog {
    Q_OBJECT
public:
    /// `model` must outlive the dialog and hold run `runId`.
    RunNoteDialog(RunHistoryModel* model, qint64 runId, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_editor; }
    /// The refusal shown under the text (hidden after a successful save).
    QLabel* errorLabel() const { return m_error; }
    /// Writes the note; true (and the dialog accepted) when stored.
    bool save();

private:
    RunHistoryModel* m_model = nullptr;
    qint64 m_runId = 0;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace recoscope::ui
