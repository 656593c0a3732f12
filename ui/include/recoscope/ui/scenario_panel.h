#pragma once
// ScenarioPanel: pick a built-in preset or open a JSON file, edit it in a form generated
// from the scenario field table (sim::scenarioFields(): kinds, ranges, decimals, units,
// labels and help) or as raw JSON, see validation messages inline, Save As. A field added
// to the table appears in the form without UI changes.

#include "recoscope/core/result.h"
#include "recoscope/sim/scenario.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;

namespace recoscope::ui {

class ScenarioSectionBar;

class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    /// Selects a built-in preset by name; false if unknown.
    bool selectPreset(const QString& name);
    /// Loads a scenario file (errors are shown inline and returned).
    core::Status openFile(const QString& path);
    bool saveAs(const QString& path);

    /// The scenario as edited (validated), or the validation errors (an entry the form
    /// refused counts as one). An edited built-in is named "NAME (edited HASH8)".
    core::Result<sim::Scenario> scenario() const;
    /// Edited since it was loaded, opened or saved.
    bool isModified() const;
    /// Where the scenario came from: "builtin:NAME" or a file path.
    QString source() const { return m_source; }
    QString presetName() const;
    std::uint64_t seed() const;
    /// Stop after this many events per core (0 = the whole scenario).
    std::uint64_t eventLimit() const;
    void setEventLimit(std::uint64_t limit);
    QString jsonText() const;
    void setJsonText(const QString& text);
    /// Validation messages currently shown (empty when valid).
    QString validationText() const;
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void scenarioChanged();
    /// The scenario was written to `path` (".json" added when the name had no extension).
    void saved(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void loadJson(const QByteArray& json);
    void rebuildForm();
    void formEdited(const QString& path, const QJsonValue& value);
    void jsonEdited();
    void validate();
    /// Hides the form behind `message` (empty: shows the form again).
    void showSyntaxError(const QString& message);

    QLabel* m_presetLabel = nullptr;
    QComboBox* m_preset = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_limitLabel = nullptr;
    QSpinBox* m_limit = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_formNote = nullptr;
    QScrollArea* m_formScroll = nullptr;
    ScenarioSectionBar* m_sections = nullptr; ///< links to the form's sections
    QWidget* m_formHost = nullptr;
    QVBoxLayout* m_formLayout = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_errors = nullptr;
    QJsonObject m_doc;
    QJsonObject m_loadedDoc; ///< as loaded, opened or saved: isModified() compares
    QString m_loadedText;
    QMap<QString, QString> m_rejected; // JSON path -> why the form refused the entry
    QString m_source;
    QMap<QString, QWidget*> m_fields; // JSON path -> editor
    bool m_updating = false;
    QStringList m_errorLines;
};

} // namespace recoscope::ui
